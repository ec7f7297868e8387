import { beforeEach, describe, expect, it } from '@jest/globals';
import { ApplicationAutoScalingClient, DeleteScalingPolicyCommand } from '@aws-sdk/client-application-auto-scaling';
import type { PutScalingPolicyCommandInput, RegisterScalableTargetCommandInput } from '@aws-sdk/client-application-auto-scaling';
import { mockClient } from 'aws-sdk-client-mock';
import {
  applyAutoScaling,
  bindAutoScaling,
  removeAutoScaling,
  restoreAutoScaling,
} from '../../../../src/core/autoscaling/apply.js';
import { describeAutoScaling } from '../../../../src/core/autoscaling/describe.js';
import { ConfigurationError } from '../../../../src/core/errors.js';
import { FakeAutoScaling } from '../../../helpers/fake-autoscaling.js';
import { RecordingLogger } from '../../../helpers/fakes.js';

const aasMock = mockClient(ApplicationAutoScalingClient);
const RESOURCE = 'service/demo/web';
const DIM = 'ecs:service:DesiredCount';

let calls: string[];
let fake: FakeAutoScaling;
let aas: ApplicationAutoScalingClient;

beforeEach(() => {
  aasMock.reset();
  calls = [];
  fake = new FakeAutoScaling(aasMock, calls);
  aas = new ApplicationAutoScalingClient({ region: 'us-east-1' });
});

const target = (fields: Partial<RegisterScalableTargetCommandInput> = {}): RegisterScalableTargetCommandInput => ({
  ServiceNamespace: 'ecs',
  ResourceId: RESOURCE,
  ScalableDimension: DIM,
  MinCapacity: 1,
  MaxCapacity: 4,
  ...fields,
});

const cpuPolicy = (name = 'cpu50', fields: Partial<PutScalingPolicyCommandInput> = {}): PutScalingPolicyCommandInput => ({
  PolicyName: name,
  ServiceNamespace: 'ecs',
  ResourceId: RESOURCE,
  ScalableDimension: DIM,
  PolicyType: 'TargetTrackingScaling',
  TargetTrackingScalingPolicyConfiguration: {
    TargetValue: 50,
    PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
  },
  ...fields,
});

describe('bindAutoScaling', () => {
  it('fills in the namespace, dimension and resource id a manifest leaves out', () => {
    const bound = bindAutoScaling(
      [{ MinCapacity: 2, MaxCapacity: 6 } as RegisterScalableTargetCommandInput],
      [{ PolicyName: 'p', PolicyType: 'TargetTrackingScaling' } as PutScalingPolicyCommandInput],
      'arn:aws:ecs:us-east-1:123456789012:cluster/demo',
      'web',
    );
    expect(bound.scalableTargets).toEqual([target({ MinCapacity: 2, MaxCapacity: 6 })]);
    expect(bound.scalingPolicies[0]).toMatchObject({ ServiceNamespace: 'ecs', ResourceId: RESOURCE, ScalableDimension: DIM });
  });

  it('refuses a manifest written for another service, naming the file and field', () => {
    let error: unknown;
    try {
      bindAutoScaling([target(), target({ ResourceId: 'service/demo/api' })], [], 'demo', 'web', {
        scalableTargets: { input: 'scalable-targets', file: 'deploy/targets.yaml' },
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const ce = error as ConfigurationError;
    expect(ce.location).toEqual({ input: 'scalable-targets', file: 'deploy/targets.yaml', field: '[1].ResourceId' });
    expect(ce.message).toContain("'service/demo/api'");
    expect(ce.message).toContain("'service/demo/web'");
  });

  it('refuses another namespace or dimension, and a policy without a name', () => {
    expect(() => bindAutoScaling([target({ ServiceNamespace: 'dynamodb' })], [], 'demo', 'web')).toThrow(ConfigurationError);
    expect(() =>
      bindAutoScaling([], [cpuPolicy('p', { ScalableDimension: 'dynamodb:table:ReadCapacityUnits' })], 'demo', 'web'),
    ).toThrow(/ScalableDimension/);
    expect(() => bindAutoScaling([], [cpuPolicy('')], 'demo', 'web')).toThrow(/PolicyName/);
  });
});

describe('applyAutoScaling', () => {
  it('registers the targets before putting the policies', async () => {
    const applied = await applyAutoScaling(aas, [target()], [cpuPolicy('cpu50'), cpuPolicy('mem70')], 'demo', 'web', {
      log: new RecordingLogger(),
    });
    expect(calls).toEqual(['aas:RegisterScalableTarget', 'aas:PutScalingPolicy', 'aas:PutScalingPolicy']);
    expect(fake.targets.size).toBe(1);
    expect(fake.policyNames()).toEqual(['cpu50', 'mem70']);
    expect(applied.scalingPolicies).toHaveLength(2);
  });

  it('makes no call at all when a manifest is refused', async () => {
    await expect(applyAutoScaling(aas, [target()], [cpuPolicy('x', { ResourceId: 'service/other/web' })], 'demo', 'web')).rejects.toThrow(
      ConfigurationError,
    );
    expect(calls).toEqual([]);
  });
});

describe('removeAutoScaling', () => {
  it('deletes every policy, then deregisters the target', async () => {
    fake.seed([target()], [cpuPolicy('a'), cpuPolicy('b')]);
    await removeAutoScaling(aas, { scalableTargets: [target()], scalingPolicies: [cpuPolicy('a'), cpuPolicy('b')] });
    expect(calls).toEqual(['aas:DeleteScalingPolicy', 'aas:DeleteScalingPolicy', 'aas:DeregisterScalableTarget']);
    expect(fake.targets.size).toBe(0);
    expect(fake.policies.size).toBe(0);
  });

  it('treats what is already gone as removed', async () => {
    await expect(
      removeAutoScaling(aas, { scalableTargets: [target()], scalingPolicies: [cpuPolicy('gone')] }),
    ).resolves.toBeUndefined();
  });

  it('lets other errors through', async () => {
    aasMock.on(DeleteScalingPolicyCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));
    await expect(removeAutoScaling(aas, { scalableTargets: [], scalingPolicies: [cpuPolicy('a')] })).rejects.toThrow('denied');
  });
});

describe('restoreAutoScaling', () => {
  const snapshot = { cluster: 'demo', service: 'web', scalableTargets: [target()], scalingPolicies: [cpuPolicy('cpu50')] };

  it('puts back removed targets and policies', async () => {
    await restoreAutoScaling(aas, snapshot);
    expect(fake.targets.get(`ecs|${RESOURCE}|${DIM}`)).toMatchObject({ MinCapacity: 1, MaxCapacity: 4 });
    expect(fake.policyNames()).toEqual(['cpu50']);
  });

  it('deletes policies the snapshot did not have and resets changed capacities', async () => {
    fake.seed([target({ MinCapacity: 3, MaxCapacity: 9 })], [cpuPolicy('new-policy'), cpuPolicy('cpu50', { TargetTrackingScalingPolicyConfiguration: { TargetValue: 80 } })]);
    await restoreAutoScaling(aas, snapshot);
    expect(fake.policyNames()).toEqual(['cpu50']);
    const live = await describeAutoScaling(aas, 'demo', 'web');
    expect(live.scalableTargets).toEqual([target()]);
    expect(live.scalingPolicies).toEqual([cpuPolicy('cpu50')]);
  });

  it('deregisters a target when the service had no auto scaling before', async () => {
    fake.seed([target()], [cpuPolicy('p')]);
    await restoreAutoScaling(aas, { cluster: 'demo', service: 'web', scalableTargets: [], scalingPolicies: [] });
    expect(fake.targets.size).toBe(0);
    expect(fake.policies.size).toBe(0);
  });
});
