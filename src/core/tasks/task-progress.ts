/**
 * The wait's progress lines (T3). A run of a few tasks prints each task's status changes (`Task abc: PENDING →
 * RUNNING`): they say which task did what, in at most a dozen lines. A larger run prints one aggregate line when
 * the counts change (`12 tasks: 3 PROVISIONING, 9 RUNNING`) instead of up to four lines per task.
 */
import type { Task } from '@aws-sdk/client-ecs';
import type { Logger } from '../io/logger.js';
import { taskIdFromArn } from './ids.js';

/** Runs of at most this many tasks keep their per-task lines (4 lines a task at most: 12 lines). */
export const PER_TASK_LINES_MAX = 3;

/** The task lifecycle in order (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-lifecycle.html). */
const LIFECYCLE = ['PROVISIONING', 'PENDING', 'ACTIVATING', 'RUNNING', 'DEACTIVATING', 'STOPPING', 'DEPROVISIONING', 'STOPPED', 'DELETED'];
const STOPPED_STATES: ReadonlySet<string> = new Set(['STOPPED', 'DELETED']);

export class TaskProgress {
  private lastAggregate: string | undefined;

  constructor(
    private readonly log: Logger,
    private readonly taskCount: number,
  ) {}

  private get perTask(): boolean {
    return this.taskCount <= PER_TASK_LINES_MAX;
  }

  /** A task's lastStatus changed from `before` (undefined: first seen). */
  changed(task: Task, before: string | undefined): void {
    if (this.perTask) this.log.info(transitionLine(task, before));
  }

  /** After a poll: the aggregate line, when the counts changed. */
  polled(tasks: readonly Task[]): void {
    if (this.perTask) return;
    const line = aggregateLine(tasks);
    if (line === this.lastAggregate) return;
    this.lastAggregate = line;
    this.log.info(line);
  }
}

/** `12 tasks: 3 PROVISIONING, 9 RUNNING` (lifecycle order; a task never described counts as UNKNOWN). */
export function aggregateLine(tasks: readonly Task[]): string {
  const counts = new Map<string, number>();
  for (const t of tasks) counts.set(t.lastStatus ?? 'UNKNOWN', (counts.get(t.lastStatus ?? 'UNKNOWN') ?? 0) + 1);
  const rank = (s: string): number => (LIFECYCLE.includes(s) ? LIFECYCLE.indexOf(s) : LIFECYCLE.length);
  const parts = [...counts.entries()]
    .sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0]))
    .map(([status, n]) => `${n} ${status}`);
  return `${tasks.length} tasks: ${parts.join(', ')}`;
}

function transitionLine(task: Task, before: string | undefined): string {
  const id = taskIdFromArn(task.taskArn ?? '');
  const now = task.lastStatus ?? 'UNKNOWN';
  const change = before === undefined ? now : `${before} → ${now}`;
  const reason = STOPPED_STATES.has(now) && task.stoppedReason !== undefined ? ` (${task.stoppedReason})` : '';
  return `Task ${id}: ${change}${reason}`;
}
