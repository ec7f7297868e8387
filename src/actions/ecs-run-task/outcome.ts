/** What one run came to (T2, T3, S9): success, or failure with its explanation; outputs and summary come from it. */
import type { Failure, Task } from '@aws-sdk/client-ecs';
import type { StopTasksResult, TasksEvaluation } from '../../core/tasks/index.js';
import { taskIdFromArn } from '../../core/tasks/index.js';

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

/** `; stopped 3 task(s) it started: a1b2, c3d4` — or why some could not be stopped. */
export function stoppedSentence(result: StopTasksResult): string {
  const parts: string[] = [];
  const ids = (arns: readonly string[]): string => arns.map(taskIdFromArn).join(', ');
  if (result.stopped.length > 0) parts.push(`stopped ${result.stopped.length} task(s) it started: ${ids(result.stopped)}`);
  if (result.alreadyStopped.length > 0) parts.push(`${result.alreadyStopped.length} had already stopped`);
  for (const f of result.failed) parts.push(`could NOT stop task ${taskIdFromArn(f.taskArn)} (${f.error}); it may still be running`);
  return parts.length === 0 ? '' : `; ${parts.join('; ')}`;
}

/** `  - task <id>: <lastStatus>` lines, for timeouts and cancellations. */
export function statusLines(tasks: readonly Task[]): string[] {
  return tasks.map((t) => `  - task ${taskIdFromArn(t.taskArn ?? '?')}: ${t.lastStatus ?? 'status unknown'}`);
}
