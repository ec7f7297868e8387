import { beforeEach, describe, expect, it } from '@jest/globals';
import {
  ApplicationAutoScalingClient,
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand,
  DescribeScheduledActionsCommand,
} from '@aws-sdk/client-application-auto-scaling';
import { mockClient } from 'aws-sdk-client-mock';
import {
  describeAutoScaling,
  toPutScalingPolicyInput,
  toPutScheduledActionInput,
  toRegisterScalableTargetInput,
} from '../../../../src/core/autoscaling/describe.js';
import { clusterNameOf, ecsResourceId, serviceNameOf } from '../../../../src/core/autoscaling/resource.js';

const aasMock = mockClient(ApplicationAutoScalingClient);
beforeEach(() => {
  aasMock.reset();
});

describe('resource ids', () => {
  it('uses names, whether cluster and service are given as names or ARNs', () => {
    expect(ecsResourceId('demo', 'web')).toBe('service/demo/web');
    expect(
      ecsResourceId('arn:aws:ecs:eu-west-1:123456789012:cluster/prod', 'arn:aws:ecs:eu-west-1:123456789012:service/prod/api'),
    ).toBe('service/prod/api');
    expect(serviceNameOf('arn:aws:ecs:eu-west-1:123456789012:service/api')).toBe('api');
    expect(clusterNameOf('default')).toBe('default');
  });
});

describe('describeAutoScaling', () => {
  it('asks for the service resource and DesiredCount dimension, follows NextToken, returns input shapes', async () => {
    aasMock
      .on(DescribeScalableTargetsCommand)
      .resolvesOnce({
        ScalableTargets: [
          {
            ServiceNamespace: 'ecs',
            ResourceId: 'service/demo/web',
            ScalableDimension: 'ecs:service:DesiredCount',
            MinCapacity: 1,
            MaxCapacity: 5,
            RoleARN:
              'arn:aws:iam::123456789012:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService',
            CreationTime: new Date('2024-01-01T00:00:00Z'),
            ScalableTargetARN: 'arn:aws:application-autoscaling:us-east-1:123456789012:scalable-target/abc',
            SuspendedState: { DynamicScalingInSuspended: false, DynamicScalingOutSuspended: false, ScheduledScalingSuspended: false },
          },
        ],
      })
      .resolves({ ScalableTargets: [] });
    aasMock
      .on(DescribeScalingPoliciesCommand)
      .resolvesOnce({
        NextToken: 'page2',
        ScalingPolicies: [
          {
            PolicyARN: 'arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:1',
            PolicyName: 'cpu',
            ServiceNamespace: 'ecs',
            ResourceId: 'service/demo/web',
            ScalableDimension: 'ecs:service:DesiredCount',
            PolicyType: 'TargetTrackingScaling',
            TargetTrackingScalingPolicyConfiguration: {
              TargetValue: 60,
              PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
            },
            Alarms: [{ AlarmName: 'a', AlarmARN: 'arn:aws:cloudwatch:alarm:a' }],
            CreationTime: new Date('2024-01-01T00:00:00Z'),
          },
        ],
      })
      .resolvesOnce({
        ScalingPolicies: [
          {
            PolicyARN: 'arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:2',
            PolicyName: 'step',
            ServiceNamespace: 'ecs',
            ResourceId: 'service/demo/web',
            ScalableDimension: 'ecs:service:DesiredCount',
            PolicyType: 'StepScaling',
            StepScalingPolicyConfiguration: { AdjustmentType: 'ChangeInCapacity', StepAdjustments: [{ ScalingAdjustment: 1, MetricIntervalLowerBound: 0 }] },
            CreationTime: new Date('2024-01-01T00:00:00Z'),
          },
        ],
      });
    aasMock.on(DescribeScheduledActionsCommand).resolves({ ScheduledActions: [] });
    const set = await describeAutoScaling(new ApplicationAutoScalingClient({ region: 'us-east-1' }), 'demo', 'web');

    const targetCall = aasMock.commandCalls(DescribeScalableTargetsCommand)[0]?.args[0].input;
    expect(targetCall).toEqual({ ServiceNamespace: 'ecs', ResourceIds: ['service/demo/web'], ScalableDimension: 'ecs:service:DesiredCount' });
    const policyCalls = aasMock.commandCalls(DescribeScalingPoliciesCommand).map((c) => c.args[0].input);
    expect(policyCalls).toHaveLength(2);
    expect(policyCalls[1]).toMatchObject({ ResourceId: 'service/demo/web', NextToken: 'page2' });

    expect(set.scalableTargets).toEqual([
      {
        ServiceNamespace: 'ecs',
        ResourceId: 'service/demo/web',
        ScalableDimension: 'ecs:service:DesiredCount',
        MinCapacity: 1,
        MaxCapacity: 5,
        SuspendedState: { DynamicScalingInSuspended: false, DynamicScalingOutSuspended: false, ScheduledScalingSuspended: false },
      },
    ]);
    expect(set.scalingPolicies.map((p) => p.PolicyName)).toEqual(['cpu', 'step']);
    expect(set.scalingPolicies[0]).not.toHaveProperty('Alarms');
    expect(set.scalingPolicies[0]).not.toHaveProperty('PolicyARN');
    // JSON-serialisable: survives a round trip unchanged.
    expect(JSON.parse(JSON.stringify(set))).toEqual(set);
  });

  it('keeps a custom role but not the ECS service-linked role', () => {
    const base = { ServiceNamespace: 'ecs' as const, ResourceId: 'service/demo/web', ScalableDimension: 'ecs:service:DesiredCount' as const, MinCapacity: 0, MaxCapacity: 1, CreationTime: new Date() };
    expect(toRegisterScalableTargetInput({ ...base, RoleARN: 'arn:aws:iam::123456789012:role/my-scaling' }).RoleARN).toBe(
      'arn:aws:iam::123456789012:role/my-scaling',
    );
    expect(
      toPutScalingPolicyInput({
        PolicyARN: 'x',
        PolicyName: 'p',
        ServiceNamespace: 'ecs',
        ResourceId: 'service/demo/web',
        ScalableDimension: 'ecs:service:DesiredCount',
        PolicyType: 'StepScaling',
        CreationTime: new Date(),
      }),
    ).toEqual({ PolicyName: 'p', ServiceNamespace: 'ecs', ResourceId: 'service/demo/web', ScalableDimension: 'ecs:service:DesiredCount', PolicyType: 'StepScaling' });
  });

  it('reads the scheduled actions of the service target (all pages) as JSON-safe PutScheduledAction inputs', async () => {
    aasMock.on(DescribeScalableTargetsCommand).resolves({ ScalableTargets: [] });
    aasMock.on(DescribeScalingPoliciesCommand).resolves({ ScalingPolicies: [] });
    const action = {
      ScheduledActionName: 'nightly',
      ScheduledActionARN: 'arn:aws:autoscaling:us-east-1:123456789012:scheduledAction:1:scheduledActionName/nightly',
      ServiceNamespace: 'ecs' as const,
      ResourceId: 'service/demo/web',
      ScalableDimension: 'ecs:service:DesiredCount' as const,
      Schedule: 'cron(0 22 * * ? *)',
      Timezone: 'Europe/Berlin',
      StartTime: new Date('2030-01-01T00:00:00Z'),
      ScalableTargetAction: { MinCapacity: 1, MaxCapacity: 2 },
      CreationTime: new Date('2024-01-01T00:00:00Z'),
    };
    aasMock
      .on(DescribeScheduledActionsCommand)
      .resolvesOnce({ ScheduledActions: [action], NextToken: 'p2' })
      .resolvesOnce({ ScheduledActions: [{ ...action, ScheduledActionName: 'weekend', StartTime: undefined }] });
    const live = await describeAutoScaling(new ApplicationAutoScalingClient({ region: 'us-east-1' }), 'demo', 'web');
    const asked = aasMock.commandCalls(DescribeScheduledActionsCommand).map((c) => c.args[0].input);
    expect(asked).toEqual([
      { ServiceNamespace: 'ecs', ResourceId: 'service/demo/web', ScalableDimension: 'ecs:service:DesiredCount' },
      { ServiceNamespace: 'ecs', ResourceId: 'service/demo/web', ScalableDimension: 'ecs:service:DesiredCount', NextToken: 'p2' },
    ]);
    const nightly = {
      ScheduledActionName: 'nightly',
      ServiceNamespace: 'ecs',
      ResourceId: 'service/demo/web',
      ScalableDimension: 'ecs:service:DesiredCount',
      Schedule: 'cron(0 22 * * ? *)',
      Timezone: 'Europe/Berlin',
      StartTime: '2030-01-01T00:00:00.000Z',
      ScalableTargetAction: { MinCapacity: 1, MaxCapacity: 2 },
    };
    expect(live.scheduledActions).toEqual([nightly, { ...nightly, ScheduledActionName: 'weekend', StartTime: undefined }].map((a) => JSON.parse(JSON.stringify(a)) as unknown));
    expect(JSON.parse(JSON.stringify(live))).toEqual(live);
    const [first] = live.scheduledActions;
    if (first === undefined) throw new Error('no scheduled action read');
    expect(toPutScheduledActionInput(first)).toEqual({ ...nightly, StartTime: new Date('2030-01-01T00:00:00Z') });
  });
});
