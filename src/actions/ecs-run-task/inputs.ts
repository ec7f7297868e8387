/**
 * The inputs of ecs-run-task. readOptions validates every input and manifest before any AWS call (S3). What needs
 * the task definition of a registered revision (container names, network mode) is checked by checks.ts once
 * DescribeTaskDefinition (a read) answered, still before the first mutating call.
 */
import type { AssignPublicIp, LaunchType, RunTaskCommandInput } from '@aws-sdk/client-ecs';
import {
  checkCluster,
  checkImageIsUsed,
  checkTaskDefinitionRef,
  imagePlaceholders,
  loadTaskDefinitionFile,
  manifestRoots,
  readSharedInputs,
  refuseContainerNameForRegistered,
  type ImageChoice,
  type SharedInputName,
} from '../../core/action/index.js';
import { ConfigurationError } from '../../core/errors.js';
import { Inputs } from '../../core/inputs.js';
import type { ActionRuntime } from '../../core/io/runtime.js';
import { loadRunTaskRequest } from '../../core/manifests/index.js';
import type { ManifestRoots, Placeholders } from '../../core/manifests/index.js';
import { buildRequest, type RequestShortcuts } from './build-request.js';
import { checkRunAgainstTaskDefinition } from './checks.js';
import { WAIT_MODES } from './options.js';
import type { RunTaskOptions, TaskDefinitionSource } from './options.js';
import {
  MAX_SECURITY_GROUPS,
  MAX_SUBNETS,
  checkCount,
  checkStartedBy,
  readContainerOverrides,
  readCount,
  readIds,
  readTags,
} from './request-inputs.js';

/** Every input declared in actions/ecs-run-task/action.yml (test/unit/action-inputs.test.ts keeps the two equal). */
export const INPUT_NAMES = [
  'cluster',
  'task-definition',
  'task-definition-arn',
  'run-task-request',
  'count',
  'launch-type',
  'subnets',
  'security-groups',
  'assign-public-ip',
  'container-overrides',
  'wait',
  'watch-container',
  'stream-logs',
  'timeout-minutes',
  'started-by',
  'tags',
  'image',
  'container-name',
  'region',
  'max-attempts',
  'dry-run',
] as const;

export type InputName = (typeof INPUT_NAMES)[number];
export type { RunTaskOptions, WaitMode, TaskDefinitionSource } from './options.js';

/** The inputs src/core/action reads for ecs-run-task (readSharedInputs). */
const SHARED_INPUTS = [
  'cluster',
  'region',
  'timeout-minutes',
  'max-attempts',
  'dry-run',
  'image',
  'container-name',
] as const satisfies readonly SharedInputName[];

const LAUNCH_TYPES: readonly LaunchType[] = ['EC2', 'FARGATE', 'EXTERNAL'];
const PUBLIC_IP: readonly AssignPublicIp[] = ['ENABLED', 'DISABLED'];

type TaskDefinitionInput = { name: 'task-definition' | 'task-definition-arn'; value: string } | undefined;

export async function readOptions(rt: ActionRuntime): Promise<RunTaskOptions> {
  const inputs = new Inputs(rt.inputs, INPUT_NAMES);
  const tdInput = inputs.exclusive('task-definition', 'task-definition-arn');
  const inputCount = readCount(inputs);
  const shortcuts = readShortcuts(inputs);
  const wait = inputs.enumValue('wait', WAIT_MODES, 'stopped');
  const watchContainer = inputs.optional('watch-container');
  const streamLogs = inputs.boolean('stream-logs', true);
  const { cluster: clusterInput, image, ...shared } = readSharedInputs(inputs, rt.outputs, SHARED_INPUTS);

  const placeholders = imagePlaceholders(image);
  const roots = manifestRoots(rt);
  const requestPath = inputs.optional('run-task-request');
  const file: RunTaskCommandInput =
    requestPath === undefined
      ? { taskDefinition: undefined }
      : await loadRunTaskRequest(roots, requestPath, 'run-task-request', placeholders);
  const built = buildRequest(file, shortcuts, rt.log);
  const taskDefinition = await readTaskDefinitionSource(rt, roots, tdInput, file, placeholders, image);
  await checkImageIsUsed(roots, image, [
    { input: 'task-definition', path: inputs.optional('task-definition') },
    { input: 'run-task-request', path: requestPath },
  ]);
  if (file.count !== undefined && inputCount === undefined) checkCount(file.count, { input: 'run-task-request', field: 'count' });
  if (clusterInput === undefined && file.cluster !== undefined) checkCluster(file.cluster, { input: 'run-task-request', field: 'cluster' });

  const options: RunTaskOptions = {
    cluster: clusterInput ?? file.cluster ?? 'default',
    taskDefinition,
    ...built,
    count: inputCount ?? file.count ?? 1,
    wait,
    watchContainer,
    streamLogs,
    timeoutMinutes: shared.timeoutMinutes,
    region: shared.region,
    maxAttempts: shared.maxAttempts,
    dryRun: shared.dryRun,
  };
  if (taskDefinition.kind === 'file') {
    checkRunAgainstTaskDefinition(options, taskDefinition.definition, `task definition ${taskDefinition.path}`);
  }
  return options;
}

/** The inputs that are shortcuts over the RunTask request (request-inputs.ts checks each). */
function readShortcuts(inputs: Inputs): RequestShortcuts {
  return {
    launchType: inputs.enumValue('launch-type', LAUNCH_TYPES),
    subnets: readIds(inputs, 'subnets', 'subnet-', MAX_SUBNETS),
    securityGroups: readIds(inputs, 'security-groups', 'sg-', MAX_SECURITY_GROUPS),
    assignPublicIp: inputs.enumValue('assign-public-ip', PUBLIC_IP),
    containerOverrides: readContainerOverrides(inputs),
    startedBy: readStartedBy(inputs),
    tags: readTags(inputs),
  };
}

async function readTaskDefinitionSource(
  rt: ActionRuntime,
  roots: ManifestRoots,
  chosen: TaskDefinitionInput,
  file: RunTaskCommandInput,
  placeholders: Placeholders,
  image: ImageChoice,
): Promise<TaskDefinitionSource> {
  if (chosen?.name === 'task-definition') {
    const definition = await loadTaskDefinitionFile(roots, chosen.value, placeholders, image);
    if (file.taskDefinition !== undefined) {
      rt.log.info(`The task definition registered from ${chosen.value} replaces the request's '${file.taskDefinition}'`);
    }
    return { kind: 'file', path: chosen.value, definition };
  }
  refuseContainerNameForRegistered(image, 'runs as it was registered');
  if (chosen !== undefined) {
    const ref = checkTaskDefinitionRef(chosen.value, { input: chosen.name });
    if (file.taskDefinition !== undefined && file.taskDefinition !== ref) {
      rt.log.info(`task-definition-arn ${ref} replaces the request's '${file.taskDefinition}'`);
    }
    return { kind: 'registered', input: 'task-definition-arn', ref };
  }
  if (file.taskDefinition !== undefined) {
    const ref = checkTaskDefinitionRef(file.taskDefinition, { input: 'run-task-request', field: 'taskDefinition' });
    return { kind: 'registered', input: 'run-task-request', ref };
  }
  throw new ConfigurationError(
    "one of 'task-definition' (a file to register) or 'task-definition-arn' is required (or taskDefinition in run-task-request)",
    { input: 'task-definition' },
  );
}

function readStartedBy(inputs: Inputs): string | undefined {
  const value = inputs.optional('started-by');
  return value === undefined ? undefined : checkStartedBy(value, { input: 'started-by' });
}
