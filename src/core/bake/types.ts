import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { ECSClient } from '@aws-sdk/client-ecs';
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Logger } from '../io/logger.js';
import type { ReadLedger } from '../aws/read-ledger.js';
import type { Clock, Deadline, Sleep } from '../time.js';

export interface BakeDeps {
  ecs: ECSClient;
  elb: ElasticLoadBalancingV2Client;
  cloudwatch: CloudWatchClient;
  clock: Clock;
  sleep: Sleep;
  log: Logger;
  /** Cancellation (S10): the bake ends at once with `cancelled: true`. */
  signal?: AbortSignal | undefined;
  /** The run's read ledger (AwsClients.reads): one read budget for every wait of the run (S7). */
  reads?: ReadLedger | undefined;
}

export interface BakePlan {
  /** How long to watch; 0 or less: nothing is watched and the bake succeeds at once. */
  durationMs: number;
  /** The action's overall deadline (S7): a bake that cannot finish before it fails. */
  deadline: Deadline;
  cluster: string;
  serviceName: string;
  /** Target groups whose targets for the service's own tasks must stay `healthy` (from the service's load balancers). */
  targetGroupArns: readonly string[];
  /** CloudWatch alarm names that must stay out of ALARM. */
  alarms: readonly string[];
  /** What is baking, for the log (`canary service webCanary`). */
  label: string;
  /** Time between two rounds; default DEFAULT_POLL_INTERVAL_MS (src/core/poll). */
  pollIntervalMs?: number | undefined;
}

export type BakeResult = { ok: true } | { ok: false; cause: string; cancelled?: boolean };
