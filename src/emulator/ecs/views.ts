/** Records → ECS API shapes (timestamps as epoch seconds, as JSON 1.1 carries them). */
import { arns, seconds, type EcsContext } from './context.js';
import { deploymentCounts } from './scheduler.js';
import type { DeploymentRec, Json, ServiceRec, TaskRec } from './state.js';
import { taskHealthStatus } from './task-health.js';
import { controllerOf, primaryTaskSet, taskSetView } from './task-sets.js';

export const defined = (o: Json): Json => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

export function deploymentView(ctx: EcsContext, service: ServiceRec, d: DeploymentRec): Json {
  const { running, pending } = deploymentCounts(service, d);
  return defined({
    id: d.id,
    status: d.status,
    taskDefinition: d.taskDef.arn,
    // An older deployment's desired count is what it still runs while the scheduler scales it in.
    desiredCount: d.status === 'PRIMARY' ? d.desiredCount : running + pending,
    pendingCount: pending,
    runningCount: running,
    failedTasks: d.failedTasks,
    createdAt: seconds(d.createdAt),
    updatedAt: seconds(d.updatedAt),
    capacityProviderStrategy: d.capacityProviderStrategy,
    launchType: d.launchType,
    platformVersion: d.platformVersion,
    platformFamily: d.platformFamily,
    networkConfiguration: d.networkConfiguration,
    serviceConnectConfiguration: d.serviceConnectConfiguration,
    volumeConfigurations: d.volumeConfigurations,
    rolloutState: d.rolloutState,
    rolloutStateReason: d.rolloutStateReason,
  });
}

export function serviceView(ctx: EcsContext, s: ServiceRec, includeTags: boolean): Json {
  let running = 0;
  let pending = 0;
  for (const t of s.liveTasks) {
    if (t.desiredStatus !== 'RUNNING') continue;
    if (t.lastStatus === 'RUNNING') running++;
    else pending++;
  }
  const primary = s.deployments[0];
  const current = s.serviceDeploymentArns[s.serviceDeploymentArns.length - 1];
  return defined({
    serviceArn: s.arn,
    serviceName: s.name,
    clusterArn: arns.cluster(ctx, s.clusterName),
    loadBalancers: s.loadBalancers,
    serviceRegistries: s.serviceRegistries,
    status: s.status,
    desiredCount: s.desiredCount,
    runningCount: running,
    pendingCount: pending,
    launchType: s.launchType,
    capacityProviderStrategy: s.capacityProviderStrategy,
    platformVersion: s.platformVersion,
    platformFamily: s.platformFamily,
    // CODE_DEPLOY / EXTERNAL services: the PRIMARY task set's (none until one is PRIMARY).
    taskDefinition: primary?.taskDef.arn ?? primaryTaskSet(s)?.taskDef.arn,
    deploymentConfiguration: s.deploymentConfiguration,
    taskSets: controllerOf(s) === 'ECS' ? undefined : s.taskSets.map((ts) => taskSetView(ctx, s, ts)),
    deployments: s.deployments.map((d) => deploymentView(ctx, s, d)),
    roleArn: s.roleArn,
    events: s.events.map((e) => ({ id: e.id, createdAt: seconds(e.createdAt), message: e.message })),
    createdAt: seconds(s.createdAt),
    currentServiceDeployment: current,
    currentServiceRevisions: s.deployments.map((d) => {
      const { running: r, pending: p } = deploymentCounts(s, d);
      return { arn: d.revisionArn, requestedTaskCount: d.status === 'PRIMARY' ? d.desiredCount : 0, runningTaskCount: r, pendingTaskCount: p };
    }),
    placementConstraints: s.placementConstraints,
    placementStrategy: s.placementStrategy,
    networkConfiguration: s.networkConfiguration,
    healthCheckGracePeriodSeconds: s.healthCheckGracePeriodSeconds,
    schedulingStrategy: s.schedulingStrategy,
    deploymentController: s.deploymentController,
    tags: includeTags ? s.tags.map((t) => ({ ...t })) : undefined,
    createdBy: s.createdBy,
    enableECSManagedTags: s.enableECSManagedTags,
    propagateTags: s.propagateTags,
    enableExecuteCommand: s.enableExecuteCommand,
    availabilityZoneRebalancing: s.availabilityZoneRebalancing,
  });
}

function attachments(task: TaskRec): Json[] {
  if (task.networkMode !== 'awsvpc') return [];
  const status =
    task.lastStatus === 'STOPPED' ? 'DELETED' : task.lastStatus === 'PROVISIONING' ? 'PRECREATED' : 'ATTACHED';
  return [
    {
      id: task.attachmentId,
      type: 'ElasticNetworkInterface',
      status,
      details: [
        ...(task.subnetId ? [{ name: 'subnetId', value: task.subnetId }] : []),
        { name: 'networkInterfaceId', value: task.eniId },
        { name: 'privateDnsName', value: `ip-${task.privateIp.replace(/\./g, '-')}.ec2.internal` },
        { name: 'privateIPv4Address', value: task.privateIp },
      ],
    },
  ];
}

export function taskView(ctx: EcsContext, t: TaskRec, includeTags: boolean): Json {
  const awsvpc = t.networkMode === 'awsvpc';
  return defined({
    attachments: attachments(t),
    attributes: [{ name: 'ecs.cpu-architecture', value: 'x86_64' }],
    availabilityZone: t.availabilityZone,
    clusterArn: arns.cluster(ctx, t.clusterName),
    connectivity: t.connectivityAt !== undefined ? 'CONNECTED' : undefined,
    connectivityAt: seconds(t.connectivityAt),
    containers: t.containers.map((c) =>
      defined({
        containerArn: c.arn,
        taskArn: t.arn,
        name: c.name,
        image: c.image,
        runtimeId: c.lastStatus === 'PENDING' ? undefined : c.runtimeId,
        lastStatus: c.lastStatus,
        exitCode: c.exitCode,
        reason: c.reason,
        networkBindings: awsvpc
          ? []
          : c.portMappings.map((m) => ({ bindIP: '0.0.0.0', containerPort: m.containerPort, hostPort: m.hostPort, protocol: m.protocol })),
        networkInterfaces: awsvpc ? [{ attachmentId: t.attachmentId, privateIpv4Address: t.privateIp }] : [],
        healthStatus: c.healthStatus ?? 'UNKNOWN',
        cpu: c.cpu,
        memory: c.memory,
        memoryReservation: c.memoryReservation,
      }),
    ),
    containerInstanceArn: t.containerInstanceArn,
    cpu: t.cpu,
    createdAt: seconds(t.createdAt),
    desiredStatus: t.desiredStatus,
    enableExecuteCommand: false,
    executionStoppedAt: seconds(t.executionStoppedAt),
    group: t.group,
    healthStatus: taskHealthStatus(t),
    lastStatus: t.lastStatus,
    launchType: t.launchType,
    memory: t.memory,
    overrides: t.overrides,
    platformVersion: t.platformVersion,
    platformFamily: t.launchType === 'FARGATE' ? 'Linux' : undefined,
    pullStartedAt: seconds(t.pullStartedAt),
    pullStoppedAt: seconds(t.pullStoppedAt),
    startedAt: seconds(t.startedAt),
    startedBy: t.startedBy,
    stopCode: t.stopCode,
    stoppedAt: seconds(t.stoppedAt),
    stoppedReason: t.stoppedReason,
    stoppingAt: seconds(t.stoppingAt),
    tags: includeTags ? t.tags.map((tag) => ({ ...tag })) : [],
    taskArn: t.arn,
    taskDefinitionArn: t.taskDef.arn,
    version: t.version,
    ephemeralStorage: t.launchType === 'FARGATE' ? { sizeInGiB: 20 } : undefined,
  });
}
