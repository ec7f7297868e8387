/** What readOptions (inputs.ts) hands to main: every input checked, every manifest parsed and validated (S3). */
import type { CreateServiceCommandInput } from '@aws-sdk/client-ecs';
import type { GitHubRecordOptions } from '../../core/action/index.js';
import type { TaskDefinitionSource } from '../../core/ecs/task-definitions.js';

export const MODES = ['deploy', 'swap', 'rollback'] as const;
export type Mode = (typeof MODES)[number];

/** The load balancer, the prod and stage listeners (ARN or port) and their optional rules (B1). */
export interface RouteOptions {
  loadBalancer: string;
  prodListener: string;
  stageListener: string;
  prodRule: string | undefined;
  stageRule: string | undefined;
}

interface CommonOptions {
  cluster: string;
  /** The base name: the two services are `<base>__1` and `<base>__2` (B2). */
  baseName: string;
  routes: RouteOptions;
  timeoutMinutes: number;
  dryRun: boolean;
  region: string | undefined;
  maxAttempts: number;
  github: GitHubRecordOptions | undefined;
}

export interface DeployOptions extends CommonOptions {
  mode: 'deploy';
  taskDefinition: TaskDefinitionSource;
  /** The service definition with `<+targetGroupArn>` still standing as STAGE_TARGET_GROUP_SENTINEL. */
  serviceDefinition: CreateServiceCommandInput;
  sameAsRunning: boolean;
  updateGreenService: boolean;
}

/** What deploy's outputs say, given back to swap and rollback (B7); each undefined when not given. */
export interface DeployRecord {
  stageService: string | undefined;
  blueService: string | undefined;
  targetGroupArn: string | undefined;
  prodTargetGroupArn: string | undefined;
}

export interface SwapOptions extends CommonOptions {
  mode: 'swap';
  record: DeployRecord;
  downsizeOldService: boolean;
  downsizeDelaySeconds: number;
  /** Percentages of prod traffic for the new target group, ending at 100; empty: a plain swap. */
  trafficSteps: number[];
  stepBakeSeconds: number;
  alarms: string[];
}

export interface RollbackOptions extends CommonOptions {
  mode: 'rollback';
  record: DeployRecord;
}

export type BlueGreenOptions = DeployOptions | SwapOptions | RollbackOptions;

/**
 * Stands for `<+targetGroupArn>` while the service definition is checked before any AWS call; replaced with the
 * stage target group once deploy has found it (B3).
 */
export const STAGE_TARGET_GROUP_SENTINEL = 'arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/bluegreen-stage/0000000000000000';
