import type { ECSClient, Task } from '@aws-sdk/client-ecs';
import type { Logger } from '../../io/logger.js';
import type { AwsCallOptions } from '../../aws/call-options.js';
import { describeTasks, listServiceTaskArns } from '../../ecs/tasks.js';
import { sameTaskDefinition } from '../../ecs/task-definition-refs.js';

/** Why one task stopped (S9). */
export interface StoppedTaskReason {
  taskArn: string;
  taskDefinitionArn?: string;
  stoppedReason?: string;
  stopCode?: string;
  containers: { name: string; exitCode?: number; reason?: string }[];
}

export interface StoppedTaskFilter {
  /** Only tasks of this task definition count. */
  taskDefinitionArn: string;
  /** The deployment that started the tasks: a service task's `startedBy` is its deployment id. */
  deploymentId?: string | undefined;
  /** Tasks created before this (epoch ms) belong to an earlier deployment and are ignored. */
  createdNotBefore?: number | undefined;
}

/** Pages of ListTasks read per collection: 200 most recent stopped tasks is plenty to explain a failure. */
const MAX_LIST_PAGES = 2;

/** A stop that is not a failure: the scheduler scaling a deployment in (e.g. replaced by a newer one). */
const SCALE_IN = /^Scaling activity initiated by/i;

/**
 * Finds the service's STOPPED tasks of one deployment and remembers each once: ListTasks (serviceName, desired
 * status STOPPED), then DescribeTasks for ARNs not seen before, at most 100 per call. Each new stopped task is
 * logged as `Task <id> stopped: <stoppedReason> (container app exit code 1)`.
 */
export class StoppedTaskCollector {
  private readonly seenArns = new Set<string>();
  private readonly found: StoppedTaskReason[] = [];

  /** @param print how a newly found stopped task is printed (default: its own `Task … stopped: …` line). */
  constructor(
    private readonly ecs: ECSClient,
    private readonly log: Logger,
    private readonly cluster: string,
    private readonly service: string,
    private readonly filter: StoppedTaskFilter,
    private readonly print: (stopped: StoppedTaskReason) => void = (r) => log.info(formatStoppedTask(r)),
  ) {}

  /** Every stopped task of the deployment found so far, in the order found. */
  get all(): readonly StoppedTaskReason[] {
    return this.found;
  }

  /** Looks for newly stopped tasks; returns the new ones. AWS errors propagate (the caller decides to retry). */
  async collect(opts: AwsCallOptions = {}): Promise<StoppedTaskReason[]> {
    const arns = await listServiceTaskArns(
      this.ecs,
      { cluster: this.cluster, serviceName: this.service, desiredStatus: 'STOPPED', maxPages: MAX_LIST_PAGES },
      opts,
    );
    const unseen = arns.filter((arn) => !this.seenArns.has(arn));
    if (unseen.length === 0) return [];
    const { tasks, missing } = await describeTasks(this.ecs, this.cluster, unseen, opts);
    for (const arn of missing) this.seenArns.add(arn);
    const fresh: StoppedTaskReason[] = [];
    for (const task of sortByStop(tasks)) {
      if (task.taskArn !== undefined) this.seenArns.add(task.taskArn);
      if (!this.matches(task)) continue;
      const reason = toStoppedTaskReason(task);
      fresh.push(reason);
      this.found.push(reason);
      this.print(reason);
    }
    return fresh;
  }

  private matches(task: Task): boolean {
    if (task.taskArn === undefined) return false;
    if (!sameTaskDefinition(task.taskDefinitionArn, this.filter.taskDefinitionArn)) return false;
    const { deploymentId, createdNotBefore } = this.filter;
    const startedBy = task.startedBy;
    if (deploymentId !== undefined && startedBy?.startsWith('ecs-svc/') === true && startedBy !== deploymentId) {
      return false;
    }
    const createdAt = task.createdAt?.getTime();
    if (createdNotBefore !== undefined && createdAt !== undefined && createdAt < createdNotBefore) return false;
    return !SCALE_IN.test(task.stoppedReason ?? '');
  }
}

function sortByStop(tasks: Task[]): Task[] {
  const at = (t: Task): number => (t.stoppedAt ?? t.stoppingAt ?? t.createdAt)?.getTime() ?? 0;
  return [...tasks].sort((a, b) => at(a) - at(b));
}

export function toStoppedTaskReason(task: Task): StoppedTaskReason {
  return {
    taskArn: task.taskArn ?? '',
    ...(task.taskDefinitionArn !== undefined ? { taskDefinitionArn: task.taskDefinitionArn } : {}),
    ...(task.stoppedReason !== undefined ? { stoppedReason: task.stoppedReason } : {}),
    ...(task.stopCode !== undefined ? { stopCode: task.stopCode } : {}),
    containers: (task.containers ?? []).map((c) => ({
      name: c.name ?? '',
      ...(c.exitCode !== undefined ? { exitCode: c.exitCode } : {}),
      ...(c.reason !== undefined ? { reason: c.reason } : {}),
    })),
  };
}

/** The task id: the last segment of its ARN. */
export function taskIdOf(taskArn: string): string {
  return taskArn.slice(taskArn.lastIndexOf('/') + 1);
}

/** `Essential container in task exited (container app exit code 1)` */
export function describeStop(r: StoppedTaskReason): string {
  // ECS often repeats the task's stoppedReason as the container's reason (pull errors): it is said once.
  const ownReason = (c: StoppedTaskReason['containers'][number]): string | undefined =>
    c.reason !== undefined && c.reason !== '' && c.reason !== r.stoppedReason ? c.reason : undefined;
  const details = r.containers
    .filter((c) => (c.exitCode !== undefined && c.exitCode !== 0) || ownReason(c) !== undefined)
    .map((c) => {
      const code = c.exitCode !== undefined && c.exitCode !== 0 ? ` exit code ${c.exitCode}` : '';
      const why = ownReason(c);
      return `container ${c.name}${code}${why !== undefined ? `: ${why}` : ''}`;
    });
  const reason = r.stoppedReason ?? r.stopCode ?? 'no reason given';
  return details.length === 0 ? reason : `${reason} (${details.join(', ')})`;
}

/** `Task 0123abcd stopped: Essential container in task exited (container app exit code 1)` */
export function formatStoppedTask(r: StoppedTaskReason): string {
  return `Task ${taskIdOf(r.taskArn)} stopped: ${describeStop(r)}`;
}

/** Tasks stopped for the same reason, folded (fold.ts): `Task 0123abcd stopped: … (+14 more tasks stopped the same way)` */
export function formatStoppedTasks(reasons: readonly StoppedTaskReason[]): string {
  const last = reasons[reasons.length - 1];
  const line = last !== undefined ? formatStoppedTask(last) : 'No task stopped';
  return reasons.length > 1 ? `${line} (+${reasons.length - 1} more tasks stopped the same way)` : line;
}

/**
 * The distinct stop reasons with how many tasks had each, most frequent first:
 * `Essential container in task exited (container app exit code 1) [3 tasks]; CannotPullContainerError: ... [1 task]`.
 * Empty when there are none.
 */
export function summarizeStoppedTasks(reasons: readonly StoppedTaskReason[]): string {
  const counts = new Map<string, number>();
  for (const r of reasons) {
    const key = describeStop(r);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([reason, n]) => `${reason} [${n} ${n === 1 ? 'task' : 'tasks'}]`)
    .join('; ');
}
