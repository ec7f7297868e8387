/**
 * The ELB layer: the only code that sends Elastic Load Balancing v2 commands. Application and Network Load
 * Balancers. Lookups of what the user named fail with a ConfigurationError that names the input; every call
 * accepts `{ signal, onCall }` (src/core/aws/call-options.ts), except changes, which a cancel never interrupts.
 *
 * - find: findLoadBalancer (name or ARN), findListener (ARN or port), findRule (ARN, or the default rule),
 *   findRoute (all three), describeTargetGroup (port, protocol, type, health check, deregistration delay);
 * - read: forwardOf / routeForward (weighted groups and stickiness), routeTargetGroup (the one with weight > 0);
 * - change: pointRouteAt (groups and weights), swapRoutes and pointRoutesAt (two routes as one unit, put back on
 *   failure);
 * - wait: waitForHealthyTargets with serviceTargets (a service's tasks as ECS registers them).
 */
export type {
  ElbLookupOptions,
  ListenerInfo,
  LoadBalancerInfo,
  LoadBalancerType,
  Route,
  RuleInfo,
  TargetGroupHealthCheck,
  TargetGroupInfo,
  TargetGroupStickiness,
  WeightedTargetGroup,
} from './types.js';
export { findLoadBalancer } from './load-balancers.js';
export { findListener, listListeners } from './listeners.js';
export { findRule, listenerArnOfRule, readRules } from './rules.js';
export { describeRoute, findRoute, routeForward, routeTargetGroup } from './route.js';
export type { FindRouteOptions, RouteInputs, RouteRef } from './route.js';
export { describeTargetGroups, forwardOf, mainTargetGroup, replaceTargetGroup, requireForward, withTargetGroups } from './forward.js';
export type { ForwardAction } from './forward.js';
export { DEREGISTRATION_DELAY_ATTRIBUTE, describeTargetGroup, targetGroupName } from './target-groups.js';
export { pointRouteAt, setRuleActions } from './modify.js';
export type { PointResult } from './modify.js';
export { RouteSwapError, pointRoutesAt, swapRoutes } from './swap.js';
export type { RouteChange } from './swap.js';
export { describeTargetHealth, describeTargetReport, matchTargets } from './target-health.js';
export type { ExpectedTarget, TargetReport, TargetState } from './target-health.js';
export { expectedTargetOf, serviceTargets } from './task-targets.js';
export type { ContainerBinding, InstanceIdOf, ServiceTargetsRequest } from './task-targets.js';
export { waitForHealthyTargets } from './wait-healthy.js';
export type { HealthyTargetsDeps, HealthyTargetsEnd, HealthyTargetsOptions, HealthyTargetsRequest } from './wait-healthy.js';
