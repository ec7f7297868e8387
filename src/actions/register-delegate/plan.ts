/**
 * D3: what a run has to do, from the live service and its task definition compared with the wanted ones, both
 * normalised as the dry-run diff normalises them (S13, src/core/deploy diffDeployment): create the service, roll it
 * to a new revision, update its settings (a new deployment, no new revision), change only its desired count (no new
 * deployment), or nothing at all.
 */
import type { ECSClient, Service, TaskDefinition } from '@aws-sdk/client-ecs';
import { diffDeployment, type DeploymentDiff } from '../../core/deploy/index.js';
import { describeCluster } from '../../core/ecs/clusters.js';
import { describeServiceAnyStatus } from '../../core/ecs/services.js';
import { describeTaskDefinition } from '../../core/ecs/task-definitions.js';
import { ConfigurationError } from '../../core/errors.js';
import type { DelegateOptions } from './options.js';

export type ChangeKind = 'create' | 'roll' | 'settings' | 'replicas' | 'none';

export interface DelegateChange {
  kind: ChangeKind;
  /** The ACTIVE service (undefined: missing, or DRAINING / INACTIVE). */
  service: Service | undefined;
  /** The live service as ECS described it (any status), for the deployment step. */
  described: Service | undefined;
  liveTaskDefinition: TaskDefinition | undefined;
  diff: DeploymentDiff;
  /** The changed fields, without their values (the summary's "what changed": never the token). */
  changedFields: string[];
}

export async function readLive(ecs: ECSClient, o: DelegateOptions): Promise<{ described: Service | undefined; taskDefinition: TaskDefinition | undefined }> {
  const described = await describeServiceAnyStatus(ecs, o.cluster, o.serviceName);
  const arn = described?.status === 'ACTIVE' ? described.taskDefinition : undefined;
  return { described, taskDefinition: arn === undefined ? undefined : await describeTaskDefinition(ecs, arn) };
}

export function planChange(o: DelegateOptions, live: { described: Service | undefined; taskDefinition: TaskDefinition | undefined }): DelegateChange {
  const service = live.described?.status === 'ACTIVE' ? live.described : undefined;
  if (service !== undefined) refuseLaunchTypeSwitch(o, service);
  const desired = { taskDefinition: o.taskDefinition, service: o.service, desiredCount: o.replicas };
  const diff = diffDeployment({ taskDefinition: live.taskDefinition, service }, desired);
  const base = { service, described: live.described, liveTaskDefinition: live.taskDefinition, diff, changedFields: changedFields(diff) };
  if (service === undefined) return { ...base, kind: 'create' };
  if (diff.taskDefinitionChanged) return { ...base, kind: 'roll' };
  if (!diff.serviceChanged) return { ...base, kind: 'none' };
  const settings = diffDeployment({ service }, { service: o.service, desiredCount: service.desiredCount }).serviceChanged;
  return { ...base, kind: settings ? 'settings' : 'replicas' };
}

/** ECS cannot change a live service's launch type: refused before any change, with what to do instead. */
function refuseLaunchTypeSwitch(o: DelegateOptions, service: Service): void {
  if (service.launchType === undefined || service.launchType === o.launchType) return;
  throw new ConfigurationError(
    `service ${o.serviceName} runs with launch type ${service.launchType}, and the ${o.preset} delegate needs ${o.launchType}: ` +
      'ECS cannot change the launch type of a live service. Give another service-name for the new delegate (and remove the old ' +
      'service once it is connected), or keep the preset. Nothing was changed.',
    { input: 'preset' },
  );
}

/** `containerDefinitions[delegate].image`, `desiredCount`: the paths of the diff's `-` / `+` lines, once each. */
function changedFields(diff: DeploymentDiff): string[] {
  const fields = new Set<string>();
  for (const line of diff.text.split('\n')) {
    const m = /^[-+] ([^:]+):/.exec(line);
    if (m?.[1] !== undefined) fields.add(m[1]);
  }
  return [...fields];
}

/** One sentence for the log and the summary. */
export function describeChange(change: DelegateChange, o: DelegateOptions): string {
  switch (change.kind) {
    case 'create':
      return `create service ${o.serviceName} (${o.launchType}, ${o.networkMode}) with ${o.replicas} delegate(s)`;
    case 'roll':
      return `register a new revision of ${o.taskDefinition.family ?? 'the task definition'} and roll the service (${change.changedFields.join(', ')})`;
    case 'settings':
      return `update the service's settings (${change.changedFields.join(', ')}): a new deployment of the same revision`;
    case 'replicas':
      return `change the desired count from ${change.service?.desiredCount ?? '?'} to ${o.replicas} (no new revision, no new deployment)`;
    case 'none':
      return 'nothing: the delegate is up to date';
    default:
      throw new Error(`BUG: no description for ${String(change.kind satisfies never)}`);
  }
}

/**
 * An EC2 delegate needs container instances: when the service is to be created on a cluster that has none, the
 * warning that says so (its tasks would wait unplaced until instances join). Undefined otherwise.
 */
export async function capacityWarning(ecs: ECSClient, o: DelegateOptions, change: DelegateChange): Promise<string | undefined> {
  if (change.kind !== 'create' || o.launchType !== 'EC2') return undefined;
  const cluster = await describeCluster(ecs, o.cluster);
  if (cluster === undefined || (cluster.registeredContainerInstancesCount ?? 0) > 0) return undefined;
  return (
    `cluster ${o.cluster} has no registered container instance: the EC2 delegate tasks cannot start until EC2 instances ` +
    `running the ECS agent join it (ECS_CLUSTER=${cluster.clusterName ?? o.cluster}); Harness asks for 8 GB of memory per delegate`
  );
}
