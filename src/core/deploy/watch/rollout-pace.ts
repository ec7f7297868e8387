/**
 * How near the end of a rollout is, from what DescribeServices said (issue 17; the policy is src/core/poll/pace.ts):
 *
 * - our deployment not visible yet (read-after-write): near, it shows within a second;
 * - a task of ours stopped with an error (failedTasks > 0): near, the circuit breaker's verdict may come within
 *   seconds (or the tasks recover);
 * - none of its tasks running yet: idle since the deployment was created (a task start takes what it takes; the
 *   longer none has started, the less likely one starts in the next instant);
 * - some running, some not: near, the others started with them;
 * - all running, old tasks left and the service behind a load balancer whose target groups were read once: the end
 *   comes at the latest when the old targets finish draining, from ECS's own "has begun draining connections" event
 *   (or, before it, when all our tasks ran + the health checks that make a target healthy) + the deregistration delay
 *   (at the latest: ELB ends the draining of a target without in-flight requests at once, so never slower than the
 *   base interval before it);
 * - otherwise (all running, the old tasks stopping, the rollout being marked COMPLETED): near.
 */
import type { Deployment, Service } from '@aws-sdk/client-ecs';
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { describeTargetGroup } from '../../elb/index.js';
import type { PaceHint } from '../../poll/index.js';
import type { PollIo } from './service-poll.js';

const DRAINING_EVENT = /has begun draining connections/;

/** What the target groups of the service say about the end of a rollout: the longest of each. */
export interface DrainTiming {
  /** Interval × healthy threshold: how long a new target takes to become healthy. */
  healthyAfterMs: number;
  /** `deregistration_delay.timeout_seconds`: how long an old target drains. */
  drainMs: number;
}

export class RolloutPace {
  private allRunningSince: number | undefined;
  private timing: DrainTiming | undefined;
  private timingRead = false;

  constructor(private readonly elb: ElasticLoadBalancingV2Client | undefined) {}

  /**
   * The hint for this round; reads the service's target groups once, the first time they matter. `failedBefore`: a
   * task of this deployment failed earlier in the wait (ECS may have reset failedTasks since): until the tasks
   * recover (all running), the breaker's verdict may still come.
   */
  async hint(service: Service, ours: Deployment | undefined, io: PollIo, failedBefore = false): Promise<PaceHint> {
    if (ours === undefined) return { kind: 'near' };
    const desired = ours.desiredCount ?? 0;
    const running = ours.runningCount ?? 0;
    if ((ours.failedTasks ?? 0) > 0 || (failedBefore && running < desired)) return { kind: 'near' };
    if (running < desired) {
      this.allRunningSince = undefined;
      return running === 0 ? { kind: 'idle', since: ours.createdAt?.getTime() } : { kind: 'near' };
    }
    this.allRunningSince ??= io.now();
    // An older deployment stays listed until its last task stopped (its running count drops as soon as ECS asks its
    // tasks to stop, while they still drain).
    const oldLeft = (service.deployments ?? []).some((d) => d.id !== ours.id);
    if (!oldLeft || ours.rolloutState === 'COMPLETED') return { kind: 'near' };
    const timing = await this.readTiming(service, io);
    if (timing === undefined) return { kind: 'near' };
    const drainStart = drainingSince(service, ours);
    const at = drainStart !== undefined ? Math.min(drainStart, io.now()) + timing.drainMs : this.allRunningSince + timing.healthyAfterMs + timing.drainMs;
    // The delay is the longest a target drains: with no in-flight requests ELB deregisters it at once.
    return { kind: 'eta', at, latest: true };
  }

  private async readTiming(service: Service, io: PollIo): Promise<DrainTiming | undefined> {
    if (this.timingRead) return this.timing;
    this.timingRead = true;
    const arns = [...new Set((service.loadBalancers ?? []).map((lb) => lb.targetGroupArn).filter((a): a is string => a !== undefined))];
    if (this.elb === undefined || arns.length === 0) return undefined;
    try {
      let timing: DrainTiming = { healthyAfterMs: 0, drainMs: 0 };
      for (const arn of arns) {
        const tg = await describeTargetGroup(this.elb, arn, { signal: io.signal, onCall: io.onCall });
        const hc = tg.healthCheck;
        timing = {
          healthyAfterMs: Math.max(timing.healthyAfterMs, (hc.intervalSeconds ?? 0) * (hc.healthyThresholdCount ?? 0) * 1000),
          drainMs: Math.max(timing.drainMs, (tg.deregistrationDelaySeconds ?? 0) * 1000),
        };
      }
      this.timing = timing.drainMs > 0 ? timing : undefined;
    } catch {
      this.timing = undefined; // no prediction: the rollout is paced as "near"
    }
    return this.timing;
  }
}

/** When ECS began draining the old tasks of this rollout (its service event), if it has. */
function drainingSince(service: Service, ours: Deployment): number | undefined {
  const after = ours.createdAt?.getTime() ?? 0;
  const times = (service.events ?? [])
    .filter((e) => DRAINING_EVENT.test(e.message ?? '') && (e.createdAt?.getTime() ?? 0) >= after)
    .map((e) => e.createdAt?.getTime() ?? 0);
  return times.length === 0 ? undefined : Math.max(...times);
}
