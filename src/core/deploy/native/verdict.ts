/**
 * N2, N3: what one DescribeServiceDeployments answer means for the run following it. SUCCESSFUL is success;
 * ROLLBACK_SUCCESSFUL, ROLLBACK_FAILED and STOPPED end it as a failure (unless this run asked for the rollback);
 * ROLLBACK_REQUESTED, ROLLBACK_IN_PROGRESS and STOP_REQUESTED are followed to their end. A `wait-until` stage reached,
 * or a PAUSE hook awaiting action, ends the wait early. There is no FAILED status to wait for.
 */
import type { DeploymentLifecycleHookDetail, ServiceDeployment } from '@aws-sdk/client-ecs';
import { isTerminal, stageIndex, SUCCESS_STATUS, type WaitUntil } from './stages.js';
import { shortId } from './progress.js';

export interface VerdictOptions {
  waitUntil: WaitUntil;
  /** `rollback`: this run asked ECS to roll back (mode rollback, continue-action ROLLBACK): ROLLBACK_SUCCESSFUL is success. */
  expect: 'forward' | 'rollback';
  /** End the wait at a PAUSE hook awaiting action (hooks this run has just answered are ignored). */
  returnAtPause: boolean;
  answeredHookIds: ReadonlySet<string>;
}

export type NativeVerdict =
  | { kind: 'waiting' }
  | { kind: 'success'; ended: 'successful' | 'stage' | 'paused' | 'rolled-back'; hook?: DeploymentLifecycleHookDetail }
  | { kind: 'failure'; ecsRolledBack: boolean };

export function judgeServiceDeployment(sd: ServiceDeployment, o: VerdictOptions): NativeVerdict {
  const status = sd.status;
  if (status === SUCCESS_STATUS) return o.expect === 'forward' ? { kind: 'success', ended: 'successful' } : { kind: 'failure', ecsRolledBack: false };
  if (status === 'ROLLBACK_SUCCESSFUL') return o.expect === 'rollback' ? { kind: 'success', ended: 'rolled-back' } : { kind: 'failure', ecsRolledBack: true };
  if (isTerminal(status)) return { kind: 'failure', ecsRolledBack: false };
  if (status !== 'PENDING' && status !== 'IN_PROGRESS') return { kind: 'waiting' }; // unwinding: follow it to its end
  if (o.expect === 'rollback') return { kind: 'waiting' };
  if (o.waitUntil.kind === 'stage' && stageIndex(sd.lifecycleStage) >= stageIndex(o.waitUntil.stage)) return { kind: 'success', ended: 'stage' };
  const paused = o.returnAtPause ? awaitingHook(sd, o.answeredHookIds) : undefined;
  if (paused !== undefined) return { kind: 'success', ended: 'paused', hook: paused };
  return { kind: 'waiting' };
}

/** The PAUSE hook of `sd` that waits for ContinueServiceDeployment, other than those in `except`. */
export function awaitingHook(sd: ServiceDeployment, except: ReadonlySet<string> = new Set()): DeploymentLifecycleHookDetail | undefined {
  return (sd.lifecycleHookDetails ?? []).find((h) => h.status === 'AWAITING_ACTION' && !except.has(h.hookId ?? ''));
}

/** Hooks that failed or timed out: what made ECS roll back. */
export function failedHooks(sd: ServiceDeployment): DeploymentLifecycleHookDetail[] {
  return (sd.lifecycleHookDetails ?? []).filter((h) => h.status === 'FAILED' || h.status === 'TIMED_OUT');
}

/**
 * The failure as the step reports it: `service deployment AbC ended ROLLBACK_SUCCESSFUL at stage
 * POST_TEST_TRAFFIC_SHIFT: <statusReason>; rollback: <reason>; lifecycle hook h1 (AWS_LAMBDA arn:…) FAILED`.
 */
export function describeNativeFailure(sd: ServiceDeployment, hooks: readonly DeploymentLifecycleHookDetail[], stage: string | undefined): string {
  const parts = [`service deployment ${shortId(sd.serviceDeploymentArn)} ended ${sd.status ?? 'unknown'}${stage !== undefined ? ` at stage ${stage}` : ''}`];
  const details: string[] = [];
  if (sd.statusReason !== undefined && sd.statusReason !== '') details.push(sd.statusReason);
  if (sd.rollback?.reason !== undefined && sd.rollback.reason !== sd.statusReason) details.push(`rollback: ${sd.rollback.reason}`);
  for (const h of hooks) details.push(`lifecycle hook ${h.hookId ?? '(no id)'} (${h.targetType ?? 'AWS_LAMBDA'}${h.targetArn !== undefined ? ` ${h.targetArn}` : ''}) ${h.status ?? ''}`.trim());
  return details.length > 0 ? `${parts[0]}: ${details.join('; ')}` : (parts[0] ?? '');
}
