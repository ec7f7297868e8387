/** Builds a new task record (PROVISIONING) from a task definition, overrides and network configuration. */
import { arns, type EcsContext } from './context.js';
import { fateOf } from './image-behaviour.js';
import type { ClusterRec, ContainerRec, Json, Tag, TaskDefRec, TaskRec } from './state.js';

export interface NewTask {
  cluster: ClusterRec;
  taskDef: TaskDefRec;
  launchType: string;
  platformVersion?: string;
  serviceKey?: string;
  deploymentId?: string;
  group: string;
  startedBy?: string;
  tags: Tag[];
  overrides?: Json;
  networkConfiguration?: Json;
}

function awslogsOf(c: Json, taskId: string, runtimeId: string): ContainerRec['awslogs'] {
  const config = c['logConfiguration'] as Json | undefined;
  if (config?.['logDriver'] !== 'awslogs') return undefined;
  const options = (config['options'] as Record<string, string> | undefined) ?? {};
  const group = options['awslogs-group'];
  if (!group) return undefined;
  const prefix = options['awslogs-stream-prefix'];
  const stream = prefix ? `${prefix}/${String(c['name'])}/${taskId}` : runtimeId;
  return { group, stream, createGroup: options['awslogs-create-group'] === 'true' };
}

export function createTask(ctx: EcsContext, spec: NewTask): TaskRec {
  const { random } = ctx;
  const id = random.hex(32);
  const clusterName = spec.cluster.name;
  const networkMode = String(spec.taskDef.body['networkMode'] ?? 'bridge');
  const overrides = spec.overrides ?? {};
  const containerOverrides = (overrides['containerOverrides'] as Json[] | undefined) ?? [];
  const containers = (spec.taskDef.body['containerDefinitions'] as Json[]).map((c): ContainerRec => {
    const name = String(c['name']);
    const override = containerOverrides.find((o) => o['name'] === name) ?? {};
    const image = String(c['image']);
    const runtimeId = `${id}-${random.digits(10)}`;
    const memory = override['memory'] ?? c['memory'];
    const memoryReservation = override['memoryReservation'] ?? c['memoryReservation'];
    const rec: ContainerRec = {
      name,
      arn: arns.container(ctx, clusterName, id, random.uuid()),
      image,
      runtimeId,
      essential: c['essential'] !== false,
      fate: fateOf(image),
      lastStatus: 'PENDING',
      cpu: String(override['cpu'] ?? c['cpu'] ?? 0),
      portMappings: ((c['portMappings'] as Json[] | undefined) ?? []).map((pm) => ({
        containerPort: Number(pm['containerPort']),
        hostPort:
          networkMode === 'awsvpc' || networkMode === 'host'
            ? Number(pm['containerPort'])
            : Number(pm['hostPort'] ?? 0) || 32768 + Math.floor(random.next() * 28000),
        protocol: String(pm['protocol'] ?? 'tcp'),
      })),
    };
    if (memory !== undefined) rec.memory = String(memory);
    if (memoryReservation !== undefined) rec.memoryReservation = String(memoryReservation);
    if (c['healthCheck'] !== undefined) rec.healthStatus = 'UNKNOWN';
    const logs = awslogsOf(c, id, runtimeId);
    if (logs) rec.awslogs = logs;
    return rec;
  });
  const subnets = ((spec.networkConfiguration?.['awsvpcConfiguration'] as Json | undefined)?.['subnets'] ?? []) as string[];
  const cpu = overrides['cpu'] ?? spec.taskDef.body['cpu'];
  const memory = overrides['memory'] ?? spec.taskDef.body['memory'];
  const task: TaskRec = {
    id,
    arn: arns.task(ctx, clusterName, id),
    clusterName,
    taskDef: spec.taskDef,
    group: spec.group,
    launchType: spec.launchType,
    networkMode,
    createdAt: ctx.clock.now(),
    lastStatus: 'PROVISIONING',
    desiredStatus: 'RUNNING',
    containers,
    tags: spec.tags,
    overrides: { containerOverrides: [], inferenceAcceleratorOverrides: [], ...overrides },
    privateIp: `10.0.${Math.floor(random.next() * 254) + 1}.${Math.floor(random.next() * 254) + 1}`,
    attachmentId: random.uuid(),
    eniId: `eni-0${random.hex(16)}`,
    instanceId: `i-0${random.hex(16)}`,
    availabilityZone: `${ctx.region}${'abc'[Math.floor(random.next() * 3)]}`,
    version: 1,
    healthy: false,
    failed: false,
    targets: [],
    timers: [],
  };
  if (subnets[0] !== undefined) task.subnetId = subnets[Math.floor(random.next() * subnets.length)] ?? subnets[0];
  if (spec.serviceKey !== undefined) task.serviceKey = spec.serviceKey;
  if (spec.deploymentId !== undefined) task.deploymentId = spec.deploymentId;
  if (spec.startedBy !== undefined) task.startedBy = spec.startedBy;
  if (spec.platformVersion !== undefined) task.platformVersion = spec.platformVersion;
  if (cpu !== undefined) task.cpu = String(cpu);
  if (memory !== undefined) task.memory = String(memory);
  return task;
}
