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
import { parseWaitUntil } from '../../core/deploy/index.js';
import { bindAutoScaling } from '../../core/autoscaling/apply.js';
import { ConfigurationError } from '../../core/errors.js';
import { Inputs } from '../../core/inputs.js';
import type { ActionRuntime } from '../../core/io/runtime.js';
import { MODES, type ContinueOptions, type DeployOptions, type Mode, type RollbackOptions, type RollingOptions, type RunSettings } from './options.js';

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
  'wait-until',
  'hook-id',
  'continue-action',
  'dry-run',
  'region',
  'max-attempts',
  'github-token',
  'environment',
] as const;

export type InputName = (typeof INPUT_NAMES)[number];
export type { ContinueOptions, DeployOptions, RollbackOptions, RollingOptions } from './options.js';

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
  const waitUntil = parseWaitUntil(inputs.optional('wait-until'));
  const common: RunSettings = { ...run, waitForSteadyState: flags.waitForSteadyState, rollbackOnFailure: flags.rollbackOnFailure, waitUntil };
  refuseContinueInputs(inputs, mode);
  if (mode === 'rollback' || mode === 'continue') {
    refuseRollbackSwitches(flags, mode);
    const target = readRollbackTarget(inputs, cluster, mode);
    if (mode === 'rollback') {
      if (waitUntil.kind === 'stage') throw new ConfigurationError("mode 'rollback' follows its rollback to the end; remove this input", { input: 'wait-until' });
      return { mode, ...common, ...target };
    }
    return { mode, ...common, ...continueInputs(inputs, target) };
  }
  return { mode, ...common, ...(await readDeployment(manifestRoots(rt), inputs, cluster, flags)) };
}

/** `mode`; a rollback or a continue refuses the inputs only a deployment uses. */
function readMode(inputs: Inputs): Mode {
  const mode = inputs.enumValue('mode', MODES, 'deploy');
  if (mode === 'deploy') return mode;
  const why =
    mode === 'rollback'
      ? "mode 'rollback' does not use it: a rollback deploys task-definition-arn, or the task definition of the " +
        'previous successful deployment, with the live desired count and auto scaling; remove this input'
      : "mode 'continue' does not use it: it continues the service's deployment in progress; remove this input";
  for (const name of mode === 'continue' ? [...DEPLOY_ONLY_INPUTS, 'task-definition-arn' as const] : DEPLOY_ONLY_INPUTS) {
    if (inputs.has(name)) throw new ConfigurationError(why, { input: name });
  }
  return mode;
}

/** N3: `hook-id` and `continue-action` belong to `mode: continue` only. */
function refuseContinueInputs(inputs: Inputs, mode: Mode): void {
  if (mode === 'continue') return;
  for (const name of ['hook-id', 'continue-action'] as const) {
    if (inputs.has(name)) throw new ConfigurationError(`only mode 'continue' uses it (mode is '${mode}'); remove this input`, { input: name });
  }
}

/** N3: the hook to answer (default: the one awaiting action) and the answer. */
function continueInputs(inputs: Inputs, target: Pick<ContinueOptions, 'cluster' | 'serviceName'>): Omit<ContinueOptions, keyof RunSettings | 'mode'> {
  const hookId = inputs.optional('hook-id');
  if (hookId !== undefined && !/^[\w.:/-]{1,255}$/.test(hookId)) {
    throw new ConfigurationError(`'${hookId}' is not a lifecycle hook id (the hookId of DescribeServiceDeployments' lifecycleHookDetails)`, { input: 'hook-id' });
  }
  return { ...target, hookId, continueAction: inputs.enumValue('continue-action', ['CONTINUE', 'ROLLBACK'] as const, 'CONTINUE') };
}

/**
 * A rollback keeps the live desired count and always starts a new deployment, so these switches would be silently
 * ignored: refused instead (R7).
 */
function refuseRollbackSwitches(flags: ModeFlags, mode: 'rollback' | 'continue'): void {
  const why =
    mode === 'rollback'
      ? "mode 'rollback' cannot honour it: a rollback always keeps the live desired count and forces a new deployment; " +
        'remove this input'
      : "mode 'continue' cannot honour it: it changes nothing but the paused lifecycle hook; remove this input";
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
  mode: 'rollback' | 'continue',
): Pick<RollbackOptions, 'cluster' | 'serviceName' | 'taskDefinitionArn'> {
  const serviceInput = inputs.optional('service');
  if (serviceInput === undefined) {
    throw new ConfigurationError(`mode '${mode}' needs the service to ${mode === 'rollback' ? 'roll back' : 'continue'}`, { input: 'service' });
  }
  const target = resolveTarget(serviceInput, clusterInput, undefined, () => ({ input: 'service' }));
  const arn = inputs.optional('task-definition-arn');
  if (arn !== undefined) checkTaskDefinitionRef(arn, { input: 'task-definition-arn' });
  return { ...target, taskDefinitionArn: arn };
}
