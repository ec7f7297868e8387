import type { Deployment, Service } from '@aws-sdk/client-ecs';
import { describeError } from '../../errors.js';
import { ProgressPrinter, formatDeploymentProgress } from './events.js';
import { pollService } from './service-poll.js';
import type { PollIo, PollObserver } from './service-poll.js';
import { StoppedTaskCollector, describeStop, formatStoppedTask, formatStoppedTasks, summarizeStoppedTasks } from './stopped-tasks.js';
import { RepeatFolder } from './fold.js';
import { RolloutPace } from './rollout-pace.js';
import type { StoppedTaskReason } from './stopped-tasks.js';
import { classifyAwsError } from '../../aws/errors.js';
import { judgeDeployment, judgeScale } from './verdict.js';
import type { DeploymentTarget, Verdict } from './verdict.js';
import type { ScaleRequest, StableRequest, WatchDeps, WatchRequest, WatchResult } from './watch-result.js';

/** How long a deployment id may be absent from DescribeServices before it counts as gone (read-after-write). */
const NOT_YET_VISIBLE_GRACE_MS = 10_000;

/**
 * Waits until the deployment `req.deploymentId` has rolled out with `req.taskDefinitionArn` (S8), printing new
 * service events and progress (S6), and explaining failures with stopped-task reasons (S9).
 */
export async function waitForDeployment(deps: WatchDeps, req: WatchRequest): Promise<WatchResult> {
  return pollService(deps, req, new DeploymentObserver(deps, req, { deploymentId: req.deploymentId, taskDefinitionArn: req.taskDefinitionArn }));
}

/**
 * Waits for a scale change (an update that started no new deployment) to take effect: the PRIMARY deployment
 * `req.deploymentId` runs the service's desired count with nothing pending. Its rollout state is not judged (it may
 * be FAILED from an earlier deployment); events, progress and the stopped tasks of tasks started since are shown.
 */
export async function waitForScale(deps: WatchDeps, req: ScaleRequest): Promise<WatchResult> {
  const target = { deploymentId: req.deploymentId, taskDefinitionArn: req.taskDefinitionArn };
  return pollService(deps, req, new DeploymentObserver(deps, req, target, { desiredCount: req.desiredCount }));
}

/** What the observer of a scale change knows: the count the update set (if any). */
interface ScaleWatch {
  desiredCount: number | undefined;
}

/**
 * Waits for whatever deployment is PRIMARY on the first poll to reach a steady state (for callers that do not
 * know the deployment id). Prefer waitForDeployment whenever the id is known.
 */
export async function waitForServiceStable(deps: WatchDeps, req: StableRequest): Promise<WatchResult> {
  return pollService(deps, req, new DeploymentObserver(deps, req, undefined));
}

class DeploymentObserver implements PollObserver {
  private readonly progress: ProgressPrinter;
  /** A crash loop stops a task every few seconds: the same reason is printed once, then counted (fold.ts). */
  private readonly stopsPrinter: RepeatFolder<StoppedTaskReason>;
  /** How near the end is, for the pacing of the polls (issue 17). */
  private readonly pace: RolloutPace;
  private target: DeploymentTarget | undefined;
  private collector: StoppedTaskCollector | undefined;
  private lastOurs: Deployment | undefined;
  private lastFailedTasks = 0;
  private everFailed = false;
  /** failedTasks went up and the stopped tasks have not been read successfully since. */
  private stoppedDirty = false;
  private stoppedUnavailable = false;
  /** The stopped tasks were read during the current poll (no need to read again to explain a failure). */
  private collectedThisPoll = false;
  /** A scale change: the service's desired count as last seen. */
  private lastWanted: number | undefined;
  /** A scale change: the stopped tasks that existed when the wait began are known (and never reported). */
  private baselined = false;

  constructor(
    private readonly deps: WatchDeps,
    private readonly req: StableRequest,
    target: DeploymentTarget | undefined,
    private readonly scale?: ScaleWatch,
  ) {
    this.progress = new ProgressPrinter(deps.log, deps.clock);
    this.stopsPrinter = new RepeatFolder((line) => deps.log.info(line), deps.clock, { one: formatStoppedTask, many: formatStoppedTasks });
    this.target = target;
    this.pace = new RolloutPace(deps.elb, deps.ecs, deps.reads);
  }

  waitingFor(): string {
    const which = this.target !== undefined ? `deployment ${this.target.deploymentId}` : 'the PRIMARY deployment';
    if (this.scale === undefined) return `${which} of service ${this.req.service} to reach a steady state`;
    const count = this.scale.desiredCount ?? this.lastWanted;
    return `${which} of service ${this.req.service} to run ${count ?? 'its desired count of'} tasks (a scale change; no new deployment)`;
  }

  lastSeen(): string | undefined {
    const d = this.lastOurs;
    if (d === undefined) return undefined;
    // A scale change is judged by counts only: the rollout state (maybe an earlier deployment's FAILED) is left out.
    return this.scale === undefined ? formatDeploymentProgress(d) : `desired ${d.desiredCount ?? 0}, pending ${d.pendingCount ?? 0}, running ${d.runningCount ?? 0}`;
  }

  async observe(service: Service | undefined, io: PollIo): Promise<WatchResult | undefined> {
    this.collectedThisPoll = false;
    if (service === undefined) {
      return this.fail('failed', `service ${this.req.service} does not exist in cluster ${this.req.cluster}`, undefined, io);
    }
    this.progress.print(service.deployments);
    const target = this.target ?? this.resolveTarget(service);
    if (target === undefined) return this.judgeWithoutDeployments(service, io);
    const ours = service.deployments?.find((d) => d.id === target.deploymentId);
    if (this.scale !== undefined && !this.baselined) await this.ignoreEarlierStops(target, ours, io);
    if (ours !== undefined) await this.noticeFailedTasks(ours, target, io);
    const verdict = this.judge(service, target, io);
    if (ours !== undefined) this.lastOurs = ours;
    if (verdict.kind === 'waiting') {
      io.pace(await this.pace.hint(service, ours, io, this.everFailed));
      return undefined;
    }
    if (verdict.kind === 'success') {
      return { ok: true, service, deployment: verdict.deployment, durationMs: io.now() - io.startedAt };
    }
    return this.fail(verdict.reason, verdict.message, service, io);
  }

  private judge(service: Service, target: DeploymentTarget, io: PollIo): Verdict {
    const graceOver = io.now() - io.startedAt >= NOT_YET_VISIBLE_GRACE_MS;
    if (this.scale === undefined) return judgeDeployment(service, target, { lastSeen: this.lastOurs, missingTooLong: graceOver });
    this.lastWanted = service.desiredCount;
    return judgeScale(service, target, { desiredCount: this.scale.desiredCount, settled: graceOver });
  }

  printHeld(all: boolean): void {
    if (all) this.stopsPrinter.flush();
    else this.stopsPrinter.tick();
  }

  async stoppedTasks(end: 'timeout' | 'cancelled', io: PollIo): Promise<StoppedTaskReason[]> {
    if (end === 'timeout' && !this.collectedThisPoll && (this.stoppedDirty || this.everFailed)) await this.collectStopped(io);
    return [...(this.collector?.all ?? [])];
  }

  /** waitForServiceStable: follow the PRIMARY deployment seen first. */
  private resolveTarget(service: Service): DeploymentTarget | undefined {
    const primary = service.deployments?.find((d) => d.status === 'PRIMARY');
    if (primary?.id === undefined || primary.taskDefinition === undefined) return undefined;
    this.target = { deploymentId: primary.id, taskDefinitionArn: primary.taskDefinition };
    return this.target;
  }

  /** Services without ECS deployments (external or CodeDeploy controllers): counts only. */
  private judgeWithoutDeployments(service: Service, io: PollIo): WatchResult | undefined {
    this.progress.printLine(
      'service',
      `Service ${service.serviceName ?? this.req.service}: desired ${service.desiredCount ?? 0}, pending ${service.pendingCount ?? 0}, running ${service.runningCount ?? 0}`,
    );
    const steady = service.status === 'ACTIVE' && (service.runningCount ?? 0) === (service.desiredCount ?? 0) && (service.pendingCount ?? 0) === 0;
    return steady ? { ok: true, service, deployment: {}, durationMs: io.now() - io.startedAt } : undefined;
  }

  /** S9: read stopped tasks only when failedTasks of our deployment went up (read budget). */
  private async noticeFailedTasks(ours: Deployment, target: DeploymentTarget, io: PollIo): Promise<void> {
    const failedTasks = ours.failedTasks ?? 0;
    if (failedTasks > this.lastFailedTasks) this.stoppedDirty = true;
    if (failedTasks > 0) this.everFailed = true;
    this.lastFailedTasks = failedTasks; // ECS resets it to 0 once a task runs
    this.ensureCollector(target, ours);
    if (this.stoppedDirty) await this.collectStopped(io);
  }

  private ensureCollector(target: DeploymentTarget, ours: Deployment | undefined): StoppedTaskCollector {
    const filter = {
      taskDefinitionArn: target.taskDefinitionArn,
      deploymentId: target.deploymentId,
      // Tasks created before our deployment belong to an earlier one (1 s of slack for clock rounding). A scale
      // change started no deployment: ignoreEarlierStops sets aside what stopped before it instead.
      createdNotBefore: this.scale === undefined && ours?.createdAt !== undefined ? ours.createdAt.getTime() - 1000 : undefined,
    };
    this.collector ??= new StoppedTaskCollector(this.deps.ecs, this.deps.log, this.req.cluster, this.req.service, filter, (r) =>
      this.stopsPrinter.offer(describeStop(r), r),
    );
    return this.collector;
  }

  /**
   * A scale change: the PRIMARY deployment's tasks that stopped before the wait (e.g. the crashes that made an earlier
   * run's deployment FAILED) are not this run's failure. One ListTasks sets them aside; retried next poll on error.
   */
  private async ignoreEarlierStops(target: DeploymentTarget, ours: Deployment | undefined, io: PollIo): Promise<void> {
    try {
      await this.ensureCollector(target, ours).ignoreExisting({ signal: io.signal, onCall: io.onCall });
      this.baselined = true;
    } catch (e) {
      this.readFailed(e, io);
      if (this.stoppedUnavailable) this.baselined = true;
    }
  }

  private async collectStopped(io: PollIo): Promise<void> {
    if (this.collector === undefined || this.stoppedUnavailable) return;
    try {
      await this.collector.collect({ signal: io.signal, onCall: io.onCall });
      this.stoppedDirty = false;
      this.collectedThisPoll = true;
    } catch (e) {
      this.readFailed(e, io);
    }
  }

  /** A read of the stopped tasks failed: retried on a later poll, or given up (and said) when AWS refuses it. */
  private readFailed(e: unknown, io: PollIo): void {
    if (io.signal?.aborted === true) return; // the loop reports the cancellation
    if (classifyAwsError(e) === 'fatal') {
      this.stoppedUnavailable = true;
      this.deps.log.warning(`Cannot read the stopped tasks of service ${this.req.service}: ${describeError(e)}`);
    } else {
      this.deps.log.debug(`Reading stopped tasks failed, will retry: ${describeError(e)}`);
    }
  }

  private async fail(
    reason: 'failed' | 'circuit-breaker' | 'replaced',
    message: string,
    service: Service | undefined,
    io: PollIo,
  ): Promise<WatchResult> {
    if (this.target !== undefined) this.ensureCollector(this.target, this.lastOurs);
    // One last read explains the failure, unless this poll just read the stopped tasks.
    if (!this.collectedThisPoll && (this.stoppedDirty || this.everFailed || reason !== 'replaced')) {
      await this.collectStopped(io);
    }
    const stoppedTasks = [...(this.collector?.all ?? [])];
    const summary = summarizeStoppedTasks(stoppedTasks);
    return {
      ok: false,
      reason,
      message: summary === '' ? message : `${message.replace(/\.$/, '')}. Stopped tasks: ${summary}`,
      stoppedTasks,
      ...(service !== undefined ? { service } : {}),
    };
  }
}
