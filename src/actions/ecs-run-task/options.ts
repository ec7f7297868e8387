/** The validated options of one ecs-run-task run (built by readOptions in inputs.ts). */
import type { ContainerDefinition, RunTaskCommandInput } from '@aws-sdk/client-ecs';
import type { TaskDefinitionSource } from '../../core/ecs/task-definitions.js';

export type WaitMode = 'stopped' | 'running' | 'none';
export const WAIT_MODES: readonly WaitMode[] = ['stopped', 'running', 'none'];

export type { TaskDefinitionSource };

/** The RunTask request without what the action sets per run (cluster, task definition, count). */
export type BaseRunTaskRequest = Omit<RunTaskCommandInput, 'cluster' | 'taskDefinition' | 'count'>;

/** Which input set something, so a problem found later (against the task definition) names the right one. */
export type Origin = 'run-task-request' | 'container-overrides' | 'subnets' | 'launch-type';

export interface RunTaskOptions {
  /** Name or ARN; `cluster` input, else the request's, else `default`. */
  cluster: string;
  /** T1, S4: a file to register, or a registered revision named by `task-definition-arn` or the request. */
  taskDefinition: TaskDefinitionSource;
  request: BaseRunTaskRequest;
  count: number;
  wait: WaitMode;
  watchContainer: string | undefined;
  streamLogs: boolean;
  timeoutMinutes: number;
  region: string | undefined;
  maxAttempts: number;
  /** S13: validate everything, print what would be registered and run, change nothing. */
  dryRun: boolean;
  /** Where each container override came from (checked against the task definition's containers). */
  overrideOrigins: ReadonlyArray<{ name: string; origin: Origin }>;
  /** Where the network configuration came from, when there is one. */
  networkOrigin: Origin | undefined;
  /** Where the launch type came from, when there is one. */
  launchTypeOrigin: Origin | undefined;
}

/** What the checks need of a task definition (a manifest, or DescribeTaskDefinition's answer). */
export interface TaskDefinitionFacts {
  containerDefinitions?: ContainerDefinition[] | undefined;
  networkMode?: string | undefined;
  requiresCompatibilities?: string[] | undefined;
}
