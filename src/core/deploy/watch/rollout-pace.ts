/**
 * How near the end of a rollout is, from what DescribeServices said (issue 17; the policy is src/core/poll/pace.ts):
 *
 * - our deployment not visible yet (read-after-write): near, it shows within a second;
 * - a task of ours stopped with an error (failedTasks > 0): near, the circuit breaker's verdict may come within
 *   seconds (or the tasks recover);
 * - none of its tasks running yet: idle since the deployment was created (a task start takes what it takes; the
 *   longer none has started, the less likely one starts in the next instant);
 * - some running, some not: near, the others started with them;
 * - all running and old tasks left, behind a load balancer (its target groups read once): until ECS says the old
 *   targets were deregistered, the end comes at the latest when they finish draining — ECS's "has begun draining
 *   connections" event (or, before it, all our tasks running + the health checks that make a target healthy) + the
 *   deregistration delay; ELB ends the draining of a target without in-flight requests at once, so any moment before;
 * - all running and ECS has stopped the old tasks (its "has stopped N running tasks" event, or the end of their
 *   drain): they are gone at the latest when their containers' `stopTimeout` has passed (read once from the old
 *   revision; ECS then kills them), any moment before;
 * - otherwise (old tasks not stopped yet, nothing could be read, the rollout being marked COMPLETED): near.
 *
 * While the run's calls are being throttled (a busy account: many deployments at once) the waits poll no faster than
 * their base interval whatever the hint (pacer.ts), so the target groups and the old revision are not read then
 * (they would only add to the load; they are read once the account is quiet again).
 */
import type { Deployment, ECSClient, Service } from '@aws-sdk/client-ecs';
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { ReadLedger } from '../../aws/read-ledger.js';
import type { PaceHint } from '../../poll/index.js';
import type { PollIo } from './service-poll.js';
import { deregisteredSince, drainingSince, readDrainTiming, readStopTimeoutMs, stoppedSince } from './rollout-timing.js';
import type { DrainTiming } from './rollout-timing.js';

export class RolloutPace {
  private allRunningSince: number | undefined;
  private drain: { read: boolean; timing?: DrainTiming | undefined } = { read: false };
  private stop: { read: boolean; timeoutMs?: number | undefined } = { read: false };

  constructor(
    private readonly elb: ElasticLoadBalancingV2Client | undefined,
    private readonly ecs?: ECSClient | undefined,
    private readonly reads?: ReadLedger | undefined,
  ) {}

  /**
   * The hint for this round; reads the service's target groups and the old revision once each, the first time they
   * matter. `failedBefore`: a task of this deployment failed earlier in the wait (ECS may have reset failedTasks
   * since): until the tasks recover (all running), the breaker's verdict may still come.
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
    // An older deployment stays listed until its last task stopped.
    const oldLeft = (service.deployments ?? []).some((d) => d.id !== ours.id);
    if (!oldLeft || ours.rolloutState === 'COMPLETED') return { kind: 'near' };
    let stopStart = stoppedSince(service, ours);
    const timing = await this.drainTiming(service, io);
    if (timing !== undefined) {
      const drainStart = drainingSince(service, ours);
      if (drainStart === undefined) return { kind: 'eta', at: this.allRunningSince + timing.healthyAfterMs + timing.drainMs, latest: true };
      const drainEnd = Math.min(deregisteredSince(service, drainStart) ?? Infinity, Math.min(drainStart, io.now()) + timing.drainMs);
      if (io.now() < drainEnd) return { kind: 'eta', at: drainEnd, latest: true, since: drainStart };
      stopStart = drainEnd;
    }
    if (stopStart === undefined) return { kind: 'near' };
    const stopTimeoutMs = await this.stopTimeoutMs(service, ours, io);
    if (stopTimeoutMs === undefined) return { kind: 'near' };
    const since = Math.min(stopStart, io.now());
    return { kind: 'within', since, until: since + stopTimeoutMs };
  }

  private async drainTiming(service: Service, io: PollIo): Promise<DrainTiming | undefined> {
    if (!this.drain.read && !this.busy()) this.drain = { read: true, timing: await readDrainTiming(this.elb, service, io) };
    return this.drain.timing;
  }

  private async stopTimeoutMs(service: Service, ours: Deployment, io: PollIo): Promise<number | undefined> {
    if (!this.stop.read && !this.busy()) this.stop = { read: true, timeoutMs: await readStopTimeoutMs(this.ecs, service, ours, io) };
    return this.stop.timeoutMs;
  }

  private busy(): boolean {
    return this.reads?.throttledRecently() === true;
  }
}
