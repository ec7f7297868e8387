/**
 * R6: putting a service's auto scaling back as the snapshot (R1) recorded it, in place: the scalable target is
 * registered again with its recorded capacities (same ARN), each recorded policy that is missing or differs is put
 * again under its name (same ARN, so its CloudWatch alarms keep triggering it), live policies the snapshot does not
 * have are deleted, recorded scheduled actions that went missing are put back — scheduled actions are never
 * deleted — and finally the target's recorded SuspendedState is restored (resumed).
 */
import { isDeepStrictEqual } from 'node:util';
import {
  DeregisterScalableTargetCommand,
  PutScheduledActionCommand,
  type ApplicationAutoScalingClient,
  type RegisterScalableTargetCommandInput,
} from '@aws-sdk/client-application-auto-scaling';
import type { Logger } from '../io/logger.js';
import { deletePolicies, ignoreNotFound, putPolicy, registerTarget } from './apply.js';
import {
  describeScalableTargets,
  describeScalingPolicies,
  describeScheduledActions,
  toPutScheduledActionInput,
  type AutoScalingSet,
  type ScheduledActionInput,
} from './describe.js';
import { ecsResourceId } from './resource.js';
import { ALL_SUSPENDED, resumeAutoScaling, targetId } from './suspension.js';

/** What a snapshot records of the auto scaling (scheduled actions: absent in snapshots older than issue 11). */
export type RecordedAutoScaling = AutoScalingSet & { cluster: string; service: string; scheduledActions?: ScheduledActionInput[] };

type Target = RegisterScalableTargetCommandInput;

const sameTarget = (a: Target, b: Target): boolean => a.ResourceId === b.ResourceId && a.ScalableDimension === b.ScalableDimension;
const capacities = (t: Target | undefined) => ({ min: t?.MinCapacity, max: t?.MaxCapacity, role: t?.RoleARN });

export async function restoreAutoScaling(aas: ApplicationAutoScalingClient, snapshot: RecordedAutoScaling, log?: Logger): Promise<void> {
  const { cluster, service } = snapshot;
  const targets = await describeScalableTargets(aas, cluster, service);
  const policies = await describeScalingPolicies(aas, cluster, service);
  // Scheduled actions are read only when they matter: to put back recorded ones, or before deregistering a target.
  const added = snapshot.scalableTargets.length === 0 ? targets : [];
  const recorded = snapshot.scheduledActions ?? [];
  const scheduled = recorded.length + added.length > 0 ? await describeScheduledActions(aas, cluster, service) : [];
  for (const t of snapshot.scalableTargets) {
    const now = targets.find((l) => sameTarget(l, t));
    // Still suspended until the policies are back; resumed last.
    if (!isDeepStrictEqual(capacities(now), capacities(t))) await registerTarget(aas, { ...t, SuspendedState: ALL_SUSPENDED }, log);
  }
  for (const p of snapshot.scalingPolicies) {
    const now = policies.find((l) => l.PolicyName === p.PolicyName);
    if (!isDeepStrictEqual(now, p)) await putPolicy(aas, p, log);
  }
  const kept = new Set(snapshot.scalingPolicies.map((p) => p.PolicyName));
  await deletePolicies(aas, policies.filter((p) => !kept.has(p.PolicyName)), log);
  await removeAddedTargets(aas, added, scheduled, log);
  await putBackScheduledActions(aas, recorded, scheduled, log);
  await resumeAutoScaling(aas, snapshot.scalableTargets, log);
  if (snapshot.scalableTargets.length === 0 && snapshot.scalingPolicies.length === 0) {
    log?.info(`No auto scaling to restore for ${ecsResourceId(snapshot.cluster, snapshot.service)}`);
  }
}

/**
 * The service had no scalable target before: one registered since (by the failed deployment's manifests) is
 * deregistered — unless scheduled actions were put on it meanwhile, which deregistering would delete.
 */
async function removeAddedTargets(
  aas: ApplicationAutoScalingClient,
  added: readonly Target[],
  scheduled: readonly ScheduledActionInput[],
  log?: Logger,
): Promise<void> {
  for (const t of added) {
    if (scheduled.some((a) => a.ResourceId === t.ResourceId && a.ScalableDimension === t.ScalableDimension)) {
      log?.warning(`Scalable target ${t.ResourceId ?? ''} is kept: it has scheduled actions, which deregistering it would delete.`);
      continue;
    }
    const done = await ignoreNotFound(aas.send(new DeregisterScalableTargetCommand(targetId(t))));
    log?.info(`${done ? 'Deregistered' : 'Already gone:'} scalable target ${t.ResourceId ?? ''} (${t.ScalableDimension ?? ''})`);
  }
}

async function putBackScheduledActions(
  aas: ApplicationAutoScalingClient,
  recorded: readonly ScheduledActionInput[],
  live: readonly ScheduledActionInput[],
  log?: Logger,
): Promise<void> {
  for (const a of recorded) {
    if (live.some((l) => l.ScheduledActionName === a.ScheduledActionName && l.ResourceId === a.ResourceId)) continue;
    await aas.send(new PutScheduledActionCommand(toPutScheduledActionInput(a)));
    log?.info(`Put back scheduled action ${a.ScheduledActionName ?? ''} of ${a.ResourceId ?? ''}`);
  }
}
