/**
 * The targets ECS registers for a service's tasks in the target group of one of its `loadBalancers` entries
 * (container name and port): the task's private IP and the container port for awsvpc tasks, the EC2 instance and
 * the host port bound to the container port for bridge and host tasks.
 */
import type { ECSClient, Task } from '@aws-sdk/client-ecs';
import type { AwsCallOptions } from '../aws/call-options.js';
import { describeTasks, listServiceTaskArns } from '../ecs/tasks.js';
import type { ExpectedTarget } from './target-health.js';

export interface ContainerBinding {
  containerName: string;
  containerPort: number;
}

/**
 * EC2 instance id of a container instance ARN (from DescribeContainerInstances), when the caller knows it. Without
 * it a bridge task's target is matched by its host port alone where that is unambiguous.
 */
export type InstanceIdOf = (containerInstanceArn: string) => string | undefined;

export function expectedTargetOf(task: Task, binding: ContainerBinding, instanceIdOf?: InstanceIdOf): ExpectedTarget {
  const taskArn = task.taskArn;
  const container = task.containers?.find((c) => c.name === binding.containerName);
  const eni = task.attachments?.find((a) => a.type === 'ElasticNetworkInterface');
  if (eni !== undefined || (container?.networkInterfaces?.length ?? 0) > 0) {
    const ip =
      eni?.details?.find((d) => d.name === 'privateIPv4Address')?.value ?? container?.networkInterfaces?.[0]?.privateIpv4Address;
    return { taskArn, id: ip, port: binding.containerPort };
  }
  const hostPort = container?.networkBindings?.find((b) => b.containerPort === binding.containerPort)?.hostPort;
  const instance = task.containerInstanceArn !== undefined ? instanceIdOf?.(task.containerInstanceArn) : undefined;
  if (hostPort === undefined) return { taskArn, id: undefined, port: binding.containerPort };
  return instance !== undefined ? { taskArn, id: instance, port: hostPort } : { taskArn, port: hostPort, byPortAlone: true };
}

export interface ServiceTargetsRequest extends ContainerBinding {
  cluster: string;
  service: string;
  instanceIdOf?: InstanceIdOf | undefined;
}

/**
 * A reader of the targets of the service's tasks that should be running (ListTasks desiredStatus RUNNING, then
 * DescribeTasks), for waitForHealthyTargets.
 */
export function serviceTargets(ecs: ECSClient, req: ServiceTargetsRequest): (call: AwsCallOptions) => Promise<ExpectedTarget[]> {
  return async (call) => {
    const arns = await listServiceTaskArns(ecs, { cluster: req.cluster, serviceName: req.service }, call);
    if (arns.length === 0) return [];
    const { tasks } = await describeTasks(ecs, req.cluster, arns, call);
    return tasks.filter((t) => t.desiredStatus !== 'STOPPED').map((t) => expectedTargetOf(t, req, req.instanceIdOf));
  };
}
