/**
 * The one polling primitive (S7): every wait of the suite (a service deployment, a service becoming INACTIVE,
 * one-off tasks, healthy targets, log streaming) is a `poll` with a deadline, a read budget, a back-off on
 * throttling and transient errors, a little jitter and an abort signal. Clock and sleep are injected.
 *
 * `attempt` makes one round of reads and returns a value to end the wait, or undefined to go on. It reports each
 * read it makes through `round.read(operation)` beyond the first, so the pacer keeps the read budget. A throttling or
 * transient error it throws backs the pace off and the wait goes on; any other error ends the wait by propagating.
 */
import { classifyAwsError } from '../aws/errors.js';
import type { ReadLedger } from '../aws/read-ledger.js';
import type { Clock, Deadline, Sleep } from '../time.js';
import { DEFAULT_READS_PER_MINUTE, PollPacer } from './pacer.js';
import type { PollRecovery } from './pacer.js';
import type { PaceHint } from './pace.js';

/** 2.2 s between two rounds: about 27 reads a minute, under the 30-reads-a-minute budget (S7) with room for the
 * extra reads that explain a failure. The one default interval of every wait, and the unit of the pacing policy
 * (pace.ts: dense a quarter of it, slow three times it) for waits whose rounds say how near the end is. */
export const DEFAULT_POLL_INTERVAL_MS = 2200;

export interface PollDeps {
  clock: Clock;
  sleep: Sleep;
  /** The run's read ledger (AwsClients.reads): the read budget counts the reads of every wait of the run (each
   * records its rounds and their extra reads there), a throttled call anywhere in the process pauses the next poll too, and the
   * pacing policy (pace.ts) spends that budget where the wait is about to end. Without it, the loop counts its own
   * reads and polls at the base interval (hints are ignored). */
  reads?: ReadLedger | undefined;
}

export interface PollOptions {
  /** The action's overall deadline (S7). */
  deadline: Deadline;
  /** Cancellation (S10). */
  signal?: AbortSignal | undefined;
  /** Time from the start of one round to the start of the next; default DEFAULT_POLL_INTERVAL_MS. */
  intervalMs?: number | undefined;
  /** Read calls allowed in any 60 s; default 30, or more when a caller asks for a faster interval. */
  readsPerMinute?: number | undefined;
  /** After a throttled or failed round, how the interval returns to normal: halved on each success ('gradual', the
   * default) or at once ('immediate'). */
  recovery?: PollRecovery | undefined;
  /** Up to this fraction (0 to 1) of the interval is added at random to each delay (0: none, the default). */
  jitter?: number | undefined;
  /** Randomness for the jitter; default Math.random. */
  random?: (() => number) | undefined;
  /** Told of each throttling or transient error the wait rides out, with the backed-off interval before the next
   * round (the read budget, jitter or the deadline may still lengthen or shorten that one delay). */
  onRetry?: ((error: unknown, kind: 'throttling' | 'transient', nextDelayMs: number) => void) | undefined;
}

/** What one round may use. */
export interface PollRound {
  /** 1 for the first round. */
  readonly number: number;
  /** Epoch ms when the wait started. */
  readonly startedAt: number;
  readonly signal: AbortSignal | undefined;
  /** Call before every read after the round's first one (the first is counted by the loop). */
  read(operation: string): void;
  /** How near the end is, from what this round read (pace.ts): the pacer chooses the next interval from it. */
  pace(hint: PaceHint): void;
  now(): number;
}

/** How a wait ended: a value from `attempt`, the deadline, or the signal. */
export type PollEnd<T> =
  | { kind: 'done'; value: T; rounds: number }
  | { kind: 'timeout'; rounds: number; lastError: unknown }
  | { kind: 'cancelled'; rounds: number };

export async function poll<T>(
  deps: PollDeps,
  options: PollOptions,
  attempt: (round: PollRound) => Promise<T | undefined>,
): Promise<PollEnd<T>> {
  const { clock, sleep } = deps;
  const { signal, deadline } = options;
  const startedAt = clock.now();
  const pacer = pacerFor(clock, options, deps.reads);
  let rounds = 0;
  let lastError: unknown;
  const round = (n: number): PollRound => ({
    number: n,
    startedAt,
    signal,
    read: () => pacer.readMade(),
    pace: (hint) => pacer.pace(hint),
    now: () => clock.now(),
  });
  for (;;) {
    if (isAborted(signal)) return { kind: 'cancelled', rounds };
    pacer.pollStarted();
    rounds += 1;
    try {
      const r = round(rounds);
      // The round's reads are counted by the pacer; the run's ledger leaves them to it.
      const value = await (deps.reads !== undefined ? deps.reads.insideWait(() => attempt(r)) : attempt(r));
      pacer.succeeded();
      lastError = undefined;
      if (value !== undefined) return { kind: 'done', value, rounds };
    } catch (e) {
      if (isAborted(signal)) return { kind: 'cancelled', rounds };
      const kind = classifyAwsError(e);
      if (kind === 'fatal') throw e;
      pacer.backOff();
      lastError = e;
      options.onRetry?.(e, kind, pacer.intervalMs);
    }
    if (deadline.expired()) return { kind: 'timeout', rounds, lastError };
    const delay = Math.min(pacer.delayMs() + jitterMs(pacer, options), deadline.remainingMs());
    try {
      await sleep(delay, signal);
    } catch (e) {
      if (isAborted(signal)) return { kind: 'cancelled', rounds };
      throw e;
    }
  }
}

function pacerFor(clock: Clock, options: PollOptions, ledger: ReadLedger | undefined): PollPacer {
  const baseIntervalMs = options.intervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  // A caller asking for faster rounds gets a matching budget.
  const readsPerMinute =
    options.readsPerMinute ?? Math.max(DEFAULT_READS_PER_MINUTE, baseIntervalMs > 0 ? 60_000 / baseIntervalMs : 0);
  return new PollPacer(clock, { baseIntervalMs, readsPerMinute, recovery: options.recovery, ledger });
}

function jitterMs(pacer: PollPacer, options: PollOptions): number {
  const fraction = Math.min(1, options.jitter ?? 0);
  if (!(fraction > 0)) return 0;
  const r = Math.min(1, Math.max(0, (options.random ?? Math.random)()));
  return Math.floor(r * fraction * pacer.intervalMs);
}

/** Read through a function so the compiler does not narrow it across awaits. */
export function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}
