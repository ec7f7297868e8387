import type { Clock } from '../time.js';
import { ReadLedger } from '../aws/read-ledger.js';
import { paceIntervalMs } from './pace.js';
import type { PaceHint } from './pace.js';

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
  /** The run's read ledger (src/core/aws): the budget then counts every read the run's waits record there, the next poll also waits out its shared throttling pause, and the rounds' pace hints are followed (pace.ts).
   * Default: a ledger of this loop's own reads, and the base interval. */
  ledger?: ReadLedger | undefined;
}

export type PollRecovery = 'gradual' | 'immediate';

export const DEFAULT_MAX_INTERVAL_MS = 15_000;
export const DEFAULT_READS_PER_MINUTE = 30;
const WINDOW_MS = 60_000;
const ROUNDS_REMEMBERED = 10;

/**
 * Decides when the next poll may start (S7). Three constraints:
 * - the pacing policy (pace.ts): from the hint the last round gave (how near the end is), the interval it asks for;
 *   without a hint, the base interval; never faster than the base interval within a minute of a throttled call of
 *   the run (the account is busy: dense rounds of many deployments would only add to it);
 * - the back-off: the poll interval, doubled on each throttling/transient error up to the ceiling and, on each success, halved
 *   (back to the base within a few polls) or, with recovery 'immediate', back to the base at once;
 * - the read budget, hard: at most readsPerMinute read calls (polls, ListTasks, DescribeTasks) in any 60 s, of this
 *   loop or, with the run's ledger, of every wait of the run. A round starts only once as many reads as the recent
 *   rounds made fit in the window; the pacing policy spreads a "near" phase so that this seldom has to wait.
 */
export class PollPacer {
  readonly baseIntervalMs: number;
  readonly maxIntervalMs: number;
  private readonly readsPerMinute: number;
  private readonly recovery: PollRecovery;
  private interval: number;
  private lastPollAt: number | undefined;
  private readonly startedAt: number;
  /** What the last round said about how near the end is. */
  private hint: PaceHint | undefined;
  /** Reads of the recent rounds (the last ROUNDS_REMEMBERED), the current one last: the next round may need as many. */
  private readonly roundReads: number[] = [];
  /** The reads of the last 60 s (this loop's, or the whole run's). */
  private readonly ledger: ReadLedger;
  /** Without a shared ledger, the loop has a ledger of its own and keeps the base interval. */
  private readonly ownLedger: boolean;

  constructor(
    private readonly clock: Clock,
    opts: PollPacerOptions,
  ) {
    this.baseIntervalMs = Math.max(0, opts.baseIntervalMs);
    this.maxIntervalMs = Math.max(this.baseIntervalMs, opts.maxIntervalMs ?? DEFAULT_MAX_INTERVAL_MS);
    this.readsPerMinute = Math.max(1, Math.floor(opts.readsPerMinute ?? DEFAULT_READS_PER_MINUTE));
    this.recovery = opts.recovery ?? 'gradual';
    this.interval = this.baseIntervalMs;
    this.startedAt = clock.now();
    this.ownLedger = opts.ledger === undefined;
    this.ledger = opts.ledger ?? new ReadLedger(clock);
  }

  get intervalMs(): number {
    return this.interval;
  }

  /** A poll starts now (it is also a read). */
  pollStarted(): void {
    this.lastPollAt = this.clock.now();
    this.hint = undefined;
    this.roundReads.push(0);
    if (this.roundReads.length > ROUNDS_REMEMBERED) this.roundReads.shift();
    this.readMade();
  }

  /** The round that just ran says how near the end is (pace.ts). Heeded when the loop spends a run's read budget
   * (a shared ledger): a wait that does not know the run's budget keeps the base interval. */
  pace(hint: PaceHint): void {
    if (!this.ownLedger) this.hint = hint;
  }

  /** The interval the pacing policy asks for after the last round, lengthened while backed off. */
  nextIntervalMs(): number {
    const now = this.clock.now();
    const paced = paceIntervalMs({
      hint: this.hint,
      baseMs: this.baseIntervalMs,
      now,
      startedAt: this.startedAt,
      readsPerMinute: this.readsPerMinute,
      readsAfter: (t) => this.ledger.readsAfter(t),
    });
    // A throttled account (many deployments at once) gets no dense rounds for a minute: each would add to the load.
    const floor = this.ledger.throttledRecently() ? Math.max(this.baseIntervalMs, paced) : paced;
    return this.interval > this.baseIntervalMs ? Math.max(floor, this.interval) : floor;
  }

  /** A read call is made now; it uses budget. */
  readMade(): void {
    if (this.roundReads.length > 0) this.roundReads[this.roundReads.length - 1] = (this.roundReads.at(-1) ?? 0) + 1;
    this.ledger.record();
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
    const reads = this.ledger.window();
    let at = Math.max(this.lastPollAt + this.nextIntervalMs(), now + this.ledger.pauseMs());
    // The next round may read as much as the recent ones did: it starts once that fits in the budget, i.e. once
    // enough of the window's reads are older than 60 s (the budget is never exceeded).
    const need = Math.min(this.readsPerMinute, Math.max(1, ...this.roundReads));
    const excess = reads.length + need - this.readsPerMinute;
    if (excess > 0) at = Math.max(at, (reads[excess - 1] ?? now) + WINDOW_MS);
    return Math.max(0, Math.ceil(at - now));
  }
}
