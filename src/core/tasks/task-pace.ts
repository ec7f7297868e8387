/**
 * How near the end of a wait for one-off tasks is (issue 17; the policy is src/core/poll/pace.ts), from the tasks as
 * the last DescribeTasks described them:
 * - a task not described yet (RunTask just returned it): near;
 * - every task still to wait for is stopping (desired STOPPED, or DEACTIVATING / STOPPING / DEPROVISIONING): near,
 *   the last task of the batch is stopping;
 * - waiting for `running` and some task of the batch already runs: near, the others started with it;
 * - tasks running, waiting for `stopped`, and some task of the batch already stopped: the others are expected to run
 *   as long as it did (the median run time seen so far, from each task's own start);
 * - otherwise (tasks starting, or running with nothing to compare with): idle since the earliest of them started
 *   (or was created).
 */
import type { Task } from '@aws-sdk/client-ecs';
import type { PaceHint } from '../poll/index.js';
import type { WaitGoal } from './task-watch.js';

const STOPPING: ReadonlySet<string> = new Set(['DEACTIVATING', 'STOPPING', 'DEPROVISIONING']);
const DONE: ReadonlySet<string> = new Set(['STOPPED', 'DELETED']);

export function taskPace(all: readonly Task[], waitingFor: readonly string[], until: WaitGoal): PaceHint {
  const open = all.filter((t) => t.taskArn !== undefined && waitingFor.includes(t.taskArn));
  if (open.length === 0 || open.some((t) => t.lastStatus === undefined)) return { kind: 'near' };
  if (open.every((t) => t.desiredStatus === 'STOPPED' || STOPPING.has(t.lastStatus ?? ''))) return { kind: 'near' };
  const running = all.filter((t) => t.lastStatus === 'RUNNING' || t.startedAt !== undefined);
  if (until === 'running' && running.length > 0) return { kind: 'near' };
  if (until === 'stopped') {
    const runTimes = all
      .filter((t) => DONE.has(t.lastStatus ?? '') && t.startedAt !== undefined && t.stoppedAt !== undefined)
      .map((t) => (t.stoppedAt?.getTime() ?? 0) - (t.startedAt?.getTime() ?? 0))
      .sort((a, b) => a - b);
    const typical = runTimes[Math.floor(runTimes.length / 2)];
    const starts = open.map((t) => t.startedAt?.getTime()).filter((s): s is number => s !== undefined);
    if (typical !== undefined && starts.length === open.length) return { kind: 'eta', at: Math.max(...starts) + typical };
  }
  const since = open.map((t) => (t.startedAt ?? t.createdAt)?.getTime()).filter((s): s is number => s !== undefined);
  return since.length > 0 ? { kind: 'idle', since: Math.min(...since) } : { kind: 'idle' };
}
