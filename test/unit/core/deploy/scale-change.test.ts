/**
 * An update that starts no new deployment (issue 11 item 5): the same task definition as the PRIMARY deployment, no
 * forceNewDeployment, nothing else that needs new tasks. ECS then keeps the PRIMARY deployment and only scales it,
 * so the run reports a scale change and waits until the PRIMARY deployment runs the desired count, without judging
 * its rollout state (a FAILED one from an earlier run is never blamed). The fake ECS starts no deployment for such
 * an update, as ECS does.
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling';
import { ECSClient, type Deployment } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { deployService, type RollingPlan } from '../../../../src/core/deploy/index.js';
import { Deadline } from '../../../../src/core/time.js';
import { tdArn } from '../../../helpers/ecs-watch-fixtures.js';
import { neverCompletes, replacedBy, scalesOut } from '../../../helpers/fake-ecs-rollouts.js';
import { rollingWorld, type RollingWorld } from '../../../helpers/rolling-setup.js';

const ecsMock = mockClient(ECSClient);
const aasMock = mockClient(ApplicationAutoScalingClient);
let w: RollingWorld;

beforeEach(() => {
  w = rollingWorld(ecsMock, aasMock);
});

/** The running revision deployed again, not forced, without a service definition: at most the count changes. */
function samePlan(revision: number, extra: Partial<RollingPlan> = {}): RollingPlan {
  return w.plan({
    taskDefinition: { kind: 'registered', ref: `web:${revision}`, input: 'task-definition-arn' },
    serviceDefinition: undefined,
    forceNewDeployment: false,
    ...extra,
  });
}

/**
 * Service web whose PRIMARY deployment (web:2) FAILED in an earlier run (circuit breaker without rollback) while
 * the deployment before it (web:1, COMPLETED) still runs its 2 tasks.
 */
function seedFailedPrimary(): Deployment {
  w.ecs.seedService('web', tdArn(2), 2);
  w.ecs.knowTaskDefinition(tdArn(1));
  const svc = w.ecs.services.get('web');
  const failed = w.ecs.primary('web');
  if (svc === undefined || failed === undefined) throw new Error('seed failed');
  Object.assign(failed, {
    runningCount: 0,
    failedTasks: 3,
    rolloutState: 'FAILED',
    rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
  });
  const older = { ...w.ecs.newDeployment(tdArn(1), 2, 'COMPLETED'), status: 'ACTIVE' };
  svc.deployments = [failed, older];
  return failed;
}

describe('an update that starts no new deployment is a scale change', () => {
  it('reports only the desired count changing and waits until the PRIMARY deployment runs it', async () => {
    w.ecs.seedService('web', tdArn(1), 3);
    const primary = w.ecs.primary('web')?.id ?? '';
    w.ecs.rollouts.push(scalesOut(20_000));

    const outcome = await deployService(w.deps(), samePlan(1, { desiredCount: 5 }));

    expect(w.updateInputs()[0]).toMatchObject({ taskDefinition: tdArn(1), desiredCount: 5, forceNewDeployment: false });
    expect(w.mutations()).toEqual(['ecs:UpdateService', `watch:waitForScale ${primary}`]);
    expect(outcome).toMatchObject({ status: 'succeeded', change: 'scale', deploymentId: primary, rolledBack: false });
    expect(outcome.changeDetail).toBe('no new deployment: only the desired count changed from 3 to 5');
    expect(outcome.timings.waitMs).toBeGreaterThanOrEqual(20_000);
    expect(w.ecs.primary('web')).toMatchObject({ desiredCount: 5, runningCount: 5 });
    const log = w.log.messages();
    expect(log).toContain(`No new deployment: only the desired count changed from 3 to 5. Waiting until deployment ${primary} of service web runs 5 tasks.`);
    expect(log).toContain('Scale change of service web succeeded: it runs 5 tasks of web:1 (deployment ' + primary + ').');
    expect(log.some((m) => m.startsWith('Deployment of '))).toBe(false);
  });

  it('says so when nothing changed (same-as-running): the wait still confirms the count', async () => {
    w.ecs.seedService('web', tdArn(1), 3);
    const outcome = await deployService(w.deps(), samePlan(1, { sameAsRunning: true }));
    expect(w.updateInputs()[0]?.desiredCount).toBeUndefined();
    expect(outcome).toMatchObject({ status: 'succeeded', change: 'scale', changeDetail: 'no new deployment: nothing that starts one changed, and the desired count stays 3' });
  });

  it('never blames the PRIMARY deployment that FAILED in an earlier run', async () => {
    const failed = seedFailedPrimary();

    const outcome = await deployService(w.deps(), samePlan(2, { desiredCount: 3 }));

    expect(w.mutations()).toEqual(['ecs:UpdateService', `watch:waitForScale ${failed.id ?? ''}`]);
    expect(outcome).toMatchObject({ status: 'succeeded', change: 'scale', changeDetail: 'no new deployment: only the desired count changed from 2 to 3' });
    expect(outcome.cause).toBeUndefined();
    expect(w.log.messages().join('\n')).not.toMatch(/circuit breaker|failed:/);
    // Its rollout state is left as ECS reports it: the scale change did not make it COMPLETED.
    expect(w.ecs.primary('web')).toMatchObject({ rolloutState: 'FAILED', runningCount: 3 });
  });

  it('a scale change that times out is reported as one (not as the earlier failure) and its count is put back (R6)', async () => {
    const failed = seedFailedPrimary();
    w.ecs.rollouts.push(neverCompletes());

    const outcome = await deployService(w.deps(), samePlan(2, { desiredCount: 4, deadline: new Deadline(w.time.clock, 3 * 60_000) }));

    expect(outcome).toMatchObject({ status: 'failed', failureReason: 'timeout', change: 'scale' });
    expect(outcome.cause).toContain(`deployment ${failed.id ?? ''} of service web to run 4 tasks (a scale change; no new deployment)`);
    expect(outcome.cause).toContain('last seen: desired 4, pending 0, running 0');
    expect(outcome.cause).not.toMatch(/circuit breaker|FAILED/);
    // The rollback goes back to the saved count (and, as every R6 rollback, to the last revision that completed).
    expect(w.updateInputs()[1]).toMatchObject({ desiredCount: 2, taskDefinition: tdArn(1), forceNewDeployment: true });
    expect(outcome.rollback?.status).toBe('succeeded');
  });

  it('a scale change of a healthy service that times out only sets the count back: no deployment is started to roll back', async () => {
    w.ecs.seedService('web', tdArn(1), 2);
    w.ecs.rollouts.push(neverCompletes());

    const outcome = await deployService(w.deps(), samePlan(1, { desiredCount: 4, deadline: new Deadline(w.time.clock, 3 * 60_000) }));

    expect(outcome).toMatchObject({ status: 'failed', failureReason: 'timeout', change: 'scale', rollback: { status: 'succeeded' } });
    expect(w.updateInputs()).toHaveLength(2);
    expect(w.updateInputs()[1]).toEqual({ cluster: 'demo', service: 'web', desiredCount: 2 });
    expect(outcome.rollback?.detail).toContain('a scale change has no deployment to roll back: desired count 2 restored');
  });

  it('a deployment someone else starts during the wait replaces the scale change: no rollback', async () => {
    w.ecs.seedService('web', tdArn(1), 3);
    w.ecs.knowTaskDefinition(tdArn(9));
    w.ecs.rollouts.push(replacedBy(tdArn(9)));

    const outcome = await deployService(w.deps(), samePlan(1, { desiredCount: 4 }));

    expect(outcome).toMatchObject({ status: 'failed', failureReason: 'replaced', change: 'scale' });
    expect(outcome.cause).toMatch(/^another deployment \(ecs-svc\/\d+, task definition .*web:9\) started while waiting for the scale change of service web/);
    expect(w.updateInputs()).toHaveLength(1);
  });

  it('does not wait with wait-for-steady-state false, and still says it was a scale change', async () => {
    w.ecs.seedService('web', tdArn(1), 3);
    const outcome = await deployService(w.deps(), samePlan(1, { desiredCount: 1, waitForSteadyState: false }));
    expect(outcome).toMatchObject({ status: 'started', change: 'scale' });
    expect(w.mutations()).toEqual(['ecs:UpdateService']);
    expect(w.log.messages()).toContain('Scale change of service web started (desired count 1); ECS goes on with it (not waited for).');
  });

  it('an update that starts a deployment is still followed as one', async () => {
    w.ecs.seedService('web', tdArn(1), 3);
    const outcome = await deployService(w.deps(), samePlan(1, { desiredCount: 4, forceNewDeployment: true }));
    expect(outcome).toMatchObject({ status: 'succeeded', change: 'deployment' });
    expect(outcome.changeDetail).toBeUndefined();
    expect(w.mutations()).toEqual(['ecs:UpdateService', `watch:waitForDeployment ${outcome.deploymentId ?? ''}`]);
  });
});
