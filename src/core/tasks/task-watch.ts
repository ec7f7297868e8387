/**
 * What waitForTasks knows between two polls (T3): the latest description of each task, which tasks need no more
 * polling (reached the goal, or failed), and since when a task has been reported MISSING. Status changes are logged
 * once each, per task for a few tasks and as one aggregate line for many (task-progress.ts).
 */
import type { Failure, Task } from '@aws-sdk/client-ecs';
import type { Clock } from '../time.js';
import type { Logger } from '../io/logger.js';
import { evaluateTask } from './evaluate.js';
import type { TaskDefinitionLike } from './evaluate.js';
import { TaskProgress } from './task-progress.js';

const STOPPED_STATES: ReadonlySet<string> = new Set(['STOPPED', 'DELETED']);

export type WaitGoal = 'stopped' | 'running';

export interface TaskWaitFailure {
  taskArn: string;
  reason: string;
}

export type TaskWaitStatus = 'done' | 'failed' | 'timeout' | 'cancelled';

export interface TaskWatchOptions {
  taskArns: readonly string[];
  until: WaitGoal;
  initialTasks?: readonly Task[] | undefined;
  taskDefinition?: TaskDefinitionLike | undefined;
  watchContainer?: string | undefined;
  /** How long a task may be reported MISSING before it counts as failed. */
  missingGraceMs: number;
}

export class TaskWatch {
  private readonly latest = new Map<string, Task>();
  /** Tasks that need no more polling: null = reached the goal, otherwise why it failed. */
  private readonly terminal = new Map<string, TaskWaitFailure | null>();
  private readonly missingSince = new Map<string, number>();
  private successfulPolls = 0;
  private readonly progress: TaskProgress;

  constructor(
    private readonly clock: Clock,
    log: Logger,
    private readonly options: TaskWatchOptions,
  ) {
    this.progress = new TaskProgress(log, options.taskArns.length);
    for (const t of options.initialTasks ?? []) if (t.taskArn !== undefined) this.latest.set(t.taskArn, t);
  }

  /** Successful polls so far. */
  get polls(): number {
    return this.successfulPolls;
  }

  /** A poll described every pending task. */
  polled(): void {
    this.successfulPolls += 1;
    this.progress.polled(this.ordered());
  }

  /** The tasks still to describe, in `taskArns` order. */
  pending(): string[] {
    return this.options.taskArns.filter((arn) => !this.terminal.has(arn));
  }

  /** Latest description of each task, in `taskArns` order (`{ taskArn }` alone if never described). */
  ordered(): Task[] {
    return this.options.taskArns.map((arn) => this.latest.get(arn) ?? { taskArn: arn });
  }

  failures(): TaskWaitFailure[] {
    return [...this.terminal.values()].filter((f): f is TaskWaitFailure => f !== null);
  }

  record(task: Task): void {
    const arn = task.taskArn;
    if (arn === undefined) return;
    this.missingSince.delete(arn);
    const before = this.latest.get(arn)?.lastStatus;
    this.latest.set(arn, task);
    if (task.lastStatus !== before) this.progress.changed(task, before);
    const status = task.lastStatus ?? '';
    if (this.options.until === 'running' && status === 'RUNNING') this.terminal.set(arn, null);
    else if (STOPPED_STATES.has(status)) this.terminal.set(arn, this.stoppedVerdict(task));
  }

  /** DescribeTasks may briefly answer MISSING for a task RunTask just started (eventual consistency). */
  recordMissing(f: Failure): void {
    const arn = f.arn;
    if (arn === undefined || !this.options.taskArns.includes(arn)) return;
    const since = this.missingSince.get(arn) ?? this.clock.now();
    this.missingSince.set(arn, since);
    if (this.clock.now() - since >= this.options.missingGraceMs) {
      this.terminal.set(arn, { taskArn: arn, reason: `DescribeTasks reports the task as ${f.reason ?? 'MISSING'}` });
    }
  }

  /** How the wait ends after this poll, or undefined to poll again. */
  verdict(): 'done' | 'failed' | undefined {
    const failed = this.failures().length > 0;
    if (this.options.until === 'running' && failed) return 'failed';
    if (this.terminal.size === this.options.taskArns.length) return failed ? 'failed' : 'done';
    return undefined;
  }

  /** For 'stopped' any stop is the goal; for 'running' a stopped task is done only if it exited successfully (T3). */
  private stoppedVerdict(task: Task): TaskWaitFailure | null {
    if (this.options.until === 'stopped') return null;
    const outcome = evaluateTask(task, this.options.taskDefinition, this.options.watchContainer);
    if (outcome.success) return null;
    const stopped = task.stoppedReason !== undefined ? ` (stoppedReason: ${task.stoppedReason})` : '';
    return { taskArn: outcome.taskArn, reason: `${outcome.problems.join('; ')}${stopped}` };
  }
}
