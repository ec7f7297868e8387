/**
 * N2: follows one service deployment of a BLUE_GREEN, LINEAR or CANARY service with the service watcher's loop
 * (deploy/watch: DescribeServices for the events, printed once each, S6), plus one DescribeServiceDeployments a round
 * for the lifecycle stage, the revisions' counts and weights and the hooks (progress.ts), judged by verdict.ts.
 * Stopped tasks of the new revision are read when the service's deployment of it counts more failed tasks (S9).
 */
import type { DeploymentLifecycleHookDetail, Service, ServiceDeployment } from '@aws-sdk/client-ecs';
import { describeServiceDeployments } from '../../ecs/service-deployments.js';
import { sameTaskDefinition } from '../../ecs/task-definition-refs.js';
import type { Deadline } from '../../time.js';
import { pollService, StoppedTaskCollector, summarizeStoppedTasks, type PollIo, type PollObserver, type StoppedTaskReason, type WatchDeps, type WatchResult } from '../watch/index.js';
import { NativeProgressPrinter } from './progress.js';
import { NativePace } from './native-pace.js';
import type { WaitUntil } from './stages.js';
import { describeNativeFailure, failedHooks, judgeServiceDeployment, type NativeVerdict, type VerdictOptions } from './verdict.js';

export interface FollowRequest {
  cluster: string;
  service: string;
  serviceDeploymentArn: string;
  /** The task definition of the target revision (stopped tasks of it explain a failure). */
  taskDefinitionArn: string;
  deadline: Deadline;
  signal?: AbortSignal | undefined;
  seenEventIds?: Iterable<string> | undefined;
  pollIntervalMs?: number | undefined;
  waitUntil?: WaitUntil;
  expect?: VerdictOptions['expect'];
  returnAtPause?: boolean;
  answeredHookIds?: ReadonlySet<string>;
  /** The deployment as already read (when it was found): printed first, so a short first stage is not missed. */
  initial?: ServiceDeployment | undefined;
}

export type FollowResult =
  | { ok: true; ended: 'successful' | 'stage' | 'paused' | 'rolled-back'; deployment: ServiceDeployment; hook?: DeploymentLifecycleHookDetail; service?: Service }
  | {
      ok: false;
      reason: 'failed' | 'timeout' | 'cancelled';
      message: string;
      stoppedTasks: StoppedTaskReason[];
      /** ECS itself rolled the service back to the source revision (ROLLBACK_SUCCESSFUL). */
      ecsRolledBack: boolean;
      deployment?: ServiceDeployment;
      service?: Service;
    };

export async function followServiceDeployment(deps: WatchDeps, req: FollowRequest): Promise<FollowResult> {
  const observer = new NativeObserver(deps, req);
  const result = await pollService(deps, { ...req }, observer);
  return observer.result(result);
}

class NativeObserver implements PollObserver {
  private readonly printer: NativeProgressPrinter;
  private readonly options: VerdictOptions;
  private last: ServiceDeployment | undefined;
  private verdict: NativeVerdict = { kind: 'waiting' };
  private readonly hooksFailed = new Map<string, DeploymentLifecycleHookDetail>();
  /** The stage where the deployment was when it started to unwind (or ended). */
  private failedAt: string | undefined;
  private collector: StoppedTaskCollector | undefined;
  private failedTasks = 0;
  /** How near the end is, for the pacing of the polls (issue 17). */
  private readonly pace = new NativePace();

  constructor(
    private readonly deps: WatchDeps,
    private readonly req: FollowRequest,
  ) {
    this.printer = new NativeProgressPrinter(deps.log, deps.clock, req.expect === 'rollback' ? 'Lifecycle stage during the rollback' : 'Lifecycle stage');
    this.options = {
      waitUntil: req.waitUntil ?? { kind: 'deployed' },
      expect: req.expect ?? 'forward',
      returnAtPause: req.returnAtPause ?? true,
      answeredHookIds: req.answeredHookIds ?? new Set(),
    };
    if (req.initial !== undefined) {
      this.printer.print(req.initial);
      this.last = req.initial;
    }
  }

  waitingFor(): string {
    const until = this.options.waitUntil.kind === 'stage' ? `to reach lifecycle stage ${this.options.waitUntil.stage}` : 'to end';
    return `service deployment ${this.req.serviceDeploymentArn} of service ${this.req.service} ${until}`;
  }

  lastSeen(): string | undefined {
    const d = this.last;
    return d === undefined ? undefined : `status ${d.status ?? 'unknown'}, lifecycle stage ${d.lifecycleStage ?? 'unknown'}`;
  }

  async observe(service: Service | undefined, io: PollIo): Promise<WatchResult | undefined> {
    if (service === undefined) {
      return { ok: false, reason: 'failed', message: `service ${this.req.service} does not exist in cluster ${this.req.cluster}`, stoppedTasks: [] };
    }
    io.onCall('DescribeServiceDeployments');
    const [sd] = await describeServiceDeployments(this.deps.ecs, [this.req.serviceDeploymentArn], { signal: io.signal });
    if (sd === undefined) return undefined; // not yet visible (read-after-write)
    this.printer.print(sd);
    for (const h of failedHooks(sd)) this.hooksFailed.set(h.hookId ?? '', h);
    const ongoing = sd.status === 'IN_PROGRESS' || sd.status === 'PENDING';
    if (!ongoing) this.failedAt ??= this.last?.lifecycleStage ?? sd.lifecycleStage;
    this.last = sd;
    await this.noticeFailedTasks(service, io);
    this.verdict = judgeServiceDeployment(sd, this.options);
    if (this.verdict.kind === 'waiting') {
      io.pace(this.pace.hint(sd, service, this.options.waitUntil, this.failedTasks > 0, io.now()));
      return undefined;
    }
    if (this.verdict.kind === 'success') return { ok: true, service, deployment: {}, durationMs: io.now() - io.startedAt };
    await this.collect(io);
    return { ok: false, reason: 'failed', message: this.failureMessage(sd), stoppedTasks: [...(this.collector?.all ?? [])], service };
  }

  async stoppedTasks(): Promise<StoppedTaskReason[]> {
    return [...(this.collector?.all ?? [])];
  }

  /** The watcher's result, with what this observer saw of the service deployment. */
  result(r: WatchResult): FollowResult {
    const sd = this.last;
    if (r.ok && sd !== undefined && this.verdict.kind === 'success') {
      const ok: FollowResult = { ok: true, ended: this.verdict.ended, deployment: sd, service: r.service };
      if (this.verdict.hook !== undefined) ok.hook = this.verdict.hook;
      return ok;
    }
    const failed = r.ok ? { message: 'BUG: success without a verdict', stoppedTasks: [] } : r;
    return {
      ok: false,
      reason: r.ok || r.reason === 'circuit-breaker' || r.reason === 'replaced' ? 'failed' : r.reason,
      message: failed.message,
      stoppedTasks: failed.stoppedTasks,
      ecsRolledBack: this.verdict.kind === 'failure' && this.verdict.ecsRolledBack,
      ...(sd !== undefined ? { deployment: sd } : {}),
      ...(!r.ok && r.service !== undefined ? { service: r.service } : {}),
    };
  }

  private failureMessage(sd: ServiceDeployment): string {
    if (this.options.expect === 'rollback' && sd.status === 'SUCCESSFUL') {
      return `service deployment ${this.req.serviceDeploymentArn} completed (SUCCESSFUL) before the rollback took effect`;
    }
    const message = describeNativeFailure(sd, [...this.hooksFailed.values()], this.failedAt);
    const summary = summarizeStoppedTasks(this.collector?.all ?? []);
    return summary === '' ? message : `${message}. Stopped tasks: ${summary}`;
  }

  /** S9: the stopped tasks of the new revision, read when the service's deployment of it counts more failed tasks. */
  private async noticeFailedTasks(service: Service, io: PollIo): Promise<void> {
    const ours = service.deployments?.find((d) => sameTaskDefinition(d.taskDefinition, this.req.taskDefinitionArn));
    const failed = ours?.failedTasks ?? 0;
    const more = failed > this.failedTasks;
    this.failedTasks = failed;
    if (more) await this.collect(io);
  }

  private async collect(io: PollIo): Promise<void> {
    const createdAt = this.last?.createdAt?.getTime();
    this.collector ??= new StoppedTaskCollector(this.deps.ecs, this.deps.log, this.req.cluster, this.req.service, {
      taskDefinitionArn: this.req.taskDefinitionArn,
      createdNotBefore: createdAt !== undefined ? createdAt - 1000 : undefined,
    });
    try {
      await this.collector.collect({ signal: io.signal, onCall: io.onCall });
    } catch (e) {
      if (io.signal?.aborted !== true) this.deps.log.debug(`Reading stopped tasks failed: ${String(e)}`);
    }
  }
}
