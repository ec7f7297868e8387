/**
 * Small steps of the rolling deployment (rolling.ts): logging the snapshot, the task definition, cancellation, and
 * the line that ends a run that did not fail.
 */
import type { ECSClient, TaskDefinition } from '@aws-sdk/client-ecs';
import { describeTaskDefinition, resolveTaskDefinition, type TaskDefinitionSource } from '../ecs/task-definitions.js';
import { CancelledError, ConfigurationError } from '../errors.js';
import type { Logger } from '../io/logger.js';
import type { RolloutResult } from './rollout.js';
import type { RollbackSnapshot } from './snapshot.js';
import { familyRevision } from '../ecs/task-definition-refs.js';

/**
 * When the workflow was cancelled, logs what state it leaves (`when`) and throws the signal's reason (the
 * runtime's CancelledError; a CancelledError when the reason is not an Error).
 */
export function throwIfAborted(signal: AbortSignal | undefined, log: Logger, when: string): void {
  if (signal?.aborted !== true) return;
  log.warning(`Cancelled ${when}.`);
  const reason: unknown = signal.reason;
  throw reason instanceof Error ? reason : new CancelledError('SIGINT');
}

export function logSnapshot(log: Logger, s: RollbackSnapshot): void {
  if (!s.exists) {
    const draining = s.draining ? ' A DRAINING service of that name must become INACTIVE first.' : '';
    log.info(`Service ${s.service} does not exist in cluster ${s.cluster}: this is its first deployment.${draining}`);
    return;
  }
  log.info(
    `Service ${s.service} is ACTIVE: task definition ${s.taskDefinitionArn ?? '-'}, desired count ` +
      `${s.desiredCount ?? '-'}, ${s.scalableTargets.length} scalable target(s), ${s.scalingPolicies.length} scaling policy(ies).`,
  );
  if (s.targetNote !== undefined) log.warning(`Service ${s.service}: ${s.targetNote}.`);
}

/**
 * S4/R5: a registered revision is checked with DescribeTaskDefinition (a read; a wrong reference fails before any
 * change) and returned as the full ARN; otherwise the task definition is registered. `forced`: the plan forces a
 * new deployment (ecs-rolling does for a registered revision; an in-place update such as a scale change does not).
 */
export async function resolveTaskDefinitionArn(ecs: ECSClient, source: TaskDefinitionSource, log: Logger, forced: boolean): Promise<string> {
  // ECS refuses to deploy a deregistered revision: refused here, before the service or its auto scaling is touched.
  const resolved = await resolveTaskDefinition(ecs, source, { inactive: 'refuse' });
  if (resolved.registered) {
    log.info(`Registered task definition ${resolved.label} (${resolved.arn}).`);
    return resolved.arn;
  }
  log.info(`Using task definition ${resolved.arn} (${source.kind === 'registered' ? source.input : 'task-definition-arn'}): registration skipped${forced ? ', a new deployment is forced' : ''}.`);
  return resolved.arn;
}

/**
 * R6 checked up front: a rollback goes back to the revision the service runs now. When that revision has been
 * deregistered, ECS would refuse the rollback after the service was changed, so with rollback-on-failure on the
 * deployment is refused before any change.
 */
export async function checkRollbackTarget(
  ecs: ECSClient,
  snapshot: RollbackSnapshot,
  rollbackOnFailure: boolean,
): Promise<TaskDefinition | undefined> {
  if (!snapshot.exists || !rollbackOnFailure || snapshot.taskDefinitionArn === undefined) return undefined;
  const running = await describeTaskDefinition(ecs, snapshot.taskDefinitionArn);
  if (running.status === undefined || running.status === 'ACTIVE') return running; // the summary reuses it (issue 17)
  const label = familyRevision(snapshot.taskDefinitionArn);
  throw new ConfigurationError(
    `service ${snapshot.service} runs task definition ${label}, which is ${running.status} (deregistered): a rollback ` +
      `to it would fail after the service was changed. Register ${label} again and deploy that revision first, or ` +
      'deploy with rollback-on-failure: false. Nothing was changed.',
    { input: 'rollback-on-failure' },
  );
}

/** The last line of a run that did not fail: a deployment, or a scale change (no new deployment), waited for or not. */
export function logSuccess(log: Logger, serviceName: string, taskDefinitionArn: string, rollout: RolloutResult): void {
  const waited = rollout.waitMs !== undefined;
  if (rollout.change !== 'scale') {
    log.info(
      waited
        ? `Deployment of ${taskDefinitionArn} to service ${serviceName} succeeded.`
        : `Deployment of ${taskDefinitionArn} to service ${serviceName} started; ECS goes on with it (not waited for).`,
    );
    return;
  }
  const count = rollout.service?.desiredCount;
  if (!waited) {
    log.info(`Scale change of service ${serviceName} started (desired count ${count ?? 'unchanged'}); ECS goes on with it (not waited for).`);
    return;
  }
  const primary = rollout.service?.deployments?.find((d) => d.id === rollout.deploymentId);
  const revision = familyRevision(primary?.taskDefinition ?? taskDefinitionArn);
  log.info(`Scale change of service ${serviceName} succeeded: it runs ${count ?? '?'} tasks of ${revision} (deployment ${rollout.deploymentId ?? '?'}).`);
}
