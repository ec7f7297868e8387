/**
 * ECS watching a rolling deployment's CloudWatch alarms (`deploymentConfiguration.alarms` with `enable: true`; the
 * developer guide's "How CloudWatch alarms detect Amazon ECS deployment failures"):
 *
 * - ECS polls the alarms (DescribeAlarms; here the CloudWatchBackend every ALARM_POLL_MS of simulated time) once a
 *   task of the deployment is RUNNING, while the deployment is PRIMARY and IN_PROGRESS;
 * - an alarm counts when it is in ALARM and went there after the deployment started: an alarm already in ALARM
 *   when the deployment begins is ignored while it stays there; an alarm that does not exist never counts;
 * - when the deployment reaches steady state it stays IN_PROGRESS for a bake time (the older, scaled-in deployments
 *   stay listed as ACTIVE until it ends), during which the alarms are still watched; ECS computes the bake time
 *   from the alarms' configuration: here the longest Period × EvaluationPeriods of the named alarms;
 * - a triggered alarm fails the deployment (`deployment failed: alarm detected.`), and with `rollback: true` ECS
 *   rolls back to the last COMPLETED deployment as it does for the circuit breaker (rollback.ts).
 *
 * Rollback deployments are neither watched nor baked. The service event is AWS's wording; the rollout state
 * reasons are reconstructed in the style of the circuit breaker's (README.md).
 */
import { alarmConfig } from './alarm-config.js';
import type { EcsContext } from './context.js';
import { serviceDeploymentOf } from './deployments.js';
import { messages } from './events.js';
import { failDeployment } from './rollback.js';
import type { DeploymentRec, ServiceRec } from './state.js';

/** How often (simulated ms) ECS reads the alarms of a deployment it watches. */
export const ALARM_POLL_MS = 10_000;

/** The rolloutStateReason of a deployment the alarms failed (reconstructed; names the alarms in ALARM). */
export const alarmFailureReason = (names: readonly string[]): string => `ECS deployment alarms: alarm detected: ${names.join(', ')}.`;

/** Whether ECS watches the alarms of `d` now. */
function watched(service: ServiceRec, d: DeploymentRec): boolean {
  return (
    service.status === 'ACTIVE' &&
    d.status === 'PRIMARY' &&
    d.rolloutState === 'IN_PROGRESS' &&
    !d.rollback &&
    alarmConfig(service.deploymentConfiguration).enable
  );
}

/** The named alarms in ALARM that went there after the deployment started. */
function triggeredAlarms(ctx: EcsContext, service: ServiceRec, d: DeploymentRec): string[] {
  const { alarmNames } = alarmConfig(service.deploymentConfiguration);
  return [...new Set(alarmNames)].filter((name) => {
    const alarm = ctx.cloudwatch().alarm(name);
    return alarm !== undefined && alarm.state === 'ALARM' && alarm.transitionedAt >= d.createdAt;
  });
}

/** Reads the alarms (once a task of the deployment has run); a triggered one fails it. True when it failed. */
function checkAlarms(ctx: EcsContext, service: ServiceRec, d: DeploymentRec): boolean {
  d.alarmsMonitoring ||= [...service.liveTasks].some((t) => t.deploymentId === d.id && t.lastStatus === 'RUNNING');
  if (!d.alarmsMonitoring) return false;
  const names = triggeredAlarms(ctx, service, d);
  if (names.length === 0) return false;
  const reason = alarmFailureReason(names);
  failDeployment(ctx, service, d, {
    reason,
    event: messages.alarmFailed(service.name, d.id),
    rollback: alarmConfig(service.deploymentConfiguration).rollback,
    rollbackReason: `Deployment alarms triggered: ${names.join(', ')}.`,
    rollingBack: (id) => `ECS deployment alarms: rolling back to deploymentId ${id}.`,
    trigger: (sd) => {
      sd.alarms.status = 'TRIGGERED';
      sd.alarms.triggeredAlarmNames = names;
    },
  });
  return true;
}

/**
 * The scheduler calls this on each run for the PRIMARY deployment: arms the next alarm poll when ECS watches it.
 * `wake` runs the scheduler again (a failure starts the rollback deployment; otherwise it re-arms the poll).
 */
export function watchAlarms(ctx: EcsContext, service: ServiceRec, d: DeploymentRec, wake: () => void): void {
  if (d.alarmPollScheduled === true || !watched(service, d)) return;
  d.alarmPollScheduled = true;
  ctx.clock.after(ALARM_POLL_MS, () => {
    d.alarmPollScheduled = false;
    if (ctx.state.services.get(service.key) !== service || !watched(service, d)) return;
    checkAlarms(ctx, service, d);
    wake();
  });
}

/** The bake time ECS derives from the alarms: the longest Period × EvaluationPeriods among those that exist. */
function bakeMs(ctx: EcsContext, service: ServiceRec): number {
  let longest = 0;
  for (const name of alarmConfig(service.deploymentConfiguration).alarmNames) {
    const alarm = ctx.cloudwatch().alarm(name);
    if (alarm !== undefined) longest = Math.max(longest, alarm.periodSeconds * alarm.evaluationPeriods * 1000);
  }
  return longest;
}

/**
 * At steady state: whether the deployment may complete now. With alarms watched, the first call starts the bake time
 * (and `wake` is called when it ends); the deployment completes once it is over and no alarm has triggered.
 */
export function bakeDone(ctx: EcsContext, service: ServiceRec, d: DeploymentRec, wake: () => void): boolean {
  if (!watched(service, d)) return true;
  if (d.bakeEndsAt === undefined) {
    const ms = bakeMs(ctx, service);
    d.bakeEndsAt = ctx.clock.now() + ms;
    if (ms > 0) {
      ctx.clock.after(ms + 1, wake);
      return false;
    }
  }
  if (ctx.clock.now() < d.bakeEndsAt) return false;
  if (checkAlarms(ctx, service, d)) return false;
  const sd = serviceDeploymentOf(ctx, d);
  if (sd?.alarms.status === 'MONITORING') sd.alarms.status = 'MONITORING_COMPLETE';
  return true;
}

/** During the bake time the older deployments, scaled in, stay listed (ACTIVE) until the deployment completes. */
export function baking(d: DeploymentRec): boolean {
  return d.bakeEndsAt !== undefined && d.rolloutState === 'IN_PROGRESS';
}
