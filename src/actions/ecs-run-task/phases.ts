/**
 * The phases after the task definition: start the tasks (T1, T2), then wait for them while streaming their logs
 * (T3, T4) and judge the result. Whatever this run started and cannot see through (RunTask failures, the workflow
 * cancelled, the deadline passed) it stops before failing (S10).
 */
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { Task } from '@aws-sdk/client-ecs';
import { describeError, isCancelledError } from '../../core/errors.js';
import type { ActionRuntime } from '../../core/io/runtime.js';
import { LogStreamer } from '../../core/logs/streamer.js';
import {
  evaluateTasks,
  groupedReasonLines,
  runTaskFailuresMessage,
  runTasks,
  stopTasks,
  waitForTasks,
} from '../../core/tasks/index.js';
import type { TaskDeps, WaitForTasksResult } from '../../core/tasks/index.js';
import type { Deadline } from '../../core/time.js';
import { formatDuration } from '../../core/time.js';
import type { RunTaskOptions } from './options.js';
import { afterStop, failed, statusLines, stoppedSentence, succeeded } from './outcome.js';
import type { RunOutcome } from './outcome.js';
import type { ResolvedTaskDefinition } from './task-definition.js';

export interface RunContext {
  rt: ActionRuntime;
  deps: TaskDeps;
  deadline: Deadline;
  /** A CloudWatch Logs client for an `awslogs-region` other than the action's. */
  logsClientForRegion: (region: string) => CloudWatchLogsClient;
}

/** StopTask reasons: they show in the console and in DescribeTasks' stoppedReason. */
const STOP_REASON = {
  cancelled: 'Stopped by ecs-run-task: the GitHub Actions workflow was cancelled',
  timeout: (minutes: number) => `Stopped by ecs-run-task: timeout-minutes (${minutes}) reached`,
  runFailed: 'Stopped by ecs-run-task: RunTask could not start every task of this run',
  error: 'Stopped by ecs-run-task: the action could not follow the tasks (see the step log)',
};

/** T1/T2: RunTask in calls of at most 10. Returns the started tasks, or a failed outcome after stopping them. */
export async function startTasks(
  ctx: RunContext,
  options: RunTaskOptions,
  td: ResolvedTaskDefinition,
): Promise<{ tasks: Task[]; outcome?: RunOutcome }> {
  const { deps } = ctx;
  const run = await runTasks(deps, {
    ...options.request,
    cluster: options.cluster,
    taskDefinition: td.arn,
    count: options.count,
  });
  if (run.failures.length === 0 && run.error === undefined) return { tasks: run.tasks };

  const arns = run.tasks.map((t) => t.taskArn ?? '').filter((a) => a !== '');
  const cancelled = isCancelledError(run.error) || ctx.rt.cancel.aborted;
  const reason = cancelled ? STOP_REASON.cancelled : STOP_REASON.runFailed;
  const stopped = arns.length > 0 ? await stopTasks(deps, options.cluster, arns, reason) : undefined;
  const left = stopped === undefined ? '' : stoppedSentence(stopped);
  let message: string;
  if (run.failures.length > 0) message = runTaskFailuresMessage(run.failures);
  else if (cancelled) message = describeError(ctx.rt.cancel.reason ?? run.error);
  else message = `RunTask failed: ${describeError(run.error)}`;
  const headline = run.failures.length > 0 ? 'RunTask reported failures' : cancelled ? 'Cancelled' : 'RunTask failed';
  return {
    tasks: run.tasks,
    outcome: failed(headline, `${message}${left === '' ? '' : `\nThe action ${left.slice(2)}.`}`, run.tasks, {
      runFailures: run.failures,
      ...(stopped !== undefined ? { stopped } : {}),
    }),
  };
}

/** T3/T4: wait until every task is STOPPED (or RUNNING), printing awslogs lines meanwhile; then judge. */
export async function waitForRun(
  ctx: RunContext,
  options: RunTaskOptions,
  td: ResolvedTaskDefinition,
  started: Task[],
): Promise<RunOutcome> {
  const { deps, rt } = ctx;
  const until = options.wait === 'running' ? 'running' : 'stopped';
  const streamer = options.streamLogs ? createStreamer(ctx, td) : undefined;
  const taskArns = started.map((t) => t.taskArn ?? '').filter((a) => a !== '');
  const result = await waitForTasks(deps, {
    cluster: options.cluster,
    taskArns,
    until,
    deadline: ctx.deadline,
    signal: rt.cancel,
    initialTasks: started,
    taskDefinition: td.definition,
    ...(options.watchContainer !== undefined ? { watchContainer: options.watchContainer } : {}),
    ...(streamer !== undefined ? { onPoll: (tasks: Task[]) => streamer.poll(tasks) } : {}),
  }).catch(async (e: unknown) => {
    // An error waiting cannot fix (e.g. access denied): the tasks this run started must not outlive the step (S10).
    deps.log.warning(`Waiting for the tasks failed (${describeError(e)}): stopping the ${taskArns.length} task(s) this run started`);
    await stopTasks(deps, options.cluster, taskArns, STOP_REASON.error);
    throw e;
  });
  if (result.status === 'cancelled' || result.status === 'timeout') return stopUnfinished(ctx, options, result);
  if (streamer !== undefined && until === 'stopped') await streamer.flush(result.tasks);
  return until === 'stopped' ? judgeStopped(options, td, result) : judgeRunning(result);
}

function createStreamer(ctx: RunContext, td: ResolvedTaskDefinition): LogStreamer | undefined {
  const { deps } = ctx;
  const streamer = new LogStreamer(
    { logs: deps.logs, clock: deps.clock, sleep: deps.sleep, log: deps.log, signal: ctx.rt.cancel },
    td.definition,
    { clientForRegion: ctx.logsClientForRegion },
  );
  if (streamer.enabled) return streamer;
  deps.log.info('No container of the task definition uses the awslogs log driver: there are no logs to stream');
  return undefined;
}

function judgeStopped(options: RunTaskOptions, td: ResolvedTaskDefinition, result: WaitForTasksResult): RunOutcome {
  const evaluation = evaluateTasks(result.tasks, td.definition, options.watchContainer);
  const n = result.tasks.length;
  const checked = options.watchContainer !== undefined ? `container ${options.watchContainer}` : 'every essential container';
  if (evaluation.success && result.status === 'done') {
    return succeeded(`${n} task(s) stopped; ${checked} exited with code 0`, result.tasks, evaluation);
  }
  const waitLines = groupedReasonLines(result.failures);
  const message = [evaluation.failureMessage ?? `${waitLines.length} task(s) could not be followed:`, ...waitLines].join('\n');
  const failedCount = evaluation.tasks.filter((t) => !t.success).length;
  return failed(`${failedCount} of ${n} task(s) failed`, message, result.tasks, { evaluation });
}

function judgeRunning(result: WaitForTasksResult): RunOutcome {
  const n = result.tasks.length;
  if (result.status === 'done') return succeeded(`${n} task(s) reached RUNNING`, result.tasks);
  const lines = groupedReasonLines(result.failures);
  const stillRunning = result.tasks.filter((t) => t.lastStatus !== 'STOPPED' && t.lastStatus !== 'DELETED').length;
  const left = stillRunning > 0 ? `\n${stillRunning} other task(s) were left as they are (not stopped).` : '';
  const message = `${result.failures.length} of ${n} task(s) did not reach RUNNING:\n${lines.join('\n')}${left}`;
  return failed(`${result.failures.length} of ${n} task(s) did not reach RUNNING`, message, result.tasks);
}

/** Cancelled or timed out: stop every task that is not STOPPED yet, then fail naming why. */
async function stopUnfinished(ctx: RunContext, options: RunTaskOptions, result: WaitForTasksResult): Promise<RunOutcome> {
  const cancelled = result.status === 'cancelled';
  const unfinished = result.tasks
    .filter((t) => t.lastStatus !== 'STOPPED' && t.lastStatus !== 'DELETED')
    .map((t) => t.taskArn ?? '')
    .filter((a) => a !== '');
  const reason = cancelled ? STOP_REASON.cancelled : STOP_REASON.timeout(options.timeoutMinutes);
  ctx.deps.log.warning(`${cancelled ? 'Cancelled' : 'Timed out'}: stopping ${unfinished.length} task(s) this run started`);
  const stopped = await stopTasks(ctx.deps, options.cluster, unfinished, reason);
  const goal = options.wait === 'running' ? 'RUNNING' : 'STOPPED';
  const why = cancelled
    ? `${describeError(ctx.rt.cancel.reason)} while waiting for the tasks to be ${goal}`
    : `Timed out after ${formatDuration(ctx.deadline.timeoutMs)} (timeout-minutes: ${options.timeoutMinutes}) waiting for the tasks to be ${goal}`;
  const left = stoppedSentence(stopped).slice(2) || 'had nothing left to stop';
  const message = `${why}; the action ${left}. The tasks as left:\n${statusLines(afterStop(result.tasks, stopped)).join('\n')}`;
  return failed(cancelled ? 'Cancelled' : 'Timed out', message, result.tasks, { stopped });
}
