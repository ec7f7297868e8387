/**
 * The inputs of ecs-bluegreen-swap. readOptions checks every input and parses and validates every manifest before
 * any AWS call (S3): a bad one fails with a ConfigurationError naming the input (and file, line and field).
 */
import {
  checkImageIsUsed,
  checkTaskDefinitionRef,
  imagePlaceholders,
  loadServiceDefinitionFile,
  loadTaskDefinitionSource,
  manifestRoots,
  parseServiceInput,
  readImageChoice,
  readSharedInputs,
  refuseContainerNameForRegistered,
  resolveTarget,
  type SharedInputName,
} from '../../core/action/index.js';
import { ConfigurationError } from '../../core/errors.js';
import { Inputs } from '../../core/inputs.js';
import type { ActionRuntime } from '../../core/io/runtime.js';
import { baseNameOf } from './colours.js';
import {
  MODES,
  STAGE_TARGET_GROUP_SENTINEL,
  type BlueGreenOptions,
  type DeployOptions,
  type DeployRecord,
  type Mode,
  type RouteOptions,
} from './options.js';
import { readSwapSettings, RUNNER_DEFAULTS } from './swap-inputs.js';

/** Every input declared in actions/ecs-bluegreen-swap/action.yml (test/unit/action-inputs.test.ts keeps the two equal). */
export const INPUT_NAMES = [
  'mode',
  'cluster',
  'service',
  'load-balancer',
  'prod-listener',
  'stage-listener',
  'prod-listener-rule',
  'stage-listener-rule',
  'task-definition',
  'task-definition-arn',
  'service-definition',
  'image',
  'container-name',
  'same-as-running',
  'update-green-service',
  'stage-service',
  'blue-service',
  'target-group-arn',
  'prod-target-group-arn',
  'downsize-old-service',
  'downsize-delay-seconds',
  'traffic-steps',
  'step-bake-seconds',
  'alarms',
  'timeout-minutes',
  'region',
  'max-attempts',
  'dry-run',
  'github-token',
  'environment',
] as const;

const SHARED_INPUTS = ['cluster', 'region', 'timeout-minutes', 'max-attempts', 'dry-run', 'github-token', 'environment'] as const satisfies readonly SharedInputName[];

/** Inputs only one mode uses: another mode refuses them rather than ignore them. */
const ONLY_IN: Record<Mode, readonly string[]> = {
  deploy: ['task-definition', 'task-definition-arn', 'service-definition', 'image', 'container-name', 'same-as-running', 'update-green-service'],
  swap: ['downsize-old-service', 'downsize-delay-seconds', 'traffic-steps', 'step-bake-seconds', 'alarms'],
  rollback: [],
};
const RECORD_INPUTS = ['stage-service', 'blue-service', 'target-group-arn', 'prod-target-group-arn'];

export async function readOptions(rt: ActionRuntime): Promise<BlueGreenOptions> {
  const inputs = new Inputs(rt.inputs, INPUT_NAMES);
  const shared = readSharedInputs(inputs, rt.outputs, SHARED_INPUTS);
  const mode = inputs.enumValue('mode', MODES, 'deploy');
  refuseOtherModesInputs(inputs, mode);
  const { cluster, image: _none, ...run } = shared;
  const routes = readRoutes(inputs);
  if (mode === 'deploy') return { mode, ...run, routes, ...(await readDeploy(rt, inputs, cluster)) };
  const record = readRecord(inputs);
  const baseName = readBaseName(inputs, record);
  const common = { ...run, routes, cluster: readCluster(inputs, cluster), baseName };
  if (mode === 'rollback') return { mode, ...common, record };
  return { mode, ...common, record, ...readSwapSettings(inputs) };
}

function refuseOtherModesInputs(inputs: Inputs, mode: Mode): void {
  const others = MODES.filter((m) => m !== mode).flatMap((m) => ONLY_IN[m]);
  const refused = mode === 'deploy' ? [...others, ...RECORD_INPUTS] : others;
  for (const name of refused) {
    if (inputs.has(name) && inputs.raw(name) !== RUNNER_DEFAULTS[name]) throw new ConfigurationError(`mode '${mode}' does not use it; remove this input`, { input: name });
  }
}

/** B1: the load balancer and the two listeners are required; the rules are optional (default rule). */
function readRoutes(inputs: Inputs): RouteOptions {
  const routes: RouteOptions = {
    loadBalancer: inputs.required('load-balancer'),
    prodListener: inputs.required('prod-listener'),
    stageListener: inputs.required('stage-listener'),
    prodRule: inputs.optional('prod-listener-rule'),
    stageRule: inputs.optional('stage-listener-rule'),
  };
  if (routes.prodRule === undefined && routes.stageRule === undefined && routes.prodListener === routes.stageListener) {
    throw new ConfigurationError(
      `prod-listener and stage-listener are the same listener (${routes.prodListener}): give two listeners, or a rule of it for each`,
      { input: 'stage-listener' },
    );
  }
  if (routes.prodRule !== undefined && routes.prodRule === routes.stageRule) {
    throw new ConfigurationError('prod-listener-rule and stage-listener-rule are the same rule', { input: 'stage-listener-rule' });
  }
  return routes;
}

type Deploy = Omit<DeployOptions, 'mode' | 'routes' | 'timeoutMinutes' | 'dryRun' | 'region' | 'maxAttempts' | 'github'>;

/** B3: the task definition, and the service definition, which must use `<+targetGroupArn>`. */
async function readDeploy(rt: ActionRuntime, inputs: Inputs, clusterInput: string | undefined): Promise<Deploy> {
  const roots = manifestRoots(rt);
  const tdInput = inputs.exclusive('task-definition', 'task-definition-arn', { required: true });
  const image = readImageChoice(inputs);
  if (tdInput.name === 'task-definition-arn') {
    refuseContainerNameForRegistered(image, 'is deployed as it was registered');
    checkTaskDefinitionRef(tdInput.value, { input: 'task-definition-arn' });
  }
  const serviceInput = inputs.optional('service');
  if (serviceInput !== undefined) parseServiceInput(serviceInput);
  const path = inputs.required('service-definition');
  const placeholders = { ...imagePlaceholders(image), targetGroupArn: STAGE_TARGET_GROUP_SENTINEL };
  const service = await loadServiceDefinitionFile(roots, path, placeholders, serviceInput !== undefined);
  if (!JSON.stringify(service.definition.loadBalancers ?? []).includes(STAGE_TARGET_GROUP_SENTINEL)) {
    throw new ConfigurationError(
      'the service definition must put the service behind the stage target group: use <+targetGroupArn> as the ' +
        'targetGroupArn of its loadBalancers entry',
      { input: 'service-definition', file: path, field: 'loadBalancers' },
    );
  }
  const sameAsRunning = inputs.boolean('same-as-running', false);
  if (!sameAsRunning && service.definition.desiredCount === undefined) {
    throw new ConfigurationError('the stage service needs a desired count: set desiredCount in the service definition, or same-as-running: true', {
      input: 'service-definition',
      file: path,
      field: 'desiredCount',
    });
  }
  const target = resolveTarget(serviceInput, clusterInput, service.definition, service.locate);
  const taskDefinition = await loadTaskDefinitionSource(roots, tdInput, imagePlaceholders(image), image);
  await checkImageIsUsed(roots, image, [{ input: 'task-definition', path: tdInput.name === 'task-definition' ? tdInput.value : undefined }]);
  return {
    cluster: target.cluster,
    baseName: baseNameOf(target.serviceName),
    taskDefinition,
    serviceDefinition: service.definition,
    sameAsRunning,
    updateGreenService: inputs.boolean('update-green-service', false),
  };
}

/** B7: deploy's outputs given back as inputs. */
function readRecord(inputs: Inputs): DeployRecord {
  const record: DeployRecord = {
    stageService: inputs.optional('stage-service'),
    blueService: inputs.optional('blue-service'),
    targetGroupArn: inputs.optional('target-group-arn'),
    prodTargetGroupArn: inputs.optional('prod-target-group-arn'),
  };
  for (const [name, value] of [['stage-service', record.stageService], ['blue-service', record.blueService]] as const) {
    if (value !== undefined && !/__[12]$/.test(value)) {
      throw new ConfigurationError(`'${value}' is not a blue/green service name (<service>__1 or <service>__2)`, { input: name });
    }
  }
  if (record.stageService !== undefined && record.stageService === record.blueService) {
    throw new ConfigurationError('stage-service and blue-service name the same service', { input: 'blue-service' });
  }
  return record;
}

/** The cluster input, else the cluster of a service ARN, else `default`. */
function readCluster(inputs: Inputs, clusterInput: string | undefined): string {
  const service = inputs.optional('service');
  return clusterInput ?? (service === undefined ? undefined : parseServiceInput(service).cluster) ?? 'default';
}

function readBaseName(inputs: Inputs, record: DeployRecord): string {
  const service = inputs.optional('service');
  const fromRecord = record.stageService ?? record.blueService;
  if (service !== undefined) {
    const base = baseNameOf(parseServiceInput(service).name);
    if (fromRecord !== undefined && baseNameOf(fromRecord) !== base) {
      throw new ConfigurationError(`'${fromRecord}' is not one of the services of '${base}'`, { input: record.stageService !== undefined ? 'stage-service' : 'blue-service' });
    }
    return base;
  }
  if (fromRecord !== undefined) return baseNameOf(fromRecord);
  throw new ConfigurationError('a service is needed: set the service (base name), or stage-service and blue-service from mode deploy', {
    input: 'service',
  });
}
