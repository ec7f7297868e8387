/**
 * R8 / S5 / S9: the parts of a report every action that deploys a service shows the same way, from the deploy
 * Outcome: whether the service was rolled back, the step's failure message, the summary's rows for the task
 * definition, desired count, the kind of change (a scale change: no new deployment), duration, result and rollback,
 * and the stopped tasks.
 */
import { describeStop, taskIdOf, type Outcome, type StoppedTaskReason } from '../deploy/index.js';
import { alarmOfCause } from '../deploy/watch/alarm-cause.js';
import type { Cell } from '../io/summary.js';
import { formatDuration } from '../time.js';
import type { AfterFacts, TaskDefinitionLabel } from './facts.js';
import type { SummarySection } from './finish.js';

const FAILURE_WORDS: Record<NonNullable<Outcome['failureReason']>, string> = {
  failed: 'the deployment failed',
  'circuit-breaker': 'rolled back by ECS (deployment circuit breaker)',
  timeout: 'timed out (timeout-minutes)',
  cancelled: 'the workflow was cancelled',
  replaced: 'replaced by another deployment',
  'auto-scaling': 'applying auto scaling failed',
  error: 'an AWS call failed',
};

/** Stopped tasks listed in the summary before the rest is counted only. */
const MAX_STOPPED_ROWS = 20;

type Row = readonly [string, Cell];

/**
 * rolledBack (R8): the service was put back on its previous task definition, by this action's rollback or by
 * ECS's own (circuit breaker or alarm), even when rollback-on-failure is off. When this action's rollback ran and
 * did not succeed (failed, or abandoned on the second signal), the output says false, as the summary does.
 */
export function wasRolledBack(outcome: Outcome): boolean {
  if (outcome.rollback !== undefined) return outcome.rollback.status === 'succeeded';
  return outcome.rolledBack || outcome.ecsRollback?.completed === true;
}

/** What ECS's own rollback did, read from the service when the run ended; undefined when it did not roll back. */
function ecsRollbackSentence(outcome: Outcome): string | undefined {
  const ecs = outcome.ecsRollback;
  if (ecs === undefined) return undefined;
  const to = ecs.taskDefinitionArn ?? 'its previous task definition';
  return ecs.completed
    ? `ECS rolled the service back to ${to}.`
    : `ECS is rolling the service back to ${to} (deployment ${ecs.deploymentId ?? '?'}, still in progress when this step ended; rolledBack is false until it completes).`;
}

/** The error the step fails with: the original cause first, then what happened to the service. */
export function deployFailureMessage(outcome: Outcome, rollbackOnFailure: boolean): string {
  const cause = outcome.cause ?? 'the deployment failed';
  const rollback = outcome.rollback;
  if (rollback?.status === 'succeeded') return `${cause}\nRollback succeeded: ${rollback.detail}`;
  if (rollback !== undefined) return cause; // the cause already ends with the rollback's failure
  const ecs = ecsRollbackSentence(outcome);
  if (ecs !== undefined) return `${cause}\n${ecs}`;
  if (!rollbackOnFailure) return `${cause}\nrollback-on-failure is false: the service is left as the failed deployment made it.`;
  return cause;
}

/** `Task definition`: `web:2 (web=nginx:1.26) → web:3 (web=nginx:1.27)`. */
export function taskDefinitionRow(outcome: Outcome, facts: AfterFacts): Row {
  const before = label(facts.previous, outcome.previousTaskDefinitionArn) ?? '(none: first deployment)';
  return ['Task definition', `${before} → ${label(facts.deployed, outcome.taskDefinitionArn) ?? ''}`];
}

/** `Desired count`: before → now (running). */
export function desiredCountRow(outcome: Outcome, facts: AfterFacts): Row {
  const before = outcome.snapshot.exists ? String(outcome.snapshot.desiredCount ?? '-') : '-';
  const now = facts.service?.desiredCount;
  const running = facts.service?.runningCount;
  const after = now === undefined ? '-' : `${now}${running !== undefined ? ` (running ${running})` : ''}`;
  return ['Desired count', `${before} → ${after}`];
}

/**
 * `Change`: an update that started no new deployment (Outcome.change `scale`) says so and what changed (only the
 * desired count, or nothing); a deployment needs no row.
 */
export function changeRows(outcome: Outcome): Row[] {
  if (outcome.change !== 'scale') return [];
  return [['Change', `scale change, ${outcome.changeDetail ?? 'no new deployment'}`]];
}

/** `Duration`: the total, with the wait and the rollback. */
export function durationRow(outcome: Outcome): Row {
  const t = outcome.timings;
  const parts = [
    t.waitMs !== undefined ? `waiting ${formatDuration(t.waitMs)}` : undefined,
    t.rollbackMs !== undefined ? `rollback ${formatDuration(t.rollbackMs)}` : undefined,
  ].filter((p) => p !== undefined);
  return ['Duration', `${formatDuration(t.totalMs)}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`];
}

/** `Result`: succeeded, started (not waited for), or failed with why in a few words. */
export function resultRow(outcome: Outcome): Row {
  if (outcome.status === 'started') return ['Result', 'started, not waited for (wait-for-steady-state: false): ECS goes on with it'];
  const ok = outcome.status === 'succeeded';
  return ['Result', ok ? 'succeeded' : `failed: ${failureWords(outcome)}`];
}

/** Why it failed in a few words; a CloudWatch alarm of the deployment that failed it is named (S8). */
function failureWords(outcome: Outcome): string {
  const reason = outcome.failureReason ?? 'error';
  const alarm = alarmOf(outcome);
  if (alarm !== undefined && reason === 'circuit-breaker') return `rolled back by ECS (${alarm})`;
  if (alarm !== undefined && reason === 'failed') return `${FAILURE_WORDS.failed} (${alarm})`;
  return FAILURE_WORDS[reason];
}

/** `CloudWatch alarm web-5xx` when one of the deployment's alarms failed it (the cause says so). */
function alarmOf(outcome: Outcome): string | undefined {
  return outcome.cause === undefined ? undefined : alarmOfCause(outcome.cause);
}

/** `Rollback`: what this action's rollback did, or that ECS rolled back; no row when neither happened. */
export function rollbackRows(outcome: Outcome): Row[] {
  if (outcome.rollback !== undefined) return [['Rollback', `${outcome.rollback.status}: ${outcome.rollback.detail}`]];
  const ecs = ecsRollbackSentence(outcome);
  if (ecs !== undefined) return [['Rollback', `by ECS (${alarmOf(outcome) ?? 'deployment circuit breaker'}): ${ecs}`]];
  return [];
}

/** The `Stopped tasks` table (the first 20, then a count); nothing when no task stopped. */
export function stoppedTasksSection(outcome: Outcome): SummarySection {
  return stoppedTaskListSection(outcome.stoppedTasks);
}

/** The `Stopped tasks` table of a list of stopped tasks (nothing when it is empty). */
export function stoppedTaskListSection(stopped: readonly StoppedTaskReason[], title = 'Stopped tasks'): SummarySection {
  return (s) => {
    if (stopped.length === 0) return;
    const shown = stopped.slice(0, MAX_STOPPED_ROWS).map((t) => [`\`${taskIdOf(t.taskArn)}\``, describeStop(t)]);
    const more = stopped.length - shown.length;
    if (more > 0) shown.push([`…and ${more} more`, '']);
    s.heading(title, 3).table(['Task', 'Why it stopped'], shown);
  };
}

function label(known: TaskDefinitionLabel | undefined, arn: string | undefined): string | undefined {
  if (known === undefined) return arn;
  return known.images === undefined ? known.revision : `${known.revision} (${known.images})`;
}
