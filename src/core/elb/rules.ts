/** A listener rule by ARN, or the listener's default rule. */
import { DescribeRulesCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { ElasticLoadBalancingV2Client, Rule } from '@aws-sdk/client-elastic-load-balancing-v2';
import { httpOptions } from '../aws/call-options.js';
import type { AwsCallOptions } from '../aws/call-options.js';
import { checkArnKind, lookupError, lookupOne } from './lookup-errors.js';
import { allPages } from './pages.js';
import type { ElbLookupOptions, ListenerInfo, RuleInfo } from './types.js';

const NOT_FOUND = ['RuleNotFoundException', 'RuleNotFound'];

/**
 * The listener a rule belongs to, read from the rule's ARN: `…:listener-rule/app/<lb>/<lb id>/<listener id>/<rule id>`
 * belongs to `…:listener/app/<lb>/<lb id>/<listener id>`.
 */
export function listenerArnOfRule(ruleArn: string): string {
  return ruleArn.replace(':listener-rule/', ':listener/').replace(/\/[^/]*$/, '');
}

function toRuleInfo(rule: Rule, listenerArn: string): RuleInfo {
  return {
    arn: rule.RuleArn ?? '',
    listenerArn,
    isDefault: rule.IsDefault === true,
    priority: rule.Priority ?? '',
    actions: rule.Actions ?? [],
  };
}

/**
 * The rule `ruleArn` of `listener`, or, when `ruleArn` is undefined or empty, the listener's default rule
 * (`IsDefault`). A rule that does not exist or belongs to another listener is a ConfigurationError naming
 * `opts.input`.
 */
export async function findRule(
  elb: ElasticLoadBalancingV2Client,
  listener: ListenerInfo,
  ruleArn: string | undefined,
  opts: ElbLookupOptions = {},
): Promise<RuleInfo> {
  const arn = ruleArn?.trim() ?? '';
  if (arn === '') return defaultRule(elb, listener, opts);
  checkArnKind(arn, 'listener-rule', 'a listener rule', opts);
  if (listenerArnOfRule(arn) !== listener.arn) {
    throw lookupError(`rule '${arn}' is not a rule of listener '${listener.arn}' (port ${listener.port ?? '?'})`, opts);
  }
  const what = `rule '${arn}' of listener '${listener.arn}'`;
  const found = await lookupOne(what, 'DescribeRules', NOT_FOUND, opts, async () => {
    const out = await elb.send(new DescribeRulesCommand({ RuleArns: [arn] }), httpOptions(opts));
    return out.Rules?.[0];
  });
  return toRuleInfo(found, listener.arn);
}

async function defaultRule(elb: ElasticLoadBalancingV2Client, listener: ListenerInfo, opts: ElbLookupOptions): Promise<RuleInfo> {
  const rules = await allPages(async (Marker) => {
    opts.onCall?.('DescribeRules');
    const out = await elb.send(
      new DescribeRulesCommand({ ListenerArn: listener.arn, ...(Marker !== undefined ? { Marker } : {}) }),
      httpOptions(opts),
    );
    return { items: out.Rules, next: out.NextMarker };
  });
  const found = rules.find((r) => r.IsDefault === true);
  if (found === undefined) throw lookupError(`listener '${listener.arn}' has no default rule`, opts);
  return toRuleInfo(found, listener.arn);
}

/** The current state of rules already found (one DescribeRules call): what a change is computed from. */
export async function readRules(
  elb: ElasticLoadBalancingV2Client,
  rules: readonly RuleInfo[],
  opts: AwsCallOptions = {},
): Promise<RuleInfo[]> {
  opts.onCall?.('DescribeRules');
  const out = await elb.send(new DescribeRulesCommand({ RuleArns: rules.map((r) => r.arn) }), httpOptions(opts));
  return rules.map((rule) => {
    const fresh = out.Rules?.find((r) => r.RuleArn === rule.arn);
    if (fresh === undefined) throw new Error(`DescribeRules did not return rule '${rule.arn}'`);
    return toRuleInfo(fresh, rule.listenerArn);
  });
}
