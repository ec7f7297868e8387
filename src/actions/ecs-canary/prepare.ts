/**
 * C1 before the first change: only reads. The base service (it must exist unless a service definition is given),
 * the canary's size, a canary left by an earlier run, the alarms (each must exist), and the CreateService request of
 * the canary — from the service definition, else from the live base service. Every problem is a ConfigurationError
 * naming the input, and nothing in AWS has changed.
 */
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { CreateServiceCommandInput, ECSClient, Service } from '@aws-sdk/client-ecs';
import { checkAlarmsExist } from '../../core/cloudwatch/index.js';
import { toCreateServiceInput } from '../../core/deploy/index.js';
import { createServiceInputFromLive } from '../../core/ecs/service-from-live.js';
import { describeService, describeServiceAnyStatus } from '../../core/ecs/services.js';
import { ConfigurationError } from '../../core/errors.js';
import type { Logger } from '../../core/io/logger.js';
import type { DeployOptions } from './options.js';

export interface CanaryPlan {
  base: Service | undefined;
  /** The canary as ECS knows it now: ACTIVE (to be replaced), DRAINING (to be waited out), or undefined. */
  existing: Service | undefined;
  count: number;
  /** How the count was chosen, for the log and the summary. */
  countWhy: string;
  /** The CreateService request, with the task definition still to fill in. */
  request: (taskDefinitionArn: string) => CreateServiceCommandInput;
  targetGroupArns: string[];
}

export async function prepareCanary(
  clients: { ecs: ECSClient; cloudwatch: CloudWatchClient },
  o: DeployOptions,
  log: Logger,
  signal?: AbortSignal,
): Promise<CanaryPlan> {
  const call = { signal };
  const base = await describeService(clients.ecs, o.cluster, o.serviceName, { ...call, tags: true });
  checkBase(base, o);
  const { count, why } = canaryCount(o, base);
  if (base?.desiredCount !== undefined && count > base.desiredCount) {
    log.warning(`The canary runs ${count} tasks, more than the ${base.desiredCount} the base service ${o.serviceName} wants: it takes most of the traffic.`);
  }
  const found = await describeServiceAnyStatus(clients.ecs, o.cluster, o.canaryName, call);
  const existing = found?.status === 'INACTIVE' ? undefined : found;
  await checkAlarmsExist(clients.cloudwatch, o.alarms, 'alarms', call);
  logFound(log, o, base, existing, count, why);
  const request = (taskDefinitionArn: string): CreateServiceCommandInput =>
    withCircuitBreaker(
      o.serviceDefinition !== undefined
        ? toCreateServiceInput(o.serviceDefinition, { cluster: o.cluster, serviceName: o.canaryName, taskDefinitionArn, desiredCountInput: count })
        : createServiceInputFromLive(base as Service, o.cluster, { serviceName: o.canaryName, taskDefinition: taskDefinitionArn, desiredCount: count }),
    );
  const loadBalancers = request('check').loadBalancers ?? [];
  const targetGroupArns = [...new Set(loadBalancers.map((lb) => lb.targetGroupArn).filter((a): a is string => a !== undefined))];
  return { base, existing, count, countWhy: why, request, targetGroupArns };
}

/**
 * A canary whose tasks keep failing (crash, failed health checks) must fail, not be restarted until the deadline:
 * its deployment runs with the ECS circuit breaker on. Without rollback, since a new service has nothing to roll
 * back to; the failed canary is deleted instead (C1).
 */
function withCircuitBreaker(input: CreateServiceCommandInput): CreateServiceCommandInput {
  return {
    ...input,
    deploymentConfiguration: { ...input.deploymentConfiguration, deploymentCircuitBreaker: { enable: true, rollback: false } },
  };
}

function logFound(log: Logger, o: DeployOptions, base: Service | undefined, existing: Service | undefined, count: number, why: string): void {
  log.info(
    base === undefined
      ? `Base service ${o.serviceName} does not exist: the canary is created from the service definition.`
      : `Base service ${o.serviceName}: ${base.runningCount ?? 0} running of ${base.desiredCount ?? 0} desired, task definition ${base.taskDefinition ?? '-'}.`,
  );
  log.info(`Canary tasks: ${count} (${why}).`);
  if (existing?.status === 'ACTIVE') log.info(`Canary service ${o.canaryName} from an earlier run is ACTIVE: it is deleted (force) and waited INACTIVE first.`);
  else if (existing?.status === 'DRAINING') log.info(`Canary service ${o.canaryName} from an earlier run is DRAINING: it is waited out first.`);
  if (o.alarms.length > 0) log.info(`CloudWatch alarms found: ${o.alarms.join(', ')}.`);
}

function checkBase(base: Service | undefined, o: DeployOptions): void {
  if (base === undefined && o.serviceDefinition === undefined) {
    throw new ConfigurationError(
      `the base service ${o.serviceName} does not exist in cluster ${o.cluster} (or is INACTIVE), and no service-definition ` +
        'was given to create the canary from: deploy the base service first (ecs-rolling), or give a service definition',
      { input: 'service' },
    );
  }
  const daemon = (o.serviceDefinition?.schedulingStrategy ?? base?.schedulingStrategy) === 'DAEMON';
  if (daemon) {
    throw new ConfigurationError(
      `service ${o.serviceName} uses the DAEMON scheduling strategy (one task on every instance): a canary next to it is not possible`,
      o.serviceDefinition !== undefined ? { input: 'service-definition', field: 'schedulingStrategy' } : { input: 'service' },
    );
  }
  if (base?.deploymentController?.type !== undefined && base.deploymentController.type !== 'ECS' && o.serviceDefinition === undefined) {
    throw new ConfigurationError(
      `service ${o.serviceName} uses the ${base.deploymentController.type} deployment controller: the canary is created from a ` +
        'copy of it, which ECS deploys only with the ECS controller; give a service-definition for the canary',
      { input: 'service' },
    );
  }
}

/** canary-count, or canary-percent of the base service's running tasks rounded up, at least 1 (C1). */
function canaryCount(o: DeployOptions, base: Service | undefined): { count: number; why: string } {
  if (o.size.kind === 'count') return { count: o.size.count, why: `canary-count ${o.size.count}` };
  if (base === undefined) {
    throw new ConfigurationError(
      `a share of the base service needs the base service, but ${o.serviceName} does not exist in cluster ${o.cluster}: give canary-count instead`,
      { input: 'canary-percent' },
    );
  }
  const running = base.runningCount ?? 0;
  const count = Math.max(1, Math.ceil((running * o.size.percent) / 100 - 1e-9));
  return { count, why: `canary-percent ${o.size.percent} % of the ${running} running tasks of ${o.serviceName}, rounded up` };
}
