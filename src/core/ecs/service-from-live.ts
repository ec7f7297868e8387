/**
 * A CreateService request that re-creates a live service under another name or with another task definition
 * (C1's canary next to its base service, B2's stage service next to the blue one): every setting DescribeServices
 * reports, including those only CreateService can set (launch type or capacity provider strategy, platform version,
 * network, load balancers, service registries, tags, scheduling strategy, role, deployment controller), and the
 * Service Connect and volume configurations of the PRIMARY deployment (DescribeServices reports them per
 * deployment only).
 */
import type { CreateServiceCommandInput, Service, Tag } from '@aws-sdk/client-ecs';

export interface RecreateOverrides {
  serviceName: string;
  taskDefinition: string;
  /** Default: the live service's. */
  desiredCount?: number | undefined;
  /** Added to (and overriding same-key) live tags. */
  tags?: readonly Tag[] | undefined;
  /** Replaces the live load balancers (a stage service behind another target group). */
  loadBalancers?: CreateServiceCommandInput['loadBalancers'];
}

/** The service-linked role ECS uses by itself; CreateService refuses it as `role`. */
const SERVICE_LINKED_ROLE = /:role\/aws-service-role\//;

export function createServiceInputFromLive(live: Service, cluster: string, o: RecreateOverrides): CreateServiceCommandInput {
  const input: CreateServiceCommandInput = {
    cluster,
    serviceName: o.serviceName,
    taskDefinition: o.taskDefinition,
    ...copied(live),
  };
  const desiredCount = o.desiredCount ?? live.desiredCount;
  if (live.schedulingStrategy !== 'DAEMON' && desiredCount !== undefined) input.desiredCount = desiredCount;
  const strategy = live.capacityProviderStrategy ?? [];
  if (strategy.length > 0) input.capacityProviderStrategy = strategy;
  else if (live.launchType !== undefined) input.launchType = live.launchType;
  if (live.roleArn !== undefined && !SERVICE_LINKED_ROLE.test(live.roleArn)) input.role = live.roleArn;
  const loadBalancers = o.loadBalancers ?? live.loadBalancers;
  if (loadBalancers !== undefined && loadBalancers.length > 0) input.loadBalancers = loadBalancers;
  const tags = mergeTags(live.tags ?? [], o.tags ?? []);
  if (tags.length > 0) input.tags = tags;
  const primary = live.deployments?.find((d) => d.status === 'PRIMARY');
  if (primary?.serviceConnectConfiguration !== undefined) input.serviceConnectConfiguration = primary.serviceConnectConfiguration;
  if (primary?.volumeConfigurations !== undefined && primary.volumeConfigurations.length > 0) {
    input.volumeConfigurations = primary.volumeConfigurations;
  }
  return input;
}

/** Settings that mean the same on Service and on CreateService, copied when set. */
function copied(live: Service): Partial<CreateServiceCommandInput> {
  const out: Partial<CreateServiceCommandInput> = {};
  const set = <K extends keyof CreateServiceCommandInput>(key: K, value: CreateServiceCommandInput[K] | undefined): void => {
    if (value !== undefined && value !== null) out[key] = value;
  };
  set('platformVersion', live.platformVersion);
  set('networkConfiguration', live.networkConfiguration);
  set('serviceRegistries', nonEmpty(live.serviceRegistries));
  set('schedulingStrategy', live.schedulingStrategy);
  set('deploymentController', live.deploymentController);
  set('deploymentConfiguration', live.deploymentConfiguration);
  set('placementConstraints', nonEmpty(live.placementConstraints));
  set('placementStrategy', nonEmpty(live.placementStrategy));
  set('healthCheckGracePeriodSeconds', live.healthCheckGracePeriodSeconds);
  set('propagateTags', live.propagateTags);
  set('enableECSManagedTags', live.enableECSManagedTags);
  set('enableExecuteCommand', live.enableExecuteCommand);
  set('availabilityZoneRebalancing', live.availabilityZoneRebalancing);
  return out;
}

/** Live tags with `extra` over them; `aws:` tags are AWS's own and cannot be set. */
function mergeTags(live: readonly Tag[], extra: readonly Tag[]): Tag[] {
  const byKey = new Map<string, Tag>();
  for (const t of [...live, ...extra]) if (t.key !== undefined && !t.key.startsWith('aws:')) byKey.set(t.key, t);
  return [...byKey.values()];
}

function nonEmpty<T>(list: T[] | undefined): T[] | undefined {
  return list !== undefined && list.length > 0 ? list : undefined;
}
