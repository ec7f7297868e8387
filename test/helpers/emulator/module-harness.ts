/**
 * Calls emulator service modules directly, the way the server does after decoding a request: Query-protocol
 * parameters arrive with every scalar as a string (as parseQueryBody gives them), JSON ones as sent.
 */
import type { AutoScalingBackend, CloudWatchBackend, ElbBackend, EcsBackend, LogsBackend, ServiceModule, World } from '../../../src/emulator/contracts.js';
import { AwsServiceError } from '../../../src/emulator/contracts.js';
import { ManualSimClock } from './manual-sim-clock.js';

/** Numbers and booleans become strings, recursively: what an AWS Query request carries. */
export function asQueryParams(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asQueryParams);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asQueryParams(v)]));
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value;
}

export interface FakeWorldOptions {
  clock?: ManualSimClock;
  activeServices?: Set<string>;
  /** Desired counts by resource id (`service/<cluster>/<service>`) that the fake ECS reports and the scaling changes. */
  desiredCounts?: Map<string, number>;
  autoscaling?: AutoScalingBackend;
}

export function fakeWorld(
  options: FakeWorldOptions = {},
): World & { clock: ManualSimClock; activeServices: Set<string>; desiredCounts: Map<string, number> } {
  const clock = options.clock ?? new ManualSimClock();
  const activeServices = options.activeServices ?? new Set<string>();
  const desiredCounts = options.desiredCounts ?? new Map<string, number>();
  const unused = (name: string) => () => {
    throw new Error(`fake world: ${name} not provided to this test`);
  };
  const ecs: EcsBackend = {
    serviceExists: (resourceId) => activeServices.has(resourceId),
    desiredCount: (resourceId) => (activeServices.has(resourceId) ? (desiredCounts.get(resourceId) ?? 0) : undefined),
    setDesiredCount: (resourceId, count) => {
      desiredCounts.set(resourceId, count);
    },
  };
  const elb: ElbBackend = {
    getTargetGroup: unused('elb.getTargetGroup'),
    deregistrationDelayMs: unused('elb.deregistrationDelayMs'),
    registerTarget: unused('elb.registerTarget'),
    deregisterTarget: unused('elb.deregisterTarget'),
    targetHealth: unused('elb.targetHealth'),
    route: unused('elb.route'),
    setRouteWeights: unused('elb.setRouteWeights'),
  };
  const logs: LogsBackend = { hasGroup: unused('logs.hasGroup'), createGroup: unused('logs.createGroup'), append: unused('logs.append') };
  const autoscaling: AutoScalingBackend = options.autoscaling ?? { runAlarmAction: unused('autoscaling.runAlarmAction') };
  const cloudwatch: CloudWatchBackend = { alarm: unused('cloudwatch.alarm') };
  return { region: 'us-east-1', accountId: '123456789012', clock, taskStartMs: 1000, elb, logs, ecs, autoscaling, cloudwatch, activeServices, desiredCounts };
}

/** Invokes `operation` on `module`; throws if the module does not implement it. */
export function invoke<T = Record<string, unknown>>(module: ServiceModule, world: World, operation: string, params: object = {}): T {
  const handler = module.operations[operation];
  if (!handler) throw new Error(`${module.service} does not implement ${operation}`);
  return handler(params as Record<string, unknown>, world) as T;
}

/** The AwsServiceError `fn` throws (fails the test if it does not throw one). */
export function awsError(fn: () => unknown): AwsServiceError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AwsServiceError) return err;
    throw err;
  }
  throw new Error('expected an AwsServiceError, but the call succeeded');
}
