/**
 * UpdateService: what changed decides whether ECS starts a new deployment (task definition, network, load
 * balancers, platform, placement, capacity providers, forceNewDeployment) or only rescales the current one.
 */
import type { EcsContext } from './context.js';
import { startDeployment } from './deployments.js';
import { clean, invalid, optBool, optInt, optList, optObj, optStr, stable } from './params.js';
import { scheduleReconcile } from './scheduler.js';
import { deploymentConfiguration, validateServiceConfig } from './service-validation.js';
import type { Json, ServiceRec } from './state.js';
import { resolveTaskDefinitionForUse } from './task-definitions.js';
import { serviceView } from './views.js';

export function updateService(ctx: EcsContext, p: Json, service: ServiceRec): Json {
  if (p['launchType'] !== undefined) throw invalid('launchType can not be updated for an existing service.');
  const primary = service.deployments[0];
  const force = optBool(p, 'forceNewDeployment') === true;
  let redeploy = force;
  const changed = (a: unknown, b: unknown): boolean => stable(clean(a ?? null)) !== stable(clean(b ?? null));
  const desiredCount = optInt(p, 'desiredCount');
  if (desiredCount !== undefined && desiredCount < 0) throw invalid('desiredCount can not be less than 0.');
  const tdRef = optStr(p, 'taskDefinition');
  const taskDef = tdRef !== undefined ? resolveTaskDefinitionForUse(ctx, tdRef) : primary?.taskDef;
  if (!taskDef) throw invalid('TaskDefinition can not be blank.');
  if (taskDef !== primary?.taskDef) redeploy = true;
  const strategy = optList<Json>(p, 'capacityProviderStrategy');
  if (strategy !== undefined) {
    if (service.launchType !== undefined && !force) {
      throw invalid(
        'When switching from launch type to capacity provider strategy on an existing service, or making a change to a capacity provider strategy on a service that is already using one, you must force a new deployment.',
      );
    }
    if (changed(strategy, service.capacityProviderStrategy)) redeploy = true;
  }
  const network = optObj(p, 'networkConfiguration') ?? service.networkConfiguration;
  const loadBalancers = optList<Json>(p, 'loadBalancers') ?? service.loadBalancers;
  validateServiceConfig(ctx, {
    taskDef,
    loadBalancers,
    ...(strategy === undefined && service.launchType !== undefined ? { launchType: service.launchType } : {}),
    ...(network ? { networkConfiguration: network } : {}),
  });
  const config = deploymentConfiguration(optObj(p, 'deploymentConfiguration'), service.deploymentConfiguration);
  // Everything validated: apply.
  for (const [member, current] of [
    ['networkConfiguration', service.networkConfiguration],
    ['loadBalancers', service.loadBalancers],
    ['platformVersion', service.platformVersion],
    ['serviceRegistries', service.serviceRegistries],
    ['placementConstraints', service.placementConstraints],
    ['placementStrategy', service.placementStrategy],
    ['enableExecuteCommand', service.enableExecuteCommand],
  ] as const) {
    if (p[member] !== undefined && p[member] !== null && changed(p[member], current)) redeploy = true;
  }
  if (strategy !== undefined) {
    service.capacityProviderStrategy = clean(strategy);
    delete service.launchType;
  }
  if (network) service.networkConfiguration = clean(network);
  service.loadBalancers = clean(loadBalancers);
  const platformVersion = optStr(p, 'platformVersion');
  if (platformVersion !== undefined) service.platformVersion = platformVersion;
  const registries = optList<Json>(p, 'serviceRegistries');
  if (registries) service.serviceRegistries = clean(registries);
  const constraints = optList<Json>(p, 'placementConstraints');
  if (constraints) service.placementConstraints = clean(constraints);
  const placement = optList<Json>(p, 'placementStrategy');
  if (placement) service.placementStrategy = clean(placement);
  service.enableExecuteCommand = optBool(p, 'enableExecuteCommand') ?? service.enableExecuteCommand;
  service.enableECSManagedTags = optBool(p, 'enableECSManagedTags') ?? service.enableECSManagedTags;
  service.propagateTags = optStr(p, 'propagateTags') ?? service.propagateTags;
  service.deploymentConfiguration = config;
  const grace = optInt(p, 'healthCheckGracePeriodSeconds');
  if (grace !== undefined) service.healthCheckGracePeriodSeconds = grace;
  const azRebalancing = optStr(p, 'availabilityZoneRebalancing');
  if (azRebalancing !== undefined) service.availabilityZoneRebalancing = azRebalancing;
  if (desiredCount !== undefined && desiredCount !== service.desiredCount) {
    service.desiredCount = desiredCount;
    service.steady = false;
  }
  if (redeploy || !primary) startDeployment(ctx, service, taskDef);
  scheduleReconcile(ctx, service);
  return { service: serviceView(ctx, service, false) };
}
