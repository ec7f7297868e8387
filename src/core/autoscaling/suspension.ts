/**
 * R3: suspending a service's auto scaling for a rollout and resuming it afterwards, through the scalable target's
 * `SuspendedState` (RegisterScalableTarget on the existing target: its min, max, policies and scheduled actions stay
 * as they are). Suspended dynamic scaling does not change the desired count while ECS rolls out; nothing is deleted,
 * so step scaling policies keep the ARNs their CloudWatch alarms name and scheduled actions are kept.
 */
import {
  RegisterScalableTargetCommand,
  type ApplicationAutoScalingClient,
  type RegisterScalableTargetCommandInput,
  type SuspendedState,
} from '@aws-sdk/client-application-auto-scaling';
import type { Logger } from '../io/logger.js';

export const ALL_SUSPENDED: Required<SuspendedState> = {
  DynamicScalingInSuspended: true,
  DynamicScalingOutSuspended: true,
  ScheduledScalingSuspended: true,
};

const NONE_SUSPENDED: Required<SuspendedState> = {
  DynamicScalingInSuspended: false,
  DynamicScalingOutSuspended: false,
  ScheduledScalingSuspended: false,
};

type Target = RegisterScalableTargetCommandInput;

/** The fields that name a scalable target. */
export function targetId(t: Target): Pick<Target, 'ServiceNamespace' | 'ResourceId' | 'ScalableDimension'> {
  return { ServiceNamespace: t.ServiceNamespace, ResourceId: t.ResourceId, ScalableDimension: t.ScalableDimension };
}

/** `state` with every flag set: a flag it leaves out is `base`'s (by default false, as on a newly registered target). */
function complete(state: SuspendedState | undefined, base: Required<SuspendedState> = NONE_SUSPENDED): Required<SuspendedState> {
  const out = { ...base };
  for (const key of Object.keys(NONE_SUSPENDED) as (keyof SuspendedState)[]) {
    const flag = state?.[key];
    if (typeof flag === 'boolean') out[key] = flag;
  }
  return out;
}

function describeState(state: Required<SuspendedState>): string {
  const on = (Object.keys(state) as (keyof SuspendedState)[]).filter((k) => state[k]).map((k) => k.replace(/Suspended$/, ''));
  return on.length === 0 ? 'nothing suspended' : `still suspended as before: ${on.join(', ')}`;
}

/**
 * Suspends dynamic scale-in, scale-out and scheduled scaling on each of `targets` (the live ones, as the snapshot
 * recorded them). A target that was already fully suspended is warned about: it stays suspended afterwards.
 */
export async function suspendAutoScaling(aas: ApplicationAutoScalingClient, targets: readonly Target[], log?: Logger): Promise<void> {
  for (const t of targets) {
    const before = complete(t.SuspendedState);
    if (before.DynamicScalingInSuspended && before.DynamicScalingOutSuspended && before.ScheduledScalingSuspended) {
      log?.warning(
        `The auto scaling of ${t.ResourceId ?? ''} was already suspended when this deployment started (by hand, or by ` +
          'another deployment still running): it is left suspended afterwards.',
      );
    }
    await aas.send(new RegisterScalableTargetCommand({ ...targetId(t), SuspendedState: ALL_SUSPENDED }));
    log?.info(`Suspended the auto scaling of ${t.ResourceId ?? ''} for the rollout (dynamic scale-in and scale-out, scheduled scaling)`);
  }
}

/**
 * Resumes each of `recorded` (the targets as the snapshot recorded them): its SuspendedState is set back to the
 * recorded one, with the flags a manifest for the same target gives taking precedence.
 */
export async function resumeAutoScaling(
  aas: ApplicationAutoScalingClient,
  recorded: readonly Target[],
  log?: Logger,
  manifests: readonly Target[] = [],
): Promise<void> {
  for (const t of recorded) {
    const given = manifests.find((m) => m.ResourceId === t.ResourceId && m.ScalableDimension === t.ScalableDimension)?.SuspendedState;
    const state = complete(given, complete(t.SuspendedState));
    await aas.send(new RegisterScalableTargetCommand({ ...targetId(t), SuspendedState: state }));
    log?.info(`Resumed the auto scaling of ${t.ResourceId ?? ''} (${describeState(state)})`);
  }
}
