/**
 * CloudWatch alarms and Application Auto Scaling through the real SDK clients against the running emulator, for a
 * real emulated ECS service: an alarm whose action is a step scaling policy's ARN scales the service when it goes
 * to ALARM, not while the target's dynamic scaling is suspended, and not once the policy was deleted (its ARN
 * names nothing); scheduled actions round-trip and go with their target; errors arrive as the modelled exceptions.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  ApplicationAutoScalingClient,
  DeleteScalingPolicyCommand,
  DeregisterScalableTargetCommand,
  DescribeScheduledActionsCommand,
  PutScalingPolicyCommand,
  PutScheduledActionCommand,
  RegisterScalableTargetCommand,
} from '@aws-sdk/client-application-auto-scaling';
import {
  CloudWatchClient,
  DeleteAlarmsCommand,
  DescribeAlarmsCommand,
  InvalidParameterValueException,
  PutMetricAlarmCommand,
  ResourceNotFound,
  SetAlarmStateCommand,
} from '@aws-sdk/client-cloudwatch';
import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import { eventually, startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { addCpuAlarm } from '../../helpers/auto-scaling-e2e.js';
import { createWebService } from '../../helpers/emulator/web-service.js';

let emu: TestEmulator;
let ecs: ECSClient;
let aas: ApplicationAutoScalingClient;
let cw: CloudWatchClient;

const target = { ServiceNamespace: 'ecs' as const, ResourceId: 'service/default/web', ScalableDimension: 'ecs:service:DesiredCount' as const };

beforeAll(async () => {
  emu = await startTestEmulator({ speed: 50 });
  ecs = new ECSClient(emu.clientConfig());
  aas = new ApplicationAutoScalingClient(emu.clientConfig());
  cw = new CloudWatchClient(emu.clientConfig());
});
afterAll(async () => {
  for (const client of [ecs, aas, cw]) client.destroy();
  await emu.stop();
});

let policyArn: string;

/** Puts the step scaling policy `step-out` (one more task per alarm); returns its ARN. */
async function putStepPolicy(): Promise<string> {
  const put = await aas.send(
    new PutScalingPolicyCommand({
      ...target,
      PolicyName: 'step-out',
      PolicyType: 'StepScaling',
      StepScalingPolicyConfiguration: { AdjustmentType: 'ChangeInCapacity', StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }] },
    }),
  );
  return put.PolicyARN ?? '';
}

beforeEach(async () => {
  await emu.control.reset();
  await createWebService(ecs, 2);
  await aas.send(new RegisterScalableTargetCommand({ ...target, MinCapacity: 1, MaxCapacity: 4 }));
  policyArn = await putStepPolicy();
  await addCpuAlarm(cw, policyArn);
});

const desiredCount = async (): Promise<number | undefined> =>
  (await ecs.send(new DescribeServicesCommand({ services: ['web'] }))).services?.[0]?.desiredCount;
const setState = (StateValue: 'ALARM' | 'OK') =>
  cw.send(new SetAlarmStateCommand({ AlarmName: 'web-cpu-high', StateValue, StateReason: `test: ${StateValue}` }));

describe('an alarm that triggers a step scaling policy', () => {
  it('scales the service out when it goes to ALARM, and the service starts the task', async () => {
    await setState('ALARM');
    expect(await desiredCount()).toBe(3);
    await eventually('3 running tasks', async () => {
      const s = (await ecs.send(new DescribeServicesCommand({ services: ['web'] }))).services?.[0];
      return s?.runningCount === 3 ? s : undefined;
    });
    const [alarm] = (await cw.send(new DescribeAlarmsCommand({ AlarmNames: ['web-cpu-high'] }))).MetricAlarms ?? [];
    expect(alarm).toMatchObject({ StateValue: 'ALARM', AlarmActions: [policyArn], StateReason: 'test: ALARM' });
    expect(alarm?.StateUpdatedTimestamp).toBeInstanceOf(Date);
  });

  it('does not change the desired count while the target dynamic scaling is suspended', async () => {
    await aas.send(
      new RegisterScalableTargetCommand({
        ...target,
        SuspendedState: { DynamicScalingInSuspended: true, DynamicScalingOutSuspended: true, ScheduledScalingSuspended: true },
      }),
    );
    await setState('ALARM');
    expect(await desiredCount()).toBe(2);
    await setState('OK');
    await aas.send(new RegisterScalableTargetCommand({ ...target, SuspendedState: { DynamicScalingInSuspended: false, DynamicScalingOutSuspended: false } }));
    await setState('ALARM');
    expect(await desiredCount()).toBe(3);
  });

  it('does nothing once the policy was deleted and put again: the alarm names the old ARN', async () => {
    await aas.send(new DeleteScalingPolicyCommand({ ...target, PolicyName: 'step-out' }));
    expect(await putStepPolicy()).not.toBe(policyArn);
    await setState('ALARM');
    expect(await desiredCount()).toBe(2);
  });
});

describe('scheduled actions through the SDK', () => {
  it('round-trip with Date times and are deleted with their target', async () => {
    const start = new Date('2030-01-01T00:00:00Z');
    await aas.send(
      new PutScheduledActionCommand({ ...target, ScheduledActionName: 'nightly', Schedule: 'cron(0 22 * * ? *)', StartTime: start, ScalableTargetAction: { MinCapacity: 1, MaxCapacity: 2 } }),
    );
    const [action] = (await aas.send(new DescribeScheduledActionsCommand({ ServiceNamespace: 'ecs', ResourceId: target.ResourceId }))).ScheduledActions ?? [];
    expect(action).toMatchObject({ ScheduledActionName: 'nightly', Schedule: 'cron(0 22 * * ? *)', StartTime: start, ScalableTargetAction: { MinCapacity: 1, MaxCapacity: 2 } });
    expect(action?.CreationTime).toBeInstanceOf(Date);
    await aas.send(new DeregisterScalableTargetCommand(target));
    expect((await aas.send(new DescribeScheduledActionsCommand({ ServiceNamespace: 'ecs' }))).ScheduledActions).toEqual([]);
  });
});

describe('CloudWatch errors through the SDK', () => {
  it('arrive as the modelled exceptions with the Query error code', async () => {
    const missing = await cw.send(new SetAlarmStateCommand({ AlarmName: 'nope', StateValue: 'ALARM', StateReason: 'x' })).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ResourceNotFound);
    expect(missing).toMatchObject({ Code: 'ResourceNotFound', $metadata: { httpStatusCode: 404 } });
    const bad = await cw
      .send(new PutMetricAlarmCommand({ AlarmName: 'x', MetricName: 'm', Namespace: 'n', Statistic: 'Sum', Period: 45, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanThreshold' }))
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(InvalidParameterValueException);
    expect(await cw.send(new DeleteAlarmsCommand({ AlarmNames: ['nope'] })).catch((e: unknown) => e)).toBeInstanceOf(ResourceNotFound);
  });
});
