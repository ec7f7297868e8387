/** ARNs and described shapes shared by the ELB layer's unit tests (an application and a network load balancer). */
import type { Action, Listener, LoadBalancer, Rule } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Route } from '../../../../src/core/elb/index.js';

const PREFIX = 'arn:aws:elasticloadbalancing:us-east-1:123456789012';
export const ALB_ARN = `${PREFIX}:loadbalancer/app/shop/50dc6c495c0c9188`;
export const NLB_ARN = `${PREFIX}:loadbalancer/net/tcp-shop/60dc6c495c0c9188`;
export const PROD_LISTENER = `${PREFIX}:listener/app/shop/50dc6c495c0c9188/f2f7dc8efc522ab2`;
export const STAGE_LISTENER = `${PREFIX}:listener/app/shop/50dc6c495c0c9188/a3a7dc8efc522ab3`;
export const PROD_DEFAULT_RULE = `${PREFIX}:listener-rule/app/shop/50dc6c495c0c9188/f2f7dc8efc522ab2/0000000000000001`;
export const PROD_RULE = `${PREFIX}:listener-rule/app/shop/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee`;
export const STAGE_DEFAULT_RULE = `${PREFIX}:listener-rule/app/shop/50dc6c495c0c9188/a3a7dc8efc522ab3/0000000000000002`;
export const STAGE_RULE = `${PREFIX}:listener-rule/app/shop/50dc6c495c0c9188/a3a7dc8efc522ab3/7683b2d02a6cabef`;
export const BLUE_TG = `${PREFIX}:targetgroup/blue/73e2d6bc24d8a067`;
export const GREEN_TG = `${PREFIX}:targetgroup/green/83e2d6bc24d8a068`;
export const SPARE_TG = `${PREFIX}:targetgroup/spare/93e2d6bc24d8a069`;

export const alb: LoadBalancer = { LoadBalancerArn: ALB_ARN, LoadBalancerName: 'shop', Type: 'application', DNSName: 'shop.elb.test' };
export const nlb: LoadBalancer = { LoadBalancerArn: NLB_ARN, LoadBalancerName: 'tcp-shop', Type: 'network' };

/** A forward action as ELBv2 describes one that forwards to a single group. */
export function forwardTo(arn: string): Action {
  return {
    Type: 'forward',
    TargetGroupArn: arn,
    ForwardConfig: { TargetGroups: [{ TargetGroupArn: arn, Weight: 1 }], TargetGroupStickinessConfig: { Enabled: false } },
  };
}

export function listener(arn: string, port: number, actions: Action[], protocol = 'HTTP'): Listener {
  return { ListenerArn: arn, LoadBalancerArn: ALB_ARN, Port: port, Protocol: protocol as Listener['Protocol'], DefaultActions: actions };
}

export function rule(arn: string, actions: Action[], isDefault = false, priority = '10'): Rule {
  return { RuleArn: arn, Priority: isDefault ? 'default' : priority, IsDefault: isDefault, Conditions: [], Actions: actions };
}

/** A route as findRoute returns it. */
export function route(listenerArn: string, ruleArn: string, actions: Action[], isDefault: boolean, port = 80): Route {
  return {
    loadBalancer: { arn: ALB_ARN, name: 'shop', type: 'application' },
    listener: { arn: listenerArn, loadBalancerArn: ALB_ARN, port, protocol: 'HTTP', defaultActions: isDefault ? actions : [] },
    rule: { arn: ruleArn, listenerArn, isDefault, priority: isDefault ? 'default' : '10', actions },
  };
}

/** An SDK-shaped ELBv2 error answer. */
export function awsError(name: string, message: string, status = 400): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });
}
