/**
 * The inputs of ecs-canary. readOptions checks every input and parses and validates every manifest before any AWS
 * call (S3): a bad one fails with a ConfigurationError naming the input (and file, line and field). What needs AWS
 * to check (the base service exists, the alarms exist) is checked by prepare.ts with reads, before the first change.
 */
import {
  checkImageIsUsed,
  checkTaskDefinitionRef,
  imagePlaceholders,
  loadServiceDefinitionFile,
  loadTaskDefinitionSource,
  manifestFiles,
  manifestRoots,
  parseServiceInput,
  readImageChoice,
  readSharedInputs,
  refuseContainerNameForRegistered,
  resolveTarget,
  type FieldLocator,
  type SharedInputName,
} from '../../core/action/index.js';
import { ROLLBACK_SHARE } from '../../core/deploy/index.js';
import type { ManifestRoots } from '../../core/manifests/index.js';
import { ConfigurationError } from '../../core/errors.js';
import { Inputs } from '../../core/inputs.js';
import type { ActionRuntime } from '../../core/io/runtime.js';
import { CANARY_SUFFIX, MODES, type CanaryOptions, type CanarySize, type DeployOptions, type Mode } from './options.js';

/** Every input declared in actions/ecs-canary/action.yml (test/unit/action-inputs.test.ts keeps the two equal). */
export const INPUT_NAMES = [
  'cluster',
  'service',
  'task-definition',
  'task-definition-arn',
  'service-definition',
  'image',
  'container-name',
  'canary-count',
  'canary-percent',
  'bake-seconds',
  'alarms',
  'wait-for-steady-state',
  'timeout-minutes',
  'delete-on-failure',
  'mode',
  'dry-run',
  'region',
  'max-attempts',
  'github-token',
  'environment',
] as const;

const SHARED_INPUTS = ['cluster', 'region', 'timeout-minutes', 'max-attempts', 'dry-run', 'github-token', 'environment'] as const satisfies readonly SharedInputName[];

/**
 * Inputs only `mode: deploy` uses; `mode: delete` refuses them rather than ignore them. Inputs with a default in
 * action.yml (the runner always sets those) are refused only with another value: `bake-seconds` other than 0.
 */
const DEPLOY_ONLY_INPUTS = [
  'task-definition',
  'task-definition-arn',
  'service-definition',
  'image',
  'container-name',
  'canary-count',
  'canary-percent',
  'alarms',
] as const;

/** ECS service names: at most 255 characters, so the base service's name at most 255 − `Canary`. */
const MAX_SERVICE_NAME = 255;
/** CloudWatch alarm names: 1 to 255 characters. */
const MAX_ALARM_NAME = 255;
/** canary-count: ECS runs at most 5000 tasks a service; a canary is a few. */
const CANARY_COUNT = { min: 1, max: 5000 } as const;

export async function readOptions(rt: ActionRuntime): Promise<CanaryOptions> {
  const inputs = new Inputs(rt.inputs, INPUT_NAMES);
  const shared = readSharedInputs(inputs, rt.outputs, SHARED_INPUTS);
  const mode = readMode(inputs);
  const { cluster, image: _notRead, ...run } = shared;
  if (mode === 'delete') {
    const serviceInput = inputs.optional('service');
    if (serviceInput === undefined) throw new ConfigurationError("mode 'delete' needs the base service whose canary to delete", { input: 'service' });
    const target = resolveTarget(serviceInput, cluster, undefined, () => ({ input: 'service' }));
    return { mode, ...run, ...target, canaryName: canaryNameOf(target.serviceName, () => ({ input: 'service' }), serviceInput !== undefined) };
  }
  return { mode, ...run, ...(await readDeployment(manifestRoots(rt), inputs, cluster, run.timeoutMinutes)) };
}

function readMode(inputs: Inputs): Mode {
  const mode = inputs.enumValue('mode', MODES, 'deploy');
  if (mode === 'delete') {
    const given = DEPLOY_ONLY_INPUTS.find((name) => inputs.has(name)) ?? (!['', '0'].includes(inputs.raw('bake-seconds')) ? 'bake-seconds' : undefined);
    if (given !== undefined) {
      throw new ConfigurationError("mode 'delete' does not use it: it deletes the canary service of 'service'; remove this input", { input: given });
    }
  }
  return mode;
}

type Deployment = Omit<DeployOptions, 'mode' | 'timeoutMinutes' | 'dryRun' | 'region' | 'maxAttempts' | 'github'>;

async function readDeployment(roots: ManifestRoots, inputs: Inputs, cluster: string | undefined, timeoutMinutes: number): Promise<Deployment> {
  const tdInput = inputs.exclusive('task-definition', 'task-definition-arn', { required: true });
  const image = readImageChoice(inputs);
  if (tdInput.name === 'task-definition-arn') {
    refuseContainerNameForRegistered(image, 'is deployed as it was registered');
    checkTaskDefinitionRef(tdInput.value, { input: 'task-definition-arn' });
  }
  const serviceInput = inputs.optional('service');
  if (serviceInput !== undefined) parseServiceInput(serviceInput);
  const size = readSize(inputs);
  const waitForSteadyState = inputs.boolean('wait-for-steady-state', true);
  const deleteOnFailure = inputs.boolean('delete-on-failure', true);
  const bakeSeconds = readBakeSeconds(inputs, waitForSteadyState, deleteOnFailure ? timeoutMinutes * (1 - ROLLBACK_SHARE) : timeoutMinutes);
  const alarms = readAlarms(inputs);
  const servicePath = inputs.optional('service-definition');
  const placeholders = imagePlaceholders(image);
  const service = servicePath === undefined ? undefined : await loadServiceDefinitionFile(roots, servicePath, placeholders, serviceInput !== undefined);
  const locate: FieldLocator = service?.locate ?? (() => ({ input: 'service' }));
  const target = resolveTarget(serviceInput, cluster, service?.definition, locate);
  const canaryName = canaryNameOf(target.serviceName, locate, serviceInput !== undefined);
  const taskDefinition = await loadTaskDefinitionSource(roots, tdInput, placeholders, image);
  await checkImageIsUsed(roots, image, manifestFiles({ taskDefinition: tdInput.name === 'task-definition' ? tdInput.value : undefined, serviceDefinition: servicePath, scalableTargets: undefined, scalingPolicies: undefined }));
  return { ...target, canaryName, taskDefinition, serviceDefinition: service?.definition, size, bakeSeconds, alarms, waitForSteadyState, deleteOnFailure };
}

/** `<service>Canary`, within ECS's 255 characters (C1). */
function canaryNameOf(serviceName: string, locate: FieldLocator, fromInput: boolean): string {
  const name = `${serviceName}${CANARY_SUFFIX}`;
  if (name.length <= MAX_SERVICE_NAME) return name;
  throw new ConfigurationError(
    `the canary service would be named '${serviceName}${CANARY_SUFFIX}' (${name.length} characters), longer than ECS's ` +
      `${MAX_SERVICE_NAME}-character limit for service names: the base service's name can be at most ${MAX_SERVICE_NAME - CANARY_SUFFIX.length} characters`,
    fromInput ? { input: 'service' } : locate('serviceName'),
  );
}

function readSize(inputs: Inputs): CanarySize {
  const count = inputs.integer('canary-count', CANARY_COUNT);
  const percent = inputs.number('canary-percent', { min: 0, max: 100 });
  if (count !== undefined && percent !== undefined) {
    throw new ConfigurationError("give either 'canary-count' or 'canary-percent', not both", { input: 'canary-count' });
  }
  if (percent !== undefined) {
    if (percent <= 0) throw new ConfigurationError('a share of the base service above 0 is needed (e.g. 10 for 10 %)', { input: 'canary-percent' });
    return { kind: 'percent', percent };
  }
  return { kind: 'count', count: count ?? 1 };
}

/** `waitMinutes`: the share of timeout-minutes the waits and the bake may use (two thirds with delete-on-failure). */
function readBakeSeconds(inputs: Inputs, waitForSteadyState: boolean, waitMinutes: number): number {
  const seconds = inputs.integer('bake-seconds', { min: 0, max: 21_600 }) ?? 0;
  if (seconds > 0 && !waitForSteadyState) {
    throw new ConfigurationError('a bake watches a canary that reached steady state, so it needs wait-for-steady-state: true', { input: 'bake-seconds' });
  }
  if (seconds >= waitMinutes * 60) {
    throw new ConfigurationError(
      `a bake of ${seconds} s does not fit in the ${Math.floor(waitMinutes * 60)} s that timeout-minutes leaves for waiting (with ` +
        'delete-on-failure, a third of it is kept to delete a failed canary; the canary must also start): raise timeout-minutes or shorten the bake',
      { input: 'bake-seconds' },
    );
  }
  return seconds;
}

/** One CloudWatch alarm name a line (names may contain commas). */
function readAlarms(inputs: Inputs): string[] {
  const names = inputs
    .raw('alarms')
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const name of names) {
    if (name.length > MAX_ALARM_NAME || /\p{Cc}/u.test(name)) {
      throw new ConfigurationError(`'${name.slice(0, 40)}${name.length > 40 ? '…' : ''}' is not a CloudWatch alarm name (1 to 255 characters, one a line)`, { input: 'alarms' });
    }
  }
  return [...new Set(names)];
}
