/** R8 / S5 / S9: outputs, job summary and the step's failure message, written in one place from the Outcome. */
import type { Outcome } from '../../core/deploy/rolling.js';
import { describeStop, taskIdOf } from '../../core/deploy/watch/index.js';
import type { RollbackTarget } from '../../core/deploy/manual-rollback.js';
import type { ActionRuntime } from '../../core/io/runtime.js';
import { SummaryBuilder } from '../../core/io/summary.js';
import { formatDuration } from '../../core/time.js';
import { clusterArnOf, type AfterFacts, type TaskDefinitionLabel } from './facts.js';
import type { RollingOptions } from './options.js';

const FAILURE_WORDS: Record<NonNullable<Outcome['failureReason']>, string> = {
  failed: 'the deployment failed',
  'circuit-breaker': 'rolled back by ECS (circuit breaker or alarm)',
  timeout: 'timed out (timeout-minutes)',
  cancelled: 'the workflow was cancelled',
  replaced: 'replaced by another deployment',
  'auto-scaling': 'applying auto scaling failed',
  error: 'an AWS call failed',
};

/** Stopped tasks listed in the summary before the rest is counted only. */
const MAX_STOPPED_ROWS = 20;

/**
 * rolledBack (R8): the service was put back on its previous task definition, by this action's rollback or by
 * ECS's own (circuit breaker or alarm), even when rollback-on-failure is off. When this action's rollback ran and
 * did not succeed (failed, or abandoned on the second signal), the output says false, as the summary does.
 */
export function wasRolledBack(outcome: Outcome): boolean {
  if (outcome.rollback !== undefined) return outcome.rollback.status === 'succeeded';
  return outcome.rolledBack || outcome.failureReason === 'circuit-breaker';
}

export function writeOutputs(rt: ActionRuntime, outcome: Outcome, facts: AfterFacts): void {
  const serviceArn = outcome.service.arn ?? facts.service?.serviceArn;
  const clusterArn = facts.service?.clusterArn ?? clusterArnOf(serviceArn);
  rt.outputs.set('taskDefinitionArn', outcome.taskDefinitionArn);
  rt.outputs.set('serviceName', outcome.service.name);
  rt.outputs.set('serviceArn', serviceArn ?? '');
  if (clusterArn !== undefined) rt.outputs.set('clusterArn', clusterArn);
  rt.outputs.set('previousTaskDefinitionArn', outcome.previousTaskDefinitionArn ?? '');
  rt.outputs.set('firstDeployment', outcome.firstDeployment);
  rt.outputs.set('rolledBack', wasRolledBack(outcome));
}

/** The error the step fails with: the original cause first, then what happened to the service. */
export function failureMessage(outcome: Outcome, options: RollingOptions): string {
  const cause = outcome.cause ?? 'the deployment failed';
  const rollback = outcome.rollback;
  if (rollback?.status === 'succeeded') return `${cause}\nRollback succeeded: ${rollback.detail}`;
  if (rollback !== undefined) return cause; // the cause already ends with the rollback's failure
  if (outcome.failureReason === 'circuit-breaker') {
    return `${cause}\nECS rolled the service back to ${outcome.previousTaskDefinitionArn ?? 'its previous task definition'}.`;
  }
  if (!options.rollbackOnFailure) return `${cause}\nrollback-on-failure is false: the service is left as the failed deployment made it.`;
  return cause;
}

export interface SummaryInput {
  options: RollingOptions;
  outcome: Outcome;
  facts: AfterFacts;
  /** mode rollback: the revision chosen and why (R7). */
  target?: RollbackTarget | undefined;
}

export async function writeSummary(rt: ActionRuntime, input: SummaryInput): Promise<void> {
  const { options, outcome, facts } = input;
  const ok = outcome.status === 'succeeded';
  const s = new SummaryBuilder();
  const deployed = facts.deployed?.revision ?? outcome.taskDefinitionArn;
  const verb = options.mode === 'rollback' ? 'rollback of' : 'deployment of';
  s.heading(`ecs-rolling: ${ok ? '✅' : '❌'} ${verb} ${deployed} to service ${outcome.service.name} ${ok ? 'succeeded' : 'failed'}`);
  const rows: [string, string | undefined][] = [
    ['Service', outcome.service.name],
    ['Cluster', options.cluster],
    ['Mode', options.mode + (options.waitForSteadyState ? '' : ' (not waiting for steady state)')],
    ['Task definition', `${label(facts.previous, outcome.previousTaskDefinitionArn) ?? '(none: first deployment)'} → ${label(facts.deployed, outcome.taskDefinitionArn) ?? ''}`],
    ['Desired count', desiredCount(outcome, facts)],
    ['Duration', duration(outcome)],
    ['Result', ok ? 'succeeded' : `failed: ${FAILURE_WORDS[outcome.failureReason ?? 'error']}`],
  ];
  if (input.target !== undefined) rows.push(['Rolled back to', input.target.why]);
  if (outcome.rollback !== undefined) rows.push(['Rollback', `${outcome.rollback.status}: ${outcome.rollback.detail}`]);
  else if (outcome.failureReason === 'circuit-breaker') rows.push(['Rollback', 'by ECS (deployment circuit breaker or alarm)']);
  s.keyValueTable(rows);
  if (!ok) s.heading('Why it failed', 3).codeBlock(failureMessage(outcome, options));
  if (outcome.stoppedTasks.length > 0) {
    const shown = outcome.stoppedTasks.slice(0, MAX_STOPPED_ROWS).map((t) => [`\`${taskIdOf(t.taskArn)}\``, describeStop(t)]);
    const more = outcome.stoppedTasks.length - shown.length;
    if (more > 0) shown.push([`…and ${more} more`, '']);
    s.heading('Stopped tasks', 3).table(['Task', 'Why it stopped'], shown);
  }
  s.heading('Outputs', 3).keyValueTable(rt.outputs.entries());
  await rt.summary.append(s.toString());
}

function label(known: TaskDefinitionLabel | undefined, arn: string | undefined): string | undefined {
  if (known === undefined) return arn;
  return known.images === undefined ? known.revision : `${known.revision} (${known.images})`;
}

function desiredCount(outcome: Outcome, facts: AfterFacts): string {
  const before = outcome.snapshot.exists ? String(outcome.snapshot.desiredCount ?? '-') : '-';
  const now = facts.service?.desiredCount;
  const running = facts.service?.runningCount;
  const after = now === undefined ? '-' : `${now}${running !== undefined ? ` (running ${running})` : ''}`;
  return `${before} → ${after}`;
}

function duration(outcome: Outcome): string {
  const t = outcome.timings;
  const parts = [
    t.waitMs !== undefined ? `waiting ${formatDuration(t.waitMs)}` : undefined,
    t.rollbackMs !== undefined ? `rollback ${formatDuration(t.rollbackMs)}` : undefined,
  ].filter((p) => p !== undefined);
  return `${formatDuration(t.totalMs)}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}
