/**
 * Service tasks as the scheduler starts them: placement (container-instances.ts), propagated and managed tags, the
 * deployment's load balancers (a native deployment's green tasks register in the alternate target group), and the
 * "has started" / "was unable to place a task" events.
 */
import type { EcsContext } from './context.js';
import { assign, placeTask, unplacedMessage } from './container-instances.js';
import { addEvent, messages } from './events.js';
import type { ContainerInstanceRec, DeploymentRec, ServiceRec } from './state.js';
import { createTask } from './task-factory.js';
import { launchTask } from './task-lifecycle.js';

/**
 * Starts `count` tasks of deployment `d`: EC2 tasks on the cluster's container instances (on `on` when given, a
 * DAEMON service's instance), others anywhere; reports a task ECS cannot place.
 */
export function startTasks(ctx: EcsContext, service: ServiceRec, d: DeploymentRec, count: number, on?: ContainerInstanceRec): void {
  const cluster = ctx.state.clusters.get(service.clusterName);
  if (!cluster || count <= 0) return;
  const ids: string[] = [];
  const launchType = d.launchType ?? 'EC2';
  const onInstances = launchType === 'EC2' && (d.capacityProviderStrategy?.length ?? 0) === 0;
  for (let i = 0; i < count; i++) {
    const placement = on ? ({ kind: 'placed', instance: on } as const) : onInstances ? placeTask(ctx, cluster, d.taskDef) : ({ kind: 'anywhere' } as const);
    if (placement.kind === 'unplaced') {
      // A task still stopping frees its resources when it is STOPPED: ECS waits for it (wakeCluster) without an event.
      if (placement.freeing) service.placementBlocked ??= 'waiting for a stopping task';
      else reportUnplaced(ctx, service, placement.instance.id, placement.reason);
      break;
    }
    const task = createTask(ctx, {
      cluster,
      taskDef: d.taskDef,
      launchType,
      ...(d.launchType === 'FARGATE' ? { platformVersion: '1.4.0' } : {}),
      serviceKey: service.key,
      deploymentId: d.id,
      group: `service:${service.name}`,
      startedBy: d.id,
      tags: propagatedTags(service, d),
      ...(d.networkConfiguration ? { networkConfiguration: d.networkConfiguration } : {}),
    });
    task.revisionArn = d.revisionArn;
    if (placement.kind === 'placed') {
      assign(task, placement.instance);
      delete service.placementBlocked;
    }
    service.liveTasks.add(task);
    launchTask(ctx, task, d.taskLoadBalancers ?? d.loadBalancers);
    ids.push(task.id);
  }
  if (ids.length > 0) addEvent(ctx, service, messages.started(service.name, ids));
}

/** ECS omits a duplicate event until the cause is resolved (a task is placed) or six hours pass. */
function reportUnplaced(ctx: EcsContext, service: ServiceRec, instanceId: string, reason: string): void {
  const message = unplacedMessage(service.name, instanceId, reason);
  if (service.placementBlocked === message) return;
  service.placementBlocked = message;
  addEvent(ctx, service, message);
}

function propagatedTags(service: ServiceRec, d: DeploymentRec): { key: string; value: string }[] {
  const tags =
    service.propagateTags === 'SERVICE' ? service.tags : service.propagateTags === 'TASK_DEFINITION' ? d.taskDef.tags : [];
  const managed = service.enableECSManagedTags
    ? [
        { key: 'aws:ecs:clusterName', value: service.clusterName },
        { key: 'aws:ecs:serviceName', value: service.name },
      ]
    : [];
  return [...tags.map((t) => ({ ...t })), ...managed];
}
