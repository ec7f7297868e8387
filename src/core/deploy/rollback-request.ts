/**
 * R6: what a rollback of an existing service asks of ECS — the UpdateService input (saved task definition, the
 * desired count chosen here, the settings the failed deployment changed put back, those it added where the service
 * had none removed) — and whether ECS's own rollback already got there.
 */
import type { Service, UpdateServiceCommandInput } from '@aws-sdk/client-ecs';
import { sameTaskDefinition } from '../ecs/task-definition-refs.js';
import { isDeploymentLevel, RESTORABLE_SERVICE_FIELDS, type RestorableServiceField, type RollbackSnapshot } from './snapshot.js';

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

/**
 * What UpdateService takes to remove a setting, as its API reference says (quoted): the settings a service can have
 * none of. The others — deployment and network configuration, platform version, the scalar settings — have no "none"
 * to go back to: one the service did not report before stays as the failed deployment set it, and the log says so.
 */
const REMOVED: Readonly<Partial<Record<RestorableServiceField, unknown>>> = {
  loadBalancers: [], // "You can remove existing loadBalancers by passing an empty list."
  serviceRegistries: [], // "You can remove existing serviceRegistries by passing an empty list."
  placementConstraints: [], // "To remove all existing placement constraints, specify an empty array."
  placementStrategy: [], // "To remove an existing placement strategy, specify an empty object" (of a list: the empty one)
  capacityProviderStrategy: [], // "...back to the launch type. Pass an empty list in the capacityProviderStrategy parameter."
  serviceConnectConfiguration: { enabled: false }, // enabled: "Specifies whether to use Service Connect with this service."
  volumeConfigurations: [], // "If set to null, no new deployment is triggered. Otherwise, if this configuration differs..."
};

/** How a rollback treats each setting the failed deployment's UpdateService set. */
export interface RestoredSettings {
  /** The UpdateService members that put the settings back. */
  values: Partial<Record<RestorableServiceField, unknown>>;
  /** Put back to the snapshot's value. */
  putBack: RestorableServiceField[];
  /** Removed (an empty list, Service Connect turned off): the service had none. */
  removed: RestorableServiceField[];
  /** The service had none before, and UpdateService has no way to remove them: they stay. */
  cannotRemove: RestorableServiceField[];
  /** The snapshot did not record their earlier value (a snapshot without `unsetFields`): they stay. */
  unrecorded: RestorableServiceField[];
}

export function restoredSettings(snapshot: RollbackSnapshot, changedFields: readonly string[]): RestoredSettings {
  const restored: RestoredSettings = { values: {}, putBack: [], removed: [], cannotRemove: [], unrecorded: [] };
  for (const key of RESTORABLE_SERVICE_FIELDS) {
    if (!changedFields.includes(key)) continue;
    const saved: unknown = snapshot.serviceConfig[key];
    const unset = saved === undefined && snapshot.unsetFields?.includes(key) === true;
    const value = unset ? REMOVED[key] : saved;
    if (value === undefined) {
      (unset ? restored.cannotRemove : restored.unrecorded).push(key);
      continue;
    }
    restored.values[key] = value;
    (unset || isEmptySetting(value) ? restored.removed : restored.putBack).push(key);
  }
  return restored;
}

/** The log line that says what the rollback puts back and removes, and what stays (R6). */
export function restoredSettingsNote(restored: RestoredSettings): string | undefined {
  const parts = [
    restored.putBack.length > 0 ? `Settings put back: ${restored.putBack.join(', ')}.` : '',
    restored.removed.length > 0 ? `Settings removed (the service had none): ${restored.removed.join(', ')}.` : '',
    restored.cannotRemove.length > 0
      ? `Settings left as the failed deployment set them (the service had none before, and UpdateService cannot remove them): ${restored.cannotRemove.join(', ')}.`
      : '',
    restored.unrecorded.length > 0
      ? `Settings left as the failed deployment set them (their earlier value was not recorded): ${restored.unrecorded.join(', ')}.`
      : '',
  ].filter((p) => p !== '');
  return parts.length > 0 ? parts.join(' ') : undefined;
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
  // N5: a DAEMON service has no desired count to restore; its rollback restores the task definition only.
  if (desired !== undefined && live?.schedulingStrategy !== 'DAEMON') input.desiredCount = desired;
  Object.assign(input, restoredSettings(snapshot, changedFields).values);
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
  for (const [key, value] of Object.entries(restoredSettings(snapshot, changedFields).values) as [RestorableServiceField, unknown][]) {
    const now: unknown = isDeploymentLevel(key) ? only[key] : live[key];
    // A setting ECS does not report is one the service does not have: the same as its removal.
    if (canonical(now ?? REMOVED[key]) !== canonical(value)) return undefined;
  }
  return only.id;
}

/** An empty list, or Service Connect turned off: a setting that removes what was there. */
function isEmptySetting(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && value !== null && (value as { enabled?: unknown }).enabled === false;
}

/** JSON with object keys sorted, so that equal settings compare equal whatever order ECS reports their keys in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
