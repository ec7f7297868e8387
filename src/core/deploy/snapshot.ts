/**
 * R1: what a rollback needs, captured before the first change. JSON-serialisable, so a later job can take it
 * from an output or artifact (`serializeSnapshot` / `parseSnapshot`).
 */
import type { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling';
import type {
  PutScalingPolicyCommandInput,
  RegisterScalableTargetCommandInput,
} from '@aws-sdk/client-application-auto-scaling';
import type { Deployment, ECSClient, Service, UpdateServiceCommandInput } from '@aws-sdk/client-ecs';
import { describeAutoScaling, type ScheduledActionInput } from '../autoscaling/describe.js';
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
  /**
   * Auto scaling as RegisterScalableTarget inputs for `service/<cluster>/<service>`, dimension DesiredCount, with the
   * SuspendedState it had (the deployment suspends it for the rollout and restores this afterwards).
   */
  scalableTargets: RegisterScalableTargetCommandInput[];
  /** Scaling policies as PutScalingPolicy inputs. */
  scalingPolicies: PutScalingPolicyCommandInput[];
  /** Scheduled actions of the scalable target, as PutScheduledAction inputs (absent in snapshots from before issue 11). */
  scheduledActions?: ScheduledActionInput[];
  /** Ids of the service events that exist now: the wait prints only newer ones (S6). */
  seenEventIds: string[];
  /**
   * The live values of the settings a deployment's UpdateService may change (network, load balancers, deployment
   * configuration, Service Connect...), so a rollback can put back the ones the deployment changed. Empty for a
   * first deployment.
   */
  serviceConfig: ServiceConfig;
  /**
   * The settings the service did not have (DescribeServices reported none), so a rollback removes them when the
   * failed deployment set them. A snapshot without this list says nothing about them: nothing is removed.
   */
  unsetFields?: RestorableServiceField[];
}

/**
 * UpdateService settings that DescribeServices reports only per deployment, not on the service: the snapshot reads
 * them from the deployment of the rollback target (the PRIMARY deployment, or the one that last completed).
 */
export const DEPLOYMENT_LEVEL_FIELDS = ['serviceConnectConfiguration', 'volumeConfigurations'] as const satisfies readonly (
  | UpdatableServiceField
  | keyof Deployment
)[];
export type DeploymentLevelField = (typeof DEPLOYMENT_LEVEL_FIELDS)[number];
/** What a deployment (or a service revision) reports of the settings above. */
export type DeploymentSettings = Pick<Deployment, DeploymentLevelField>;

export type RestorableServiceField = UpdatableServiceField;

/** Service settings that UpdateService can set: a rollback puts back the ones a failed deployment changed. */
export const RESTORABLE_SERVICE_FIELDS: readonly RestorableServiceField[] = UPDATABLE_SERVICE_FIELDS;

export const isDeploymentLevel = (f: RestorableServiceField): f is DeploymentLevelField => (DEPLOYMENT_LEVEL_FIELDS as readonly string[]).includes(f);
type ServiceLevelField = Exclude<RestorableServiceField, DeploymentLevelField>;
const SERVICE_LEVEL_FIELDS: readonly ServiceLevelField[] = RESTORABLE_SERVICE_FIELDS.filter((f): f is ServiceLevelField => !isDeploymentLevel(f));
// Compile-time check: every service-level field is a field of the described Service.
const _describedByService: readonly (keyof Service)[] = SERVICE_LEVEL_FIELDS;
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
  const target = await lastCompletedRevision(clients.ecs, cluster, live);
  // The settings ECS reports per deployment are those of the deployment the rollback goes back to.
  const settingsFrom = target.from ?? live.deployments?.find((d) => d.status === 'PRIMARY');
  const serviceConfig = serviceConfigOf(live, settingsFrom);
  const snapshot: RollbackSnapshot = {
    ...base,
    exists: true,
    ...autoScaling,
    serviceConfig,
    unsetFields: RESTORABLE_SERVICE_FIELDS.filter((f) => serviceConfig[f] === undefined && (settingsFrom !== undefined || !isDeploymentLevel(f))),
  };
  if (live.serviceArn !== undefined) snapshot.serviceArn = live.serviceArn;
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
  const unset = value['unsetFields'];
  if (unset !== undefined && !(Array.isArray(unset) && unset.every((f) => typeof f === 'string'))) {
    throw new Error('rollback snapshot: unsetFields must be a list of names');
  }
  if (value['exists'] === true && typeof value['taskDefinitionArn'] !== 'string') {
    throw new Error('rollback snapshot: an existing service needs its taskDefinitionArn');
  }
  return value as unknown as RollbackSnapshot;
}

/**
 * The restorable settings of a described service, as plain JSON values: those DescribeServices reports on the
 * service, and those it reports per deployment from `deployment` (when given).
 */
export function serviceConfigOf(service: Service, deployment?: DeploymentSettings): ServiceConfig {
  const config: Record<string, unknown> = {};
  const keep = (key: RestorableServiceField, value: unknown): void => {
    if (value !== undefined && value !== null) config[key] = JSON.parse(JSON.stringify(value)) as unknown;
  };
  for (const key of SERVICE_LEVEL_FIELDS) keep(key, service[key]);
  for (const key of DEPLOYMENT_LEVEL_FIELDS) keep(key, deployment?.[key]);
  return config as ServiceConfig;
}

function eventIds(service: Service | undefined): string[] {
  return (service?.events ?? []).map((e) => e.id).filter((id): id is string => id !== undefined);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
