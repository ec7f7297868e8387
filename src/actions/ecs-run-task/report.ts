/** T5 / S5: the outputs and the job summary, written in one place from the run's outcome. */
import type { Task } from '@aws-sdk/client-ecs';
import type { ActionRuntime } from '../../core/io/runtime.js';
import { SummaryBuilder } from '../../core/io/summary.js';
import { exitCodesOutput, formatRunTaskFailure, taskIdFromArn, taskSummaryTable } from '../../core/tasks/index.js';
import type { RunTaskOptions } from './options.js';
import type { RunOutcome } from './outcome.js';
import type { ResolvedTaskDefinition } from './task-definition.js';

/** Rows of the status table (wait: running / none) before the rest is left out. */
const MAX_STATUS_ROWS = 200;

export function writeOutputs(rt: ActionRuntime, td: ResolvedTaskDefinition, tasks: readonly Task[]): void {
  rt.outputs.set('taskDefinitionArn', td.arn);
  const clusterArn = tasks.find((t) => t.clusterArn !== undefined)?.clusterArn;
  if (clusterArn !== undefined) rt.outputs.set('clusterArn', clusterArn);
  rt.outputs.set('taskArns', tasks.map((t) => t.taskArn).filter((a) => a !== undefined));
  rt.outputs.set('exitCodes', exitCodesOutput(tasks));
}

export async function writeSummary(
  rt: ActionRuntime,
  options: RunTaskOptions,
  td: ResolvedTaskDefinition,
  outcome: RunOutcome,
): Promise<void> {
  const s = new SummaryBuilder();
  s.heading(`ecs-run-task: ${outcome.success ? '✅' : '❌'} ${outcome.headline}`);
  s.keyValueTable([
    ['Cluster', options.cluster],
    ['Task definition', td.label],
    ['Tasks requested', options.count],
    ['Wait', options.wait],
  ]);
  if (outcome.evaluation !== undefined) s.raw(taskSummaryTable(outcome.evaluation.tasks));
  else if (outcome.tasks.length > 0) s.table(['Task', 'Status', 'Containers', 'Stopped reason'], statusRows(outcome.tasks));
  if (outcome.runFailures.length > 0) {
    s.heading('RunTask failures', 3).raw(outcome.runFailures.map((f) => `- ${formatRunTaskFailure(f)}`).join('\n'));
  }
  if (outcome.failure !== undefined) s.heading('Why it failed', 3).codeBlock(outcome.failure);
  s.heading('Outputs', 3).keyValueTable(rt.outputs.entries());
  await rt.summary.append(s.toString());
}

function statusRows(tasks: readonly Task[]): string[][] {
  const rows = tasks.slice(0, MAX_STATUS_ROWS).map((t) => [
    `\`${taskIdFromArn(t.taskArn ?? '?')}\``,
    t.lastStatus ?? 'unknown',
    (t.containers ?? []).map((c) => `${c.name ?? '?'}: ${c.lastStatus ?? 'unknown'}`).join(', '),
    t.stoppedReason ?? '',
  ]);
  if (tasks.length > MAX_STATUS_ROWS) rows.push([`…and ${tasks.length - MAX_STATUS_ROWS} more`, '', '', '']);
  return rows;
}
