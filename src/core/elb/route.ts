/**
 * A route: load balancer → listener → rule (the default rule when no rule ARN is given), found from what the user
 * named, with the target groups it forwards to.
 */
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { AwsCallOptions } from '../aws/call-options.js';
import { mainTargetGroup, requireForward } from './forward.js';
import type { ForwardAction } from './forward.js';
import { findListener } from './listeners.js';
import { findLoadBalancer } from './load-balancers.js';
import { findRule } from './rules.js';
import type { LoadBalancerInfo, Route } from './types.js';

export interface RouteRef {
  /** Load balancer name or ARN. */
  loadBalancer: string | LoadBalancerInfo;
  /** Listener ARN or port. */
  listener: string | number;
  /** Rule ARN; undefined or empty: the listener's default rule. */
  rule?: string | undefined;
}

/** The action inputs each part was named in, so an error blames the right one. */
export interface RouteInputs {
  loadBalancer?: string | undefined;
  listener?: string | undefined;
  rule?: string | undefined;
}

export interface FindRouteOptions extends AwsCallOptions {
  inputs?: RouteInputs | undefined;
}

/** Finds the load balancer (unless given), the listener and the rule; a missing one is a ConfigurationError. */
export async function findRoute(elb: ElasticLoadBalancingV2Client, ref: RouteRef, opts: FindRouteOptions = {}): Promise<Route> {
  const call = { signal: opts.signal, onCall: opts.onCall };
  const inputs = opts.inputs ?? {};
  const loadBalancer =
    typeof ref.loadBalancer === 'string'
      ? await findLoadBalancer(elb, ref.loadBalancer, { ...call, input: inputs.loadBalancer })
      : ref.loadBalancer;
  const listener = await findListener(elb, loadBalancer, ref.listener, { ...call, input: inputs.listener });
  const rule = await findRule(elb, listener, ref.rule, { ...call, input: inputs.rule ?? inputs.listener });
  return { loadBalancer, listener, rule };
}

/** `the default rule of listener 443 (HTTPS) of load balancer shop`, `rule <arn> (priority 10) of listener …`. */
export function describeRoute(route: Route): string {
  const { listener, rule, loadBalancer } = route;
  const port = listener.port === undefined ? listener.arn : `${listener.port}${listener.protocol !== undefined ? ` (${listener.protocol})` : ''}`;
  const of = `listener ${port} of load balancer ${loadBalancer.name}`;
  return rule.isDefault ? `the default rule of ${of}` : `rule ${rule.arn} (priority ${rule.priority}) of ${of}`;
}

/** The forward action of the route's rule; none is a ConfigurationError naming the route and `input`. */
export function routeForward(route: Route, input?: string): ForwardAction {
  return requireForward(route.rule.actions, describeRoute(route), { input });
}

/** The one target group the route forwards to (weight above 0); none or several is a ConfigurationError. */
export function routeTargetGroup(route: Route, input?: string): string {
  return mainTargetGroup(routeForward(route, input), describeRoute(route), { input });
}
