/**
 * The pacing policy of the one polling primitive (S7, issue 17): spend the read budget where the wait is about to end.
 * After each round the watcher tells the pacer how near the end is, from what the service told it (never a fixed
 * guess); the pacer turns that into the time until the next round:
 *
 * - `idle`: nothing can finish soon (no task of the deployment has started, the tasks of a run are still starting):
 *   a quarter of the time the wait has been idle, between the base and the slow interval. A start that has not come
 *   after t seconds is unlikely to come within much less than t/4; never faster than the base interval, since nothing
 *   can end meanwhile (and fifty deployments starting at once must not read faster than they used to).
 * - `eta`: the end is predicted at a moment (the last minutes of a bake): half the time left, between the dense and
 *   the slow interval, so polls close in on the moment (… 4 s, 2 s, 1 s, 0.55 s before it); once it has passed
 *   without the end, the wait is `near`. With `latest` (old targets draining for the target group's deregistration
 *   delay, from `since`) the moment is only the latest one: a drain ends at once when no request is in flight, when
 *   its last connection closes, or when the delay runs out. So dense for the first moments after `since`, evenly
 *   between (at most twice the base interval apart) keeping the reads of its last moments and of the first moments of
 *   what follows it (the tasks' stop), and closing in on `at` in its last moments.
 * - `within`: the end comes any moment from `since` to `until` at the latest (ECS stopped the old tasks; their
 *   containers get their stop timeout to exit): dense for the first moments (most containers exit at SIGTERM), then
 *   the denser of a quarter of the phase's age and an even spread of the budget until `until`; past `until`, `near`.
 *
 * Simulated against the benchmark's rollouts by bench/pace-sim.ts (a second, no emulator) before the benchmark.
 * - `near`: the end may come any moment, with no bound (a task of ours stopped with an error and the circuit
 *   breaker's verdict may follow, the last task of a run is stopping, a native deployment is in its last stage):
 *   dense, spreading the budget left over NEAR_HORIZON_MS, so a long "near" slows down to the sustainable pace
 *   (about 2 s a read) instead of spending the whole budget at once and going quiet.
 * - no hint: the base interval (a wait that does not predict, e.g. a log drain).
 *
 * All intervals are in units of the base interval (DEFAULT_POLL_INTERVAL_MS, 2.2 s: dense 0.55 s, slow 8.8 s), so a
 * caller that asks for faster rounds (tests) gets the same shape faster. The hard read budget (pacer.ts) and the
 * throttling back-off come on top of what this chooses.
 */

/** How near the end of a wait is, as the last round saw it. */
export type PaceHint =
  /** Nothing can finish soon; `since`: when this state began (epoch ms; default: when the wait began). */
  | { kind: 'idle'; since?: number | undefined }
  /**
   * The end is expected at `at` (epoch ms). `latest`: `at` is only the latest moment, from `since` (a target group's
   * deregistration delay: ELB ends a target's draining at once when it has no in-flight requests).
   */
  | { kind: 'eta'; at: number; latest?: boolean; since?: number | undefined }
  /** The end comes any moment from `since` to `until` at the latest (epoch ms). */
  | { kind: 'within'; since: number; until: number }
  /** The end may come any moment. */
  | { kind: 'near' };

/** Dense interval: a quarter of the base (0.55 s by default). */
export const DENSE_DIVISOR = 4;
/** Slow interval: four times the base (8.8 s by default). */
export const SLOW_FACTOR = 4;
/** The first moments of a bounded phase (`within`, a `latest` eta), polled densely: one base interval (2.2 s). */
export const FIRST_MOMENTS_FACTOR = 1;
/** The reads of those moments at the dense interval. */
const MOMENT_READS = FIRST_MOMENTS_FACTOR * DENSE_DIVISOR;
/** A `near` phase spreads the reads it may still make over this long (then over the next, and so on). Shorter starts
 * denser but leaves less for a long one (the trade-off, simulated against the benchmark's rollouts, is in
 * bench/README.md). */
export const NEAR_HORIZON_MS = 20_000;
/** Reads kept aside for the extra reads of a round (stopped tasks that explain a failure). */
export const NEAR_RESERVE_READS = 2;
const WINDOW_MS = 60_000;

export interface PaceInputs {
  hint: PaceHint | undefined;
  baseMs: number;
  now: number;
  /** When the wait began. */
  startedAt: number;
  /** Read calls allowed in any 60 s. */
  readsPerMinute: number;
  /** Reads made after `t` (within the last 60 s). */
  readsAfter(t: number): number;
}

export function denseMs(baseMs: number): number {
  return Math.floor(baseMs / DENSE_DIVISOR);
}

export function slowMs(baseMs: number): number {
  return baseMs * SLOW_FACTOR;
}

/** The time from the start of the last round to the start of the next one that the hint asks for. */
export function paceIntervalMs(p: PaceInputs): number {
  const { hint, baseMs, now } = p;
  if (hint === undefined) return baseMs;
  const clamp = (ms: number): number => Math.round(Math.min(slowMs(baseMs), Math.max(denseMs(baseMs), ms)));
  const firstMoments = (since: number | undefined): boolean => since !== undefined && now - since < baseMs * FIRST_MOMENTS_FACTOR;
  switch (hint.kind) {
    case 'idle':
      return Math.max(baseMs, clamp((now - (hint.since ?? p.startedAt)) / DENSE_DIVISOR));
    case 'eta': {
      const left = hint.at - now;
      if (left <= 0) return nearMs(p, clamp);
      if (hint.latest !== true) return clamp(left / 2);
      const moments = baseMs * FIRST_MOMENTS_FACTOR;
      if (firstMoments(hint.since)) return Math.max(denseMs(baseMs), shortMs(p, clamp));
      // The last moments before `at`: close in on it.
      if (left <= 2 * moments) return Math.max(clamp(left / 2), shortMs(p, clamp));
      // Between: evenly, keeping the reads of the last moments and of the first moments after `at` (what follows).
      return Math.min(baseMs * 2, evenMs(p, hint.at - 2 * moments, clamp, MOMENT_READS * 3));
    }
    case 'within':
      if (hint.until <= now) return nearMs(p, clamp);
      if (firstMoments(hint.since)) return Math.max(denseMs(baseMs), shortMs(p, clamp));
      // Then evenly until `until`, denser while the phase is young (a stop that has not ended after t seconds is
      // unlikely to end within much less than t/4), within the budget.
      return Math.max(shortMs(p, clamp), Math.min(evenMs(p, hint.until, clamp), clamp((now - hint.since) / DENSE_DIVISOR)));
    case 'near':
      return nearMs(p, clamp);
  }
}

/**
 * Dense, within what the budget can keep up for NEAR_HORIZON_MS: the reads that will still count in the window at
 * the end of the horizon are taken, the rest is spread evenly over it.
 */
function nearMs(p: PaceInputs, clamp: (ms: number) => number): number {
  const stillCounted = p.readsAfter(p.now - (WINDOW_MS - NEAR_HORIZON_MS));
  const spendable = p.readsPerMinute - NEAR_RESERVE_READS - stillCounted;
  return clamp(NEAR_HORIZON_MS / Math.max(1, spendable));
}

/** Dense for the first moments, within what the budget has left for them. */
function shortMs(p: PaceInputs, clamp: (ms: number) => number): number {
  const horizon = p.baseMs * FIRST_MOMENTS_FACTOR;
  const spendable = p.readsPerMinute - NEAR_RESERVE_READS - p.readsAfter(p.now + horizon - WINDOW_MS);
  return clamp(horizon / Math.max(1, spendable));
}

/**
 * Evenly until `until`, within what the budget can keep up until then: the reads that will still count in the window
 * at `until` are taken, the rest is spread (beyond a minute ahead, at the sustainable pace).
 */
function evenMs(p: PaceInputs, until: number, clamp: (ms: number) => number, keep = 0): number {
  const left = until - p.now;
  const stillCounted = p.readsAfter(until - WINDOW_MS);
  const spendable = (p.readsPerMinute - NEAR_RESERVE_READS) * Math.max(1, left / WINDOW_MS) - stillCounted - keep;
  return clamp(left / Math.max(1, spendable));
}
