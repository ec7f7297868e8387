/**
 * Target group settings as AWS fills them in: health check defaults per protocol / target type, the attributes
 * DescribeTargetGroupAttributes lists, and the ranges ModifyTargetGroup(Attributes) accepts.
 */
import { optBool, optInt, optStr, optStruct, validationError } from './params.js';
import type { Params } from './params.js';
import type { HealthCheck, TargetGroupRec } from './store.js';

const HTTP_PROTOCOLS = ['HTTP', 'HTTPS'];

export function defaultHealthCheck(targetType: string, protocol: string | undefined): HealthCheck {
  if (targetType === 'lambda') {
    return { enabled: false, port: 'traffic-port', path: '/', intervalSeconds: 35, timeoutSeconds: 30, healthyThreshold: 5, unhealthyThreshold: 2, matcher: { HttpCode: '200' } };
  }
  if (protocol !== undefined && HTTP_PROTOCOLS.includes(protocol)) {
    return { enabled: true, protocol, port: 'traffic-port', path: '/', intervalSeconds: 30, timeoutSeconds: 5, healthyThreshold: 5, unhealthyThreshold: 2, matcher: { HttpCode: '200' } };
  }
  return { enabled: true, protocol: 'TCP', port: 'traffic-port', intervalSeconds: 30, timeoutSeconds: 10, healthyThreshold: 5, unhealthyThreshold: 2 };
}

function inRange(name: string, value: number | undefined, min: number, max: number): number | undefined {
  if (value !== undefined && (value < min || value > max)) {
    throw validationError(
      `1 validation error detected: Value '${value}' at '${name.charAt(0).toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must have value between ${min} and ${max}`,
    );
  }
  return value;
}

/** Applies the HealthCheck* parameters of CreateTargetGroup / ModifyTargetGroup onto `base`. */
export function applyHealthCheckParams(base: HealthCheck, params: Params, targetType: string): HealthCheck {
  const hc: HealthCheck = { ...base };
  const enabled = optBool(params, 'HealthCheckEnabled');
  if (enabled === false && targetType !== 'lambda') {
    throw validationError(`Health checks cannot be disabled for target groups with target type '${targetType}'`);
  }
  if (enabled !== undefined) hc.enabled = enabled;
  const protocol = optStr(params, 'HealthCheckProtocol');
  if (protocol !== undefined) {
    if (!['HTTP', 'HTTPS', 'TCP'].includes(protocol)) throw validationError(`Health check protocol '${protocol}' is not supported`);
    hc.protocol = protocol;
    if (HTTP_PROTOCOLS.includes(protocol)) {
      hc.path ??= '/';
      hc.matcher ??= { HttpCode: '200' };
    }
  }
  const port = optStr(params, 'HealthCheckPort');
  if (port !== undefined) {
    if (port !== 'traffic-port' && !(Number(port) >= 1 && Number(port) <= 65535)) {
      throw validationError(`Health check port '${port}' must be 'traffic-port' or a port between 1 and 65535`);
    }
    hc.port = port;
  }
  const path = optStr(params, 'HealthCheckPath');
  if (path !== undefined) {
    if (!path.startsWith('/')) throw validationError(`Health check path '${path}' must begin with a '/' character`);
    hc.path = path;
  }
  const interval = inRange('HealthCheckIntervalSeconds', optInt(params, 'HealthCheckIntervalSeconds'), 5, 300);
  if (interval !== undefined) hc.intervalSeconds = interval;
  const timeout = inRange('HealthCheckTimeoutSeconds', optInt(params, 'HealthCheckTimeoutSeconds'), 2, 120);
  if (timeout !== undefined) hc.timeoutSeconds = timeout;
  const healthy = inRange('HealthyThresholdCount', optInt(params, 'HealthyThresholdCount'), 2, 10);
  if (healthy !== undefined) hc.healthyThreshold = healthy;
  const unhealthy = inRange('UnhealthyThresholdCount', optInt(params, 'UnhealthyThresholdCount'), 2, 10);
  if (unhealthy !== undefined) hc.unhealthyThreshold = unhealthy;
  const matcher = optStruct(params, 'Matcher');
  if (matcher !== undefined) {
    const out: Record<string, unknown> = {};
    const httpCode = optStr(matcher, 'HttpCode');
    const grpcCode = optStr(matcher, 'GrpcCode');
    if (httpCode !== undefined) out['HttpCode'] = httpCode;
    if (grpcCode !== undefined) out['GrpcCode'] = grpcCode;
    hc.matcher = out;
  }
  if (hc.timeoutSeconds >= hc.intervalSeconds) {
    throw validationError(
      `Health check timeout '${hc.timeoutSeconds}' must be smaller than the interval '${hc.intervalSeconds}'`,
    );
  }
  return hc;
}

export function defaultAttributes(targetType: string, protocol: string | undefined): Map<string, string> {
  if (targetType === 'lambda') return new Map([['lambda.multi_value_headers.enabled', 'false']]);
  if (protocol !== undefined && HTTP_PROTOCOLS.includes(protocol)) {
    return new Map([
      ['deregistration_delay.timeout_seconds', '300'],
      ['stickiness.enabled', 'false'],
      ['stickiness.type', 'lb_cookie'],
      ['stickiness.lb_cookie.duration_seconds', '86400'],
      ['stickiness.app_cookie.cookie_name', ''],
      ['stickiness.app_cookie.duration_seconds', '86400'],
      ['slow_start.duration_seconds', '0'],
      ['load_balancing.algorithm.type', 'round_robin'],
      ['load_balancing.cross_zone.enabled', 'use_load_balancer_configuration'],
    ]);
  }
  return new Map([
    ['deregistration_delay.timeout_seconds', '300'],
    ['deregistration_delay.connection_termination.enabled', 'false'],
    ['stickiness.enabled', 'false'],
    ['stickiness.type', 'source_ip'],
    ['proxy_protocol_v2.enabled', 'false'],
    ['preserve_client_ip.enabled', targetType === 'ip' ? 'false' : 'true'],
    ['load_balancing.cross_zone.enabled', 'use_load_balancer_configuration'],
  ]);
}

const NUMERIC_ATTRIBUTE_RANGES: Record<string, [number, number]> = {
  'deregistration_delay.timeout_seconds': [0, 3600],
  'slow_start.duration_seconds': [0, 900],
  'stickiness.lb_cookie.duration_seconds': [1, 604800],
  'stickiness.app_cookie.duration_seconds': [1, 604800],
};

export function setAttribute(tg: TargetGroupRec, key: string, value: string): void {
  if (!tg.attributes.has(key)) throw validationError(`Target group attribute key '${key}' is not recognized`);
  const range = NUMERIC_ATTRIBUTE_RANGES[key];
  if (range) {
    const n = Number(value);
    if (value === '' || !Number.isInteger(n) || n < range[0] || n > range[1]) {
      throw validationError(`'${key}' must be a number between ${range[0]} and ${range[1]}`);
    }
  }
  if (key.endsWith('.enabled') && !['true', 'false', 'use_load_balancer_configuration'].includes(value)) {
    throw validationError(`'${key}' must be 'true' or 'false'`);
  }
  tg.attributes.set(key, value);
}

export function deregistrationDelayMs(tg: TargetGroupRec): number {
  return Number(tg.attributes.get('deregistration_delay.timeout_seconds') ?? '300') * 1000;
}
