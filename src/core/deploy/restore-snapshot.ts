/**
 * R6: putting a service back as the snapshot (R1) found it; used by the automatic rollback (auto-rollback.ts) and
 * by a failed manual rollback. For an existing service: UpdateService to the saved
 * task definition with the desired count rollbackDesiredCount chooses and forceNewDeployment, the settings the deployment changed
 * put back, the saved auto scaling restored, then the rollback deployment waited on. For a first deployment: the
 * service is deleted (force) and waited INACTIVE.
 *
 * When ECS's own rollback (circuit breaker, alarms) has already settled the service on the saved task definition,
 * no second deployment is made; only the auto scaling is restored.
 *
 * Auto scaling is restored before the wait (the order of R6): when a cancellation abandons the wait, nothing but
 * the rollback deployment's progress is left behind.
 */
import type { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling';
import type { ECSClient, UpdateServiceCommandInput } from '@aws-sdk/client-ecs';
import { restoreAutoScaling } from '../autoscaling/apply.js';
import { describeServiceAnyStatus, updateService } from '../ecs/services.js';
import { describeError } from '../errors.js';
import type { Logger } from '../io/logger.js';
import type { Clock, Deadline, Sleep } from '../time.js';
import type { RollbackSnapshot } from './snapshot.js';
import { ecsRollbackUnderway, followEcsRollback, keepEcsRollback } from './ecs-rollback.js';
import { deleteFirstDeployment } from './first-deployment-undo.js';
import { rollbackDesiredCount, rollbackUpdateInput, settledOnSnapshot } from './rollback-request.js';
import { primaryDeploymentId } from './rollout.js';
import { waitForDeployment, type StoppedTaskReason, type WatchResult } from './watch/index.js';

export interface RollbackDeps {
  ecs: ECSClient;
  autoscaling: ApplicationAutoScalingClient;
  clock: Clock;
  sleep: Sleep;
  log: Logger;
}

export interface RollbackOptions {
  deadline: Deadline;
  /** Aborting it abandons the wait (S10's second signal); what was left behind is logged and returned. */
  signal?: AbortSignal | undefined;
  /** The settings the failed deployment's UpdateService set: these are put back from the snapshot. */
  changedFields?: readonly string[];
  /** The desired count the failed deployment's UpdateService set, if it set one (R6: put back unless changed since). */
  desiredCountSet?: number | undefined;
  /** The failed deployment: never taken for ECS's own rollback. */
  failedDeploymentId?: string | undefined;
  pollIntervalMs?: number | undefined;
  /**
   * Ids of the service events the failed deployment's wait already printed: the wait for a deleted first
   * deployment to become INACTIVE does not print them again (S6).
   */
  seenEventIds?: Iterable<string> | undefined;
}

export interface RollbackResult {
  status: 'succeeded' | 'failed' | 'abandoned';
  detail: string;
  stoppedTasks: StoppedTaskReason[];
  durationMs: number;
}

/** Rolls the service back to the snapshot. Logs `Rolling Back..` and `Rollback Successful.` / `Rollback Failed.` */
export async function rollbackToSnapshot(
  deps: RollbackDeps,
  snapshot: RollbackSnapshot,
  options: RollbackOptions,
): Promise<RollbackResult> {
  const started = deps.clock.now();
  deps.log.info('Rolling Back..');
  let result: Omit<RollbackResult, 'durationMs'>;
  try {
    result = snapshot.exists
      ? await restoreService(deps, snapshot, options)
      : await deleteFirstDeployment(deps, snapshot, options);
  } catch (e) {
    result = { status: 'failed', detail: describeError(e), stoppedTasks: [] };
  }
  if (result.status === 'succeeded') deps.log.info('Rollback Successful.');
  else if (result.status === 'failed') deps.log.error(`Rollback Failed. ${result.detail}`);
  else deps.log.warning(`Rollback abandoned: ${result.detail}`);
  return { ...result, durationMs: deps.clock.now() - started };
}

async function restoreService(
  deps: RollbackDeps,
  snapshot: RollbackSnapshot,
  options: RollbackOptions,
): Promise<Omit<RollbackResult, 'durationMs'>> {
  const live = await describeServiceAnyStatus(deps.ecs, snapshot.cluster, snapshot.service);
  if (live === undefined || live.status !== 'ACTIVE') {
    return {
      status: 'failed',
      detail: `service ${snapshot.service} is no longer ACTIVE (${live?.status ?? 'missing'}); nothing to roll back to`,
      stoppedTasks: [],
    };
  }
  const desired = rollbackDesiredCount(snapshot, live, options.desiredCountSet);
  const settled = settledOnSnapshot(snapshot, live, options.changedFields ?? [], desired.count);
  if (settled !== undefined) return keepEcsRollback(deps, snapshot, settled);
  const underway = ecsRollbackUnderway(snapshot, live, options.failedDeploymentId);
  if (underway?.id !== undefined) return followEcsRollback(deps, snapshot, live, { ...underway, id: underway.id }, { ...options, desiredCount: desired.count });
  const input = rollbackUpdateInput(snapshot, live, options.changedFields, options.desiredCountSet);
  deps.log.info(
    `Updating service ${snapshot.service} back to ${input.taskDefinition ?? ''} with desired count ` +
      `${input.desiredCount ?? 'unchanged'} (${desired.why})`,
  );
  const deploymentId = primaryDeploymentId(await updateService(deps.ecs, input));
  const autoScalingProblem = await restoreAutoScalingReporting(deps, snapshot);
  const autoScalingNote = autoScalingProblem === undefined ? 'Its auto scaling was restored.' : `But ${autoScalingProblem}.`;
  if (deploymentId === undefined) {
    return { status: 'failed', detail: `UpdateService returned no PRIMARY deployment to follow. ${autoScalingNote}`, stoppedTasks: [] };
  }
  deps.log.info(`Waiting for rollback deployment ${deploymentId} to reach steady state`);
  const waited = await waitForDeployment(deps, {
    cluster: snapshot.cluster,
    service: snapshot.service,
    deploymentId,
    taskDefinitionArn: snapshot.taskDefinitionArn ?? '',
    deadline: options.deadline,
    seenEventIds: (live.events ?? []).flatMap((e) => (e.id === undefined ? [] : [e.id])),
    ...(options.signal !== undefined ? { signal: options.signal } : {}),
    ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
  });
  return restoreResult(snapshot, deploymentId, input, waited, autoScalingProblem);
}

/** The restore of the saved auto scaling; a problem is logged and returned, never thrown. */
async function restoreAutoScalingReporting(deps: RollbackDeps, snapshot: RollbackSnapshot): Promise<string | undefined> {
  try {
    await restoreAutoScaling(deps.autoscaling, snapshot, deps.log);
    return undefined;
  } catch (e) {
    deps.log.error(`Restoring the auto scaling of ${snapshot.service} failed: ${describeError(e)}`);
    return `restoring its auto scaling failed: ${describeError(e)}`;
  }
}

function restoreResult(
  snapshot: RollbackSnapshot,
  deploymentId: string,
  input: UpdateServiceCommandInput,
  waited: WatchResult,
  autoScalingProblem: string | undefined,
): Omit<RollbackResult, 'durationMs'> {
  const autoScalingNote = autoScalingProblem === undefined ? 'Its auto scaling was restored.' : `But ${autoScalingProblem}.`;
  if (waited.ok) {
    const runs = `service ${snapshot.service} runs ${snapshot.taskDefinitionArn ?? ''} again (deployment ${deploymentId})`;
    return autoScalingProblem === undefined
      ? { status: 'succeeded', detail: runs, stoppedTasks: [] }
      : { status: 'failed', detail: `${runs}, but ${autoScalingProblem}`, stoppedTasks: [] };
  }
  if (waited.reason === 'cancelled') {
    return {
      status: 'abandoned',
      detail:
        `stopped waiting for the rollback deployment ${deploymentId} of service ${snapshot.service} to ` +
        `${snapshot.taskDefinitionArn ?? ''} (desired count ${input.desiredCount ?? 'unchanged'}); ECS goes on ` +
        `with it. ${autoScalingNote}`,
      stoppedTasks: waited.stoppedTasks,
    };
  }
  return {
    status: 'failed',
    detail: `rollback deployment ${deploymentId} did not reach steady state (${waited.reason}): ${waited.message}. ${autoScalingNote}`,
    stoppedTasks: waited.stoppedTasks,
  };
}
