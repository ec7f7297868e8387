/**
 * Issue 11 item 5: an UpdateService that keeps the task definition of the service's PRIMARY deployment, does not
 * force a new deployment and changes nothing that needs new tasks starts no deployment on ECS; the PRIMARY deployment
 * stays the one the service had (possibly one that FAILED in an earlier run) and is only scaled. Such an update is a
 * scale change: logged and reported as one, and waited on until the PRIMARY deployment runs the desired count with
 * nothing pending (waitForScale), without judging its rollout state — this run did not start it.
 */
import type { Deployment } from '@aws-sdk/client-ecs';
import { familyRevision } from '../ecs/task-definition-refs.js';
import type { RolloutRequest, RolloutResult, ServiceBefore } from './rollout.js';
import type { ServiceChange } from './service-change.js';
import { waitForScale, type WatchDeps } from './watch/index.js';

/** `no new deployment: only the desired count changed from 2 to 4`, or that nothing changed. */
export function scaleChangeDetail(before: number | undefined, set: number | undefined): string {
  if (set !== undefined && before !== undefined && set !== before) return `no new deployment: only the desired count changed from ${before} to ${set}`;
  return `no new deployment: nothing that starts one changed, and the desired count stays ${before ?? set ?? 'as it was'}`;
}

export async function waitForScaleChange(
  deps: WatchDeps,
  change: ServiceChange,
  req: RolloutRequest & { before: ServiceBefore },
  deploymentId: string,
): Promise<RolloutResult> {
  const { log } = deps;
  const detail = scaleChangeDetail(req.before.desiredCount, change.desiredCount);
  const seen: RolloutResult = { deploymentId, change: 'scale', changeDetail: detail, ...(change.service !== undefined ? { service: change.service } : {}) };
  const primary = change.service?.deployments?.find((d) => d.id === deploymentId);
  const count = change.service?.desiredCount ?? change.desiredCount ?? req.before.desiredCount;
  const sentence = `${detail.charAt(0).toUpperCase()}${detail.slice(1)}.`;
  if (!req.waitForSteadyState) {
    log.info(`${sentence} Not waiting for it to take effect (wait-for-steady-state: false).`);
    return seen;
  }
  log.info(`${sentence} Waiting until deployment ${deploymentId} of service ${req.serviceName} runs ${count ?? 'its desired count of'} tasks.`);
  const earlier = notJudged(primary);
  if (earlier !== undefined) log.info(earlier);
  const started = deps.clock.now();
  const waited = await log.group(`Wait for service ${req.serviceName} to run ${count ?? 'its desired count of'} tasks`, () =>
    waitForScale(deps, {
      cluster: req.cluster,
      service: req.serviceName,
      deploymentId,
      taskDefinitionArn: primary?.taskDefinition ?? req.taskDefinitionArn,
      deadline: req.deadline,
      seenEventIds: req.seenEventIds,
      ...(change.desiredCount !== undefined ? { desiredCount: change.desiredCount } : {}),
      ...(req.signal !== undefined ? { signal: req.signal } : {}),
      ...(req.pollIntervalMs !== undefined ? { pollIntervalMs: req.pollIntervalMs } : {}),
    }),
  );
  const result: RolloutResult = { ...seen, waitMs: deps.clock.now() - started };
  if (waited.service !== undefined) result.service = waited.service;
  if (!waited.ok) result.failure = { reason: waited.reason, message: waited.message, stoppedTasks: waited.stoppedTasks };
  return result;
}

/** A PRIMARY deployment that did not complete was started before this run: say that its state is not judged. */
function notJudged(primary: Deployment | undefined): string | undefined {
  const state = primary?.rolloutState;
  if (state === undefined || state === 'COMPLETED') return undefined;
  const td = primary?.taskDefinition !== undefined ? ` of ${familyRevision(primary.taskDefinition)}` : '';
  return `Its rollout state (${state}) comes from the deployment${td} that started it before this run: it is not judged, only the task counts are.`;
}
