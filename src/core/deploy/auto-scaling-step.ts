/**
 * The auto scaling step after a successful rollout (R2, R3): the manifests, when given, are applied as upserts (same
 * names keep their ARNs; live policies they no longer name are deleted); then the auto scaling suspended for the
 * rollout is resumed with the SuspendedState the snapshot recorded. Without manifests the live auto scaling is left
 * exactly as it was, only resumed.
 */
import { applyAutoScaling, type AutoScalingSet } from '../autoscaling/apply.js';
import { resumeAutoScaling } from '../autoscaling/suspension.js';
import { describeError } from '../errors.js';
import type { Failure } from './outcome.js';
import type { RollingDeps, RollingPlan } from './rolling-plan.js';
import type { RollbackSnapshot } from './snapshot.js';

export async function finishAutoScaling(
  deps: Pick<RollingDeps, 'autoscaling' | 'log'>,
  plan: Pick<RollingPlan, 'cluster' | 'serviceName'>,
  snapshot: RollbackSnapshot,
  manifests: AutoScalingSet,
  suspended: boolean,
): Promise<Failure | undefined> {
  const { log } = deps;
  const given = manifests.scalableTargets.length + manifests.scalingPolicies.length > 0;
  const toResume = suspended ? snapshot.scalableTargets : [];
  try {
    await log.group('Auto scaling', async () => {
      if (given) {
        const { scalableTargets, scalingPolicies } = manifests;
        await applyAutoScaling(deps.autoscaling, scalableTargets, scalingPolicies, plan.cluster, plan.serviceName, {
          log,
          keepSuspended: toResume.length > 0,
          // The snapshot read them just before the update, and scaling stayed suspended since: no second read.
          ...(snapshot.exists ? { livePolicies: snapshot.scalingPolicies } : {}),
        });
      } else if (snapshot.scalableTargets.length + snapshot.scalingPolicies.length > 0) {
        log.info('No auto scaling manifests given: the auto scaling the service has is kept as it is.');
      } else {
        log.info('No auto scaling manifests given and none existed before: nothing to apply.');
      }
      await resumeAutoScaling(deps.autoscaling, toResume, log, manifests.scalableTargets);
    });
    return undefined;
  } catch (e) {
    return { reason: 'auto-scaling', message: `applying auto scaling failed: ${describeError(e)}`, stoppedTasks: [] };
  }
}
