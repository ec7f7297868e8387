import type { Clock } from '../time.js';

export interface PollPacerOptions {
  /** Normal time between two polls (from the start of one to the start of the next). */
  baseIntervalMs: number;
  /** Ceiling of the back-off on throttling and transient errors, default 15 s. */
  maxIntervalMs?: number;
  /** Read calls per minute the loop may spend in total (polls plus extra reads), default 30. */
  readsPerMinute?: number;
}

export const DEFAULT_MAX_INTERVAL_MS = 15_000;
export const DEFAULT_READS_PER_MINUTE = 30;

/**
 * Decides when the next poll may start (S7). Two constraints:
 * - the poll interval, doubled on each throttling/transient error up to the ceiling and halved on each success
 *   (back to the base within a few polls);
 * - the read budget: every read call (the poll itself, ListTasks, DescribeTasks) reserves 60 s / readsPerMinute,
 *   so over any minute the loop makes at most about readsPerMinute reads.
 */
export class PollPacer {
  readonly baseIntervalMs: number;
  readonly maxIntervalMs: number;
  private readonly readGapMs: number;
  private interval: number;
  private lastPollAt: number | undefined;
  /** When the next read fits in the budget. */
  private budgetFreeAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly clock: Clock,
    opts: PollPacerOptions,
  ) {
    this.baseIntervalMs = Math.max(0, opts.baseIntervalMs);
    this.maxIntervalMs = Math.max(this.baseIntervalMs, opts.maxIntervalMs ?? DEFAULT_MAX_INTERVAL_MS);
    this.readGapMs = 60_000 / (opts.readsPerMinute ?? DEFAULT_READS_PER_MINUTE);
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
    this.budgetFreeAt = Math.max(this.budgetFreeAt, this.clock.now()) + this.readGapMs;
  }

  succeeded(): void {
    this.interval = Math.max(this.baseIntervalMs, Math.floor(this.interval / 2));
  }

  /** Throttled or a transient fault: poll less often. */
  backOff(): void {
    this.interval = Math.min(this.maxIntervalMs, Math.max(this.interval * 2, 1));
  }

  /** How long to wait from now before the next poll (0 before the first poll). */
  delayMs(): number {
    if (this.lastPollAt === undefined) return 0;
    const at = Math.max(this.lastPollAt + this.interval, this.budgetFreeAt);
    return Math.max(0, Math.ceil(at - this.clock.now()));
  }
}
