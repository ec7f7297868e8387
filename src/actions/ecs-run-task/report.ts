/** T5 / S5: ecs-run-task's outputs and job summary, from the run's outcome (finishAction writes them). */
import type { Task } from '@aws-sdk/client-ecs';
import { failureSection, type ActionReport, type SummarySection } from '../../core/action/index.js';
import { exitCodesOutput, formatRunTaskFailure, taskIdFromArn, taskSummaryTable } from '../../core/tasks/index.js';
import type { RunTaskOptions } from './options.js';
import type { RunOutcome } from './outcome.js';
import type { ResolvedTaskDefinition } from './task-definition.js';

/** Rows of the status table (wait: running / none) before the rest is left out. */
const MAX_STATUS_ROWS = 200;

export function runTaskReport(options: RunTaskOptions, td: ResolvedTaskDefinition, outcome: RunOutcome): ActionReport {
  const tasks = outcome.tasks;
  return {
    succeeded: outcome.success,
    outputs: [
      ['taskDefinitionArn', td.arn],
      ['clusterArn', tasks.find((t) => t.clusterArn !== undefined)?.clusterArn],
      ['taskArns', tasks.map((t) => t.taskArn).filter((a) => a !== undefined)],
      ['exitCodes', exitCodesOutput(tasks)],
    ],
    heading: `ecs-run-task: ${outcome.success ? '✅' : '❌'} ${outcome.headline}`,
    rows: [
      ['Cluster', options.cluster],
      ['Task definition', td.label],
      ['Tasks requested', options.count],
      ['Wait', options.wait],
    ],
    sections: [
      tasksSection(outcome),
      ...(outcome.failure !== undefined ? [failureSection(outcome.failure)] : []),
    ],
    log: [outcome.headline],
    failure: outcome.failure ?? outcome.headline,
    status: outcome.headline,
  };
}

/** The tasks (with their exit-code verdicts when waited until STOPPED), then RunTask's own failures. */
function tasksSection(outcome: RunOutcome): SummarySection {
  return (s) => {
    if (outcome.evaluation !== undefined) s.raw(taskSummaryTable(outcome.evaluation.tasks));
    else if (outcome.tasks.length > 0) s.table(['Task', 'Status', 'Containers', 'Stopped reason'], statusRows(outcome.tasks));
    if (outcome.runFailures.length > 0) {
      s.heading('RunTask failures', 3).raw(outcome.runFailures.map((f) => `- ${formatRunTaskFailure(f)}`).join('\n'));
    }
  };
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
