/**
 * Application Auto Scaling for ECS services (API reference: RegisterScalableTarget, DeregisterScalableTarget,
 * DescribeScalableTargets, PutScalingPolicy, DeleteScalingPolicy, DescribeScalingPolicies), handlers called
 * directly with JSON parameters and a world whose ECS knows which services are ACTIVE.
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import type { ServiceModule } from '../../../src/emulator/contracts.js';
import { createAutoScalingModule } from '../../../src/emulator/autoscaling/index.js';
import { awsError, fakeWorld, invoke } from '../../helpers/emulator/module-harness.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const RESOURCE = 'service/prod/web';
const target = { ServiceNamespace: 'ecs', ResourceId: RESOURCE, ScalableDimension: 'ecs:service:DesiredCount' };
const cpuPolicy = {
  ...target,
  PolicyName: 'cpu75',
  PolicyType: 'TargetTrackingScaling',
  TargetTrackingScalingPolicyConfiguration: {
    TargetValue: 75,
    PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
    ScaleInCooldown: 60,
    ScaleOutCooldown: 60,
  },
};
const stepPolicy = {
  ...target,
  PolicyName: 'step-out',
  PolicyType: 'StepScaling',
  StepScalingPolicyConfiguration: {
    AdjustmentType: 'ChangeInCapacity',
    Cooldown: 60,
    MetricAggregationType: 'Average',
    StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 2 }],
  },
};

let aas: ServiceModule;
let world: ReturnType<typeof fakeWorld>;
const call = (op: string, params: object): Json => invoke<Json>(aas, world, op, params);

beforeEach(() => {
  world = fakeWorld({ activeServices: new Set([RESOURCE]) });
  aas = createAutoScalingModule({ clock: world.clock, region: 'us-east-1', accountId: '123456789012' }).module;
});

describe('scalable targets', () => {
  it('registers an ECS service target and describes it with the service-linked role and suspended state', () => {
    const { ScalableTargetARN } = call('RegisterScalableTarget', { ...target, MinCapacity: 1, MaxCapacity: 4 });
    expect(ScalableTargetARN).toMatch(/^arn:aws:application-autoscaling:us-east-1:123456789012:scalable-target\/[0-9a-z]{36}$/);
    const out = call('DescribeScalableTargets', { ServiceNamespace: 'ecs', ResourceIds: [RESOURCE] });
    expect(out['ScalableTargets']).toEqual([
      {
        ...target,
        MinCapacity: 1,
        MaxCapacity: 4,
        RoleARN:
          'arn:aws:iam::123456789012:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService',
        CreationTime: world.clock.now() / 1000,
        SuspendedState: { DynamicScalingInSuspended: false, DynamicScalingOutSuspended: false, ScheduledScalingSuspended: false },
        ScalableTargetARN,
      },
    ]);
    expect(out['NextToken']).toBeUndefined();
  });

  it('updates min/max and suspended state of an existing target in place (same ARN)', () => {
    const first = call('RegisterScalableTarget', { ...target, MinCapacity: 1, MaxCapacity: 4 });
    const again = call('RegisterScalableTarget', { ...target, MaxCapacity: 10, SuspendedState: { DynamicScalingInSuspended: true } });
    expect(again['ScalableTargetARN']).toBe(first['ScalableTargetARN']);
    const [t] = call('DescribeScalableTargets', { ServiceNamespace: 'ecs' })['ScalableTargets'];
    expect(t).toMatchObject({
      MinCapacity: 1,
      MaxCapacity: 10,
      SuspendedState: { DynamicScalingInSuspended: true, DynamicScalingOutSuspended: false, ScheduledScalingSuspended: false },
    });
  });

  it('refuses services ECS does not have, bad ECS resource ids and dimensions, missing capacities and min > max', () => {
    const gone = awsError(() => call('RegisterScalableTarget', { ...target, ResourceId: 'service/prod/nope', MinCapacity: 1, MaxCapacity: 2 }));
    expect(gone).toMatchObject({ code: 'ValidationException', status: 400 });
    expect(gone.message).toContain('service/prod/nope');
    expect(awsError(() => call('RegisterScalableTarget', { ...target, ResourceId: 'prod/web', MinCapacity: 1, MaxCapacity: 2 })).code).toBe('ValidationException');
    expect(awsError(() => call('RegisterScalableTarget', { ...target, ScalableDimension: 'ecs:service:Cpu', MinCapacity: 1, MaxCapacity: 2 })).code).toBe('ValidationException');
    expect(awsError(() => call('RegisterScalableTarget', { ...target, MinCapacity: 1 })).code).toBe('ValidationException');
    expect(awsError(() => call('RegisterScalableTarget', { ...target, MinCapacity: 5, MaxCapacity: 2 })).code).toBe('ValidationException');
    expect(awsError(() => call('RegisterScalableTarget', { ResourceId: RESOURCE, ScalableDimension: 'ecs:service:DesiredCount' })).message).toBe(
      "1 validation error detected: Value null at 'serviceNamespace' failed to satisfy constraint: Member must not be null",
    );
  });

  it('refuses Tags on an existing target (TagResource is the way to retag)', () => {
    call('RegisterScalableTarget', { ...target, MinCapacity: 1, MaxCapacity: 2, Tags: { team: 'a' } });
    expect(awsError(() => call('RegisterScalableTarget', { ...target, Tags: { team: 'b' } })).code).toBe('ValidationException');
  });

  it('filters by resource id and dimension and pages with NextToken', () => {
    for (const name of ['a', 'b', 'c']) {
      world.activeServices.add(`service/prod/${name}`);
      call('RegisterScalableTarget', { ...target, ResourceId: `service/prod/${name}`, MinCapacity: 1, MaxCapacity: 2 });
    }
    const ids = (out: Json) => out['ScalableTargets'].map((t: Json) => t['ResourceId']);
    expect(ids(call('DescribeScalableTargets', { ServiceNamespace: 'ecs', ResourceIds: ['service/prod/b'] }))).toEqual(['service/prod/b']);
    expect(ids(call('DescribeScalableTargets', { ServiceNamespace: 'dynamodb' }))).toEqual([]);
    const page1 = call('DescribeScalableTargets', { ServiceNamespace: 'ecs', MaxResults: 2 });
    expect(ids(page1)).toEqual(['service/prod/a', 'service/prod/b']);
    const page2 = call('DescribeScalableTargets', { ServiceNamespace: 'ecs', MaxResults: 2, NextToken: page1['NextToken'] });
    expect(ids(page2)).toEqual(['service/prod/c']);
    expect(page2['NextToken']).toBeUndefined();
    expect(awsError(() => call('DescribeScalableTargets', { ServiceNamespace: 'ecs', NextToken: 'garbage' })).code).toBe('InvalidNextTokenException');
  });
});

describe('scaling policies', () => {
  beforeEach(() => {
    call('RegisterScalableTarget', { ...target, MinCapacity: 1, MaxCapacity: 4 });
  });

  it('puts a target tracking policy: policy ARN and the AlarmHigh / AlarmLow alarms', () => {
    const out = call('PutScalingPolicy', cpuPolicy);
    expect(out['PolicyARN']).toMatch(
      /^arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:[0-9a-f-]{36}:resource\/ecs\/service\/prod\/web:policyName\/cpu75$/,
    );
    expect(out['Alarms'].map((a: Json) => a['AlarmName'])).toEqual([
      expect.stringMatching(/^TargetTracking-service\/prod\/web-AlarmHigh-[0-9a-f-]{36}$/),
      expect.stringMatching(/^TargetTracking-service\/prod\/web-AlarmLow-[0-9a-f-]{36}$/),
    ]);
    expect(out['Alarms'][0]['AlarmARN']).toBe(`arn:aws:cloudwatch:us-east-1:123456789012:alarm:${out['Alarms'][0]['AlarmName']}`);
  });

  it('describes policies with their configuration as given; updating keeps the ARN', () => {
    const first = call('PutScalingPolicy', cpuPolicy);
    call('PutScalingPolicy', stepPolicy);
    const described = call('DescribeScalingPolicies', { ServiceNamespace: 'ecs', ResourceId: RESOURCE })['ScalingPolicies'];
    expect(described).toHaveLength(2);
    expect(described[0]).toEqual({
      ...cpuPolicy,
      PolicyARN: first['PolicyARN'],
      Alarms: first['Alarms'],
      CreationTime: world.clock.now() / 1000,
    });
    expect(described[1]).toMatchObject({ PolicyName: 'step-out', PolicyType: 'StepScaling', Alarms: [], StepScalingPolicyConfiguration: stepPolicy.StepScalingPolicyConfiguration });
    const updated = call('PutScalingPolicy', { ...cpuPolicy, TargetTrackingScalingPolicyConfiguration: { ...cpuPolicy.TargetTrackingScalingPolicyConfiguration, TargetValue: 50 } });
    expect(updated['PolicyARN']).toBe(first['PolicyARN']);
    const byName = call('DescribeScalingPolicies', { ServiceNamespace: 'ecs', PolicyNames: ['cpu75'] })['ScalingPolicies'];
    expect(byName[0]['TargetTrackingScalingPolicyConfiguration']['TargetValue']).toBe(50);
  });

  it('needs a registered scalable target (ObjectNotFoundException as AWS words it)', () => {
    const err = awsError(() => call('PutScalingPolicy', { ...cpuPolicy, ResourceId: 'service/prod/other' }));
    expect(err).toMatchObject({
      code: 'ObjectNotFoundException',
      message: 'No scalable target registered for service namespace: ecs, resource ID: service/prod/other, scalable dimension: ecs:service:DesiredCount',
    });
  });

  it('validates the configuration of the policy type', () => {
    expect(awsError(() => call('PutScalingPolicy', { ...cpuPolicy, TargetTrackingScalingPolicyConfiguration: undefined })).code).toBe('ValidationException');
    expect(
      awsError(() => call('PutScalingPolicy', { ...cpuPolicy, TargetTrackingScalingPolicyConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' } } })).code,
    ).toBe('ValidationException');
    expect(
      awsError(() => call('PutScalingPolicy', { ...cpuPolicy, TargetTrackingScalingPolicyConfiguration: { TargetValue: 5, PredefinedMetricSpecification: { PredefinedMetricType: 'DynamoDBReadCapacityUtilization' } } })).code,
    ).toBe('ValidationException');
    expect(awsError(() => call('PutScalingPolicy', { ...cpuPolicy, PolicyType: 'Magic' })).code).toBe('ValidationException');
  });

  it('deletes a policy, then answers ObjectNotFoundException for it', () => {
    call('PutScalingPolicy', cpuPolicy);
    expect(call('DeleteScalingPolicy', { ...target, PolicyName: 'cpu75' })).toEqual({});
    expect(call('DescribeScalingPolicies', { ServiceNamespace: 'ecs' })['ScalingPolicies']).toEqual([]);
    expect(awsError(() => call('DeleteScalingPolicy', { ...target, PolicyName: 'cpu75' }))).toMatchObject({
      code: 'ObjectNotFoundException',
      message: 'No scaling policy found for service namespace: ecs, resource ID: service/prod/web, scalable dimension: ecs:service:DesiredCount, policy name: cpu75',
    });
  });

  it('deregistering the target deletes its policies; deregistering again is ObjectNotFoundException', () => {
    call('PutScalingPolicy', cpuPolicy);
    call('PutScalingPolicy', stepPolicy);
    expect(call('DeregisterScalableTarget', target)).toEqual({});
    expect(call('DescribeScalableTargets', { ServiceNamespace: 'ecs' })['ScalableTargets']).toEqual([]);
    expect(call('DescribeScalingPolicies', { ServiceNamespace: 'ecs' })['ScalingPolicies']).toEqual([]);
    expect(awsError(() => call('DeregisterScalableTarget', target))).toMatchObject({
      code: 'ObjectNotFoundException',
      message: 'No scalable target found for service namespace: ecs, resource ID: service/prod/web, scalable dimension: ecs:service:DesiredCount',
    });
  });

  it('reset drops targets and policies; dump lists them', () => {
    call('PutScalingPolicy', cpuPolicy);
    expect((aas.dump() as Json)['scalingPolicies']).toHaveLength(1);
    aas.reset();
    expect(call('DescribeScalableTargets', { ServiceNamespace: 'ecs' })['ScalableTargets']).toEqual([]);
    expect((aas.dump() as Json)['scalableTargets']).toEqual([]);
  });
});
