/**
 * C1 `mode: deploy`, after prepare.ts: the task definition (registered, or the given revision) → the canary created
 * (an ACTIVE one from an earlier run deleted and waited INACTIVE first, a DRAINING one waited out) → steady state,
 * waited on as ecs-rolling waits → its targets healthy in every target group it joined → its share of the traffic →
 * the bake. Any failure, timeout or cancellation after the canary was created deletes it (unless
 * delete-on-failure is false) within the time left; the base service is never touched.
 */
import type { CreateServiceCommandInput } from '@aws-sdk/client-ecs';
import { bake } from '../../core/bake/index.js';
import { createStep, replaceStep, ROLLBACK_SHARE, waitForRollout, type StepResult, type StoppedTaskReason } from '../../core/deploy/index.js';
import { resolveTaskDefinition } from '../../core/ecs/task-definitions.js';
import { CancelledError, describeError } from '../../core/errors.js';
import { formatDuration, type Deadline } from '../../core/time.js';
import { deleteCanary, type CanaryDeletion } from './cleanup.js';
import type { CanaryDeps } from './deps.js';
import { waitForCanaryTargets } from './healthy.js';
import type { DeployOptions } from './options.js';
import type { CanaryPlan } from './prepare.js';
import { bindingsOf, trafficShares, type TrafficShare } from './share.js';

export interface CanaryOutcome {
  /** `started`: created, not waited for (wait-for-steady-state false). */
  status: 'succeeded' | 'started' | 'failed';
  /** The failure, first; then what happened to the canary. */
  cause?: string;
  cancelled: boolean;
  taskDefinitionArn: string;
  canaryServiceArn?: string | undefined;
  /** True once this run may have created (or deleted an earlier) canary. */
  changed: boolean;
  shares: TrafficShare[];
  /** After a failure: the deletion of the canary (absent when delete-on-failure is false or nothing was created). */
  deletion?: CanaryDeletion;
  stoppedTasks: StoppedTaskReason[];
  durationMs: number;
}

/** One deployment of the canary: what it was given, and its outcome as it is filled in. */
interface CanaryRun {
  deps: CanaryDeps;
  o: DeployOptions;
  plan: CanaryPlan;
  input: CreateServiceCommandInput;
  outcome: CanaryOutcome;
  /** The waits' deadline (the deletion of a failed canary keeps its share of the overall one). */
  deadline: Deadline;
}

interface Failed {
  message: string;
  stoppedTasks?: StoppedTaskReason[];
}

export async function deployCanary(deps: CanaryDeps, o: DeployOptions, plan: CanaryPlan, deadline: Deadline): Promise<CanaryOutcome> {
  const { log, clock } = deps;
  const startedAt = clock.now();
  throwIfCancelled(deps, 'before the task definition was registered; nothing was changed');
  const td = await log.group('Task definition', async () => {
    const resolved = await resolveTaskDefinition(deps.ecs, o.taskDefinition, { inactive: 'refuse' });
    log.info(resolved.registered ? `Registered task definition ${resolved.label} (${resolved.arn}).` : `Using task definition ${resolved.arn}: registration skipped.`);
    return resolved;
  });
  throwIfCancelled(deps, `after registering ${td.arn}; no canary was created`);
  const outcome: CanaryOutcome = { status: 'succeeded', cancelled: false, taskDefinitionArn: td.arn, changed: false, shares: [], stoppedTasks: [], durationMs: 0 };
  const failed = await runCanary({ deps, o, plan, input: plan.request(td.arn), outcome, deadline: waitDeadline(deps, o, deadline) });
  if (failed !== undefined) await fail(deps, o, outcome, failed, deadline);
  else if (outcome.status === 'succeeded') log.info(`Canary service ${o.canaryName} runs ${td.label} with ${plan.count} ${plan.count === 1 ? 'task' : 'tasks'}.`);
  outcome.durationMs = clock.now() - startedAt;
  return outcome;
}

/** Create, wait, targets, share, bake: the first failure is returned (errors too), the outcome filled as it goes. */
async function runCanary(run: CanaryRun): Promise<Failed | undefined> {
  const { deps, o, plan, input, outcome, deadline } = run;
  const seenEventIds = (plan.existing?.events ?? []).flatMap((e) => (e.id !== undefined ? [e.id] : []));
  const wait = { deadline, seenEventIds, ...(deps.signal !== undefined ? { signal: deps.signal } : {}) };
  try {
    const step: StepResult =
      plan.existing?.status === 'ACTIVE'
        ? await replaceStep(deps, input, wait)
        : await createStep(deps, input, { ...wait, draining: plan.existing?.status === 'DRAINING' });
    outcome.changed = step.change.changed;
    outcome.canaryServiceArn = step.change.service?.serviceArn;
    if (step.failure !== undefined) return { message: step.failure.message };
    const rollout = await waitForRollout(deps, step.change, {
      ...wait,
      cluster: o.cluster,
      serviceName: o.canaryName,
      taskDefinitionArn: outcome.taskDefinitionArn,
      waitForSteadyState: o.waitForSteadyState,
    });
    if (rollout.failure !== undefined) return { message: rollout.failure.message, stoppedTasks: rollout.failure.stoppedTasks };
    if (!o.waitForSteadyState) {
      outcome.status = 'started';
      return undefined;
    }
    return await watchCanary(run);
  } catch (e) {
    return { message: describeError(e) };
  }
}

/** After steady state: healthy targets, the traffic share, the bake. */
async function watchCanary({ deps, o, plan, input, outcome, deadline }: CanaryRun): Promise<Failed | undefined> {
  const bindings = bindingsOf(input.loadBalancers ?? []);
  const where = { cluster: o.cluster, canaryName: o.canaryName };
  const unhealthy = await waitForCanaryTargets(deps, where, bindings, { count: plan.count, deadline, signal: deps.signal });
  if (unhealthy !== undefined) return { message: unhealthy };
  if (bindings.length > 0) {
    outcome.shares = await deps.log.group('Traffic share of the canary', async () => {
      const shares = await trafficShares(deps, where, bindings, { signal: deps.signal });
      for (const s of shares) deps.log.info(`Target group ${s.name}: the canary serves ${s.text} of the healthy targets`);
      return shares;
    });
  }
  const baked = await bake(
    { ...deps, signal: deps.signal },
    {
      durationMs: o.bakeSeconds * 1000,
      deadline,
      cluster: o.cluster,
      serviceName: o.canaryName,
      targetGroupArns: bindings.map((b) => b.targetGroupArn),
      alarms: o.alarms,
      label: `canary service ${o.canaryName}`,
    },
  );
  return baked.ok ? undefined : { message: baked.cause };
}

/** C1: the cause first; the canary this run created deleted (within the whole deadline, ended only by the second signal). */
async function fail(deps: CanaryDeps, o: DeployOptions, outcome: CanaryOutcome, failed: Failed, deadline: Deadline): Promise<void> {
  const { log } = deps;
  outcome.status = 'failed';
  outcome.cancelled = deps.signal?.aborted === true;
  outcome.stoppedTasks = failed.stoppedTasks ?? [];
  const cause = outcome.cancelled ? `${cancelReason(deps.signal)}; ${failed.message}` : failed.message;
  log.info(`Canary failed: ${cause}`);
  if (!outcome.changed) {
    outcome.cause = `${cause}\nNo canary service was created.`;
    return;
  }
  if (!o.deleteOnFailure) {
    log.warning(`delete-on-failure is false: canary service ${o.canaryName} is left as it is; delete it with mode: delete.`);
    outcome.cause = `${cause}\ndelete-on-failure is false: canary service ${o.canaryName} was left running.`;
    return;
  }
  const deletion = await log.group(`Delete the canary service ${o.canaryName}`, () =>
    deleteCanary(deps, { cluster: o.cluster, name: o.canaryName, deadline, signal: deps.hardSignal }).catch(
      (e: unknown): CanaryDeletion => ({ status: 'failed', detail: `deleting canary service ${o.canaryName} failed: ${describeError(e)}` }),
    ),
  );
  outcome.deletion = deletion;
  outcome.cause = `${cause}\n${deletion.status === 'failed' ? 'Deleting the canary failed: ' : ''}${deletion.detail}`;
}

/** The waits' share of the deadline: all of it, or less the deletion's share when a failed canary is deleted. */
function waitDeadline(deps: CanaryDeps, o: DeployOptions, deadline: Deadline): Deadline {
  if (!o.deleteOnFailure) return deadline;
  const reserve = Math.floor(deadline.remainingMs() * ROLLBACK_SHARE);
  deps.log.info(`Waiting at most ${formatDuration(deadline.remainingMs() - reserve)}; ${formatDuration(reserve)} of timeout-minutes is kept to delete a failed canary.`);
  return deadline.keeping(reserve);
}

/** `The workflow was cancelled (SIGINT received)`: the runtime's reason for the cancel signal. */
function cancelReason(signal: AbortSignal | undefined): string {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason.message : 'The workflow was cancelled';
}

function throwIfCancelled(deps: CanaryDeps, when: string): void {
  if (deps.signal?.aborted !== true) return;
  deps.log.warning(`Cancelled ${when}.`);
  const reason: unknown = deps.signal.reason;
  throw reason instanceof Error ? reason : new CancelledError('SIGINT');
}
