/**
 * ecs-rolling end to end on ECS's own BLUE_GREEN, LINEAR and CANARY deployments (N2–N4): the bundle run as the runner
 * runs it against the emulator, whose load balancer has a production and a test listener rule forwarding to the blue
 * and green target groups (test/helpers/emulator/native-setup.ts). What a user checks afterwards: the step's log and
 * outcome, the service's revision and the listener rules' weights.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { ECSClient, type DeploymentConfiguration } from '@aws-sdk/client-ecs';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import {
  createNativeLoadBalancer,
  createNativeService,
  describeService,
  latestDeployment,
  registerWeb,
  ruleWeights,
  type NativeSetup,
} from '../helpers/emulator/native-setup.js';
import { failureAnnotation, mutatingCalls, runRolling, taskDefinitionJson, type RunRollingOptions } from '../helpers/ecs-rolling-e2e.js';
import { makeWorkspace, waitForOutput, type ActionRun } from '../helpers/run-action.js';

let emu: TestEmulator;
let ecs: ECSClient;
let elb: ElasticLoadBalancingV2Client;
let setup: NativeSetup;
let v1: string;

beforeAll(async () => {
  emu = await startTestEmulator({ taskStartMs: 1000, speed: 20 });
  ecs = new ECSClient(emu.clientConfig());
  elb = new ElasticLoadBalancingV2Client(emu.clientConfig());
});
afterAll(async () => {
  ecs.destroy();
  elb.destroy();
  await emu.stop();
});
beforeEach(async () => {
  await emu.control.reset();
  setup = await createNativeLoadBalancer(elb);
  v1 = await registerWeb(ecs, 'app:v1');
});

const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:check-canary';
const PAUSE_AFTER_TEST = { targetType: 'PAUSE' as const, lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT' as const] };

/** Deploys app:v2 from a task definition file (the service's own deployment configuration decides the strategy). */
function deploy(inputs: Record<string, string> = {}, onStart?: RunRollingOptions['onStart']): Promise<ActionRun> {
  return runRolling(
    emu,
    { 'task-definition': 'taskdef.json', service: 'web', cluster: 'default', 'timeout-minutes': '10', ...inputs },
    { workspace: makeWorkspace({ 'taskdef.json': taskDefinitionJson('app:v2') }), ...(onStart !== undefined ? { onStart } : {}) },
  );
}

const continueJob = (extra: Record<string, string> = {}): Promise<ActionRun> =>
  runRolling(emu, { mode: 'continue', service: 'web', cluster: 'default', 'timeout-minutes': '10', ...extra }, { workspace: makeWorkspace({}) });

/** The lifecycle stages the step logged, in order (seen on a poll, or passed between two). */
const stagesLogged = (run: ActionRun): string[] =>
  run.stdout.split('\n').flatMap((l) => /^Lifecycle stage: (\w+)(?: \(passed between two polls\))?$/.exec(l.trim())?.[1] ?? []);

async function nativeService(config: DeploymentConfiguration): Promise<void> {
  await createNativeService(ecs, setup, v1, config);
}

describe('BLUE_GREEN (N2)', () => {
  it('a deploy succeeds, logging every lifecycle stage once; production is on green, the service on v2', async () => {
    await nativeService({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0 });
    const run = await deploy();

    expect(run.exitCode).toBe(0);
    expect(stagesLogged(run)).toEqual([
      'PRE_SCALE_UP',
      'SCALE_UP',
      'POST_SCALE_UP',
      'TEST_TRAFFIC_SHIFT',
      'POST_TEST_TRAFFIC_SHIFT',
      'PRODUCTION_TRAFFIC_SHIFT',
      'POST_PRODUCTION_TRAFFIC_SHIFT',
      'BAKE_TIME',
      'CLEAN_UP',
    ]);
    expect(run.stdout).toContain('# AWS Event:');
    const service = await describeService(ecs);
    expect(service.taskDefinition).toBe(run.outputs['taskDefinitionArn']);
    expect(await ruleWeights(elb, setup.productionRule)).toEqual({ [setup.blueTg]: 0, [setup.greenTg]: 100 });
    expect((await latestDeployment(ecs)).status).toBe('SUCCESSFUL');
  });

  it('wait-until ecs:POST_TEST_TRAFFIC_SHIFT returns with test traffic on green and production on blue; mode continue follows it to SUCCESSFUL', async () => {
    await nativeService({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0, lifecycleHooks: [PAUSE_AFTER_TEST] });
    const run = await deploy({ 'wait-until': 'ecs:POST_TEST_TRAFFIC_SHIFT' });

    expect(run.exitCode).toBe(0);
    expect(stagesLogged(run).at(-1)).toBe('POST_TEST_TRAFFIC_SHIFT');
    expect(await ruleWeights(elb, setup.testRule)).toEqual({ [setup.blueTg]: 0, [setup.greenTg]: 100 });
    expect(await ruleWeights(elb, setup.productionRule)).toEqual({ [setup.blueTg]: 100, [setup.greenTg]: 0 });
    // ... a test job runs against the test listener here ...
    const later = await continueJob();
    expect(later.exitCode).toBe(0);
    expect(later.stdout).toContain('CONTINUE (ContinueServiceDeployment)');
    expect((await latestDeployment(ecs)).status).toBe('SUCCESSFUL');
    expect((await describeService(ecs)).taskDefinition).toBe(run.outputs['taskDefinitionArn']);
  });
});

describe('PAUSE hooks and mode continue (N3)', () => {
  it('the deploy returns at the pause; continue with CONTINUE completes it', async () => {
    await nativeService({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0, lifecycleHooks: [PAUSE_AFTER_TEST] });
    const run = await deploy();
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/waits at POST_TEST_TRAFFIC_SHIFT on PAUSE hook \S+: continue it/);
    expect((await latestDeployment(ecs)).status).toBe('IN_PROGRESS');

    const later = await continueJob({ 'continue-action': 'CONTINUE' });
    expect(later.exitCode).toBe(0);
    expect((await latestDeployment(ecs)).status).toBe('SUCCESSFUL');
  });

  it('continue with ROLLBACK rolls it back: the service stays on v1', async () => {
    await nativeService({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0, lifecycleHooks: [PAUSE_AFTER_TEST] });
    expect((await deploy()).exitCode).toBe(0);
    const later = await continueJob({ 'continue-action': 'ROLLBACK' });
    expect(later.exitCode).toBe(0);
    expect(later.outputs['rolledBack']).toBe('true');
    expect((await latestDeployment(ecs)).status).toBe('ROLLBACK_SUCCESSFUL');
    expect((await describeService(ecs)).taskDefinition).toBe(v1);
    expect(await ruleWeights(elb, setup.productionRule)).toEqual({ [setup.blueTg]: 100, [setup.greenTg]: 0 });
  });

  it('mode continue with no deployment in progress fails with a clear message and changes nothing', async () => {
    await nativeService({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0 });
    const since = Date.now();
    const later = await continueJob();
    expect(later.exitCode).toBe(1);
    expect(failureAnnotation(later.stdout)).toContain('has no service deployment in progress');
    expect(await mutatingCalls(emu, since)).toEqual([]);
  });
});

describe('LINEAR and CANARY (N2)', () => {
  it('a LINEAR deploy logs each production weight step', async () => {
    await nativeService({ strategy: 'LINEAR', bakeTimeInMinutes: 0, linearConfiguration: { stepPercent: 25, stepBakeTimeInMinutes: 1 } });
    const run = await deploy();
    expect(run.exitCode).toBe(0);
    const weights = [...run.stdout.matchAll(/Target \(new\) revision \S+: .*traffic production (\d+(?:\.\d+)?)%/g)].map((m) => Number(m[1]));
    expect(weights.filter((w) => w > 0 && w < 100).length).toBeGreaterThanOrEqual(2);
    expect(weights.at(-1)).toBe(100);
  });

  it('a CANARY deploy whose Lambda hook fails fails the step, naming the hook, with the service back on v1', async () => {
    await nativeService({
      strategy: 'CANARY',
      bakeTimeInMinutes: 0,
      canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 0 },
      lifecycleHooks: [{ hookTargetArn: LAMBDA, roleArn: 'arn:aws:iam::123456789012:role/hooks', lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'] }],
    });
    await emu.control.setHookResponse({ hookTargetArn: LAMBDA, hookStatus: 'FAILED' });
    const run = await deploy();

    expect(run.exitCode).toBe(1);
    const error = failureAnnotation(run.stdout);
    expect(error).toContain(LAMBDA);
    expect(error).toMatch(/ROLLBACK_SUCCESSFUL|ROLLBACK/);
    expect(run.outputs['rolledBack']).toBe('true');
    expect((await describeService(ecs)).taskDefinition).toBe(v1);
  });
});

describe('mode rollback (N4)', () => {
  it('with a deployment in progress: StopServiceDeployment, ECS rolls back, the service is on v1', async () => {
    await nativeService({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0, lifecycleHooks: [PAUSE_AFTER_TEST] });
    expect((await deploy()).exitCode).toBe(0);
    const since = Date.now();
    const run = await runRolling(emu, { mode: 'rollback', service: 'web', cluster: 'default', 'timeout-minutes': '10' }, { workspace: makeWorkspace({}) });

    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ rolledBack: 'true', taskDefinitionArn: v1 });
    const calls = (await emu.control.calls(since)).map((c) => c.operation);
    expect(calls).toContain('StopServiceDeployment');
    expect(calls).not.toContain('UpdateService');
    expect((await latestDeployment(ecs)).status).toBe('ROLLBACK_SUCCESSFUL');
    expect((await describeService(ecs)).taskDefinition).toBe(v1);
  });
});

describe('cancellation (N4, S10)', () => {
  it('SIGINT mid-deployment stops the service deployment (StopServiceDeployment) and the service ends on v1', async () => {
    await nativeService({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5 });
    const run = await deploy({}, (child, output) => {
      void waitForOutput(output, (text) => text.includes('Lifecycle stage: BAKE_TIME')).then(() => child.kill('SIGINT'));
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('StopServiceDeployment (ROLLBACK)');
    expect(run.stdout).toContain('Rollback Successful.');
    const stops = (await emu.control.calls()).filter((c) => c.operation === 'StopServiceDeployment');
    expect(stops).toHaveLength(1);
    expect((await describeService(ecs)).taskDefinition).toBe(v1);
    expect(await ruleWeights(elb, setup.productionRule)).toEqual({ [setup.blueTg]: 100, [setup.greenTg]: 0 });
  });
});
