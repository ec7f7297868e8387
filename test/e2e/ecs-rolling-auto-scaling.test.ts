/**
 * ecs-rolling end to end, auto scaling that keeps working (R3, R6; issue 11): the live auto scaling is suspended
 * during the rollout, never deleted, so a step scaling policy keeps its ARN and the CloudWatch alarm that names it
 * still scales the service after a successful and after a rolled-back deployment; scheduled actions survive; the
 * manifests are applied as upserts and only the policies they no longer name are deleted; without manifests the
 * auto scaling is left exactly as it was.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { RegisterScalableTargetCommand } from '@aws-sdk/client-application-auto-scaling';
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import {
  addCpuAlarm,
  addNightlySchedule,
  ALL_SUSPENDED,
  alarmActions,
  autoScalingDetail,
  cloudWatchOf,
  cpuPolicyItem,
  fireCpuAlarm,
  NONE_SUSPENDED,
  policyArn,
  readSuspendedStateWhileWaiting,
  RESOURCE_ID,
  stepPolicyItem,
  type AutoScalingDetail,
} from '../helpers/auto-scaling-e2e.js';
import {
  deployInputs,
  describeWeb,
  mutatingCalls,
  runRolling,
  serviceDefinitionJson,
  standardWorkspace,
  startRollingE2e,
  type RollingE2e,
} from '../helpers/ecs-rolling-e2e.js';

let e: RollingE2e;
let cw: CloudWatchClient;
beforeAll(async () => {
  e = await startRollingE2e();
  cw = cloudWatchOf(e.emu);
});
afterAll(async () => {
  cw.destroy();
  await e.stop();
});
beforeEach(async () => e.emu.control.reset());

/** Circuit breaker that marks the deployment FAILED but leaves the rollback to the action. */
const breakerWithoutRollback = serviceDefinitionJson({
  deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100, deploymentCircuitBreaker: { enable: true, rollback: false } },
});

const withPolicies = (file: string) => ({ 'scalable-targets': 'scalable-target.yaml', 'scaling-policies': file });

function workspace(): string {
  return standardWorkspace({
    'service.json': breakerWithoutRollback,
    'policies.yaml': stepPolicyItem('step-out') + cpuPolicyItem('cpu60', 60),
    'policies-2.yaml': stepPolicyItem('step-out', 2) + cpuPolicyItem('cpu40', 40),
  });
}

/** web:1 with min 2 / max 6, policies step-out and cpu60; then the user's alarm on step-out and a nightly schedule. */
async function deployedWithAlarm(ws: string): Promise<AutoScalingDetail> {
  const first = await runRolling(e.emu, deployInputs('registry.example.com/web:1', withPolicies('policies.yaml')), { workspace: ws });
  expect(first.exitCode).toBe(0);
  const detail = await autoScalingDetail(e.autoscaling);
  await addCpuAlarm(cw, policyArn(detail, 'step-out') ?? '');
  await addNightlySchedule(e.autoscaling);
  return autoScalingDetail(e.autoscaling);
}

/** The alarm names a policy that exists, and firing it scales the service out by one. */
async function expectAlarmStillScales(livePolicyArn: string | undefined): Promise<void> {
  expect(await alarmActions(cw)).toEqual([livePolicyArn]);
  const before = (await describeWeb(e.ecs))?.desiredCount ?? 0;
  await fireCpuAlarm(cw);
  expect((await describeWeb(e.ecs))?.desiredCount).toBe(before + 1);
}

const removals = (calls: string[]): string[] =>
  calls.filter((c) => /DeleteScalingPolicy|DeregisterScalableTarget|DeleteScheduledAction/.test(c));

describe('a successful update (R3)', () => {
  it('suspends scaling for the rollout, keeps the ARNs and scheduled actions, restores the recorded suspended state', async () => {
    const ws = workspace();
    const before = await deployedWithAlarm(ws);
    // The user keeps scale-in suspended: the deployment puts that back, not "all resumed".
    const recorded = { ...NONE_SUSPENDED, DynamicScalingInSuspended: true };
    await e.autoscaling.send(new RegisterScalableTargetCommand({ ServiceNamespace: 'ecs', ResourceId: RESOURCE_ID, ScalableDimension: 'ecs:service:DesiredCount', SuspendedState: recorded }));
    const seen: Parameters<typeof readSuspendedStateWhileWaiting>[1] = {};
    const since = Date.now();
    const run = await runRolling(e.emu, deployInputs('registry.example.com/web:2', withPolicies('policies.yaml')), {
      workspace: ws,
      onStart: readSuspendedStateWhileWaiting(e.autoscaling, seen),
    });
    expect(run.exitCode).toBe(0);
    expect(seen).toEqual({ state: ALL_SUSPENDED });

    const after = await autoScalingDetail(e.autoscaling);
    expect(after.targets).toEqual([{ ...before.targets[0], SuspendedState: recorded }]);
    expect(after.policies.map((p) => [p.PolicyName, p.PolicyARN])).toEqual(before.policies.map((p) => [p.PolicyName, p.PolicyARN]));
    expect(after.scheduledActions).toEqual(before.scheduledActions);
    expect(removals(await mutatingCalls(e.emu, since))).toEqual([]);
    await expectAlarmStillScales(policyArn(before, 'step-out'));
  });

  it('applies the manifests as upserts: a named policy is updated in place, one no longer named is deleted', async () => {
    const ws = workspace();
    const before = await deployedWithAlarm(ws);
    const since = Date.now();
    const run = await runRolling(e.emu, deployInputs('registry.example.com/web:2', withPolicies('policies-2.yaml')), { workspace: ws });
    expect(run.exitCode).toBe(0);

    const after = await autoScalingDetail(e.autoscaling);
    expect(after.policies.map((p) => p.PolicyName)).toEqual(['cpu40', 'step-out']);
    expect(policyArn(after, 'step-out')).toBe(policyArn(before, 'step-out'));
    expect(after.policies[1]?.StepScalingPolicyConfiguration?.StepAdjustments?.[0]?.ScalingAdjustment).toBe(2);
    expect(after.scheduledActions).toEqual(before.scheduledActions);
    expect(after.targets[0]).toMatchObject({ ScalableTargetARN: before.targets[0]?.ScalableTargetARN, SuspendedState: NONE_SUSPENDED });
    expect(removals(await mutatingCalls(e.emu, since))).toEqual(['application-autoscaling:DeleteScalingPolicy']);
    expect(await alarmActions(cw)).toEqual([policyArn(after, 'step-out')]);
  });

  it('without auto scaling manifests, suspends and resumes the auto scaling and otherwise leaves it exactly as it was', async () => {
    const ws = workspace();
    const before = await deployedWithAlarm(ws);
    const seen: Parameters<typeof readSuspendedStateWhileWaiting>[1] = {};
    const since = Date.now();
    const run = await runRolling(e.emu, deployInputs('registry.example.com/web:2'), { workspace: ws, onStart: readSuspendedStateWhileWaiting(e.autoscaling, seen) });
    expect(run.exitCode).toBe(0);
    expect(seen).toEqual({ state: ALL_SUSPENDED });
    expect(await autoScalingDetail(e.autoscaling)).toEqual(before);
    expect((await mutatingCalls(e.emu, since)).filter((c) => c.startsWith('application-autoscaling:'))).toEqual([
      'application-autoscaling:RegisterScalableTarget',
      'application-autoscaling:RegisterScalableTarget',
    ]);
    await expectAlarmStillScales(policyArn(before, 'step-out'));
  });
});

describe('a rolled-back update (R6)', () => {
  it('puts the auto scaling back in place and resumes it: the alarm still scales the service, the schedule is kept', async () => {
    const ws = workspace();
    const before = await deployedWithAlarm(ws);
    const seen: Parameters<typeof readSuspendedStateWhileWaiting>[1] = {};
    const since = Date.now();
    const run = await runRolling(e.emu, deployInputs('registry.example.com/web:crash', withPolicies('policies-2.yaml')), {
      workspace: ws,
      onStart: readSuspendedStateWhileWaiting(e.autoscaling, seen),
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs['rolledBack']).toBe('true');
    expect(run.stdout).toContain('Rollback Successful.');
    expect(seen).toEqual({ state: ALL_SUSPENDED });

    expect(await autoScalingDetail(e.autoscaling)).toEqual(before);
    expect(removals(await mutatingCalls(e.emu, since))).toEqual([]);
    await expectAlarmStillScales(policyArn(before, 'step-out'));
  });
});

describe('dry run (S13)', () => {
  it('says the auto scaling would be suspended and resumed, and which policies the files would delete', async () => {
    const ws = workspace();
    await deployedWithAlarm(ws);
    const since = Date.now();
    const run = await runRolling(e.emu, deployInputs('registry.example.com/web:2', { ...withPolicies('policies-2.yaml'), 'dry-run': true }), { workspace: ws });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(
      'The current auto scaling (1 scalable target(s), 2 scaling policy(ies) and 1 scheduled action(s)) would be suspended during the update, ' +
        'then 1 scalable target(s) and 2 scaling policy(ies) from the manifests applied in place; the policies they no longer name would be ' +
        'deleted (cpu60), and scaling resumed.',
    );
    expect(await mutatingCalls(e.emu, since)).toEqual([]);
  });
});
