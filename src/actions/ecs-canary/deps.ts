/** What the canary's deploy and delete are given: the clients, the injected clock, sleep and logger, and the two cancel signals. */
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { WatchDeps } from '../../core/deploy/index.js';

export interface CanaryDeps extends WatchDeps {
  elb: ElasticLoadBalancingV2Client;
  cloudwatch: CloudWatchClient;
  /** The first cancel signal: ends the waits and the bake (S10). */
  signal?: AbortSignal | undefined;
  /** The second: also ends the wait for the deleted canary to become INACTIVE. */
  hardSignal?: AbortSignal | undefined;
}
