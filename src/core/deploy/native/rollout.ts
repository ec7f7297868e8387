/**
 * N2, N3: after the create or update of a BLUE_GREEN, LINEAR or CANARY service, find the service deployment it started
 * (find-deployment.ts) and follow it (follow.ts) to SUCCESSFUL, to the `wait-until` stage or to a PAUSE hook. An update
 * that started no deployment (a scale change), or a run that does not wait, goes the rolling way (rollout.ts).
 */
import { formatDuration } from '../../time.js';
import type { Failure } from '../outcome.js';
import { primaryDeploymentId, waitForRollout, type RolloutRequest, type RolloutResult } from '../rollout.js';
import type { ServiceChange } from '../service-change.js';
import type { WatchDeps } from '../watch/index.js';
import { findServiceDeployment } from './find-deployment.js';
import { followServiceDeployment, type FollowResult } from './follow.js';
import type { NativeRun } from './native-run.js';
import { shortId } from './progress.js';

export async function waitForNativeRollout(deps: WatchDeps, change: ServiceChange, req: RolloutRequest): Promise<RolloutResult> {
  const primary = primaryDeploymentId(change.service);
  const scale = req.before !== undefined && primary !== undefined && req.before.deploymentId === primary;
  if (scale || !req.waitForSteadyState) return waitForRollout(deps, change, req);
  const seen: RolloutResult = { change: 'deployment', ...(change.service !== undefined ? { service: change.service } : {}) };
  const started = deps.clock.now();
  const found = await findServiceDeployment(deps, {
    cluster: req.cluster,
    service: req.serviceName,
    taskDefinitionArn: req.taskDefinitionArn,
    changedAt: req.changedAt ?? started,
    preferredArn: change.service?.currentServiceDeployment,
    deadline: req.deadline,
    signal: req.signal,
    pollIntervalMs: req.pollIntervalMs,
  });
  const arn = found.found?.serviceDeploymentArn;
  if (arn === undefined) {
    const why = found.found === undefined ? found.why : 'ECS described the service deployment without its ARN';
    return { ...seen, failure: { reason: req.signal?.aborted === true ? 'cancelled' : 'error', message: why, stoppedTasks: [] } };
  }
  const until = req.waitUntil?.kind === 'stage' ? `lifecycle stage ${req.waitUntil.stage}` : 'its end';
  const followed = await deps.log.group(`Follow service deployment ${shortId(arn)} (${found.found?.deploymentConfiguration?.strategy ?? 'native'}) to ${until}`, () =>
    followServiceDeployment(deps, {
      cluster: req.cluster,
      service: req.serviceName,
      serviceDeploymentArn: arn,
      taskDefinitionArn: req.taskDefinitionArn,
      deadline: req.deadline,
      signal: req.signal,
      seenEventIds: req.seenEventIds,
      pollIntervalMs: req.pollIntervalMs,
      initial: found.found,
      ...(req.waitUntil !== undefined ? { waitUntil: req.waitUntil } : {}),
    }),
  );
  const result: RolloutResult = { ...seen, deploymentId: arn, waitMs: deps.clock.now() - started, native: nativeRun(arn, followed) };
  if (followed.service !== undefined) result.service = followed.service;
  if (!followed.ok) result.failure = followFailure(followed);
  else logEnd(deps, followed, result.waitMs ?? 0);
  return result;
}

/** What the run knows of the service deployment after following it. */
export function nativeRun(arn: string, f: FollowResult): NativeRun {
  const run: NativeRun = {
    serviceDeploymentArn: arn,
    status: f.deployment?.status,
    lifecycleStage: f.deployment?.lifecycleStage,
    ended: f.ok ? f.ended : f.reason,
    ecsRolledBack: !f.ok && f.ecsRolledBack,
  };
  if (f.ok && f.hook !== undefined) run.pausedHook = f.hook;
  return run;
}

export function followFailure(f: Extract<FollowResult, { ok: false }>): Failure {
  return { reason: f.reason, message: f.message, stoppedTasks: f.stoppedTasks };
}

function logEnd(deps: WatchDeps, f: Extract<FollowResult, { ok: true }>, waitMs: number): void {
  const arn = f.deployment.serviceDeploymentArn ?? '';
  if (f.ended === 'stage') {
    deps.log.info(`Service deployment ${shortId(arn)} reached lifecycle stage ${f.deployment.lifecycleStage ?? ''} after ${formatDuration(waitMs)}; ECS goes on with it.`);
  } else if (f.ended === 'paused') {
    deps.log.info(
      `Service deployment ${shortId(arn)} waits at ${f.deployment.lifecycleStage ?? 'a lifecycle stage'} on PAUSE hook ${f.hook?.hookId ?? ''}: ` +
        'continue it (or roll it back) with ecs-rolling mode: continue.',
    );
  }
}
