import type { Deployment, ServiceEvent } from '@aws-sdk/client-ecs';
import { formatAwsEvent } from '../../io/events.js';
import type { Logger } from '../../io/logger.js';

/** How far before the watch started an event may be and still count as new, when no seen ids were given. */
export const UNSEEN_EVENT_WINDOW_MS = 60_000;

/**
 * Prints each new ECS service event once, oldest first (S6). DescribeServices returns the most recent events
 * (up to 100), newest first, so the same event comes back on every poll: the printer remembers ids.
 */
export class EventPrinter {
  private readonly seen: Set<string>;

  /**
   * @param seenIds events already present before the change: never printed.
   * @param notBefore epoch ms; events created earlier are treated as old (used when no `seenIds` are known).
   */
  constructor(
    private readonly log: Logger,
    seenIds: Iterable<string> = [],
    private readonly notBefore: number = Number.NEGATIVE_INFINITY,
  ) {
    this.seen = new Set(seenIds);
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
      this.log.info(formatAwsEvent(event.createdAt ?? new Date(0), event.message ?? ''));
    }
    return fresh.map((f) => f.event);
  }
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

/** Prints a progress line per deployment only when it changed since the last one printed for that deployment. */
export class ProgressPrinter {
  private readonly last = new Map<string, string>();

  constructor(private readonly log: Logger) {}

  print(deployments: readonly Deployment[] | undefined): void {
    for (const d of deployments ?? []) {
      const line = formatDeploymentProgress(d);
      const key = d.id ?? '';
      if (this.last.get(key) === line) continue;
      this.last.set(key, line);
      this.log.info(line);
    }
  }

  /** Prints a free-form progress line (e.g. a draining service's counts) when it differs from the last one under `key`. */
  printLine(key: string, line: string): void {
    if (this.last.get(key) === line) return;
    this.last.set(key, line);
    this.log.info(line);
  }
}
