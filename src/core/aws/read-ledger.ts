/**
 * Every read one action run sends to AWS (S7, issue 17), and the client-side back-off all of them share when AWS
 * throttles. An action run is one deployment, so this is the deployment's read budget: the polling primitive
 * (src/core/poll) paces its rounds against it, whatever else the run reads (the summary, a target group, a bake).
 *
 * - Each attempt of a read operation (`Describe*`, `List*`, `Get*`, of any client) is recorded when it is sent,
 *   SDK retries included, since AWS counts each one.
 * - A throttled read opens a pause that every read of the process waits out before it is sent: 0.5 s, doubled on
 *   each further throttle up to MAX_PAUSE_MS, shortened again by each read that gets through. Without it, each client
 *   backs off alone (the SDK's adaptive retry is per client) and the polls of different waits keep asking.
 */
import type {
  FinalizeHandler,
  FinalizeHandlerArguments,
  FinalizeHandlerOutput,
  FinalizeRequestMiddleware,
  HandlerExecutionContext,
  MetadataBearer,
  MiddlewareStack,
} from '@smithy/types';
import type { Clock, Sleep } from '../time.js';
import { classifyAwsError } from './errors.js';

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

  constructor(readonly clock: Clock) {}

  /** A read is sent now. */
  record(): void {
    const now = this.clock.now();
    this.forgetBefore(now - WINDOW_MS);
    this.reads.push(now);
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

  /** A read was throttled: every read of the process waits a little longer before the next one. */
  throttled(): void {
    const now = this.clock.now();
    this.pauseUntil = Math.max(this.pauseUntil, now + this.pauseMsNext);
    this.pauseMsNext = Math.min(MAX_PAUSE_MS, this.pauseMsNext * 2);
  }

  /** A read got through: the next throttle starts from a shorter pause. */
  succeeded(): void {
    this.pauseMsNext = Math.max(FIRST_PAUSE_MS, Math.floor(this.pauseMsNext / 2));
  }

  /** How long a read must wait from now before it is sent (0: no pause). */
  pauseMs(): number {
    return Math.max(0, this.pauseUntil - this.clock.now());
  }

  private forgetBefore(t: number): void {
    while (this.reads.length > 0 && (this.reads[0] ?? 0) <= t) this.reads.shift();
  }
}

/** Inside the retry loop (finalizeRequest, low priority): each attempt is counted and each throttled attempt seen. */
const READ_LEDGER_STEP = { step: 'finalizeRequest', priority: 'low', name: 'ecsDeliveryReadLedger', override: true } as const;

/** Adds to a client's middleware stack: every read attempt waits out the shared pause, then is recorded in `ledger`. */
export function addReadLedger<Input extends object, Output extends MetadataBearer>(
  stack: Pick<MiddlewareStack<Input, Output>, 'add'>,
  ledger: ReadLedger,
  sleep: Sleep,
): void {
  stack.add(readLedgerMiddleware<Input, Output>(ledger, sleep), READ_LEDGER_STEP);
}

export function readLedgerMiddleware<Input extends object, Output extends MetadataBearer>(
  ledger: ReadLedger,
  sleep: Sleep,
): FinalizeRequestMiddleware<Input, Output> {
  return (next: FinalizeHandler<Input, Output>, context: HandlerExecutionContext) =>
    async (args: FinalizeHandlerArguments<Input>): Promise<FinalizeHandlerOutput<Output>> => {
      const operation = (context.commandName ?? '').replace(/Command$/, '');
      if (!isReadOperation(operation)) return next(args);
      const pause = ledger.pauseMs();
      if (pause > 0) await sleep(pause);
      ledger.record();
      try {
        const out = await next(args);
        ledger.succeeded();
        return out;
      } catch (e) {
        if (classifyAwsError(e) === 'throttling') ledger.throttled();
        throw e;
      }
    };
}
