import type { Deployment, Service } from '@aws-sdk/client-ecs';
import { describeError } from '../../errors.js';
import { ProgressPrinter, formatDeploymentProgress } from './events.js';
import { pollService } from './service-poll.js';
import type { PollIo, PollObserver } from './service-poll.js';
import { StoppedTaskCollector, describeStop, formatStoppedTask, formatStoppedTasks, summarizeStoppedTasks } from './stopped-tasks.js';
import { RepeatFolder } from './fold.js';
import type { StoppedTaskReason } from './stopped-tasks.js';
import { classifyAwsError } from '../../aws/errors.js';
import { judgeDeployment } from './verdict.js';
import type { DeploymentTarget } from './verdict.js';
import type { StableRequest, WatchDeps, WatchRequest, WatchResult } from './watch-result.js';

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

  constructor(
    private readonly deps: WatchDeps,
    private readonly req: StableRequest,
    target: DeploymentTarget | undefined,
  ) {
    this.progress = new ProgressPrinter(deps.log, deps.clock);
    this.stopsPrinter = new RepeatFolder((line) => deps.log.info(line), deps.clock, { one: formatStoppedTask, many: formatStoppedTasks });
    this.target = target;
  }

  waitingFor(): string {
    const which = this.target !== undefined ? `deployment ${this.target.deploymentId}` : 'the PRIMARY deployment';
    return `${which} of service ${this.req.service} to reach a steady state`;
  }

  lastSeen(): string | undefined {
    return this.lastOurs !== undefined ? formatDeploymentProgress(this.lastOurs) : undefined;
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
    if (ours !== undefined) await this.noticeFailedTasks(ours, target, io);
    const verdict = judgeDeployment(service, target, {
      lastSeen: this.lastOurs,
      missingTooLong: io.now() - io.startedAt >= NOT_YET_VISIBLE_GRACE_MS,
    });
    if (ours !== undefined) this.lastOurs = ours;
    if (verdict.kind === 'waiting') return undefined;
    if (verdict.kind === 'success') {
      return { ok: true, service, deployment: verdict.deployment, durationMs: io.now() - io.startedAt };
    }
    return this.fail(verdict.reason, verdict.message, service, io);
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
      // Tasks created before our deployment belong to an earlier one (1 s of slack for clock rounding).
      createdNotBefore: ours?.createdAt !== undefined ? ours.createdAt.getTime() - 1000 : undefined,
    };
    this.collector ??= new StoppedTaskCollector(this.deps.ecs, this.deps.log, this.req.cluster, this.req.service, filter, (r) =>
      this.stopsPrinter.offer(describeStop(r), r),
    );
    return this.collector;
  }

  private async collectStopped(io: PollIo): Promise<void> {
    if (this.collector === undefined || this.stoppedUnavailable) return;
    try {
      await this.collector.collect({ signal: io.signal, onCall: io.onCall });
      this.stoppedDirty = false;
      this.collectedThisPoll = true;
    } catch (e) {
      if (io.signal?.aborted === true) return; // the loop reports the cancellation
      if (classifyAwsError(e) === 'fatal') {
        this.stoppedUnavailable = true;
        this.deps.log.warning(`Cannot read the stopped tasks of service ${this.req.service}: ${describeError(e)}`);
      } else {
        this.deps.log.debug(`Reading stopped tasks failed, will retry: ${describeError(e)}`);
      }
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
