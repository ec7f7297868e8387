/** CreateTargetGroup, DescribeTargetGroups, ModifyTargetGroup, DeleteTargetGroup and target group attributes. */
import { AwsServiceError } from '../contracts.js';
import type { ElbContext, ElbHandler } from './context.js';
import { targetGroupArn } from './ids.js';
import { optInt, optStr, paginate, reqStr, strList, structList, validationError } from './params.js';
import type { Params } from './params.js';
import type { Json, TargetGroupRec } from './store.js';
import { applyTags, readTags } from './tags.js';
import { applyHealthCheckParams, defaultAttributes, defaultHealthCheck, setAttribute } from './target-group-defaults.js';

const PROTOCOLS = ['HTTP', 'HTTPS', 'TCP', 'TLS', 'UDP', 'TCP_UDP', 'GENEVE'];
const TARGET_TYPES = ['instance', 'ip', 'lambda', 'alb'] as const;

export function describeTargetGroup(tg: TargetGroupRec): Json {
  const hc = tg.healthCheck;
  const out: Json = {
    TargetGroupArn: tg.arn,
    TargetGroupName: tg.name,
    Protocol: tg.protocol,
    Port: tg.port,
    VpcId: tg.vpcId,
    HealthCheckProtocol: hc.protocol,
    HealthCheckPort: hc.port,
    HealthCheckEnabled: hc.enabled,
    HealthCheckIntervalSeconds: hc.intervalSeconds,
    HealthCheckTimeoutSeconds: hc.timeoutSeconds,
    HealthyThresholdCount: hc.healthyThreshold,
    UnhealthyThresholdCount: hc.unhealthyThreshold,
    HealthCheckPath: hc.path,
    Matcher: hc.matcher,
    LoadBalancerArns: tg.loadBalancerArns,
    TargetType: tg.targetType,
    ProtocolVersion: tg.protocolVersion,
    IpAddressType: tg.ipAddressType,
  };
  return out;
}

function validateName(name: string): void {
  if (name.length < 1 || name.length > 32) throw validationError(`Target group name '${name}' cannot be longer than '32' characters`);
  if (!/^[a-zA-Z0-9-]+$/.test(name) || name.startsWith('-') || name.endsWith('-')) {
    throw validationError(
      `Target group name '${name}' can only contain characters that are alphanumeric characters or hyphens(-), and must not begin or end with a hyphen`,
    );
  }
}

function buildTargetGroup(ctx: ElbContext, params: Params, name: string): TargetGroupRec {
  const typeRaw = optStr(params, 'TargetType') ?? 'instance';
  const targetType = TARGET_TYPES.find((t) => t === typeRaw);
  if (!targetType) throw validationError(`Target type '${typeRaw}' is not valid`);
  const protocol = optStr(params, 'Protocol');
  const port = optInt(params, 'Port');
  const vpcId = optStr(params, 'VpcId');
  if (targetType !== 'lambda') {
    if (protocol === undefined) throw validationError('A protocol must be specified');
    if (!PROTOCOLS.includes(protocol)) throw validationError(`Protocol '${protocol}' is not valid`);
    if (port === undefined) throw validationError('A port must be specified');
    if (port < 1 || port > 65535) throw validationError(`Port '${port}' must be between 1 and 65535`);
    if (vpcId === undefined) throw validationError('A VPC ID must be specified');
  } else if (protocol !== undefined || port !== undefined || vpcId !== undefined) {
    throw validationError('Protocol, port and VPC ID cannot be specified for target groups with target type lambda');
  }
  const tg: TargetGroupRec = {
    arn: targetGroupArn(ctx.scope, name),
    name,
    targetType,
    healthCheck: applyHealthCheckParams(defaultHealthCheck(targetType, protocol), params, targetType),
    attributes: defaultAttributes(targetType, protocol),
    targets: new Map(),
    loadBalancerArns: [],
  };
  if (protocol !== undefined) tg.protocol = protocol;
  if (port !== undefined) tg.port = port;
  if (vpcId !== undefined) tg.vpcId = vpcId;
  if (protocol === 'HTTP' || protocol === 'HTTPS') tg.protocolVersion = optStr(params, 'ProtocolVersion') ?? 'HTTP1';
  if (targetType !== 'lambda') tg.ipAddressType = optStr(params, 'IpAddressType') ?? 'ipv4';
  return tg;
}

/** Same settings (everything Describe shows except the ARN and usage) → CreateTargetGroup is idempotent. */
function sameSettings(a: TargetGroupRec, b: TargetGroupRec): boolean {
  const strip = (tg: TargetGroupRec): string => {
    const { TargetGroupArn: _arn, LoadBalancerArns: _lbs, ...rest } = describeTargetGroup(tg);
    return JSON.stringify(rest);
  };
  return strip(a) === strip(b);
}

export function targetGroupHandlers(ctx: ElbContext): Record<string, ElbHandler> {
  const { store } = ctx;

  const create: ElbHandler = (params) => {
    const name = reqStr(params, 'Name');
    validateName(name);
    const candidate = buildTargetGroup(ctx, params, name);
    const tags = readTags(params);
    const existing = [...store.targetGroups.values()].find((tg) => tg.name === name);
    if (existing) {
      if (!sameSettings(existing, candidate)) {
        throw new AwsServiceError('DuplicateTargetGroupName', `A target group with the same name '${name}' exists, but with different settings`);
      }
      return { TargetGroups: [describeTargetGroup(existing)] };
    }
    store.targetGroups.set(candidate.arn, candidate);
    if (tags.size > 0) applyTags(store, candidate.arn, tags);
    return { TargetGroups: [describeTargetGroup(candidate)] };
  };

  const describe: ElbHandler = (params) => {
    const lbArn = optStr(params, 'LoadBalancerArn');
    const arns = strList(params, 'TargetGroupArns');
    const names = strList(params, 'Names');
    if ([lbArn !== undefined, arns.length > 0, names.length > 0].filter(Boolean).length > 1) {
      throw validationError('Target group names, target group ARNs, and a load balancer ARN cannot be specified at the same time');
    }
    let found = [...store.targetGroups.values()];
    if (lbArn !== undefined) {
      store.loadBalancer(lbArn);
      found = found.filter((tg) => tg.loadBalancerArns.includes(lbArn));
    }
    if (arns.length > 0) {
      if (arns.some((arn) => !store.targetGroups.has(arn))) {
        throw new AwsServiceError('TargetGroupNotFound', 'One or more target groups not found');
      }
      found = found.filter((tg) => arns.includes(tg.arn));
    }
    if (names.length > 0) {
      if (names.some((n) => !found.some((tg) => tg.name === n))) {
        throw new AwsServiceError('TargetGroupNotFound', 'One or more target groups not found');
      }
      found = found.filter((tg) => names.includes(tg.name));
    }
    const { page, nextMarker } = paginate(found, params);
    return { TargetGroups: page.map(describeTargetGroup), NextMarker: nextMarker };
  };

  const modify: ElbHandler = (params) => {
    const tg = store.targetGroup(reqStr(params, 'TargetGroupArn'));
    tg.healthCheck = applyHealthCheckParams(tg.healthCheck, params, tg.targetType);
    return { TargetGroups: [describeTargetGroup(tg)] };
  };

  const remove: ElbHandler = (params) => {
    const arn = reqStr(params, 'TargetGroupArn');
    const tg = store.targetGroups.get(arn);
    if (!tg) return {};
    if (tg.loadBalancerArns.length > 0) {
      throw new AwsServiceError('ResourceInUse', `Target group '${arn}' is currently in use by a listener or a rule`);
    }
    store.targetGroups.delete(arn);
    store.tags.delete(arn);
    return {};
  };

  const attributesOf = (tg: TargetGroupRec): Json[] => [...tg.attributes].map(([Key, Value]) => ({ Key, Value }));

  return {
    CreateTargetGroup: create,
    DescribeTargetGroups: describe,
    ModifyTargetGroup: modify,
    DeleteTargetGroup: remove,
    DescribeTargetGroupAttributes: (params) => ({
      Attributes: attributesOf(store.targetGroup(reqStr(params, 'TargetGroupArn'))),
    }),
    ModifyTargetGroupAttributes: (params) => {
      const tg = store.targetGroup(reqStr(params, 'TargetGroupArn'));
      const updates = structList(params, 'Attributes').map((a) => [reqStr(a, 'Key'), optStr(a, 'Value') ?? ''] as const);
      if (updates.length === 0) throw validationError('At least one attribute must be specified');
      const trial = { ...tg, attributes: new Map(tg.attributes) };
      for (const [key, value] of updates) setAttribute(trial, key, value); // all or nothing
      tg.attributes = trial.attributes;
      return { Attributes: attributesOf(tg) };
    },
  };
}
