/**
 * Blue/green, linear and canary deployments run by ECS itself (deploymentConfiguration.strategy BLUE_GREEN, LINEAR,
 * CANARY; developer guide, "Amazon ECS blue/green service deployments workflow"). The service deployment goes
 * through its lifecycle stages in order over simulated time, each lasting at least T (`stageMs`, by default the task
 * start time):
 *
 * RECONCILE_SERVICE (only with more than one source revision) → PRE_SCALE_UP → SCALE_UP (green tasks started and
 * registered in the alternate target group, until all are healthy) → POST_SCALE_UP → TEST_TRAFFIC_SHIFT (the test
 * listener rule sends 100 % to green) → POST_TEST_TRAFFIC_SHIFT → PRODUCTION_TRAFFIC_SHIFT (the production rule's
 * weights move: all at once for BLUE_GREEN, canaryPercent then the rest after canaryBakeTimeInMinutes for CANARY,
 * stepPercent steps stepBakeTimeInMinutes apart for LINEAR; PRE_PRODUCTION_TRAFFIC_SHIFT and
 * PRODUCTION_TRAFFIC_SHIFT hooks run at every step) → POST_PRODUCTION_TRAFFIC_SHIFT → BAKE_TIME
 * (bakeTimeInMinutes) → CLEAN_UP (the blue tasks are stopped; the deployment completes SUCCESSFUL).
 *
 * Hooks run at the end of their stage (lifecycle-hooks.ts); a failed or timed-out hook, ContinueServiceDeployment
 * ROLLBACK, StopServiceDeployment ROLLBACK or a failing green task rolls back (native-rollback.ts).
 */
import type { EcsContext } from './context.js';
import { later, runHooks } from './lifecycle-hooks.js';
import { rollBackNative, shiftTraffic } from './native-rollback.js';
import type { DeploymentRec, Json, NativeRoute, NativeRun, ServiceDeploymentRec, ServiceRec, TaskRec } from './state.js';

export const NATIVE_STRATEGIES = ['BLUE_GREEN', 'LINEAR', 'CANARY'];
const STAGES = [
  'RECONCILE_SERVICE',
  'PRE_SCALE_UP',
  'SCALE_UP',
  'POST_SCALE_UP',
  'TEST_TRAFFIC_SHIFT',
  'POST_TEST_TRAFFIC_SHIFT',
  'PRODUCTION_TRAFFIC_SHIFT',
  'POST_PRODUCTION_TRAFFIC_SHIFT',
  'BAKE_TIME',
  'CLEAN_UP',
];

interface Native {
  ctx: EcsContext;
  service: ServiceRec;
  sd: ServiceDeploymentRec;
  run: NativeRun;
}

const touch = (n: Native): void => n.ctx.hooks.serviceChanged(n.service);
const minutes = (value: unknown): number => (typeof value === 'number' ? value * 60_000 : 0);

/** The production traffic steps (green's percent after each). */
function productionSteps(config: Json): number[] {
  const strategy = config['strategy'];
  if (strategy === 'CANARY') {
    const canary = Number((config['canaryConfiguration'] as Json | undefined)?.['canaryPercent'] ?? 5);
    return canary >= 100 ? [100] : [canary, 100];
  }
  if (strategy === 'LINEAR') {
    const step = Number((config['linearConfiguration'] as Json | undefined)?.['stepPercent'] ?? 10);
    const out: number[] = [];
    for (let i = 1; i * step < 100 - 1e-9; i++) out.push(Math.round(i * step * 10) / 10);
    return [...out, 100];
  }
  return [100];
}

function stepBakeMs(config: Json): number {
  if (config['strategy'] === 'CANARY') return minutes((config['canaryConfiguration'] as Json | undefined)?.['canaryBakeTimeInMinutes']);
  if (config['strategy'] === 'LINEAR') return minutes((config['linearConfiguration'] as Json | undefined)?.['stepBakeTimeInMinutes']);
  return 0;
}

/** Runs the stage's hooks, then `after`; a hook that fails (or times out, or is rolled back) rolls back. */
function hooksThen(n: Native, stage: string, after: () => void): void {
  runHooks(n.ctx, n.sd, n.run, stage, () => touch(n), (outcome) => {
    if (outcome.kind === 'continue') after();
    else rollBackNative(n.ctx, n.service, n.sd, outcome.reason);
  });
}

function advance(n: Native): void {
  const stages = stagesOf(n);
  const i = stages.indexOf(n.sd.lifecycleStage ?? '');
  const next = stages[i + 1];
  if (next !== undefined) enter(n, next);
}

function stagesOf(n: Native): string[] {
  return n.sd.sourceRevisionArns.length > 1 ? STAGES : STAGES.slice(1);
}

function productionStep(n: Native, steps: number[], i: number): void {
  const T = n.ctx.stageMs;
  hooksThen(n, 'PRE_PRODUCTION_TRAFFIC_SHIFT', () => {
    shiftTraffic(n.ctx, n.run, 'production', steps[i] ?? 100);
    n.sd.updatedAt = n.ctx.clock.now();
    touch(n);
    later(n.ctx, n.run, T, () =>
      hooksThen(n, 'PRODUCTION_TRAFFIC_SHIFT', () => {
        if (i + 1 >= steps.length) advance(n);
        else later(n.ctx, n.run, Math.max(T, stepBakeMs(n.sd.deploymentConfiguration)), () => productionStep(n, steps, i + 1));
      }),
    );
  });
}

function enter(n: Native, stage: string): void {
  const { ctx, sd, run } = n;
  const T = ctx.stageMs;
  sd.lifecycleStage = stage;
  sd.updatedAt = ctx.clock.now();
  touch(n);
  switch (stage) {
    case 'SCALE_UP':
      run.phase = 'scaling'; // the scheduler starts the green tasks and calls scaledUp when all are healthy
      return;
    case 'TEST_TRAFFIC_SHIFT':
      shiftTraffic(ctx, run, 'test', 100);
      later(ctx, run, T, () => hooksThen(n, stage, () => advance(n)));
      return;
    case 'PRODUCTION_TRAFFIC_SHIFT':
      productionStep(n, productionSteps(sd.deploymentConfiguration), 0);
      return;
    case 'BAKE_TIME':
      later(ctx, run, Math.max(T, minutes(sd.deploymentConfiguration['bakeTimeInMinutes'])), () => advance(n));
      return;
    case 'CLEAN_UP':
      run.phase = 'cleanup'; // the scheduler stops the blue tasks and completes the deployment as a rolling one
      return;
    default:
      later(ctx, run, T, () => hooksThen(n, stage, () => advance(n)));
  }
}

/** The routes of the service's load balancers: green goes to whichever group production traffic does not use. */
function routesOf(ctx: EcsContext, loadBalancers: Json[]): { routes: NativeRoute[]; taskLoadBalancers: Json[] } {
  const routes: NativeRoute[] = [];
  const taskLoadBalancers = loadBalancers.map((lb) => {
    const advanced = lb['advancedConfiguration'] as Json | undefined;
    const primary = String(lb['targetGroupArn']);
    const alternate = advanced?.['alternateTargetGroupArn'];
    const production = advanced?.['productionListenerRule'];
    if (typeof alternate !== 'string' || typeof production !== 'string') return lb;
    const weights = ctx.elb().route(production)?.weights ?? [];
    const weightOf = (arn: string): number => weights.find((w) => w.targetGroupArn === arn)?.weight ?? 0;
    const blueTg = weightOf(alternate) > weightOf(primary) ? alternate : primary;
    const greenTg = blueTg === primary ? alternate : primary;
    const test = advanced?.['testListenerRule'];
    routes.push({ production, ...(typeof test === 'string' ? { test } : {}), blueTg, greenTg });
    return { ...lb, targetGroupArn: greenTg };
  });
  return { routes, taskLoadBalancers };
}

/**
 * Called after UpdateService started deployment `d`: with a native strategy and a COMPLETED deployment running
 * (the blue revision), the deployment runs stage by stage. Otherwise (the first deployment of a service, or nothing
 * completed yet) it runs as a rolling one: there is no blue revision to shift traffic from.
 */
export function startNative(ctx: EcsContext, service: ServiceRec, d: DeploymentRec): void {
  const strategy = String(service.deploymentConfiguration['strategy'] ?? 'ROLLING');
  if (!NATIVE_STRATEGIES.includes(strategy)) return;
  const blue = service.deployments.find((x) => x !== d && x.rolloutState === 'COMPLETED');
  const sd = ctx.state.serviceDeployments.get(d.serviceDeploymentArn);
  if (!blue || !sd) return;
  const { routes, taskLoadBalancers } = routesOf(ctx, d.loadBalancers);
  d.taskLoadBalancers = taskLoadBalancers;
  const run: NativeRun = {
    strategy,
    greenDeploymentId: d.id,
    blueDeploymentId: blue.id,
    routes,
    productionWeight: 0,
    testWeight: 0,
    phase: 'running',
  };
  sd.native = run;
  const n: Native = { ctx, service, sd, run };
  // PENDING for a moment, then IN_PROGRESS with the first stage.
  sd.status = 'PENDING';
  later(ctx, run, ctx.stageMs / 4, () => {
    sd.status = 'IN_PROGRESS';
    enter(n, stagesOf(n)[0] ?? 'PRE_SCALE_UP');
  });
}

/** The native run the scheduler must follow for this PRIMARY deployment (stages before CLEAN_UP). */
export function activeNative(ctx: EcsContext, primary: DeploymentRec): ServiceDeploymentRec | undefined {
  const sd = ctx.state.serviceDeployments.get(primary.serviceDeploymentArn);
  const phase = sd?.native?.phase;
  return sd?.deploymentId === primary.id && (phase === 'running' || phase === 'scaling') ? sd : undefined;
}

/**
 * The scheduler's part while a native deployment runs: blue tasks are left alone; green tasks are started (and
 * failed ones replaced) from SCALE_UP on, and SCALE_UP ends when `desired` of them are healthy.
 */
export function reconcileNative(
  ctx: EcsContext,
  service: ServiceRec,
  sd: ServiceDeploymentRec,
  active: TaskRec[],
  start: (count: number) => void,
): void {
  const run = sd.native;
  const primary = service.deployments[0];
  if (!run || !primary || primary.rolloutState !== 'IN_PROGRESS') return;
  primary.desiredCount = service.desiredCount;
  const stage = STAGES.indexOf(sd.lifecycleStage ?? '');
  if (stage < STAGES.indexOf('SCALE_UP')) return;
  const green = active.filter((t) => t.deploymentId === primary.id);
  start(service.desiredCount - green.length);
  if (run.phase === 'scaling' && green.filter((t) => t.healthy).length >= service.desiredCount) {
    run.phase = 'running';
    advance({ ctx, service, sd, run });
  }
}
