/**
 * CreateRule, DescribeRules, ModifyRule, DeleteRule, SetRulePriorities. Every listener has a default rule
 * (`IsDefault: true`, priority `default`, no conditions) whose actions are the listener's default actions;
 * it is changed through ModifyListener only. Rules belong to Application Load Balancer listeners and, with a
 * single source-ip condition by IP address type, to dual-stack Network Load Balancer listeners.
 */
import { AwsServiceError } from '../contracts.js';
import { normalizeActions, normalizeConditions } from './actions.js';
import type { ElbContext, ElbHandler } from './context.js';
import { ruleArn } from './ids.js';
import { missing, optStr, paginate, reqInt, reqStr, strList, structList, validationError } from './params.js';
import type { ElbStore, Json, ListenerRec, LoadBalancerRec, RuleRec } from './store.js';
import { applyTags, readTags } from './tags.js';

const describeRule = (rule: RuleRec): Json => ({
  RuleArn: rule.arn,
  Priority: String(rule.priority),
  Conditions: rule.conditions,
  Actions: rule.actions,
  IsDefault: false,
});

const describeDefaultRule = (listener: ListenerRec): Json => ({
  RuleArn: listener.defaultRuleArn,
  Priority: 'default',
  Conditions: [],
  Actions: listener.defaultActions,
  IsDefault: true,
});

function checkPriority(priority: number): void {
  if (priority < 1 || priority > 50000) {
    throw validationError(
      `1 validation error detected: Value '${priority}' at 'priority' failed to satisfy constraint: Member must have value between 1 and 50000`,
    );
  }
}

const priorityInUse = (priority: number): AwsServiceError =>
  new AwsServiceError('PriorityInUse', `Priority '${priority}' is currently in use`);

const invalidConfiguration = (message: string): AwsServiceError => new AwsServiceError('InvalidConfigurationRequest', message);

const isDualStackNlb = (lb: LoadBalancerRec): boolean => lb.type === 'network' && lb.ipAddressType.startsWith('dualstack');

/** CreateRule: "The listener must be associated with an Application Load Balancer or a dual-stack Network Load Balancer." */
function checkTakesRules(lb: LoadBalancerRec): void {
  if (lb.type !== 'application' && !isDualStackNlb(lb)) {
    throw invalidConfiguration(`Rules are not supported by load balancers of type '${lb.type}'`);
  }
}

/** `SourceIpConfig.IpAddressType` of a source-ip condition (NLB rules match on it; ALB rules on CIDR Values). */
function sourceIpType(condition: Json): string | undefined {
  const config = condition['SourceIpConfig'];
  const type = config !== null && typeof config === 'object' ? (config as Json)['IpAddressType'] : undefined;
  if (type === undefined) return undefined;
  if (type !== 'ipv4' && type !== 'ipv6') {
    throw validationError(`Value '${String(type)}' at 'sourceIpConfig.ipAddressType' failed to satisfy constraint: Member must satisfy enum value set: [ipv4, ipv6]`);
  }
  return type;
}

/** The conditions a rule of this load balancer's listener may have (NLB: source-ip by IP address type only). */
function checkConditionsFit(lb: LoadBalancerRec, conditions: Json[]): void {
  if (lb.type === 'application') {
    if (conditions.some((c) => sourceIpType(c) !== undefined)) {
      throw validationError("A source-ip condition matches on IpAddressType for load balancers of type 'network' only; use Values (CIDR blocks)");
    }
    return;
  }
  for (const c of conditions) {
    if (c['Field'] !== 'source-ip') {
      throw invalidConfiguration(`Condition field '${String(c['Field'])}' is not supported by load balancers of type '${lb.type}'`);
    }
    if (sourceIpType(c) === undefined) {
      throw invalidConfiguration(`A source-ip condition for a load balancer of type '${lb.type}' must specify an IpAddressType (ipv4 or ipv6)`);
    }
  }
  if (conditions.length !== 1) throw invalidConfiguration(`A rule for a load balancer of type '${lb.type}' takes exactly one source-ip condition`);
}

function requireRule(store: ElbStore, arn: string): RuleRec {
  const rule = store.rules.get(arn);
  if (rule) return rule;
  if (store.isDefaultRule(arn)) throw new AwsServiceError('OperationNotPermitted', `Default rule '${arn}' cannot be modified`);
  throw new AwsServiceError('RuleNotFound', 'One or more rules not found');
}

export function ruleHandlers(ctx: ElbContext): Record<string, ElbHandler> {
  const { store } = ctx;
  const lbOf = (listener: ListenerRec) => store.loadBalancer(listener.loadBalancerArn);

  const create: ElbHandler = (params) => {
    const listener = store.listener(reqStr(params, 'ListenerArn'));
    const lb = lbOf(listener);
    checkTakesRules(lb);
    const priority = reqInt(params, 'Priority');
    checkPriority(priority);
    if (params['Conditions'] === undefined) throw missing('Conditions');
    if (params['Actions'] === undefined) throw missing('Actions');
    const conditions = normalizeConditions(structList(params, 'Conditions'));
    checkConditionsFit(lb, conditions);
    const actions = normalizeActions(structList(params, 'Actions'), store, lb);
    const tags = readTags(params);
    if (store.rulesOf(listener.arn).some((r) => r.priority === priority)) throw priorityInUse(priority);
    const rule: RuleRec = { arn: ruleArn(listener.arn), listenerArn: listener.arn, priority, conditions, actions };
    store.rules.set(rule.arn, rule);
    if (tags.size > 0) applyTags(store, rule.arn, tags);
    store.refreshUsage();
    return { Rules: [describeRule(rule)] };
  };

  const describe: ElbHandler = (params) => {
    const listenerArn = optStr(params, 'ListenerArn');
    const arns = strList(params, 'RuleArns');
    if (listenerArn === undefined && arns.length === 0) {
      throw validationError('You must specify either listener ARN or rule ARNs');
    }
    if (listenerArn !== undefined && arns.length > 0) {
      throw validationError('Listener ARN and rule ARNs cannot be specified at the same time');
    }
    let found: Json[];
    if (listenerArn !== undefined) {
      const listener = store.listener(listenerArn);
      found = [...store.rulesOf(listener.arn).map(describeRule), describeDefaultRule(listener)];
    } else {
      found = arns.map((arn) => {
        const rule = store.rules.get(arn);
        if (rule) return describeRule(rule);
        const owner = store.isDefaultRule(arn);
        if (owner) return describeDefaultRule(owner);
        throw new AwsServiceError('RuleNotFound', 'One or more rules not found');
      });
    }
    const { page, nextMarker } = paginate(found, params);
    return { Rules: page, NextMarker: nextMarker };
  };

  const modify: ElbHandler = (params) => {
    const rule = requireRule(store, reqStr(params, 'RuleArn'));
    const lb = lbOf(store.listener(rule.listenerArn));
    const conditions =
      params['Conditions'] === undefined ? rule.conditions : normalizeConditions(structList(params, 'Conditions'));
    checkConditionsFit(lb, conditions);
    const actions = params['Actions'] === undefined ? rule.actions : normalizeActions(structList(params, 'Actions'), store, lb);
    rule.conditions = conditions;
    rule.actions = actions;
    store.refreshUsage();
    return { Rules: [describeRule(rule)] };
  };

  const remove: ElbHandler = (params) => {
    const arn = reqStr(params, 'RuleArn');
    if (store.isDefaultRule(arn)) throw new AwsServiceError('OperationNotPermitted', `Default rule '${arn}' cannot be deleted`);
    const rule = store.rules.get(arn);
    if (!rule) throw new AwsServiceError('RuleNotFound', 'One or more rules not found');
    store.rules.delete(arn);
    store.tags.delete(arn);
    store.refreshUsage();
    return {};
  };

  const setPriorities: ElbHandler = (params) => {
    const entries = structList(params, 'RulePriorities');
    if (entries.length === 0) throw missing('RulePriorities');
    const changes = entries.map((e) => {
      const priority = reqInt(e, 'Priority');
      checkPriority(priority);
      return { rule: requireRule(store, reqStr(e, 'RuleArn')), priority };
    });
    // The new priorities must not collide with each other or with the listener's untouched rules.
    const moved = new Set(changes.map((c) => c.rule.arn));
    const taken = new Map<string, Set<number>>();
    for (const { rule, priority } of changes) {
      const set = taken.get(rule.listenerArn) ?? new Set(store.rulesOf(rule.listenerArn).filter((r) => !moved.has(r.arn)).map((r) => r.priority));
      if (set.has(priority)) throw priorityInUse(priority);
      set.add(priority);
      taken.set(rule.listenerArn, set);
    }
    for (const { rule, priority } of changes) rule.priority = priority;
    return { Rules: changes.map(({ rule }) => describeRule(rule)) };
  };

  return { CreateRule: create, DescribeRules: describe, ModifyRule: modify, DeleteRule: remove, SetRulePriorities: setPriorities };
}
