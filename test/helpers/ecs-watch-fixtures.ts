/**
 * Builders for DescribeServices / ListTasks / DescribeTasks answers shaped as the ECS API reference documents
 * them (deployments PRIMARY first; events newest first), for the deployment watcher's unit tests.
 */
import type { Deployment, DescribeServicesCommandOutput, Service, ServiceEvent, Task } from '@aws-sdk/client-ecs';

export const REGION_ACCOUNT = 'us-east-1:123456789012';
export const CLUSTER = 'demo';
export const SERVICE = 'web';
export const T0 = Date.UTC(2024, 4, 1, 12, 0, 0);
export const tdArn = (revision: number): string => `arn:aws:ecs:${REGION_ACCOUNT}:task-definition/web:${revision}`;
export const taskArn = (id: string): string => `arn:aws:ecs:${REGION_ACCOUNT}:task/${CLUSTER}/${id}`;

export function deployment(id: string, fields: Partial<Deployment> = {}): Deployment {
  return {
    id,
    status: 'PRIMARY',
    taskDefinition: tdArn(2),
    desiredCount: 2,
    pendingCount: 0,
    runningCount: 0,
    failedTasks: 0,
    rolloutState: 'IN_PROGRESS',
    createdAt: new Date(T0 - 1000),
    updatedAt: new Date(T0 - 1000),
    launchType: 'FARGATE',
    ...fields,
  };
}

export function event(id: string, atMs: number, message: string): ServiceEvent {
  return { id, createdAt: new Date(atMs), message };
}

export function service(deployments: Deployment[], events: ServiceEvent[] = [], fields: Partial<Service> = {}): Service {
  const primary = deployments.find((d) => d.status === 'PRIMARY');
  return {
    serviceArn: `arn:aws:ecs:${REGION_ACCOUNT}:service/${CLUSTER}/${SERVICE}`,
    serviceName: SERVICE,
    clusterArn: `arn:aws:ecs:${REGION_ACCOUNT}:cluster/${CLUSTER}`,
    status: 'ACTIVE',
    desiredCount: primary?.desiredCount ?? 0,
    runningCount: deployments.reduce((n, d) => n + (d.runningCount ?? 0), 0),
    pendingCount: deployments.reduce((n, d) => n + (d.pendingCount ?? 0), 0),
    ...(primary?.taskDefinition !== undefined ? { taskDefinition: primary.taskDefinition } : {}),
    deployments,
    // ECS lists events newest first; of two with the same timestamp, the one given later is the newer.
    events: events
      .map((e, i) => ({ e, i }))
      .sort((a, b) => (b.e.createdAt?.getTime() ?? 0) - (a.e.createdAt?.getTime() ?? 0) || b.i - a.i)
      .map(({ e }) => e),
    ...fields,
  };
}

export function described(svc: Service): DescribeServicesCommandOutput {
  return { services: [svc], failures: [], $metadata: { httpStatusCode: 200 } };
}

export function missing(name = SERVICE): DescribeServicesCommandOutput {
  return {
    services: [],
    failures: [{ arn: `arn:aws:ecs:${REGION_ACCOUNT}:service/${CLUSTER}/${name}`, reason: 'MISSING' }],
    $metadata: { httpStatusCode: 200 },
  };
}

export function stoppedTask(id: string, fields: Partial<Task> = {}): Task {
  return {
    taskArn: taskArn(id),
    taskDefinitionArn: tdArn(2),
    clusterArn: `arn:aws:ecs:${REGION_ACCOUNT}:cluster/${CLUSTER}`,
    group: `service:${SERVICE}`,
    lastStatus: 'STOPPED',
    desiredStatus: 'STOPPED',
    stopCode: 'EssentialContainerExited',
    stoppedReason: 'Essential container in task exited',
    createdAt: new Date(T0),
    stoppedAt: new Date(T0 + 5000),
    containers: [{ name: 'app', exitCode: 1, lastStatus: 'STOPPED' }],
    ...fields,
  };
}

/** An error as the SDK raises it for an ECS ThrottlingException (ECS does not model it, so it is a plain error). */
export function throttlingError(message = 'Rate exceeded'): Error {
  return Object.assign(new Error(message), {
    name: 'ThrottlingException',
    $fault: 'client',
    $metadata: { httpStatusCode: 400, requestId: 'req-throttle' },
  });
}

/** An error the SDK's retry classifier marked as throttling (`$retryable.throttling`), whatever its name. */
export function retryableThrottle(message = 'slow down'): Error {
  return Object.assign(new Error(message), {
    name: 'TooManyCallsFromThisCaller',
    $retryable: { throttling: true },
    $metadata: { httpStatusCode: 400 },
  });
}

export function serviceUnavailable(): Error {
  return Object.assign(new Error('Service Unavailable'), {
    name: 'ServiceUnavailable',
    $fault: 'server',
    $metadata: { httpStatusCode: 503 },
  });
}
