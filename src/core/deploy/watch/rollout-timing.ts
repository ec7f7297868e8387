/**
 * What a service tells about how long the end of a rollout may take (issue 17), read once per wait:
 * - its target groups: how long a new target takes to become healthy (interval × healthy threshold) and how long an
 *   old one drains at most (`deregistration_delay.timeout_seconds`);
 * - the old revision's containers: how long ECS gives them to exit once it stops them (`stopTimeout`, 30 s when the
 *   task definition does not set it, on Fargate and on the ECS agent's default alike), after which it kills them.
 * And when ECS began each step, from its own service events.
 */
import type { Deployment, ECSClient, Service } from '@aws-sdk/client-ecs';
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { describeTargetGroup } from '../../elb/index.js';
import { describeTaskDefinition } from '../../ecs/task-definitions.js';
import type { PollIo } from './service-poll.js';

/** ECS's stop timeout when a container definition sets none (SIGTERM, then SIGKILL 30 s later). */
export const DEFAULT_STOP_TIMEOUT_MS = 30_000;

const DRAINING_EVENT = /has begun draining connections/;
const DEREGISTERED_EVENT = /deregistered \d+ targets/;
const STOPPED_EVENT = /has stopped \d+ running tasks/;

/** What the target groups of the service say about the end of a rollout: the longest of each. */
export interface DrainTiming {
  /** Interval × healthy threshold: how long a new target takes to become healthy. */
  healthyAfterMs: number;
  /** `deregistration_delay.timeout_seconds`: how long an old target drains at most. */
  drainMs: number;
}

/** The service's target groups, read once: undefined when it has none, they cannot be read, or nothing drains. */
export async function readDrainTiming(
  elb: ElasticLoadBalancingV2Client | undefined,
  service: Service,
  io: PollIo,
): Promise<DrainTiming | undefined> {
  const arns = [...new Set((service.loadBalancers ?? []).map((lb) => lb.targetGroupArn).filter((a): a is string => a !== undefined))];
  if (elb === undefined || arns.length === 0) return undefined;
  try {
    let timing: DrainTiming = { healthyAfterMs: 0, drainMs: 0 };
    for (const arn of arns) {
      const tg = await describeTargetGroup(elb, arn, { signal: io.signal, onCall: io.onCall });
      const hc = tg.healthCheck;
      timing = {
        healthyAfterMs: Math.max(timing.healthyAfterMs, (hc.intervalSeconds ?? 0) * (hc.healthyThresholdCount ?? 0) * 1000),
        drainMs: Math.max(timing.drainMs, (tg.deregistrationDelaySeconds ?? 0) * 1000),
      };
    }
    return timing.drainMs > 0 ? timing : undefined;
  } catch {
    return undefined; // no prediction: the rollout is paced as "near"
  }
}

/**
 * The longest time ECS gives the old revisions' containers to exit once it stops their tasks: the largest
 * `stopTimeout` of their containers (30 s for a container that sets none). Undefined when it cannot be read.
 */
export async function readStopTimeoutMs(
  ecs: ECSClient | undefined,
  service: Service,
  ours: Deployment,
  io: PollIo,
): Promise<number | undefined> {
  const revisions = new Set((service.deployments ?? []).filter((d) => d.id !== ours.id).map((d) => d.taskDefinition));
  if (ecs === undefined || revisions.size === 0) return undefined;
  try {
    let longest = 0;
    for (const arn of revisions) {
      if (arn === undefined) return undefined;
      const td = await describeTaskDefinition(ecs, arn, { signal: io.signal, onCall: io.onCall });
      for (const c of td.containerDefinitions ?? []) longest = Math.max(longest, (c.stopTimeout ?? DEFAULT_STOP_TIMEOUT_MS / 1000) * 1000);
    }
    return longest > 0 ? longest : undefined;
  } catch {
    return undefined;
  }
}

/** When ECS last said, during this rollout, that it began draining the old targets. */
export function drainingSince(service: Service, ours: Deployment): number | undefined {
  return lastEvent(service, DRAINING_EVENT, ours.createdAt?.getTime() ?? 0);
}

/** When ECS said the targets it drained since `after` were deregistered (their drain ended, maybe before the delay). */
export function deregisteredSince(service: Service, after: number): number | undefined {
  return lastEvent(service, DEREGISTERED_EVENT, after);
}

/** When ECS last said, during this rollout, that it stopped running tasks (SIGTERM to their containers). */
export function stoppedSince(service: Service, ours: Deployment): number | undefined {
  return lastEvent(service, STOPPED_EVENT, ours.createdAt?.getTime() ?? 0);
}

function lastEvent(service: Service, pattern: RegExp, after: number): number | undefined {
  const times = (service.events ?? [])
    .filter((e) => pattern.test(e.message ?? '') && (e.createdAt?.getTime() ?? 0) >= after)
    .map((e) => e.createdAt?.getTime() ?? 0);
  return times.length === 0 ? undefined : Math.max(...times);
}
