import type { Deployment, ServiceEvent } from '@aws-sdk/client-ecs';
import { formatAwsEvent, formatUtcTimestamp } from '../../io/events.js';
import type { Logger } from '../../io/logger.js';
import type { Clock } from '../../time.js';
import { ChangePrinter, RepeatFolder } from './fold.js';

/** How far before the watch started an event may be and still count as new, when no seen ids were given. */
export const UNSEEN_EVENT_WINDOW_MS = 60_000;

/**
 * Prints each new ECS service event once, oldest first (S6). DescribeServices returns the most recent events
 * (up to 100), newest first, so the same event comes back on every poll: the printer remembers ids.
 * With a clock, the repeats of a crash loop (`has started 1 tasks: (task …)` with other task ids) are folded into
 * one line that counts them (fold.ts); call `tick()` after each poll and `flush()` when the wait ends.
 */
export class EventPrinter {
  private readonly seen: Set<string>;
  private readonly folder: RepeatFolder<ServiceEvent> | undefined;

  /**
   * @param seenIds events already present before the change: never printed.
   * @param notBefore epoch ms; events created earlier are treated as old (used when no `seenIds` are known).
   */
  constructor(
    private readonly log: Logger,
    seenIds: Iterable<string> = [],
    private readonly notBefore: number = Number.NEGATIVE_INFINITY,
    clock?: Clock,
  ) {
    this.seen = new Set(seenIds);
    this.folder = clock === undefined ? undefined : new RepeatFolder((line) => log.info(line), clock, { one: eventLine, many: foldedEventsLine });
  }

  tick(): void {
    this.folder?.tick();
  }

  flush(): void {
    this.folder?.flush();
  }

  /** Prints the events not printed (or seen) before; returns them, oldest first. */
  print(events: readonly ServiceEvent[] | undefined): ServiceEvent[] {
    const fresh: { event: ServiceEvent; order: number }[] = [];
    (events ?? []).forEach((event, index) => {
      const key = eventKey(event);
      if (this.seen.has(key)) return;
      this.seen.add(key);
      const at = event.createdAt?.getTime();
      if (at !== undefined && at < this.notBefore) return;
      fresh.push({ event, order: index });
    });
    // Oldest first; events with the same timestamp keep ECS's order reversed (ECS lists newest first).
    fresh.sort((a, b) => time(a.event) - time(b.event) || b.order - a.order);
    for (const { event } of fresh) {
      if (this.folder !== undefined) this.folder.offer(eventKind(event.message ?? ''), event);
      else this.log.info(eventLine(event));
    }
    return fresh.map((f) => f.event);
  }
}

function eventLine(event: ServiceEvent): string {
  return formatAwsEvent(event.createdAt ?? new Date(0), event.message ?? '');
}

/** The last event of the run in full, then how many like it came before: `… (+13 similar events since 05:01:02.198)`. */
function foldedEventsLine(events: readonly ServiceEvent[]): string {
  const first = events[0]?.createdAt;
  const since = first !== undefined ? ` since ${formatUtcTimestamp(first).slice(11)}` : '';
  return `${eventLine(events[events.length - 1] ?? {})} (+${events.length - 1} similar events${since})`;
}

/**
 * What makes two events "the same" for folding: the message with its task lists and task/target counts left out
 * (`(service web) has started 1 tasks: (task a).` and `… has started 2 tasks: (task b) (task c).` are one kind).
 */
export function eventKind(message: string): string {
  return message
    .replace(/\(task [^)]*\)(\s*\(task [^)]*\))*/g, '(task …)')
    .replace(/\b\d+(?= (?:running )?(?:tasks|targets)\b)/g, 'N');
}

function eventKey(event: ServiceEvent): string {
  return event.id ?? `${event.createdAt?.toISOString() ?? ''} ${event.message ?? ''}`;
}

function time(event: ServiceEvent): number {
  return event.createdAt?.getTime() ?? 0;
}

/** `Deployment ecs-svc/123: desired 3, pending 1, running 2, rollout IN_PROGRESS` */
export function formatDeploymentProgress(d: Deployment): string {
  const state = d.rolloutState !== undefined ? `rollout ${d.rolloutState}` : `status ${d.status ?? 'unknown'}`;
  return `Deployment ${d.id ?? '(no id)'}: desired ${d.desiredCount ?? 0}, pending ${d.pendingCount ?? 0}, running ${d.runningCount ?? 0}, ${state}`;
}

/**
 * Prints a progress line per deployment only when it changed since the last one printed for that deployment; with a
 * clock, a line showing a state the deployment was already in (a crash loop's flapping counts) at most every
 * PROGRESS_REPEAT_INTERVAL_MS (fold.ts).
 */
export class ProgressPrinter {
  private readonly printer: ChangePrinter;

  constructor(log: Logger, clock?: Clock) {
    this.printer = new ChangePrinter((line) => log.info(line), clock);
  }

  print(deployments: readonly Deployment[] | undefined): void {
    for (const d of deployments ?? []) this.printer.print(d.id ?? '', formatDeploymentProgress(d));
  }

  /** Prints a free-form progress line (e.g. a draining service's counts) when it differs from the last one under `key`. */
  printLine(key: string, line: string): void {
    this.printer.print(key, line);
  }
}
