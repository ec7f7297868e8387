/** What readOptions (inputs.ts) hands to main: every input checked, every manifest parsed and validated (S3). */
import type { CreateServiceCommandInput } from '@aws-sdk/client-ecs';
import type { GitHubRecordOptions } from '../../core/action/index.js';
import type { TaskDefinitionSource } from '../../core/ecs/task-definitions.js';

export const MODES = ['deploy', 'delete'] as const;
export type Mode = (typeof MODES)[number];

/** The suffix of the canary's name: `<service>Canary` (C1). */
export const CANARY_SUFFIX = 'Canary';

interface CommonOptions {
  /** Cluster name or ARN: the input, else the service definition's, else `default`. */
  cluster: string;
  /** The base service's name. */
  serviceName: string;
  /** `<serviceName>Canary`. */
  canaryName: string;
  timeoutMinutes: number;
  dryRun: boolean;
  region: string | undefined;
  maxAttempts: number;
  github: GitHubRecordOptions | undefined;
}

/** How many canary tasks: a count, or a share of the base service's running tasks (rounded up, at least 1). */
export type CanarySize = { kind: 'count'; count: number } | { kind: 'percent'; percent: number };

export interface DeployOptions extends CommonOptions {
  mode: 'deploy';
  taskDefinition: TaskDefinitionSource;
  /** Given: the canary is created from it; otherwise from the live base service. */
  serviceDefinition: CreateServiceCommandInput | undefined;
  size: CanarySize;
  bakeSeconds: number;
  alarms: string[];
  waitForSteadyState: boolean;
  deleteOnFailure: boolean;
}

export interface DeleteOptions extends CommonOptions {
  mode: 'delete';
}

export type CanaryOptions = DeployOptions | DeleteOptions;
