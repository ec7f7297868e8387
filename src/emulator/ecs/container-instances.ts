/**
 * EC2 container instances: registered to a cluster through the control route (POST /_emulator/container-instances,
 * standing in for the ECS agent's RegisterContainerInstance), listed and described as ListContainerInstances and
 * DescribeContainerInstances answer (API reference: ContainerInstance, Resource), and used to place tasks of the
 * EC2 launch type by CPU, memory and static host ports.
 *
 * Placement is enforced only on a cluster that has registered container instances: on a cluster with none, EC2
 * tasks run as before without an instance (the emulator's simplification, kept so that every test written before
 * container instances existed still runs; AWS would leave them unplaced: "No Container Instances were found in
 * your cluster").
 */
import { resolveCluster } from './clusters.js';
import { lastSegment, type EcsContext } from './context.js';
import { invalid, optStr, paginate, strList } from './params.js';
import type { ClusterRec, ContainerInstanceRec, Json, TaskDefRec, TaskRec } from './state.js';

/** Ports the ECS agent reserves on every container instance (SSH, the Docker daemon, the agent's introspection). */
export const RESERVED_PORTS = [22, 2375, 2376, 51678, 51679];
const AGENT_VERSION = '1.89.1';

export interface RegisterSpec {
  cluster: string;
  count: number;
  cpu: number;
  memory: number;
}

/** The control route's body: `{"cluster": "ops", "count": 3, "cpu": 4096, "memory": 16384}` (cpu and memory in ECS units). */
export function parseRegisterSpec(body: unknown): RegisterSpec {
  if (typeof body !== 'object' || body === null) throw new Error('body must be a JSON object');
  const b = body as Record<string, unknown>;
  const whole = (name: string, fallback: number, min: number, max: number): number => {
    const v = b[name] ?? fallback;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new Error(`"${name}" must be a whole number from ${min} to ${max}`);
    return v;
  };
  const cluster = b['cluster'] ?? 'default';
  if (typeof cluster !== 'string' || cluster === '') throw new Error('"cluster" must be a cluster name or ARN');
  return { cluster, count: whole('count', 1, 1, 100), cpu: whole('cpu', 2048, 128, 196_608), memory: whole('memory', 7680, 128, 786_432) };
}

/** Registers `count` instances; a service waiting for capacity is scheduled again. Returns their ARNs. */
export function registerContainerInstances(ctx: EcsContext, spec: RegisterSpec, wake: (cluster: string) => void): string[] {
  const cluster = resolveCluster(ctx, spec.cluster);
  const out: string[] = [];
  for (let i = 0; i < spec.count; i++) {
    const id = ctx.random.hex(32);
    const rec: ContainerInstanceRec = {
      id,
      arn: `arn:aws:ecs:${ctx.region}:${ctx.accountId}:container-instance/${cluster.name}/${id}`,
      clusterName: cluster.name,
      ec2InstanceId: `i-0${ctx.random.hex(16)}`,
      cpu: spec.cpu,
      memory: spec.memory,
      registeredAt: ctx.clock.now(),
      availabilityZone: `${ctx.region}${'abc'[ctx.state.containerInstances.size % 3] ?? 'a'}`,
    };
    ctx.state.containerInstances.set(rec.arn, rec);
    out.push(rec.arn);
  }
  wake(cluster.name);
  return out;
}

export function instancesOf(ctx: EcsContext, clusterName: string): ContainerInstanceRec[] {
  return [...ctx.state.containerInstances.values()].filter((i) => i.clusterName === clusterName);
}

/** What a task needs of an instance: task-level CPU and memory when set, else the containers' sum; static host ports. */
export interface Needs {
  cpu: number;
  memory: number;
  ports: number[];
}

export function needsOf(taskDef: TaskDefRec): Needs {
  const body = taskDef.body;
  const containers = (body['containerDefinitions'] as Json[] | undefined) ?? [];
  const sum = (pick: (c: Json) => unknown): number => containers.reduce((n, c) => n + (Number(pick(c)) || 0), 0);
  const cpu = body['cpu'] !== undefined ? Number(body['cpu']) || 0 : sum((c) => c['cpu']);
  const memory = body['memory'] !== undefined ? Number(body['memory']) || 0 : sum((c) => c['memory'] ?? c['memoryReservation']);
  const mode = String(body['networkMode'] ?? 'bridge');
  const ports: number[] = [];
  if (mode !== 'awsvpc') {
    for (const c of containers) {
      for (const pm of (c['portMappings'] as Json[] | undefined) ?? []) {
        const port = mode === 'host' ? Number(pm['containerPort']) : Number(pm['hostPort'] ?? 0);
        if (port > 0) ports.push(port);
      }
    }
  }
  return { cpu, memory, ports };
}

interface Usage {
  cpu: number;
  memory: number;
  ports: Set<number>;
  tasks: number;
}

export function usageOf(ctx: EcsContext, inst: ContainerInstanceRec): Usage {
  const usage: Usage = { cpu: 0, memory: 0, ports: new Set(RESERVED_PORTS), tasks: 0 };
  for (const t of ctx.state.tasks.values()) {
    if (t.containerInstanceArn !== inst.arn || t.lastStatus === 'STOPPED') continue;
    const needs = needsOf(t.taskDef);
    usage.cpu += needs.cpu;
    usage.memory += needs.memory;
    for (const p of needs.ports) usage.ports.add(p);
    usage.tasks++;
  }
  return usage;
}

/** Why an instance cannot take the task (ECS's words in the service event), or undefined when it can. */
export function misfit(inst: ContainerInstanceRec, used: Usage, needs: Needs): { event: string; failure: string } | undefined {
  if (inst.cpu - used.cpu < needs.cpu) return { event: 'has insufficient CPU units available.', failure: 'RESOURCE:CPU' };
  if (inst.memory - used.memory < needs.memory) return { event: 'has insufficient memory available.', failure: 'RESOURCE:MEMORY' };
  if (needs.ports.some((p) => used.ports.has(p))) return { event: 'is already using a port required by your task.', failure: 'RESOURCE:PORTS' };
  return undefined;
}

export type Placement =
  | { kind: 'anywhere' }
  | { kind: 'placed'; instance: ContainerInstanceRec }
  /** `freeing`: a task on the cluster's instances is stopping, so capacity is about to come back. */
  | { kind: 'unplaced'; instance: ContainerInstanceRec; reason: string; failure: string; freeing: boolean };

/**
 * Where an EC2 task goes: `anywhere` on a cluster without instances (see the header), else the instance with the
 * fewest tasks that fits (ECS spreads a service's tasks), else the closest match and why it does not fit.
 */
export function placeTask(ctx: EcsContext, cluster: ClusterRec, taskDef: TaskDefRec): Placement {
  const instances = instancesOf(ctx, cluster.name);
  const first = instances[0];
  if (first === undefined) return { kind: 'anywhere' };
  const needs = needsOf(taskDef);
  let best: { inst: ContainerInstanceRec; tasks: number } | undefined;
  let closest: { inst: ContainerInstanceRec; why: { event: string; failure: string } } | undefined;
  for (const inst of instances) {
    const used = usageOf(ctx, inst);
    const why = misfit(inst, used, needs);
    if (why === undefined) {
      if (best === undefined || used.tasks < best.tasks) best = { inst, tasks: used.tasks };
    } else closest ??= { inst, why };
  }
  if (best !== undefined) return { kind: 'placed', instance: best.inst };
  const c = closest ?? { inst: first, why: { event: 'has insufficient memory available.', failure: 'RESOURCE:MEMORY' } };
  const onCluster = new Set(instances.map((i) => i.arn));
  const freeing = [...ctx.state.tasks.values()].some(
    (t) => t.containerInstanceArn !== undefined && onCluster.has(t.containerInstanceArn) && t.desiredStatus === 'STOPPED' && t.lastStatus !== 'STOPPED',
  );
  return { kind: 'unplaced', instance: c.inst, reason: c.why.event, failure: c.why.failure, freeing };
}

/** Puts a created task on its instance. */
export function assign(task: TaskRec, instance: ContainerInstanceRec): void {
  task.containerInstanceArn = instance.arn;
  task.instanceId = instance.ec2InstanceId;
  task.availabilityZone = instance.availabilityZone;
}

/** The service event ECS writes when it cannot place a task (developer guide, "Service event messages"). */
export function unplacedMessage(service: string, instanceId: string, reason: string): string {
  return (
    `(service ${service}) was unable to place a task because no container instance met all of its requirements. ` +
    `The closest matching (container-instance ${instanceId}) ${reason} For more information, see the Troubleshooting ` +
    'section of the Amazon ECS Developer Guide.'
  );
}

function resource(name: string, value: number | string[]): Json {
  return Array.isArray(value)
    ? { name, type: 'STRINGSET', doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: value }
    : { name, type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: value };
}

function instanceView(ctx: EcsContext, inst: ContainerInstanceRec): Json {
  const used = usageOf(ctx, inst);
  let running = 0;
  let pending = 0;
  for (const t of ctx.state.tasks.values()) {
    if (t.containerInstanceArn !== inst.arn || t.desiredStatus !== 'RUNNING') continue;
    if (t.lastStatus === 'RUNNING') running++;
    else pending++;
  }
  const ports = (set: Iterable<number>): string[] => [...set].sort((a, b) => a - b).map(String);
  return {
    containerInstanceArn: inst.arn,
    ec2InstanceId: inst.ec2InstanceId,
    version: 1,
    versionInfo: { agentVersion: AGENT_VERSION, agentHash: 'f2a3f4b5', dockerVersion: 'DockerVersion: 25.0.8' },
    remainingResources: [
      resource('CPU', inst.cpu - used.cpu),
      resource('MEMORY', inst.memory - used.memory),
      resource('PORTS', ports(used.ports)),
      resource('PORTS_UDP', []),
    ],
    registeredResources: [
      resource('CPU', inst.cpu),
      resource('MEMORY', inst.memory),
      resource('PORTS', ports(RESERVED_PORTS)),
      resource('PORTS_UDP', []),
    ],
    status: 'ACTIVE',
    agentConnected: true,
    runningTasksCount: running,
    pendingTasksCount: pending,
    attributes: [
      { name: 'ecs.availability-zone', value: inst.availabilityZone },
      { name: 'ecs.os-type', value: 'linux' },
      { name: 'ecs.cpu-architecture', value: 'x86_64' },
    ],
    registeredAt: inst.registeredAt / 1000,
    attachments: [],
    tags: [],
  };
}

const STATUSES = ['ACTIVE', 'DRAINING', 'REGISTERING', 'DEREGISTERING', 'REGISTRATION_FAILED'];

export const containerInstanceOperations = {
  ListContainerInstances(ctx: EcsContext, p: Json): Json {
    const cluster = resolveCluster(ctx, optStr(p, 'cluster'));
    if (optStr(p, 'filter') !== undefined) throw invalid('The emulator does not evaluate the cluster query language (filter).');
    const status = optStr(p, 'status');
    if (status !== undefined && !STATUSES.includes(status)) throw invalid(`Invalid status: ${status}`);
    const arns = status === undefined || status === 'ACTIVE' ? instancesOf(ctx, cluster.name).map((i) => i.arn) : [];
    const { page, nextToken } = paginate(arns, p);
    return { containerInstanceArns: page, ...(nextToken ? { nextToken } : {}) };
  },

  DescribeContainerInstances(ctx: EcsContext, p: Json): Json {
    const cluster = resolveCluster(ctx, optStr(p, 'cluster'));
    const refs = strList(p, 'containerInstances');
    if (refs === undefined) throw invalid('containerInstances can not be blank.');
    if (refs.length > 100) throw invalid('containerInstances cannot have more than 100 items.');
    const containerInstances: Json[] = [];
    const failures: Json[] = [];
    for (const ref of refs) {
      const inst = ctx.state.containerInstances.get(
        `arn:aws:ecs:${ctx.region}:${ctx.accountId}:container-instance/${cluster.name}/${lastSegment(ref)}`,
      );
      if (inst !== undefined) containerInstances.push(instanceView(ctx, inst));
      else failures.push({ arn: ref, reason: 'MISSING' });
    }
    return { containerInstances, failures };
  },
};
