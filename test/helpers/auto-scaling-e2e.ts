/**
 * For the end-to-end tests of ecs-rolling's auto scaling (R3, R6): manifests with a step scaling policy, the
 * CloudWatch alarm and scheduled action a user adds outside the action, and full reads of the service's auto
 * scaling (ARNs, suspended state, scheduled actions) through the real SDK.
 */
import {
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand,
  DescribeScheduledActionsCommand,
  PutScheduledActionCommand,
  type ApplicationAutoScalingClient,
  type ScalableTarget,
  type ScalingPolicy,
  type ScheduledAction,
  type SuspendedState,
} from '@aws-sdk/client-application-auto-scaling';
import { CloudWatchClient, DescribeAlarmsCommand, PutMetricAlarmCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import type { TestEmulator } from './emulator.js';
import { waitForOutput } from './run-action.js';

export const RESOURCE_ID = 'service/default/web';
const TARGET = { ServiceNamespace: 'ecs' as const, ResourceId: RESOURCE_ID, ScalableDimension: 'ecs:service:DesiredCount' as const };

export const ALL_SUSPENDED: SuspendedState = { DynamicScalingInSuspended: true, DynamicScalingOutSuspended: true, ScheduledScalingSuspended: true };
export const NONE_SUSPENDED: SuspendedState = { DynamicScalingInSuspended: false, DynamicScalingOutSuspended: false, ScheduledScalingSuspended: false };

/** A step scaling policy (as a list item of a scaling-policies manifest): `adjustment` more tasks per alarm. */
export function stepPolicyItem(name: string, adjustment = 1): string {
  return `- policyName: ${name}
  policyType: StepScaling
  stepScalingPolicyConfiguration:
    adjustmentType: ChangeInCapacity
    cooldown: 60
    metricAggregationType: Average
    stepAdjustments:
      - metricIntervalLowerBound: 0
        scalingAdjustment: ${adjustment}
`;
}

/** A target tracking policy on CPU (as a list item of a scaling-policies manifest). */
export function cpuPolicyItem(name: string, target: number): string {
  return `- policyName: ${name}
  policyType: TargetTrackingScaling
  targetTrackingScalingPolicyConfiguration:
    targetValue: ${target}
    predefinedMetricSpecification:
      predefinedMetricType: ECSServiceAverageCPUUtilization
`;
}

export interface AutoScalingDetail {
  targets: ScalableTarget[];
  policies: ScalingPolicy[];
  scheduledActions: ScheduledAction[];
}

/** Everything Application Auto Scaling reports for the service, policies sorted by name. */
export async function autoScalingDetail(aas: ApplicationAutoScalingClient): Promise<AutoScalingDetail> {
  const targets = await aas.send(new DescribeScalableTargetsCommand({ ServiceNamespace: 'ecs', ResourceIds: [RESOURCE_ID] }));
  const policies = await aas.send(new DescribeScalingPoliciesCommand({ ServiceNamespace: 'ecs', ResourceId: RESOURCE_ID }));
  const scheduled = await aas.send(new DescribeScheduledActionsCommand({ ServiceNamespace: 'ecs', ResourceId: RESOURCE_ID }));
  return {
    targets: targets.ScalableTargets ?? [],
    policies: [...(policies.ScalingPolicies ?? [])].sort((a, b) => (a.PolicyName ?? '').localeCompare(b.PolicyName ?? '')),
    scheduledActions: scheduled.ScheduledActions ?? [],
  };
}

export const policyArn = (detail: AutoScalingDetail, name: string): string | undefined =>
  detail.policies.find((p) => p.PolicyName === name)?.PolicyARN;

/** What a user adds next to the action's manifests: a nightly scale-in schedule. */
export async function addNightlySchedule(aas: ApplicationAutoScalingClient): Promise<void> {
  await aas.send(
    new PutScheduledActionCommand({ ...TARGET, ScheduledActionName: 'nightly', Schedule: 'cron(0 22 * * ? *)', ScalableTargetAction: { MinCapacity: 1, MaxCapacity: 2 } }),
  );
}

/** The CloudWatch alarm `web-cpu-high`, whose action is the step scaling policy `arn` (as AWS users wire step scaling). */
export async function addCpuAlarm(cw: CloudWatchClient, arn: string): Promise<void> {
  await cw.send(
    new PutMetricAlarmCommand({
      AlarmName: 'web-cpu-high',
      MetricName: 'CPUUtilization',
      Namespace: 'AWS/ECS',
      Statistic: 'Average',
      Dimensions: [
        { Name: 'ClusterName', Value: 'default' },
        { Name: 'ServiceName', Value: 'web' },
      ],
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 80,
      ComparisonOperator: 'GreaterThanThreshold',
      AlarmActions: [arn],
    }),
  );
}

export async function alarmActions(cw: CloudWatchClient): Promise<string[]> {
  const out = await cw.send(new DescribeAlarmsCommand({ AlarmNames: ['web-cpu-high'] }));
  return out.MetricAlarms?.[0]?.AlarmActions ?? [];
}

/** Fires the alarm (OK first, so that ALARM is a state change and its actions run). */
export async function fireCpuAlarm(cw: CloudWatchClient): Promise<void> {
  for (const StateValue of ['OK', 'ALARM'] as const) {
    await cw.send(new SetAlarmStateCommand({ AlarmName: 'web-cpu-high', StateValue, StateReason: `e2e: ${StateValue}`, StateReasonData: '{"recentDatapoints":[95]}' }));
  }
}

/**
 * An onStart hook for runRolling: once the action logs the wait for its deployment, reads the target's suspended
 * state (the wait polls every 2.2 s, so the rollout is still in progress) into `seen`.
 */
export function readSuspendedStateWhileWaiting(aas: ApplicationAutoScalingClient, seen: { state?: SuspendedState | undefined; error?: unknown }) {
  return (_child: unknown, output: { text(): string }): void => {
    void waitForOutput(output, (text) => text.includes('::group::Wait for deployment'))
      .then(async () => {
        seen.state = (await autoScalingDetail(aas)).targets[0]?.SuspendedState;
      })
      .catch((e: unknown) => {
        seen.error = e;
      });
  };
}

export function cloudWatchOf(emu: TestEmulator): CloudWatchClient {
  return new CloudWatchClient(emu.clientConfig());
}
