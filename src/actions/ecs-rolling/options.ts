/** What readOptions (inputs.ts) hands to main: every input checked, every manifest parsed and validated (S3). */
import type {
  PutScalingPolicyCommandInput,
  RegisterScalableTargetCommandInput,
} from '@aws-sdk/client-application-auto-scaling';
import type { CreateServiceCommandInput, DeploymentLifecycleHookAction } from '@aws-sdk/client-ecs';
import type { GitHubRecordOptions } from '../../core/action/index.js';
import type { AutoScalingSources } from '../../core/autoscaling/apply.js';
import type { WaitUntil } from '../../core/deploy/index.js';
import type { TaskDefinitionSource } from '../../core/ecs/task-definitions.js';

export const MODES = ['deploy', 'rollback', 'continue'] as const;
export type Mode = (typeof MODES)[number];

/** How the run goes, whatever the mode: read before the mode's own inputs. */
export interface RunSettings {
  waitForSteadyState: boolean;
  rollbackOnFailure: boolean;
  timeoutMinutes: number;
  dryRun: boolean;
  region: string | undefined;
  maxAttempts: number;
  github: GitHubRecordOptions | undefined;
  /** N3: `deployed` (the end of the deployment) or a lifecycle stage of a native deployment. */
  waitUntil: WaitUntil;
}

interface CommonOptions extends RunSettings {
  /** Cluster name or ARN: the input, else the service definition's, else `default`. */
  cluster: string;
  /** The service name (never an ARN: auto scaling and CreateService need the name). */
  serviceName: string;
}

export interface DeployOptions extends CommonOptions {
  mode: 'deploy';
  /** A file to register, or the registered revision of `task-definition-arn` (S4). */
  taskDefinition: TaskDefinitionSource;
  serviceDefinition: CreateServiceCommandInput | undefined;
  /** The `desired-count` input (wins over the service definition's). */
  desiredCount: number | undefined;
  sameAsRunning: boolean;
  forceNewDeployment: boolean;
  scalableTargets: RegisterScalableTargetCommandInput[];
  scalingPolicies: PutScalingPolicyCommandInput[];
  autoScalingSources: AutoScalingSources;
}

export interface RollbackOptions extends CommonOptions {
  mode: 'rollback';
  /** The revision to roll back to; undefined: the previous successful deployment's (R7). */
  taskDefinitionArn: string | undefined;
}

/** N3: `mode: continue` answers the PAUSE hook of the deployment in progress and follows it. */
export interface ContinueOptions extends CommonOptions {
  mode: 'continue';
  /** The `hook-id` input; undefined: the hook that awaits action. */
  hookId: string | undefined;
  continueAction: DeploymentLifecycleHookAction;
}

export type RollingOptions = DeployOptions | RollbackOptions | ContinueOptions;
