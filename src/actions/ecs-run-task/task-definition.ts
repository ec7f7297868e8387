/**
 * T1 / S4: register the task definition file, or look up the registered revision (DescribeTaskDefinition, a
 * read) — either way the action learns the containers (essential flags, awslogs settings) it needs to judge exit
 * codes and stream logs. A registered revision is checked against the run here, before the first mutating call.
 */
import type { ECSClient } from '@aws-sdk/client-ecs';
import { resolveTaskDefinition as resolve, type ResolvedTaskDefinition } from '../../core/ecs/task-definitions.js';
import type { Logger } from '../../core/io/logger.js';
import { checkRunAgainstTaskDefinition } from './checks.js';
import type { RunTaskOptions } from './options.js';

export type { ResolvedTaskDefinition };

export async function resolveTaskDefinition(
  deps: { ecs: ECSClient; log: Logger },
  options: RunTaskOptions,
): Promise<ResolvedTaskDefinition> {
  const source = options.taskDefinition;
  const resolved = await resolve(deps.ecs, source, { inactive: 'refuse' });
  if (source.kind === 'file') {
    deps.log.info(`Registered task definition ${resolved.label} from ${source.path} (${resolved.arn})`);
    return resolved;
  }
  checkRunAgainstTaskDefinition(options, resolved.definition, `task definition ${resolved.label}`);
  deps.log.info(`Using task definition ${resolved.arn} (${source.input}); nothing is registered`);
  return resolved;
}
