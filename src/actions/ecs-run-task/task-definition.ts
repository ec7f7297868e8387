/**
 * T1 / S4: register the task definition file, or look up the registered revision (DescribeTaskDefinition, a
 * read) — either way the action learns the containers (essential flags, awslogs settings) it needs to judge exit
 * codes and stream logs. A registered revision is checked against the run here, before the first mutating call.
 */
import { DescribeTaskDefinitionCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import type { ECSClient, TaskDefinition } from '@aws-sdk/client-ecs';
import { ConfigurationError, describeError } from '../../core/errors.js';
import type { Logger } from '../../core/io/logger.js';
import { hasErrorName } from '../../core/aws/errors.js';
import { checkRunAgainstTaskDefinition } from './checks.js';
import type { RunTaskOptions } from './options.js';

export interface ResolvedTaskDefinition {
  arn: string;
  /** `family:revision`, for messages. */
  label: string;
  definition: TaskDefinition;
}

export async function resolveTaskDefinition(
  deps: { ecs: ECSClient; log: Logger },
  options: RunTaskOptions,
): Promise<ResolvedTaskDefinition> {
  const source = options.taskDefinition;
  if (source.kind === 'registered') {
    const definition = await describe(deps.ecs, source.ref, source.input);
    const resolved = toResolved(definition, `DescribeTaskDefinition ${source.ref}`);
    if (definition.status !== undefined && definition.status !== 'ACTIVE') {
      throw new ConfigurationError(
        `task definition ${resolved.label} is ${definition.status}: RunTask cannot start tasks from a deregistered revision`,
        { input: source.input },
      );
    }
    checkRunAgainstTaskDefinition(options, definition, `task definition ${resolved.label}`);
    deps.log.info(`Using task definition ${resolved.arn} (${source.input}); nothing is registered`);
    return resolved;
  }
  const out = await deps.ecs.send(new RegisterTaskDefinitionCommand(source.definition));
  const resolved = toResolved(out.taskDefinition ?? {}, 'RegisterTaskDefinition');
  deps.log.info(`Registered task definition ${resolved.label} from ${source.path} (${resolved.arn})`);
  return resolved;
}

async function describe(ecs: ECSClient, ref: string, input: string): Promise<TaskDefinition> {
  try {
    const out = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: ref }));
    return out.taskDefinition ?? {};
  } catch (e) {
    // ECS answers ClientException ("Unable to describe task definition.") for a revision that does not exist.
    if (hasErrorName(e, 'ClientException', 'InvalidParameterException')) {
      throw new ConfigurationError(`task definition ${ref} cannot be used: ${describeError(e)}`, { input });
    }
    throw e;
  }
}

function toResolved(definition: TaskDefinition, call: string): ResolvedTaskDefinition {
  const arn = definition.taskDefinitionArn;
  if (arn === undefined) throw new Error(`${call} returned no task definition ARN`);
  const label = `${definition.family ?? arn.slice(arn.lastIndexOf('/') + 1).split(':')[0]}:${definition.revision ?? '?'}`;
  return { arn, label, definition };
}
