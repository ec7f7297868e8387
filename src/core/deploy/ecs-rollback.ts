/**
 * R6 when ECS rolls back by itself (circuit breaker or alarm with `rollback: true`): the action follows ECS's rollback
 * instead of racing it with an UpdateService of its own. Already COMPLETED: kept. Still IN_PROGRESS: followed to its
 * end. Either way the saved auto scaling is put back, and a desired count this run raised is brought back down.
 */
import type { Deployment, Service } from '@aws-sdk/client-ecs';
import { restoreAutoScaling } from '../autoscaling/apply.js';
import { updateService } from '../ecs/services.js';
import { familyRevision, sameTaskDefinition } from '../ecs/task-definition-refs.js';
import { describeError } from '../errors.js';
import type { RollbackDeps, RollbackOptions, RollbackResult } from './restore-snapshot.js';
import type { RollbackSnapshot } from './snapshot.js';
import { waitForDeployment } from './watch/index.js';

type Result = Omit<RollbackResult, 'durationMs'>;

/**
 * ECS's own rollback to the snapshot's revision, still rolling out: the PRIMARY deployment runs the snapshot's task
 * definition, is IN_PROGRESS, and is not the deployment that failed.
 */
export function ecsRollbackUnderway(snapshot: RollbackSnapshot, live: Service, failedDeploymentId?: string): Deployment | undefined {
  const primary = live.deployments?.find((d) => d.status === 'PRIMARY');
  if (primary?.id === undefined || primary.id === failedDeploymentId || primary.rolloutState !== 'IN_PROGRESS') return undefined;
  return sameTaskDefinition(primary.taskDefinition, snapshot.taskDefinitionArn) ? primary : undefined;
}

/** Follows ECS's rollback deployment to COMPLETED (or its failure), then restores the count and the auto scaling. */
export async function followEcsRollback(
  deps: RollbackDeps,
  snapshot: RollbackSnapshot,
  live: Service,
  rollback: Deployment & { id: string },
  options: RollbackOptions & { desiredCount: number | undefined },
): Promise<Result> {
  const revision = familyRevision(snapshot.taskDefinitionArn ?? '');
  deps.log.info(
    `ECS is already rolling service ${snapshot.service} back to ${revision} (deployment ${rollback.id}, IN_PROGRESS): ` +
      'following it instead of starting another rollback.',
  );
  const waited = await waitForDeployment(deps, {
    cluster: snapshot.cluster,
    service: snapshot.service,
    deploymentId: rollback.id,
    taskDefinitionArn: snapshot.taskDefinitionArn ?? '',
    deadline: options.deadline,
    seenEventIds: (live.events ?? []).flatMap((e) => (e.id === undefined ? [] : [e.id])),
    ...(options.signal !== undefined ? { signal: options.signal } : {}),
    ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
  });
  if (!waited.ok) {
    const detail = `ECS's rollback deployment ${rollback.id} to ${revision} did not complete (${waited.reason}): ${waited.message}`;
    return { status: waited.reason === 'cancelled' ? 'abandoned' : 'failed', detail, stoppedTasks: waited.stoppedTasks };
  }
  const scaled = await restoreCount(deps, snapshot, waited.service, options.desiredCount);
  return keepEcsRollback(deps, snapshot, rollback.id, `, followed to its end${scaled}`);
}

/** ECS's rollback keeps the desired count the failed deployment set: the count R6 chose is set back (no new deployment). */
async function restoreCount(deps: RollbackDeps, snapshot: RollbackSnapshot, now: Service, desiredCount: number | undefined): Promise<string> {
  if (desiredCount === undefined || now.desiredCount === desiredCount) return '';
  deps.log.info(`Setting the desired count of ${snapshot.service} back to ${desiredCount} (ECS's rollback kept ${now.desiredCount ?? '-'}).`);
  await updateService(deps.ecs, { cluster: snapshot.cluster, service: snapshot.service, desiredCount });
  return `, desired count set back to ${desiredCount}`;
}

/** ECS's rollback is done: no deployment of our own; the saved auto scaling is put back. */
export async function keepEcsRollback(deps: RollbackDeps, snapshot: RollbackSnapshot, deploymentId: string, followed?: string): Promise<Result> {
  const when = followed === undefined ? 'had already rolled' : 'rolled';
  const back = `ECS ${when} service ${snapshot.service} back to ${snapshot.taskDefinitionArn ?? ''} (deployment ${deploymentId}, COMPLETED)${followed ?? ''}`;
  deps.log.info(`${back}: no rollback deployment needed.`);
  try {
    await restoreAutoScaling(deps.autoscaling, snapshot, deps.log);
  } catch (e) {
    return { status: 'failed', detail: `${back}, but restoring its auto scaling failed: ${describeError(e)}`, stoppedTasks: [] };
  }
  return { status: 'succeeded', detail: `${back}; its auto scaling was restored`, stoppedTasks: [] };
}
