/**
 * Lifecycle hooks of blue/green, linear and canary deployments (developer guide, "Lifecycle hooks for Amazon ECS
 * service deployments"; API reference: DeploymentLifecycleHook, DeploymentLifecycleHookDetail,
 * ContinueServiceDeployment). The hooks configured for a stage run one after the other:
 *
 * - AWS_LAMBDA: ECS invokes the function, which answers a `hookStatus`: SUCCEEDED (go on), FAILED (roll back) or
 *   IN_PROGRESS (ECS invokes it again after `callBackDelay` seconds, 30 by default). The emulated functions answer
 *   as POST /_emulator/hooks told them (SUCCEEDED when nothing was said); each invocation is recorded.
 * - PAUSE: the deployment waits (AWAITING_ACTION) for ContinueServiceDeployment with CONTINUE or ROLLBACK.
 * - Either times out after `timeoutConfiguration.timeoutInMinutes` (1440 by default) with its `action`
 *   (ROLLBACK by default): TIMED_OUT, then the deployment goes on or rolls back.
 */
import type { EcsContext } from './context.js';
import type { HookDetailRec, HookResponseRec, Json, NativeRun, ServiceDeploymentRec } from './state.js';

const DEFAULT_TIMEOUT_MINUTES = 1440;
const DEFAULT_CALLBACK_SECONDS = 30;
const MAX_INVOCATIONS = 1000;

/** `continue`, or roll back for `reason` (the service deployment's statusReason and rollback reason). */
export type HookOutcome = { kind: 'continue' } | { kind: 'rollback'; reason: string };

/** Schedules `fn` for the run (one pending timer at a time); nothing happens if the run ended meanwhile. */
export function later(ctx: EcsContext, run: NativeRun, ms: number, fn: () => void): void {
  run.cancel?.();
  run.cancel = ctx.clock.after(ms, () => {
    delete run.cancel;
    if (run.phase === 'running' || run.phase === 'scaling') fn();
  });
}

const label = (d: HookDetailRec): string => (d.targetArn !== undefined ? d.targetArn : `PAUSE (hook ${d.hookId})`);

export const hookReasons = {
  failed: (d: HookDetailRec): string => `Service deployment rolled back because the lifecycle hook ${label(d)} failed at the ${d.stage} stage.`,
  timedOut: (d: HookDetailRec): string =>
    `Service deployment rolled back because the lifecycle hook ${label(d)} timed out at the ${d.stage} stage.`,
  userRollback: (d: HookDetailRec): string =>
    `Service deployment rolled back by ContinueServiceDeployment (action ROLLBACK) of the lifecycle hook ${label(d)} at the ${d.stage} stage.`,
};

function responseFor(ctx: EcsContext, arn: string, stage: string): HookResponseRec | undefined {
  const list = ctx.state.hookResponses;
  for (let i = list.length - 1; i >= 0; i--) {
    const r = list[i];
    if (r && r.hookTargetArn === arn && (r.stage === undefined || r.stage === stage)) return r;
  }
  return undefined;
}

function newDetail(ctx: EcsContext, hook: Json, stage: string): HookDetailRec {
  const timeout = (hook['timeoutConfiguration'] as Json | undefined) ?? {};
  const minutes = typeof timeout['timeoutInMinutes'] === 'number' ? timeout['timeoutInMinutes'] : DEFAULT_TIMEOUT_MINUTES;
  const detail: HookDetailRec = {
    hookId: ctx.random.uuid(),
    targetType: hook['targetType'] === 'PAUSE' ? 'PAUSE' : 'AWS_LAMBDA',
    status: hook['targetType'] === 'PAUSE' ? 'AWAITING_ACTION' : 'IN_PROGRESS',
    stage,
    expiresAt: ctx.clock.now() + minutes * 60_000,
    timeoutAction: timeout['action'] === 'CONTINUE' ? 'CONTINUE' : 'ROLLBACK',
  };
  if (typeof hook['hookTargetArn'] === 'string') detail.targetArn = hook['hookTargetArn'];
  return detail;
}

interface HookRun {
  ctx: EcsContext;
  sd: ServiceDeploymentRec;
  run: NativeRun;
  touch: () => void;
}

/** The hook's end: a timeout takes its action; `continue` goes on to the next hook. */
function settle(h: HookRun, detail: HookDetailRec, status: HookDetailRec['status'], outcome: HookOutcome, next: (o: HookOutcome) => void): void {
  detail.status = status;
  h.sd.updatedAt = h.ctx.clock.now();
  delete h.run.waiting;
  h.touch();
  next(outcome);
}

function timeOut(h: HookRun, detail: HookDetailRec, next: (o: HookOutcome) => void): void {
  const outcome: HookOutcome = detail.timeoutAction === 'CONTINUE' ? { kind: 'continue' } : { kind: 'rollback', reason: hookReasons.timedOut(detail) };
  settle(h, detail, 'TIMED_OUT', outcome, next);
}

function invokeLambda(h: HookRun, hook: Json, detail: HookDetailRec, next: (o: HookOutcome) => void): void {
  const { ctx } = h;
  const arn = detail.targetArn ?? '';
  const response = responseFor(ctx, arn, detail.stage);
  const hookStatus = response?.hookStatus ?? 'SUCCEEDED';
  ctx.state.hookInvocations.push({
    hookTargetArn: arn,
    stage: detail.stage,
    serviceDeploymentArn: h.sd.arn,
    hookId: detail.hookId,
    at: ctx.clock.now(),
    ...(hook['hookDetails'] !== undefined ? { hookDetails: hook['hookDetails'] } : {}),
    hookStatus,
  });
  if (ctx.state.hookInvocations.length > MAX_INVOCATIONS) ctx.state.hookInvocations.shift();
  if (hookStatus === 'SUCCEEDED') return settle(h, detail, 'SUCCEEDED', { kind: 'continue' }, next);
  if (hookStatus === 'FAILED') return settle(h, detail, 'FAILED', { kind: 'rollback', reason: hookReasons.failed(detail) }, next);
  const delay = (response?.callBackDelay ?? DEFAULT_CALLBACK_SECONDS) * 1000;
  const now = ctx.clock.now();
  if (now + delay >= detail.expiresAt) later(ctx, h.run, detail.expiresAt - now, () => timeOut(h, detail, next));
  else later(ctx, h.run, delay, () => invokeLambda(h, hook, detail, next));
}

function runOne(h: HookRun, hook: Json, stage: string, next: (o: HookOutcome) => void): void {
  const { ctx, run } = h;
  const detail = newDetail(ctx, hook, stage);
  h.sd.hookDetails.push(detail);
  h.sd.updatedAt = ctx.clock.now();
  if (detail.targetType === 'PAUSE') {
    run.waiting = {
      hookId: detail.hookId,
      resolve: (action) => {
        run.cancel?.();
        if (action === 'CONTINUE') settle(h, detail, 'SUCCEEDED', { kind: 'continue' }, next);
        else settle(h, detail, 'FAILED', { kind: 'rollback', reason: hookReasons.userRollback(detail) }, next);
      },
    };
    later(ctx, run, detail.expiresAt - ctx.clock.now(), () => timeOut(h, detail, next));
    h.touch();
    return;
  }
  // The invocation itself takes a moment (a quarter of a stage's time).
  later(ctx, run, ctx.stageMs / 4, () => invokeLambda(h, hook, detail, next));
}

/** Runs the hooks configured for `stage` in order, then calls `done` (at once when there are none). */
export function runHooks(
  ctx: EcsContext,
  sd: ServiceDeploymentRec,
  run: NativeRun,
  stage: string,
  touch: () => void,
  done: (outcome: HookOutcome) => void,
): void {
  const hooks = ((sd.deploymentConfiguration['lifecycleHooks'] as Json[] | undefined) ?? []).filter((h) =>
    ((h['lifecycleStages'] as string[] | undefined) ?? []).includes(stage),
  );
  const h: HookRun = { ctx, sd, run, touch };
  const step = (i: number): void => {
    const hook = hooks[i];
    if (hook === undefined) return done({ kind: 'continue' });
    runOne(h, hook, stage, (outcome) => (outcome.kind === 'continue' ? step(i + 1) : done(outcome)));
  };
  step(0);
}
