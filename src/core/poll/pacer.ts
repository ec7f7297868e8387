import type { Clock } from '../time.js';

export interface PollPacerOptions {
  /** Normal time between two polls (from the start of one to the start of the next). */
  baseIntervalMs: number;
  /** Ceiling of the back-off on throttling and transient errors, default 15 s. */
  maxIntervalMs?: number;
  /** Read calls the loop may make in any 60 s (polls plus extra reads), default 30. */
  readsPerMinute?: number;
  /** After a backed-off poll succeeds: halve the interval on each success ('gradual', the default) or return to
   * the base interval at once ('immediate'). */
  recovery?: PollRecovery | undefined;
}

export type PollRecovery = 'gradual' | 'immediate';

export const DEFAULT_MAX_INTERVAL_MS = 15_000;
export const DEFAULT_READS_PER_MINUTE = 30;
const WINDOW_MS = 60_000;

/**
 * Decides when the next poll may start (S7). Two constraints:
 * - the poll interval, doubled on each throttling/transient error up to the ceiling and, on each success, halved
 *   (back to the base within a few polls) or, with recovery 'immediate', back to the base at once;
 * - the read budget: at most readsPerMinute read calls (polls, ListTasks, DescribeTasks) in any 60 s. The base
 *   interval leaves headroom under it (2.2 s polls are ~27 a minute), so the few extra reads made when tasks fail
 *   do not delay the poll that notices the failure; only a sustained excess waits for the window to clear.
 */
export class PollPacer {
  readonly baseIntervalMs: number;
  readonly maxIntervalMs: number;
  private readonly readsPerMinute: number;
  private readonly recovery: PollRecovery;
  private interval: number;
  private lastPollAt: number | undefined;
  /** Times of the reads of the last 60 s, oldest first. */
  private readonly reads: number[] = [];

  constructor(
    private readonly clock: Clock,
    opts: PollPacerOptions,
  ) {
    this.baseIntervalMs = Math.max(0, opts.baseIntervalMs);
    this.maxIntervalMs = Math.max(this.baseIntervalMs, opts.maxIntervalMs ?? DEFAULT_MAX_INTERVAL_MS);
    this.readsPerMinute = Math.max(1, Math.floor(opts.readsPerMinute ?? DEFAULT_READS_PER_MINUTE));
    this.recovery = opts.recovery ?? 'gradual';
    this.interval = this.baseIntervalMs;
  }

  get intervalMs(): number {
    return this.interval;
  }

  /** A poll starts now (it is also a read). */
  pollStarted(): void {
    this.lastPollAt = this.clock.now();
    this.readMade();
  }

  /** A read call is made now; it uses budget. */
  readMade(): void {
    const now = this.clock.now();
    this.forgetBefore(now - WINDOW_MS);
    this.reads.push(now);
  }

  succeeded(): void {
    const next = this.recovery === 'immediate' ? this.baseIntervalMs : Math.floor(this.interval / 2);
    this.interval = Math.max(this.baseIntervalMs, next);
  }

  /** Throttled or a transient fault: poll less often. */
  backOff(): void {
    this.interval = Math.min(this.maxIntervalMs, Math.max(this.interval * 2, 1));
  }

  /** How long to wait from now before the next poll (0 before the first poll). */
  delayMs(): number {
    if (this.lastPollAt === undefined) return 0;
    const now = this.clock.now();
    this.forgetBefore(now - WINDOW_MS);
    let at = this.lastPollAt + this.interval;
    if (this.reads.length >= this.readsPerMinute) {
      // The next read fits once enough of the window's reads are older than 60 s.
      const oldestToExpire = this.reads[this.reads.length - this.readsPerMinute] ?? now;
      at = Math.max(at, oldestToExpire + WINDOW_MS);
    }
    return Math.max(0, Math.ceil(at - now));
  }

  private forgetBefore(t: number): void {
    while (this.reads.length > 0 && (this.reads[0] ?? 0) <= t) this.reads.shift();
  }
}
