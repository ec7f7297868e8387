/**
 * ecs-rolling end to end, the happy paths (R1–R5, R8, S1, S2, S5, S6): the committed bundle run as the runner runs
 * it against the emulator; assertions read AWS afterwards as a user would.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { UpdateServiceCommand } from '@aws-sdk/client-ecs';
import {
  autoScalingOf,
  deployInputs,
  describeWeb,
  mutatingCalls,
  revisionOf,
  runRolling,
  standardWorkspace,
  startRollingE2e,
  taskDefinitionJson,
  type RollingE2e,
} from '../helpers/ecs-rolling-e2e.js';

let e: RollingE2e;
beforeAll(async () => {
  e = await startRollingE2e();
});
afterAll(async () => e.stop());
beforeEach(async () => e.emu.control.reset());

/** Each AWS event line of the log, to check that none is printed twice (S6). */
function eventLines(stdout: string): string[] {
  return stdout.split('\n').filter((l) => l.startsWith('# AWS Event: '));
}

describe('first deployment (R2)', () => {
  it('creates the service from YAML and JSON manifests with <+artifact.image>, then applies auto scaling', async () => {
    const since = Date.now();
    const run = await runRolling(
      e.emu,
      deployInputs('registry.example.com/web:1.0.0', { 'scalable-targets': 'scalable-target.yaml', 'scaling-policies': 'scaling-policy.yaml' }),
    );
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({
      serviceName: 'web',
      serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/default/web',
      clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/default',
      previousTaskDefinitionArn: '',
      firstDeployment: 'true',
      rolledBack: 'false',
    });
    expect(revisionOf(run.outputs['taskDefinitionArn'])).toBe('web:1');

    const service = await describeWeb(e.ecs);
    expect(service).toMatchObject({ status: 'ACTIVE', desiredCount: 2, runningCount: 2, taskDefinition: run.outputs['taskDefinitionArn'] });
    expect(service?.deployments).toHaveLength(1);
    expect(service?.deployments?.[0]?.rolloutState).toBe('COMPLETED');
    expect(await autoScalingOf(e.autoscaling)).toEqual({ targets: [{ min: 2, max: 6 }], policies: ['cpu60'] });
    expect(await mutatingCalls(e.emu, since)).toEqual([
      'ecs:RegisterTaskDefinition',
      'ecs:CreateService',
      'application-autoscaling:RegisterScalableTarget',
      'application-autoscaling:PutScalingPolicy',
    ]);

    const events = eventLines(run.stdout);
    expect(events.some((l) => l.includes('has reached a steady state'))).toBe(true);
    expect(new Set(events).size).toBe(events.length);
    expect(run.summary).toContain('(none: first deployment) → web:1 (web=registry.example.com/web:1.0.0)');
    expect(run.summary).toContain('| firstDeployment | true |');
  });
});

/** A first deployment of `image` with auto scaling (min 2, max 6, policy cpu60), as the starting point. */
async function firstDeployment(workspace: string, image = 'registry.example.com/web:1'): Promise<string> {
  const run = await runRolling(
    e.emu,
    deployInputs(image, { 'scalable-targets': 'scalable-target.yaml', 'scaling-policies': 'scaling-policy.yaml' }),
    { workspace },
  );
  expect(run.exitCode).toBe(0);
  return run.outputs['taskDefinitionArn'] ?? '';
}

async function updateServiceCalls(since: number): Promise<Record<string, unknown>[]> {
  return (await e.emu.control.calls(since)).filter((c) => c.operation === 'UpdateService').map((c) => c.parameters);
}

describe('second deployment (R3)', () => {
  it('updates the service with a YAML service definition: auto scaling suspended before, applied as upserts and resumed after', async () => {
    const workspace = standardWorkspace({ 'scaling-policy-2.yaml': 'policyName: cpu40\npolicyType: TargetTrackingScaling\ntargetTrackingScalingPolicyConfiguration:\n  targetValue: 40\n  predefinedMetricSpecification:\n    predefinedMetricType: ECSServiceAverageCPUUtilization\n' });
    const first = await firstDeployment(workspace);
    const since = Date.now();
    const run = await runRolling(
      e.emu,
      {
        'task-definition': 'taskdef.yaml',
        'service-definition': 'service.yaml',
        image: 'registry.example.com/web:2',
        'scalable-targets': 'scalable-target.yaml',
        'scaling-policies': 'scaling-policy-2.yaml',
      },
      { workspace },
    );
    expect(run.exitCode).toBe(0);
    expect(revisionOf(run.outputs['taskDefinitionArn'])).toBe('web:2');
    expect(run.outputs).toMatchObject({ previousTaskDefinitionArn: first, firstDeployment: 'false', rolledBack: 'false' });
    const service = await describeWeb(e.ecs);
    expect(service).toMatchObject({ taskDefinition: run.outputs['taskDefinitionArn'], desiredCount: 2, runningCount: 2 });
    expect(await autoScalingOf(e.autoscaling)).toEqual({ targets: [{ min: 2, max: 6 }], policies: ['cpu40'] });
    expect(await mutatingCalls(e.emu, since)).toEqual([
      'ecs:RegisterTaskDefinition',
      // Issue 11: suspended (SuspendedState), never deregistered.
      'application-autoscaling:RegisterScalableTarget',
      'ecs:UpdateService',
      'application-autoscaling:RegisterScalableTarget',
      'application-autoscaling:PutScalingPolicy',
      // cpu60: the manifests no longer name it.
      'application-autoscaling:DeleteScalingPolicy',
      // Resumed.
      'application-autoscaling:RegisterScalableTarget',
    ]);
    const [update] = await updateServiceCalls(since);
    expect(update).toMatchObject({ service: 'web', taskDefinition: run.outputs['taskDefinitionArn'], desiredCount: 2, forceNewDeployment: false });
    expect(update).not.toHaveProperty('launchType');
    expect(run.summary).toContain('web:1 (web=registry.example.com/web:1) → web:2 (web=registry.example.com/web:2)');
    expect(run.summary).toContain(`| previousTaskDefinitionArn | ${first} |`);
    const events = eventLines(run.stdout);
    expect(new Set(events).size).toBe(events.length);
  });

  it('keeps the live desired count with same-as-running (R4)', async () => {
    const workspace = standardWorkspace();
    await firstDeployment(workspace);
    await e.ecs.send(new UpdateServiceCommand({ service: 'web', desiredCount: 3 }));
    const since = Date.now();
    const run = await runRolling(e.emu, deployInputs('registry.example.com/web:2', { 'same-as-running': true }), { workspace });
    expect(run.exitCode).toBe(0);
    const [update] = await updateServiceCalls(since);
    expect(update).not.toHaveProperty('desiredCount');
    expect(await describeWeb(e.ecs)).toMatchObject({ desiredCount: 3, runningCount: 3, taskDefinition: run.outputs['taskDefinitionArn'] });
  });

  it('maps force-new-deployment to UpdateService forceNewDeployment (R5)', async () => {
    const workspace = standardWorkspace();
    await firstDeployment(workspace);
    const since = Date.now();
    const run = await runRolling(e.emu, deployInputs('registry.example.com/web:1', { 'force-new-deployment': true }), { workspace });
    expect(run.exitCode).toBe(0);
    const [update] = await updateServiceCalls(since);
    expect(update).toMatchObject({ forceNewDeployment: true });
  });

  it('deploys an existing task-definition-arn without registering, forcing a new deployment (S4, R5)', async () => {
    const workspace = standardWorkspace();
    const first = await firstDeployment(workspace);
    const before = (await describeWeb(e.ecs))?.deployments?.[0]?.id;
    const since = Date.now();
    const run = await runRolling(e.emu, { 'task-definition-arn': first, service: 'web' }, { workspace });
    expect(run.exitCode).toBe(0);
    expect(await mutatingCalls(e.emu, since)).toEqual([
      // No manifests given: the auto scaling the service had is suspended for the rollout and resumed, nothing else.
      'application-autoscaling:RegisterScalableTarget',
      'ecs:UpdateService',
      'application-autoscaling:RegisterScalableTarget',
    ]);
    const [update] = await updateServiceCalls(since);
    expect(update).toMatchObject({ taskDefinition: first, forceNewDeployment: true });
    expect(update).not.toHaveProperty('desiredCount');
    const service = await describeWeb(e.ecs);
    expect(service?.deployments?.[0]?.id).not.toBe(before);
    expect(run.outputs).toMatchObject({ taskDefinitionArn: first, previousTaskDefinitionArn: first });
    expect(await autoScalingOf(e.autoscaling)).toEqual({ targets: [{ min: 2, max: 6 }], policies: ['cpu60'] });
  });

  it('sets one container image of a JSON task definition (container-name + image) and the desired-count input', async () => {
    const workspace = standardWorkspace({ 'taskdef.json': taskDefinitionJson('registry.example.com/web:placeholder-free') });
    const run = await runRolling(
      e.emu,
      { 'task-definition': 'taskdef.json', 'service-definition': 'service.yaml', 'container-name': 'web', image: 'registry.example.com/web:3', 'desired-count': 1 },
      { workspace },
    );
    expect(run.exitCode).toBe(0);
    expect(await describeWeb(e.ecs)).toMatchObject({ desiredCount: 1, runningCount: 1 });
    expect(run.summary).toContain('web:1 (web=registry.example.com/web:3)');
  });

  it('returns right after the change with wait-for-steady-state false', async () => {
    const workspace = standardWorkspace();
    await firstDeployment(workspace);
    const run = await runRolling(e.emu, deployInputs('registry.example.com/web:2', { 'wait-for-steady-state': false }), { workspace });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Not waiting for deployment');
    expect(run.stdout).not.toContain('to reach steady state\n');
    expect(revisionOf(run.outputs['taskDefinitionArn'])).toBe('web:2');
    expect((await describeWeb(e.ecs))?.taskDefinition).toBe(run.outputs['taskDefinitionArn']);
  });
});
