/**
 * The fake ECS of the rolling deployment's unit tests (test/helpers/fake-ecs-service.ts) drives the real service
 * watcher: each rollout ends the real waitForDeployment as it says, and a deleted service drains to INACTIVE (or
 * not) for the real waitForServiceInactive, under fake time.
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling';
import { ECSClient } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { waitForDeployment, waitForServiceInactive } from '../../../../src/core/deploy/watch/index.js';
import type { WatchResult } from '../../../../src/core/deploy/watch/index.js';
import { deleteService, updateService } from '../../../../src/core/ecs/services.js';
import { CancelledError } from '../../../../src/core/errors.js';
import { Deadline } from '../../../../src/core/time.js';
import { tdArn } from '../../../helpers/ecs-watch-fixtures.js';
import { circuitBreakerRollback, fails, neverCompletes, replacedBy, rollsOut } from '../../../helpers/fake-ecs-rollouts.js';
import { rollingWorld, type RollingWorld } from '../../../helpers/rolling-setup.js';

const ecsMock = mockClient(ECSClient);
const aasMock = mockClient(ApplicationAutoScalingClient);
let w: RollingWorld;
const ecs = new ECSClient({ region: 'us-east-1' });

beforeEach(() => {
  w = rollingWorld(ecsMock, aasMock);
  w.ecs.seedService('web', tdArn(1), 2);
});

const deps = (): Parameters<typeof waitForDeployment>[0] => ({ ecs, clock: w.time.clock, sleep: w.time.sleep, log: w.log });

/** UpdateService to web:2, then the real wait on the deployment it started. */
async function deployAndWait(signal?: AbortSignal): Promise<WatchResult & { deploymentId: string }> {
  const updated = await updateService(ecs, { cluster: 'demo', service: 'web', taskDefinition: tdArn(2) });
  const deploymentId = updated?.deployments?.find((d) => d.status === 'PRIMARY')?.id ?? '';
  const result = await waitForDeployment(deps(), {
    cluster: 'demo',
    service: 'web',
    deploymentId,
    taskDefinitionArn: tdArn(2),
    deadline: new Deadline(w.time.clock, 30 * 60_000),
    ...(signal !== undefined ? { signal } : {}),
  });
  return { ...result, deploymentId };
}

describe('waitForDeployment against the fake ECS', () => {
  it('succeeds when the deployment rolls out, after polling while it is in progress', async () => {
    w.ecs.rollouts.push(rollsOut(5000));
    const result = await deployAndWait();
    expect(result).toMatchObject({ ok: true, deployment: { id: 'ecs-svc/2', rolloutState: 'COMPLETED', runningCount: 2 } });
    expect(w.time.sleeps).toEqual([2200, 2200, 2200]);
    expect(w.mutations()).toEqual(['ecs:UpdateService', 'watch:waitForDeployment ecs-svc/2']);
    expect(w.ecs.followed).toMatchObject([{ deploymentId: 'ecs-svc/2', cluster: 'demo', service: 'web', taskDefinitionArn: tdArn(2) }]);
  });

  it('fails when ECS sets rolloutState FAILED, explained by the stopped tasks read with ListTasks and DescribeTasks', async () => {
    w.ecs.rollouts.push(fails('tasks failed to start', { stoppedTasks: [{}, { stoppedReason: 'CannotPullContainerError: not found', containers: [] }] }));
    const result = await deployAndWait();
    expect(result).toMatchObject({ ok: false, reason: 'failed' });
    if (result.ok) return;
    expect(result.message).toBe(
      'deployment ecs-svc/2 failed: tasks failed to start. Stopped tasks: ' +
        'Essential container in task exited (container app exit code 1) [1 task]; CannotPullContainerError: not found [1 task]',
    );
    expect(result.stoppedTasks).toHaveLength(2);
    expect(w.calls).toEqual(expect.arrayContaining(['ecs:ListTasks', 'ecs:DescribeTasks']));
  });

  it('reports the circuit breaker when ECS rolls back, whether it sees the rollback under way or done', async () => {
    w.ecs.rollouts.push(circuitBreakerRollback({ reason: 'ECS deployment circuit breaker: tasks failed to start.' }));
    const underWay = await deployAndWait();
    expect(underWay).toMatchObject({
      ok: false,
      reason: 'circuit-breaker',
      message: 'deployment ecs-svc/2 was rolled back by the ECS deployment circuit breaker (ECS deployment circuit breaker: tasks failed to start.)',
    });
    expect(w.ecs.primary('web')).toMatchObject({ taskDefinition: tdArn(1), rolloutState: 'IN_PROGRESS' });

    w.ecs.rollouts.push(circuitBreakerRollback({ completed: true }));
    const done = await deployAndWait();
    expect(done).toMatchObject({ ok: false, reason: 'circuit-breaker', message: `deployment ${done.deploymentId} was rolled back by the ECS deployment circuit breaker` });
    expect(w.ecs.services.get('web')?.deployments).toMatchObject([{ status: 'PRIMARY', taskDefinition: tdArn(1), rolloutState: 'COMPLETED' }]);
  });

  it('times out when the deployment never completes, once the deadline has passed on the fake clock', async () => {
    w.ecs.rollouts.push(neverCompletes());
    const result = await deployAndWait();
    expect(result).toMatchObject({ ok: false, reason: 'timeout' });
    expect(w.time.totalSlept()).toBe(30 * 60_000);
    expect(w.ecs.followed[0]).toMatchObject({ startedAt: w.ecs.now() - 30 * 60_000, lastPolledAt: w.ecs.now() });
  });

  it('reports a newer PRIMARY deployment as replaced', async () => {
    w.ecs.rollouts.push(replacedBy(tdArn(9)));
    const result = await deployAndWait();
    expect(result).toMatchObject({ ok: false, reason: 'replaced' });
    if (result.ok) return;
    expect(result.message).toContain(`the PRIMARY deployment is now ecs-svc/3 (task definition ${tdArn(9)})`);
  });

  it('ends as cancelled when the signal aborts while the deployment is in progress, and records the signal', async () => {
    const cancel = new AbortController();
    w.ecs.rollouts.push(neverCompletes(() => cancel.abort(new CancelledError('SIGINT'))));
    const result = await deployAndWait(cancel.signal);
    expect(result).toMatchObject({ ok: false, reason: 'cancelled' });
    expect(w.ecs.followed[0]?.signals[0]).toBe(cancel.signal);
  });
});

describe('waitForServiceInactive against the fake ECS', () => {
  const inactiveWait = (signal?: AbortSignal): Promise<WatchResult> =>
    waitForServiceInactive(deps(), {
      cluster: 'demo',
      service: 'web',
      deadline: new Deadline(w.time.clock, 10 * 60_000),
      ...(signal !== undefined ? { signal } : {}),
    });

  it('sees a deleted service DRAINING, then INACTIVE', async () => {
    w.ecs.drainingPolls = 2;
    await deleteService(ecs, 'demo', 'web');
    const result = await inactiveWait();
    expect(result).toMatchObject({ ok: true, service: { status: 'INACTIVE' } });
    expect(w.time.sleeps).toEqual([2200, 2200]);
    expect(w.mutations()).toEqual(['ecs:DeleteService', 'watch:waitForServiceInactive web']);
  });

  it('times out, or is cancelled, while the service stays DRAINING', async () => {
    w.ecs.drainingPolls = Infinity;
    await deleteService(ecs, 'demo', 'web');
    expect(await inactiveWait()).toMatchObject({ ok: false, reason: 'timeout', service: { status: 'DRAINING' } });
    const cancel = new AbortController();
    w.time.onSleep = () => cancel.abort(new CancelledError('SIGTERM'));
    expect(await inactiveWait(cancel.signal)).toMatchObject({ ok: false, reason: 'cancelled' });
    expect(w.ecs.services.get('web')?.status).toBe('DRAINING');
  });
});
