/**
 * T3/S7: poll DescribeTasks until every task reached the goal ('stopped' or 'running'), the deadline passed,
 * or the run was cancelled. Each task's lastStatus change is logged once.
 */
import { DescribeTasksCommand } from '@aws-sdk/client-ecs';
import type { Failure, Task } from '@aws-sdk/client-ecs';
import type { TaskDeps } from './types.js';
import type { Deadline } from '../time.js';
import { formatDuration } from '../time.js';
import { describeError } from '../errors.js';
import { classifyAwsError } from '../aws/errors.js';
import { evaluateTask } from './evaluate.js';
import type { TaskDefinitionLike } from './evaluate.js';
import { taskIdFromArn } from './ids.js';

/** DescribeTasks accepts up to 100 task ARNs per call. */
export const DESCRIBE_TASKS_MAX = 100;
export const DEFAULT_POLL_INTERVAL_MS = 2000;
export const MAX_BACKOFF_MS = 15_000;
/** DescribeTasks may briefly answer MISSING for a task RunTask just started (eventual consistency). */
export const DEFAULT_MISSING_GRACE_MS = 60_000;

const STOPPED_STATES: ReadonlySet<string> = new Set(['STOPPED', 'DELETED']);

export type WaitGoal = 'stopped' | 'running';

export interface WaitForTasksOptions {
  cluster: string;
  taskArns: readonly string[];
  until: WaitGoal;
  deadline: Deadline;
  signal?: AbortSignal | undefined;
  pollIntervalMs?: number;
  /** Tasks as RunTask returned them: seeds the known statuses, so only real changes are logged. */
  initialTasks?: readonly Task[];
  /** 'running': decides whether a task that already stopped counts as done (essential containers exit 0). */
  taskDefinition?: TaskDefinitionLike;
  watchContainer?: string;
  /** Called after each successful poll with the latest description of every task (log streaming). */
  onPoll?: (tasks: Task[]) => void | Promise<void>;
  missingGraceMs?: number;
}

export interface TaskWaitFailure {
  taskArn: string;
  reason: string;
}

export interface WaitForTasksResult {
  /**
   * done: every task reached the goal. failed: 'running' saw a task stop unsuccessfully, or a task stayed
   * MISSING. timeout: the deadline passed. cancelled: the signal aborted.
   * For 'stopped', exit codes are not judged here: pass `tasks` to evaluateTasks.
   */
  status: 'done' | 'failed' | 'timeout' | 'cancelled';
  /** Latest description of each task, in `taskArns` order (`{ taskArn }` alone if never described). */
  tasks: Task[];
  failures: TaskWaitFailure[];
  polls: number;
}

type WaitDeps = Pick<TaskDeps, 'ecs' | 'clock' | 'sleep' | 'log'> & { signal?: AbortSignal | undefined };

export async function waitForTasks(deps: WaitDeps, options: WaitForTasksOptions): Promise<WaitForTasksResult> {
  const { ecs, clock, sleep, log } = deps;
  const signal = options.signal ?? deps.signal;
  const baseInterval = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const grace = options.missingGraceMs ?? DEFAULT_MISSING_GRACE_MS;
  const latest = new Map<string, Task>();
  for (const t of options.initialTasks ?? []) if (t.taskArn !== undefined) latest.set(t.taskArn, t);
  /** Tasks that need no more polling: null = reached the goal, otherwise why it failed. */
  const terminal = new Map<string, TaskWaitFailure | null>();
  const missingSince = new Map<string, number>();
  let interval = baseInterval;
  let polls = 0;

  const ordered = (): Task[] => options.taskArns.map((arn) => latest.get(arn) ?? { taskArn: arn });
  const finish = (status: WaitForTasksResult['status']): WaitForTasksResult => ({
    status,
    tasks: ordered(),
    failures: [...terminal.values()].filter((f): f is TaskWaitFailure => f !== null),
    polls,
  });

  const record = (task: Task): void => {
    const arn = task.taskArn;
    if (arn === undefined) return;
    missingSince.delete(arn);
    const before = latest.get(arn)?.lastStatus;
    latest.set(arn, task);
    if (task.lastStatus !== before) log.info(transitionLine(task, before));
    const status = task.lastStatus ?? '';
    if (options.until === 'running' && status === 'RUNNING') terminal.set(arn, null);
    else if (STOPPED_STATES.has(status)) terminal.set(arn, stoppedVerdict(task, options));
  };

  const recordMissing = (f: Failure): void => {
    const arn = f.arn;
    if (arn === undefined || !options.taskArns.includes(arn)) return;
    const since = missingSince.get(arn) ?? clock.now();
    missingSince.set(arn, since);
    if (clock.now() - since >= grace) {
      terminal.set(arn, { taskArn: arn, reason: `DescribeTasks reports the task as ${f.reason ?? 'MISSING'}` });
    }
  };

  for (;;) {
    if (aborted(signal)) return finish('cancelled');
    const pending = options.taskArns.filter((arn) => !terminal.has(arn));
    let polled = false;
    try {
      for (let i = 0; i < pending.length; i += DESCRIBE_TASKS_MAX) {
        const chunk = pending.slice(i, i + DESCRIBE_TASKS_MAX);
        const input = { cluster: options.cluster, tasks: chunk };
        const out = await ecs.send(new DescribeTasksCommand(input), signal ? { abortSignal: signal } : {});
        for (const t of out.tasks ?? []) record(t);
        for (const f of out.failures ?? []) recordMissing(f);
      }
      polled = true;
      polls += 1;
      if (interval !== baseInterval) log.info(`DescribeTasks recovered; polling every ${formatDuration(baseInterval)}`);
      interval = baseInterval;
    } catch (e) {
      if (aborted(signal)) return finish('cancelled');
      const kind = classifyAwsError(e);
      if (kind === 'fatal') throw e;
      interval = Math.min(interval * 2, MAX_BACKOFF_MS);
      const what = kind === 'throttling' ? 'was throttled' : 'failed (transient)';
      log.info(`DescribeTasks ${what} (${describeError(e)}); next poll in ${formatDuration(interval)}`);
    }
    if (polled) {
      await runOnPoll(options, ordered(), log, signal);
      const failures = [...terminal.values()].some((f) => f !== null);
      if (options.until === 'running' && failures) return finish('failed');
      if (terminal.size === options.taskArns.length) return finish(failures ? 'failed' : 'done');
    }
    if (options.deadline.expired()) return finish('timeout');
    try {
      await sleep(Math.min(interval, options.deadline.remainingMs()), signal);
    } catch (e) {
      if (aborted(signal)) return finish('cancelled');
      throw e;
    }
  }
}

/** For 'stopped' any stop is the goal; for 'running' a stopped task is done only if it exited successfully (T3). */
function stoppedVerdict(task: Task, options: WaitForTasksOptions): TaskWaitFailure | null {
  if (options.until === 'stopped') return null;
  const outcome = evaluateTask(task, options.taskDefinition, options.watchContainer);
  if (outcome.success) return null;
  const stopped = task.stoppedReason !== undefined ? ` (stoppedReason: ${task.stoppedReason})` : '';
  return { taskArn: outcome.taskArn, reason: `${outcome.problems.join('; ')}${stopped}` };
}

async function runOnPoll(
  options: WaitForTasksOptions,
  tasks: Task[],
  log: WaitDeps['log'],
  signal: AbortSignal | undefined,
): Promise<void> {
  if (options.onPoll === undefined) return;
  try {
    await options.onPoll(tasks);
  } catch (e) {
    if (!aborted(signal)) log.warning(`While waiting for tasks: ${describeError(e)}`);
  }
}

/** A function, so TypeScript does not narrow `aborted` across awaits. */
function aborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

function transitionLine(task: Task, before: string | undefined): string {
  const id = taskIdFromArn(task.taskArn ?? '');
  const now = task.lastStatus ?? 'UNKNOWN';
  const change = before === undefined ? now : `${before} → ${now}`;
  const reason = STOPPED_STATES.has(now) && task.stoppedReason !== undefined ? ` (${task.stoppedReason})` : '';
  return `Task ${id}: ${change}${reason}`;
}
