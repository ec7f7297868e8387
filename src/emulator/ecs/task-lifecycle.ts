/**
 * Starting a task over simulated time (T = taskStartMs): PROVISIONING → PENDING (at T/4: log groups checked, image
 * pull starts) → image pulled (at 3T/4, or CannotPullContainerError) → ACTIVATING (targets registered, for
 * services behind a load balancer) → RUNNING (at T). Containers fated to exit do so one period after RUNNING.
 */
import type { EcsContext } from './context.js';
import { logGroupMissingReason, pullErrorReason, startupLines } from './image-behaviour.js';
import type { ContainerRec, Json, TaskRec } from './state.js';
import { registerTargets, startHealthChecks } from './task-health.js';
import { prepareLogGroups, writeLogs } from './task-logs.js';
import { setStatus, step, stopTask } from './task-stop.js';

function containerExit(ctx: EcsContext, task: TaskRec, c: ContainerRec, code: number, crash: boolean): void {
  if (c.lastStatus !== 'RUNNING') return;
  writeLogs(ctx, c, [crash ? 'panic: fatal error during request handling (simulated crash)' : `Exiting with code ${code}`]);
  c.lastStatus = 'STOPPED';
  c.exitCode = code;
  task.version++;
  if (c.essential) stopTask(ctx, task, 'EssentialContainerExited', 'Essential container in task exited', { failed: true });
}

function running(ctx: EcsContext, task: TaskRec): void {
  setStatus(task, 'RUNNING');
  task.startedAt = ctx.clock.now();
  for (const c of task.containers) {
    c.lastStatus = 'RUNNING';
    writeLogs(ctx, c, startupLines(c.name, c.image, c.portMappings[0]?.containerPort));
    const fate = c.fate;
    if (fate.kind === 'exit') step(ctx, task, ctx.taskStartMs, () => containerExit(ctx, task, c, fate.code, fate.crash));
  }
  startHealthChecks(ctx, task);
  ctx.hooks.taskChanged(task);
}

function failToStart(ctx: EcsContext, task: TaskRec, container: ContainerRec, reason: string): void {
  container.reason = reason;
  stopTask(ctx, task, 'TaskFailedToStart', reason, { failed: true });
}

/** Adds the task to the state and starts its lifecycle; `loadBalancers` are the service's (empty for RunTask). */
export function launchTask(ctx: EcsContext, task: TaskRec, loadBalancers: Json[] = []): void {
  ctx.state.tasks.set(task.arn, task);
  const T = ctx.taskStartMs;
  step(ctx, task, T * 0.25, () => {
    const now = ctx.clock.now();
    setStatus(task, 'PENDING');
    task.connectivityAt = now;
    task.pullStartedAt = now;
    const missing = prepareLogGroups(ctx, task.containers);
    if (missing !== undefined) {
      const container = task.containers.find((c) => c.awslogs?.group === missing) ?? task.containers[0];
      if (container) failToStart(ctx, task, container, logGroupMissingReason(task.launchType === 'FARGATE', missing));
      return;
    }
    step(ctx, task, T * 0.5, () => {
      task.pullStoppedAt = ctx.clock.now();
      const unpullable = task.containers.find((c) => c.fate.kind === 'pull-error');
      if (unpullable) {
        failToStart(ctx, task, unpullable, pullErrorReason(unpullable.image));
        return;
      }
      task.version++;
      if (loadBalancers.length > 0) {
        step(ctx, task, T * 0.15, () => {
          setStatus(task, 'ACTIVATING');
          registerTargets(ctx, task, loadBalancers);
          step(ctx, task, T * 0.1, () => running(ctx, task));
        });
      } else step(ctx, task, T * 0.25, () => running(ctx, task));
    });
  });
}
