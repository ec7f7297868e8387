/**
 * T3/S7: poll DescribeTasks until every task reached the goal ('stopped' or 'running'), the deadline passed,
 * or the run was cancelled, on the one polling primitive (src/core/poll): its default interval, its read budget,
 * and its back-off on throttling and transient errors (back to the normal interval at the first success).
 */
import type { ECSClient, Task } from '@aws-sdk/client-ecs';
import type { TaskDeps } from './types.js';
import type { Deadline } from '../time.js';
import { formatDuration } from '../time.js';
import { describeError } from '../errors.js';
import { DEFAULT_POLL_INTERVAL_MS, DEFAULT_READS_PER_MINUTE, isAborted, poll } from '../poll/index.js';
import type { PollRound } from '../poll/index.js';
import type { TaskDefinitionLike } from './evaluate.js';
import { describeTaskBatch } from '../ecs/tasks.js';
import { TaskWatch } from './task-watch.js';
import { taskPace } from './task-pace.js';
import type { TaskWaitFailure, TaskWaitStatus, WaitGoal } from './task-watch.js';

export type { TaskWaitFailure, WaitGoal } from './task-watch.js';

/** DescribeTasks accepts up to 100 task ARNs per call. */
export const DESCRIBE_TASKS_MAX = 100;
/** DescribeTasks may briefly answer MISSING for a task RunTask just started (eventual consistency). */
export const DEFAULT_MISSING_GRACE_MS = 60_000;

export interface WaitForTasksOptions {
  cluster: string;
  taskArns: readonly string[];
  until: WaitGoal;
  deadline: Deadline;
  signal?: AbortSignal | undefined;
  /** Default DEFAULT_POLL_INTERVAL_MS (src/core/poll). */
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

export interface WaitForTasksResult {
  /**
   * done: every task reached the goal. failed: 'running' saw a task stop unsuccessfully, or a task stayed
   * MISSING. timeout: the deadline passed. cancelled: the signal aborted.
   * For 'stopped', exit codes are not judged here: pass `tasks` to evaluateTasks.
   */
  status: TaskWaitStatus;
  /** Latest description of each task, in `taskArns` order (`{ taskArn }` alone if never described). */
  tasks: Task[];
  failures: TaskWaitFailure[];
  polls: number;
}

type WaitDeps = Pick<TaskDeps, 'ecs' | 'clock' | 'sleep' | 'log' | 'reads'> & { signal?: AbortSignal | undefined };

export async function waitForTasks(deps: WaitDeps, options: WaitForTasksOptions): Promise<WaitForTasksResult> {
  const { log } = deps;
  const signal = options.signal ?? deps.signal;
  const intervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const watch = new TaskWatch(deps.clock, log, { ...options, missingGraceMs: options.missingGraceMs ?? DEFAULT_MISSING_GRACE_MS });
  let backedOff = false;
  const pollOptions = {
    deadline: options.deadline,
    signal,
    intervalMs,
    recovery: 'immediate' as const,
    readsPerMinute: readBudget(options.taskArns.length, intervalMs),
    onRetry: (e: unknown, kind: 'throttling' | 'transient', nextMs: number) => {
      backedOff = true;
      const what = kind === 'throttling' ? 'was throttled' : 'failed (transient)';
      log.info(`DescribeTasks ${what} (${describeError(e)}); next poll in ${formatDuration(nextMs)}`);
    },
  };
  const end = await poll(deps, pollOptions, async (round) => {
    await describePending(deps.ecs, options.cluster, watch, round);
    watch.polled();
    if (backedOff) log.info(`DescribeTasks recovered; polling every ${formatDuration(intervalMs)}`);
    backedOff = false;
    await runOnPoll(options, watch.ordered(), log, signal);
    round.pace(taskPace(watch.ordered(), watch.pending(), options.until));
    return watch.verdict();
  });
  return { status: end.kind === 'done' ? end.value : end.kind, tasks: watch.ordered(), failures: watch.failures(), polls: watch.polls };
}

/** One poll: DescribeTasks for every task not yet terminal, 100 per call (each call after the first is an extra read). */
async function describePending(ecs: ECSClient, cluster: string, watch: TaskWatch, round: PollRound): Promise<void> {
  const pending = watch.pending();
  for (let i = 0; i < pending.length; i += DESCRIBE_TASKS_MAX) {
    if (i > 0) round.read('DescribeTasks');
    const out = await describeTaskBatch(ecs, cluster, pending.slice(i, i + DESCRIBE_TASKS_MAX), { signal: round.signal });
    for (const t of out.tasks) watch.record(t);
    for (const f of out.failures) watch.recordMissing(f);
  }
}

/**
 * The read budget of a run: a run of more than 100 tasks needs several DescribeTasks a poll (at most 10: a run is
 * capped at 1000 tasks), and its budget grows with them, so a large run is polled as often as a small one.
 */
function readBudget(taskCount: number, intervalMs: number): number | undefined {
  if (intervalMs <= 0) return undefined;
  const callsPerPoll = Math.max(1, Math.ceil(taskCount / DESCRIBE_TASKS_MAX));
  // Rounds that start within one 60 s window, each with all its calls (the budget is never exceeded, pacer.ts).
  return Math.max(DEFAULT_READS_PER_MINUTE, callsPerPoll * (Math.floor(60_000 / intervalMs) + 1));
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
    if (!isAborted(signal)) log.warning(`While waiting for tasks: ${describeError(e)}`);
  }
}
