/**
 * T1: the RunTask request = the run-task-request file, with the shortcut inputs laid over it (an input wins over
 * the file), without cluster / taskDefinition / count, which the action sets itself.
 */
import type { AssignPublicIp, ContainerOverride, LaunchType, RunTaskCommandInput, Tag } from '@aws-sdk/client-ecs';
import { ConfigurationError } from '../../core/errors.js';
import type { Logger } from '../../core/io/logger.js';
import { checkStartedBy, mergeTags, tagProblem } from './request-inputs.js';
import type { BaseRunTaskRequest, Origin, RunTaskOptions } from './options.js';

/** RunTask overrides: "A total of 8192 characters are allowed for overrides", JSON formatting included. */
export const MAX_OVERRIDES_CHARS = 8192;

/** action.yml's default for `started-by`, also used when the input arrives empty. */
export const DEFAULT_STARTED_BY = 'GitHub-Actions';

export interface RequestShortcuts {
  launchType: LaunchType | undefined;
  subnets: readonly string[];
  securityGroups: readonly string[];
  assignPublicIp: AssignPublicIp | undefined;
  containerOverrides: readonly ContainerOverride[];
  startedBy: string | undefined;
  tags: readonly Tag[];
}

export type BuiltRequest = Pick<
  RunTaskOptions,
  'request' | 'overrideOrigins' | 'networkOrigin' | 'launchTypeOrigin'
>;

const FILE = 'run-task-request';
const inFile = (field: string) => ({ input: FILE, field });

export function buildRequest(file: RunTaskCommandInput, inputs: RequestShortcuts, log: Logger): BuiltRequest {
  const { cluster: _cluster, taskDefinition: _td, count: _count, ...request } = file;
  const base: BaseRunTaskRequest = { ...request };
  const launchTypeOrigin = applyLaunchType(base, inputs, log);
  const networkOrigin = applyNetwork(base, inputs);
  const overrideOrigins = applyContainerOverrides(base, inputs.containerOverrides);
  if (base.startedBy !== undefined) checkStartedBy(base.startedBy, inFile('startedBy'));
  if (inputs.startedBy !== undefined) {
    if (base.startedBy !== undefined && base.startedBy !== inputs.startedBy) {
      log.info(`startedBy '${inputs.startedBy}' (input started-by) replaces the request's '${base.startedBy}'`);
    }
    base.startedBy = inputs.startedBy;
  }
  base.startedBy ??= DEFAULT_STARTED_BY;
  (base.tags ?? []).forEach((t, i) => {
    const problem = tagProblem(t);
    if (problem !== undefined) throw new ConfigurationError(problem, inFile(`tags[${i}]`));
  });
  const tags = mergeTags(base.tags ?? [], inputs.tags);
  if (tags.length > 0) base.tags = tags;
  return { request: base, overrideOrigins, networkOrigin, launchTypeOrigin };
}

function applyLaunchType(base: BaseRunTaskRequest, inputs: RequestShortcuts, log: Logger): Origin | undefined {
  if (inputs.launchType === undefined) return base.launchType !== undefined ? FILE : undefined;
  if ((base.capacityProviderStrategy ?? []).length > 0) {
    // ECS refuses launchType together with a capacity provider strategy: the input wins, as documented.
    log.info(`launch type ${inputs.launchType} (input launch-type) replaces the request's capacityProviderStrategy`);
    delete base.capacityProviderStrategy;
  }
  base.launchType = inputs.launchType;
  return 'launch-type';
}

function applyNetwork(base: BaseRunTaskRequest, inputs: RequestShortcuts): Origin | undefined {
  const given = inputs.subnets.length > 0 || inputs.securityGroups.length > 0 || inputs.assignPublicIp !== undefined;
  if (!given) return base.networkConfiguration !== undefined ? FILE : undefined;
  const vpc = { ...(base.networkConfiguration?.awsvpcConfiguration ?? {}) };
  if (inputs.subnets.length > 0) vpc.subnets = [...inputs.subnets];
  if (inputs.securityGroups.length > 0) vpc.securityGroups = [...inputs.securityGroups];
  if (inputs.assignPublicIp !== undefined) vpc.assignPublicIp = inputs.assignPublicIp;
  if (vpc.subnets === undefined || vpc.subnets.length === 0) {
    const which = inputs.securityGroups.length > 0 ? 'security-groups' : 'assign-public-ip';
    throw new ConfigurationError(`${which} is part of the awsvpc network configuration, which also needs subnets`, {
      input: 'subnets',
    });
  }
  base.networkConfiguration = { ...base.networkConfiguration, awsvpcConfiguration: { ...vpc, subnets: vpc.subnets } };
  return inputs.subnets.length > 0 ? 'subnets' : FILE;
}

/** Input overrides are merged field by field into the request's override of the same container (input wins). */
function applyContainerOverrides(
  base: BaseRunTaskRequest,
  fromInput: readonly ContainerOverride[],
): Array<{ name: string; origin: Origin }> {
  const fromFile = base.overrides?.containerOverrides ?? [];
  const origins: Array<{ name: string; origin: Origin }> = [];
  const merged: ContainerOverride[] = [];
  fromFile.forEach((o, i) => {
    if (o.name === undefined || o.name === '') {
      throw new ConfigurationError('every container override needs the `name` of its container', inFile(
        `overrides.containerOverrides[${i}].name`,
      ));
    }
    merged.push(o);
    origins.push({ name: o.name, origin: FILE });
  });
  for (const o of fromInput) {
    const name = o.name ?? '';
    const at = merged.findIndex((m) => m.name === name);
    if (at >= 0) merged[at] = { ...merged[at], ...o };
    else merged.push(o);
    const origin = origins.find((x) => x.name === name);
    if (origin !== undefined) origin.origin = 'container-overrides';
    else origins.push({ name, origin: 'container-overrides' });
  }
  if (merged.length > 0) base.overrides = { ...base.overrides, containerOverrides: merged };
  const size = base.overrides === undefined ? 0 : JSON.stringify(base.overrides).length;
  if (size > MAX_OVERRIDES_CHARS) {
    const where = fromInput.length > 0 ? { input: 'container-overrides' } : inFile('overrides');
    throw new ConfigurationError(
      `the overrides are ${size} characters of JSON; RunTask allows at most ${MAX_OVERRIDES_CHARS}`,
      where,
    );
  }
  return origins;
}
