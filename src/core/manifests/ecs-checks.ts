/**
 * ECS rules the schema cannot express but RegisterTaskDefinition / CreateService / RunTask enforce (quoted from
 * the API reference), checked up front so a bad manifest fails before any mutating call (S3). They run on a
 * value that already passed the structural check, so types are known to be right.
 */
import { Compatibility, LaunchType, NetworkMode } from '@aws-sdk/client-ecs';
import { FARGATE_SIZES, fargateSizeProblem, parseCpuUnits, parseMemoryMiB } from './fargate.js';
import { checkNativeDeployment } from './native-checks.js';
import type { Problem } from './problems.js';
import { isPlainObject } from './schema-check.js';
import { RUN_TASK_INTEGER_FIELDS, SERVICE_INTEGER_FIELDS, TASK_DEFINITION_INTEGER_FIELDS, checkWholeNumbers } from './whole-numbers.js';

type Obj = Record<string, unknown>;
const CD = 'containerDefinitions';

export function checkTaskDefinition(td: Obj): Problem[] {
  const problems: Problem[] = [];
  const add = (path: Problem['path'], detail: string, at?: Problem['path']): void => {
    problems.push(at === undefined ? { path, detail } : { path, at, detail });
  };
  const containers = Array.isArray(td[CD]) ? (td[CD] as unknown[]).filter(isPlainObject) : [];
  if (containers.length === 0) add([CD], 'a task definition needs at least one container');
  const networkMode = typeof td['networkMode'] === 'string' ? td['networkMode'] : undefined;
  const compat = Array.isArray(td['requiresCompatibilities']) ? (td['requiresCompatibilities'] as string[]) : [];

  const badMode = notOneOf('network mode', networkMode, NetworkMode);
  if (badMode !== undefined) add(['networkMode'], badMode);
  compat.forEach((c, i) => {
    const bad = notOneOf('compatibility', c, Compatibility);
    if (bad !== undefined) add(['requiresCompatibilities', i], bad);
  });

  const seen = new Map<string, number>();
  containers.forEach((c, i) => {
    if (typeof c['name'] !== 'string' || c['name'] === '') {
      add([CD, i, 'name'], 'every container needs a `name`', [CD, i]);
    }
    if (typeof c['image'] !== 'string' || c['image'] === '') {
      add([CD, i, 'image'], 'every container needs an `image`', [CD, i]);
    }
    const name = c['name'];
    if (typeof name === 'string' && name !== '') {
      const first = seen.get(name);
      if (first !== undefined) add([CD, i, 'name'], `container name \`${name}\` is already used by ${CD}[${first}]`);
      else seen.set(name, i);
    }
    checkContainerMemory(td, c, i, compat, add);
    if (networkMode === 'awsvpc') checkAwsvpcContainer(c, i, add);
  });

  if (compat.includes('FARGATE')) checkFargate(td, containers, networkMode, add);
  problems.push(...checkWholeNumbers(td, TASK_DEFINITION_INTEGER_FIELDS));
  return problems;
}

type Add = (path: Problem['path'], detail: string, at?: Problem['path']) => void;

/**
 * ContainerDefinition.memory: "If using the EC2 launch type, you must specify either a task-level memory value
 * or a container-level memory value. If you specify both a container-level memory and memoryReservation value,
 * memory must be greater than memoryReservation." (No requiresCompatibilities means EC2.)
 */
function checkContainerMemory(td: Obj, c: Obj, i: number, compat: readonly string[], add: Add): void {
  const ec2 = compat.length === 0 || (compat.includes('EC2') && !compat.includes('FARGATE'));
  const memory = c['memory'];
  const reservation = c['memoryReservation'];
  if (ec2 && td['memory'] === undefined && memory === undefined && reservation === undefined) {
    const detail = 'on EC2 without a task-level `memory`, every container needs `memory` or `memoryReservation`';
    add([CD, i, 'memory'], detail, [CD, i]);
  }
  if (typeof memory === 'number' && typeof reservation === 'number' && memory <= reservation) {
    const detail = `\`memoryReservation\` (${reservation}) must be less than \`memory\` (${memory})`;
    add([CD, i, 'memoryReservation'], detail);
  }
}

function checkAwsvpcContainer(c: Obj, i: number, add: Add): void {
  if (c['hostname'] !== undefined) {
    const detail = '`hostname` is not supported in the awsvpc network mode (Fargate tasks use awsvpc); remove it';
    add([CD, i, 'hostname'], detail);
  }
  const mappings = Array.isArray(c['portMappings']) ? (c['portMappings'] as unknown[]) : [];
  mappings.forEach((m, j) => {
    if (!isPlainObject(m) || m['hostPort'] === undefined || m['hostPort'] === m['containerPort']) return;
    const detail = 'in the awsvpc network mode, `hostPort` must be left out or equal `containerPort`';
    add([CD, i, 'portMappings', j, 'hostPort'], detail);
  });
}

function checkFargate(td: Obj, containers: Obj[], networkMode: string | undefined, add: Add): void {
  // RegisterTaskDefinition: "Fargate requires task definition to have execution role ARN to support log driver awslogs."
  if (typeof td['executionRoleArn'] !== 'string') {
    containers.forEach((c, i) => {
      const logging = c['logConfiguration'];
      if (isPlainObject(logging) && logging['logDriver'] === 'awslogs') {
        add(['executionRoleArn'], `Fargate needs an \`executionRoleArn\` for the awslogs log driver of ${CD}[${i}]`, [CD, i, 'logConfiguration']);
      }
    });
  }
  if (networkMode !== 'awsvpc') {
    const not = networkMode === undefined ? '' : `, not \`${networkMode}\``;
    add(['networkMode'], `Fargate requires networkMode \`awsvpc\`${not}`);
  }
  const cpuText = td['cpu'];
  const memoryText = td['memory'];
  if (typeof cpuText !== 'string') add(['cpu'], 'Fargate requires a task-level `cpu` (e.g. 256 or "1 vCPU")');
  if (typeof memoryText !== 'string') add(['memory'], 'Fargate requires a task-level `memory` (e.g. 512 or "1 GB")');
  if (typeof cpuText !== 'string' || typeof memoryText !== 'string') return;
  const cpu = parseCpuUnits(cpuText);
  const memory = parseMemoryMiB(memoryText);
  if (cpu === undefined) add(['cpu'], 'cpu must be CPU units (e.g. 1024) or vCPUs (e.g. "1 vCPU")');
  if (memory === undefined) add(['memory'], 'memory must be MiB (e.g. 2048) or GB (e.g. "2 GB")');
  if (cpu === undefined || memory === undefined) return;
  const problem = fargateSizeProblem(cpu, memory);
  // An invalid cpu is the cpu's fault; a valid cpu with the wrong memory is the memory's.
  if (problem !== undefined) add(FARGATE_SIZES.has(cpu) ? ['memory'] : ['cpu'], problem);
}

export function checkServiceDefinition(request: Obj): Problem[] {
  return [...checkLaunchChoice(request), ...checkWholeNumbers(request, SERVICE_INTEGER_FIELDS), ...checkNativeDeployment(request)];
}

export function checkRunTaskRequest(request: Obj): Problem[] {
  return [...checkLaunchChoice(request), ...checkWholeNumbers(request, RUN_TASK_INTEGER_FIELDS)];
}

/** CreateService / RunTask: "launchType and capacityProviderStrategy can't both be set"; launchType values. */
function checkLaunchChoice(request: Obj): Problem[] {
  const problems: Problem[] = [];
  const launchType = request['launchType'];
  const bad = notOneOf('launch type', launchType, LaunchType);
  if (bad !== undefined) problems.push({ path: ['launchType'], detail: bad });
  const strategy = request['capacityProviderStrategy'];
  if (launchType !== undefined && Array.isArray(strategy) && strategy.length > 0) {
    problems.push({
      path: ['capacityProviderStrategy'],
      detail: 'set either `launchType` or `capacityProviderStrategy`, not both (ECS refuses both)',
    });
  }
  return problems;
}

/** Why `value` is not one of the SDK enum's values, or undefined when it is (or is absent). */
function notOneOf(what: string, value: unknown, values: Readonly<Record<string, string>>): string | undefined {
  if (typeof value !== 'string' || Object.values(values).includes(value)) return undefined;
  return `unknown ${what} \`${value}\`; use one of ${Object.values(values).join(', ')}`;
}
