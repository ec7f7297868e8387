/**
 * The reads of one action run (S7, issue 17), and the client-side back-off they all share when AWS throttles. An
 * action run is one deployment, so this is the deployment's read budget: every wait of the run (the polling
 * primitive, src/core/poll) records its rounds and their extra reads here, so the rollout, a healthy-target wait, a
 * bake and a rollback that follow each other share one window of 30 reads in any 60 s.
 *
 * A throttled call of any client (the retry strategy reports it, retry.ts) opens a pause that the next poll of every
 * wait waits out: 0.5 s, doubled on each further throttle up to MAX_PAUSE_MS, shortened again by each call that gets
 * through. Without it each client backs off alone (the SDK's adaptive rate limiter is per client) and the other
 * waits keep asking. Every read call of the run waits that pause out too (read-middleware.ts).
 *
 * The reads outside the waits (a snapshot, the summary's, a rollback's first look) are counted from the run's first
 * change (its first call that is not a read) by every client's middleware (read-middleware.ts); the waits count
 * their own, so each read is counted once.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Clock } from '../time.js';

const WINDOW_MS = 60_000;
export const FIRST_PAUSE_MS = 500;
export const MAX_PAUSE_MS = 8_000;

/** A read operation: what the read budget counts (S7). */
export function isReadOperation(operation: string): boolean {
  return /^(Describe|List|Get)/.test(operation);
}

export class ReadLedger {
  /** Times of the reads of the last 60 s, oldest first. */
  private readonly reads: number[] = [];
  private pauseUntil = 0;
  private pauseMsNext = FIRST_PAUSE_MS;
  private lastThrottledAt: number | undefined;
  /** Set while a wait's round runs: its reads are counted by the wait. */
  private readonly waits = new AsyncLocalStorage<true>();
  /** The run has made its first change. */
  private changed = false;

  constructor(readonly clock: Clock) {}

  /** A read is sent now. */
  record(): void {
    const now = this.clock.now();
    this.forgetBefore(now - WINDOW_MS);
    this.reads.push(now);
  }

  /** Runs one round of a wait: the reads it makes are the wait's to count. */
  insideWait<T>(round: () => Promise<T>): Promise<T> {
    return this.waits.run(true, round);
  }

  /** A call of any client is sent now (its middleware says): a change starts the count, a read outside a wait is counted. */
  callSent(operation: string): void {
    if (!isReadOperation(operation)) this.changed = true;
    else if (this.changed && this.waits.getStore() !== true) this.record();
  }

  /** Reads sent after `t` that are still within the last 60 s. */
  readsAfter(t: number): number {
    this.forgetBefore(this.clock.now() - WINDOW_MS);
    return this.reads.filter((r) => r > t).length;
  }

  /** The times of the reads of the last 60 s, oldest first. */
  window(): readonly number[] {
    this.forgetBefore(this.clock.now() - WINDOW_MS);
    return [...this.reads];
  }

  /** A call of the run was throttled: every read of the process waits a little longer before the next one. */
  throttled(): void {
    const now = this.clock.now();
    this.lastThrottledAt = now;
    this.pauseUntil = Math.max(this.pauseUntil, now + this.pauseMsNext);
    this.pauseMsNext = Math.min(MAX_PAUSE_MS, this.pauseMsNext * 2);
  }

  /** A read got through: the next throttle starts from a shorter pause. */
  succeeded(): void {
    this.pauseMsNext = Math.max(FIRST_PAUSE_MS, Math.floor(this.pauseMsNext / 2));
  }

  /** AWS throttled a call of the run within the last 60 s: the account is busy (other deployments), so the waits do
   * not poll faster than their base interval meanwhile (pacer.ts). */
  throttledRecently(): boolean {
    return this.lastThrottledAt !== undefined && this.clock.now() - this.lastThrottledAt < WINDOW_MS;
  }

  /** How long a read must wait from now before it is sent (0: no pause). */
  pauseMs(): number {
    return Math.max(0, this.pauseUntil - this.clock.now());
  }

  private forgetBefore(t: number): void {
    while (this.reads.length > 0 && (this.reads[0] ?? 0) <= t) this.reads.shift();
  }
}

