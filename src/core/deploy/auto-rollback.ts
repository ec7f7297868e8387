/**
 * R6, the automatic rollback after a failed deployment: undo what the deployment did (deployRolling's
 * DeploymentDone). The service is rolled back to the snapshot when it was changed (and no newer deployment replaced
 * ours); when only its auto scaling was removed, that is put back. With rollback-on-failure off, the log says what
 * is left as the failure made it. (The manual rollback, `mode: rollback`, is manual-rollback.ts.)
 */
import { restoreAutoScaling } from '../autoscaling/apply.js';
import { describeService } from '../ecs/services.js';
import { sameTaskDefinition } from '../ecs/task-definition-refs.js';
import { describeError } from '../errors.js';
import type { Failure, Outcome } from './outcome.js';
import { rollbackToSnapshot, type RollbackDeps, type RollbackResult } from './restore-snapshot.js';
import { markRolledBackFrom } from './rollback-marks.js';
import type { DeploymentDone } from './rolling.js';
import type { RollingDeps, RollingPlan } from './rolling-plan.js';
import type { RollbackSnapshot } from './snapshot.js';

export async function rollBackFailedDeployment(
  deps: RollingDeps,
  plan: RollingPlan,
  snapshot: RollbackSnapshot,
  done: DeploymentDone,
  failure: Failure,
  outcome: Outcome,
): Promise<void> {
  const { log } = deps;
  outcome.failureReason = failure.reason;
  outcome.cause = failure.message;
  outcome.stoppedTasks = failure.stoppedTasks;
  // Logged in place, not as an error annotation: the caller fails the step with the cause, which annotates it once.
  log.info(`Deployment failed: ${failure.message}`);
  const changed = done.step.change.changed;
  if (!plan.rollbackOnFailure) {
    const ecs = failure.reason === 'circuit-breaker' ? await ecsRollbackState(deps, plan) : undefined;
    if (ecs !== undefined) outcome.ecsRollback = ecs;
    return leaveAsFailed(deps, plan, snapshot, done);
  }
  if (failure.reason === 'replaced') {
    log.warning('A newer deployment replaced this one: the service is not rolled back (that would undo the newer deployment).');
  }
  const serviceRollback = changed && failure.reason !== 'replaced';
  if (!serviceRollback && !done.autoScalingRemoved) return;
  const started = deps.clock.now();
  const result = await log.group('Rollback', async () => {
    if (!serviceRollback) return restoreAutoScalingOnly(deps, snapshot);
    // What is left of the run's deadline: at least the share the deployment's wait kept for the rollback.
    return rollbackToSnapshot(deps, snapshot, {
      deadline: plan.deadline,
      signal: deps.hardSignal,
      changedFields: done.step.change.changedFields,
      desiredCountSet: done.step.change.desiredCount,
      failedDeploymentId: done.rollout.deploymentId,
      pollIntervalMs: plan.pollIntervalMs,
      seenEventIds: eventIdsOf(done),
    });
  });
  outcome.timings.rollbackMs = deps.clock.now() - started;
  outcome.rollback = { status: result.status, detail: result.detail };
  outcome.rolledBack = result.status === 'succeeded';
  outcome.stoppedTasks = [...failure.stoppedTasks, ...result.stoppedTasks];
  if (result.status !== 'succeeded') outcome.cause = `${failure.message}\nRollback ${result.status}: ${result.detail}`;
  else if (serviceRollback && snapshot.exists) await markMovedAway(deps, outcome.taskDefinitionArn, snapshot);
}

/** R7: the revision a rollback moved the service away from is never chosen by a later automatic rollback. */
async function markMovedAway(deps: RollingDeps, failed: string, snapshot: RollbackSnapshot): Promise<void> {
  if (sameTaskDefinition(failed, snapshot.taskDefinitionArn)) return;
  await markRolledBackFrom(deps, failed, snapshot.service);
}

/** R8: what ECS's own rollback shows now, read from the service (never assumed): rolledBack only once it completed. */
async function ecsRollbackState(deps: RollingDeps, plan: RollingPlan): Promise<Outcome['ecsRollback']> {
  const live = await describeService(deps.ecs, plan.cluster, plan.serviceName).catch(() => undefined);
  const primary = live?.deployments?.find((d) => d.status === 'PRIMARY');
  if (primary === undefined) return undefined;
  return { taskDefinitionArn: primary.taskDefinition, deploymentId: primary.id, completed: primary.rolloutState === 'COMPLETED' };
}

/** rollback-on-failure false: the service stays as the failure left it; only this action's own preparation is undone. */
async function leaveAsFailed(deps: RollingDeps, plan: RollingPlan, snapshot: RollbackSnapshot, done: DeploymentDone): Promise<void> {
  const { log } = deps;
  const changed = done.step.change.changed;
  if (!changed && done.autoScalingRemoved) {
    // The service itself was never changed: only this action's preparation (R3) removed its auto scaling, so
    // putting that back is not a rollback of the deployment, and leaving it off would leave the service unscaled.
    await log.group('Restore auto scaling', async () => {
      log.info(`Service ${plan.serviceName} was not changed; putting back the auto scaling removed before the update.`);
      try {
        await restoreAutoScaling(deps.autoscaling, snapshot, log);
      } catch (e) {
        log.warning(`Restoring the auto scaling of service ${plan.serviceName} failed: ${describeError(e)}`);
      }
    });
    return;
  }
  const left = done.autoScalingRemoved ? ' Its auto scaling was removed and is not restored.' : '';
  if (changed) log.warning(`rollback-on-failure is false: service ${plan.serviceName} is left as the failed deployment made it.${left}`);
}

/** The events of the service as the deployment's wait last saw them (it printed those). */
function eventIdsOf(done: DeploymentDone): string[] {
  const service = done.rollout.service ?? done.step.change.service;
  return (service?.events ?? []).flatMap((e) => (e.id === undefined ? [] : [e.id]));
}

/** When the service itself was not changed (UpdateService failed, or a newer deployment replaced ours). */
export async function restoreAutoScalingOnly(
  deps: Pick<RollbackDeps, 'autoscaling' | 'log'>,
  snapshot: RollbackSnapshot,
): Promise<Omit<RollbackResult, 'durationMs'>> {
  deps.log.info('Rolling Back..');
  deps.log.info(`Service ${snapshot.service} was not changed; restoring its auto scaling.`);
  try {
    await restoreAutoScaling(deps.autoscaling, snapshot, deps.log);
    deps.log.info('Rollback Successful.');
    return { status: 'succeeded', detail: `service ${snapshot.service} was not changed; its auto scaling was restored`, stoppedTasks: [] };
  } catch (e) {
    deps.log.error(`Rollback Failed. ${describeError(e)}`);
    return { status: 'failed', detail: `restoring the auto scaling failed: ${describeError(e)}`, stoppedTasks: [] };
  }
}
