/**
 * T3/S9: decide whether stopped tasks succeeded, from their containers' exit codes, and explain failures.
 * Success: every essential container (or only `watchContainer`) exited 0. DescribeTasks does not say which
 * containers are essential, so that comes from the task definition (`essential` defaults to true); without a
 * task definition every container counts.
 */
import type { ContainerDefinition, Task } from '@aws-sdk/client-ecs';
import { taskIdFromArn } from './ids.js';
import { groupedReasonLines } from './reasons.js';

export interface TaskDefinitionLike {
  containerDefinitions?: ContainerDefinition[] | undefined;
}

export interface ContainerOutcome {
  name: string;
  essential: boolean;
  /** Whether this container decides the task's success (essential ones, or the watched one). */
  counted: boolean;
  lastStatus: string | undefined;
  exitCode: number | undefined;
  reason: string | undefined;
  /** Counted and exited 0, or not counted. */
  ok: boolean;
}

export interface TaskOutcome {
  taskArn: string;
  taskId: string;
  lastStatus: string | undefined;
  stopCode: string | undefined;
  stoppedReason: string | undefined;
  startedAt: Date | undefined;
  stoppedAt: Date | undefined;
  /** startedAt → stoppedAt; undefined when the task never started or has not stopped. */
  durationMs: number | undefined;
  containers: ContainerOutcome[];
  success: boolean;
  /** Why it failed, one line each (empty on success). */
  problems: string[];
}

export interface TasksEvaluation {
  tasks: TaskOutcome[];
  success: boolean;
  /** Lists each failing task id, container, exit code and stoppedReason; undefined on success. */
  failureMessage: string | undefined;
}

export function evaluateTasks(
  tasks: readonly Task[],
  taskDefinition?: TaskDefinitionLike,
  watchContainer?: string,
): TasksEvaluation {
  const outcomes = tasks.map((t) => evaluateTask(t, taskDefinition, watchContainer));
  const failed = outcomes.filter((o) => !o.success);
  return {
    tasks: outcomes,
    success: failed.length === 0 && outcomes.length > 0,
    failureMessage: outcomes.length === 0 ? 'No tasks to evaluate' : failureMessage(failed, outcomes.length),
  };
}

export function evaluateTask(task: Task, taskDefinition?: TaskDefinitionLike, watchContainer?: string): TaskOutcome {
  const essentials = essentialMap(taskDefinition);
  const containers: ContainerOutcome[] = (task.containers ?? []).map((c) => {
    const name = c.name ?? '(unnamed)';
    const essential = essentials === undefined ? true : (essentials.get(name) ?? false);
    const counted = watchContainer !== undefined ? name === watchContainer : essential;
    return {
      name,
      essential,
      counted,
      lastStatus: c.lastStatus,
      exitCode: c.exitCode,
      reason: c.reason,
      ok: !counted || c.exitCode === 0,
    };
  });
  const problems = taskProblems(task, containers, watchContainer);
  const startedAt = task.startedAt;
  const stoppedAt = task.stoppedAt;
  return {
    taskArn: task.taskArn ?? '(unknown task)',
    taskId: taskIdFromArn(task.taskArn ?? '(unknown task)'),
    lastStatus: task.lastStatus,
    stopCode: task.stopCode,
    stoppedReason: task.stoppedReason,
    startedAt,
    stoppedAt,
    durationMs:
      startedAt !== undefined && stoppedAt !== undefined ? Math.max(0, stoppedAt.getTime() - startedAt.getTime()) : undefined,
    containers,
    success: problems.length === 0,
    problems,
  };
}

function taskProblems(task: Task, containers: readonly ContainerOutcome[], watch: string | undefined): string[] {
  if (task.lastStatus !== 'STOPPED') return [`task is ${task.lastStatus ?? 'in an unknown state'}, not STOPPED`];
  const neverStarted =
    task.stopCode === 'TaskFailedToStart' ||
    (task.startedAt === undefined && containers.every((c) => c.exitCode === undefined));
  if (neverStarted) {
    const reasons = unique([task.stoppedReason, ...containers.map((c) => c.reason)]);
    return [`task did not start: ${reasons.length > 0 ? reasons.join('; ') : 'no reason given by ECS'}`];
  }
  if (watch !== undefined && !containers.some((c) => c.name === watch)) {
    return [`container ${watch} (watch-container) is not in the task`];
  }
  const problems: string[] = [];
  for (const c of containers) {
    if (c.ok) continue;
    const why = c.reason !== undefined && c.reason !== '' ? ` (${c.reason})` : '';
    problems.push(
      c.exitCode === undefined
        ? `container ${c.name} has no exit code${why}`
        : `container ${c.name} exited with code ${c.exitCode}${why}`,
    );
  }
  if (containers.length === 0) problems.push('the task reports no containers');
  return problems;
}

/** Tasks that failed the same way (container, exit code, stoppedReason) share one line with a count (reasons.ts). */
function failureMessage(failed: readonly TaskOutcome[], total: number): string | undefined {
  if (failed.length === 0) return undefined;
  const reasons = failed.map((o) => {
    const stopped =
      o.stoppedReason !== undefined && !o.problems.some((p) => p.includes(o.stoppedReason ?? ''))
        ? `; stoppedReason: ${o.stoppedReason}`
        : '';
    return { taskArn: o.taskArn, reason: `${o.problems.join('; ')}${stopped}` };
  });
  return [`${failed.length} of ${total} task(s) failed:`, ...groupedReasonLines(reasons)].join('\n');
}

/** T5 `exitCodes`: { taskArn: { container: exitCode } } (null when ECS reports no exit code). */
export function exitCodesOutput(tasks: readonly Task[]): Record<string, Record<string, number | null>> {
  const out: Record<string, Record<string, number | null>> = {};
  for (const t of tasks) {
    if (t.taskArn === undefined) continue;
    const codes: Record<string, number | null> = {};
    for (const c of t.containers ?? []) if (c.name !== undefined) codes[c.name] = c.exitCode ?? null;
    out[t.taskArn] = codes;
  }
  return out;
}

function essentialMap(td: TaskDefinitionLike | undefined): Map<string, boolean> | undefined {
  const defs = td?.containerDefinitions;
  if (defs === undefined || defs.length === 0) return undefined;
  return new Map(defs.filter((d) => d.name !== undefined).map((d) => [d.name ?? '', d.essential !== false]));
}

/** Distinct non-empty values, dropping any that another value already contains. */
function unique(values: ReadonlyArray<string | undefined>): string[] {
  const all = [...new Set(values.filter((v): v is string => v !== undefined && v !== ''))];
  return all.filter((v) => !all.some((other) => other !== v && other.includes(v)));
}
