/**
 * R6: what a rollback of an existing service asks of ECS — the UpdateService input (saved task definition, the
 * desired count chosen here, the settings the failed deployment changed) — and whether ECS's own rollback already
 * got there.
 */
import type { Service, UpdateServiceCommandInput } from '@aws-sdk/client-ecs';
import { sameTaskDefinition } from '../ecs/task-definition-refs.js';
import { RESTORABLE_SERVICE_FIELDS, serviceConfigOf, type RestorableServiceField, type RollbackSnapshot } from './snapshot.js';

/** The desired count a rollback asks for, and the sentence that says why. */
export interface DesiredCountChoice {
  count: number | undefined;
  why: string;
}

/**
 * R6: the saved desired count comes back when this run changed it and nobody changed it since; a count changed
 * meanwhile (auto scaling, a person) is kept. When this run did not set a count, the live one is kept, never below
 * the saved one.
 */
export function rollbackDesiredCount(snapshot: RollbackSnapshot, live: Service | undefined, desiredCountSet?: number): DesiredCountChoice {
  const saved = snapshot.desiredCount;
  const now = live?.desiredCount;
  if (desiredCountSet !== undefined && saved !== undefined) {
    if (now === undefined || now === desiredCountSet) {
      return { count: saved, why: `desired count ${saved} restored (this deployment had set it to ${desiredCountSet})` };
    }
    return { count: now, why: `desired count ${now} kept: it was changed from ${desiredCountSet} (set by this deployment) since, e.g. by auto scaling` };
  }
  if (saved === undefined && now === undefined) return { count: undefined, why: 'desired count unchanged' };
  const count = Math.max(saved ?? 0, now ?? 0);
  return { count, why: `desired count ${count} kept (this deployment did not change it)` };
}

/** The UpdateService input that puts an existing service back to the snapshot. */
export function rollbackUpdateInput(
  snapshot: RollbackSnapshot,
  live: Service | undefined,
  changedFields: readonly string[] = [],
  desiredCountSet?: number,
): UpdateServiceCommandInput {
  if (snapshot.taskDefinitionArn === undefined) throw new Error('the rollback snapshot has no task definition');
  const input: UpdateServiceCommandInput = {
    cluster: snapshot.cluster,
    service: snapshot.service,
    taskDefinition: snapshot.taskDefinitionArn,
    forceNewDeployment: true,
  };
  const desired = rollbackDesiredCount(snapshot, live, desiredCountSet).count;
  if (desired !== undefined) input.desiredCount = desired;
  const target = input as unknown as Record<string, unknown>;
  for (const key of RESTORABLE_SERVICE_FIELDS) {
    const saved = snapshot.serviceConfig[key as RestorableServiceField];
    if (changedFields.includes(key) && saved !== undefined) target[key] = saved;
  }
  return input;
}

/**
 * The id of the service's only deployment when ECS itself (the circuit breaker or an alarm) has already put the
 * service back on the snapshot's task definition, rolled out, with the desired count the rollback wants and the
 * changed settings as they were: then a rollback deployment of our own would only repeat it.
 */
export function settledOnSnapshot(
  snapshot: RollbackSnapshot,
  live: Service,
  changedFields: readonly string[],
  desiredCount: number | undefined,
): string | undefined {
  const deployments = live.deployments ?? [];
  const only = deployments.length === 1 ? deployments[0] : undefined;
  if (only?.status !== 'PRIMARY' || only.rolloutState !== 'COMPLETED' || only.id === undefined) return undefined;
  if (!sameTaskDefinition(only.taskDefinition, snapshot.taskDefinitionArn)) return undefined;
  if (desiredCount !== undefined && live.desiredCount !== desiredCount) return undefined;
  const now = serviceConfigOf(live);
  for (const key of RESTORABLE_SERVICE_FIELDS) {
    if (!changedFields.includes(key) || snapshot.serviceConfig[key] === undefined) continue;
    if (JSON.stringify(now[key]) !== JSON.stringify(snapshot.serviceConfig[key])) return undefined;
  }
  return only.id;
}
