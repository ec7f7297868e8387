/**
 * Checks of the run against its task definition: container names (overrides, watch-container) and the network
 * configuration RunTask requires. For a task definition file they run in readOptions; for a registered revision
 * right after DescribeTaskDefinition, which is a read: either way before the first mutating call (S3).
 */
import { ConfigurationError } from '../../core/errors.js';
import type { ErrorLocation } from '../../core/errors.js';
import type { BaseRunTaskRequest, Origin, RunTaskOptions, TaskDefinitionFacts } from './options.js';

const FARGATE_PROVIDERS: ReadonlySet<string> = new Set(['FARGATE', 'FARGATE_SPOT']);

type RunFacts = Pick<
  RunTaskOptions,
  'request' | 'watchContainer' | 'overrideOrigins' | 'networkOrigin' | 'launchTypeOrigin'
>;

/** Throws the first problem found, as a ConfigurationError naming the input that caused it. */
export function checkRunAgainstTaskDefinition(run: RunFacts, td: TaskDefinitionFacts, tdLabel: string): void {
  const names = (td.containerDefinitions ?? []).map((c) => c.name).filter((n): n is string => n !== undefined);
  const known = names.map((n) => `'${n}'`).join(', ');
  if (run.watchContainer !== undefined && !names.includes(run.watchContainer)) {
    throw new ConfigurationError(`no container named '${run.watchContainer}' in ${tdLabel}; its containers are ${known}`, {
      input: 'watch-container',
    });
  }
  for (const o of run.overrideOrigins) {
    if (names.includes(o.name)) continue;
    throw new ConfigurationError(
      `container override for '${o.name}', which is not a container of ${tdLabel}; its containers are ${known}`,
      at(o.origin, 'overrides.containerOverrides'),
    );
  }
  checkNetwork(run, td, tdLabel);
}

/**
 * RunTask: "If the task definition uses the awsvpc network mode, you must specify the network configuration";
 * Fargate tasks always use awsvpc; and a network configuration is refused for any other network mode.
 */
function checkNetwork(run: RunFacts, td: TaskDefinitionFacts, tdLabel: string): void {
  const request = run.request;
  const fargate = usesFargate(request, td);
  const awsvpc = td.networkMode === 'awsvpc';
  const subnets = request.networkConfiguration?.awsvpcConfiguration?.subnets ?? [];
  if ((fargate || awsvpc) && subnets.length === 0) {
    const why = fargate ? 'Fargate tasks use the awsvpc network mode' : `${tdLabel} uses the awsvpc network mode`;
    throw new ConfigurationError(
      `${why}, so RunTask needs a network configuration: give subnets (and usually security-groups), or ` +
        'networkConfiguration.awsvpcConfiguration in run-task-request',
      { input: 'subnets' },
    );
  }
  if (request.launchType === 'FARGATE' && td.networkMode !== undefined && !awsvpc) {
    throw new ConfigurationError(
      `launch type FARGATE needs a task definition in the awsvpc network mode; ${tdLabel} uses '${td.networkMode}'`,
      at(run.launchTypeOrigin ?? 'launch-type', 'launchType'),
    );
  }
  if (request.networkConfiguration !== undefined && !awsvpc && !fargate) {
    const mode = td.networkMode ?? 'bridge (the default)';
    throw new ConfigurationError(
      `a network configuration (subnets, security groups) only applies to the awsvpc network mode; ${tdLabel} uses ${mode}`,
      at(run.networkOrigin ?? 'subnets', 'networkConfiguration'),
    );
  }
}

/** Fargate by launch type, by a capacity provider strategy of Fargate providers, or by a Fargate-only task definition. */
export function usesFargate(request: BaseRunTaskRequest, td: TaskDefinitionFacts): boolean {
  if (request.launchType !== undefined) return request.launchType === 'FARGATE';
  const strategy = request.capacityProviderStrategy ?? [];
  if (strategy.length > 0) return strategy.some((s) => FARGATE_PROVIDERS.has(s.capacityProvider ?? ''));
  const compat = td.requiresCompatibilities ?? [];
  return compat.length > 0 && compat.every((c) => c === 'FARGATE');
}

function at(origin: Origin, field: string): ErrorLocation {
  return origin === 'run-task-request' ? { input: origin, field } : { input: origin };
}
