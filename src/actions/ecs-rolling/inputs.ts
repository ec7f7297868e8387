/**
 * The inputs of ecs-rolling. readOptions checks every input and parses and validates every manifest before any
 * AWS call (S3): a bad one fails with a ConfigurationError naming the input (and file, line and field), and the
 * action makes no call at all.
 */
import { bindAutoScaling } from '../../core/autoscaling/apply.js';
import { DEFAULT_MAX_ATTEMPTS } from '../../core/aws/clients.js';
import { taskDefinitionRefProblem } from '../../core/ecs/task-definition-refs.js';
import { ConfigurationError } from '../../core/errors.js';
import { Inputs } from '../../core/inputs.js';
import type { ActionRuntime } from '../../core/io/runtime.js';
import type { Placeholders } from '../../core/manifests/index.js';
import {
  checkImageIsUsed,
  loadAutoScalingFiles,
  loadServiceDefinitionFile,
  loadTaskDefinitionFile,
  type ManifestPaths,
  type ServiceDefinitionFile,
} from './manifests.js';
import { checkCluster, checkRegion, parseServiceInput, resolveTarget } from './names.js';
import type { TaskDefinitionSource } from '../../core/ecs/task-definitions.js';
import { MODES, type DeployOptions, type RollbackOptions, type RollingOptions } from './options.js';

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

export async function readOptions(rt: ActionRuntime): Promise<RollingOptions> {
  const inputs = new Inputs(rt.inputs, INPUT_NAMES);
  const token = inputs.optional('github-token');
  if (token !== undefined) rt.outputs.mask(token); // S11: before anything could echo it
  const mode = inputs.enumValue('mode', MODES, 'deploy');
  const common = {
    waitForSteadyState: inputs.boolean('wait-for-steady-state', true),
    rollbackOnFailure: inputs.boolean('rollback-on-failure', true),
    dryRun: inputs.boolean('dry-run', false),
    timeoutMinutes: inputs.integer('timeout-minutes', { min: 1, max: 360, default: 30 }),
    maxAttempts: inputs.integer('max-attempts', { min: 1, max: 20, default: DEFAULT_MAX_ATTEMPTS }),
    region: checkRegion(inputs.optional('region')),
    github: token === undefined ? undefined : { token, environment: readEnvironment(inputs) },
  };
  const clusterInput = inputs.optional('cluster');
  if (clusterInput !== undefined) checkCluster(clusterInput, { input: 'cluster' });
  const sameAsRunning = inputs.boolean('same-as-running', false);
  const forceNewDeployment = inputs.boolean('force-new-deployment', false);
  if (mode === 'rollback') return { mode, ...common, ...readRollbackTarget(inputs, clusterInput) };

  const tdInput = inputs.exclusive('task-definition', 'task-definition-arn', { required: true });
  const desiredCount = inputs.integer('desired-count', { min: 0 });
  if (sameAsRunning && desiredCount !== undefined) {
    throw new ConfigurationError(
      `same-as-running keeps the live desired count, so desired-count ${desiredCount} contradicts it; give one of them`,
      { input: 'desired-count' },
    );
  }
  const image = inputs.optional('image');
  const containerName = inputs.optional('container-name');
  if (containerName !== undefined && image === undefined) {
    throw new ConfigurationError(`container-name '${containerName}' is given, so the image to set is required`, { input: 'image' });
  }
  if (containerName !== undefined && tdInput.name === 'task-definition-arn') {
    throw new ConfigurationError(
      'container-name and image set a container image in a task-definition file; a registered task definition ' +
        '(task-definition-arn) is deployed as it was registered',
      { input: 'container-name' },
    );
  }
  const serviceInput = inputs.optional('service');
  if (serviceInput !== undefined) parseServiceInput(serviceInput);
  if (tdInput.name === 'task-definition-arn') checkTaskDefinitionArn(tdInput.value);

  const paths: ManifestPaths = {
    taskDefinition: tdInput.name === 'task-definition' ? tdInput.value : undefined,
    serviceDefinition: inputs.optional('service-definition'),
    scalableTargets: inputs.optional('scalable-targets'),
    scalingPolicies: inputs.optional('scaling-policies'),
  };
  const placeholders: Placeholders = image === undefined ? {} : { image };
  const service: ServiceDefinitionFile | undefined =
    paths.serviceDefinition === undefined
      ? undefined
      : await loadServiceDefinitionFile(rt.workspace, paths.serviceDefinition, placeholders, serviceInput !== undefined);
  const target = resolveTarget(serviceInput, clusterInput, service?.definition, service?.locate ?? (() => ({ input: 'service' })));
  const taskDefinition: TaskDefinitionSource =
    paths.taskDefinition === undefined
      ? { kind: 'registered', ref: tdInput.value, input: 'task-definition-arn' }
      : {
          kind: 'file',
          path: paths.taskDefinition,
          definition: await loadTaskDefinitionFile(rt.workspace, paths.taskDefinition, placeholders, { image, containerName }),
        };
  const autoScaling = await loadAutoScalingFiles(rt.workspace, paths, placeholders);
  const autoScalingSources = {
    ...(paths.scalableTargets !== undefined ? { scalableTargets: { input: 'scalable-targets', file: paths.scalableTargets } } : {}),
    ...(paths.scalingPolicies !== undefined ? { scalingPolicies: { input: 'scaling-policies', file: paths.scalingPolicies } } : {}),
  };
  // Refuses manifests that name another service, namespace or dimension (before any call).
  bindAutoScaling(autoScaling.scalableTargets, autoScaling.scalingPolicies, target.cluster, target.serviceName, autoScalingSources);
  if (image !== undefined && containerName === undefined) await checkImageIsUsed(rt.workspace, paths);

  const options: DeployOptions = {
    mode,
    ...common,
    ...target,
    taskDefinition,
    serviceDefinition: service?.definition,
    desiredCount,
    sameAsRunning,
    forceNewDeployment,
    ...autoScaling,
    autoScalingSources,
  };
  return options;
}

/** R7: a rollback needs only the service (and optionally the revision to go back to). */
function readRollbackTarget(
  inputs: Inputs,
  clusterInput: string | undefined,
): Pick<RollbackOptions, 'cluster' | 'serviceName' | 'taskDefinitionArn'> {
  for (const name of DEPLOY_ONLY_INPUTS) {
    if (inputs.has(name)) {
      throw new ConfigurationError(
        "mode 'rollback' does not use it: a rollback deploys task-definition-arn, or the task definition of the " +
          'previous successful deployment, with the live desired count and auto scaling; remove this input',
        { input: name },
      );
    }
  }
  const serviceInput = inputs.optional('service');
  if (serviceInput === undefined) {
    throw new ConfigurationError("mode 'rollback' needs the service to roll back", { input: 'service' });
  }
  const target = resolveTarget(serviceInput, clusterInput, undefined, () => ({ input: 'service' }));
  const arn = inputs.optional('task-definition-arn');
  if (arn !== undefined) checkTaskDefinitionArn(arn);
  return { ...target, taskDefinitionArn: arn };
}

function checkTaskDefinitionArn(value: string): void {
  const problem = taskDefinitionRefProblem(value);
  if (problem !== undefined) throw new ConfigurationError(problem, { input: 'task-definition-arn' });
}

function readEnvironment(inputs: Inputs): string {
  const environment = inputs.optional('environment') ?? 'production';
  if (environment.length > 255 || /[\r\n]/.test(environment)) {
    throw new ConfigurationError('a GitHub environment name is one line of at most 255 characters', { input: 'environment' });
  }
  return environment;
}
