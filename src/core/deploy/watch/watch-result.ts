import type { Deployment, ECSClient, Service } from '@aws-sdk/client-ecs';
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { ReadLedger } from '../../aws/read-ledger.js';
import type { Logger } from '../../io/logger.js';
import type { Clock, Deadline, Sleep } from '../../time.js';
import type { StoppedTaskReason } from './stopped-tasks.js';

/** What every wait of the service watcher is given: the ECS client and the injected clock, sleep and logger. */
export interface WatchDeps {
  ecs: ECSClient;
  clock: Clock;
  sleep: Sleep;
  log: Logger;
  /** The run's read ledger (AwsClients.reads): every wait of the run shares one read budget (S7). */
  reads?: ReadLedger | undefined;
  /** Reads the target groups of a service behind a load balancer once, to predict when its old targets have drained. */
  elb?: ElasticLoadBalancingV2Client | undefined;
}

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
  /** Default DEFAULT_POLL_INTERVAL_MS (src/core/poll). */
  pollIntervalMs?: number;
}

/** A wait on the one deployment this action started (S8). */
export interface WatchRequest extends ServiceWaitRequest {
  /** The PRIMARY deployment id returned by CreateService/UpdateService. */
  deploymentId: string;
  /** The task definition this action deployed (S8). */
  taskDefinitionArn: string;
}

/**
 * A wait on a scale change: an UpdateService that started no new deployment, so the PRIMARY deployment `deploymentId`
 * (running `taskDefinitionArn`) stays and is only scaled. Its rollout state is not judged (it may be FAILED from an
 * earlier deployment); the wait ends when it runs the service's desired count with nothing pending.
 */
export interface ScaleRequest extends WatchRequest {
  /** The desired count the update set, when it set one: a DescribeServices still showing another is not yet current. */
  desiredCount?: number;
}

export type StableRequest = ServiceWaitRequest;
export type InactiveRequest = ServiceWaitRequest;
