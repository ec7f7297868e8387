/**
 * The service watcher's loop (S6, S7): DescribeServices at once, then every poll interval within the read budget
 * (the one polling primitive, src/core/poll), until an observer returns a result, the deadline passes or the signal
 * aborts. New service events are printed once, oldest first. Throttling is logged as debug and transient errors as
 * warnings, and both back off; other errors throw.
 */
import type { Service } from '@aws-sdk/client-ecs';
import { describeError } from '../../errors.js';
import { describeServiceAnyStatus } from '../../ecs/services.js';
import { formatDuration } from '../../time.js';
import type { Clock, Deadline } from '../../time.js';
import { poll } from '../../poll/index.js';
import type { PaceHint, PollEnd, PollRound } from '../../poll/index.js';
import { EventPrinter, UNSEEN_EVENT_WINDOW_MS } from './events.js';
import { summarizeStoppedTasks } from './stopped-tasks.js';
import type { StoppedTaskReason } from './stopped-tasks.js';
import type { WatchDeps, WatchResult } from './watch-result.js';

export interface ServicePollParams {
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
  /** Prints what it held back (fold.ts): `all` when the wait ends, otherwise only what is due (after each poll). */
  printHeld?(all: boolean): void;
}

/** What an observer may use to make extra reads within the loop's budget. */
export interface PollIo {
  signal: AbortSignal | undefined;
  /** Call before every extra read call, so the loop keeps the read budget (S7). */
  onCall: (operation: string) => void;
  /** How near the end is, from this answer: the next poll comes sooner or later (src/core/poll/pace.ts). */
  pace: (hint: PaceHint) => void;
  /** Startup time of the loop (epoch ms). */
  startedAt: number;
  now(): number;
}

/** Polls the service until `observer` returns a result, the deadline passes or the signal aborts. */
export async function pollService(deps: WatchDeps, params: ServicePollParams, observer: PollObserver): Promise<WatchResult> {
  const { ecs, clock, log } = deps;
  const { signal } = params;
  const startedAt = clock.now();
  const events = new EventPrinter(
    log,
    params.seenEventIds,
    params.seenEventIds === undefined ? startedAt - UNSEEN_EVENT_WINDOW_MS : Number.NEGATIVE_INFINITY,
    clock,
  );
  let lastService: Service | undefined;
  let placement: string | undefined;
  const end = await poll<WatchResult>(
    deps,
    {
      deadline: params.deadline,
      signal,
      intervalMs: params.pollIntervalMs,
      onRetry: (e, kind, nextMs) => {
        const note = `${kind === 'throttling' ? 'Throttled' : 'Transient error'} while polling service ${params.service} (${describeError(e)}); next poll in ${formatDuration(nextMs)}`;
        if (kind === 'throttling') log.debug(note);
        else log.warning(note);
      },
    },
    async (round) => {
      const service = await describeServiceAnyStatus(ecs, params.cluster, params.service, signal !== undefined ? { signal } : {});
      if (service !== undefined) {
        lastService = service;
        placement = lastPlacementProblem(events.print(service.events)) ?? placement;
      }
      const result = await observer.observe(service, ioOf(round));
      events.tick();
      observer.printHeld?.(false);
      return result;
    },
  );
  const result = end.kind === 'done' ? end.value : await ended(end, observer, { params, clock, startedAt, lastService, placement });
  events.flush();
  observer.printHeld?.(true);
  return result;
}

function ioOf(round: PollRound): PollIo {
  return {
    signal: round.signal,
    onCall: (operation) => round.read(operation),
    pace: (hint) => round.pace(hint),
    startedAt: round.startedAt,
    now: () => round.now(),
  };
}

interface EndContext {
  params: ServicePollParams;
  clock: Clock;
  startedAt: number;
  lastService: Service | undefined;
  /** The last new "unable to place a task" event: why the wait never got its tasks (S9). */
  placement: string | undefined;
}

/** ECS's placement failure among new events (`… was unable to place a task because …`), the latest one. */
function lastPlacementProblem(fresh: readonly { message?: string | undefined }[]): string | undefined {
  return fresh.map((e) => e.message ?? '').filter((m) => /\bunable to place a task\b/.test(m)).pop();
}

/** The failure for a wait that timed out or was cancelled, with the stopped tasks the observer saw (S9). */
async function ended(
  end: Exclude<PollEnd<WatchResult>, { kind: 'done' }>,
  observer: PollObserver,
  ctx: EndContext,
): Promise<WatchResult> {
  const { params, clock, startedAt, lastService } = ctx;
  const waited = formatDuration(clock.now() - startedAt);
  let message: string;
  if (end.kind === 'cancelled') {
    message = `cancelled after ${waited} while waiting for ${observer.waitingFor()}: ${describeError(params.signal?.reason ?? 'aborted')}`;
  } else {
    const seen = observer.lastSeen();
    const error = end.lastError !== undefined ? `; last error: ${describeError(end.lastError)}` : '';
    const placement = ctx.placement !== undefined ? `; ECS could not place a task: ${ctx.placement}` : '';
    message = `timed out after waiting ${waited} for ${observer.waitingFor()} (the action's deadline, timeout-minutes, is ${formatDuration(params.deadline.timeoutMs)})${seen !== undefined ? `; last seen: ${seen}` : ''}${placement}${error}`;
  }
  // The wait is over: a last read that explains a timeout needs no pacing.
  const io: PollIo = { signal: params.signal, onCall: () => undefined, pace: () => undefined, startedAt, now: () => clock.now() };
  const stoppedTasks = await observer.stoppedTasks(end.kind, io);
  const summary = summarizeStoppedTasks(stoppedTasks);
  return {
    ok: false,
    reason: end.kind,
    message: summary === '' ? message : `${message}. Stopped tasks: ${summary}`,
    stoppedTasks,
    ...(lastService !== undefined ? { service: lastService } : {}),
  };
}
