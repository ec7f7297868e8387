/** What every mode is given: the SDK clients, the injected clock, sleep and logger, and the two cancel signals. */
import type { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling';
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { ECSClient } from '@aws-sdk/client-ecs';
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Logger } from '../../core/io/logger.js';
import type { ReadLedger } from '../../core/aws/read-ledger.js';
import type { Clock, Deadline, Sleep } from '../../core/time.js';

export interface BlueGreenDeps {
  ecs: ECSClient;
  elb: ElasticLoadBalancingV2Client;
  autoscaling: ApplicationAutoScalingClient;
  cloudwatch: CloudWatchClient;
  clock: Clock;
  sleep: Sleep;
  log: Logger;
  /** The first SIGINT/SIGTERM: stop waiting, clean up. */
  signal: AbortSignal;
  /** The second: stop even the clean-up's waits. */
  hardSignal: AbortSignal;
  deadline: Deadline;
  /** The run's read ledger (AwsClients.reads): one read budget for every wait of the run (S7, issue 17). */
  reads?: ReadLedger | undefined;
}

/** How a mode ended: success with its outputs, or a failure with its cause (the outputs set so far kept). */
export interface ModeResult {
  ok: boolean;
  cause?: string | undefined;
  outputs: Array<[string, string]>;
  /** Rows for the job summary: what was done. */
  rows: Array<[string, string]>;
}
