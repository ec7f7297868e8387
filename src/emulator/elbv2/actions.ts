/**
 * Listener and rule actions and conditions, validated and stored in the form DescribeListeners/DescribeRules
 * return them: a forward action always carries a ForwardConfig, and also a TargetGroupArn when it forwards to
 * exactly one target group; path-pattern and host-header conditions carry both Values and their *Config.
 */
import { AwsServiceError } from '../contracts.js';
import { asStruct, missing, optInt, optStr, optStruct, reqStr, structList, validationError } from './params.js';
import type { Params } from './params.js';
import type { ElbStore, Json, LoadBalancerRec, TargetGroupRec } from './store.js';

const ACTION_TYPES = ['forward', 'redirect', 'fixed-response', 'authenticate-oidc', 'authenticate-cognito', 'jwt-validation'];
const ALB_PROTOCOLS = ['HTTP', 'HTTPS'];

export function normalizeActions(raw: Params[], store: ElbStore, lb: LoadBalancerRec): Json[] {
  if (raw.length === 0) throw missing('Actions');
  return raw.map((action) => normalizeAction(action, store, lb));
}

function normalizeAction(action: Params, store: ElbStore, lb: LoadBalancerRec): Json {
  const type = reqStr(action, 'Type');
  if (!ACTION_TYPES.includes(type)) {
    throw validationError(
      `1 validation error detected: Value '${type}' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [${ACTION_TYPES.join(', ')}]`,
    );
  }
  if (lb.type !== 'application' && type !== 'forward') {
    // Network (and gateway) load balancer listeners only forward: no redirects, fixed responses or authentication.
    throw new AwsServiceError('InvalidLoadBalancerAction', `Action type '${type}' is not supported by load balancers of type '${lb.type}'`);
  }
  const out: Json = { Type: type };
  const order = optInt(action, 'Order');
  if (order !== undefined) {
    if (order < 1 || order > 50000) throw validationError(`Action order '${order}' must be between 1 and 50000`);
    out['Order'] = order;
  }
  switch (type) {
    case 'forward':
      return { ...out, ...forward(action, store, lb) };
    case 'redirect':
      return { ...out, RedirectConfig: redirect(action) };
    case 'fixed-response':
      return { ...out, FixedResponseConfig: fixedResponse(action) };
    default: {
      const configName = Object.keys(action).find((k) => k.endsWith('Config'));
      return configName ? { ...out, [configName]: action[configName] } : out;
    }
  }
}

function forward(action: Params, store: ElbStore, lb: LoadBalancerRec): Json {
  const single = optStr(action, 'TargetGroupArn');
  const config = optStruct(action, 'ForwardConfig');
  const tuples = config ? structList(config, 'TargetGroups') : [];
  if (single === undefined && tuples.length === 0) {
    throw validationError('A target group ARN must be specified for a forward action');
  }
  if (single !== undefined && tuples.length > 0) {
    const arns = tuples.map((t) => optStr(t, 'TargetGroupArn'));
    if (arns.length !== 1 || arns[0] !== single) {
      throw validationError('You cannot specify both a target group ARN and a forward configuration with other target groups');
    }
  }
  if (tuples.length > 5) throw validationError('A forward action can have at most 5 target groups');
  const groups = (tuples.length > 0 ? tuples : [{ TargetGroupArn: single }]).map((tuple) => {
    const arn = reqStr(tuple as Params, 'TargetGroupArn');
    const weight = optInt(tuple as Params, 'Weight') ?? 1;
    if (weight < 0 || weight > 999) throw validationError(`Target group weight '${weight}' must be between 0 and 999`);
    return { TargetGroupArn: arn, Weight: weight };
  });
  if (lb.type !== 'application' && groups.length > 1) {
    // Weighted target groups are an Application Load Balancer feature (ELBv2's answer to a network one).
    throw validationError(`You cannot specify multiple target groups in a single action with a load balancer of type '${lb.type}'`);
  }
  const seen = new Set<string>();
  for (const g of groups) {
    if (seen.has(g.TargetGroupArn)) throw validationError(`Target group '${g.TargetGroupArn}' is specified more than once`);
    seen.add(g.TargetGroupArn);
    checkAttachable(store.targetGroup(g.TargetGroupArn), lb);
  }
  const stickiness = config ? optStruct(config, 'TargetGroupStickinessConfig') : undefined;
  const stickinessOut: Json = { Enabled: optStr(stickiness ?? {}, 'Enabled') === 'true' };
  const duration = stickiness ? optInt(stickiness, 'DurationSeconds') : undefined;
  if (duration !== undefined) stickinessOut['DurationSeconds'] = duration;
  const forwardConfig = { TargetGroups: groups, TargetGroupStickinessConfig: stickinessOut };
  const first = groups[0];
  return groups.length === 1 && first ? { TargetGroupArn: first.TargetGroupArn, ForwardConfig: forwardConfig } : { ForwardConfig: forwardConfig };
}

/** A target group serves one load balancer, with a protocol that load balancer type speaks. */
function checkAttachable(tg: TargetGroupRec, lb: LoadBalancerRec): void {
  const others = tg.loadBalancerArns.filter((arn) => arn !== lb.arn);
  if (others.length > 0) {
    throw new AwsServiceError(
      'TargetGroupAssociationLimit',
      `The following target groups cannot be associated with more than one load balancer: ${tg.arn}`,
    );
  }
  if (tg.targetType === 'lambda' || tg.protocol === undefined) return;
  const albGroup = ALB_PROTOCOLS.includes(tg.protocol);
  if ((lb.type === 'application') !== albGroup) {
    throw new AwsServiceError(
      'IncompatibleProtocols',
      `The target group '${tg.arn}' has protocol '${tg.protocol}', which is not supported by a load balancer of type '${lb.type}'`,
    );
  }
}

function redirect(action: Params): Json {
  const config = optStruct(action, 'RedirectConfig');
  if (!config) throw validationError('A redirect configuration must be specified for a redirect action');
  const statusCode = reqStr(config, 'StatusCode');
  if (statusCode !== 'HTTP_301' && statusCode !== 'HTTP_302') {
    throw validationError(`Redirect status code '${statusCode}' must be HTTP_301 or HTTP_302`);
  }
  return {
    Protocol: optStr(config, 'Protocol') ?? '#{protocol}',
    Port: optStr(config, 'Port') ?? '#{port}',
    Host: optStr(config, 'Host') ?? '#{host}',
    Path: optStr(config, 'Path') ?? '/#{path}',
    Query: optStr(config, 'Query') ?? '#{query}',
    StatusCode: statusCode,
  };
}

function fixedResponse(action: Params): Json {
  const config = optStruct(action, 'FixedResponseConfig');
  if (!config) throw validationError('A fixed response configuration must be specified for a fixed-response action');
  const statusCode = reqStr(config, 'StatusCode');
  if (!/^[245]\d\d$/.test(statusCode)) throw validationError(`Fixed response status code '${statusCode}' is not valid`);
  const out: Json = { StatusCode: statusCode };
  const body = optStr(config, 'MessageBody');
  const contentType = optStr(config, 'ContentType');
  if (body !== undefined) out['MessageBody'] = body;
  if (contentType !== undefined) out['ContentType'] = contentType;
  return out;
}

const CONDITION_FIELDS = ['host-header', 'path-pattern', 'http-header', 'http-request-method', 'query-string', 'source-ip'];
const VALUES_CONFIG: Record<string, string> = { 'host-header': 'HostHeaderConfig', 'path-pattern': 'PathPatternConfig' };

export function normalizeConditions(raw: Params[]): Json[] {
  return raw.map((condition) => {
    const field = reqStr(condition, 'Field');
    if (!CONDITION_FIELDS.includes(field)) throw validationError(`Condition field '${field}' is not supported`);
    const configName = VALUES_CONFIG[field];
    if (configName === undefined) {
      const out: Json = { Field: field };
      for (const [key, value] of Object.entries(condition)) if (key.endsWith('Config')) out[key] = value;
      return out;
    }
    const config = condition[configName] === undefined ? {} : asStruct(condition[configName], configName);
    const topValues = Array.isArray(condition['Values']) ? (condition['Values'] as unknown[]) : [];
    const configValues = Array.isArray(config['Values']) ? (config['Values'] as unknown[]) : [];
    if (topValues.length > 0 && configValues.length > 0) {
      throw validationError(`You cannot specify both 'Values' and '${configName}' for condition '${field}'`);
    }
    const values = (topValues.length > 0 ? topValues : configValues).map(String);
    if (values.length === 0) throw validationError(`A value must be specified for condition '${field}'`);
    return { Field: field, Values: values, [configName]: { Values: values } };
  });
}
