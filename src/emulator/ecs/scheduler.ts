/**
 * The service scheduler for the rolling update (ECS) deployment controller. It runs only when something changed
 * (a task changed state, the service was created/updated/deleted), at most once per instant per service:
 *
 * - tasks of older deployments are stopped while the healthy count stays ≥ minimumHealthyPercent of desired
 *   (tasks that are not healthy can always go);
 * - new tasks of the PRIMARY deployment start while the total stays ≤ maximumPercent of desired;
 * - when the PRIMARY runs `desired` healthy tasks and nothing else is left, the deployment is COMPLETED and the
 *   service reports a steady state (after the bake time of its deployment alarms, if it has any:
 *   deployment-alarms.ts, which the scheduler also asks to keep polling the alarms).
 */
import type { EcsContext } from './context.js';
import { baking, bakeDone, watchAlarms } from './deployment-alarms.js';
import { reconcileDaemon } from './daemon.js';
import { completeDeployment } from './deployments.js';
import { addEvent, messages } from './events.js';
import { activeNative, reconcileNative } from './native-deployment.js';
import { finishNativeRollbacks } from './native-rollback.js';
import { accountTask } from './rollback.js';
import type { DeploymentRec, ServiceRec, TaskRec } from './state.js';
import { startTasks } from './service-tasks.js';
import { stopTask } from './task-stop.js';

export function scheduleReconcile(ctx: EcsContext, service: ServiceRec): void {
  if (service.reconcileScheduled) return;
  service.reconcileScheduled = true;
  ctx.clock.after(0, () => {
    service.reconcileScheduled = false;
    if (ctx.state.services.get(service.key) === service) reconcile(ctx, service);
  });
}

/** Wired as `hooks.taskChanged`: failure accounting now, scheduling on the next turn. */
export function onTaskChanged(ctx: EcsContext, task: TaskRec): void {
  if (task.containerInstanceArn !== undefined && task.lastStatus === 'STOPPED') wakeCluster(ctx, task.clusterName);
  const service = task.serviceKey ? ctx.state.services.get(task.serviceKey) : undefined;
  if (!service) return;
  accountTask(ctx, service, task);
  scheduleReconcile(ctx, service);
}

/** Capacity was freed or added: every service of the cluster waiting to place a task (and every DAEMON service) runs again. */
export function wakeCluster(ctx: EcsContext, clusterName: string): void {
  for (const s of ctx.state.services.values()) {
    const waiting = s.placementBlocked !== undefined || s.schedulingStrategy === 'DAEMON';
    if (s.clusterName === clusterName && s.status === 'ACTIVE' && waiting) scheduleReconcile(ctx, s);
  }
}

function percent(service: ServiceRec, name: string, fallback: number): number {
  const value = service.deploymentConfiguration[name];
  return typeof value === 'number' ? value : fallback;
}

function stopAll(ctx: EcsContext, service: ServiceRec, tasks: TaskRec[], primary: DeploymentRec | undefined): void {
  if (tasks.length === 0) return;
  const reason = primary ? `Scaling activity initiated by (deployment ${primary.id})` : 'Service deleted';
  for (const t of tasks) stopTask(ctx, t, 'ServiceSchedulerInitiated', reason);
  addEvent(ctx, service, messages.stopped(service.name, tasks.map((t) => t.id)));
}

function drain(ctx: EcsContext, service: ServiceRec, active: TaskRec[]): void {
  stopAll(ctx, service, active, service.deployments[0]);
  if (service.liveTasks.size > 0 || service.inactiveScheduled) return;
  service.inactiveScheduled = true;
  ctx.clock.after(ctx.taskStartMs, () => {
    if (service.status !== 'DRAINING') return;
    service.status = 'INACTIVE';
    for (const d of service.deployments) d.updatedAt = ctx.clock.now();
  });
}

/** One pass of the REPLICA scheduler: stop older and extra tasks within minimumHealthyPercent, start within maximumPercent. */
function reconcileReplica(ctx: EcsContext, service: ServiceRec, primary: DeploymentRec, active: TaskRec[]): void {
  const desired = service.desiredCount;
  primary.desiredCount = desired;
  const maxTotal = Math.floor((desired * percent(service, 'maximumPercent', 200)) / 100);
  const minHealthy = Math.ceil((desired * percent(service, 'minimumHealthyPercent', 100)) / 100);
  const primaryTasks = active.filter((t) => t.deploymentId === primary.id);
  const primaryHealthy = primaryTasks.filter((t) => t.healthy).length;
  const older = active.filter((t) => t.deploymentId !== primary.id);
  // A deployment the circuit breaker failed (without rollback) launches nothing more and keeps older tasks.
  const halted = primary.rolloutState === 'FAILED';

  const toStop: TaskRec[] = [];
  if (!halted) {
    let healthy = active.filter((t) => t.healthy).length;
    for (const t of [...older].sort((a, b) => Number(a.healthy) - Number(b.healthy))) {
      if (!t.healthy) toStop.push(t);
      else if (primaryHealthy >= desired || healthy - 1 >= minHealthy) {
        toStop.push(t);
        healthy--;
      }
    }
  }
  if (primaryTasks.length > desired) {
    const extras = [...primaryTasks].sort((a, b) => Number(a.healthy) - Number(b.healthy) || b.createdAt - a.createdAt);
    toStop.push(...extras.slice(0, primaryTasks.length - desired));
  }
  stopAll(ctx, service, toStop, primary);

  if (!halted) {
    const need = desired - Math.min(primaryTasks.length, desired);
    const room = maxTotal - (active.length - toStop.length);
    startTasks(ctx, service, primary, Math.min(need, room));
  }
}

export function reconcile(ctx: EcsContext, service: ServiceRec): void {
  if (service.status === 'INACTIVE') return;
  const active = [...service.liveTasks].filter((t) => t.desiredStatus === 'RUNNING');
  if (service.status === 'DRAINING') {
    drain(ctx, service, active);
    return;
  }
  const primary = service.deployments[0];
  if (!primary) return;
  const native = activeNative(ctx, primary);
  if (native) {
    // A blue/green, linear or canary deployment before CLEAN_UP: native-deployment.ts decides.
    reconcileNative(ctx, service, native, active, (count) => startTasks(ctx, service, primary, count));
    // ECS watches the deployment alarms through the stages; a triggered one rolls back (failDeployment).
    watchAlarms(ctx, service, primary, () => scheduleReconcile(ctx, service));
    return;
  }
  finishNativeRollbacks(ctx, service);
  if (service.schedulingStrategy === 'DAEMON') {
    reconcileDaemon(ctx, service, primary, active, {
      start: (instance) => startTasks(ctx, service, primary, 1, instance),
      stop: (tasks) => stopAll(ctx, service, tasks, primary),
    });
  } else reconcileReplica(ctx, service, primary, active);
  watchAlarms(ctx, service, primary, () => scheduleReconcile(ctx, service));
  checkSteadyState(ctx, service, primary);
  // Older deployments with nothing left are gone from the list (after the bake time, when there is one). After the
  // steady-state check, which starts the bake time: the pass in which the last old task stopped is the one that
  // reaches steady state, and the older deployments stay listed through the bake that begins there.
  if (!baking(primary)) {
    service.deployments = service.deployments.filter(
      (d) => d === primary || [...service.liveTasks].some((t) => t.deploymentId === d.id),
    );
  }
}

function checkSteadyState(ctx: EcsContext, service: ServiceRec, primary: DeploymentRec): void {
  let healthy = 0;
  let others = 0;
  for (const t of service.liveTasks) {
    if (t.deploymentId !== primary.id || t.desiredStatus !== 'RUNNING') others++;
    else if (t.healthy) healthy++;
  }
  // Every task left is a healthy one of the PRIMARY (older deployments listed during a bake time have none).
  const steady = others === 0 && healthy === service.desiredCount;
  if (!steady) {
    service.steady = false;
    return;
  }
  if (primary.rolloutState === 'IN_PROGRESS') {
    if (!bakeDone(ctx, service, primary, () => scheduleReconcile(ctx, service))) return;
    if (primary.rolloutState !== 'IN_PROGRESS') {
      // An alarm failed it at the end of the bake time: run again for the rollback deployment, if ECS started one.
      scheduleReconcile(ctx, service);
      return;
    }
    service.deployments = [primary];
    completeDeployment(ctx, service, primary);
    addEvent(ctx, service, messages.completed(service.name, primary.id));
  }
  if (!service.steady && primary.rolloutState === 'COMPLETED') {
    service.steady = true;
    service.steadyHistory.push({ deploymentId: primary.id, taskDefinition: primary.taskDef.arn, at: ctx.clock.now(), wallAt: Date.now() });
    addEvent(ctx, service, messages.steady(service.name));
  }
}

/** Used by views: counts of one deployment's tasks. */
export function deploymentCounts(service: ServiceRec, d: DeploymentRec): { running: number; pending: number } {
  let running = 0;
  let pending = 0;
  for (const t of service.liveTasks) {
    if (t.deploymentId !== d.id || t.desiredStatus !== 'RUNNING') continue;
    if (t.lastStatus === 'RUNNING') running++;
    else pending++;
  }
  return { running, pending };
}

