/**
 * S10: stop the tasks this run started (on cancellation or when RunTask failed part-way). Never throws: it
 * logs what it stopped, what had already stopped and what it could not stop.
 */
import type { Task } from '@aws-sdk/client-ecs';
import type { TaskDeps } from './types.js';
import { taskIdFromArn } from './ids.js';
import { describeError } from '../errors.js';
import { hasErrorName } from '../aws/errors.js';
import { stopTask } from '../ecs/tasks.js';

/** StopTask's `reason` is at most 255 characters. */
const REASON_MAX = 255;
/** Parallel StopTask calls: quick enough to finish inside the runner's SIGINT → SIGTERM window (~7.5 s). */
const CONCURRENCY = 10;

export interface StopTasksResult {
  stopped: string[];
  alreadyStopped: string[];
  failed: Array<{ taskArn: string; error: string }>;
  /** The tasks as StopTask answered (desired status STOPPED): their state after the stop, not before it. */
  tasks: Task[];
}

/**
 * Deliberately ignores any cancellation signal: it usually runs because the signal already aborted.
 */
export async function stopTasks(
  deps: Pick<TaskDeps, 'ecs' | 'log'>,
  cluster: string,
  taskArns: readonly string[],
  reason: string,
): Promise<StopTasksResult> {
  const result: StopTasksResult = { stopped: [], alreadyStopped: [], failed: [], tasks: [] };
  const trimmedReason = reason.length > REASON_MAX ? `${reason.slice(0, REASON_MAX - 1)}…` : reason;
  const queue = [...new Set(taskArns)];
  const worker = async (): Promise<void> => {
    for (let arn = queue.shift(); arn !== undefined; arn = queue.shift()) {
      await stopOne(deps, cluster, arn, trimmedReason, result);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, () => worker()));
  const parts = [`stopped ${result.stopped.length}`];
  if (result.alreadyStopped.length > 0) parts.push(`${result.alreadyStopped.length} had already stopped`);
  if (result.failed.length > 0) parts.push(`${result.failed.length} could not be stopped`);
  if (taskArns.length > 0) deps.log.info(`Stop tasks: ${parts.join(', ')}`);
  return result;
}

async function stopOne(
  deps: Pick<TaskDeps, 'ecs' | 'log'>,
  cluster: string,
  taskArn: string,
  reason: string,
  result: StopTasksResult,
): Promise<void> {
  const id = taskIdFromArn(taskArn);
  try {
    const task = await stopTask(deps.ecs, { cluster, task: taskArn, reason });
    if (task !== undefined) result.tasks.push({ ...task, taskArn: task.taskArn ?? taskArn });
    if (task?.lastStatus === 'STOPPED') {
      result.alreadyStopped.push(taskArn);
      deps.log.info(`Task ${id} had already stopped`);
    } else {
      result.stopped.push(taskArn);
      deps.log.info(`Stopped task ${id} (${reason})`);
    }
  } catch (e) {
    // A task stopped long ago is no longer known to ECS: nothing left to stop.
    // ECS answers InvalidParameterException "The referenced task was not found." for those.
    if (hasErrorName(e, 'InvalidParameterException') && /task.*not found/i.test(e instanceof Error ? e.message : '')) {
      result.alreadyStopped.push(taskArn);
      deps.log.info(`Task ${id} is gone already`);
      return;
    }
    const error = describeError(e);
    result.failed.push({ taskArn, error });
    deps.log.warning(`Could not stop task ${id}: ${error}. It may still be running.`);
  }
}
