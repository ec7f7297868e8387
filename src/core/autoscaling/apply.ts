/**
 * Changing an ECS service's auto scaling: remove it before an update (R3), apply it from the manifests after
 * (R2, R3), restore a snapshot of it on rollback (R6).
 *
 * Note on step scaling: a step scaling policy is triggered by a CloudWatch alarm that names the policy's ARN.
 * Deleting and re-putting a policy (as Harness does, and R3 asks) may give it a new ARN; target tracking policies
 * are not affected (Application Auto Scaling manages their alarms).
 */
import {
  DeleteScalingPolicyCommand,
  DeregisterScalableTargetCommand,
  PutScalingPolicyCommand,
  RegisterScalableTargetCommand,
  type ApplicationAutoScalingClient,
  type PutScalingPolicyCommandInput,
  type RegisterScalableTargetCommandInput,
} from '@aws-sdk/client-application-auto-scaling';
import { ConfigurationError, type ErrorLocation } from '../errors.js';
import type { Logger } from '../io/logger.js';
import { describeAutoScaling, type AutoScalingSet } from './describe.js';
import { DESIRED_COUNT_DIMENSION, ECS_NAMESPACE, ecsResourceId } from './resource.js';

export type { AutoScalingSet } from './describe.js';

/** Where the manifests came from, so a refusal names the input and file. */
export interface AutoScalingSources {
  scalableTargets?: ErrorLocation;
  scalingPolicies?: ErrorLocation;
}

/**
 * Fills in ServiceNamespace, ScalableDimension and ResourceId where the manifests leave them out, and refuses
 * (ConfigurationError, before any call) a manifest that names another service, namespace or dimension.
 * Pure: call it while validating, before the first mutating call (S3).
 */
export function bindAutoScaling(
  targets: readonly RegisterScalableTargetCommandInput[],
  policies: readonly PutScalingPolicyCommandInput[],
  cluster: string,
  service: string,
  sources: AutoScalingSources = {},
): AutoScalingSet {
  const resourceId = ecsResourceId(cluster, service);
  const scalableTargets = targets.map((t, i) =>
    bindOne(t, resourceId, where(sources.scalableTargets, i, targets.length), 'scalable target'),
  );
  const scalingPolicies = policies.map((p, i) => {
    const bound = bindOne(p, resourceId, where(sources.scalingPolicies, i, policies.length), 'scaling policy');
    if (typeof bound.PolicyName !== 'string' || bound.PolicyName === '') {
      throw new ConfigurationError('a scaling policy needs a PolicyName', field(sources.scalingPolicies, i, policies.length, 'PolicyName'));
    }
    return bound;
  });
  return { scalableTargets, scalingPolicies };
}

/**
 * Registers the scalable targets, then puts the scaling policies (a policy needs its target). Returns what was
 * applied (with the resource fields filled in).
 */
export async function applyAutoScaling(
  aas: ApplicationAutoScalingClient,
  targets: readonly RegisterScalableTargetCommandInput[],
  policies: readonly PutScalingPolicyCommandInput[],
  cluster: string,
  service: string,
  options: { log?: Logger; sources?: AutoScalingSources } = {},
): Promise<AutoScalingSet> {
  const set = bindAutoScaling(targets, policies, cluster, service, options.sources);
  await putAll(aas, set, options.log);
  return set;
}

/** Deletes every scaling policy of `set`, then deregisters its scalable targets. Already gone is fine. */
export async function removeAutoScaling(
  aas: ApplicationAutoScalingClient,
  set: AutoScalingSet,
  log?: Logger,
): Promise<void> {
  for (const p of set.scalingPolicies) {
    const done = await ignoreNotFound(
      aas.send(
        new DeleteScalingPolicyCommand({
          PolicyName: p.PolicyName,
          ServiceNamespace: p.ServiceNamespace,
          ResourceId: p.ResourceId,
          ScalableDimension: p.ScalableDimension,
        }),
      ),
    );
    log?.info(`${done ? 'Deleted' : 'Already gone:'} scaling policy ${p.PolicyName ?? ''} of ${p.ResourceId ?? ''}`);
  }
  for (const t of set.scalableTargets) {
    const done = await ignoreNotFound(
      aas.send(
        new DeregisterScalableTargetCommand({
          ServiceNamespace: t.ServiceNamespace,
          ResourceId: t.ResourceId,
          ScalableDimension: t.ScalableDimension,
        }),
      ),
    );
    log?.info(`${done ? 'Deregistered' : 'Already gone:'} scalable target ${t.ResourceId ?? ''} (${t.ScalableDimension ?? ''})`);
  }
}

/**
 * Makes the service's live auto scaling equal to the snapshot: policies that the snapshot does not have are
 * deleted (and the target deregistered when the snapshot has none), then the snapshot's targets are registered
 * and its policies put.
 */
export async function restoreAutoScaling(
  aas: ApplicationAutoScalingClient,
  snapshot: AutoScalingSet & { cluster: string; service: string },
  log?: Logger,
): Promise<void> {
  const live = await describeAutoScaling(aas, snapshot.cluster, snapshot.service);
  const keptPolicies = new Set(snapshot.scalingPolicies.map((p) => p.PolicyName));
  const extra: AutoScalingSet = {
    scalingPolicies: live.scalingPolicies.filter((p) => !keptPolicies.has(p.PolicyName)),
    scalableTargets: snapshot.scalableTargets.length === 0 ? live.scalableTargets : [],
  };
  await removeAutoScaling(aas, extra, log);
  await putAll(aas, snapshot, log);
  if (snapshot.scalableTargets.length === 0 && snapshot.scalingPolicies.length === 0) {
    log?.info(`No auto scaling to restore for ${ecsResourceId(snapshot.cluster, snapshot.service)}`);
  }
}

async function putAll(aas: ApplicationAutoScalingClient, set: AutoScalingSet, log?: Logger): Promise<void> {
  for (const t of set.scalableTargets) {
    await aas.send(new RegisterScalableTargetCommand(t));
    log?.info(
      `Registered scalable target ${t.ResourceId ?? ''} (min ${t.MinCapacity ?? '-'}, max ${t.MaxCapacity ?? '-'})`,
    );
  }
  for (const p of set.scalingPolicies) {
    await aas.send(new PutScalingPolicyCommand(p));
    log?.info(`Put scaling policy ${p.PolicyName ?? ''} (${p.PolicyType ?? 'default type'}) on ${p.ResourceId ?? ''}`);
  }
}

interface ResourceFields {
  ServiceNamespace?: string | undefined;
  ResourceId?: string | undefined;
  ScalableDimension?: string | undefined;
}

function bindOne<T extends ResourceFields>(item: T, resourceId: string, at: (f: string) => ErrorLocation, what: string): T {
  const expected: Required<{ [K in keyof ResourceFields]: string }> = {
    ServiceNamespace: ECS_NAMESPACE,
    ResourceId: resourceId,
    ScalableDimension: DESIRED_COUNT_DIMENSION,
  };
  const out = { ...item };
  for (const key of ['ServiceNamespace', 'ResourceId', 'ScalableDimension'] as const) {
    const given = item[key];
    if (given === undefined || given === null || given === '') {
      (out as ResourceFields)[key] = expected[key];
    } else if (given !== expected[key]) {
      throw new ConfigurationError(
        `this ${what} is for ${key} '${String(given)}', but this deployment's service needs '${expected[key]}'`,
        at(key),
      );
    }
  }
  return out;
}

function where(base: ErrorLocation | undefined, index: number, count: number): (f: string) => ErrorLocation {
  return (name) => field(base, index, count, name);
}

function field(base: ErrorLocation | undefined, index: number, count: number, name: string): ErrorLocation {
  const prefix = count > 1 ? `[${index}].` : '';
  return { ...base, field: `${prefix}${name}` };
}

/** True when the call succeeded, false when the object was already gone (ObjectNotFoundException). */
async function ignoreNotFound(p: Promise<unknown>): Promise<boolean> {
  try {
    await p;
    return true;
  } catch (e) {
    if (e instanceof Error && e.name === 'ObjectNotFoundException') return false;
    throw e;
  }
}
