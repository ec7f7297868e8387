/**
 * UpdateService: what changed decides whether ECS starts a new deployment (task definition, network, load
 * balancers, platform, placement, capacity providers, Service Connect, volume configurations, forceNewDeployment) or
 * only rescales the current one.
 * CODE_DEPLOY and EXTERNAL services take only what those controllers allow (task-sets.ts).
 */
import { capacityUpdate } from './capacity-providers.js';
import { resolveCluster } from './clusters.js';
import type { EcsContext } from './context.js';
import { checkDaemonUpdate } from './daemon.js';
import { startDeployment } from './deployments.js';
import { startNative } from './native-deployment.js';
import { validateNativeLoadBalancers } from './native-validation.js';
import { clean, invalid, optBool, optInt, optList, optObj, optStr, stable } from './params.js';
import { scheduleReconcile } from './scheduler.js';
import { deploymentConfiguration } from './deployment-config.js';
import { applySettings, requestedSettings, settingsOf, validateSettings } from './deployment-settings.js';
import { validateServiceConfig } from './service-validation.js';
import type { Json, ServiceRec } from './state.js';
import { resolveTaskDefinitionForUse } from './task-definitions.js';
import { checkTaskSetServiceUpdate, controllerOf, requestedController } from './task-sets.js';
import { serviceView } from './views.js';

/** What every deployment controller lets UpdateService change without a new deployment. */
function applyServiceSettings(p: Json, service: ServiceRec): void {
  const constraints = optList<Json>(p, 'placementConstraints');
  if (constraints) service.placementConstraints = clean(constraints);
  const placement = optList<Json>(p, 'placementStrategy');
  if (placement) service.placementStrategy = clean(placement);
  service.enableECSManagedTags = optBool(p, 'enableECSManagedTags') ?? service.enableECSManagedTags;
  service.propagateTags = optStr(p, 'propagateTags') ?? service.propagateTags;
  const grace = optInt(p, 'healthCheckGracePeriodSeconds');
  if (grace !== undefined) service.healthCheckGracePeriodSeconds = grace;
  const azRebalancing = optStr(p, 'availabilityZoneRebalancing');
  if (azRebalancing !== undefined) service.availabilityZoneRebalancing = azRebalancing;
}

/** UpdateService of a CODE_DEPLOY or EXTERNAL service: desired count, deployment configuration and settings. */
function updateTaskSetService(ctx: EcsContext, p: Json, service: ServiceRec, controller: string): Json {
  checkTaskSetServiceUpdate(p, controller);
  const desiredCount = optInt(p, 'desiredCount');
  if (desiredCount !== undefined && desiredCount < 0) throw invalid('desiredCount can not be less than 0.');
  const config = deploymentConfiguration(optObj(p, 'deploymentConfiguration'), service.deploymentConfiguration, controller);
  // Everything validated: apply.
  service.deploymentConfiguration = config;
  applyServiceSettings(p, service);
  if (desiredCount !== undefined && desiredCount !== service.desiredCount) {
    service.desiredCount = desiredCount;
    for (const ts of service.taskSets) ts.updatedAt = ctx.clock.now();
  }
  return { service: serviceView(ctx, service, false) };
}

export function updateService(ctx: EcsContext, p: Json, service: ServiceRec): Json {
  if (p['launchType'] !== undefined) throw invalid('launchType can not be updated for an existing service.');
  const controller = controllerOf(service);
  const requested = optObj(p, 'deploymentController');
  if (requested !== undefined && requestedController(p) !== controller) {
    throw invalid('The emulator does not simulate changing the deployment controller of an existing service.');
  }
  if (controller !== 'ECS') return updateTaskSetService(ctx, p, service, controller);
  const primary = service.deployments[0];
  const force = optBool(p, 'forceNewDeployment') === true;
  let redeploy = force;
  const changed = (a: unknown, b: unknown): boolean => stable(clean(a ?? null)) !== stable(clean(b ?? null));
  if (service.schedulingStrategy === 'DAEMON') checkDaemonUpdate(p, optObj(p, 'deploymentConfiguration')?.['strategy']);
  const desiredCount = optInt(p, 'desiredCount');
  if (desiredCount !== undefined && desiredCount < 0) throw invalid('desiredCount can not be less than 0.');
  const tdRef = optStr(p, 'taskDefinition');
  const taskDef = tdRef !== undefined ? resolveTaskDefinitionForUse(ctx, tdRef) : primary?.taskDef;
  if (!taskDef) throw invalid('TaskDefinition can not be blank.');
  if (taskDef !== primary?.taskDef) redeploy = true;
  const capacity = capacityUpdate(resolveCluster(ctx, service.clusterName), service, optList<Json>(p, 'capacityProviderStrategy'), force);
  if (capacity?.redeploy === true) redeploy = true;
  const launchType = capacity !== undefined ? capacity.launchType : service.launchType;
  const network = optObj(p, 'networkConfiguration') ?? service.networkConfiguration;
  const loadBalancers = optList<Json>(p, 'loadBalancers') ?? service.loadBalancers;
  validateServiceConfig(ctx, {
    taskDef,
    loadBalancers,
    ...(launchType !== undefined ? { launchType } : {}),
    ...(network ? { networkConfiguration: network } : {}),
  });
  const config = deploymentConfiguration(optObj(p, 'deploymentConfiguration'), service.deploymentConfiguration);
  validateNativeLoadBalancers(ctx, config, loadBalancers);
  const settings = applySettings(settingsOf(service), requestedSettings(p));
  validateSettings(taskDef, settings.next);
  if (settings.changed) redeploy = true;
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
  if (capacity?.capacityProviderStrategy !== undefined) {
    service.capacityProviderStrategy = capacity.capacityProviderStrategy;
    delete service.launchType;
  } else if (capacity?.launchType !== undefined) {
    service.launchType = capacity.launchType;
    delete service.capacityProviderStrategy;
  }
  if (network) service.networkConfiguration = clean(network);
  service.loadBalancers = clean(loadBalancers);
  const platformVersion = optStr(p, 'platformVersion');
  if (platformVersion !== undefined) service.platformVersion = platformVersion;
  const registries = optList<Json>(p, 'serviceRegistries');
  if (registries) service.serviceRegistries = clean(registries);
  service.enableExecuteCommand = optBool(p, 'enableExecuteCommand') ?? service.enableExecuteCommand;
  delete service.serviceConnectConfiguration;
  delete service.volumeConfigurations;
  Object.assign(service, settings.next);
  service.deploymentConfiguration = config;
  applyServiceSettings(p, service);
  if (desiredCount !== undefined && desiredCount !== service.desiredCount) {
    service.desiredCount = desiredCount;
    service.steady = false;
  }
  if (redeploy || !primary) startNative(ctx, service, startDeployment(ctx, service, taskDef));
  scheduleReconcile(ctx, service);
  return { service: serviceView(ctx, service, false) };
}
