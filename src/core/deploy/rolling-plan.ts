/** What deployRolling (rolling.ts) is given: its dependencies and the plan of one deployment. */
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { ReadLedger } from '../aws/read-ledger.js';
import type { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling';
import type {
  PutScalingPolicyCommandInput,
  RegisterScalableTargetCommandInput,
} from '@aws-sdk/client-application-auto-scaling';
import type { CreateServiceCommandInput, ECSClient } from '@aws-sdk/client-ecs';
import type { TaskDefinitionSource } from '../ecs/task-definitions.js';
import type { AutoScalingSources } from '../autoscaling/apply.js';
import type { Logger } from '../io/logger.js';
import type { WaitUntil } from './native/stages.js';
import type { Clock, Deadline, Sleep } from '../time.js';

/**
 * R6 within the deadline: with rollback-on-failure on, the deployment's wait may use only two thirds of the time
 * left; the last third is kept for the rollback, so both fit inside timeout-minutes (and a job-level timeout set
 * just above it never cuts a rollback in half).
 */
export const ROLLBACK_SHARE = 1 / 3;

export interface RollingDeps {
  ecs: ECSClient;
  autoscaling: ApplicationAutoScalingClient;
  clock: Clock;
  sleep: Sleep;
  log: Logger;
  /** Cancellation (S10, first signal): stop waiting and roll back. */
  signal?: AbortSignal;
  /** Second signal: abandon the rollback's wait and report what was left behind. */
  hardSignal?: AbortSignal;
  /** The run's read ledger (AwsClients.reads): one read budget for every wait of the deployment (S7). */
  reads?: ReadLedger | undefined;
  /** For the watcher's prediction of a load balancer drain (target group attributes, read once). */
  elb?: ElasticLoadBalancingV2Client | undefined;
}


export interface RollingPlan {
  cluster: string;
  serviceName: string;
  taskDefinition: TaskDefinitionSource;
  /** CreateService input (S1); required when the service does not exist yet. */
  serviceDefinition?: CreateServiceCommandInput | undefined;
  /** The `desired-count` input: overrides the manifest. */
  desiredCount?: number | undefined;
  sameAsRunning: boolean;
  /** R5: UpdateService forceNewDeployment (the action sets it for a registered revision too). */
  forceNewDeployment: boolean;
  /** R3: suspend the live auto scaling while the update rolls out (and resume it after, the manifests applied). */
  suspendAutoScalingDuringUpdate: boolean;
  scalableTargets: RegisterScalableTargetCommandInput[];
  scalingPolicies: PutScalingPolicyCommandInput[];
  autoScalingSources?: AutoScalingSources;
  waitForSteadyState: boolean;
  rollbackOnFailure: boolean;
  deadline: Deadline;
  pollIntervalMs?: number;
  /** N3: a native deployment's wait ends at this lifecycle stage (default: its end). */
  waitUntil?: WaitUntil | undefined;
  /** Refuse to create the service (manual rollback: there must be something to roll back). */
  requireExistingService?: boolean;
}

