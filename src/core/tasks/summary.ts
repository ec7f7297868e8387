/** The job summary's task table (issue 5): one row per task container. Plain Markdown string building. */
import { formatDuration } from '../time.js';
import type { TaskOutcome } from './evaluate.js';

/**
 * Keeps the summary short for large counts (a run may have 1000 tasks; GitHub caps a step summary at 1 MiB): the
 * failures are said grouped by reason above the table, so the table's first rows are examples, not the record.
 */
export const SUMMARY_MAX_ROWS = 50;

export function taskSummaryTable(outcomes: readonly TaskOutcome[], maxRows = SUMMARY_MAX_ROWS): string {
  const header = [
    '| Task | Container | Exit code | Duration | Result | Stopped reason |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  const rows: string[] = [];
  let total = 0;
  for (const o of outcomes) {
    const duration = o.durationMs === undefined ? '–' : formatDuration(o.durationMs);
    const stopped = cell(o.stoppedReason ?? (o.lastStatus !== 'STOPPED' ? `(${o.lastStatus ?? 'unknown'})` : ''));
    const containers = o.containers.length > 0 ? o.containers : [undefined];
    containers.forEach((c, i) => {
      total += 1;
      if (rows.length >= maxRows) return;
      const task = i === 0 ? `\`${o.taskId}\`` : '';
      const name = c === undefined ? '–' : `${cell(c.name)}${c.counted ? '' : ' (not checked)'}`;
      const code = c?.exitCode === undefined ? '–' : String(c.exitCode);
      const result = c === undefined ? (o.success ? '✅' : '❌') : !c.counted ? '' : c.ok ? '✅' : '❌';
      rows.push(`| ${task} | ${name} | ${code} | ${i === 0 ? duration : ''} | ${result} | ${i === 0 ? stopped : ''} |`);
    });
  }
  const more = total > rows.length ? [``, `…and ${total - rows.length} more row(s), omitted.`] : [];
  return [...header, ...rows, ...more].join('\n');
}

/** Table cells cannot hold pipes or line breaks. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
