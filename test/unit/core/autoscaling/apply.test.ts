import { beforeEach, describe, expect, it } from '@jest/globals';
import { ApplicationAutoScalingClient, DeleteScalingPolicyCommand, RegisterScalableTargetCommand } from '@aws-sdk/client-application-auto-scaling';
import type { PutScalingPolicyCommandInput, PutScheduledActionCommandInput, RegisterScalableTargetCommandInput } from '@aws-sdk/client-application-auto-scaling';
import { mockClient } from 'aws-sdk-client-mock';
import { applyAutoScaling, bindAutoScaling, deletePolicies } from '../../../../src/core/autoscaling/apply.js';
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

const ALL = { DynamicScalingInSuspended: true, DynamicScalingOutSuspended: true, ScheduledScalingSuspended: true };
const nightly: PutScheduledActionCommandInput = { ServiceNamespace: 'ecs', ResourceId: RESOURCE, ScalableDimension: DIM, ScheduledActionName: 'nightly', Schedule: 'cron(0 22 * * ? *)' };
const mutations = (): string[] => calls.filter((c) => !c.startsWith('aas:Describe'));

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
    // Then the live policies are read, to delete those no manifest names (none here).
    expect(mutations()).toEqual(['aas:RegisterScalableTarget', 'aas:PutScalingPolicy', 'aas:PutScalingPolicy']);
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

describe('applyAutoScaling as upserts (R3)', () => {
  it('updates the live target and policies in place, keeping their ARNs, and deletes only the policies no longer named', async () => {
    fake.seed([target()], [cpuPolicy('cpu50'), cpuPolicy('gone')], [nightly]);
    const arns = fake.policyArns();
    await applyAutoScaling(aas, [target({ MaxCapacity: 8 })], [cpuPolicy('cpu50', { PolicyType: 'TargetTrackingScaling' }), cpuPolicy('new')], 'demo', 'web');
    expect(mutations()).toEqual([
      'aas:RegisterScalableTarget',
      'aas:PutScalingPolicy',
      'aas:PutScalingPolicy',
      'aas:DeleteScalingPolicy',
    ]);
    expect(fake.policyNames()).toEqual(['cpu50', 'new']);
    expect(fake.policyArns()['cpu50']).toBe(arns['cpu50']);
    expect(fake.target()).toMatchObject({ MinCapacity: 1, MaxCapacity: 8 });
    expect(fake.scheduledActions.size).toBe(1);
  });

  it('with keepSuspended registers the target without the SuspendedState a manifest gives (resumed later)', async () => {
    fake.seed([target({ SuspendedState: ALL })], []);
    await applyAutoScaling(aas, [target({ SuspendedState: { DynamicScalingInSuspended: false } })], [], 'demo', 'web', { keepSuspended: true });
    expect(aasMock.commandCalls(RegisterScalableTargetCommand)[0]?.args[0].input).toEqual(target());
    expect(fake.target()?.SuspendedState).toEqual(ALL);
  });
});

describe('deletePolicies', () => {
  it('treats what is already gone as removed', async () => {
    await expect(deletePolicies(aas, [cpuPolicy('gone')])).resolves.toBeUndefined();
  });

  it('lets other errors through', async () => {
    aasMock.on(DeleteScalingPolicyCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));
    await expect(deletePolicies(aas, [cpuPolicy('a')])).rejects.toThrow('denied');
  });
});
