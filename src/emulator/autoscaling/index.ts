/**
 * Application Auto Scaling (JSON 1.1, `AnyScaleFrontendService.*`): scalable targets and scaling policies.
 * ECS resource ids (`service/<cluster>/<service>`) are checked against the emulated ECS through world.ecs.
 * Timestamps are returned as epoch seconds, as the JSON protocol carries them.
 */
import type { ServiceModule } from '../contracts.js';
import { describeScalableTarget, scalableTargetHandlers } from './scalable-targets.js';
import { describeScalingPolicy, scalingPolicyHandlers } from './scaling-policies.js';
import { AutoScalingStore } from './store.js';
import type { AutoScalingContext } from './store.js';

export type { AutoScalingContext } from './store.js';

export function createAutoScalingModule(ctx: AutoScalingContext): { module: ServiceModule } {
  const store = new AutoScalingStore();
  const module: ServiceModule = {
    service: 'application-autoscaling',
    operations: { ...scalableTargetHandlers(store, ctx), ...scalingPolicyHandlers(store, ctx) },
    reset: () => store.clear(),
    dump: () => ({
      scalableTargets: [...store.targets.values()].map(describeScalableTarget),
      scalingPolicies: [...store.policies.values()].map(describeScalingPolicy),
    }),
  };
  return { module };
}
