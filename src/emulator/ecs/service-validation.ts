/**
 * CreateService / UpdateService checks ECS makes against the task definition and the load balancers, with the
 * messages ECS answers (InvalidParameterException unless noted).
 */
import type { EcsContext } from './context.js';
import { invalid } from './params.js';
import type { Json, TaskDefRec } from './state.js';

export interface ServiceConfig {
  taskDef: TaskDefRec;
  launchType?: string;
  capacityProviderStrategy?: Json[];
  networkConfiguration?: Json;
  loadBalancers: Json[];
  role?: string;
}

function validateNetwork(cfg: ServiceConfig, networkMode: string): void {
  const awsvpc = cfg.networkConfiguration?.['awsvpcConfiguration'] as Json | undefined;
  if (networkMode === 'awsvpc') {
    if (!awsvpc) throw invalid("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
    const subnets = awsvpc['subnets'];
    if (!Array.isArray(subnets) || subnets.length === 0) throw invalid('subnets can not be empty.');
    if (subnets.length > 16) throw invalid('subnets can have at most 16 items.');
    const assign = awsvpc['assignPublicIp'];
    if (assign !== undefined && assign !== 'ENABLED' && assign !== 'DISABLED') {
      throw invalid('assignPublicIp must be ENABLED or DISABLED.');
    }
  } else if (awsvpc) {
    throw invalid('Network Configuration is not valid for the given networkMode of this task definition.');
  }
}

function validateLoadBalancers(ctx: EcsContext, cfg: ServiceConfig, networkMode: string): void {
  const containers = cfg.taskDef.body['containerDefinitions'] as Json[];
  for (const lb of cfg.loadBalancers) {
    const tgArn = lb['targetGroupArn'];
    if (typeof tgArn !== 'string') {
      throw invalid('The emulator supports load balancers by targetGroupArn only (Classic Load Balancers are not simulated).');
    }
    const containerName = lb['containerName'];
    const containerPort = lb['containerPort'];
    if (typeof containerName !== 'string' || typeof containerPort !== 'number') {
      throw invalid('containerName and containerPort must be specified for a load balancer.');
    }
    const tg = ctx.elb().getTargetGroup(tgArn);
    if (!tg) {
      throw invalid(
        'Unable to assume role and validate the specified targetGroupArn. Please verify that the ECS service role being passed has the proper permissions.',
      );
    }
    if (tg.loadBalancerArns.length === 0) {
      throw invalid(`The target group with targetGroupArn ${tgArn} does not have an associated load balancer.`);
    }
    const container = containers.find((c) => c['name'] === containerName);
    const ports = ((container?.['portMappings'] as Json[] | undefined) ?? []).map((pm) => pm['containerPort']);
    if (!container || !ports.includes(containerPort)) {
      throw invalid(`The container ${containerName} did not have a container port ${containerPort} defined.`);
    }
    if (networkMode === 'awsvpc' && tg.targetType !== 'ip') {
      throw invalid(
        `The provided target group ${tgArn} has target type ${tg.targetType}, which is incompatible with the awsvpc network mode specified in the task definition.`,
      );
    }
    if (networkMode !== 'awsvpc' && tg.targetType === 'ip' && networkMode !== 'host') {
      throw invalid(
        `The provided target group ${tgArn} has target type ip, which is incompatible with the ${networkMode} network mode specified in the task definition.`,
      );
    }
  }
}

export function validateServiceConfig(ctx: EcsContext, cfg: ServiceConfig): void {
  const networkMode = String(cfg.taskDef.body['networkMode'] ?? 'bridge');
  if (cfg.launchType !== undefined && cfg.capacityProviderStrategy !== undefined && cfg.capacityProviderStrategy.length > 0) {
    throw invalid('Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.');
  }
  if (cfg.launchType !== undefined && !['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES'].includes(cfg.launchType)) {
    throw invalid(`Invalid launch type: ${cfg.launchType}`);
  }
  const compat = (cfg.taskDef.body['compatibilities'] as string[] | undefined) ?? [];
  if (cfg.launchType === 'FARGATE' && !compat.includes('FARGATE')) {
    throw invalid('Task definition does not support launch_type FARGATE.');
  }
  validateNetwork(cfg, networkMode);
  if (cfg.role !== undefined && networkMode === 'awsvpc') {
    throw invalid('You cannot specify an IAM role for services that require a service linked role.');
  }
  validateLoadBalancers(ctx, cfg, networkMode);
}
