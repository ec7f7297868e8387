/**
 * Application Auto Scaling through the real SDK client against the running emulator, for a real emulated ECS
 * service: the register → put policies → describe → delete → deregister cycle, and the errors AWS answers
 * (ValidationException for a service ECS does not have, ObjectNotFoundException for missing targets/policies).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  ApplicationAutoScalingClient,
  DeleteScalingPolicyCommand,
  DeregisterScalableTargetCommand,
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand,
  ObjectNotFoundException,
  PutScalingPolicyCommand,
  RegisterScalableTargetCommand,
  ValidationException,
} from '@aws-sdk/client-application-auto-scaling';
import { DeleteServiceCommand, ECSClient } from '@aws-sdk/client-ecs';
import { eventually, startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { createWebService } from '../../helpers/emulator/web-service.js';

let emu: TestEmulator;
let ecs: ECSClient;
let aas: ApplicationAutoScalingClient;

const target = { ServiceNamespace: 'ecs' as const, ResourceId: 'service/default/web', ScalableDimension: 'ecs:service:DesiredCount' as const };

beforeAll(async () => {
  emu = await startTestEmulator({ speed: 50 });
  ecs = new ECSClient(emu.clientConfig());
  aas = new ApplicationAutoScalingClient(emu.clientConfig());
});
afterAll(async () => {
  ecs.destroy();
  aas.destroy();
  await emu.stop();
});
beforeEach(async () => {
  await emu.control.reset();
  await createWebService(ecs, 1);
});

describe('auto scaling of an ECS service', () => {
  it('registers a scalable target, puts policies, and removes them again', async () => {
    const { ScalableTargetARN } = await aas.send(new RegisterScalableTargetCommand({ ...target, MinCapacity: 1, MaxCapacity: 5 }));
    expect(ScalableTargetARN).toMatch(/^arn:aws:application-autoscaling:us-east-1:123456789012:scalable-target\//);
    const [registered] = (await aas.send(new DescribeScalableTargetsCommand({ ServiceNamespace: 'ecs', ResourceIds: [target.ResourceId] }))).ScalableTargets ?? [];
    expect(registered).toMatchObject({ ...target, MinCapacity: 1, MaxCapacity: 5, ScalableTargetARN });
    expect(registered?.CreationTime).toBeInstanceOf(Date);

    const tracking = await aas.send(
      new PutScalingPolicyCommand({
        ...target,
        PolicyName: 'cpu60',
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingScalingPolicyConfiguration: {
          TargetValue: 60,
          PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
          ScaleOutCooldown: 30,
          ScaleInCooldown: 120,
        },
      }),
    );
    expect(tracking.PolicyARN).toContain(':resource/ecs/service/default/web:policyName/cpu60');
    expect(tracking.Alarms?.map((a) => a.AlarmName?.replace(/-[0-9a-f-]{36}$/, ''))).toEqual([
      'TargetTracking-service/default/web-AlarmHigh',
      'TargetTracking-service/default/web-AlarmLow',
    ]);
    await aas.send(
      new PutScalingPolicyCommand({
        ...target,
        PolicyName: 'step',
        PolicyType: 'StepScaling',
        StepScalingPolicyConfiguration: { AdjustmentType: 'ChangeInCapacity', StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }], Cooldown: 60 },
      }),
    );
    const policies = (await aas.send(new DescribeScalingPoliciesCommand({ ServiceNamespace: 'ecs', ResourceId: target.ResourceId, ScalableDimension: target.ScalableDimension })))
      .ScalingPolicies ?? [];
    expect(policies.map((p) => [p.PolicyName, p.PolicyType])).toEqual([
      ['cpu60', 'TargetTrackingScaling'],
      ['step', 'StepScaling'],
    ]);
    expect(policies[0]?.TargetTrackingScalingPolicyConfiguration).toEqual({
      TargetValue: 60,
      PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
      ScaleOutCooldown: 30,
      ScaleInCooldown: 120,
    });

    await aas.send(new DeleteScalingPolicyCommand({ ...target, PolicyName: 'step' }));
    await aas.send(new DeregisterScalableTargetCommand(target));
    expect((await aas.send(new DescribeScalableTargetsCommand({ ServiceNamespace: 'ecs' }))).ScalableTargets).toEqual([]);
    expect((await aas.send(new DescribeScalingPoliciesCommand({ ServiceNamespace: 'ecs' }))).ScalingPolicies).toEqual([]);
  });

  it('answers ObjectNotFoundException for policies without a target and for missing targets/policies', async () => {
    const put = aas.send(
      new PutScalingPolicyCommand({
        ...target,
        PolicyName: 'cpu',
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingScalingPolicyConfiguration: { TargetValue: 50, PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' } },
      }),
    );
    await expect(put).rejects.toBeInstanceOf(ObjectNotFoundException);
    await expect(put).rejects.toThrow(
      'No scalable target registered for service namespace: ecs, resource ID: service/default/web, scalable dimension: ecs:service:DesiredCount',
    );
    await expect(aas.send(new DeregisterScalableTargetCommand(target))).rejects.toBeInstanceOf(ObjectNotFoundException);
    await aas.send(new RegisterScalableTargetCommand({ ...target, MinCapacity: 1, MaxCapacity: 2 }));
    await expect(aas.send(new DeleteScalingPolicyCommand({ ...target, PolicyName: 'nope' }))).rejects.toBeInstanceOf(ObjectNotFoundException);
  });

  it('refuses a service ECS does not have, including one that was deleted', async () => {
    await expect(aas.send(new RegisterScalableTargetCommand({ ...target, ResourceId: 'service/default/api', MinCapacity: 1, MaxCapacity: 2 }))).rejects.toBeInstanceOf(
      ValidationException,
    );
    await ecs.send(new DeleteServiceCommand({ service: 'web', force: true }));
    await eventually('registration refused', async () => {
      const err = await aas.send(new RegisterScalableTargetCommand({ ...target, MinCapacity: 1, MaxCapacity: 2 })).catch((e: unknown) => e);
      return err instanceof ValidationException ? err : undefined;
    });
  });
});
