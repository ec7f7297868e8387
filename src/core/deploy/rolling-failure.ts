/**
 * R6 for deployRolling: after a failure, undo what the deployment did. The service is rolled back to the snapshot
 * when it was changed (and no newer deployment replaced ours); when only its auto scaling was removed, that is put
 * back. With rollback-on-failure off, the log says what is left as the failure made it.
 */
import { restoreAutoScaling } from '../autoscaling/apply.js';
import { describeError } from '../errors.js';
import { Deadline } from '../time.js';
import type { Failure, Outcome, Progress } from './outcome.js';
import { restoreAutoScalingOnly, rollbackToSnapshot } from './rollback.js';
import { MIN_ROLLBACK_TIMEOUT_MS, watchOf, type RollingDeps, type RollingPlan } from './rolling-plan.js';
import type { RollbackSnapshot } from './snapshot.js';

export async function handleFailure(
  deps: RollingDeps,
  plan: RollingPlan,
  snapshot: RollbackSnapshot,
  progress: Progress,
  failure: Failure,
  outcome: Outcome,
): Promise<void> {
  const { log } = deps;
  outcome.failureReason = failure.reason;
  outcome.cause = failure.message;
  // Logged in place, not as an error annotation: the caller fails the step with the cause, which annotates it once.
  log.info(`Deployment failed: ${failure.message}`);
  const serviceRollback = progress.serviceChanged && failure.reason !== 'replaced';
  if (!plan.rollbackOnFailure) {
    if (!progress.serviceChanged && progress.autoScalingRemoved) {
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
    const left = progress.autoScalingRemoved ? ' Its auto scaling was removed and is not restored.' : '';
    if (progress.serviceChanged) {
      log.warning(`rollback-on-failure is false: service ${plan.serviceName} is left as the failed deployment made it.${left}`);
    }
    return;
  }
  if (failure.reason === 'replaced') {
    log.warning('A newer deployment replaced this one: the service is not rolled back (that would undo the newer deployment).');
  }
  if (!serviceRollback && !progress.autoScalingRemoved) return;
  const started = deps.clock.now();
  const result = await log.group('Rollback', async () => {
    if (serviceRollback) {
      const remaining = plan.deadline.remainingMs();
      const timeout = plan.rollbackTimeoutMs ?? Math.max(remaining, MIN_ROLLBACK_TIMEOUT_MS);
      return rollbackToSnapshot({ ...deps, watch: watchOf(deps) }, snapshot, {
        deadline: new Deadline(deps.clock, timeout),
        signal: deps.hardSignal,
        changedFields: progress.changedFields,
        pollIntervalMs: plan.pollIntervalMs,
        seenEventIds: eventIdsOf(progress),
      });
    }
    return restoreAutoScalingOnly(deps, snapshot);
  });
  outcome.timings.rollbackMs = deps.clock.now() - started;
  outcome.rollback = { status: result.status, detail: result.detail };
  outcome.rolledBack = result.status === 'succeeded';
  outcome.stoppedTasks = [...failure.stoppedTasks, ...result.stoppedTasks];
  if (result.status !== 'succeeded') outcome.cause = `${failure.message}\nRollback ${result.status}: ${result.detail}`;
}

/** The events of the service as the deployment's wait last saw them (it printed those). */
function eventIdsOf(progress: Progress): string[] {
  return (progress.service?.events ?? []).flatMap((e) => (e.id === undefined ? [] : [e.id]));
}
