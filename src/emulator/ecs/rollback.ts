/**
 * Failure accounting for deployments and what follows a failure: the circuit breaker marking the deployment
 * FAILED and, with rollback, ECS starting a deployment back to the last COMPLETED revision; and
 * StopServiceDeployment (ROLLBACK or ABORT).
 */
import type { EcsContext } from './context.js';
import { breakerConfig, breakerThreshold } from './circuit-breaker.js';
import { settingsOf } from './deployment-settings.js';
import { serviceDeploymentOf, startDeployment } from './deployments.js';
import { addEvent, messages } from './events.js';
import type { DeploymentRec, ServiceDeploymentRec, ServiceRec, TaskRec } from './state.js';

const BREAKER_REASON = 'ECS deployment circuit breaker: tasks failed to start.';
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
  }
}

function rollBackTo(
  ctx: EcsContext,
  service: ServiceRec,
  sd: ServiceDeploymentRec | undefined,
  reason: string,
  byBreaker: boolean,
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
  service.loadBalancers = revision.loadBalancers;
  service.serviceRegistries = revision.serviceRegistries;
  if (revision.networkConfiguration !== undefined) service.networkConfiguration = revision.networkConfiguration;
  delete service.serviceConnectConfiguration;
  delete service.volumeConfigurations;
  Object.assign(service, settingsOf(revision));
  startDeployment(ctx, service, target.taskDef, {
    revision,
    rollback: true,
    reason: byBreaker
      ? `ECS deployment circuit breaker: rolling back to deploymentId ${target.deploymentId}.`
      : `ECS deployment rolling back to deploymentId ${target.deploymentId}.`,
    ...(sd ? { serviceDeploymentArn: sd.arn } : {}),
  });
  return true;
}

function markFailed(ctx: EcsContext, d: DeploymentRec, reason: string): void {
  const now = ctx.clock.now();
  d.rolloutState = 'FAILED';
  d.rolloutStateReason = reason;
  d.failedAt = now;
  d.updatedAt = now;
}

export function tripBreaker(ctx: EcsContext, service: ServiceRec, d: DeploymentRec): void {
  markFailed(ctx, d, BREAKER_REASON);
  addEvent(ctx, service, messages.failed(service.name, d.id));
  const sd = serviceDeploymentOf(ctx, d);
  if (sd) {
    sd.circuitBreaker.status = 'TRIGGERED';
    sd.statusReason = BREAKER_REASON;
    sd.updatedAt = ctx.clock.now();
  }
  if (breakerConfig(service).rollback && rollBackTo(ctx, service, sd, 'Circuit breaker triggered: tasks failed to start.', true)) return;
  if (sd) {
    sd.status = 'STOPPED';
    sd.stoppedAt = ctx.clock.now();
  }
}

/** StopServiceDeployment: ROLLBACK returns to the last completed revision; ABORT just stops the rollout. */
export function stopServiceDeployment(ctx: EcsContext, service: ServiceRec, sd: ServiceDeploymentRec, stopType: string): void {
  const d = service.deployments.find((x) => x.id === sd.deploymentId);
  const now = ctx.clock.now();
  if (d && d.rolloutState === 'IN_PROGRESS') markFailed(ctx, d, `Service deployment ${stopType === 'ABORT' ? 'stopped' : 'rolled back'} by user request.`);
  if (stopType === 'ROLLBACK') {
    sd.status = 'ROLLBACK_REQUESTED';
    sd.updatedAt = now;
    if (rollBackTo(ctx, service, sd, 'Service deployment rolled back because of a user request.', false)) return;
    sd.status = 'ROLLBACK_FAILED';
    sd.statusReason = 'There is no completed service revision to roll back to.';
    sd.finishedAt = now;
    return;
  }
  sd.status = 'STOPPED';
  sd.statusReason = 'Service deployment stopped by user request.';
  sd.stoppedAt = now;
  sd.updatedAt = now;
}
