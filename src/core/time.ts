/** Time is injected everywhere: production uses the real clock, tests a fake one. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** Resolves after `ms` milliseconds, or rejects with the signal's reason when it aborts first. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const systemClock: Clock = { now: () => Date.now() };

export const realSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** Thrown when an overall deadline (S7, input `timeout-minutes`) has passed. */
export class DeadlineExceededError extends Error {
  constructor(
    readonly what: string,
    readonly timeoutMs: number,
  ) {
    super(`${what} did not finish within ${formatDuration(timeoutMs)}`);
    this.name = 'DeadlineExceededError';
  }
}

/** One overall deadline per action run (S7). */
export class Deadline {
  readonly expiresAt: number;
  constructor(
    private readonly clock: Clock,
    readonly timeoutMs: number,
  ) {
    this.expiresAt = clock.now() + timeoutMs;
  }
  remainingMs(): number {
    return Math.max(0, this.expiresAt - this.clock.now());
  }
  expired(): boolean {
    return this.remainingMs() === 0;
  }
  /** A deadline `reserveMs` earlier than this one (never in the past): what is left after keeping a reserve. */
  keeping(reserveMs: number): Deadline {
    return new Deadline(this.clock, Math.max(0, this.remainingMs() - reserveMs));
  }
  /** Throws DeadlineExceededError naming `what` when the deadline has passed. */
  check(what: string): void {
    if (this.expired()) throw new DeadlineExceededError(what, this.timeoutMs);
  }
}

export function formatDuration(ms: number): string {
  const totalSeconds = Math.round(ms / 1000);
  const m = Math.floor(totalSeconds / 60);
  const s = totalSeconds % 60;
  if (m === 0) return `${s}s`;
  return s === 0 ? `${m}m` : `${m}m ${s}s`;
}
