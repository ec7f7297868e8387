/**
 * ECS-native blue/green deployments in the emulator, through the real ECS and ELBv2 clients: the lifecycle stages
 * in order on DescribeServiceDeployments, green tasks in the alternate target group, test then production traffic
 * moved by the listener rules' weights, a PAUSE hook answered with ContinueServiceDeployment, clean-up of blue.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  ContinueServiceDeploymentCommand,
  DescribeServiceDeploymentsCommand,
  ECSClient,
  UpdateServiceCommand,
  type ServiceDeployment,
} from '@aws-sdk/client-ecs';
import { DescribeTargetHealthCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
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

const PAUSE_AFTER_TEST = { targetType: 'PAUSE' as const, lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT' as const] };

async function healthyIn(tgArn: string): Promise<string[]> {
  const out = await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: tgArn }));
  return (out.TargetHealthDescriptions ?? []).filter((d) => d.TargetHealth?.State === 'healthy').map((d) => d.Target?.Id ?? '');
}

/** Polls the deployment until `until` holds, recording each lifecycle stage the first time it is seen. */
async function follow(arn: string, stages: string[], until: (sd: ServiceDeployment) => boolean): Promise<ServiceDeployment> {
  return eventually(
    'service deployment',
    async () => {
      const sd = (await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }))).serviceDeployments?.[0];
      const stage = sd?.lifecycleStage;
      if (stage !== undefined && stages[stages.length - 1] !== stage) stages.push(stage);
      return sd && until(sd) ? sd : undefined;
    },
    20_000,
    5,
  );
}

describe('a BLUE_GREEN deployment', () => {
  it('goes through every lifecycle stage in order, pausing at POST_TEST_TRAFFIC_SHIFT with test traffic on green', async () => {
    await createNativeService(ecs, setup, await registerWeb(ecs, 'app:v1'), {
      strategy: 'BLUE_GREEN',
      bakeTimeInMinutes: 0,
      lifecycleHooks: [PAUSE_AFTER_TEST],
    });
    const blueIps = await healthyIn(setup.blueTg);
    expect(blueIps).toHaveLength(2);
    const v2 = await registerWeb(ecs, 'app:v2');
    await ecs.send(new UpdateServiceCommand({ service: 'web', taskDefinition: v2 }));
    const { serviceDeploymentArn: arn = '' } = await latestDeployment(ecs);
    const stages: string[] = [];
    const paused = await follow(arn, stages, (sd) => sd.lifecycleHookDetails?.some((h) => h.status === 'AWAITING_ACTION') === true);

    expect(paused.status).toBe('IN_PROGRESS');
    expect(paused.lifecycleStage).toBe('POST_TEST_TRAFFIC_SHIFT');
    const hook = paused.lifecycleHookDetails?.[0];
    expect(hook).toMatchObject({ targetType: 'PAUSE', status: 'AWAITING_ACTION', timeoutAction: 'ROLLBACK' });
    expect(hook?.expiresAt).toBeInstanceOf(Date);
    // Test traffic is on green, production still on blue; green runs in the alternate target group.
    expect(await ruleWeights(elb, setup.testRule)).toEqual({ [setup.blueTg]: 0, [setup.greenTg]: 100 });
    expect(await ruleWeights(elb, setup.productionRule)).toEqual({ [setup.blueTg]: 100, [setup.greenTg]: 0 });
    expect(await healthyIn(setup.greenTg)).toHaveLength(2);
    expect((await healthyIn(setup.blueTg)).sort()).toEqual([...blueIps].sort());
    expect(paused.targetServiceRevision).toMatchObject({ runningTaskCount: 2, requestedTestTrafficWeight: 100, requestedProductionTrafficWeight: 0 });
    expect(paused.sourceServiceRevisions?.[0]).toMatchObject({ runningTaskCount: 2, requestedTestTrafficWeight: 0, requestedProductionTrafficWeight: 100 });

    await ecs.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn: arn, hookId: hook?.hookId ?? '', action: 'CONTINUE' }));
    const done = await follow(arn, stages, (sd) => !['PENDING', 'IN_PROGRESS'].includes(sd.status ?? ''));

    expect(done.status).toBe('SUCCESSFUL');
    expect(done.lifecycleHookDetails?.[0]?.status).toBe('SUCCEEDED');
    expect(stages).toEqual([
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
    expect(await ruleWeights(elb, setup.productionRule)).toEqual({ [setup.blueTg]: 0, [setup.greenTg]: 100 });
    const service = await describeService(ecs);
    expect(service.taskDefinition).toBe(v2);
    expect(service.deployments).toHaveLength(1);
    expect(service.runningCount).toBe(2);
    const events = (service.events ?? []).map((e) => e.message);
    expect(events[0]).toBe('(service web) has reached a steady state.');
    await eventually('blue targets gone', async () => ((await healthyIn(setup.blueTg)).length === 0 ? true : undefined));
  });

  it('puts the next deployment back into the first target group (green and blue swap roles)', async () => {
    await createNativeService(ecs, setup, await registerWeb(ecs, 'app:v1'), { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0 });
    for (const image of ['app:v2', 'app:v3']) {
      await ecs.send(new UpdateServiceCommand({ service: 'web', taskDefinition: await registerWeb(ecs, image) }));
      const { serviceDeploymentArn: arn = '' } = await latestDeployment(ecs);
      expect((await follow(arn, [], (sd) => !['PENDING', 'IN_PROGRESS'].includes(sd.status ?? ''))).status).toBe('SUCCESSFUL');
    }
    expect(await ruleWeights(elb, setup.productionRule)).toEqual({ [setup.blueTg]: 100, [setup.greenTg]: 0 });
    expect(await healthyIn(setup.blueTg)).toHaveLength(2);
  });
});

describe('stageMs', () => {
  it('makes every stage last at least that long in simulated time', async () => {
    const slow = await startTestEmulator({ taskStartMs: 1000, stageMs: 10_000, speed: 100 });
    const slowEcs = new ECSClient(slow.clientConfig());
    const slowElb = new ElasticLoadBalancingV2Client(slow.clientConfig());
    try {
      const lb = await createNativeLoadBalancer(slowElb);
      await createNativeService(slowEcs, lb, await registerWeb(slowEcs, 'app:v1'), { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0 });
      await slowEcs.send(new UpdateServiceCommand({ service: 'web', taskDefinition: await registerWeb(slowEcs, 'app:v2') }));
      const { serviceDeploymentArn: arn = '' } = await latestDeployment(slowEcs);
      const done = await eventually('slow deployment', async () => {
        const sd = (await slowEcs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }))).serviceDeployments?.[0];
        return sd?.status === 'SUCCESSFUL' ? sd : undefined;
      });
      // Seven stages wait stageMs (PRE_SCALE_UP … BAKE_TIME, SCALE_UP aside) before CLEAN_UP.
      const simMs = (done.finishedAt?.getTime() ?? 0) - (done.createdAt?.getTime() ?? 0);
      expect(simMs).toBeGreaterThanOrEqual(7 * 10_000);
    } finally {
      slowEcs.destroy();
      slowElb.destroy();
      await slow.stop();
    }
  });
});
