/**
 * Services whose deployments another controller runs: CODE_DEPLOY (blue/green through AWS CodeDeploy) and
 * EXTERNAL (a third-party controller through the task set API). ECS accepts and describes them; the emulator does
 * not run their deployments or their tasks (README.md):
 *
 * - CreateService of an EXTERNAL service takes only what is not set per task set: no task definition, launch type,
 *   capacity provider strategy, platform version, network configuration, load balancers or service registries;
 *   the service starts with no task set.
 * - A CODE_DEPLOY service needs a task definition; CreateService makes its first task set, PRIMARY at 100 %.
 * - DescribeServices reports `taskSets` (and no `deployments`); the service's task definition is the PRIMARY
 *   task set's.
 * - UpdateService changes only the desired count, deployment configuration (CODE_DEPLOY), health check grace
 *   period, placement, managed tags and tag propagation; anything a new deployment or task set must carry is
 *   refused with InvalidParameterException.
 */
import type { AwsServiceError } from '../contracts.js';
import { arns, seconds, type EcsContext } from './context.js';
import { invalid, optBool, optObj } from './params.js';
import type { Json, ServiceRec, TaskDefRec, TaskSetRec } from './state.js';

export const CONTROLLERS = ['ECS', 'CODE_DEPLOY', 'EXTERNAL'];

export const controllerOf = (service: ServiceRec): string => String(service.deploymentController['type'] ?? 'ECS');

/** The request's deploymentController type (ECS when absent). */
export function requestedController(p: Json): string {
  const type = optObj(p, 'deploymentController')?.['type'] ?? 'ECS';
  if (typeof type !== 'string' || !CONTROLLERS.includes(type)) {
    throw invalid(`Invalid deployment controller type: ${String(type)}. Valid values are ${CONTROLLERS.join(', ')}.`);
  }
  return type;
}

/** CreateService members an EXTERNAL service refuses (they belong to its task sets), with ECS's answers. */
const EXTERNAL_REFUSES: [string, string][] = [
  ['taskDefinition', 'TaskDefinition must be blank.'],
  ['launchType', 'LaunchType must be blank.'],
  ['platformVersion', 'PlatformVersion must be blank.'],
  ['networkConfiguration', 'NetworkConfiguration must be null.'],
  ['loadBalancers', 'LoadBalancers must be empty or null.'],
  ['serviceRegistries', 'ServiceRegistries must be empty or null.'],
  ['capacityProviderStrategy', 'CapacityProviderStrategy must be empty or null.'],
];

const present = (v: unknown): boolean => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

/** CreateService checks that depend on the deployment controller (after the common ones). */
export function checkCreateForController(p: Json, controller: string, launchType: string | undefined): void {
  if (controller === 'EXTERNAL') {
    for (const [member, message] of EXTERNAL_REFUSES) if (present(p[member])) throw invalid(message);
  }
  if (controller === 'CODE_DEPLOY' && launchType === 'EC2') {
    const given = optObj(p, 'deploymentConfiguration') ?? {};
    const max = given['maximumPercent'];
    const min = given['minimumHealthyPercent'];
    if ((max !== undefined && max !== 200) || (min !== undefined && min !== 100)) {
      throw invalid(
        "You can't specify a custom maximumPercent or minimumHealthyPercent for a service that uses the CODE_DEPLOY deployment controller and the EC2 launch type.",
      );
    }
  }
}

/** The task set CreateService makes for a CODE_DEPLOY service: PRIMARY, 100 % of the desired count. */
export function initialTaskSet(ctx: EcsContext, service: ServiceRec, taskDef: TaskDefRec): TaskSetRec {
  const id = `ecs-svc/${ctx.random.digits(19)}`;
  const now = ctx.clock.now();
  const ts: TaskSetRec = {
    id,
    arn: arns.taskSet(ctx, service.clusterName, service.name, id),
    status: 'PRIMARY',
    taskDef,
    scalePercent: 100,
    createdAt: now,
    updatedAt: now,
    loadBalancers: service.loadBalancers,
    serviceRegistries: service.serviceRegistries,
  };
  if (service.launchType !== undefined) ts.launchType = service.launchType;
  if (service.capacityProviderStrategy !== undefined) ts.capacityProviderStrategy = service.capacityProviderStrategy;
  if (service.platformVersion !== undefined) ts.platformVersion = service.platformVersion;
  if (service.networkConfiguration !== undefined) ts.networkConfiguration = service.networkConfiguration;
  return ts;
}

export const primaryTaskSet = (service: ServiceRec): TaskSetRec | undefined => service.taskSets.find((t) => t.status === 'PRIMARY');

export function taskSetView(ctx: EcsContext, service: ServiceRec, ts: TaskSetRec): Json {
  const computedDesiredCount = Math.ceil((service.desiredCount * ts.scalePercent) / 100);
  const view: Json = {
    id: ts.id,
    taskSetArn: ts.arn,
    serviceArn: service.arn,
    clusterArn: arns.cluster(ctx, service.clusterName),
    status: ts.status,
    taskDefinition: ts.taskDef.arn,
    computedDesiredCount,
    // Not run by the emulator: no task is ever pending or running.
    pendingCount: 0,
    runningCount: 0,
    createdAt: seconds(ts.createdAt),
    updatedAt: seconds(ts.updatedAt),
    launchType: ts.launchType,
    capacityProviderStrategy: ts.capacityProviderStrategy,
    platformVersion: ts.platformVersion,
    networkConfiguration: ts.networkConfiguration,
    loadBalancers: ts.loadBalancers,
    serviceRegistries: ts.serviceRegistries,
    scale: { value: ts.scalePercent, unit: 'PERCENT' },
    stabilityStatus: computedDesiredCount === 0 ? 'STEADY_STATE' : 'STABILIZING',
    stabilityStatusAt: seconds(ts.updatedAt),
  };
  return Object.fromEntries(Object.entries(view).filter(([, v]) => v !== undefined));
}

/** UpdateService members a CODE_DEPLOY or EXTERNAL service refuses, named as ECS names them in its answer. */
const TASK_SET_MEMBERS: [string, string][] = [
  ['taskDefinition', 'task definition'],
  ['loadBalancers', 'load balancers'],
  ['networkConfiguration', 'network parameters'],
  ['platformVersion', 'platform version'],
  ['capacityProviderStrategy', 'capacity provider strategy'],
  ['serviceRegistries', 'service registries'],
  ['serviceConnectConfiguration', 'Service Connect configuration'],
  ['volumeConfigurations', 'volume configurations'],
];

function refusal(controller: string, what: string): AwsServiceError {
  return controller === 'CODE_DEPLOY'
    ? invalid(`Unable to update ${what} on services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment.`)
    : invalid(`Unable to update ${what} on services with an EXTERNAL deployment controller. Create a new task set to change it.`);
}

/** UpdateService of a CODE_DEPLOY or EXTERNAL service: what it refuses (what a new deployment or task set carries). */
export function checkTaskSetServiceUpdate(p: Json, controller: string): void {
  for (const [member, what] of TASK_SET_MEMBERS) if (p[member] !== undefined && p[member] !== null) throw refusal(controller, what);
  if (optBool(p, 'forceNewDeployment') === true) {
    throw controller === 'CODE_DEPLOY'
      ? invalid('Unable to force a new deployment on services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment.')
      : invalid('Unable to force a new deployment on services with an EXTERNAL deployment controller. Create a new task set instead.');
  }
  if (controller === 'EXTERNAL' && optObj(p, 'deploymentConfiguration') !== undefined) throw refusal(controller, 'deployment configuration');
}
