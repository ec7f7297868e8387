/**
 * Forward actions, read and rebuilt. ELBv2 describes a forward action with a `TargetGroupArn` (one group), a
 * `ForwardConfig` (weighted groups and stickiness), or both; a rebuilt action keeps its order, its stickiness and
 * every other action of the list as it was.
 */
import type { Action, ForwardActionConfig } from '@aws-sdk/client-elastic-load-balancing-v2';
import { lookupError } from './lookup-errors.js';
import type { ElbLookupOptions, TargetGroupStickiness, WeightedTargetGroup } from './types.js';

export interface ForwardAction {
  /** Position of the forward action in the action list. */
  index: number;
  targetGroups: WeightedTargetGroup[];
  stickiness?: TargetGroupStickiness | undefined;
}

/** The first forward action of `actions` (in `Order`, else list order), or undefined when none forwards. */
export function forwardOf(actions: readonly Action[]): ForwardAction | undefined {
  const ordered = actions.map((action, index) => ({ action, index }));
  ordered.sort((a, b) => (a.action.Order ?? a.index) - (b.action.Order ?? b.index));
  const found = ordered.find(({ action }) => action.Type === 'forward');
  if (found === undefined) return undefined;
  const { action, index } = found;
  const config = action.ForwardConfig;
  const tuples = config?.TargetGroups ?? [];
  const targetGroups: WeightedTargetGroup[] =
    tuples.length > 0
      ? tuples.map((t) => ({ arn: t.TargetGroupArn ?? '', weight: t.Weight ?? 1 }))
      : action.TargetGroupArn !== undefined
        ? [{ arn: action.TargetGroupArn, weight: 1 }]
        : [];
  const sticky = config?.TargetGroupStickinessConfig;
  const stickiness =
    sticky === undefined
      ? undefined
      : { enabled: sticky.Enabled === true, ...(sticky.DurationSeconds !== undefined ? { durationSeconds: sticky.DurationSeconds } : {}) };
  return { index, targetGroups, stickiness };
}

/** forwardOf, or a ConfigurationError naming `where` (e.g. `the default rule of listener …`) when nothing forwards. */
export function requireForward(actions: readonly Action[], where: string, opts: ElbLookupOptions = {}): ForwardAction {
  const forward = forwardOf(actions);
  if (forward === undefined || forward.targetGroups.length === 0) {
    const types = actions.map((a) => a.Type ?? '?').join(', ') || 'none';
    throw lookupError(`${where} has no forward action (its actions: ${types}); it must forward to a target group`, opts);
  }
  return forward;
}

/**
 * "The" target group of a forward action: the only group with a weight above 0. None, or several (a traffic shift in
 * progress), is a ConfigurationError naming `where`.
 */
export function mainTargetGroup(forward: ForwardAction, where: string, opts: ElbLookupOptions = {}): string {
  const live = forward.targetGroups.filter((g) => g.weight > 0);
  const [only] = live;
  if (live.length === 1 && only !== undefined) return only.arn;
  if (live.length === 0) throw lookupError(`${where} forwards to no target group with a weight above 0`, opts);
  const split = live.map((g) => `${g.arn} (weight ${g.weight})`).join(', ');
  throw lookupError(`${where} splits traffic between ${split}; finish or undo that traffic shift first`, opts);
}

/** `groups` with `from` replaced by `to` at the same weight; an entry of `to` already there is dropped. */
export function replaceTargetGroup(groups: readonly WeightedTargetGroup[], from: string, to: string): WeightedTargetGroup[] {
  return groups.filter((g) => g.arn !== to || g.arn === from).map((g) => (g.arn === from ? { arn: to, weight: g.weight } : g));
}

/**
 * `actions` with their forward action now forwarding to `groups` (order and stickiness kept); every other action
 * is sent back as it was described. Throws when `actions` has no forward action.
 */
export function withTargetGroups(actions: readonly Action[], groups: readonly WeightedTargetGroup[]): Action[] {
  const forward = forwardOf(actions);
  if (forward === undefined) throw new Error('withTargetGroups: the actions have no forward action');
  if (groups.length === 0) throw new Error('withTargetGroups: a forward action needs at least one target group');
  return actions.map((action, i) => (i === forward.index ? forwardAction(action, groups, forward.stickiness) : resendable(action)));
}

function forwardAction(previous: Action, groups: readonly WeightedTargetGroup[], stickiness: TargetGroupStickiness | undefined): Action {
  const order = previous.Order !== undefined ? { Order: previous.Order } : {};
  const [single] = groups;
  if (groups.length === 1 && single !== undefined && stickiness?.enabled !== true) {
    return { Type: 'forward', ...order, TargetGroupArn: single.arn };
  }
  const config: ForwardActionConfig = { TargetGroups: groups.map((g) => ({ TargetGroupArn: g.arn, Weight: g.weight })) };
  if (stickiness !== undefined) {
    config.TargetGroupStickinessConfig = {
      Enabled: stickiness.enabled,
      ...(stickiness.durationSeconds !== undefined ? { DurationSeconds: stickiness.durationSeconds } : {}),
    };
  }
  return { Type: 'forward', ...order, ForwardConfig: config };
}

/**
 * An action as described, made fit to send back: DescribeRules never returns an OIDC client secret, so an
 * authenticate-oidc action keeps the one ELBv2 has (`UseExistingClientSecret`).
 */
function resendable(action: Action): Action {
  const oidc = action.AuthenticateOidcConfig;
  if (action.Type !== 'authenticate-oidc' || oidc === undefined || oidc.ClientSecret !== undefined) return action;
  return { ...action, AuthenticateOidcConfig: { ...oidc, UseExistingClientSecret: true } };
}

/** Target groups as text for logs and errors: `arn` or `arn (weight 90), arn (weight 10)`. */
export function describeTargetGroups(groups: readonly WeightedTargetGroup[]): string {
  const [only] = groups;
  if (groups.length === 1 && only !== undefined) return only.arn;
  return groups.map((g) => `${g.arn} (weight ${g.weight})`).join(', ');
}
