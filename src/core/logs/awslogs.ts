/**
 * T4: which containers log to CloudWatch through the `awslogs` driver, and the stream names ECS gives them.
 * With `awslogs-stream-prefix` the stream is `<prefix>/<containerName>/<taskId>`; without it (EC2 only) the
 * stream is named after the Docker container id, which DescribeTasks reports as the container's `runtimeId`.
 */
import type { ContainerDefinition, Task } from '@aws-sdk/client-ecs';

export interface AwslogsTarget {
  containerName: string;
  group: string;
  /** `awslogs-region`, when the task definition names one. */
  region: string | undefined;
  /** `awslogs-stream-prefix`, when set. */
  streamPrefix: string | undefined;
}

export interface TaskDefinitionWithContainers {
  containerDefinitions?: ContainerDefinition[] | undefined;
}

/** Containers using the awslogs driver with a log group, in task-definition order. */
export function awslogsTargets(taskDefinition: TaskDefinitionWithContainers): AwslogsTarget[] {
  const targets: AwslogsTarget[] = [];
  for (const def of taskDefinition.containerDefinitions ?? []) {
    const config = def.logConfiguration;
    if (def.name === undefined || config?.logDriver !== 'awslogs') continue;
    const options = config.options ?? {};
    const group = options['awslogs-group'];
    if (group === undefined || group === '') continue;
    targets.push({
      containerName: def.name,
      group,
      region: nonEmpty(options['awslogs-region']),
      streamPrefix: nonEmpty(options['awslogs-stream-prefix']),
    });
  }
  return targets;
}

/** The container definitions that do not use awslogs (their output cannot be streamed). */
export function containersWithoutAwslogs(taskDefinition: TaskDefinitionWithContainers): string[] {
  const streamed = new Set(awslogsTargets(taskDefinition).map((t) => t.containerName));
  return (taskDefinition.containerDefinitions ?? [])
    .map((d) => d.name)
    .filter((n): n is string => n !== undefined && !streamed.has(n));
}

/**
 * The log stream ECS writes `target`'s output to in `task`, or undefined while it cannot be known yet (no prefix
 * and the container has no runtimeId).
 */
export function logStreamName(target: AwslogsTarget, task: Task): string | undefined {
  const taskArn = task.taskArn;
  if (taskArn === undefined) return undefined;
  if (target.streamPrefix !== undefined) {
    return `${target.streamPrefix}/${target.containerName}/${taskArn.slice(taskArn.lastIndexOf('/') + 1)}`;
  }
  const container = task.containers?.find((c) => c.name === target.containerName);
  return nonEmpty(container?.runtimeId);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
