/**
 * Application Auto Scaling (JSON 1.1, `AnyScaleFrontendService.*`): scalable targets, scaling policies and
 * scheduled actions, and the AutoScalingBackend through which CloudWatch alarm actions run step scaling policies.
 * ECS resource ids (`service/<cluster>/<service>`) are checked against the emulated ECS through world.ecs.
 * Timestamps are returned as epoch seconds, as the JSON protocol carries them.
 */
import type { AutoScalingBackend, ServiceModule } from '../contracts.js';
import { runAlarmAction } from './alarm-actions.js';
import { describeScalableTarget, scalableTargetHandlers } from './scalable-targets.js';
import { describeScalingPolicy, scalingPolicyHandlers } from './scaling-policies.js';
import { describeScheduledAction, scheduledActionHandlers } from './scheduled-actions.js';
import { AutoScalingStore } from './store.js';
import type { AutoScalingContext } from './store.js';

export type { AutoScalingContext } from './store.js';

export function createAutoScalingModule(ctx: AutoScalingContext): { module: ServiceModule; backend: AutoScalingBackend } {
  const store = new AutoScalingStore();
  const module: ServiceModule = {
    service: 'application-autoscaling',
    operations: { ...scalableTargetHandlers(store, ctx), ...scalingPolicyHandlers(store, ctx), ...scheduledActionHandlers(store, ctx) },
    reset: () => store.clear(),
    dump: () => ({
      scalableTargets: [...store.targets.values()].map(describeScalableTarget),
      scalingPolicies: [...store.policies.values()].map(describeScalingPolicy),
      scheduledActions: [...store.scheduledActions.values()].map(describeScheduledAction),
      scalingActivities: store.activities.map((a) => ({ ...a })),
    }),
  };
  const backend: AutoScalingBackend = {
    runAlarmAction: (policyArn, alarm, world) => runAlarmAction(store, policyArn, alarm, world),
  };
  return { module, backend };
}
