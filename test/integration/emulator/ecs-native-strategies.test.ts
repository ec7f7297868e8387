/**
 * LINEAR and CANARY traffic steps, lifecycle hooks that fail, time out or are rolled back, StopServiceDeployment
 * and a green task failing its ELB health checks, in the emulator through the real ECS and ELBv2 clients.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  ContinueServiceDeploymentCommand,
  DescribeServiceDeploymentsCommand,
  ECSClient,
  InvalidParameterException,
  StopServiceDeploymentCommand,
  UpdateServiceCommand,
  type DeploymentConfiguration,
  type ServiceDeployment,
} from '@aws-sdk/client-ecs';
import { CloudWatchClient, PutMetricAlarmCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { eventually, startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import {
  createNativeLoadBalancer,
  createNativeService,
  describeService,
  latestDeployment,
  registerWeb,
  ruleWeights,
  type NativeSetup,
} from '../../helpers/emulator/native-setup.js';

let emu: TestEmulator;
let ecs: ECSClient;
let elb: ElasticLoadBalancingV2Client;
let setup: NativeSetup;

beforeAll(async () => {
  // Each stage lasts 4 s of simulated time (0.2 s here), so polling sees every one even on a busy machine.
  emu = await startTestEmulator({ taskStartMs: 1000, stageMs: 4000, speed: 20 });
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
});

const CHECK = 'arn:aws:lambda:us-east-1:123456789012:function:check';
const PAUSE = { targetType: 'PAUSE' as const, lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT' as const] };

/** Creates service web on v1 with `config`, deploys `image` and returns the new service deployment's ARN and v1. */
async function deploy(config: DeploymentConfiguration, image = 'app:v2'): Promise<{ arn: string; v1: string }> {
  const v1 = await registerWeb(ecs, 'app:v1');
  await createNativeService(ecs, setup, v1, config);
  await ecs.send(new UpdateServiceCommand({ service: 'web', taskDefinition: await registerWeb(ecs, image) }));
  return { arn: (await latestDeployment(ecs)).serviceDeploymentArn ?? '', v1 };
}

async function until(arn: string, what: string, ok: (sd: ServiceDeployment) => boolean, timeoutMs = 20_000): Promise<ServiceDeployment> {
  return eventually(
    what,
    async () => {
      const sd = (await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }))).serviceDeployments?.[0];
      return sd && ok(sd) ? sd : undefined;
    },
    timeoutMs,
    5,
  );
}

const finished = (sd: ServiceDeployment): boolean =>
  !['PENDING', 'IN_PROGRESS', 'STOP_REQUESTED', 'ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS'].includes(sd.status ?? '');
const paused = (sd: ServiceDeployment): boolean => sd.lifecycleHookDetails?.some((h) => h.status === 'AWAITING_ACTION') === true;

/** The service is back on v1 with all production and test traffic on blue and no green task left. */
async function expectBackOnBlue(v1: string): Promise<void> {
  const service = await describeService(ecs);
  expect(service.taskDefinition).toBe(v1);
  expect(await ruleWeights(elb, setup.productionRule)).toEqual({ [setup.blueTg]: 100, [setup.greenTg]: 0 });
  expect(await ruleWeights(elb, setup.testRule)).toEqual({ [setup.blueTg]: 100, [setup.greenTg]: 0 });
  await eventually('only blue tasks', async () => {
    const s = await describeService(ecs);
    return s.deployments?.length === 1 && s.runningCount === 2 && s.deployments[0]?.taskDefinition === v1 ? true : undefined;
  });
}

describe('LINEAR and CANARY traffic shifting', () => {
  it('LINEAR moves production traffic in stepPercent steps, running the traffic shift hooks at every step', async () => {
    const hooks = [{ hookTargetArn: CHECK, roleArn: 'arn:aws:iam::123456789012:role/hooks', lifecycleStages: ['PRODUCTION_TRAFFIC_SHIFT' as const], hookDetails: { step: true } }];
    const { arn } = await deploy({ strategy: 'LINEAR', bakeTimeInMinutes: 0, linearConfiguration: { stepPercent: 25, stepBakeTimeInMinutes: 0 }, lifecycleHooks: hooks });
    const seen: number[] = [];
    const done = await until(arn, 'linear deployment', (sd) => {
      const w = sd.targetServiceRevision?.requestedProductionTrafficWeight;
      if (w !== undefined && seen[seen.length - 1] !== w) seen.push(w);
      return finished(sd);
    }, 40_000);
    expect(done.status).toBe('SUCCESSFUL');
    expect(seen).toEqual([0, 25, 50, 75, 100]);
    const invocations = (await emu.control.hooks()).invocations.filter((i) => i.serviceDeploymentArn === arn);
    expect(invocations.map((i) => i.stage)).toEqual(Array(4).fill('PRODUCTION_TRAFFIC_SHIFT'));
    expect(invocations[0]).toMatchObject({ hookTargetArn: CHECK, hookStatus: 'SUCCEEDED', hookDetails: { step: true } });
    expect(await ruleWeights(elb, setup.productionRule)).toEqual({ [setup.blueTg]: 0, [setup.greenTg]: 100 });
  });

  it('CANARY with a failing hook rolls back to blue, naming the hook', async () => {
    await emu.control.setHookResponse({ hookTargetArn: CHECK, hookStatus: 'FAILED' });
    const hooks = [{ hookTargetArn: CHECK, roleArn: 'arn:aws:iam::123456789012:role/hooks', lifecycleStages: ['POST_PRODUCTION_TRAFFIC_SHIFT' as const] }];
    const { arn, v1 } = await deploy({ strategy: 'CANARY', canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 0 }, lifecycleHooks: hooks });
    const canary = await until(arn, 'canary step', (sd) => sd.targetServiceRevision?.requestedProductionTrafficWeight === 10);
    expect(canary.lifecycleStage).toBe('PRODUCTION_TRAFFIC_SHIFT');
    expect(await ruleWeights(elb, setup.productionRule)).toEqual({ [setup.blueTg]: 90, [setup.greenTg]: 10 });
    const done = await until(arn, 'rollback', finished);
    expect(done.status).toBe('ROLLBACK_SUCCESSFUL');
    expect(done.statusReason).toContain(CHECK);
    expect(done.rollback?.reason).toContain('POST_PRODUCTION_TRAFFIC_SHIFT');
    expect(done.rollback?.serviceRevisionArn).toBe(done.sourceServiceRevisions?.[0]?.arn);
    expect(done.lifecycleHookDetails).toEqual([expect.objectContaining({ targetType: 'AWS_LAMBDA', targetArn: CHECK, status: 'FAILED' })]);
    await expectBackOnBlue(v1);
    const events = ((await describeService(ecs)).events ?? []).map((e) => e.message ?? '');
    expect(events.some((m) => m.startsWith('(service web) rolling back to deployment ecs-svc/'))).toBe(true);
  });
});

describe('hooks and stopping', () => {
  it('a PAUSE hook answered with ROLLBACK rolls back', async () => {
    const { arn, v1 } = await deploy({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0, lifecycleHooks: [PAUSE] });
    const sd = await until(arn, 'pause', paused);
    const hookId = sd.lifecycleHookDetails?.[0]?.hookId ?? '';
    const wrong = await ecs.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn: arn, hookId: 'nope' })).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(InvalidParameterException);
    await ecs.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn: arn, hookId, action: 'ROLLBACK' }));
    const done = await until(arn, 'rollback', finished);
    expect(done.status).toBe('ROLLBACK_SUCCESSFUL');
    expect(done.statusReason).toContain('ContinueServiceDeployment');
    await expectBackOnBlue(v1);
  });

  it('a PAUSE hook that times out takes its timeout action (ROLLBACK by default)', async () => {
    const hook = { ...PAUSE, timeoutConfiguration: { timeoutInMinutes: 1 } };
    const { arn, v1 } = await deploy({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0, lifecycleHooks: [hook] });
    const done = await until(arn, 'timeout', finished);
    expect(done.status).toBe('ROLLBACK_SUCCESSFUL');
    expect(done.lifecycleHookDetails?.[0]?.status).toBe('TIMED_OUT');
    expect(done.statusReason).toContain('timed out at the POST_TEST_TRAFFIC_SHIFT stage');
    await expectBackOnBlue(v1);
  });

  it('an IN_PROGRESS Lambda hook is invoked again until it answers', async () => {
    await emu.control.setHookResponse({ hookTargetArn: CHECK, hookStatus: 'IN_PROGRESS', callBackDelay: 5 });
    const hooks = [{ hookTargetArn: CHECK, roleArn: 'arn:aws:iam::123456789012:role/hooks', lifecycleStages: ['POST_SCALE_UP' as const] }];
    const { arn } = await deploy({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0, lifecycleHooks: hooks });
    await eventually('three invocations', async () => ((await emu.control.hooks()).invocations.length >= 3 ? true : undefined));
    expect((await until(arn, 'in progress', () => true)).lifecycleHookDetails?.[0]?.status).toBe('IN_PROGRESS');
    await emu.control.setHookResponse({ hookTargetArn: CHECK, hookStatus: 'SUCCEEDED' });
    expect((await until(arn, 'done', finished)).status).toBe('SUCCESSFUL');
  });

  it('StopServiceDeployment ROLLBACK returns to blue; ABORT stops where it is', async () => {
    const { arn, v1 } = await deploy({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0, lifecycleHooks: [PAUSE] });
    await until(arn, 'pause', paused);
    await ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: 'ROLLBACK' }));
    const done = await until(arn, 'rollback', finished);
    expect(done.status).toBe('ROLLBACK_SUCCESSFUL');
    expect(done.rollback?.reason).toBe('Service deployment rolled back because of a user request.');
    await expectBackOnBlue(v1);

    await ecs.send(new UpdateServiceCommand({ service: 'web', taskDefinition: await registerWeb(ecs, 'app:v3') }));
    const third = (await latestDeployment(ecs)).serviceDeploymentArn ?? '';
    await until(third, 'pause', paused);
    await ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: third, stopType: 'ABORT' }));
    const aborted = await until(third, 'stopped', finished);
    expect(aborted.status).toBe('STOPPED');
    expect(aborted.lifecycleStage).toBe('POST_TEST_TRAFFIC_SHIFT');
    expect(await ruleWeights(elb, setup.productionRule)).toEqual({ [setup.blueTg]: 100, [setup.greenTg]: 0 });
  });

  it('an UpdateService during a native deployment stops it; the next one reconciles both revisions and completes', async () => {
    const { arn } = await deploy({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0, lifecycleHooks: [PAUSE] });
    await until(arn, 'pause', paused);
    const v3 = await registerWeb(ecs, 'app:v3');
    await ecs.send(new UpdateServiceCommand({ service: 'web', taskDefinition: v3, deploymentConfiguration: { lifecycleHooks: [] } }));
    const superseded = await until(arn, 'stopped', finished);
    expect(superseded.status).toBe('STOPPED');
    const next = (await latestDeployment(ecs)).serviceDeploymentArn ?? '';
    const stages: string[] = [];
    const done = await until(next, 'next deployment', (sd) => {
      if (sd.lifecycleStage !== undefined && stages[stages.length - 1] !== sd.lifecycleStage) stages.push(sd.lifecycleStage);
      return finished(sd);
    });
    expect(done.status).toBe('SUCCESSFUL');
    expect(done.sourceServiceRevisions).toHaveLength(2);
    expect(stages[0]).toBe('RECONCILE_SERVICE');
    await eventually('only v3 tasks', async () => {
      const s = await describeService(ecs);
      return s.deployments?.length === 1 && s.runningCount === 2 && s.taskDefinition === v3 ? true : undefined;
    });
    expect(await ruleWeights(elb, setup.productionRule)).toEqual({ [setup.blueTg]: 0, [setup.greenTg]: 100 });
  });

  it('a deployment alarm going off during the stages rolls back to blue', async () => {
    const cloudwatch = new CloudWatchClient(emu.clientConfig());
    const alarm = { AlarmName: 'web-5xx', Namespace: 'AWS/ApplicationELB', MetricName: 'HTTPCode_Target_5XX_Count', Statistic: 'Sum' as const };
    await cloudwatch.send(new PutMetricAlarmCommand({ ...alarm, Period: 10, EvaluationPeriods: 1, Threshold: 10, ComparisonOperator: 'GreaterThanThreshold' }));
    const alarms = { alarmNames: ['web-5xx'], enable: true, rollback: true };
    const { arn, v1 } = await deploy({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0, lifecycleHooks: [PAUSE], alarms });
    await until(arn, 'pause', paused);
    await cloudwatch.send(new SetAlarmStateCommand({ AlarmName: 'web-5xx', StateValue: 'ALARM', StateReason: 'test' }));
    const done = await until(arn, 'rollback', finished);
    cloudwatch.destroy();
    expect(done.status).toBe('ROLLBACK_SUCCESSFUL');
    expect(done.alarms).toMatchObject({ status: 'TRIGGERED', triggeredAlarmNames: ['web-5xx'] });
    await expectBackOnBlue(v1);
  });

  it('with the circuit breaker on, green tasks are replaced until its threshold, then it rolls back', async () => {
    const breaker = { enable: true, rollback: true };
    const { arn, v1 } = await deploy({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0, deploymentCircuitBreaker: breaker }, 'app:pull-error');
    const done = await until(arn, 'rollback', finished);
    expect(done.status).toBe('ROLLBACK_SUCCESSFUL');
    expect(done.deploymentCircuitBreaker).toMatchObject({ status: 'TRIGGERED', failureCount: 3, threshold: 3 });
    expect(done.statusReason).toBe('ECS deployment circuit breaker: tasks failed to start.');
    await expectBackOnBlue(v1);
  });

  it('a green task failing its ELB health checks rolls the deployment back', async () => {
    const { arn, v1 } = await deploy({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0 }, 'app:unhealthy');
    const done = await until(arn, 'rollback', finished);
    expect(done.status).toBe('ROLLBACK_SUCCESSFUL');
    expect(done.lifecycleStage).toBe('SCALE_UP');
    expect(done.statusReason).toContain(`Task failed ELB health checks in (target-group ${setup.greenTg})`);
    await expectBackOnBlue(v1);
  });
});
