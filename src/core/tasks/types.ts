import type { ECSClient } from '@aws-sdk/client-ecs';
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { Clock, Sleep } from '../time.js';
import type { Logger } from '../io/logger.js';
import type { ReadLedger } from '../aws/read-ledger.js';

/** Everything the one-off task machinery (ecs-run-task) talks to; all injected so unit tests can fake it. */
export interface TaskDeps {
  ecs: ECSClient;
  logs: CloudWatchLogsClient;
  clock: Clock;
  sleep: Sleep;
  log: Logger;
  /** Aborted when the workflow is cancelled (S10). */
  signal?: AbortSignal;
  /** The run's read ledger (AwsClients.reads): one read budget for every wait of the run (S7). */
  reads?: ReadLedger | undefined;
}

/** ECS task lifecycle states in order (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-lifecycle.html). */
export const NOT_YET_RUNNING_STATES: ReadonlySet<string> = new Set(['PROVISIONING', 'PENDING', 'ACTIVATING']);
