/**
 * T1/T2: start `count` tasks with RunTask, at most 10 per call (AWS's limit for `count`), collecting the
 * started tasks and RunTask's `failures[]`.
 */
import { randomUUID } from 'node:crypto';
import type { Failure, RunTaskCommandInput, Task } from '@aws-sdk/client-ecs';
import type { TaskDeps } from './types.js';
import { taskIdFromArn } from './ids.js';
import { describeError } from '../errors.js';
import { runTask } from '../ecs/tasks.js';

/** RunTask accepts `count` 1..10 (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html). */
export const RUN_TASK_MAX_COUNT = 10;
/** `clientToken` is at most 64 characters. */
const CLIENT_TOKEN_MAX = 64;

export type RunTasksRequest = Omit<RunTaskCommandInput, 'count'> & { count: number };

export interface RunTasksResult {
  /** Every task RunTask reported as started, in call order. */
  tasks: Task[];
  /** RunTask `failures[]` of every call (T2: the caller fails the step listing each). */
  failures: Failure[];
  /** Number of RunTask calls made. */
  calls: number;
  /** Tasks never asked for, because an earlier call reported failures, threw, or the run was cancelled. */
  notRequested: number;
  /**
   * Set when a RunTask call threw (or the run was cancelled between calls). `tasks` still lists what earlier
   * calls started: the caller must stop them.
   */
  error?: unknown;
}

type RunDeps = Pick<TaskDeps, 'ecs' | 'log'> & { signal?: AbortSignal | undefined };

/**
 * Splits `count` into RunTask calls of at most 10 (25 → 10, 10, 5). Once a call reports failures (capacity,
 * placement, ...) no further calls are made: the step fails anyway, so starting more tasks would only add
 * tasks to stop. An in-flight RunTask is never aborted (that could hide tasks it started); cancellation is
 * checked between calls.
 */
export async function runTasks(deps: RunDeps, request: RunTasksRequest): Promise<RunTasksResult> {
  const { count, ...base } = request;
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be a positive integer, got ${count}`);
  const result: RunTasksResult = { tasks: [], failures: [], calls: 0, notRequested: 0 };
  const totalCalls = Math.ceil(count / RUN_TASK_MAX_COUNT);
  let remaining = count;
  while (remaining > 0) {
    if (deps.signal?.aborted === true) {
      result.error = deps.signal.reason;
      break;
    }
    const batch = Math.min(RUN_TASK_MAX_COUNT, remaining);
    const input: RunTaskCommandInput = { ...base, count: batch };
    input.clientToken = clientTokenFor(base.clientToken, result.calls);
    const label = totalCalls > 1 ? `RunTask ${result.calls + 1}/${totalCalls}` : 'RunTask';
    result.calls += 1;
    try {
      const out = await runTask(deps.ecs, input);
      const started = (out.tasks ?? []).filter((t) => t.taskArn !== undefined);
      const failures = out.failures ?? [];
      result.tasks.push(...started);
      result.failures.push(...failures);
      remaining -= batch;
      const ids = started.map((t) => taskIdFromArn(t.taskArn ?? '')).join(', ');
      deps.log.info(`${label}: asked for ${batch}, started ${started.length}${ids === '' ? '' : ` (${ids})`}`);
      for (const f of failures) deps.log.info(`${label} failure: ${formatRunTaskFailure(f)}`);
      if (failures.length > 0) break;
    } catch (e) {
      deps.log.info(`${label} failed: ${describeError(e)}`);
      result.error = e;
      break;
    }
  }
  result.notRequested = remaining;
  if (remaining > 0 && remaining < count) {
    deps.log.warning(`${remaining} of ${count} task(s) were not requested because of the error above`);
  }
  return result;
}

/** `<arn>: <reason> (<detail>)`, as RunTask's Failure carries them. */
export function formatRunTaskFailure(f: Failure): string {
  const detail = f.detail !== undefined && f.detail !== '' ? ` (${f.detail})` : '';
  return `${f.arn ?? '(no arn)'}: ${f.reason ?? 'unknown reason'}${detail}`;
}

/** T2: the step's error when RunTask reported failures. */
export function runTaskFailuresMessage(failures: readonly Failure[]): string {
  const lines = failures.map((f) => `  - ${formatRunTaskFailure(f)}`);
  return [`RunTask reported ${failures.length} failure(s):`, ...lines].join('\n');
}

/**
 * Each call gets its own idempotency token, so an SDK retry of a RunTask whose answer was lost cannot start the
 * tasks twice: a random one, or the user's (the first call keeps it, later ones get `-<n>` appended).
 */
function clientTokenFor(token: string | undefined, callIndex: number): string {
  if (token === undefined || token === '') return randomUUID();
  if (callIndex === 0) return token;
  const suffix = `-${callIndex + 1}`;
  return token.slice(0, CLIENT_TOKEN_MAX - suffix.length) + suffix;
}
