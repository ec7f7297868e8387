import type { Deployment, Service } from '@aws-sdk/client-ecs';
import type { Deadline } from '../time.js';
import type { StoppedTaskReason } from './stopped-tasks.js';

/** How a wait ended (S7–S9). Failures carry the cause and the stopped-task reasons seen while waiting. */
export type WatchResult =
  | { ok: true; service: Service; deployment: Deployment; durationMs: number }
  | {
      ok: false;
      reason: 'failed' | 'circuit-breaker' | 'timeout' | 'cancelled' | 'replaced';
      message: string;
      stoppedTasks: StoppedTaskReason[];
      service?: Service;
    };

/** A wait on a service as a whole (stable, or INACTIVE after a delete) rather than on one deployment. */
export interface ServiceWaitRequest {
  cluster: string;
  service: string;
  deadline: Deadline;
  signal?: AbortSignal;
  /** Events already present or printed before (e.g. by an earlier wait): never printed again. */
  seenEventIds?: Iterable<string>;
  /** Default DEFAULT_POLL_INTERVAL_MS (poll-loop.ts). */
  pollIntervalMs?: number;
}
