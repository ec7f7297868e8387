/** R8 / S5 / S9: ecs-rolling's outputs and job summary rows, from the Outcome (finishAction writes them). */
import {
  changeRows,
  clusterArnOf,
  deployFailureMessage,
  desiredCountRow,
  durationRow,
  failureSection,
  resultRow,
  rollbackRows,
  stoppedTasksSection,
  taskDefinitionRow,
  wasRolledBack,
  type ActionReport,
  type AfterFacts,
} from '../../core/action/index.js';
import type { Outcome, RollbackTarget } from '../../core/deploy/index.js';
import type { RollingOptions } from './options.js';

export interface ReportInput {
  options: RollingOptions;
  outcome: Outcome;
  facts: AfterFacts;
  /** mode rollback: the revision chosen and why (R7). */
  target?: RollbackTarget | undefined;
}

export function rollingReport(input: ReportInput): ActionReport {
  const { options, outcome, facts } = input;
  const ok = outcome.status !== 'failed';
  const ended = outcome.status === 'started' ? 'started (not waited for)' : ok ? 'succeeded' : 'failed';
  const deployed = facts.deployed?.revision ?? outcome.taskDefinitionArn;
  const verb = options.mode === 'rollback' ? 'rollback of' : 'deployment of';
  const scale = outcome.change === 'scale';
  const what = scale ? `scale change of service ${outcome.service.name} (${deployed}, no new deployment)` : `${verb} ${deployed} to service ${outcome.service.name}`;
  const failure = deployFailureMessage(outcome, options.rollbackOnFailure);
  return {
    succeeded: ok,
    startedOnly: outcome.status === 'started',
    outputs: outputs(outcome, facts),
    heading: `ecs-rolling: ${outcome.status === 'started' ? '⏳' : ok ? '✅' : '❌'} ${what} ${ended}`,
    rows: [
      ['Service', outcome.service.name],
      ['Cluster', options.cluster],
      ['Mode', options.mode + (options.waitForSteadyState ? '' : ' (not waiting for steady state)')],
      taskDefinitionRow(outcome, facts),
      desiredCountRow(outcome, facts),
      ...changeRows(outcome),
      durationRow(outcome),
      resultRow(outcome),
      ...(input.target !== undefined ? [['Rolled back to', input.target.why] as const] : []),
      ...nativeRows(outcome),
      ...rollbackRows(outcome),
    ],
    sections: [...(ok ? [] : [failureSection(failure)]), stoppedTasksSection(outcome)],
    failure: ok ? undefined : failure,
    status: statusLine(outcome),
  };
}

/** The one-line status: what was deployed or scaled, started, or why it failed. */
function statusLine(outcome: Outcome): string {
  if (outcome.status === 'failed') return outcome.cause ?? 'failed';
  if (outcome.change === 'scale') {
    const scaled = `Scaled service ${outcome.service.name} (${outcome.changeDetail ?? 'no new deployment'})`;
    return outcome.status === 'started' ? `${scaled}; not waited for` : scaled;
  }
  const native = outcome.native;
  if (native?.ended === 'stage') return `${outcome.taskDefinitionArn} reached lifecycle stage ${native.lifecycleStage ?? ''}; ECS goes on with the deployment`;
  if (native?.ended === 'paused') {
    return `${outcome.taskDefinitionArn} waits at ${native.lifecycleStage ?? 'a lifecycle stage'} on PAUSE hook ${native.pausedHook?.hookId ?? ''}: continue it with mode: continue`;
  }
  if (native?.ended === 'rolled-back') return `Rolled back to ${outcome.taskDefinitionArn}`;
  return outcome.status === 'started' ? `Started ${outcome.taskDefinitionArn}; not waited for` : `Deployed ${outcome.taskDefinitionArn}`;
}

/** N2: the service deployment ECS ran, and where the run left it. */
function nativeRows(outcome: Outcome): (readonly [string, string])[] {
  const n = outcome.native;
  if (n === undefined) return [];
  const rows: (readonly [string, string])[] = [
    ['Service deployment', `${n.serviceDeploymentArn} (${n.status ?? 'unknown'}, lifecycle stage ${n.lifecycleStage ?? 'unknown'})`],
  ];
  if (n.pausedHook !== undefined) rows.push(['Paused on', `lifecycle hook ${n.pausedHook.hookId ?? ''} (continue it with mode: continue)`]);
  return rows;
}

function outputs(outcome: Outcome, facts: AfterFacts): ActionReport['outputs'] {
  const serviceArn = outcome.service.arn ?? facts.service?.serviceArn;
  return [
    ['taskDefinitionArn', outcome.taskDefinitionArn],
    ['serviceName', outcome.service.name],
    ['serviceArn', serviceArn ?? ''],
    ['clusterArn', facts.service?.clusterArn ?? clusterArnOf(serviceArn)],
    ['previousTaskDefinitionArn', outcome.previousTaskDefinitionArn ?? ''],
    ['firstDeployment', outcome.firstDeployment],
    ['rolledBack', wasRolledBack(outcome)],
  ];
}
