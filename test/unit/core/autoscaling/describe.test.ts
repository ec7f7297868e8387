import { beforeEach, describe, expect, it } from '@jest/globals';
import {
  ApplicationAutoScalingClient,
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand,
} from '@aws-sdk/client-application-auto-scaling';
import { mockClient } from 'aws-sdk-client-mock';
import {
  describeAutoScaling,
  toPutScalingPolicyInput,
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
});
