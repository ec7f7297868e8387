/**
 * The inputs of ecs-rolling. readOptions checks every input and parses and validates every manifest before any
 * AWS call (S3): a bad one fails with a ConfigurationError naming the input (and file, line and field), and the
 * action makes no call at all.
 */
import {
  autoScalingSourcesOf,
  checkImageIsUsed,
  checkTaskDefinitionRef,
  imagePlaceholders,
  loadAutoScalingFiles,
  loadServiceDefinitionFile,
  loadTaskDefinitionSource,
  manifestFiles,
  manifestRoots,
  parseServiceInput,
  readImageChoice,
  readSharedInputs,
  refuseContainerNameForRegistered,
  resolveTarget,
  type ManifestPaths,
  type SharedInputName,
} from '../../core/action/index.js';
import type { ManifestRoots } from '../../core/manifests/index.js';
import { bindAutoScaling } from '../../core/autoscaling/apply.js';
import { ConfigurationError } from '../../core/errors.js';
import { Inputs } from '../../core/inputs.js';
import type { ActionRuntime } from '../../core/io/runtime.js';
import { MODES, type DeployOptions, type Mode, type RollbackOptions, type RollingOptions, type RunSettings } from './options.js';

/** Every input declared in actions/ecs-rolling/action.yml (test/unit/action-inputs.test.ts keeps the two equal). */
export const INPUT_NAMES = [
  'cluster',
  'service',
  'task-definition',
  'task-definition-arn',
  'service-definition',
  'scalable-targets',
  'scaling-policies',
  'image',
  'container-name',
  'same-as-running',
  'force-new-deployment',
  'desired-count',
  'wait-for-steady-state',
  'timeout-minutes',
  'rollback-on-failure',
  'mode',
  'dry-run',
  'region',
  'max-attempts',
  'github-token',
  'environment',
] as const;

export type InputName = (typeof INPUT_NAMES)[number];
export type { DeployOptions, RollbackOptions, RollingOptions } from './options.js';

/**
 * The inputs src/core/action reads for ecs-rolling (readSharedInputs). `image` and `container-name` are shared
 * too, but only a deployment reads them (readImageChoice): `mode: rollback` refuses them first.
 */
const SHARED_INPUTS = [
  'cluster',
  'region',
  'timeout-minutes',
  'max-attempts',
  'dry-run',
  'github-token',
  'environment',
] as const satisfies readonly SharedInputName[];

/** Inputs only a deployment uses; `mode: rollback` refuses them rather than ignore them. */
const DEPLOY_ONLY_INPUTS = [
  'task-definition',
  'service-definition',
  'scalable-targets',
  'scaling-policies',
  'image',
  'container-name',
  'desired-count',
] as const;

/** The switches both modes take, besides the shared inputs. */
type ModeFlags = Pick<DeployOptions, 'waitForSteadyState' | 'rollbackOnFailure' | 'sameAsRunning' | 'forceNewDeployment'>;

export async function readOptions(rt: ActionRuntime): Promise<RollingOptions> {
  const inputs = new Inputs(rt.inputs, INPUT_NAMES);
  const shared = readSharedInputs(inputs, rt.outputs, SHARED_INPUTS);
  const mode = readMode(inputs);
  const flags: ModeFlags = {
    waitForSteadyState: inputs.boolean('wait-for-steady-state', true),
    rollbackOnFailure: inputs.boolean('rollback-on-failure', true),
    sameAsRunning: inputs.boolean('same-as-running', false),
    forceNewDeployment: inputs.boolean('force-new-deployment', false),
  };
  const { cluster, image: _notRead, ...run } = shared;
  const common: RunSettings = { ...run, waitForSteadyState: flags.waitForSteadyState, rollbackOnFailure: flags.rollbackOnFailure };
  if (mode === 'rollback') {
    refuseRollbackSwitches(flags);
    return { mode, ...common, ...readRollbackTarget(inputs, cluster) };
  }
  return { mode, ...common, ...(await readDeployment(manifestRoots(rt), inputs, cluster, flags)) };
}

/** `mode`; a rollback refuses the inputs only a deployment uses. */
function readMode(inputs: Inputs): Mode {
  const mode = inputs.enumValue('mode', MODES, 'deploy');
  if (mode !== 'rollback') return mode;
  for (const name of DEPLOY_ONLY_INPUTS) {
    if (inputs.has(name)) {
      throw new ConfigurationError(
        "mode 'rollback' does not use it: a rollback deploys task-definition-arn, or the task definition of the " +
          'previous successful deployment, with the live desired count and auto scaling; remove this input',
        { input: name },
      );
    }
  }
  return mode;
}

/**
 * A rollback keeps the live desired count and always starts a new deployment, so these switches would be silently
 * ignored: refused instead (R7).
 */
function refuseRollbackSwitches(flags: ModeFlags): void {
  const why =
    "mode 'rollback' cannot honour it: a rollback always keeps the live desired count and forces a new deployment; " +
    'remove this input';
  if (flags.sameAsRunning) throw new ConfigurationError(why, { input: 'same-as-running' });
  if (flags.forceNewDeployment) throw new ConfigurationError(why, { input: 'force-new-deployment' });
}

/** What a deployment adds to the run settings. */
type Deployment = Omit<DeployOptions, keyof RunSettings | 'mode'>;

/** R1–R6: the task definition, the service, the desired count and the auto scaling manifests, all checked. */
async function readDeployment(roots: ManifestRoots, inputs: Inputs, cluster: string | undefined, flags: ModeFlags): Promise<Deployment> {
  const tdInput = inputs.exclusive('task-definition', 'task-definition-arn', { required: true });
  const desiredCount = inputs.integer('desired-count', { min: 0 });
  if (flags.sameAsRunning && desiredCount !== undefined) {
    throw new ConfigurationError(
      `same-as-running keeps the live desired count, so desired-count ${desiredCount} contradicts it; give one of them`,
      { input: 'desired-count' },
    );
  }
  const image = readImageChoice(inputs);
  if (tdInput.name === 'task-definition-arn') refuseContainerNameForRegistered(image, 'is deployed as it was registered');
  const serviceInput = inputs.optional('service');
  if (serviceInput !== undefined) parseServiceInput(serviceInput);
  if (tdInput.name === 'task-definition-arn') checkTaskDefinitionRef(tdInput.value, { input: 'task-definition-arn' });

  const paths: ManifestPaths = {
    taskDefinition: tdInput.name === 'task-definition' ? tdInput.value : undefined,
    serviceDefinition: inputs.optional('service-definition'),
    scalableTargets: inputs.optional('scalable-targets'),
    scalingPolicies: inputs.optional('scaling-policies'),
  };
  const placeholders = imagePlaceholders(image);
  const service =
    paths.serviceDefinition === undefined
      ? undefined
      : await loadServiceDefinitionFile(roots, paths.serviceDefinition, placeholders, serviceInput !== undefined);
  const target = resolveTarget(serviceInput, cluster, service?.definition, service?.locate ?? (() => ({ input: 'service' })));
  const taskDefinition = await loadTaskDefinitionSource(roots, tdInput, placeholders, image);
  const autoScaling = await loadAutoScalingFiles(roots, paths, placeholders);
  const autoScalingSources = autoScalingSourcesOf(paths);
  // Refuses manifests that name another service, namespace or dimension (before any call).
  bindAutoScaling(autoScaling.scalableTargets, autoScaling.scalingPolicies, target.cluster, target.serviceName, autoScalingSources);
  await checkImageIsUsed(roots, image, manifestFiles(paths));
  return {
    ...target,
    taskDefinition,
    serviceDefinition: service?.definition,
    desiredCount,
    sameAsRunning: flags.sameAsRunning,
    forceNewDeployment: flags.forceNewDeployment,
    ...autoScaling,
    autoScalingSources,
  };
}

/** R7: a rollback needs only the service (and optionally the revision to go back to). */
function readRollbackTarget(
  inputs: Inputs,
  clusterInput: string | undefined,
): Pick<RollbackOptions, 'cluster' | 'serviceName' | 'taskDefinitionArn'> {
  const serviceInput = inputs.optional('service');
  if (serviceInput === undefined) {
    throw new ConfigurationError("mode 'rollback' needs the service to roll back", { input: 'service' });
  }
  const target = resolveTarget(serviceInput, clusterInput, undefined, () => ({ input: 'service' }));
  const arn = inputs.optional('task-definition-arn');
  if (arn !== undefined) checkTaskDefinitionRef(arn, { input: 'task-definition-arn' });
  return { ...target, taskDefinitionArn: arn };
}
