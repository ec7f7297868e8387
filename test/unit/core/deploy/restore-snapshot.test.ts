import { beforeEach, describe, expect, it } from '@jest/globals';
import { ApplicationAutoScalingClient, RegisterScalableTargetCommand } from '@aws-sdk/client-application-auto-scaling';
import { DescribeServicesCommand, ECSClient, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { rollbackToSnapshot } from '../../../../src/core/deploy/restore-snapshot.js';
import { rollbackDesiredCount, rollbackUpdateInput } from '../../../../src/core/deploy/rollback-request.js';
import type { RollbackSnapshot } from '../../../../src/core/deploy/snapshot.js';
import { CancelledError } from '../../../../src/core/errors.js';
import { Deadline } from '../../../../src/core/time.js';
import { tdArn } from '../../../helpers/ecs-watch-fixtures.js';
import { cpuPolicy, rollingWorld, scalableTarget, type RollingWorld } from '../../../helpers/rolling-setup.js';

const ecsMock = mockClient(ECSClient);
const aasMock = mockClient(ApplicationAutoScalingClient);
let w: RollingWorld;

beforeEach(() => {
  w = rollingWorld(ecsMock, aasMock);
});

function snapshot(fields: Partial<RollbackSnapshot> = {}): RollbackSnapshot {
  return {
    version: 1,
    cluster: 'demo',
    service: 'web',
    exists: true,
    draining: false,
    taskDefinitionArn: tdArn(1),
    desiredCount: 3,
    scalableTargets: [scalableTarget()],
    scalingPolicies: [cpuPolicy('cpu')],
    seenEventIds: [],
    serviceConfig: { healthCheckGracePeriodSeconds: 10, platformVersion: 'LATEST' },
    ...fields,
  };
}

const options = (): { deadline: Deadline } => ({ deadline: new Deadline(w.time.clock, 600_000) });

describe('rollbackUpdateInput', () => {
  it('uses the larger of saved and live desired counts and forces a new deployment', () => {
    expect(rollbackUpdateInput(snapshot(), { desiredCount: 8 })).toEqual({
      cluster: 'demo',
      service: 'web',
      taskDefinition: tdArn(1),
      desiredCount: 8,
      forceNewDeployment: true,
    });
    expect(rollbackUpdateInput(snapshot(), { desiredCount: 0 }).desiredCount).toBe(3);
  });

  it('puts back only the settings the failed deployment changed', () => {
    const input = rollbackUpdateInput(snapshot(), { desiredCount: 3 }, ['healthCheckGracePeriodSeconds', 'loadBalancers']);
    expect(input.healthCheckGracePeriodSeconds).toBe(10);
    expect(input).not.toHaveProperty('platformVersion');
    expect(input).not.toHaveProperty('loadBalancers');
  });
});

describe('rollbackToSnapshot', () => {
  it('fails clearly when the service is gone', async () => {
    const result = await rollbackToSnapshot(w.deps() as Parameters<typeof rollbackToSnapshot>[0], snapshot(), options());
    expect(result.status).toBe('failed');
    expect(result.detail).toContain('no longer ACTIVE');
    expect(w.mutations()).toEqual([]);
    expect(w.log.messages('error')[0]).toMatch(/^Rollback Failed\./);
  });

  it('still waits for the rollback deployment when restoring auto scaling fails, and reports the failure', async () => {
    w.ecs.seedService('web', tdArn(2), 3);
    aasMock.on(RegisterScalableTargetCommand).rejects(Object.assign(new Error('not authorized'), { name: 'AccessDeniedException' }));
    const result = await rollbackToSnapshot(w.deps() as Parameters<typeof rollbackToSnapshot>[0], snapshot(), options());
    expect(ecsMock.commandCalls(UpdateServiceCommand)).toHaveLength(1);
    expect(w.ecs.followed).toHaveLength(1);
    expect(w.ecs.primary('web')?.taskDefinition).toBe(tdArn(1));
    expect(result.status).toBe('failed');
    expect(result.detail).toContain('restoring its auto scaling failed');
    expect(result.detail).toContain('not authorized');
  });

  it('treats an already deleted new service as rolled back', async () => {
    const { taskDefinitionArn: _previous, desiredCount: _count, ...firstDeployment } = snapshot({ exists: false });
    const result = await rollbackToSnapshot(w.deps() as Parameters<typeof rollbackToSnapshot>[0], firstDeployment, options());
    expect(result.status).toBe('succeeded');
    // No wait for INACTIVE: a wait would read the service.
    expect(ecsMock.commandCalls(DescribeServicesCommand)).toHaveLength(0);
  });

  it('reports a deleted service that is still DRAINING when the wait is abandoned', async () => {
    w.ecs.seedService('web', tdArn(1), 2);
    w.ecs.drainingPolls = Infinity;
    const abandon = new AbortController();
    w.time.onSleep = () => abandon.abort(new CancelledError('SIGTERM'));
    const result = await rollbackToSnapshot(w.deps() as Parameters<typeof rollbackToSnapshot>[0], snapshot({ exists: false }), {
      ...options(),
      signal: abandon.signal,
    });
    expect(result.status).toBe('abandoned');
    expect(result.detail).toContain('still DRAINING');
    expect(w.ecs.services.get('web')?.status).toBe('DRAINING');
  });
});

describe('rollbackDesiredCount (R6)', () => {
  it('puts back the saved count when this run set another and nobody changed it since', () => {
    expect(rollbackDesiredCount(snapshot(), { desiredCount: 6 }, 6)).toEqual({
      count: 3,
      why: 'desired count 3 restored (this deployment had set it to 6)',
    });
  });

  it('keeps a count someone else changed after this run set its own, and says so', () => {
    expect(rollbackDesiredCount(snapshot(), { desiredCount: 9 }, 6)).toEqual({
      count: 9,
      why: 'desired count 9 kept: it was changed from 6 (set by this deployment) since, e.g. by auto scaling',
    });
  });

  it('keeps the live count, never below the saved one, when this run set none', () => {
    expect(rollbackDesiredCount(snapshot(), { desiredCount: 8 }).count).toBe(8);
    expect(rollbackDesiredCount(snapshot(), { desiredCount: 1 }).count).toBe(3);
  });
});
