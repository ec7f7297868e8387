/**
 * Example workflow 3 (blue/green across three jobs passing the target groups, the task definition and the listener
 * ARNs through job outputs, with a rollback job) run end to end by the workflow harness against the emulator: every
 * step of ours a process of its committed bundle (build first: `npm run build`), the final state of the services,
 * listeners and auto scaling read through the SDK.
 *
 * The `production` environment's approval is treated as granted by the harness (it logs it); the old tasks' grace
 * after the swap is shortened through the repository variable the example reads. The test tasks' images decide
 * their fate in the emulator (`exit-0` passes, `crash` fails).
 */
import { DescribeScalableTargetsCommand, RegisterScalableTargetCommand } from '@aws-sdk/client-application-auto-scaling';
import { DescribeServicesCommand } from '@aws-sdk/client-ecs';
import { CreateListenerCommand, CreateLoadBalancerCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { afterAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { BlueGreenE2e, serviceDefinition } from '../helpers/bluegreen-e2e.js';
import { TASK_DEFINITION_YAML } from '../helpers/ecs-rolling-e2e.js';
import { checkout, jobResults, runExample, smokeTask, workflowE2eSuite } from '../helpers/workflow-e2e.js';
import type { WorkflowRun } from '../helpers/workflow-harness/run-workflow.js';

jest.setTimeout(240_000);
const w = workflowE2eSuite(['prod']);
const VARS = { SHOP_DOWNSIZE_DELAY_SECONDS: '0' };
const PASS = 'registry.example.com/release-test:exit-0';
const CRASH = 'registry.example.com/release-test:crash';

let bg: BlueGreenE2e | undefined;
const reads = (): BlueGreenE2e => (bg ??= BlueGreenE2e.on(w().e.emu));
afterAll(() => bg?.release());

interface Shop {
  lbArn: string;
  prod: string;
  stage: string;
  /** prod forwards to A and stage to B at the start. */
  tgA: string;
  tgB: string;
}

let shop: Shop;
beforeEach(async () => {
  const elb = reads().elb;
  const lb = await elb.send(new CreateLoadBalancerCommand({ Name: 'shop', Type: 'application', Subnets: ['subnet-1', 'subnet-2'] }));
  const lbArn = lb.LoadBalancers?.[0]?.LoadBalancerArn ?? '';
  const tgA = await reads().targetGroup('shop-a', 'application');
  const tgB = await reads().targetGroup('shop-b', 'application');
  const listener = async (port: number, tg: string): Promise<string> =>
    (await elb.send(new CreateListenerCommand({ LoadBalancerArn: lbArn, Port: port, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }] })))
      .Listeners?.[0]?.ListenerArn ?? '';
  shop = { lbArn, prod: await listener(443, tgA), stage: await listener(8443, tgB), tgA, tgB };
});

/** The checkout: the shop manifests, and the stage and prod test tasks with the images given. */
function shopCheckout(tests: { stage?: string; prod?: string } = {}): string {
  return checkout({
    'deploy/shop-task.yaml': TASK_DEFINITION_YAML.replace('family: web', 'family: shop'),
    'deploy/shop-service.yaml': serviceDefinition(),
    'deploy/stage-test-task.yaml': smokeTask(tests.stage ?? PASS),
    'deploy/prod-test-task.yaml': smokeTask(tests.prod ?? PASS),
    'deploy/test-request.yaml': 'startedBy: release-test\n',
  });
}

/** A release of `sha`: the example run on a push of that commit. */
function release(sha: string, tests: { stage?: string; prod?: string } = {}): Promise<WorkflowRun> {
  return runExample(w(), 'bluegreen.yml', { sha, workspace: shopCheckout(tests), vars: VARS });
}

/** A service of cluster prod as a user sees it: colour, running/desired counts, and whether its auto scaling is suspended. */
async function shopService(name: string): Promise<string> {
  const svc = (await w().e.ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: [name], include: ['TAGS'] }))).services?.[0];
  const targets = (await w().e.autoscaling.send(new DescribeScalableTargetsCommand({ ServiceNamespace: 'ecs', ResourceIds: [`service/prod/${name}`] }))).ScalableTargets ?? [];
  const scaling = targets.map((t) => (t.SuspendedState?.DynamicScalingInSuspended === true ? 'suspended' : 'active')).join(',') || 'none';
  const colour = svc?.tags?.find((t) => t.key === 'BG_VERSION')?.value ?? 'untagged';
  return `${colour} ${svc?.runningCount ?? '?'}/${svc?.desiredCount ?? '?'} auto scaling ${scaling}`;
}

/** Where the two listeners forward: [prod, stage] as target group names A/B. */
async function routes(): Promise<string[]> {
  const name = (arns: string[]): string => arns.map((a) => (a === shop.tgA ? 'A' : a === shop.tgB ? 'B' : a)).join(',');
  return [name(await reads().forwardsTo(shop.prod)), name(await reads().forwardsTo(shop.stage))];
}

/** The first release (shop__1 live behind prod, on B), with auto scaling registered for it as a user's infrastructure would. */
async function firstRelease(): Promise<void> {
  const first = await release('1111111');
  expect(jobResults(first)).toEqual({ deploy: 'success', 'test-stage': 'success', swap: 'success', rollback: 'skipped' });
  await w().e.autoscaling.send(
    new RegisterScalableTargetCommand({ ServiceNamespace: 'ecs', ResourceId: 'service/prod/shop__1', ScalableDimension: 'ecs:service:DesiredCount', MinCapacity: 2, MaxCapacity: 4 }),
  );
  expect(await routes()).toEqual(['B', 'A']);
  expect(await shopService('shop__1')).toBe('BLUE 2/2 auto scaling active');
}

describe('example 3: bluegreen.yml', () => {
  it('deploy → stage test → approval → swap, the later jobs addressing what deploy resolved through its job outputs', async () => {
    await firstRelease();
    const run = await release('2222222');
    expect(jobResults(run)).toEqual({ deploy: 'success', 'test-stage': 'success', swap: 'success', rollback: 'skipped' });
    const deploy = run.jobs['deploy']?.outputs ?? {};
    expect(deploy).toMatchObject({
      stageServiceName: 'shop__2',
      blueServiceName: 'shop__1',
      targetGroupArn: shop.tgA,
      prodTargetGroupArn: shop.tgB,
      loadBalancerArn: shop.lbArn,
      prodListenerArn: shop.prod,
      stageListenerArn: shop.stage,
    });
    expect(deploy['taskDefinitionArn']).toMatch(/:task-definition\/shop:2$/);
    const swap = run.jobs['swap']?.cells[0]?.steps[2];
    expect(swap?.inputs).toMatchObject({ 'load-balancer': shop.lbArn, 'prod-listener': shop.prod, 'stage-listener': shop.stage, 'downsize-delay-seconds': '0' });
    expect(run.log).toContain('swap: environment production: its protection rules (required reviewers, wait timer) treated as approved (the harness has no approvals)');
    expect(run.log.some((l) => l.startsWith('test-stage › ') && l.endsWith(`: Testing ${deploy['taskDefinitionArn']} through the stage listener`))).toBe(true);
    expect(run.log.some((l) => l.startsWith('swap › ') && l.endsWith(`: Prod runs ${deploy['taskDefinitionArn']} on shop__2`))).toBe(true);
    expect(await routes()).toEqual(['A', 'B']);
    expect(await shopService('shop__2')).toBe('BLUE 2/2 auto scaling none');
    // The old service is kept at 0 with its auto scaling suspended (B5).
    expect(await shopService('shop__1')).toBe('GREEN 0/0 auto scaling suspended');
  });

  it('a failing stage test ends in the rollback job: the stage service scaled to 0, prod never moved', async () => {
    await firstRelease();
    const run = await release('2222222', { stage: CRASH });
    expect(run.result).toBe('failure');
    expect(jobResults(run)).toEqual({ deploy: 'success', 'test-stage': 'failure', swap: 'skipped', rollback: 'success' });
    expect(run.jobs['rollback']?.cells[0]?.steps[1]?.inputs).toMatchObject({ mode: 'rollback', 'prod-listener': shop.prod, 'stage-service': 'shop__2' });
    expect(await routes()).toEqual(['B', 'A']);
    expect(await shopService('shop__1')).toBe('BLUE 2/2 auto scaling active');
    expect(await shopService('shop__2')).toBe('GREEN 0/0 auto scaling none');
  });

  it('a failing prod test after the swap ends in the rollback job: listeners swapped back, the old service restored with its auto scaling', async () => {
    await firstRelease();
    const run = await release('2222222', { prod: CRASH });
    expect(run.result).toBe('failure');
    expect(jobResults(run)).toEqual({ deploy: 'success', 'test-stage': 'success', swap: 'failure', rollback: 'success' });
    expect(run.jobs['swap']?.cells[0]?.steps.map((s) => s.outcome)).toEqual(['success', 'success', 'success', 'failure', 'skipped']);
    expect(await routes()).toEqual(['B', 'A']);
    expect(await shopService('shop__1')).toBe('BLUE 2/2 auto scaling active');
    expect(await shopService('shop__2')).toBe('GREEN 0/0 auto scaling none');
  });
});
