/**
 * Failure accounting for deployments and what follows a failure: the circuit breaker (or the deployment alarms,
 * deployment-alarms.ts) marking the deployment FAILED and, with rollback, ECS starting a deployment back to the last
 * COMPLETED revision; and StopServiceDeployment (ROLLBACK or ABORT).
 */
import type { EcsContext } from './context.js';
import { breakerConfig, breakerThreshold } from './circuit-breaker.js';
import { restoreServiceTo, serviceDeploymentOf, startDeployment } from './deployments.js';
import { addEvent, messages } from './events.js';
import { rollBackNative } from './native-rollback.js';
import type { DeploymentRec, ServiceDeploymentRec, ServiceRec, TaskRec } from './state.js';

const BREAKER_REASON = 'ECS deployment circuit breaker: tasks failed to start.';
const USER_ROLLBACK = 'Service deployment rolled back because of a user request.';
/** Consecutive failures after which ECS reports that the service cannot start tasks consistently. */
const IMPAIRED_AFTER = 3;

/** Counts a failed task against its deployment, and resets the count when a task turns healthy. */
export function accountTask(ctx: EcsContext, service: ServiceRec, task: TaskRec): void {
  const d = service.deployments.find((x) => x.id === task.deploymentId);
  if (!d || d.rolloutState !== 'IN_PROGRESS') return;
  const sd = serviceDeploymentOf(ctx, d);
  const breaker = breakerConfig(service);
  if (task.healthy && task.desiredStatus === 'RUNNING') {
    if (breaker.resetOnHealthyTask && d.failedTasks > 0) d.failedTasks = 0;
    return;
  }
  if (task.desiredStatus !== 'STOPPED' || !task.failed || task.counted) return;
  task.counted = true;
  d.failedTasks++;
  d.updatedAt = ctx.clock.now();
  if (sd) sd.circuitBreaker.failureCount++;
  if (d.failedTasks >= IMPAIRED_AFTER && !d.impairedReported) {
    d.impairedReported = true;
    addEvent(ctx, service, messages.startImpaired(service.name));
  }
  if (breaker.enable && d.status === 'PRIMARY' && d.failedTasks >= breakerThreshold(service, d.desiredCount)) {
    tripBreaker(ctx, service, d);
  } else if (!breaker.enable && sd?.native) {
    // A green task of a blue/green, linear or canary deployment failed: ECS rolls back to the blue revision.
    const reason = `Service deployment rolled back because a task of the target service revision failed: ${task.stoppedReason ?? 'stopped'}.`;
    rollBackNative(ctx, service, sd, reason);
  }
}

function rollBackTo(
  ctx: EcsContext,
  service: ServiceRec,
  sd: ServiceDeploymentRec | undefined,
  reason: string,
  rollingBack: (deploymentId: string) => string,
): boolean {
  const target = service.lastCompleted;
  const revision = target ? ctx.state.revisions.get(target.revisionArn) : undefined;
  if (!target || !revision) return false;
  const now = ctx.clock.now();
  addEvent(ctx, service, messages.rollingBack(service.name, target.deploymentId));
  if (sd) {
    sd.status = 'ROLLBACK_IN_PROGRESS';
    sd.rollback = { reason, startedAt: now, serviceRevisionArn: revision.arn };
    sd.updatedAt = now;
  }
  // The service goes back to the configuration of that revision.
  restoreServiceTo(service, revision);
  const failed = service.deployments[0];
  const back = startDeployment(ctx, service, target.taskDef, {
    revision,
    rollback: true,
    reason: rollingBack(target.deploymentId),
    ...(sd ? { serviceDeploymentArn: sd.arn } : {}),
  });
  // After a native deployment's traffic shift (CLEAN_UP), production traffic is on the group its tasks used.
  if (failed?.taskLoadBalancers) back.taskLoadBalancers = failed.taskLoadBalancers;
  return true;
}

function markFailed(ctx: EcsContext, d: DeploymentRec, reason: string): void {
  const now = ctx.clock.now();
  d.rolloutState = 'FAILED';
  d.rolloutStateReason = reason;
  d.failedAt = now;
  d.updatedAt = now;
}

/** Why ECS failed a deployment (circuit breaker, deployment alarms), in its words, and whether it rolls back. */
export interface DeploymentFailure {
  /** The failed deployment's rolloutStateReason, and its service deployment's statusReason. */
  reason: string;
  /** The service event: `(service web) (deployment ecs-svc/…) deployment failed: …`. */
  event: string;
  rollback: boolean;
  /** The service deployment's `rollback.reason`. */
  rollbackReason: string;
  /** The rollback deployment's rolloutStateReason, naming the deployment it returns to. */
  rollingBack: (deploymentId: string) => string;
  /** Marks, on the service deployment, the monitor that failed it as TRIGGERED. */
  trigger: (sd: ServiceDeploymentRec) => void;
}

/**
 * Marks the deployment FAILED and, with `rollback`, starts a deployment back to the last COMPLETED one (continuing
 * the same service deployment); without it (or with nothing completed to go back to) the service deployment ends
 * STOPPED and the failed deployment stays PRIMARY, launching nothing more.
 */
export function failDeployment(ctx: EcsContext, service: ServiceRec, d: DeploymentRec, failure: DeploymentFailure): void {
  markFailed(ctx, d, failure.reason);
  addEvent(ctx, service, failure.event);
  const sd = serviceDeploymentOf(ctx, d);
  if (sd) {
    failure.trigger(sd);
    sd.statusReason = failure.reason;
    sd.updatedAt = ctx.clock.now();
  }
  if (failure.rollback && sd && rollBackNative(ctx, service, sd, failure.reason, failure.rollbackReason)) return;
  if (failure.rollback && rollBackTo(ctx, service, sd, failure.rollbackReason, failure.rollingBack)) return;
  if (sd) {
    sd.status = 'STOPPED';
    sd.stoppedAt = ctx.clock.now();
  }
}

export function tripBreaker(ctx: EcsContext, service: ServiceRec, d: DeploymentRec): void {
  failDeployment(ctx, service, d, {
    reason: BREAKER_REASON,
    event: messages.failed(service.name, d.id),
    rollback: breakerConfig(service).rollback,
    rollbackReason: 'Circuit breaker triggered: tasks failed to start.',
    rollingBack: (id) => `ECS deployment circuit breaker: rolling back to deploymentId ${id}.`,
    trigger: (sd) => {
      sd.circuitBreaker.status = 'TRIGGERED';
    },
  });
}

/** StopServiceDeployment: ROLLBACK returns to the last completed revision; ABORT just stops the rollout. */
export function stopServiceDeployment(ctx: EcsContext, service: ServiceRec, sd: ServiceDeploymentRec, stopType: string): void {
  const d = service.deployments.find((x) => x.id === sd.deploymentId);
  const now = ctx.clock.now();
  if (d && d.rolloutState === 'IN_PROGRESS') markFailed(ctx, d, `Service deployment ${stopType === 'ABORT' ? 'stopped' : 'rolled back'} by user request.`);
  if (stopType === 'ROLLBACK') {
    sd.status = 'ROLLBACK_REQUESTED';
    sd.updatedAt = now;
    if (rollBackNative(ctx, service, sd, USER_ROLLBACK)) return;
    const rollingBack = (id: string): string => `ECS deployment rolling back to deploymentId ${id}.`;
    if (rollBackTo(ctx, service, sd, USER_ROLLBACK, rollingBack)) return;
    sd.status = 'ROLLBACK_FAILED';
    sd.statusReason = 'There is no completed service revision to roll back to.';
    sd.finishedAt = now;
    return;
  }
  sd.statusReason = 'Service deployment stopped by user request.';
  sd.updatedAt = now;
  const run = sd.native;
  if (!run) {
    sd.status = 'STOPPED';
    sd.stoppedAt = now;
    return;
  }
  // A native deployment is STOP_REQUESTED until its current step ends (a quarter of a stage's time).
  run.cancel?.();
  delete run.waiting;
  run.phase = 'stopped';
  sd.status = 'STOP_REQUESTED';
  ctx.clock.after(ctx.stageMs / 4, () => {
    if (sd.status !== 'STOP_REQUESTED') return;
    sd.status = 'STOPPED';
    sd.stoppedAt = ctx.clock.now();
    sd.updatedAt = sd.stoppedAt;
  });
}
