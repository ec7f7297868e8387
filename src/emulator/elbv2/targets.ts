/** RegisterTargets, DeregisterTargets, DescribeTargetHealth, and the ElbBackend ECS uses for its tasks. */
import { isIP } from 'node:net';
import type { ElbBackend, TargetGroupInfo } from '../contracts.js';
import { AwsServiceError } from '../contracts.js';
import type { ElbContext, ElbHandler } from './context.js';
import { optInt, optStr, reqStr, structList, validationError, missing } from './params.js';
import type { Params } from './params.js';
import { deregistrationDelayMs } from './target-group-defaults.js';
import { NOT_REGISTERED, settledState, targetHealthAt } from './target-health.js';
import type { TargetHealthView } from './target-health.js';
import type { ElbStore, Json, TargetGroupRec, TargetRec } from './store.js';
import { targetKey } from './store.js';

interface TargetRef {
  id: string;
  port: number;
  availabilityZone?: string;
}

function readTargets(tg: TargetGroupRec, params: Params): TargetRef[] {
  const targets = structList(params, 'Targets');
  return targets.map((t) => {
    const id = reqStr(t, 'Id');
    const port = optInt(t, 'Port') ?? tg.port;
    if (port === undefined) throw validationError(`A port must be specified for target '${id}'`);
    if (port < 1 || port > 65535) throw validationError(`Port '${port}' must be between 1 and 65535`);
    const ref: TargetRef = { id, port };
    const az = optStr(t, 'AvailabilityZone');
    if (az !== undefined) ref.availabilityZone = az;
    return ref;
  });
}

/** Current health; drops targets whose draining has finished. */
function healthOf(store: ElbStore, tg: TargetGroupRec, key: string): TargetHealthView | undefined {
  const t = tg.targets.get(key);
  if (!t) return undefined;
  const health = targetHealthAt(tg, t, store.clock.now());
  if (!health) tg.targets.delete(key);
  return health;
}

function register(store: ElbStore, tg: TargetGroupRec, ref: TargetRef, passes: boolean): void {
  const key = targetKey(ref.id, ref.port);
  const now = store.clock.now();
  const existing = tg.targets.get(key);
  if (existing && healthOf(store, tg, key) !== undefined && existing.deregisteredAt === undefined) {
    if (existing.passes !== passes) {
      existing.previous = tg.loadBalancerArns.length > 0 ? settledState(tg, existing, now) : 'initial';
      existing.passes = passes;
      existing.changedAt = now;
    }
    return;
  }
  const rec: TargetRec = { id: ref.id, port: ref.port, registeredAt: now, passes, changedAt: now, previous: 'initial' };
  const az = ref.availabilityZone ?? (tg.targetType === 'lambda' ? undefined : store.defaultZone);
  if (az !== undefined) rec.availabilityZone = az;
  tg.targets.set(key, rec);
}

function deregister(store: ElbStore, tg: TargetGroupRec, ref: { id: string; port: number }): void {
  const key = targetKey(ref.id, ref.port);
  const t = tg.targets.get(key);
  if (!t || t.deregisteredAt !== undefined || healthOf(store, tg, key) === undefined) return;
  if (tg.loadBalancerArns.length === 0) {
    tg.targets.delete(key); // nothing routes to an unused group: nothing to drain
    return;
  }
  t.deregisteredAt = store.clock.now();
  t.drainMs = deregistrationDelayMs(tg);
}

function describeTarget(tg: TargetGroupRec, t: { id: string; port: number; availabilityZone?: string }, health: TargetHealthView): Json {
  const target: Json = { Id: t.id, Port: t.port };
  if (t.availabilityZone !== undefined) target['AvailabilityZone'] = t.availabilityZone;
  return {
    Target: target,
    HealthCheckPort: tg.healthCheck.port === 'traffic-port' ? String(t.port) : tg.healthCheck.port,
    TargetHealth: health,
    AdministrativeOverride: {
      State: 'no_override',
      Reason: 'AdministrativeOverride.NoOverride',
      Description: 'No override is currently active on target',
    },
  };
}

export function targetHandlers(ctx: ElbContext): Record<string, ElbHandler> {
  const { store } = ctx;
  return {
    RegisterTargets: (params) => {
      const tg = store.targetGroup(reqStr(params, 'TargetGroupArn'));
      const refs = readTargets(tg, params);
      if (refs.length === 0) throw missing('Targets');
      if (tg.targetType === 'ip') {
        const bad = refs.find((r) => isIP(r.id) === 0);
        if (bad) throw validationError(`The IP address '${bad.id}' is not a valid IPv4 address`);
      }
      if (tg.targetType === 'instance') {
        const bad = refs.find((r) => !/^i-[0-9a-f]{8,17}$/.test(r.id));
        if (bad) throw new AwsServiceError('InvalidTarget', `The following instances do not exist: '${bad.id}'`);
      }
      for (const ref of refs) register(store, tg, ref, true);
      return {};
    },
    DeregisterTargets: (params) => {
      const tg = store.targetGroup(reqStr(params, 'TargetGroupArn'));
      const refs = readTargets(tg, params);
      if (refs.length === 0) throw missing('Targets');
      for (const ref of refs) deregister(store, tg, ref);
      return {};
    },
    DescribeTargetHealth: (params) => {
      const tg = store.targetGroup(reqStr(params, 'TargetGroupArn'));
      const asked = readTargets(tg, params);
      const descriptions: Json[] = [];
      if (asked.length > 0) {
        for (const ref of asked) {
          const key = targetKey(ref.id, ref.port);
          const health = healthOf(store, tg, key);
          const t = tg.targets.get(key);
          descriptions.push(health && t ? describeTarget(tg, t, health) : describeTarget(tg, ref, NOT_REGISTERED));
        }
      } else {
        for (const [key, t] of [...tg.targets]) {
          const health = healthOf(store, tg, key);
          if (health) descriptions.push(describeTarget(tg, t, health));
        }
      }
      return { TargetHealthDescriptions: descriptions };
    },
  };
}

function info(tg: TargetGroupRec): TargetGroupInfo {
  return {
    arn: tg.arn,
    name: tg.name,
    port: tg.port ?? 0,
    protocol: tg.protocol ?? 'lambda',
    targetType: tg.targetType,
    loadBalancerArns: [...tg.loadBalancerArns],
    healthCheckIntervalSeconds: tg.healthCheck.intervalSeconds,
    healthyThresholdCount: tg.healthCheck.healthyThreshold,
    unhealthyThresholdCount: tg.healthCheck.unhealthyThreshold,
  };
}

export function createElbBackend(store: ElbStore): Omit<ElbBackend, 'route' | 'setRouteWeights'> {
  return {
    getTargetGroup: (arn) => {
      const tg = store.targetGroups.get(arn);
      return tg ? info(tg) : undefined;
    },
    deregistrationDelayMs: (arn) => {
      const tg = store.targetGroups.get(arn);
      return tg ? deregistrationDelayMs(tg) : undefined;
    },
    registerTarget: (arn, target, healthy) => register(store, store.targetGroup(arn), target, healthy),
    deregisterTarget: (arn, target) => {
      const tg = store.targetGroups.get(arn);
      if (tg) deregister(store, tg, target);
    },
    targetHealth: (arn, target) => {
      const tg = store.targetGroups.get(arn);
      return tg ? healthOf(store, tg, targetKey(target.id, target.port))?.State : undefined;
    },
  };
}
