import type { Service } from '@aws-sdk/client-ecs';
import { describeError } from '../../errors.js';
import { describeServiceAnyStatus } from '../../ecs/services.js';
import { formatDuration } from '../../time.js';
import type { Clock, Deadline, Sleep } from '../../time.js';
import type { ECSClient } from '@aws-sdk/client-ecs';
import type { Logger } from '../../io/logger.js';
import { EventPrinter, UNSEEN_EVENT_WINDOW_MS } from './events.js';
import { DEFAULT_READS_PER_MINUTE, PollPacer } from '../../poll/pacer.js';
import { summarizeStoppedTasks } from './stopped-tasks.js';
import type { StoppedTaskReason } from './stopped-tasks.js';
import { classifyAwsError } from '../../aws/errors.js';
import type { WatchResult } from './watch-result.js';

export interface PollDeps {
  ecs: ECSClient;
  clock: Clock;
  sleep: Sleep;
  log: Logger;
}

export interface PollParams {
  cluster: string;
  service: string;
  deadline: Deadline;
  signal?: AbortSignal | undefined;
  seenEventIds?: Iterable<string> | undefined;
  pollIntervalMs?: number | undefined;
}

/** What a particular wait (for a deployment, for INACTIVE) does with each DescribeServices answer. */
export interface PollObserver {
  /** `deployment ecs-svc/1 of service web to reach a steady state`: used in timeout and cancel messages. */
  waitingFor(): string;
  /** Judges one answer (undefined: ECS says MISSING); a result ends the wait. May make extra reads via `io`. */
  observe(service: Service | undefined, io: PollIo): Promise<WatchResult | undefined>;
  /** Stopped tasks to report when the wait ends by timeout (may read once more) or cancellation (no reads). */
  stoppedTasks(end: 'timeout' | 'cancelled', io: PollIo): Promise<StoppedTaskReason[]>;
  /** Extra words for a timeout message, e.g. the last progress seen. */
  lastSeen(): string | undefined;
}

/** What an observer may use to make extra reads within the loop's budget. */
export interface PollIo {
  signal: AbortSignal | undefined;
  /** Call before every extra read call, so the loop keeps the read budget (S7). */
  onCall: (operation: string) => void;
  /** Startup time of the loop (epoch ms). */
  startedAt: number;
  now(): number;
}

/** 2.2 s: about 27 DescribeServices a minute, under the 30-reads-a-minute budget with room for the reads that
 * explain failed tasks and for the action's few reads after the wait. */
export const DEFAULT_POLL_INTERVAL_MS = 2200;

/**
 * The one polling loop (S7): DescribeServices at once, then every poll interval within the read budget, until
 * the observer returns a result, the deadline passes or the signal aborts. New service events are printed once,
 * oldest first (S6). Throttling and transient errors back off and keep going; other errors throw.
 */
export async function pollService(deps: PollDeps, params: PollParams, observer: PollObserver): Promise<WatchResult> {
  const { ecs, clock, sleep, log } = deps;
  const { signal, deadline } = params;
  const startedAt = clock.now();
  const baseIntervalMs = params.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  // The read budget is 30 a minute at the default interval; a caller asking for faster polls gets a matching budget.
  const readsPerMinute = Math.max(DEFAULT_READS_PER_MINUTE, baseIntervalMs > 0 ? 60_000 / baseIntervalMs : 0);
  const pacer = new PollPacer(clock, { baseIntervalMs, readsPerMinute });
  const events = new EventPrinter(
    log,
    params.seenEventIds,
    params.seenEventIds === undefined ? startedAt - UNSEEN_EVENT_WINDOW_MS : Number.NEGATIVE_INFINITY,
  );
  const io: PollIo = { signal, onCall: () => pacer.readMade(), startedAt, now: () => clock.now() };
  let lastService: Service | undefined;
  let lastError: unknown;

  const ended = async (reason: 'timeout' | 'cancelled', message: string): Promise<WatchResult> => {
    const stoppedTasks = await observer.stoppedTasks(reason, io);
    const summary = summarizeStoppedTasks(stoppedTasks);
    return {
      ok: false,
      reason,
      message: summary === '' ? message : `${message}. Stopped tasks: ${summary}`,
      stoppedTasks,
      ...(lastService !== undefined ? { service: lastService } : {}),
    };
  };
  const cancelled = (): Promise<WatchResult> =>
    ended(
      'cancelled',
      `cancelled after ${formatDuration(clock.now() - startedAt)} while waiting for ${observer.waitingFor()}: ${describeError(signal?.reason ?? 'aborted')}`,
    );

  for (;;) {
    if (isAborted(signal)) return cancelled();
    pacer.pollStarted();
    try {
      const service = await describeServiceAnyStatus(ecs, params.cluster, params.service, signal !== undefined ? { signal } : {});
      pacer.succeeded();
      lastError = undefined;
      if (service !== undefined) {
        lastService = service;
        events.print(service.events);
      }
      const result = await observer.observe(service, io);
      if (result !== undefined) return result;
    } catch (e) {
      if (isAborted(signal)) return cancelled();
      const kind = classifyAwsError(e);
      if (kind === 'fatal') throw e;
      pacer.backOff();
      lastError = e;
      const note = `${kind === 'throttling' ? 'Throttled' : 'Transient error'} while polling service ${params.service} (${describeError(e)}); next poll in ${formatDuration(pacer.intervalMs)}`;
      if (kind === 'throttling') log.debug(note);
      else log.warning(note);
    }
    if (deadline.expired()) {
      const waited = formatDuration(clock.now() - startedAt);
      const seen = observer.lastSeen();
      const error = lastError !== undefined ? `; last error: ${describeError(lastError)}` : '';
      return ended(
        'timeout',
        `timed out after waiting ${waited} for ${observer.waitingFor()} (the action's deadline, timeout-minutes, is ${formatDuration(deadline.timeoutMs)})${seen !== undefined ? `; last seen: ${seen}` : ''}${error}`,
      );
    }
    const delay = Math.min(pacer.delayMs(), deadline.remainingMs());
    try {
      await sleep(delay, signal);
    } catch (e) {
      if (isAborted(signal)) return cancelled();
      throw e;
    }
  }
}

/** Read through a function so the compiler does not narrow it across awaits. */
function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}
