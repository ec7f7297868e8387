/**
 * Changing where a route forwards. A listener's default rule is changed with ModifyListener (DefaultActions), any
 * other rule with ModifyRule (Actions). Mutations never carry the abort signal: a cancel is honoured before a
 * change is sent, never half-way through one (S10).
 */
import { ModifyListenerCommand, ModifyRuleCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Action, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { AwsCallOptions } from '../aws/call-options.js';
import { CancelledError } from '../errors.js';
import { requireForward, withTargetGroups } from './forward.js';
import { describeRoute } from './route.js';
import { readRules } from './rules.js';
import type { Route, RuleInfo, WeightedTargetGroup } from './types.js';

/** Sends `actions` as the rule's actions; `onCall` is told ModifyListener or ModifyRule. No abort signal. */
export async function setRuleActions(
  elb: ElasticLoadBalancingV2Client,
  rule: RuleInfo,
  actions: Action[],
  opts: Pick<AwsCallOptions, 'onCall'> = {},
): Promise<void> {
  if (rule.isDefault) {
    opts.onCall?.('ModifyListener');
    await elb.send(new ModifyListenerCommand({ ListenerArn: rule.listenerArn, DefaultActions: actions }));
  } else {
    opts.onCall?.('ModifyRule');
    await elb.send(new ModifyRuleCommand({ RuleArn: rule.arn, Actions: actions }));
  }
}

export interface PointResult {
  /** False when the route already forwarded to exactly these groups and weights: nothing was sent. */
  changed: boolean;
  before: WeightedTargetGroup[];
  after: WeightedTargetGroup[];
}

/**
 * Points the route's forward action at `groups` with their weights (e.g. 90 % old, 10 % new), keeping the rest of
 * its actions and its stickiness. The rule is read again first, so the change starts from what is live. The
 * signal is checked before the change is sent (CancelledError), not during it.
 */
export async function pointRouteAt(
  elb: ElasticLoadBalancingV2Client,
  route: Route,
  groups: readonly WeightedTargetGroup[],
  opts: AwsCallOptions = {},
): Promise<PointResult> {
  const [rule] = await readRules(elb, [route.rule], opts);
  if (rule === undefined) throw new Error(`DescribeRules did not return rule '${route.rule.arn}'`);
  const before = requireForward(rule.actions, describeRoute(route)).targetGroups;
  const after = groups.map((g) => ({ arn: g.arn, weight: g.weight }));
  if (sameForward(before, after)) {
    return { changed: false, before, after };
  }
  throwIfCancelled(opts.signal);
  await setRuleActions(elb, rule, withTargetGroups(rule.actions, after), opts);
  return { changed: true, before, after };
}

/** The same groups at the same weights (one group alone takes all the traffic, whatever its weight). */
function sameForward(a: readonly WeightedTargetGroup[], b: readonly WeightedTargetGroup[]): boolean {
  if (a.length === 1 && b.length === 1) return a[0]?.arn === b[0]?.arn;
  return a.length === b.length && a.every((g, i) => g.arn === b[i]?.arn && g.weight === b[i]?.weight);
}

/** Throws the signal's reason (a CancelledError when the runtime aborted it) when it has aborted. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted !== true) return;
  const reason: unknown = signal.reason;
  throw reason instanceof Error ? reason : new CancelledError('abort');
}
