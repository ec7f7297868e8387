/**
 * Changing an ECS service's auto scaling from the manifests: bind them to the service (S3, before any call), then
 * apply them after a successful rollout (R2, R3) as upserts. A scalable target or scaling policy registered again
 * under the same name is updated in place and keeps its ARN, so the CloudWatch alarms that name a step scaling
 * policy keep triggering it; the live policies the manifests no longer name are deleted; scheduled actions are never
 * touched. Suspending and resuming for the rollout: suspension.ts; putting a snapshot back (R6): restore.ts.
 */
import {
  DeleteScalingPolicyCommand,
  PutScalingPolicyCommand,
  RegisterScalableTargetCommand,
  type ApplicationAutoScalingClient,
  type PutScalingPolicyCommandInput,
  type RegisterScalableTargetCommandInput,
} from '@aws-sdk/client-application-auto-scaling';
import { ConfigurationError, type ErrorLocation } from '../errors.js';
import type { Logger } from '../io/logger.js';
import { describeScalingPolicies, type AutoScalingSet } from './describe.js';
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
 * Applies the manifests as upserts: binds them (bindAutoScaling), registers the scalable targets, puts the scaling
 * policies (a policy needs its target), then deletes the service's live policies the manifests do not name. With
 * `keepSuspended` (the target was suspended for the rollout and is resumed afterwards) the targets are registered
 * without their SuspendedState. `livePolicies`: the service's policies as already read (the snapshot's, unchanged while
 * scaling was suspended), so they are not read again. Returns what was applied (with the resource fields filled in).
 */
export async function applyAutoScaling(
  aas: ApplicationAutoScalingClient,
  targets: readonly RegisterScalableTargetCommandInput[],
  policies: readonly PutScalingPolicyCommandInput[],
  cluster: string,
  service: string,
  options: { log?: Logger; sources?: AutoScalingSources; keepSuspended?: boolean; livePolicies?: readonly PutScalingPolicyCommandInput[] } = {},
): Promise<AutoScalingSet> {
  const { log } = options;
  const set = bindAutoScaling(targets, policies, cluster, service, options.sources);
  for (const t of set.scalableTargets) {
    const { SuspendedState: _suspended, ...inPlace } = t;
    await registerTarget(aas, options.keepSuspended === true ? inPlace : t, log);
  }
  for (const p of set.scalingPolicies) await putPolicy(aas, p, log);
  const named = new Set(set.scalingPolicies.map((p) => p.PolicyName));
  const live = options.livePolicies ?? (await describeScalingPolicies(aas, cluster, service));
  await deletePolicies(aas, live.filter((p) => !named.has(p.PolicyName)), log);
  return set;
}

export async function registerTarget(aas: ApplicationAutoScalingClient, t: RegisterScalableTargetCommandInput, log?: Logger): Promise<void> {
  await aas.send(new RegisterScalableTargetCommand(t));
  log?.info(`Registered scalable target ${t.ResourceId ?? ''} (min ${t.MinCapacity ?? '-'}, max ${t.MaxCapacity ?? '-'})`);
}

export async function putPolicy(aas: ApplicationAutoScalingClient, p: PutScalingPolicyCommandInput, log?: Logger): Promise<void> {
  await aas.send(new PutScalingPolicyCommand(p));
  log?.info(`Put scaling policy ${p.PolicyName ?? ''} (${p.PolicyType ?? 'default type'}) on ${p.ResourceId ?? ''}`);
}

/** Deletes each policy; one already gone is fine. */
export async function deletePolicies(aas: ApplicationAutoScalingClient, policies: readonly PutScalingPolicyCommandInput[], log?: Logger): Promise<void> {
  for (const p of policies) {
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
    log?.info(`${done ? 'Deleted' : 'Already gone:'} scaling policy ${p.PolicyName ?? ''} of ${p.ResourceId ?? ''} (no manifest names it)`);
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
export async function ignoreNotFound(p: Promise<unknown>): Promise<boolean> {
  try {
    await p;
    return true;
  } catch (e) {
    if (e instanceof Error && e.name === 'ObjectNotFoundException') return false;
    throw e;
  }
}
