/** What one run came to (T2, T3, S9): success, or failure with its explanation; outputs and summary come from it. */
import type { Failure, Task } from '@aws-sdk/client-ecs';
import type { StopTasksResult, TasksEvaluation } from '../../core/tasks/index.js';
import { EXAMPLE_IDS, groupedReasonLines, taskIdFromArn } from '../../core/tasks/index.js';

export interface RunOutcome {
  success: boolean;
  /** One line, for the job summary's heading. */
  headline: string;
  /** The step's error message (lists each task, container, exit code and stoppedReason); undefined on success. */
  failure: string | undefined;
  /** The latest description of every task this run started, in start order. */
  tasks: Task[];
  /** Exit-code verdicts, when the tasks were waited on until STOPPED. */
  evaluation: TasksEvaluation | undefined;
  /** RunTask `failures[]`. */
  runFailures: Failure[];
  /** Tasks this run stopped itself (RunTask failures, cancellation, timeout). */
  stopped: StopTasksResult | undefined;
}

export function succeeded(headline: string, tasks: Task[], evaluation?: TasksEvaluation): RunOutcome {
  return { success: true, headline, failure: undefined, tasks, evaluation, runFailures: [], stopped: undefined };
}

export function failed(
  headline: string,
  failure: string,
  tasks: Task[],
  extra: Partial<Pick<RunOutcome, 'evaluation' | 'runFailures' | 'stopped'>> = {},
): RunOutcome {
  return {
    success: false,
    headline,
    failure,
    tasks,
    evaluation: extra.evaluation,
    runFailures: extra.runFailures ?? [],
    stopped: extra.stopped,
  };
}

/** `; stopped 3 task(s) it started: a1b2, c3d4, e5f6` (a few ids, then `…`) — or why some could not be stopped. */
export function stoppedSentence(result: StopTasksResult): string {
  const parts: string[] = [];
  const ids = (arns: readonly string[]): string => {
    const shown = arns.slice(0, EXAMPLE_IDS).map(taskIdFromArn).join(', ');
    return arns.length > EXAMPLE_IDS ? `${shown}, … (${arns.length - EXAMPLE_IDS} more)` : shown;
  };
  if (result.stopped.length > 0) parts.push(`stopped ${result.stopped.length} task(s) it started: ${ids(result.stopped)}`);
  if (result.alreadyStopped.length > 0) parts.push(`${result.alreadyStopped.length} had already stopped`);
  if (result.failed.length > 0) {
    const errors = groupedReasonLines(result.failed.map((f) => ({ taskArn: f.taskArn, reason: f.error })));
    parts.push(`could NOT stop ${result.failed.length} task(s), which may still be running (${errors.map((l) => l.slice(4)).join('; ')})`);
  }
  return parts.length === 0 ? '' : `; ${parts.join('; ')}`;
}

/** The latest description of each task, StopTask's answer where it gave one (the state after the stop request). */
export function afterStop(tasks: readonly Task[], stopped: StopTasksResult): Task[] {
  const answers = new Map(stopped.tasks.map((t) => [t.taskArn, t]));
  return tasks.map((t) => answers.get(t.taskArn) ?? t);
}

/**
 * For timeouts and cancellations, tasks in the same state share a line (reasons.ts): `  - task <id>: RUNNING`, or
 * `  - stop requested, last status RUNNING (desired STOPPED) [12 tasks: a, b, c, …]` for tasks this run asked to stop.
 */
export function statusLines(tasks: readonly Task[]): string[] {
  return groupedReasonLines(tasks.map((t) => ({ taskArn: t.taskArn ?? '?', reason: stateOf(t) })));
}

function stateOf(t: Task): string {
  const status = t.lastStatus ?? 'status unknown';
  return t.desiredStatus === 'STOPPED' && t.lastStatus !== 'STOPPED' ? `stop requested, last status ${status} (desired STOPPED)` : status;
}
