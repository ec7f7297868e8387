/**
 * N4: rolling back a native deployment. One ECS is still carrying forward (a timeout or a cancellation of this run,
 * or `mode: rollback`) is stopped with StopServiceDeployment (ROLLBACK) and the rollback followed to its end. One
 * ECS rolled back by itself needs nothing more than the auto scaling resumed. Anything else (the update never got
 * through, or the deployment ended STOPPED or ROLLBACK_FAILED) is rolled back the rolling way (R6, auto-rollback.ts).
 */
import { classifyAwsError } from '../../aws/errors.js';
import { stopServiceDeployment } from '../../ecs/service-deployments.js';
import { describeService } from '../../ecs/services.js';
import { describeError } from '../../errors.js';
import { resumeAutoScaling } from '../../autoscaling/suspension.js';
import { rollBackFailedDeployment } from '../auto-rollback.js';
import type { Failure, Outcome } from '../outcome.js';
import type { DeploymentDone } from '../rolling.js';
import type { RollingDeps, RollingPlan } from '../rolling-plan.js';
import type { RollbackSnapshot } from '../snapshot.js';
import type { WatchDeps } from '../watch/index.js';
import { followServiceDeployment, type FollowRequest, type FollowResult } from './follow.js';
import type { NativeRun } from './native-run.js';
import { shortId } from './progress.js';

/** Where the rollback is followed: as a forward follow, without its stage and pause options. */
export type StopRequest = Omit<FollowRequest, 'waitUntil' | 'expect' | 'returnAtPause' | 'answeredHookIds'>;

/** StopServiceDeployment (ROLLBACK), then the rollback followed to ROLLBACK_SUCCESSFUL (success) or its failure. */
export async function stopAndFollow(deps: WatchDeps, req: StopRequest): Promise<FollowResult> {
  deps.log.info(`Stopping service deployment ${shortId(req.serviceDeploymentArn)}: StopServiceDeployment (ROLLBACK).`);
  try {
    // Not cut by the signal: one quick call, and once ECS has it the rollback completes even if the wait is abandoned.
    await stopServiceDeployment(deps.ecs, req.serviceDeploymentArn);
  } catch (e) {
    // ECS refuses to stop a deployment that has ended (ConflictException): what it ended as is followed below.
    if (classifyAwsError(e) !== 'fatal') throw e;
    deps.log.info(`ECS did not stop it: ${describeError(e)}`);
  }
  return followServiceDeployment(deps, { ...req, expect: 'rollback', returnAtPause: false });
}

/** R6 / N4 for a native deployment that failed, timed out or was cancelled. */
export async function rollBackNativeDeployment(
  deps: RollingDeps,
  plan: RollingPlan,
  snapshot: RollbackSnapshot,
  done: DeploymentDone,
  failure: Failure,
  outcome: Outcome,
): Promise<void> {
  const native = done.rollout.native;
  const stillGoing = native !== undefined && (native.ended === 'timeout' || native.ended === 'cancelled');
  if (native === undefined || (!native.ecsRolledBack && !stillGoing) || (stillGoing && !plan.rollbackOnFailure)) {
    if (stillGoing) deps.log.warning(`rollback-on-failure is false: ECS goes on with service deployment ${shortId(native.serviceDeploymentArn)}.`);
    return rollBackFailedDeployment(deps, plan, snapshot, done, await supersededOrAsIs(deps, plan, native, failure), outcome);
  }
  outcome.failureReason = failure.reason;
  outcome.cause = failure.message;
  outcome.stoppedTasks = failure.stoppedTasks;
  deps.log.info(`Deployment failed: ${failure.message}`);
  const started = deps.clock.now();
  await deps.log.group('Rollback', async () => {
    if (native.ecsRolledBack) {
      deps.log.info(`ECS rolled service ${plan.serviceName} back to its source revision (ROLLBACK_SUCCESSFUL).`);
      outcome.rolledBack = true;
      outcome.rollback = { status: 'succeeded', detail: 'ECS rolled the service back to the revision it ran before' };
      if (done.autoScalingSuspended) await resumeScaling(deps, snapshot);
      return;
    }
    deps.log.info('Rolling Back..');
    const rolled = await stopAndFollow(deps, {
      cluster: plan.cluster,
      service: plan.serviceName,
      serviceDeploymentArn: native.serviceDeploymentArn,
      taskDefinitionArn: outcome.taskDefinitionArn,
      deadline: plan.deadline,
      signal: deps.hardSignal,
      pollIntervalMs: plan.pollIntervalMs,
    });
    if (done.autoScalingSuspended) await resumeScaling(deps, snapshot);
    deps.log.info(rolled.ok ? 'Rollback Successful.' : `Rollback Failed. ${rolled.message}`);
    outcome.rolledBack = rolled.ok;
    outcome.rollback = rolled.ok
      ? { status: 'succeeded', detail: `service deployment ${shortId(native.serviceDeploymentArn)} was stopped and ECS rolled back to the revision it ran before` }
      : { status: rolled.reason === 'cancelled' ? 'abandoned' : 'failed', detail: rolled.message };
    if (!rolled.ok) {
      outcome.stoppedTasks = [...failure.stoppedTasks, ...rolled.stoppedTasks];
      outcome.cause = `${failure.message}\nRollback ${outcome.rollback.status}: ${rolled.message}`;
    }
  });
  outcome.timings.rollbackMs = deps.clock.now() - started;
}

/**
 * A deployment that ended STOPPED because a newer one superseded it (the service's currentServiceDeployment is another)
 * is `replaced`: the rolling rollback then leaves the service alone rather than undo the newer deployment.
 */
async function supersededOrAsIs(deps: RollingDeps, plan: RollingPlan, native: NativeRun | undefined, failure: Failure): Promise<Failure> {
  if (native?.status !== 'STOPPED') return failure;
  const live = await describeService(deps.ecs, plan.cluster, plan.serviceName).catch(() => undefined);
  const current = live?.currentServiceDeployment;
  if (current === undefined || current === native.serviceDeploymentArn) return failure;
  return { ...failure, reason: 'replaced', message: `${failure.message} (a newer service deployment, ${shortId(current)}, replaced it)` };
}

async function resumeScaling(deps: RollingDeps, snapshot: RollbackSnapshot): Promise<void> {
  try {
    await resumeAutoScaling(deps.autoscaling, snapshot.scalableTargets, deps.log);
  } catch (e) {
    deps.log.warning(`Resuming the auto scaling of service ${snapshot.service} failed: ${describeError(e)}`);
  }
}
