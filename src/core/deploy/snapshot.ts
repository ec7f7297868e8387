/**
 * R1: what a rollback needs, captured before the first change. JSON-serialisable, so a later job can take it
 * from an output or artifact (`serializeSnapshot` / `parseSnapshot`).
 */
import type { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling';
import type {
  PutScalingPolicyCommandInput,
  RegisterScalableTargetCommandInput,
} from '@aws-sdk/client-application-auto-scaling';
import type { ECSClient, Service, UpdateServiceCommandInput } from '@aws-sdk/client-ecs';
import { describeAutoScaling } from '../autoscaling/describe.js';
import { describeServiceAnyStatus } from '../ecs/services.js';
import { lastCompletedRevision } from './completed-revision.js';
import { UPDATABLE_SERVICE_FIELDS, type UpdatableServiceField } from './service-request.js';

export interface RollbackSnapshot {
  /** Format version of this object. */
  version: 1;
  cluster: string;
  service: string;
  /** True when the service was ACTIVE; false means this is its first deployment (missing or INACTIVE). */
  exists: boolean;
  /** True when a service of that name is DRAINING (it must become INACTIVE before it can be created again). */
  draining: boolean;
  serviceArn?: string;
  /** The task definition of the service's last deployment that COMPLETED (the rollback target) when it exists. */
  taskDefinitionArn?: string;
  /** Why taskDefinitionArn is not the PRIMARY deployment's, when it is not (logged). */
  targetNote?: string;
  desiredCount?: number;
  /** Auto scaling as RegisterScalableTarget inputs for `service/<cluster>/<service>`, dimension DesiredCount. */
  scalableTargets: RegisterScalableTargetCommandInput[];
  /** Scaling policies as PutScalingPolicy inputs. */
  scalingPolicies: PutScalingPolicyCommandInput[];
  /** Ids of the service events that exist now: the wait prints only newer ones (S6). */
  seenEventIds: string[];
  /**
   * The live values of the settings a deployment's UpdateService may change (network, load balancers, deployment
   * configuration...), so a rollback can put back the ones the deployment changed. Empty for a first deployment.
   */
  serviceConfig: ServiceConfig;
}

/**
 * UpdateService settings that DescribeServices reports only per deployment, not on the service, so the snapshot
 * cannot save them and a rollback does not restore them.
 */
const DEPLOYMENT_LEVEL_FIELDS: readonly string[] = ['serviceConnectConfiguration', 'volumeConfigurations'];

export type RestorableServiceField = Exclude<UpdatableServiceField, 'serviceConnectConfiguration' | 'volumeConfigurations'>;

/** Service settings that UpdateService can set and DescribeServices reports: the updatable ones less the above. */
export const RESTORABLE_SERVICE_FIELDS: readonly RestorableServiceField[] = UPDATABLE_SERVICE_FIELDS.filter(
  (f): f is RestorableServiceField => !DEPLOYMENT_LEVEL_FIELDS.includes(f),
);
// Compile-time check: every restorable field is a field of the described Service.
const _describedByService: readonly (keyof Service)[] = RESTORABLE_SERVICE_FIELDS;
void _describedByService;
export type ServiceConfig = Partial<Pick<UpdateServiceCommandInput, RestorableServiceField>>;

export interface SnapshotClients {
  ecs: ECSClient;
  autoscaling: ApplicationAutoScalingClient;
}

/** Describes the service (and, when it is ACTIVE, its auto scaling) and records what a rollback needs. */
export async function takeSnapshot(clients: SnapshotClients, cluster: string, service: string): Promise<RollbackSnapshot> {
  return snapshotOf(clients, cluster, service, await describeServiceAnyStatus(clients.ecs, cluster, service));
}

/** The snapshot of a service already described as `live` (undefined: MISSING); reads its auto scaling when ACTIVE. */
export async function snapshotOf(
  clients: SnapshotClients,
  cluster: string,
  service: string,
  live: Service | undefined,
): Promise<RollbackSnapshot> {
  const base: RollbackSnapshot = {
    version: 1,
    cluster,
    service,
    exists: false,
    draining: live?.status === 'DRAINING',
    scalableTargets: [],
    scalingPolicies: [],
    seenEventIds: eventIds(live),
    serviceConfig: {},
  };
  if (live === undefined || live.status !== 'ACTIVE') return base;
  const autoScaling = await describeAutoScaling(clients.autoscaling, cluster, service);
  const snapshot: RollbackSnapshot = { ...base, exists: true, ...autoScaling, serviceConfig: serviceConfigOf(live) };
  if (live.serviceArn !== undefined) snapshot.serviceArn = live.serviceArn;
  const target = await lastCompletedRevision(clients.ecs, cluster, live);
  if (target.taskDefinitionArn !== undefined) snapshot.taskDefinitionArn = target.taskDefinitionArn;
  if (target.note !== undefined) snapshot.targetNote = target.note;
  if (live.desiredCount !== undefined) snapshot.desiredCount = live.desiredCount;
  return snapshot;
}

export function serializeSnapshot(snapshot: RollbackSnapshot): string {
  return JSON.stringify(snapshot);
}

/** Reads a snapshot written by `serializeSnapshot`; throws when the text is not one. */
export function parseSnapshot(text: string): RollbackSnapshot {
  const value: unknown = JSON.parse(text);
  if (!isRecord(value) || value['version'] !== 1) throw new Error('not a rollback snapshot (version 1)');
  for (const key of ['cluster', 'service'] as const) {
    if (typeof value[key] !== 'string') throw new Error(`rollback snapshot: ${key} must be a string`);
  }
  for (const key of ['exists', 'draining'] as const) {
    if (typeof value[key] !== 'boolean') throw new Error(`rollback snapshot: ${key} must be a boolean`);
  }
  for (const key of ['scalableTargets', 'scalingPolicies', 'seenEventIds'] as const) {
    if (!Array.isArray(value[key])) throw new Error(`rollback snapshot: ${key} must be a list`);
  }
  if (!isRecord(value['serviceConfig'])) throw new Error('rollback snapshot: serviceConfig must be an object');
  if (value['exists'] === true && typeof value['taskDefinitionArn'] !== 'string') {
    throw new Error('rollback snapshot: an existing service needs its taskDefinitionArn');
  }
  return value as unknown as RollbackSnapshot;
}

/** The restorable settings of a described service, as plain JSON values. */
export function serviceConfigOf(service: Service): ServiceConfig {
  const config: Record<string, unknown> = {};
  for (const key of RESTORABLE_SERVICE_FIELDS) {
    const value = service[key];
    if (value !== undefined && value !== null) config[key] = JSON.parse(JSON.stringify(value)) as unknown;
  }
  return config as ServiceConfig;
}

function eventIds(service: Service | undefined): string[] {
  return (service?.events ?? []).map((e) => e.id).filter((id): id is string => id !== undefined);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
