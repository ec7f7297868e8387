/**
 * The inputs of ecs-run-task. readOptions validates every input and manifest before any AWS call (S3). What needs
 * the task definition of a registered revision (container names, network mode) is checked by checks.ts once
 * DescribeTaskDefinition (a read) answered, still before the first mutating call.
 */
import { readFile } from 'node:fs/promises';
import type { AssignPublicIp, LaunchType, RunTaskCommandInput } from '@aws-sdk/client-ecs';
import { DEFAULT_MAX_ATTEMPTS } from '../../core/aws/clients.js';
import { ConfigurationError } from '../../core/errors.js';
import { Inputs } from '../../core/inputs.js';
import type { ActionRuntime } from '../../core/io/runtime.js';
import { loadRunTaskRequest, loadTaskDefinition, resolveManifestPath } from '../../core/manifests/index.js';
import type { Placeholders } from '../../core/manifests/index.js';
import { buildRequest } from './build-request.js';
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
import { checkTaskDefinitionRef } from './task-definition-ref.js';

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

const LAUNCH_TYPES: readonly LaunchType[] = ['EC2', 'FARGATE', 'EXTERNAL'];
const PUBLIC_IP: readonly AssignPublicIp[] = ['ENABLED', 'DISABLED'];
/** Cluster: "Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens", or its ARN. */
const CLUSTER = /^(arn:aws[a-z-]*:ecs:[a-z0-9-]+:[0-9]{12}:cluster\/)?[A-Za-z0-9_-]{1,255}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-[0-9]+$/;
const IMAGE_PLACEHOLDER = /<\+\s*(primary\.)?artifact\.image\s*>/;

export async function readOptions(rt: ActionRuntime): Promise<RunTaskOptions> {
  const inputs = new Inputs(rt.inputs, INPUT_NAMES);
  const tdInput = inputs.exclusive('task-definition', 'task-definition-arn');
  const image = inputs.optional('image');
  const containerName = inputs.optional('container-name');
  const inputCount = readCount(inputs);
  const shortcuts = {
    launchType: inputs.enumValue('launch-type', LAUNCH_TYPES),
    subnets: readIds(inputs, 'subnets', 'subnet-', MAX_SUBNETS),
    securityGroups: readIds(inputs, 'security-groups', 'sg-', MAX_SECURITY_GROUPS),
    assignPublicIp: inputs.enumValue('assign-public-ip', PUBLIC_IP),
    containerOverrides: readContainerOverrides(inputs),
    startedBy: readStartedBy(inputs),
    tags: readTags(inputs),
  };
  const wait = inputs.enumValue('wait', WAIT_MODES, 'stopped');
  const watchContainer = inputs.optional('watch-container');
  const streamLogs = inputs.boolean('stream-logs', true);
  const timeoutMinutes = inputs.integer('timeout-minutes', { min: 1, max: 360, default: 30 });
  const maxAttempts = inputs.integer('max-attempts', { min: 1, max: 20, default: DEFAULT_MAX_ATTEMPTS });
  const dryRun = inputs.boolean('dry-run', false);
  const region = inputs.optional('region');
  if (region !== undefined && !REGION.test(region)) {
    throw new ConfigurationError(`'${region}' is not an AWS region name (e.g. us-east-1)`, { input: 'region' });
  }
  const clusterInput = inputs.optional('cluster');
  if (clusterInput !== undefined) checkCluster(clusterInput, { input: 'cluster' });
  if (containerName !== undefined && image === undefined) {
    throw new ConfigurationError(`container-name '${containerName}' is given, so the image to set is required`, {
      input: 'image',
    });
  }

  const placeholders: Placeholders = image === undefined ? {} : { image };
  const requestPath = inputs.optional('run-task-request');
  const file: RunTaskCommandInput =
    requestPath === undefined
      ? { taskDefinition: undefined }
      : await loadRunTaskRequest(rt.workspace, requestPath, 'run-task-request', placeholders);
  const built = buildRequest(file, shortcuts, rt.log);
  const containerImage = containerName !== undefined && image !== undefined ? { containerName, image } : undefined;
  const taskDefinition = await readTaskDefinitionSource(rt, tdInput, file, placeholders, containerImage);
  if (image !== undefined && containerImage === undefined) {
    await checkImageIsUsed(rt.workspace, [inputs.optional('task-definition'), requestPath]);
  }
  if (file.count !== undefined && inputCount === undefined) checkCount(file.count, { input: 'run-task-request', field: 'count' });
  const cluster = clusterInput ?? file.cluster ?? 'default';
  if (clusterInput === undefined && file.cluster !== undefined) checkCluster(file.cluster, { input: 'run-task-request', field: 'cluster' });

  const options: RunTaskOptions = {
    cluster,
    taskDefinition,
    ...built,
    count: inputCount ?? file.count ?? 1,
    wait,
    watchContainer,
    streamLogs,
    timeoutMinutes,
    region,
    maxAttempts,
    dryRun,
  };
  if (taskDefinition.kind === 'file') {
    checkRunAgainstTaskDefinition(options, taskDefinition.definition, `task definition ${taskDefinition.path}`);
  }
  return options;
}

async function readTaskDefinitionSource(
  rt: ActionRuntime,
  chosen: { name: 'task-definition' | 'task-definition-arn'; value: string } | undefined,
  file: RunTaskCommandInput,
  placeholders: Placeholders,
  containerImage: { containerName: string; image: string } | undefined,
): Promise<TaskDefinitionSource> {
  if (chosen?.name === 'task-definition') {
    const definition = await loadTaskDefinition(rt.workspace, chosen.value, 'task-definition', placeholders, {
      containerImage,
    });
    if (file.taskDefinition !== undefined) {
      rt.log.info(`The task definition registered from ${chosen.value} replaces the request's '${file.taskDefinition}'`);
    }
    return { kind: 'file', path: chosen.value, definition };
  }
  if (containerImage !== undefined) {
    throw new ConfigurationError(
      'container-name and image set a container image in a task-definition file; a registered task definition ' +
        '(task-definition-arn) runs as it was registered',
      { input: 'container-name' },
    );
  }
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

function checkCluster(value: string, where: { input: string; field?: string }): void {
  if (!CLUSTER.test(value)) {
    throw new ConfigurationError(
      `'${value}' is not a cluster name (up to 255 letters, numbers, hyphens and underscores) or cluster ARN`,
      where,
    );
  }
}

/** `image` without `container-name` only works through a placeholder; an image that would be ignored is an error. */
async function checkImageIsUsed(workspace: string, paths: ReadonlyArray<string | undefined>): Promise<void> {
  for (const [i, p] of paths.entries()) {
    if (p === undefined) continue;
    const text = await readFile(await resolveManifestPath(workspace, p, i === 0 ? 'task-definition' : 'run-task-request'), 'utf8');
    if (IMAGE_PLACEHOLDER.test(text)) return;
  }
  throw new ConfigurationError(
    'the image would not be used: no manifest has an <+artifact.image> placeholder; set container-name to choose ' +
      'the container that runs it',
    { input: 'image' },
  );
}
