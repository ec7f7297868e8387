/**
 * N2, S6: the step log of a native deployment. Each lifecycle stage is printed once, when first seen (stages ECS went
 * through between two polls are printed too, marked as such); the target and
 * source revisions' task counts and requested traffic weights, each lifecycle hook's status and the deployment's
 * status when they change.
 */
import type { DeploymentLifecycleHookDetail, ServiceDeployment, ServiceRevisionSummary } from '@aws-sdk/client-ecs';
import type { Logger } from '../../io/logger.js';
import type { Clock } from '../../time.js';
import { ChangePrinter } from '../watch/fold.js';
import { LIFECYCLE_STAGES, stageIndex } from './stages.js';

export class NativeProgressPrinter {
  private readonly stages = new Set<string>();
  private readonly changes: ChangePrinter;

  /** @param stageLabel how a stage line starts: `Lifecycle stage`, or for a rollback being followed, what says so. */
  constructor(
    private readonly log: Logger,
    clock: Clock,
    private readonly stageLabel = 'Lifecycle stage',
  ) {
    this.changes = new ChangePrinter((line) => log.info(line), clock);
  }

  print(sd: ServiceDeployment): void {
    this.changes.print('status', `Service deployment ${shortId(sd.serviceDeploymentArn)}: ${sd.status ?? 'unknown'}${sd.statusReason ? ` (${sd.statusReason})` : ''}`);
    const stage = sd.lifecycleStage;
    if (stage !== undefined && !this.stages.has(stage)) {
      const forward = sd.status === 'IN_PROGRESS' || sd.status === 'SUCCESSFUL';
      if (forward) for (const passed of this.passedBetweenPolls(stage)) this.log.info(`${this.stageLabel}: ${passed} (passed between two polls)`);
      this.stages.add(stage);
      this.log.info(`${this.stageLabel}: ${stage}`);
    }
    if (sd.targetServiceRevision !== undefined) this.changes.print('target', revisionLine('Target (new) revision', sd.targetServiceRevision));
    for (const source of sd.sourceServiceRevisions ?? []) this.changes.print(`source ${source.arn ?? ''}`, revisionLine('Source revision', source));
    for (const hook of sd.lifecycleHookDetails ?? []) this.changes.print(`hook ${hook.hookId ?? ''}`, hookLine(hook));
  }

  /**
   * Stages ECS went through between two polls (a short stage in a fast deployment): those between the last stage
   * printed and `stage`, in ECS's order. Only after a first stage was seen; RECONCILE_SERVICE is not always run.
   */
  private passedBetweenPolls(stage: string): string[] {
    const last = Math.max(-1, ...[...this.stages].map(stageIndex));
    if (last < 0) return [];
    return LIFECYCLE_STAGES.slice(last + 1, Math.max(last + 1, stageIndex(stage))).filter((s) => s !== 'RECONCILE_SERVICE' && !this.stages.has(s));
  }

  /** The stages printed so far, in the order seen. */
  get seenStages(): readonly string[] {
    return [...this.stages];
  }
}

/** `Target (new) revision 8123: running 2, pending 0 of 2; traffic production 10%, test 100%` */
export function revisionLine(label: string, r: ServiceRevisionSummary): string {
  const weights: string[] = [];
  if (r.requestedProductionTrafficWeight !== undefined) weights.push(`production ${percent(r.requestedProductionTrafficWeight)}`);
  if (r.requestedTestTrafficWeight !== undefined) weights.push(`test ${percent(r.requestedTestTrafficWeight)}`);
  const counts = `running ${r.runningTaskCount ?? 0}, pending ${r.pendingTaskCount ?? 0} of ${r.requestedTaskCount ?? 0}`;
  return `${label} ${shortId(r.arn)}: ${counts}${weights.length > 0 ? `; traffic ${weights.join(', ')}` : ''}`;
}

/** `Lifecycle hook abc (PAUSE): AWAITING_ACTION, times out at 2026-… (then ROLLBACK)` */
export function hookLine(hook: DeploymentLifecycleHookDetail): string {
  const target = hook.targetArn !== undefined ? ` ${hook.targetArn}` : '';
  const expires = hook.expiresAt !== undefined && hook.status === 'AWAITING_ACTION' ? `, times out at ${hook.expiresAt.toISOString()}` : '';
  const then = expires !== '' && hook.timeoutAction !== undefined ? ` (then ${hook.timeoutAction})` : '';
  return `Lifecycle hook ${hook.hookId ?? '(no id)'} (${hook.targetType ?? 'AWS_LAMBDA'}${target}): ${hook.status ?? 'unknown'}${expires}${then}`;
}

function percent(weight: number): string {
  return `${Math.round(weight * 10) / 10}%`;
}

/** The last part of an ARN: `…/service-deployment/c/s/AbC` → `AbC`. */
export function shortId(arn: string | undefined): string {
  if (arn === undefined) return '(unknown)';
  return arn.slice(arn.lastIndexOf('/') + 1);
}
