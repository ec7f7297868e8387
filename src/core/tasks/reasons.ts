/**
 * S9 for runs of many tasks: tasks that failed (or were left) for the same reason are said in one line with a count
 * and a few task ids, as ecs-rolling says `[4 tasks]`, so 200 pull errors make one line, not 200.
 */
import { taskIdFromArn } from './ids.js';

/** Task ids named as examples of a shared reason. */
export const EXAMPLE_IDS = 3;
/** Distinct reasons listed before the rest are counted in one line. */
export const MAX_REASON_LINES = 10;

export interface TaskReason {
  taskArn: string;
  reason: string;
}

/**
 * One line per distinct reason, most frequent first (ties in the order first seen):
 * `  - task <id>: <reason>` when one task had it, `  - <reason> [12 tasks: <id>, <id>, <id>, …]` when several did.
 */
export function groupedReasonLines(items: readonly TaskReason[], maxLines = MAX_REASON_LINES): string[] {
  const groups = new Map<string, string[]>();
  for (const { taskArn, reason } of items) {
    const ids = groups.get(reason) ?? [];
    ids.push(taskIdFromArn(taskArn));
    groups.set(reason, ids);
  }
  const sorted = [...groups.entries()].sort((a, b) => b[1].length - a[1].length);
  const lines = sorted.slice(0, maxLines).map(([reason, ids]) => {
    const [only] = ids;
    return ids.length === 1 && only !== undefined ? `  - task ${only}: ${reason}` : `  - ${reason} [${countedIds(ids)}]`;
  });
  const rest = sorted.slice(maxLines);
  if (rest.length > 0) {
    const tasks = rest.reduce((n, [, ids]) => n + ids.length, 0);
    lines.push(`  - …and ${rest.length} other reason(s) (${tasks} task(s)): see the job summary's task table`);
  }
  return lines;
}

/** `12 tasks: a, b, c, …` (every id when there are at most EXAMPLE_IDS). */
export function countedIds(ids: readonly string[]): string {
  const shown = ids.slice(0, EXAMPLE_IDS).join(', ');
  return `${ids.length} ${ids.length === 1 ? 'task' : 'tasks'}: ${shown}${ids.length > EXAMPLE_IDS ? ', …' : ''}`;
}
