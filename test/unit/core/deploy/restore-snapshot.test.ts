import { beforeEach, describe, expect, it } from '@jest/globals';
import { ApplicationAutoScalingClient, RegisterScalableTargetCommand } from '@aws-sdk/client-application-auto-scaling';
import { DescribeServicesCommand, ECSClient, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { rollbackToSnapshot } from '../../../../src/core/deploy/restore-snapshot.js';
import {
  restoredSettings,
  restoredSettingsNote,
  rollbackDesiredCount,
  rollbackUpdateInput,
  settledOnSnapshot,
} from '../../../../src/core/deploy/rollback-request.js';
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

describe('the settings a rollback puts back and removes (R6, issue 11 item 3)', () => {
  const clientOnly = { enabled: true, namespace: 'internal' };
  const published = { enabled: true, namespace: 'internal', services: [{ portName: 'http', clientAliases: [{ port: 80 }] }] };
  const volumes = [{ name: 'data', managedEBSVolume: { roleArn: 'arn:aws:iam::123456789012:role/ebs', sizeInGiB: 10 } }];
  const lb = [{ targetGroupArn: 'arn:aws:elasticloadbalancing:tg/web', containerName: 'app', containerPort: 80 }];

  it('puts back the Service Connect and volume configurations the failed deployment changed', () => {
    const saved = snapshot({ serviceConfig: { serviceConnectConfiguration: clientOnly, volumeConfigurations: volumes }, unsetFields: [] });
    const input = rollbackUpdateInput(saved, { desiredCount: 3 }, ['serviceConnectConfiguration', 'volumeConfigurations']);
    expect(input).toMatchObject({ serviceConnectConfiguration: clientOnly, volumeConfigurations: volumes });
    expect(restoredSettingsNote(restoredSettings(saved, ['serviceConnectConfiguration', 'volumeConfigurations']))).toBe(
      'Settings put back: serviceConnectConfiguration, volumeConfigurations.',
    );
  });

  it('removes what the failed deployment added where the service had none, as UpdateService takes it', () => {
    const lists = ['loadBalancers', 'serviceRegistries', 'placementConstraints', 'placementStrategy', 'capacityProviderStrategy'] as const;
    const saved = snapshot({ serviceConfig: {}, unsetFields: [...lists, 'serviceConnectConfiguration', 'volumeConfigurations'] });
    const input = rollbackUpdateInput(saved, { desiredCount: 3 }, [...lists, 'serviceConnectConfiguration', 'volumeConfigurations']);
    for (const key of lists) expect(input[key]).toEqual([]);
    expect(input.serviceConnectConfiguration).toEqual({ enabled: false });
    expect(input.volumeConfigurations).toEqual([]);
  });

  it('leaves, and says so, what UpdateService cannot remove and what the snapshot did not record', () => {
    const saved = snapshot({ serviceConfig: { loadBalancers: [] }, unsetFields: ['networkConfiguration', 'enableExecuteCommand', 'serviceRegistries'] });
    const changed = ['loadBalancers', 'serviceRegistries', 'networkConfiguration', 'enableExecuteCommand', 'placementConstraints'];
    const input = rollbackUpdateInput(saved, { desiredCount: 3 }, changed);
    expect(input).toMatchObject({ loadBalancers: [], serviceRegistries: [] });
    for (const key of ['networkConfiguration', 'enableExecuteCommand', 'placementConstraints']) expect(input).not.toHaveProperty(key);
    expect(restoredSettingsNote(restoredSettings(saved, changed))).toBe(
      'Settings removed (the service had none): loadBalancers, serviceRegistries. ' +
        'Settings left as the failed deployment set them (the service had none before, and UpdateService cannot remove them): ' +
        'networkConfiguration, enableExecuteCommand. ' +
        'Settings left as the failed deployment set them (their earlier value was not recorded): placementConstraints.',
    );
    expect(restoredSettingsNote(restoredSettings(saved, []))).toBeUndefined();
  });

  it("accepts ECS's own rollback only when it brought these settings back too", () => {
    const saved = snapshot({ serviceConfig: { serviceConnectConfiguration: clientOnly, loadBalancers: [] }, unsetFields: ['serviceRegistries'] });
    const changed = ['serviceConnectConfiguration', 'loadBalancers', 'serviceRegistries'];
    const back = (connect: unknown, fields: Record<string, unknown> = {}) => ({
      desiredCount: 3,
      deployments: [{ id: 'ecs-svc/9', status: 'PRIMARY', rolloutState: 'COMPLETED' as const, taskDefinition: tdArn(1), serviceConnectConfiguration: connect as never }],
      ...fields,
    });
    // ECS reports keys in its own order, and leaves out what the service does not have.
    expect(settledOnSnapshot(saved, back({ namespace: 'internal', enabled: true }), changed, 3)).toBe('ecs-svc/9');
    expect(settledOnSnapshot(saved, back(published), changed, 3)).toBeUndefined();
    expect(settledOnSnapshot(saved, back(clientOnly, { loadBalancers: lb }), changed, 3)).toBeUndefined();
    expect(settledOnSnapshot(saved, back(clientOnly, { serviceRegistries: [{ registryArn: 'arn:aws:servicediscovery:srv/web' }] }), changed, 3)).toBeUndefined();
  });

  it('logs what the rollback puts back and removes', async () => {
    w.ecs.seedService('web', tdArn(2), 3, { loadBalancers: lb });
    const saved = snapshot({ serviceConfig: { serviceConnectConfiguration: clientOnly }, unsetFields: ['loadBalancers'] });
    const result = await rollbackToSnapshot(w.deps() as Parameters<typeof rollbackToSnapshot>[0], saved, {
      ...options(),
      changedFields: ['loadBalancers', 'serviceConnectConfiguration'],
    });
    expect(result.status).toBe('succeeded');
    expect(ecsMock.commandCalls(UpdateServiceCommand)[0]?.args[0].input).toMatchObject({ loadBalancers: [], serviceConnectConfiguration: clientOnly });
    expect(w.log.messages()).toContain('Settings put back: serviceConnectConfiguration. Settings removed (the service had none): loadBalancers.');
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
