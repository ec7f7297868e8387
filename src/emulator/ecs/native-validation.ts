/**
 * The checks CreateService and UpdateService make on the load balancers of a BLUE_GREEN, LINEAR or CANARY service
 * (developer guide, "Troubleshooting Amazon ECS blue/green deployments", synchronous errors). Wording: the
 * advancedConfiguration one is AWS's (ClientException, as a CreateService of a LINEAR service answered it) and the
 * listener rule ARN format one is the troubleshooting guide's; the rest is reconstructed (README.md).
 */
import type { EcsContext } from './context.js';
import { clientError, invalid } from './params.js';
import type { Json } from './state.js';

const NAMES: Record<string, string> = { BLUE_GREEN: 'blue/green', LINEAR: 'linear', CANARY: 'canary' };

function checkRoute(ctx: EcsContext, member: string, arn: unknown, groups: string[]): void {
  if (typeof arn !== 'string' || arn === '') throw invalid(`${member} must be specified in advancedConfiguration.`);
  const route = ctx.elb().route(arn);
  if (!route) throw invalid(`The ${member} ${arn} does not exist.`);
  const wrongKind = route.loadBalancerType === 'application' ? route.kind !== 'rule' : route.kind !== 'listener';
  if (wrongKind) throw invalid(`${member} has an invalid ARN format. Must be RuleArn for ALB or ListenerArn for NLB. Got: ${arn}`);
  if (!route.weights.some((w) => groups.includes(w.targetGroupArn))) {
    throw invalid(`The ${member} ${arn} must forward to the target group ${groups[0] ?? ''} or the alternate target group ${groups[1] ?? ''}.`);
  }
}

function checkAdvanced(ctx: EcsContext, lb: Json, name: string): void {
  const advanced = lb['advancedConfiguration'] as Json | undefined;
  if (advanced === undefined || advanced === null) {
    throw clientError(`advancedConfiguration field is required for all loadBalancers when using the ${name} deployment strategy`);
  }
  const primary = String(lb['targetGroupArn']);
  const alternate = advanced['alternateTargetGroupArn'];
  if (typeof alternate !== 'string' || alternate === '') throw invalid('alternateTargetGroupArn must be specified in advancedConfiguration.');
  if (alternate === primary) throw invalid('alternateTargetGroupArn must be different from the targetGroupArn of the load balancer.');
  const tg = ctx.elb().getTargetGroup(alternate);
  if (!tg) throw invalid(`The alternate target group ${alternate} does not exist.`);
  if (typeof advanced['roleArn'] !== 'string' || advanced['roleArn'] === '') throw invalid('roleArn must be specified in advancedConfiguration.');
  checkRoute(ctx, 'productionListenerRule', advanced['productionListenerRule'], [primary, alternate]);
  if (advanced['testListenerRule'] !== undefined) checkRoute(ctx, 'testListenerRule', advanced['testListenerRule'], [primary, alternate]);
}

/** BLUE_GREEN needs advancedConfiguration on each load balancer; LINEAR and CANARY need a load balancer too. */
export function validateNativeLoadBalancers(ctx: EcsContext, config: Json, loadBalancers: Json[]): void {
  const strategy = String(config['strategy'] ?? 'ROLLING');
  const name = NAMES[strategy];
  if (name === undefined) return;
  if (strategy !== 'BLUE_GREEN' && loadBalancers.length === 0) {
    throw invalid(`The ${name} deployment strategy requires a load balancer: specify loadBalancers with an advancedConfiguration.`);
  }
  for (const lb of loadBalancers) checkAdvanced(ctx, lb, name);
}
