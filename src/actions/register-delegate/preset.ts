/**
 * D1: the delegate's task definition and service. A preset (`ec2`, `fargate`) gives the seeds' task spec; the
 * `task-definition` file, when given, is merged over it (for `custom` it is the whole base); the explicit inputs
 * (family, cpu, memory, roles, hostname, image) win over both. The delegate container — the one named `delegate`,
 * else the first — then gets the delegate environment and the token (D2).
 */
import type { ContainerDefinition, CreateServiceCommandInput, RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import type { Preset, TokenSource } from './options.js';

/** The seeds' delegate image (harness/delegate:yy.mm.xxxxx); the README recommends pinning a current tag. */
export const DEFAULT_IMAGE = 'harness/delegate:22.12.77802';
export const DEFAULT_FAMILY = 'harness-delegate-task-spec';
export const CONTAINER_NAME = 'delegate';
/** The seeds' container memory, and the least a delegate task should have (a warning below it). */
export const MIN_DELEGATE_MEMORY = 2048;
export const PRESET_SIZES: Readonly<Record<Exclude<Preset, 'custom'>, { cpu: number; memory: number }>> = {
  ec2: { cpu: 1024, memory: 2048 },
  fargate: { cpu: 1024, memory: 6144 },
};

export interface TaskDefinitionParts {
  preset: Preset;
  /** Explicit inputs; undefined: the file's value, else the preset's. */
  family: string | undefined;
  cpu: number | undefined;
  memory: number | undefined;
  hostname: string | undefined;
  image: string | undefined;
  executionRoleArn: string | undefined;
  taskRoleArn: string | undefined;
  /** The task-definition file: with a preset, already filled from it (fillFromPreset). */
  file: RegisterTaskDefinitionCommandInput | undefined;
  environment: { name: string; value: string }[];
  token: TokenSource;
}

export function presetBase(preset: Preset): RegisterTaskDefinitionCommandInput {
  if (preset === 'custom') return { family: DEFAULT_FAMILY, containerDefinitions: [] };
  const size = PRESET_SIZES[preset];
  const container: ContainerDefinition = {
    name: CONTAINER_NAME,
    image: DEFAULT_IMAGE,
    essential: true,
    cpu: 1,
    memory: MIN_DELEGATE_MEMORY,
    portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }],
  };
  return {
    family: DEFAULT_FAMILY,
    requiresCompatibilities: [preset === 'ec2' ? 'EC2' : 'FARGATE'],
    ...(preset === 'fargate' ? { networkMode: 'awsvpc' as const } : {}),
    cpu: String(size.cpu),
    memory: String(size.memory),
    containerDefinitions: [container],
  };
}

/**
 * The file's parsed value with the preset's fields it leaves out filled in (the delegate container too), so that
 * the file is checked as the task definition it becomes; anything that is not a task definition object is left as
 * it is, for the check to refuse.
 */
export function fillFromPreset(value: unknown, base: RegisterTaskDefinitionCommandInput): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const file = value as Record<string, unknown>;
  const containers = file['containerDefinitions'];
  if (containers !== undefined && !Array.isArray(containers)) return value;
  const list = (containers ?? []) as unknown[];
  const at = Math.max(0, list.findIndex((c) => typeof c === 'object' && c !== null && (c as { name?: unknown }).name === CONTAINER_NAME));
  const baseContainer = base.containerDefinitions?.[0];
  const filled = list.map((c, i) => (i === at && baseContainer !== undefined && typeof c === 'object' && c !== null ? { ...baseContainer, ...c } : c));
  if (filled.length === 0 && baseContainer !== undefined) filled.push(baseContainer);
  return { ...base, ...file, containerDefinitions: filled };
}

export function delegateContainerIndex(td: RegisterTaskDefinitionCommandInput): number {
  return Math.max(0, (td.containerDefinitions ?? []).findIndex((c) => c.name === CONTAINER_NAME));
}

export function buildTaskDefinition(p: TaskDefinitionParts): RegisterTaskDefinitionCommandInput {
  // A file given with a preset was filled from it when it was loaded (fillFromPreset), so it is the whole base.
  const td: RegisterTaskDefinitionCommandInput = { ...(p.file ?? presetBase(p.preset)) };
  if (p.family !== undefined) td.family = p.family;
  if (p.cpu !== undefined) td.cpu = String(p.cpu);
  if (p.memory !== undefined) td.memory = String(p.memory);
  if (p.executionRoleArn !== undefined) td.executionRoleArn = p.executionRoleArn;
  if (p.taskRoleArn !== undefined) td.taskRoleArn = p.taskRoleArn;
  const index = delegateContainerIndex(td);
  td.containerDefinitions = (td.containerDefinitions ?? []).map((c, i) => (i === index ? delegateContainer(c, p, td.memory) : c));
  return td;
}

function delegateContainer(c: ContainerDefinition, p: TaskDefinitionParts, taskMemory: string | undefined): ContainerDefinition {
  const out: ContainerDefinition = { ...c, image: p.image ?? c.image ?? DEFAULT_IMAGE };
  if (p.hostname !== undefined) out.hostname = p.hostname;
  // The container may not ask for more memory than the task has.
  const memory = Number(taskMemory);
  if (typeof out.memory === 'number' && Number.isFinite(memory) && memory > 0 && out.memory > memory) out.memory = memory;
  const ours = new Set([...p.environment.map((e) => e.name), 'DELEGATE_TOKEN']);
  out.environment = [...(c.environment ?? []).filter((e) => !ours.has(e.name ?? '')), ...p.environment];
  const secrets = (c.secrets ?? []).filter((s) => s.name !== 'DELEGATE_TOKEN');
  if (p.token.kind === 'secret') secrets.push({ name: 'DELEGATE_TOKEN', valueFrom: p.token.arn });
  if (secrets.length > 0) out.secrets = secrets;
  else delete out.secrets;
  return out;
}

export interface ServiceParts {
  cluster: string;
  serviceName: string;
  replicas: number;
  launchType: 'EC2' | 'FARGATE';
  taskDefinition: RegisterTaskDefinitionCommandInput;
  subnets: string[];
  securityGroups: string[];
  assignPublicIp: boolean;
}

/**
 * The CreateService input (D3). awsvpc: the network configuration. A static host port (the seeds' 8080 in bridge
 * mode) fits once per instance, so such a service may stop its old task before it starts the new one
 * (minimumHealthyPercent 0, maximumPercent 100): an upgrade on a one-instance cluster cannot place the new task
 * otherwise.
 */
export function buildService(p: ServiceParts): CreateServiceCommandInput {
  const service: CreateServiceCommandInput = {
    cluster: p.cluster,
    serviceName: p.serviceName,
    desiredCount: p.replicas,
    launchType: p.launchType,
  };
  if (p.taskDefinition.networkMode === 'awsvpc') {
    service.networkConfiguration = {
      awsvpcConfiguration: {
        subnets: p.subnets,
        ...(p.securityGroups.length > 0 ? { securityGroups: p.securityGroups } : {}),
        assignPublicIp: p.assignPublicIp ? 'ENABLED' : 'DISABLED',
      },
    };
  } else if (staticHostPorts(p.taskDefinition).length > 0) {
    service.deploymentConfiguration = { minimumHealthyPercent: 0, maximumPercent: 100 };
  }
  return service;
}

export function staticHostPorts(td: RegisterTaskDefinitionCommandInput): number[] {
  if (td.networkMode === 'awsvpc') return [];
  const ports = (td.containerDefinitions ?? []).flatMap((c) => c.portMappings ?? []);
  return ports.map((m) => (td.networkMode === 'host' ? m.containerPort : m.hostPort) ?? 0).filter((port) => port > 0);
}
