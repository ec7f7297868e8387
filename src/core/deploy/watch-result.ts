import type { Deployment, Service } from '@aws-sdk/client-ecs';
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
