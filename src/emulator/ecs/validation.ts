/**
 * The RegisterTaskDefinition rules that bite real users, with the messages ECS answers (ClientException):
 * Fargate needs awsvpc and a valid task-level cpu/memory pair, hostname is refused in awsvpc mode, EC2 containers
 * need memory when the task has none, awsvpc host ports must equal container ports, container secrets need an
 * execution role.
 */
import { clientError } from './params.js';
import type { Json } from './state.js';

/** Fargate task sizes: cpu units → allowed memory (MiB). */
function fargateMemory(cpu: number): number[] {
  const range = (from: number, to: number, step: number): number[] => {
    const out: number[] = [];
    for (let m = from; m <= to; m += step) out.push(m);
    return out;
  };
  switch (cpu) {
    case 256:
      return [512, 1024, 2048];
    case 512:
      return range(1024, 4096, 1024);
    case 1024:
      return range(2048, 8192, 1024);
    case 2048:
      return range(4096, 16384, 1024);
    case 4096:
      return range(8192, 30720, 1024);
    case 8192:
      return range(16384, 61440, 4096);
    case 16384:
      return range(32768, 122880, 8192);
    default:
      return [];
  }
}

/** `1024`, `1 vCPU`, `.25 vcpu` → cpu units. */
export function parseCpu(value: string): number | undefined {
  const vcpu = /^\s*([0-9]*\.?[0-9]+)\s*vcpu\s*$/i.exec(value);
  if (vcpu) return Math.round(Number(vcpu[1]) * 1024);
  return /^\s*[0-9]+\s*$/.test(value) ? Number(value) : undefined;
}

/** `2048`, `2GB`, `2 gb` → MiB. */
export function parseMemory(value: string): number | undefined {
  const gb = /^\s*([0-9]*\.?[0-9]+)\s*gb\s*$/i.exec(value);
  if (gb) return Math.round(Number(gb[1]) * 1024);
  return /^\s*[0-9]+\s*$/.test(value) ? Number(value) : undefined;
}

export function isValidFargateSize(cpu: string | undefined, memory: string | undefined): boolean {
  if (cpu === undefined || memory === undefined) return false;
  const c = parseCpu(cpu);
  const m = parseMemory(memory);
  return c !== undefined && m !== undefined && fargateMemory(c).includes(m);
}

const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;

export function validateTaskDefinition(p: Json, containers: Json[], networkMode: string): void {
  const requires = (p['requiresCompatibilities'] as string[] | undefined) ?? [];
  const cpu = str(p['cpu']);
  const memory = str(p['memory']);
  if (!['bridge', 'host', 'awsvpc', 'none'].includes(networkMode)) {
    throw clientError(`Invalid networkMode '${networkMode}'. Valid values are bridge, host, awsvpc and none.`);
  }
  if (cpu !== undefined && parseCpu(cpu) === undefined) throw clientError(`Invalid 'cpu' setting for task.`);
  if (memory !== undefined && parseMemory(memory) === undefined) throw clientError(`Invalid 'memory' setting for task.`);
  const names = new Set<string>();
  for (const c of containers) {
    const name = c['name'];
    if (typeof name !== 'string' || name === '') throw clientError('Container.name should not be null or empty.');
    if (names.has(name)) throw clientError(`Duplicate container name '${name}'. Container names must be unique.`);
    names.add(name);
    if (typeof c['image'] !== 'string' || c['image'] === '') {
      throw clientError('Container.image should not be null or empty.');
    }
    if (networkMode === 'awsvpc' && c['hostname'] !== undefined) {
      throw clientError('hostname is not supported on container when networkMode=awsvpc.');
    }
    const cMem = c['memory'];
    const cRes = c['memoryReservation'];
    if (memory === undefined && cMem === undefined && cRes === undefined && !requires.includes('FARGATE')) {
      throw clientError(
        `Invalid setting for container '${name}'. At least one of 'memory' or 'memoryReservation' must be specified.`,
      );
    }
    if (typeof cMem === 'number' && typeof cRes === 'number' && cMem < cRes) {
      throw clientError(
        `Invalid setting for container '${name}'. 'memory' must be greater than or equal to 'memoryReservation'.`,
      );
    }
    for (const pm of (c['portMappings'] as Json[] | undefined) ?? []) {
      const containerPort = pm['containerPort'];
      if (containerPort !== undefined && (typeof containerPort !== 'number' || containerPort < 1 || containerPort > 65535)) {
        throw clientError(`Invalid 'containerPort' setting for container '${name}'.`);
      }
      const hostPort = pm['hostPort'];
      if (networkMode === 'awsvpc' && hostPort !== undefined && hostPort !== containerPort) {
        throw clientError('When networkMode=awsvpc, the host ports and container ports in port mappings must match.');
      }
    }
  }
  const usesSecrets = containers.some((c) => Array.isArray(c['secrets']) && c['secrets'].length > 0);
  if (usesSecrets && typeof p['executionRoleArn'] !== 'string') {
    // ECS fetches secrets with the execution role whatever the launch type; the message does not name Fargate.
    throw clientError("When you are specifying container secrets, you must also specify a value for 'executionRoleArn'.");
  }
  if (requires.includes('FARGATE')) {
    if (networkMode !== 'awsvpc') throw clientError('Fargate only supports network mode ‘awsvpc’.');
    if (cpu === undefined) throw clientError("Fargate requires that 'cpu' be defined at the task level.");
    if (memory === undefined) throw clientError("Fargate requires that 'memory' be defined at the task level.");
    if (!isValidFargateSize(cpu, memory)) {
      throw clientError(`No Fargate configuration exists for given values: ${cpu} CPU, ${memory} memory`);
    }
    const usesAwslogs = containers.some((c) => (c['logConfiguration'] as Json | undefined)?.['logDriver'] === 'awslogs');
    if (usesAwslogs && typeof p['executionRoleArn'] !== 'string') {
      throw clientError('Fargate requires task definition to have execution role ARN to support log driver awslogs.');
    }
  }
}

/** Compatibilities ECS computes for a task definition (FARGATE only when it could run there). */
export function compatibilities(p: Json, networkMode: string): string[] {
  const cpu = str(p['cpu']);
  const memory = str(p['memory']);
  return networkMode === 'awsvpc' && isValidFargateSize(cpu, memory) ? ['EC2', 'FARGATE'] : ['EC2'];
}
