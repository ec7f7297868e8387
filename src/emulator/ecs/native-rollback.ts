/**
 * Traffic and rollback of blue/green, linear and canary deployments. ECS moves traffic by changing the target group
 * weights of the production and test routes (ElbBackend.setRouteWeights); a rollback puts all traffic back on the
 * blue revision, makes its deployment PRIMARY again and lets the scheduler stop the green tasks: the service
 * deployment goes ROLLBACK_IN_PROGRESS, then ROLLBACK_SUCCESSFUL once no green task is left.
 */
import type { EcsContext } from './context.js';
import { restoreServiceTo } from './deployments.js';
import { addEvent, messages } from './events.js';
import type { NativeRun, ServiceDeploymentRec, ServiceRec } from './state.js';

/** Gives the green revision `percent` of the production or test traffic of every route. */
export function shiftTraffic(ctx: EcsContext, run: NativeRun, which: 'production' | 'test', percent: number): void {
  if (which === 'production') run.productionWeight = percent;
  else run.testWeight = percent;
  // ELBv2 weights are whole numbers (0–999): the percentage, rounded.
  const green = Math.round(percent);
  for (const route of run.routes) {
    const arn = which === 'production' ? route.production : route.test;
    if (arn === undefined) continue;
    try {
      ctx.elb().setRouteWeights(arn, [
        { targetGroupArn: route.blueTg, weight: 100 - green },
        { targetGroupArn: route.greenTg, weight: green },
      ]);
    } catch {
      // The rule or listener was deleted meanwhile: nothing to shift.
    }
  }
}

/** The service deployment whose native run is `rollback` and has no green task left ends ROLLBACK_SUCCESSFUL. */
export function finishNativeRollbacks(ctx: EcsContext, service: ServiceRec): void {
  for (const arn of service.serviceDeploymentArns) {
    const sd = ctx.state.serviceDeployments.get(arn);
    const run = sd?.native;
    if (!sd || !run || run.phase !== 'rollback') continue;
    if ([...service.liveTasks].some((t) => t.deploymentId === run.greenDeploymentId)) continue;
    const now = ctx.clock.now();
    run.phase = 'stopped';
    if (sd.status === 'ROLLBACK_IN_PROGRESS') {
      sd.status = 'ROLLBACK_SUCCESSFUL';
      sd.finishedAt = now;
    }
    sd.updatedAt = now;
  }
}

/**
 * Rolls a native deployment back while its blue revision still runs (before CLEAN_UP); false when it cannot (no
 * native run going on, or the blue deployment is gone), so the caller rolls back as for a rolling deployment.
 */
export function rollBackNative(ctx: EcsContext, service: ServiceRec, sd: ServiceDeploymentRec, reason: string, rollbackReason = reason): boolean {
  const run = sd.native;
  if (!run || (run.phase !== 'running' && run.phase !== 'scaling')) return false;
  const blue = service.deployments.find((d) => d.id === run.blueDeploymentId);
  const revision = blue ? ctx.state.revisions.get(blue.revisionArn) : undefined;
  if (!blue || !revision) return false;
  const now = ctx.clock.now();
  run.cancel?.();
  delete run.waiting;
  run.phase = 'rollback';
  shiftTraffic(ctx, run, 'production', 0);
  shiftTraffic(ctx, run, 'test', 0);
  sd.status = 'ROLLBACK_IN_PROGRESS';
  sd.statusReason = reason;
  sd.rollback = { reason: rollbackReason, startedAt: now, serviceRevisionArn: blue.revisionArn };
  sd.updatedAt = now;
  const green = service.deployments.find((d) => d.id === run.greenDeploymentId);
  if (green) {
    if (green.rolloutState === 'IN_PROGRESS') {
      green.rolloutState = 'FAILED';
      green.rolloutStateReason = reason;
      green.failedAt = now;
    }
    green.status = 'ACTIVE';
    green.updatedAt = now;
  }
  blue.status = 'PRIMARY';
  blue.updatedAt = now;
  service.deployments = [blue, ...service.deployments.filter((d) => d !== blue)];
  restoreServiceTo(service, revision);
  service.steady = false;
  addEvent(ctx, service, messages.rollingBack(service.name, blue.id));
  ctx.hooks.serviceChanged(service);
  return true;
}
