/**
 * B1: the prod and stage routes (load balancer → listener → rule, the default rule when no rule ARN is given) and
 * the target group each forwards to, found from the inputs; what is missing fails naming its input.
 */
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { AwsCallOptions } from '../../core/aws/call-options.js';
import { describeRoute, findRoute, routeForward, type Route, type WeightedTargetGroup } from '../../core/elb/index.js';
import { ConfigurationError } from '../../core/errors.js';
import type { RouteOptions } from './options.js';

export interface Routes {
  prod: Route;
  stage: Route;
}

export async function findRoutes(elb: ElasticLoadBalancingV2Client, o: RouteOptions, call: AwsCallOptions): Promise<Routes> {
  const prod = await findRoute(
    elb,
    { loadBalancer: o.loadBalancer, listener: o.prodListener, rule: o.prodRule },
    { ...call, inputs: { loadBalancer: 'load-balancer', listener: 'prod-listener', rule: 'prod-listener-rule' } },
  );
  const stage = await findRoute(
    elb,
    { loadBalancer: prod.loadBalancer, listener: o.stageListener, rule: o.stageRule },
    { ...call, inputs: { listener: 'stage-listener', rule: 'stage-listener-rule' } },
  );
  if (prod.rule.arn === stage.rule.arn) {
    throw new ConfigurationError(`the prod and stage routes are the same: ${describeRoute(prod)}`, { input: 'stage-listener' });
  }
  return { prod, stage };
}

/** The groups a route forwards to now (weights kept), as described when it was found. */
export function forwardedGroups(route: Route, input: string): WeightedTargetGroup[] {
  return routeForward(route, input).targetGroups;
}

/** The one group of `groups` with weight above 0, or undefined while traffic is split (or none). */
export function liveGroup(groups: readonly WeightedTargetGroup[]): string | undefined {
  const live = groups.filter((g) => g.weight > 0);
  return live.length === 1 ? live[0]?.arn : undefined;
}

/** The outputs naming the routes (B4, B7). */
export function routeOutputs(routes: Routes): Array<[string, string]> {
  return [
    ['loadBalancerArn', routes.prod.loadBalancer.arn],
    ['prodListenerArn', routes.prod.listener.arn],
    ['stageListenerArn', routes.stage.listener.arn],
    ['prodListenerRuleArn', routes.prod.rule.arn],
    ['stageListenerRuleArn', routes.stage.rule.arn],
  ];
}
