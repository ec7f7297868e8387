/**
 * Swapping the target groups of two routes (blue/green: prod ↔ stage) as one unit (S10, B5):
 * - both rules are read again, and each must forward to one target group (weight above 0), the two different;
 * - the abort signal is honoured only before the first change; once it is sent, the second change and any putting
 *   back run to their end without it, so a cancel never leaves the pair half-swapped;
 * - when the second change fails, the first is put back (and the second too when its failure leaves unknown
 *   whether ELBv2 applied it); a RouteSwapError then says what failed and whether putting back worked.
 * Each change keeps the rest of the rule's actions: stickiness, weight-0 groups, authentication, order.
 */
import type { Action, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { AwsCallOptions } from '../aws/call-options.js';
import { classifyAwsError } from '../aws/errors.js';
import { ConfigurationError, describeError } from '../errors.js';
import { mainTargetGroup, replaceTargetGroup, requireForward, withTargetGroups } from './forward.js';
import { setRuleActions, throwIfCancelled } from './modify.js';
import { describeRoute } from './route.js';
import { readRules } from './rules.js';
import type { Route, RuleInfo, WeightedTargetGroup } from './types.js';

export interface RouteChange {
  route: Route;
  before: WeightedTargetGroup[];
  after: WeightedTargetGroup[];
}

interface PlannedChange extends RouteChange {
  rule: RuleInfo;
  /** The rule's actions now, to put back, and after the change. */
  undo: Action[];
  redo: Action[];
}

export class RouteSwapError extends Error {
  constructor(
    message: string,
    /** Which change failed. */
    readonly failedChange: 'first' | 'second',
    readonly changeError: unknown,
    /** Errors of putting changes back; empty when every route is as it was before the swap. */
    readonly restoreErrors: readonly unknown[],
  ) {
    super(message, { cause: changeError });
    this.name = 'RouteSwapError';
  }

  /** True when the routes are as they were before the swap. */
  get restored(): boolean {
    return this.restoreErrors.length === 0;
  }
}

/** Makes `first` forward to the target group of `second` and `second` to that of `first`; returns both changes. */
export async function swapRoutes(
  elb: ElasticLoadBalancingV2Client,
  first: Route,
  second: Route,
  opts: AwsCallOptions = {},
): Promise<[RouteChange, RouteChange]> {
  if (first.rule.arn === second.rule.arn) {
    throw new ConfigurationError(`cannot swap ${describeRoute(first)} with itself: the two routes must differ`);
  }
  const [a, b] = await plan(elb, first, second, opts);
  return applyAsUnit(elb, a, b, opts);
}

/**
 * Points `first` and `second` at the given groups and weights as one unit, like swapRoutes: e.g. the last step of a
 * gradual shift (prod from 10 % / 90 % to the new group alone, stage to the old one). Each rule is read again first;
 * a rule without a forward action is a ConfigurationError.
 */
export async function pointRoutesAt(
  elb: ElasticLoadBalancingV2Client,
  first: { route: Route; groups: readonly WeightedTargetGroup[] },
  second: { route: Route; groups: readonly WeightedTargetGroup[] },
  opts: AwsCallOptions = {},
): Promise<[RouteChange, RouteChange]> {
  const [ruleA, ruleB] = await readRules(elb, [first.route.rule, second.route.rule], opts);
  if (ruleA === undefined || ruleB === undefined) throw new Error('DescribeRules did not return both rules');
  const change = (route: Route, rule: RuleInfo, groups: readonly WeightedTargetGroup[]): PlannedChange => {
    const before = requireForward(rule.actions, describeRoute(route)).targetGroups;
    const after = groups.map((g) => ({ arn: g.arn, weight: g.weight }));
    return { route, rule, before, after, undo: withTargetGroups(rule.actions, before), redo: withTargetGroups(rule.actions, after) };
  };
  return applyAsUnit(elb, change(first.route, ruleA, first.groups), change(second.route, ruleB, second.groups), opts);
}

/** The two planned changes as one unit: the signal honoured only before the first, the first put back on failure. */
async function applyAsUnit(elb: ElasticLoadBalancingV2Client, a: PlannedChange, b: PlannedChange, opts: AwsCallOptions): Promise<[RouteChange, RouteChange]> {
  throwIfCancelled(opts.signal); // the last moment a cancel is honoured
  const unstoppable = { onCall: opts.onCall };
  try {
    await setRuleActions(elb, a.rule, a.redo, unstoppable);
  } catch (e) {
    // A 4xx answer changed nothing; a timeout or 5xx may have applied the change: put it back to be sure.
    const restoreErrors = mayHaveApplied(e) ? await putBack(elb, [a], unstoppable) : [];
    throw swapError('first', a, e, restoreErrors);
  }
  try {
    await setRuleActions(elb, b.rule, b.redo, unstoppable);
  } catch (e) {
    const undo = mayHaveApplied(e) ? [b, a] : [a];
    throw swapError('second', b, e, await putBack(elb, undo, unstoppable));
  }
  return [summary(a), summary(b)];
}

async function plan(elb: ElasticLoadBalancingV2Client, first: Route, second: Route, opts: AwsCallOptions): Promise<[PlannedChange, PlannedChange]> {
  const [ruleA, ruleB] = await readRules(elb, [first.rule, second.rule], opts);
  if (ruleA === undefined || ruleB === undefined) throw new Error('DescribeRules did not return both rules');
  const forwardA = requireForward(ruleA.actions, describeRoute(first));
  const forwardB = requireForward(ruleB.actions, describeRoute(second));
  const groupA = mainTargetGroup(forwardA, describeRoute(first));
  const groupB = mainTargetGroup(forwardB, describeRoute(second));
  if (groupA === groupB) {
    throw new ConfigurationError(
      `${describeRoute(first)} and ${describeRoute(second)} both forward to ${groupA}: there is nothing to swap`,
    );
  }
  const change = (route: Route, rule: RuleInfo, before: WeightedTargetGroup[], from: string, to: string): PlannedChange => {
    const after = replaceTargetGroup(before, from, to);
    return { route, rule, before, after, undo: withTargetGroups(rule.actions, before), redo: withTargetGroups(rule.actions, after) };
  };
  return [change(first, ruleA, forwardA.targetGroups, groupA, groupB), change(second, ruleB, forwardB.targetGroups, groupB, groupA)];
}

function mayHaveApplied(e: unknown): boolean {
  return classifyAwsError(e) !== 'fatal';
}

/** Puts each change back in turn, without the signal; returns the errors (empty: all put back). */
async function putBack(elb: ElasticLoadBalancingV2Client, changes: readonly PlannedChange[], opts: Pick<AwsCallOptions, 'onCall'>): Promise<unknown[]> {
  const errors: unknown[] = [];
  for (const change of changes) {
    try {
      await setRuleActions(elb, change.rule, change.undo, opts);
    } catch (e) {
      errors.push(e);
    }
  }
  return errors;
}

function swapError(which: 'first' | 'second', failed: PlannedChange, error: unknown, restoreErrors: unknown[]): RouteSwapError {
  const head = `Swapping target groups failed: the ${which} change (${describeRoute(failed.route)}) failed: ${describeError(error)}.`;
  const tail =
    restoreErrors.length === 0
      ? which === 'first'
        ? ' Nothing was changed.'
        : ' The first change was put back: both routes forward as before the swap.'
      : ` Putting the routes back failed too: ${restoreErrors.map(describeError).join('; ')}. Check both routes and set them by hand.`;
  return new RouteSwapError(head + tail, which, error, restoreErrors);
}

function summary(change: PlannedChange): RouteChange {
  return { route: change.route, before: change.before, after: change.after };
}
