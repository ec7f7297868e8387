/**
 * The inputs of register-delegate. readOptions checks every input, loads the task-definition file and builds the
 * delegate's task definition and service before any AWS call (S3): a mistake is a ConfigurationError naming the
 * input (or file, line and field), and the action makes no call at all. A plain token is masked first (D2, S11).
 */
import { readSharedInputs, manifestRoots, type SharedInputName } from '../../core/action/index.js';
import { ConfigurationError } from '../../core/errors.js';
import { Inputs } from '../../core/inputs.js';
import type { ActionRuntime } from '../../core/io/runtime.js';
import { TASK_DEFINITION, checkManifest, loadManifest, loadTaskDefinition, type Manifest } from '../../core/manifests/index.js';
import { checkTaskDefinition } from './checks.js';
import { delegateEnvironment, parseEnvLines } from './env.js';
import { PRESETS, type DelegateOptions, type DelegateSettings, type Preset, type TokenSource } from './options.js';
import { buildService, buildTaskDefinition, delegateContainerIndex, fillFromPreset, presetBase } from './preset.js';

/** Every input declared in actions/register-delegate/action.yml (test/unit/action-inputs.test.ts keeps the two equal). */
export const INPUT_NAMES = [
  'cluster',
  'service-name',
  'preset',
  'task-definition',
  'image',
  'family',
  'account-id',
  'delegate-token-secret-arn',
  'delegate-token',
  'manager-host-and-port',
  'delegate-name',
  'delegate-tags',
  'delegate-type',
  'init-script',
  'log-streaming-service-url',
  'env',
  'hostname',
  'cpu',
  'memory',
  'execution-role-arn',
  'task-role-arn',
  'subnets',
  'security-groups',
  'assign-public-ip',
  'replicas',
  'wait-for-steady-state',
  'timeout-minutes',
  'region',
  'max-attempts',
  'dry-run',
] as const;

const SHARED_INPUTS = ['cluster', 'region', 'timeout-minutes', 'max-attempts', 'dry-run'] as const satisfies readonly SharedInputName[];

const SECRET_ARN = /^arn:aws[a-z-]*:(secretsmanager:[a-z0-9-]+:\d{12}:secret:.+|ssm:[a-z0-9-]+:\d{12}:parameter\/.+)$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const SERVICE_NAME = /^[A-Za-z0-9_-]{1,255}$/;

export async function readOptions(rt: ActionRuntime): Promise<DelegateOptions> {
  const inputs = new Inputs(rt.inputs, INPUT_NAMES);
  const { token, plainToken } = readToken(inputs, rt);
  const shared = readSharedInputs(inputs, rt.outputs, SHARED_INPUTS);
  const cluster = shared.cluster ?? 'default';
  const serviceName = inputs.optional('service-name') ?? 'harness-delegate';
  if (!SERVICE_NAME.test(serviceName)) {
    throw new ConfigurationError(`'${serviceName}' is not a service name (up to 255 letters, numbers, hyphens and underscores)`, { input: 'service-name' });
  }
  const preset = inputs.enumValue('preset', PRESETS, 'ec2');
  const replicas = inputs.integer('replicas', { min: 0, max: 100, default: 1 });
  const delegate = readDelegate(inputs, serviceName);
  const file = await readFile(rt, inputs, preset);
  const given = {
    hostname: inputs.optional('hostname'),
    cpu: inputs.integer('cpu', { min: 128, max: 196_608 }),
    memory: inputs.integer('memory', { min: 128, max: 786_432 }),
    executionRoleArn: roleArn(inputs, 'execution-role-arn'),
    taskRoleArn: roleArn(inputs, 'task-role-arn'),
  };
  const taskDefinition = buildTaskDefinition({
    preset,
    family: inputs.optional('family'),
    ...given,
    image: inputs.optional('image'),
    file: file?.definition,
    environment: delegateEnvironment(delegate, token, plainToken),
    token,
  });
  const flags = { hostname: given.hostname !== undefined, cpu: given.cpu !== undefined, memory: given.memory !== undefined, executionRoleArn: given.executionRoleArn !== undefined };
  checkTaskDefinition(taskDefinition, { token, given: flags, file: file?.path }, rt.log);
  const launchType = taskDefinition.requiresCompatibilities?.includes('FARGATE') === true ? 'FARGATE' : 'EC2';
  const network = readNetwork(inputs, taskDefinition.networkMode === 'awsvpc', preset);
  const service = buildService({ cluster, serviceName, replicas, launchType, taskDefinition, ...network });
  return {
    cluster,
    serviceName,
    preset,
    taskDefinitionSource: file === undefined ? `the ${preset} preset` : preset === 'custom' ? file.path : `the ${preset} preset with ${file.path}`,
    taskDefinition,
    service,
    launchType,
    networkMode: taskDefinition.networkMode ?? 'bridge',
    replicas,
    token,
    delegate,
    image: taskDefinition.containerDefinitions?.[delegateContainerIndex(taskDefinition)]?.image ?? '',
    waitForSteadyState: inputs.boolean('wait-for-steady-state', true),
    timeoutMinutes: shared.timeoutMinutes,
    dryRun: shared.dryRun,
    region: shared.region,
    maxAttempts: shared.maxAttempts,
  };
}

/** D2: exactly one of the two token inputs; a plain token is masked before anything else is read, with a warning. */
function readToken(inputs: Inputs, rt: ActionRuntime): { token: TokenSource; plainToken: string | undefined } {
  const plain = inputs.optional('delegate-token');
  if (plain !== undefined) rt.outputs.mask(plain);
  const chosen = inputs.exclusive('delegate-token-secret-arn', 'delegate-token', { required: true });
  if (chosen.name === 'delegate-token') {
    rt.log.warning(
      'delegate-token is written into the task definition as a plain environment variable, readable by anyone who may ' +
        'describe it; store the token in AWS Secrets Manager and give delegate-token-secret-arn instead',
    );
    return { token: { kind: 'plain' }, plainToken: chosen.value };
  }
  if (!SECRET_ARN.test(chosen.value)) {
    throw new ConfigurationError(
      'expected the ARN of a Secrets Manager secret (arn:aws:secretsmanager:<region>:<account>:secret:<name>) or of an SSM parameter',
      { input: 'delegate-token-secret-arn' },
    );
  }
  return { token: { kind: 'secret', arn: chosen.value }, plainToken: undefined };
}

function readDelegate(inputs: Inputs, serviceName: string): DelegateSettings {
  const manager = httpsUrl(inputs.required('manager-host-and-port'), 'manager-host-and-port').replace(/\/+$/, '');
  const logUrl = inputs.optional('log-streaming-service-url');
  return {
    accountId: oneLine(inputs.required('account-id'), 'account-id'),
    managerHostAndPort: manager,
    delegateName: oneLine(inputs.optional('delegate-name') ?? serviceName, 'delegate-name'),
    delegateType: oneLine(inputs.optional('delegate-type') ?? 'DOCKER', 'delegate-type'),
    delegateTags: inputs.list('delegate-tags').join(','),
    initScript: inputs.raw('init-script'),
    logStreamingServiceUrl: logUrl === undefined ? `${manager}/log-service/` : httpsUrl(logUrl, 'log-streaming-service-url'),
    extraEnv: parseEnvLines(inputs.optional('env')),
  };
}

async function readFile(rt: ActionRuntime, inputs: Inputs, preset: Preset): Promise<{ path: string; definition: Awaited<ReturnType<typeof loadTaskDefinition>> } | undefined> {
  const path = inputs.optional('task-definition');
  if (path === undefined) {
    if (preset === 'custom') throw new ConfigurationError("preset 'custom' needs a task definition file", { input: 'task-definition' });
    return undefined;
  }
  const roots = manifestRoots(rt);
  if (preset === 'custom') return { path, definition: await loadTaskDefinition(roots, path, 'task-definition', {}) };
  // Merged over a preset, the file may leave out what the preset gives: it is checked as the task definition it becomes.
  const m = await loadManifest(roots, path, 'task-definition', {});
  const filled: Manifest = {
    value: fillFromPreset(m.value, presetBase(preset)),
    file: m.file,
    input: m.input,
    lineOf: (p) => m.lineOf(p),
    scalarText: m.scalarText,
    placeholdersInContent: m.placeholdersInContent,
  };
  return { path, definition: checkManifest(TASK_DEFINITION, filled) };
}

function readNetwork(inputs: Inputs, awsvpc: boolean, preset: Preset): { subnets: string[]; securityGroups: string[]; assignPublicIp: boolean } {
  const subnets = inputs.list('subnets');
  const securityGroups = inputs.list('security-groups');
  const assignPublicIp = inputs.boolean('assign-public-ip', false);
  if (awsvpc && subnets.length === 0) {
    throw new ConfigurationError(`the ${preset} preset runs in awsvpc network mode, which needs the subnets the tasks run in`, { input: 'subnets' });
  }
  if (!awsvpc) {
    const given = subnets.length > 0 ? 'subnets' : securityGroups.length > 0 ? 'security-groups' : inputs.has('assign-public-ip') ? 'assign-public-ip' : undefined;
    if (given !== undefined) {
      throw new ConfigurationError(`only awsvpc network mode (the fargate preset) takes a network configuration; the ${preset} task definition runs in bridge mode`, { input: given });
    }
  }
  return { subnets, securityGroups, assignPublicIp };
}

function roleArn(inputs: Inputs, name: 'execution-role-arn' | 'task-role-arn'): string | undefined {
  const value = inputs.optional(name);
  if (value !== undefined && !ROLE_ARN.test(value)) throw new ConfigurationError('expected an IAM role ARN (arn:aws:iam::<account>:role/<name>)', { input: name });
  return value;
}

function httpsUrl(value: string, input: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'https:') throw new ConfigurationError(`expected an https URL (e.g. https://app.harness.io), got '${value}'`, { input });
  return value;
}

function oneLine(value: string, input: string): string {
  if (/[\r\n]/.test(value)) throw new ConfigurationError('expected one line', { input });
  return value;
}
