/**
 * Stopping a task: desiredStatus STOPPED at once, then RUNNING → (DEACTIVATING while its targets drain: 0.3 × the
 * task start time, or the deregistration delay when the emulator waits it out) → STOPPING (0.2 × the task start
 * time, at most the containers' stopTimeout) → (DEPROVISIONING for awsvpc) → STOPPED over simulated time, or
 * straight to STOPPED when it never ran.
 */
import type { EcsContext } from './context.js';
import { queueTargetEvent } from './events.js';
import type { TaskRec, TaskStatus } from './state.js';
import { writeLogs } from './task-logs.js';

/** Exit code of a container ECS stops (SIGTERM: 128 + 15). */
export const SIGTERM_EXIT_CODE = 143;
/** ECS keeps stopped tasks visible for a while; the emulator keeps the most recent ones. */
const MAX_STOPPED_TASKS = 2000;

export interface StopOptions {
  /** The stop is a task failure (counts toward the deployment circuit breaker). */
  failed?: boolean;
}

/** Schedules `fn` for this task; stopping the task cancels it. */
export function step(ctx: EcsContext, task: TaskRec, delayMs: number, fn: () => void): void {
  const cancel = ctx.clock.after(delayMs, () => {
    const i = task.timers.indexOf(cancel);
    if (i >= 0) task.timers.splice(i, 1);
    fn();
  });
  task.timers.push(cancel);
}

export function setStatus(task: TaskRec, status: TaskStatus): void {
  task.lastStatus = status;
  task.version++;
}

function finish(ctx: EcsContext, task: TaskRec): void {
  const now = ctx.clock.now();
  for (const c of task.containers) {
    if (c.lastStatus === 'RUNNING') {
      c.exitCode = SIGTERM_EXIT_CODE;
      writeLogs(ctx, c, ['Received SIGTERM, shutting down']);
    }
    c.lastStatus = 'STOPPED';
  }
  task.executionStoppedAt ??= now;
  task.stoppedAt = now;
  setStatus(task, 'STOPPED');
  task.timers = [];
  if (task.serviceKey) ctx.state.services.get(task.serviceKey)?.liveTasks.delete(task);
  ctx.state.stoppedOrder.push(task.arn);
  while (ctx.state.stoppedOrder.length > MAX_STOPPED_TASKS) {
    const oldest = ctx.state.stoppedOrder.shift();
    if (oldest !== undefined) ctx.state.tasks.delete(oldest);
  }
  ctx.hooks.taskChanged(task);
}

function deregisterTargets(ctx: EcsContext, task: TaskRec): void {
  const service = task.serviceKey ? ctx.state.services.get(task.serviceKey) : undefined;
  if (task.targets.length === 0) return;
  if (service) queueTargetEvent(ctx, service, 'draining');
  for (const t of task.targets) {
    try {
      ctx.elb().deregisterTarget(t.targetGroupArn, { id: t.id, port: t.port });
    } catch {
      // The target group may have been deleted meanwhile.
    }
  }
}

/** How long ECS waits for the task's targets to drain: the longest deregistration delay of its target groups, when
 * the emulator waits it out (EmulatorOptions.waitForDeregistrationDelay); otherwise 0. */
function drainingMs(ctx: EcsContext, task: TaskRec): number {
  if (!ctx.waitForDeregistrationDelay) return 0;
  return Math.max(0, ...task.targets.map((t) => ctx.elb().deregistrationDelayMs(t.targetGroupArn) ?? 0));
}

/** ECS sends the containers SIGTERM and kills them once their stopTimeout has passed (30 s when a container sets
 * none): a task is never STOPPING for longer than its longest stopTimeout. */
function stopTimeoutMs(task: TaskRec): number {
  const defs = (task.taskDef.body['containerDefinitions'] as Record<string, unknown>[] | undefined) ?? [];
  return Math.max(0, ...defs.map((c) => (typeof c['stopTimeout'] === 'number' ? c['stopTimeout'] : 30) * 1000));
}

export function stopTask(ctx: EcsContext, task: TaskRec, stopCode: string, reason: string, options: StopOptions = {}): void {
  if (task.desiredStatus === 'STOPPED' || task.lastStatus === 'STOPPED') return;
  for (const cancel of task.timers) cancel();
  task.timers = [];
  const T = ctx.taskStartMs;
  task.desiredStatus = 'STOPPED';
  task.stopCode = stopCode;
  task.stoppedReason = reason;
  task.stoppingAt = ctx.clock.now();
  task.failed = options.failed ?? false;
  task.healthy = false;
  task.version++;
  ctx.hooks.taskChanged(task);

  if (task.lastStatus !== 'RUNNING') {
    // Never ran: tear down what was provisioned (targets registered while ACTIVATING included).
    if (task.targets.length > 0) {
      deregisterTargets(ctx, task);
      const owner = task.serviceKey ? ctx.state.services.get(task.serviceKey) : undefined;
      if (owner) for (const t of task.targets) queueTargetEvent(ctx, owner, 'deregistered', t.targetGroupArn);
    }
    const deprovision = task.networkMode === 'awsvpc';
    if (deprovision) setStatus(task, 'DEPROVISIONING');
    step(ctx, task, T * 0.1, () => finish(ctx, task));
    return;
  }
  const service = task.serviceKey ? ctx.state.services.get(task.serviceKey) : undefined;
  const stopping = (): void => {
    setStatus(task, 'STOPPING');
    step(ctx, task, Math.min(T * 0.2, stopTimeoutMs(task)), () => {
      task.executionStoppedAt = ctx.clock.now();
      if (task.networkMode === 'awsvpc') {
        setStatus(task, 'DEPROVISIONING');
        step(ctx, task, T * 0.1, () => finish(ctx, task));
      } else finish(ctx, task);
    });
  };
  if (task.targets.length > 0) {
    setStatus(task, 'DEACTIVATING');
    const drainMs = drainingMs(ctx, task);
    deregisterTargets(ctx, task);
    step(ctx, task, Math.max(T * 0.3, drainMs), () => {
      if (service) for (const t of task.targets) queueTargetEvent(ctx, service, 'deregistered', t.targetGroupArn);
      stopping();
    });
  } else stopping();
}
