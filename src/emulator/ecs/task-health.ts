/**
 * Health as the service scheduler sees it: container health checks, load balancer target health (read from the
 * ELBv2 backend), healthCheckGracePeriodSeconds, and replacing service tasks that fail them.
 */
import type { EcsContext } from './context.js';
import { addEvent, messages, queueTargetEvent } from './events.js';
import type { Json, ServiceRec, TaskRec } from './state.js';
import { step, stopTask } from './task-stop.js';

/** How often (simulated ms) ECS looks at the health of targets that are not yet healthy. */
const TARGET_POLL_MS = 500;

const serviceOf = (ctx: EcsContext, task: TaskRec): ServiceRec | undefined =>
  task.serviceKey ? ctx.state.services.get(task.serviceKey) : undefined;

/** Registers the task in each load balancer's target group: the task IP (awsvpc) or instance and host port. */
export function registerTargets(ctx: EcsContext, task: TaskRec, loadBalancers: Json[]): void {
  const service = serviceOf(ctx, task);
  for (const lb of loadBalancers) {
    const targetGroupArn = lb['targetGroupArn'];
    if (typeof targetGroupArn !== 'string') continue;
    const containerName = String(lb['containerName']);
    const containerPort = Number(lb['containerPort']);
    const container = task.containers.find((c) => c.name === containerName);
    const mapping = container?.portMappings.find((m) => m.containerPort === containerPort);
    const awsvpc = task.networkMode === 'awsvpc';
    const target = awsvpc
      ? { id: task.privateIp, port: containerPort }
      : { id: task.instanceId, port: mapping?.hostPort ?? containerPort };
    const passes = container !== undefined && container.fate.kind !== 'unhealthy';
    try {
      ctx.elb().registerTarget(targetGroupArn, target, passes);
    } catch {
      continue; // target group deleted since the service was created
    }
    task.targets.push({ targetGroupArn, ...target, containerName, containerPort, health: 'initial' });
    if (service) queueTargetEvent(ctx, service, 'registered', targetGroupArn);
  }
}

function pollTargets(ctx: EcsContext, task: TaskRec): void {
  step(ctx, task, TARGET_POLL_MS, () => {
    if (task.desiredStatus !== 'RUNNING') return;
    for (const t of task.targets) {
      if (t.health === 'healthy') continue;
      const state = ctx.elb().targetHealth(t.targetGroupArn, { id: t.id, port: t.port });
      if (state === 'unhealthy') t.health = 'unhealthy';
      else if (state === 'initial' || state === 'draining') t.health = 'initial';
      else t.health = 'healthy'; // healthy, or unused/unavailable/deleted: nothing for ECS to wait on
    }
    evaluateHealth(ctx, task);
    if (task.desiredStatus === 'RUNNING' && task.targets.some((t) => t.health !== 'healthy')) pollTargets(ctx, task);
  });
}

/** Starts container health checks and target health polling once the task is RUNNING. */
export function startHealthChecks(ctx: EcsContext, task: TaskRec): void {
  const T = ctx.taskStartMs;
  for (const c of task.containers) {
    if (c.healthStatus === undefined) continue;
    const unhealthy = c.fate.kind === 'unhealthy';
    step(ctx, task, unhealthy ? T : T * 0.3, () => {
      c.healthStatus = unhealthy ? 'UNHEALTHY' : 'HEALTHY';
      task.version++;
      evaluateHealth(ctx, task);
    });
  }
  if (task.targets.length > 0) pollTargets(ctx, task);
  evaluateHealth(ctx, task);
}

/** Task healthStatus from its essential containers' health checks. */
export function taskHealthStatus(task: TaskRec): 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN' {
  const checked = task.containers.filter((c) => c.essential && c.healthStatus !== undefined);
  if (checked.some((c) => c.healthStatus === 'UNHEALTHY')) return 'UNHEALTHY';
  if (checked.length > 0 && checked.every((c) => c.healthStatus === 'HEALTHY')) return 'HEALTHY';
  return 'UNKNOWN';
}

export function evaluateHealth(ctx: EcsContext, task: TaskRec): void {
  if (task.lastStatus !== 'RUNNING' || task.desiredStatus !== 'RUNNING') return;
  const essentials = task.containers.filter((c) => c.essential);
  const containerHealth = taskHealthStatus(task);
  const pendingChecks = essentials.some((c) => c.healthStatus === 'UNKNOWN');
  const badTarget = task.targets.find((t) => t.health === 'unhealthy');
  // A container that is going to exit never settles, so it never counts as healthy.
  const willExit = essentials.some((c) => c.fate.kind === 'exit');
  const healthy =
    !willExit && containerHealth !== 'UNHEALTHY' && !pendingChecks && task.targets.every((t) => t.health === 'healthy');
  if (healthy !== task.healthy) {
    task.healthy = healthy;
    task.version++;
    ctx.hooks.taskChanged(task);
  }
  const service = serviceOf(ctx, task);
  if (!service || (containerHealth !== 'UNHEALTHY' && !badTarget)) return;
  const graceEnd = (task.startedAt ?? 0) + (service.healthCheckGracePeriodSeconds ?? 0) * 1000;
  const now = ctx.clock.now();
  if (now < graceEnd) {
    if (!task.graceTimer) {
      task.graceTimer = true;
      step(ctx, task, graceEnd - now, () => {
        task.graceTimer = false;
        evaluateHealth(ctx, task);
      });
    }
    return;
  }
  if (containerHealth === 'UNHEALTHY') {
    addEvent(ctx, service, messages.containerUnhealthy(service.name, task.id));
    addEvent(ctx, service, messages.stopped(service.name, [task.id]));
    stopTask(ctx, task, 'ServiceSchedulerInitiated', 'Task failed container health checks', { failed: true });
  } else if (badTarget) {
    addEvent(ctx, service, messages.targetUnhealthy(service.name, task.id, badTarget.port, badTarget.targetGroupArn));
    addEvent(ctx, service, messages.stopped(service.name, [task.id]));
    stopTask(ctx, task, 'ServiceSchedulerInitiated', `Task failed ELB health checks in (target-group ${badTarget.targetGroupArn})`, {
      failed: true,
    });
  }
}
