/**
 * The production and test routes of ECS blue/green, linear and canary deployments, as ECS reads and changes them
 * through the ELBv2 API: a listener rule of an Application Load Balancer (a listener's default rule included) or
 * a Network Load Balancer's listener, whose forward action's target group weights ECS moves from blue to green
 * (developer guide, "Amazon ECS blue/green service deployments workflow": traffic shifts "by adjusting the weights
 * of the target groups in the listener rules").
 */
import type { RouteWeight, TrafficRoute } from '../contracts.js';
import type { ElbStore, Json } from './store.js';

interface Located {
  kind: 'rule' | 'listener';
  loadBalancerArn: string;
  actions: () => Json[];
  setActions: (actions: Json[]) => void;
}

function locate(store: ElbStore, arn: string): Located | undefined {
  const listener = store.listeners.get(arn);
  if (listener) {
    return {
      kind: 'listener',
      loadBalancerArn: listener.loadBalancerArn,
      actions: () => listener.defaultActions,
      setActions: (a) => (listener.defaultActions = a),
    };
  }
  const owner = store.isDefaultRule(arn);
  if (owner) {
    return { kind: 'rule', loadBalancerArn: owner.loadBalancerArn, actions: () => owner.defaultActions, setActions: (a) => (owner.defaultActions = a) };
  }
  const rule = store.rules.get(arn);
  const ruleListener = rule ? store.listeners.get(rule.listenerArn) : undefined;
  if (!rule || !ruleListener) return undefined;
  return { kind: 'rule', loadBalancerArn: ruleListener.loadBalancerArn, actions: () => rule.actions, setActions: (a) => (rule.actions = a) };
}

function weightsOf(actions: Json[]): RouteWeight[] {
  const forward = actions.find((a) => a['Type'] === 'forward');
  if (!forward) return [];
  const groups = (forward['ForwardConfig'] as { TargetGroups?: { TargetGroupArn: string; Weight?: number }[] } | undefined)?.TargetGroups;
  if (groups) return groups.map((g) => ({ targetGroupArn: g.TargetGroupArn, weight: g.Weight ?? 1 }));
  return typeof forward['TargetGroupArn'] === 'string' ? [{ targetGroupArn: forward['TargetGroupArn'], weight: 1 }] : [];
}

export function routeOf(store: ElbStore, arn: string): TrafficRoute | undefined {
  const found = locate(store, arn);
  const lb = found ? store.loadBalancers.get(found.loadBalancerArn) : undefined;
  if (!found || !lb) return undefined;
  return { kind: found.kind, loadBalancerType: lb.type, weights: weightsOf(found.actions()) };
}

/** Rewrites the forward action with the given weights (both groups stay listed, as ECS leaves them). */
export function setRouteWeights(store: ElbStore, arn: string, weights: RouteWeight[]): void {
  const found = locate(store, arn);
  if (!found) return;
  const actions = found.actions().map((a) => {
    if (a['Type'] !== 'forward') return a;
    const previous = a['ForwardConfig'] as Json | undefined;
    const stickiness = previous?.['TargetGroupStickinessConfig'] ?? { Enabled: false };
    const { TargetGroupArn: _single, ...rest } = a;
    return {
      ...rest,
      ForwardConfig: {
        TargetGroups: weights.map((w) => ({ TargetGroupArn: w.targetGroupArn, Weight: w.weight })),
        TargetGroupStickinessConfig: stickiness,
      },
    };
  });
  found.setActions(actions);
  store.refreshUsage();
}
