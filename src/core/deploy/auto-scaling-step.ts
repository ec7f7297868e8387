/** The auto scaling step after a successful rollout (R2, R3): the manifests' when given, else what was there. */
import { applyAutoScaling, restoreAutoScaling, type AutoScalingSet } from '../autoscaling/apply.js';
import { describeError } from '../errors.js';
import type { Failure } from './outcome.js';
import type { RollingDeps, RollingPlan } from './rolling-plan.js';
import type { RollbackSnapshot } from './snapshot.js';

export async function finishAutoScaling(
  deps: Pick<RollingDeps, 'autoscaling' | 'log'>,
  plan: Pick<RollingPlan, 'cluster' | 'serviceName'>,
  snapshot: RollbackSnapshot,
  manifests: AutoScalingSet,
): Promise<Failure | undefined> {
  const { log } = deps;
  const { scalableTargets: targets, scalingPolicies: policies } = manifests;
  try {
    await log.group('Auto scaling', async () => {
      if (targets.length + policies.length > 0) {
        await applyAutoScaling(deps.autoscaling, targets, policies, plan.cluster, plan.serviceName, { log });
      } else if (snapshot.scalableTargets.length + snapshot.scalingPolicies.length > 0) {
        log.info('No auto scaling manifests given: putting back the auto scaling the service had before.');
        await restoreAutoScaling(deps.autoscaling, snapshot, log);
      } else {
        log.info('No auto scaling manifests given and none existed before: nothing to apply.');
      }
    });
    return undefined;
  } catch (e) {
    return { reason: 'auto-scaling', message: `applying auto scaling failed: ${describeError(e)}`, stoppedTasks: [] };
  }
}
