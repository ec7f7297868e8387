/** Services: CreateService, UpdateService, DeleteService, DescribeServices, ListServices. */
import { AwsServiceError } from '../contracts.js';
import { checkStrategyAssociated } from './capacity-providers.js';
import { resolveCluster } from './clusters.js';
import { arns, lastSegment, type EcsContext } from './context.js';
import { checkDaemonCreate, DAEMON_DEPLOYMENT_DEFAULTS } from './daemon.js';
import { startDeployment } from './deployments.js';
import { clean, invalid, optBool, optInt, optList, optObj, optStr, paginate, reqStr, stable, strList } from './params.js';
import { scheduleReconcile } from './scheduler.js';
import { deploymentConfiguration } from './deployment-config.js';
import { applySettings, givesSettings, requestedSettings, SETTINGS_NEED_ECS_CONTROLLER, validateSettings } from './deployment-settings.js';
import { validateNativeLoadBalancers } from './native-validation.js';
import { validateServiceConfig } from './service-validation.js';
import type { Json, ServiceRec } from './state.js';
import { readTags } from './tags.js';
import { resolveTaskDefinitionForUse } from './task-definitions.js';
import { checkCreateForController, initialTaskSet, requestedController } from './task-sets.js';
import { updateService } from './service-update.js';
import { serviceView } from './views.js';

const NAME = /^[a-zA-Z0-9_-]{1,255}$/;


export function findService(ctx: EcsContext, clusterName: string, ref: string): ServiceRec {
  const service = ctx.state.services.get(`${clusterName}/${lastSegment(ref)}`);
  if (!service) throw new AwsServiceError('ServiceNotFoundException', 'Service not found.');
  return service;
}

export function activeService(ctx: EcsContext, p: Json): ServiceRec {
  const cluster = resolveCluster(ctx, optStr(p, 'cluster'));
  const service = findService(ctx, cluster.name, reqStr(p, 'service'));
  if (service.status !== 'ACTIVE') throw new AwsServiceError('ServiceNotActiveException', 'Service was not ACTIVE.');
  return service;
}

function roleArn(ctx: EcsContext, role: string | undefined, hasLoadBalancers: boolean): string | undefined {
  if (role !== undefined) return role.startsWith('arn:') ? role : `arn:aws:iam::${ctx.accountId}:role/${role}`;
  return hasLoadBalancers
    ? `arn:aws:iam::${ctx.accountId}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`
    : undefined;
}

function createService(ctx: EcsContext, p: Json): Json {
  const cluster = resolveCluster(ctx, optStr(p, 'cluster'));
  const name = reqStr(p, 'serviceName', 'Service name can not be blank.');
  if (!NAME.test(name)) throw invalid('Service name can have up to 255 letters, numbers, hyphens and underscores.');
  const key = `${cluster.name}/${name}`;
  const { clientToken: _token, cluster: _cluster, ...request } = p;
  const fingerprint = stable(clean(request));
  const existing = ctx.state.services.get(key);
  if (existing?.status === 'ACTIVE') {
    if (existing.createRequest === fingerprint) return { service: serviceView(ctx, existing, true) };
    throw invalid('Creation of service was not idempotent.');
  }
  if (existing?.status === 'DRAINING') throw invalid('Unable to Start a service that is still Draining.');
  const controller = requestedController(p);
  const schedulingStrategy = optStr(p, 'schedulingStrategy') ?? 'REPLICA';
  if (schedulingStrategy !== 'REPLICA' && schedulingStrategy !== 'DAEMON') throw invalid(`Invalid scheduling strategy: ${schedulingStrategy}`);
  const daemon = schedulingStrategy === 'DAEMON';
  const desiredCount = daemon ? 0 : optInt(p, 'desiredCount');
  if (desiredCount === undefined) throw invalid('The desiredCount parameter is required for the REPLICA scheduling strategy.');
  if (desiredCount < 0) throw invalid('desiredCount can not be less than 0.');
  // An EXTERNAL service has no task definition, compute or network of its own: its task sets carry them.
  const external = controller === 'EXTERNAL';
  const capacityProviderStrategy = optList<Json>(p, 'capacityProviderStrategy');
  const givenLaunchType = optStr(p, 'launchType');
  const useCluster = !external && !givenLaunchType && !capacityProviderStrategy?.length && cluster.defaultCapacityProviderStrategy.length;
  const launchType = givenLaunchType ?? (capacityProviderStrategy?.length || useCluster || external ? undefined : 'EC2');
  checkCreateForController(p, controller, launchType);
  if (daemon) {
    checkDaemonCreate({
      desiredCount: optInt(p, 'desiredCount'),
      launchType: givenLaunchType,
      capacityProviderStrategy,
      placementStrategy: optList<Json>(p, 'placementStrategy'),
      controller,
      strategy: optObj(p, 'deploymentConfiguration')?.['strategy'],
    });
  }
  checkStrategyAssociated(cluster, capacityProviderStrategy);
  const taskDef = external ? undefined : resolveTaskDefinitionForUse(ctx, optStr(p, 'taskDefinition'));
  const networkConfiguration = optObj(p, 'networkConfiguration');
  const loadBalancers = clean(optList<Json>(p, 'loadBalancers') ?? []);
  const role = optStr(p, 'role');
  const settings = applySettings({}, requestedSettings(p)).next;
  if (controller !== 'ECS' && givesSettings(settings)) throw invalid(SETTINGS_NEED_ECS_CONTROLLER);
  if (taskDef) {
    validateSettings(taskDef, settings);
    validateServiceConfig(ctx, {
      taskDef,
      loadBalancers,
      ...(launchType !== undefined ? { launchType } : {}),
      ...(capacityProviderStrategy ? { capacityProviderStrategy } : {}),
      ...(networkConfiguration ? { networkConfiguration } : {}),
      ...(role !== undefined ? { role } : {}),
    });
  }
  const deployConfig = deploymentConfiguration(optObj(p, 'deploymentConfiguration'), daemon ? DAEMON_DEPLOYMENT_DEFAULTS : undefined, controller);
  if (controller === 'ECS') validateNativeLoadBalancers(ctx, deployConfig, loadBalancers);
  const grace = optInt(p, 'healthCheckGracePeriodSeconds');
  if (grace !== undefined && (grace < 0 || grace > 2147483647)) throw invalid('healthCheckGracePeriodSeconds is out of range.');
  const service: ServiceRec = {
    key,
    name,
    arn: arns.service(ctx, cluster.name, name),
    clusterName: cluster.name,
    status: 'ACTIVE',
    desiredCount,
    deploymentConfiguration: deployConfig,
    deployments: [],
    loadBalancers,
    serviceRegistries: clean(optList<Json>(p, 'serviceRegistries') ?? []),
    events: [],
    createdAt: ctx.clock.now(),
    createdBy: `arn:aws:iam::${ctx.accountId}:role/emulator`,
    placementConstraints: clean(optList<Json>(p, 'placementConstraints') ?? []),
    placementStrategy: clean(optList<Json>(p, 'placementStrategy') ?? []),
    schedulingStrategy,
    deploymentController: { type: controller },
    taskSets: [],
    tags: readTags(p),
    enableECSManagedTags: optBool(p, 'enableECSManagedTags') ?? false,
    propagateTags: optStr(p, 'propagateTags') ?? 'NONE',
    enableExecuteCommand: optBool(p, 'enableExecuteCommand') ?? false,
    createRequest: fingerprint,
    steady: false,
    steadyHistory: [],
    serviceDeploymentArns: [],
    liveTasks: new Set(),
    reconcileScheduled: false,
    ...settings,
  };
  const arn = roleArn(ctx, role, loadBalancers.length > 0 && taskDef?.body['networkMode'] !== 'awsvpc');
  if (arn !== undefined) service.roleArn = arn;
  if (launchType !== undefined) service.launchType = launchType;
  const strategy = capacityProviderStrategy?.length ? capacityProviderStrategy : useCluster ? cluster.defaultCapacityProviderStrategy : undefined;
  if (strategy) service.capacityProviderStrategy = clean(strategy);
  if (launchType === 'FARGATE' || strategy) service.platformVersion = optStr(p, 'platformVersion') ?? 'LATEST';
  if (networkConfiguration) service.networkConfiguration = clean(networkConfiguration);
  if (grace !== undefined) service.healthCheckGracePeriodSeconds = grace;
  else if (loadBalancers.length > 0) service.healthCheckGracePeriodSeconds = 0;
  const azRebalancing = optStr(p, 'availabilityZoneRebalancing');
  service.availabilityZoneRebalancing = azRebalancing ?? 'DISABLED';
  ctx.state.services.set(key, service);
  if (controller === 'ECS' && taskDef) startDeployment(ctx, service, taskDef);
  else if (taskDef) service.taskSets.push(initialTaskSet(ctx, service, taskDef));
  scheduleReconcile(ctx, service);
  return { service: serviceView(ctx, service, true) };
}

export const serviceOperations = {
  CreateService: createService,

  UpdateService(ctx: EcsContext, p: Json): Json {
    return updateService(ctx, p, activeService(ctx, p));
  },

  DeleteService(ctx: EcsContext, p: Json): Json {
    const service = activeService(ctx, p);
    // A DAEMON service has no desired count to scale to 0 first.
    if (service.schedulingStrategy !== 'DAEMON' && service.desiredCount > 0 && optBool(p, 'force') !== true) {
      throw invalid('The service cannot be stopped while it is scaled above 0.');
    }
    service.status = 'DRAINING';
    service.desiredCount = 0;
    service.steady = false;
    const primary = service.deployments[0];
    if (primary) primary.desiredCount = 0;
    for (const ts of service.taskSets) {
      ts.status = 'DRAINING';
      ts.updatedAt = ctx.clock.now();
    }
    for (const arn of service.serviceDeploymentArns) {
      const sd = ctx.state.serviceDeployments.get(arn);
      if (sd && (sd.status === 'IN_PROGRESS' || sd.status === 'PENDING')) {
        sd.status = 'STOPPED';
        sd.statusReason = 'Service deleted.';
        sd.stoppedAt = ctx.clock.now();
        sd.native?.cancel?.();
        if (sd.native) sd.native.phase = 'stopped';
      }
    }
    scheduleReconcile(ctx, service);
    return { service: serviceView(ctx, service, false) };
  },

  DescribeServices(ctx: EcsContext, p: Json): Json {
    const cluster = resolveCluster(ctx, optStr(p, 'cluster'));
    const refs = strList(p, 'services') ?? [];
    if (refs.length === 0) throw invalid('Services cannot be empty.');
    if (refs.length > 10) throw invalid('services can have at most 10 items.');
    const includeTags = (strList(p, 'include') ?? []).includes('TAGS');
    const services: Json[] = [];
    const failures: Json[] = [];
    for (const ref of refs) {
      const service = ctx.state.services.get(`${cluster.name}/${lastSegment(ref)}`);
      if (service) services.push(serviceView(ctx, service, includeTags));
      else failures.push({ arn: ref.startsWith('arn:') ? ref : arns.service(ctx, cluster.name, ref), reason: 'MISSING' });
    }
    return { services, failures };
  },

  ListServices(ctx: EcsContext, p: Json): Json {
    const cluster = resolveCluster(ctx, optStr(p, 'cluster'));
    const launchType = optStr(p, 'launchType');
    const strategy = optStr(p, 'schedulingStrategy');
    const all = [...ctx.state.services.values()]
      .filter((s) => s.clusterName === cluster.name && s.status !== 'INACTIVE')
      .filter((s) => launchType === undefined || s.launchType === launchType)
      .filter((s) => strategy === undefined || s.schedulingStrategy === strategy)
      .map((s) => s.arn);
    const { page, nextToken } = paginate(all, p, 100, 10);
    return { serviceArns: page, ...(nextToken ? { nextToken } : {}) };
  },
};
