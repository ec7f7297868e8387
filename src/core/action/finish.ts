/**
 * One path from an action's outcome to what the user sees (S5, S9): the outputs, the job summary, the outputs
 * listed in the log, the GitHub deployment status, and the step's failure. An action turns its own outcome into an
 * ActionReport (its outputs and summary rows); finishAction does the rest the same way for every action.
 */
import type { DeploymentRecord } from '../github/deployments.js';
import type { OutputValue } from '../io/outputs.js';
import type { ActionRuntime } from '../io/runtime.js';
import { SummaryBuilder, type Cell } from '../io/summary.js';

/** A block of the job summary after the table (a list of stopped tasks, the failure explanation, ...). */
export type SummarySection = (summary: SummaryBuilder) => void;

export interface ActionReport {
  succeeded: boolean;
  /** Started but not waited for: the step passes, the GitHub deployment stays in progress (no success claimed). */
  startedOnly?: boolean;
  /** The outputs, in the order they are set (and listed in the summary and the log). */
  outputs: ReadonlyArray<readonly [string, OutputValue | undefined]>;
  /** The job summary's heading, e.g. `ecs-rolling: ✅ deployment of web:3 to service web succeeded`. */
  heading: string;
  /** The table under the heading: what was done, where, and how it ended. */
  rows: ReadonlyArray<readonly [string, Cell]>;
  /** Blocks after the table, in order; the Outputs table always comes last. */
  sections?: readonly SummarySection[];
  /** Lines logged before the outputs are listed. */
  log?: readonly string[];
  /** The step's error message when it failed. */
  failure?: string | undefined;
  /** The GitHub deployment status's description. */
  status: string;
}

/**
 * Inside a `Result` group: builds the report (reads made for it log there), sets the outputs (an undefined value is
 * left out), appends the job summary and lists the outputs; then finishes the GitHub deployment record (success or
 * failure) and, when the outcome failed, throws its failure message, which fails the step.
 */
export async function finishAction(
  rt: ActionRuntime,
  build: () => ActionReport | Promise<ActionReport>,
  record?: DeploymentRecord,
): Promise<void> {
  const report = await rt.log.group('Result', async () => {
    const r = await build();
    for (const [name, value] of r.outputs) if (value !== undefined) rt.outputs.set(name, value);
    await rt.summary.append(summaryOf(r, rt.outputs.entries()));
    for (const line of r.log ?? []) rt.log.info(line);
    for (const [name, value] of rt.outputs.entries()) rt.log.info(`${name}: ${value}`);
    return r;
  });
  await record?.finish(!report.succeeded ? 'failure' : report.startedOnly === true ? 'in_progress' : 'success', report.status);
  if (!report.succeeded) throw new Error(report.failure ?? report.heading);
}

/** The job summary's Markdown: heading, table, sections, then every output set. */
export function summaryOf(report: ActionReport, outputs: ReadonlyArray<readonly [string, string]>): string {
  const s = new SummaryBuilder().heading(report.heading).keyValueTable(report.rows);
  for (const section of report.sections ?? []) section(s);
  return s.heading('Outputs', 3).keyValueTable(outputs).toString();
}

/** The `Why it failed` block. */
export function failureSection(message: string): SummarySection {
  return (s) => s.heading('Why it failed', 3).codeBlock(message);
}
