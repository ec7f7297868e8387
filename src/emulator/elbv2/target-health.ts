/**
 * Target health as a function of simulated time, evaluated when asked (no timers):
 * - registered in a group no load balancer uses → `unused` (Target.NotInUse);
 * - health checks disabled → `unavailable` (Target.HealthCheckDisabled);
 * - otherwise `initial` (Elb.RegistrationInProgress during the first interval, then Elb.InitialHealthChecking),
 *   and after healthyThreshold × interval (passing) or unhealthyThreshold × interval (failing) the target is
 *   `healthy` or `unhealthy` (Target.FailedHealthChecks). A change of the target's behaviour takes effect after
 *   the same number of checks; until then it keeps its previous state;
 * - deregistered → `draining` (Target.DeregistrationInProgress) for the group's deregistration delay, then gone.
 */
import type { TargetHealthState } from '../contracts.js';
import type { TargetGroupRec, TargetRec } from './store.js';

export interface TargetHealthView {
  State: TargetHealthState;
  Reason?: string;
  Description?: string;
}

const view = (State: TargetHealthState, Reason?: string, Description?: string): TargetHealthView =>
  Reason === undefined || Description === undefined ? { State } : { State, Reason, Description };

export const NOT_REGISTERED = view('unused', 'Target.NotRegistered', 'Target is not registered to the target group');

/** Health of `t` at `now`, or undefined once its deregistration has completed. */
export function targetHealthAt(tg: TargetGroupRec, t: TargetRec, now: number): TargetHealthView | undefined {
  if (t.deregisteredAt !== undefined) {
    if (now >= t.deregisteredAt + (t.drainMs ?? 0)) return undefined;
    return view('draining', 'Target.DeregistrationInProgress', 'Target deregistration is in progress');
  }
  if (tg.loadBalancerArns.length === 0) {
    return view('unused', 'Target.NotInUse', 'Target group is not configured to receive traffic from the load balancer');
  }
  if (!tg.healthCheck.enabled) return view('unavailable', 'Target.HealthCheckDisabled', 'Health checks are disabled');
  const state = settledState(tg, t, now);
  if (state === 'unhealthy') return view('unhealthy', 'Target.FailedHealthChecks', 'Health checks failed');
  if (state === 'healthy') return view('healthy');
  const start = checksStart(tg, t);
  return now - start < tg.healthCheck.intervalSeconds * 1000
    ? view('initial', 'Elb.RegistrationInProgress', 'Target registration is in progress')
    : view('initial', 'Elb.InitialHealthChecking', 'Initial health checks in progress');
}

/** When the health checks that decide the current state started: at the last change or when the group got used. */
function checksStart(tg: TargetGroupRec, t: TargetRec): number {
  return Math.max(t.changedAt, tg.inUseSince ?? t.changedAt);
}

/** initial / healthy / unhealthy, ignoring use and draining. */
export function settledState(tg: TargetGroupRec, t: TargetRec, now: number): 'initial' | 'healthy' | 'unhealthy' {
  const start = checksStart(tg, t);
  // A group that became used after the last change starts over from `initial`.
  const previous = tg.inUseSince !== undefined && tg.inUseSince > t.changedAt ? 'initial' : t.previous;
  const goal = t.passes ? 'healthy' : 'unhealthy';
  if (previous === goal) return goal;
  const hc = tg.healthCheck;
  const checks = t.passes ? hc.healthyThreshold : hc.unhealthyThreshold;
  return now - start >= checks * hc.intervalSeconds * 1000 ? goal : previous;
}
