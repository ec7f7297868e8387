/**
 * D5 / S5 / S9: register-delegate's outputs and job summary (finishAction writes them): delegate name, image,
 * replicas, launch type, network mode and what changed — the changed fields by name, never a value, so never the
 * token (S11). A failure names its cause (an ECS placement event, a stopped task) first.
 */
import {
  deployFailureMessage,
  durationRow,
  failureSection,
  resultRow,
  rollbackRows,
  stoppedTasksSection,
  taskDefinitionRow,
  type ActionReport,
  type AfterFacts,
} from '../../core/action/index.js';
import type { Outcome } from '../../core/deploy/index.js';
import type { SummarySection } from '../../core/action/index.js';
import type { DelegateOptions } from './options.js';
import { describeChange, type DelegateChange } from './plan.js';

type Row = readonly [string, string];

function delegateRows(o: DelegateOptions, change: DelegateChange): Row[] {
  return [
    ['Delegate', o.delegate.delegateName],
    ['Image', o.image],
    ['Replicas', String(o.replicas)],
    ['Service', `${o.serviceName} (cluster ${o.cluster})`],
    ['Launch type', o.launchType],
    ['Network mode', o.networkMode],
    ['Token', o.token.kind === 'secret' ? 'from Secrets Manager (secrets valueFrom)' : 'plain input (masked)'],
    ['What changed', change.kind === 'none' ? 'nothing' : change.kind === 'create' ? 'the service was created' : change.changedFields.join(', ')],
  ];
}

export interface ReportInput {
  options: DelegateOptions;
  change: DelegateChange;
  outcome: Outcome;
  facts: AfterFacts;
}

export function delegateReport(input: ReportInput): ActionReport {
  const { options, change, outcome, facts } = input;
  const ok = outcome.status !== 'failed';
  const failure = deployFailureMessage(outcome, true);
  const mark = outcome.status === 'started' ? '⏳' : ok ? '✅' : '❌';
  return {
    succeeded: ok,
    startedOnly: outcome.status === 'started',
    outputs: [
      ['taskDefinitionArn', outcome.taskDefinitionArn],
      ['serviceArn', outcome.service.arn ?? facts.service?.serviceArn ?? ''],
      ['serviceName', options.serviceName],
      ['runningCount', facts.service?.runningCount ?? 0],
      ['changed', true],
    ],
    heading: `register-delegate: ${mark} ${describeChange(change, options)}${ok ? '' : ' failed'}`,
    rows: [...delegateRows(options, change), taskDefinitionRow(outcome, facts), durationRow(outcome), resultRow(outcome), ...rollbackRows(outcome)],
    sections: [...(ok ? [] : [failureSection(failure)]), stoppedTasksSection(outcome)],
    failure: ok ? undefined : failure,
    status: ok ? `Delegate ${options.delegate.delegateName}: ${describeChange(change, options)}` : (outcome.cause ?? 'failed'),
  };
}

/** D3: nothing to do; the outputs describe what is live. */
export function upToDateReport(options: DelegateOptions, change: DelegateChange): ActionReport {
  return {
    succeeded: true,
    outputs: liveOutputs(options, change, false),
    heading: `register-delegate: ✅ delegate ${options.delegate.delegateName} is up to date`,
    rows: [...delegateRows(options, change), ['Result', 'up to date: no new revision, no service update']],
    status: `Delegate ${options.delegate.delegateName} is up to date`,
  };
}

/** S13: the normalised diff (sensitive environment values fingerprinted), nothing changed. */
export function dryRunReport(options: DelegateOptions, change: DelegateChange): ActionReport {
  const diff: SummarySection = (s) => s.heading('What would change', 3).codeBlock(change.diff.text, 'diff');
  return {
    succeeded: true,
    outputs: liveOutputs(options, change, change.kind !== 'none'),
    heading: `register-delegate: dry run, would ${describeChange(change, options)} (nothing changed)`,
    rows: delegateRows(options, change),
    sections: [diff],
    status: 'dry run',
  };
}

/** The outputs from what is live (nothing was changed by this run). */
function liveOutputs(options: DelegateOptions, change: DelegateChange, changed: boolean): ActionReport['outputs'] {
  return [
    ['taskDefinitionArn', change.liveTaskDefinition?.taskDefinitionArn ?? ''],
    ['serviceArn', change.service?.serviceArn ?? ''],
    ['serviceName', options.serviceName],
    ['runningCount', change.service?.runningCount ?? 0],
    ['changed', changed],
  ];
}
