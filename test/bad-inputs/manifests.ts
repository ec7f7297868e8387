/**
 * Valid manifests the bad-input cases start from (each case breaks one thing). Line numbers matter: cases name
 * the line of the broken field, so every document here is written out line by line.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Joins lines with '\n' and a final newline. */
export const doc = (...lines: string[]): string => `${lines.join('\n')}\n`;

/** A Fargate task definition with one container `web` (image from the placeholder on line 9). */
export const WEB_TASK_LINES = [
  'family: web', // 1
  'requiresCompatibilities: [FARGATE]', // 2
  'networkMode: awsvpc', // 3
  'cpu: "256"', // 4
  'memory: "512"', // 5
  'executionRoleArn: arn:aws:iam::123456789012:role/ecsTaskExecutionRole', // 6
  'containerDefinitions:', // 7
  '  - name: web', // 8
  '    image: <+artifact.image>', // 9
  '    essential: true', // 10
  '    portMappings:', // 11
  '      - containerPort: 8080', // 12
  '        protocol: tcp', // 13
] as const;

export const WEB_TASK = doc(...WEB_TASK_LINES);

/** WEB_TASK with line `n` (1-based) replaced by `replacement` (several lines allowed). */
export function webTaskWith(n: number, ...replacement: string[]): string {
  const lines: string[] = [...WEB_TASK_LINES];
  lines.splice(n - 1, 1, ...replacement);
  return doc(...lines);
}

export const WEB_SERVICE_LINES = [
  'serviceName: web', // 1
  'desiredCount: 2', // 2
  'launchType: FARGATE', // 3
  'networkConfiguration:', // 4
  '  awsvpcConfiguration:', // 5
  '    subnets: [subnet-0a1b2c3d]', // 6
  '    securityGroups: [sg-0a1b2c3d]', // 7
  '    assignPublicIp: DISABLED', // 8
  'deploymentConfiguration:', // 9
  '  minimumHealthyPercent: 100', // 10
  '  maximumPercent: 200', // 11
  '  deploymentCircuitBreaker:', // 12
  '    enable: true', // 13
  '    rollback: true', // 14
] as const;

export const WEB_SERVICE = doc(...WEB_SERVICE_LINES);

export function webServiceWith(n: number, ...replacement: string[]): string {
  const lines: string[] = [...WEB_SERVICE_LINES];
  lines.splice(n - 1, 1, ...replacement);
  return doc(...lines);
}

export const SCALABLE_TARGET = doc('MinCapacity: 2', 'MaxCapacity: 6');

export const SCALING_POLICY = doc(
  'PolicyName: web-cpu-60', // 1
  'PolicyType: TargetTrackingScaling', // 2
  'TargetTrackingScalingPolicyConfiguration:', // 3
  '  TargetValue: 60', // 4
  '  PredefinedMetricSpecification:', // 5
  '    PredefinedMetricType: ECSServiceAverageCPUUtilization', // 6
);

/** An EC2 (bridge) task definition for ecs-run-task, container `migrate` on line 3, image placeholder on line 4. */
export const MIGRATE_TASK_LINES = [
  'family: migrate', // 1
  'containerDefinitions:', // 2
  '  - name: migrate', // 3
  '    image: <+artifact.image>', // 4
  '    memory: 256', // 5
  '    essential: true', // 6
  '    command: [bin/migrate]', // 7
] as const;

export const MIGRATE_TASK = doc(...MIGRATE_TASK_LINES);

export function migrateTaskWith(n: number, ...replacement: string[]): string {
  const lines: string[] = [...MIGRATE_TASK_LINES];
  lines.splice(n - 1, 1, ...replacement);
  return doc(...lines);
}

/** A Fargate task definition for ecs-run-task (needs a network configuration to run). */
export const FARGATE_MIGRATE_TASK = doc(
  'family: migrate', // 1
  'requiresCompatibilities: [FARGATE]', // 2
  'networkMode: awsvpc', // 3
  'cpu: "256"', // 4
  'memory: "512"', // 5
  'containerDefinitions:', // 6
  '  - name: migrate', // 7
  '    image: <+artifact.image>', // 8
  '    essential: true', // 9
);

export const RUN_REQUEST_LINES = [
  'launchType: FARGATE', // 1
  'networkConfiguration:', // 2
  '  awsvpcConfiguration:', // 3
  '    subnets: [subnet-0a1b2c3d]', // 4
  '    securityGroups: [sg-0a1b2c3d]', // 5
] as const;

export const RUN_REQUEST = doc(...RUN_REQUEST_LINES);

export function runRequestWith(n: number, ...replacement: string[]): string {
  const lines: string[] = [...RUN_REQUEST_LINES];
  lines.splice(n - 1, 1, ...replacement);
  return doc(...lines);
}

/**
 * A task definition path outside both the workspace and RUNNER_TEMP (beside the runner's temporary folder, which
 * run-action.ts makes in the same tmpdir): refused, and the message says RUNNER_TEMP was allowed too.
 */
export const OUTSIDE_WORKSPACE_AND_RUNNER_TEMP = {
  name: 'task definition path outside both the workspace and RUNNER_TEMP (beside RUNNER_TEMP)',
  inputs: { 'task-definition': join(tmpdir(), 'task-definition-rendered.json') },
  message: /leaves the workspace .*; manifests must be inside it \(or under RUNNER_TEMP /,
  where: { input: 'task-definition', file: join(tmpdir(), 'task-definition-rendered.json') },
};
