/**
 * Task definitions (S4, T1): where an action's task definition comes from (one type for every action), and the
 * DescribeTaskDefinition / RegisterTaskDefinition calls that resolve it to a registered revision.
 */
import { DescribeTaskDefinitionCommand, ListTaskDefinitionsCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import type {
  ECSClient,
  ListTaskDefinitionsCommandOutput,
  RegisterTaskDefinitionCommandInput,
  Tag,
  TaskDefinition,
  TaskDefinitionStatus,
} from '@aws-sdk/client-ecs';
import { hasErrorName } from '../aws/errors.js';
import { ConfigurationError, describeError } from '../errors.js';
import { httpOptions, type AwsCallOptions } from '../aws/call-options.js';
import { familyRevision } from './task-definition-refs.js';

/** A task definition file to register, or a registered revision named by an input (S4). */
export type TaskDefinitionSource =
  | { kind: 'file'; path: string; definition: RegisterTaskDefinitionCommandInput }
  /** `ref`: a full ARN or `family:revision`; `input`: the input that named it, blamed when it cannot be used. */
  | { kind: 'registered'; ref: string; input: string };

export interface ResolvedTaskDefinition {
  arn: string;
  /** `family:revision`, for messages. */
  label: string;
  definition: TaskDefinition;
  /** True when this run registered it (false: an existing revision was looked up). */
  registered: boolean;
}

export interface ResolveOptions extends AwsCallOptions {
  /**
   * A registered revision that is not ACTIVE (deregistered): 'refuse' it with a ConfigurationError (ECS neither runs
   * tasks nor updates a service with it), or 'accept' it (the caller only reads it).
   */
  inactive: 'refuse' | 'accept';
}

/**
 * A registered revision is looked up with DescribeTaskDefinition (a read, so a wrong reference fails before any
 * change); a file is registered. Either way the caller learns the whole task definition.
 */
export async function resolveTaskDefinition(
  ecs: ECSClient,
  source: TaskDefinitionSource,
  opts: ResolveOptions,
): Promise<ResolvedTaskDefinition> {
  if (source.kind === 'file') {
    const definition = await registerTaskDefinition(ecs, source.definition, opts);
    return { ...labelled(definition, 'RegisterTaskDefinition'), definition, registered: true };
  }
  const definition = await describeTaskDefinition(ecs, source.ref, { ...opts, input: source.input });
  const resolved = { ...labelled(definition, `DescribeTaskDefinition ${source.ref}`), definition, registered: false };
  if (opts.inactive === 'refuse' && definition.status !== undefined && definition.status !== 'ACTIVE') {
    throw new ConfigurationError(
      `task definition ${resolved.label} is ${definition.status}: ECS runs no new task and deploys no service from a ` +
        'deregistered revision; register it again (a new revision) or give an ACTIVE one',
      { input: source.input },
    );
  }
  return resolved;
}

/**
 * DescribeTaskDefinition. With `input`, a reference ECS does not know (it answers ClientException "Unable to
 * describe task definition.") is a ConfigurationError blaming that input.
 */
export async function describeTaskDefinition(
  ecs: ECSClient,
  ref: string,
  opts: AwsCallOptions & { input?: string | undefined } = {},
): Promise<TaskDefinition> {
  opts.onCall?.('DescribeTaskDefinition');
  try {
    const out = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: ref }), httpOptions(opts));
    return out.taskDefinition ?? {};
  } catch (e) {
    if (opts.input !== undefined && hasErrorName(e, 'ClientException', 'InvalidParameterException')) {
      throw new ConfigurationError(`task definition ${ref} cannot be used: ${describeError(e)}`, { input: opts.input });
    }
    throw e;
  }
}

/**
 * The latest ACTIVE revision of `family` (DescribeTaskDefinition with a bare family answers it), or undefined when
 * the family has none: ECS then answers ClientException ("Unable to describe task definition.").
 */
export async function describeLatestRevision(
  ecs: ECSClient,
  family: string,
  opts: AwsCallOptions = {},
): Promise<TaskDefinition | undefined> {
  opts.onCall?.('DescribeTaskDefinition');
  try {
    const out = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: family }), httpOptions(opts));
    return out.taskDefinition;
  } catch (e) {
    if (hasErrorName(e, 'ClientException')) return undefined;
    throw e;
  }
}

/** The tags of a task definition revision (DescribeTaskDefinition with `include: ['TAGS']`). */
export async function taskDefinitionTags(ecs: ECSClient, ref: string, opts: AwsCallOptions = {}): Promise<Tag[]> {
  opts.onCall?.('DescribeTaskDefinition');
  const out = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: ref, include: ['TAGS'] }), httpOptions(opts));
  return out.tags ?? [];
}

export async function registerTaskDefinition(
  ecs: ECSClient,
  input: RegisterTaskDefinitionCommandInput,
  opts: AwsCallOptions = {},
): Promise<TaskDefinition> {
  opts.onCall?.('RegisterTaskDefinition');
  const out = await ecs.send(new RegisterTaskDefinitionCommand(input), httpOptions(opts));
  return out.taskDefinition ?? {};
}

export interface ListTaskDefinitionsRequest {
  familyPrefix: string;
  status?: TaskDefinitionStatus;
  sort?: 'ASC' | 'DESC';
  /** Pages of 100 read at most. */
  maxPages: number;
}

/** ListTaskDefinitions, page by page; `visit` returns true to stop early (the ARNs seen so far are returned). */
export async function listTaskDefinitionArns(
  ecs: ECSClient,
  req: ListTaskDefinitionsRequest,
  visit: (arn: string) => boolean = () => false,
  opts: AwsCallOptions = {},
): Promise<string[]> {
  const { maxPages, ...query } = req;
  const seen: string[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    opts.onCall?.('ListTaskDefinitions');
    const out: ListTaskDefinitionsCommandOutput = await ecs.send(
      new ListTaskDefinitionsCommand({ ...query, maxResults: 100, ...(nextToken !== undefined ? { nextToken } : {}) }),
      httpOptions(opts),
    );
    for (const arn of out.taskDefinitionArns ?? []) {
      seen.push(arn);
      if (visit(arn)) return seen;
    }
    nextToken = out.nextToken;
    if (nextToken === undefined || nextToken === '') break;
  }
  return seen;
}

function labelled(definition: TaskDefinition, call: string): { arn: string; label: string } {
  const arn = definition.taskDefinitionArn;
  if (arn === undefined) throw new Error(`${call} returned no task definition ARN`);
  const label = definition.revision !== undefined && definition.family !== undefined ? `${definition.family}:${definition.revision}` : familyRevision(arn);
  return { arn, label };
}
