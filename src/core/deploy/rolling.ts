/**
 * The rolling deployment of one ECS service (R1–R6 of docs/contract.md), reusable by the canary, blue/green and delegate actions:
 * snapshot (R1) → task definition (register, or an existing ARN: S4, R5) → create (R2) or update (R3, R4) → wait on
 * the PRIMARY deployment (S7, S8) → auto scaling → Outcome; on failure, timeout or cancellation, roll back (R6,
 * rolling-failure.ts).
 *
 * Auto scaling after a successful deployment: when scalable-target or scaling-policy manifests are given they are
 * applied (as Harness does); when none are given, the auto scaling the service had before is put back.
 *
 * Problems found before the service is changed (bad manifests, missing service definition, cancellation, a failed
 * registration) are thrown: there is nothing to roll back. Once the service has been touched, an Outcome is
 * always returned.
 */
import type {
  PutScalingPolicyCommandInput,
  RegisterScalableTargetCommandInput,
} from '@aws-sdk/client-application-auto-scaling';
import { CreateServiceCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import type { CreateServiceCommandInput } from '@aws-sdk/client-ecs';
import { applyAutoScaling, bindAutoScaling, removeAutoScaling, restoreAutoScaling } from '../autoscaling/apply.js';
import { randomUUID } from 'node:crypto';
import { classifyAwsError } from '../aws/errors.js';
import { ConfigurationError, describeError } from '../errors.js';
import type { Failure, Outcome, Progress } from './outcome.js';
import { primaryDeploymentId, watchDeps } from './rollback.js';
import { handleFailure } from './rolling-failure.js';
import { watchOf, type RollingDeps, type RollingPlan } from './rolling-plan.js';
import { logSnapshot, resolveTaskDefinition, throwIfAborted } from './rolling-steps.js';
import { createOnlyFieldsIn, toCreateServiceInput, toUpdateServiceInput } from './service-request.js';
import { RESTORABLE_SERVICE_FIELDS, takeSnapshot, type RollbackSnapshot } from './snapshot.js';

export type { FailureReason, Outcome } from './outcome.js';
export type { WatchFunctions } from './rollback.js';
export { MIN_ROLLBACK_TIMEOUT_MS } from './rolling-plan.js';
export type { RollingDeps, RollingPlan, TaskDefinitionSource } from './rolling-plan.js';

export async function deployRolling(deps: RollingDeps, plan: RollingPlan): Promise<Outcome> {
  const { log, clock } = deps;
  const startedAt = clock.now();
  throwIfAborted(deps.signal, log, 'before the deployment started; nothing was changed');
  const snapshot = await log.group(`Prepare rollback data for service ${plan.serviceName}`, async () => {
    const s = await takeSnapshot(deps, plan.cluster, plan.serviceName);
    logSnapshot(log, s);
    return s;
  });
  const first = !snapshot.exists;
  validatePlan(plan, snapshot);
  const autoScaling = bindAutoScaling(
    plan.scalableTargets,
    plan.scalingPolicies,
    plan.cluster,
    plan.serviceName,
    plan.autoScalingSources,
  );
  throwIfAborted(deps.signal, log, 'before the task definition was registered; nothing was changed');
  const taskDefinitionArn = await log.group('Task definition', () => resolveTaskDefinition(deps.ecs, plan.taskDefinition, log));
  throwIfAborted(deps.signal, log, `after registering ${taskDefinitionArn}; the service was not changed`);

  const progress: Progress = { autoScalingRemoved: false, serviceChanged: false, changedFields: [] };
  let failure: Failure | undefined;
  try {
    failure = await mutateAndWait(deps, plan, snapshot, taskDefinitionArn, progress);
    if (failure === undefined) {
      failure = await finishAutoScaling(deps, plan, snapshot, autoScaling.scalableTargets, autoScaling.scalingPolicies);
    }
  } catch (e) {
    failure = { reason: 'error', message: describeError(e), stoppedTasks: [] };
  }
  const outcome: Outcome = {
    status: failure === undefined ? 'succeeded' : 'failed',
    firstDeployment: first,
    taskDefinitionArn,
    service: { name: plan.serviceName },
    rolledBack: false,
    stoppedTasks: failure?.stoppedTasks ?? [],
    timings: { startedAt, finishedAt: startedAt, totalMs: 0 },
    snapshot,
  };
  if (snapshot.taskDefinitionArn !== undefined) outcome.previousTaskDefinitionArn = snapshot.taskDefinitionArn;
  const arn = progress.service?.serviceArn ?? snapshot.serviceArn;
  if (arn !== undefined) outcome.service.arn = arn;
  if (progress.deploymentId !== undefined) outcome.deploymentId = progress.deploymentId;
  if (progress.waitMs !== undefined) outcome.timings.waitMs = progress.waitMs;
  if (failure !== undefined) await handleFailure(deps, plan, snapshot, progress, failure, outcome);
  else {
    if (progress.waitMs !== undefined && progress.service !== undefined) outcome.steadyService = progress.service;
    log.info(`Deployment of ${taskDefinitionArn} to service ${plan.serviceName} succeeded.`);
  }
  outcome.timings.finishedAt = clock.now();
  outcome.timings.totalMs = outcome.timings.finishedAt - startedAt;
  return outcome;
}

/**
 * Sends the service mutation. A mutation whose answer was lost (a timeout or 5xx after the SDK's retries) may still
 * have been applied by ECS, so it counts as a change and a failure rolls it back (R6); only an error ECS answered
 * with a refusal (fatal: invalid parameter, access denied...) means nothing changed.
 */
async function sendChange<T>(progress: Progress, send: () => Promise<T>): Promise<T> {
  try {
    const out = await send();
    progress.serviceChanged = true;
    return out;
  } catch (e) {
    if (classifyAwsError(e) !== 'fatal') progress.serviceChanged = true;
    throw e;
  }
}

/** S3: what can be checked before the first mutating call. */
function validatePlan(plan: RollingPlan, snapshot: RollbackSnapshot): void {
  if (snapshot.exists) return;
  if (plan.requireExistingService === true) {
    throw new Error(`service ${plan.serviceName} is not ACTIVE in cluster ${plan.cluster}: there is nothing to roll back`);
  }
  if (plan.serviceDefinition === undefined) {
    throw new ConfigurationError(
      `service ${plan.serviceName} does not exist in cluster ${plan.cluster} yet, so a service definition is needed to create it`,
      { input: 'service-definition' },
    );
  }
  toCreateServiceInput(plan.serviceDefinition, {
    cluster: plan.cluster,
    serviceName: plan.serviceName,
    taskDefinitionArn: 'validation-only',
    desiredCountInput: plan.desiredCount,
  });
}

async function mutateAndWait(
  deps: RollingDeps,
  plan: RollingPlan,
  snapshot: RollbackSnapshot,
  taskDefinitionArn: string,
  progress: Progress,
): Promise<Failure | undefined> {
  const { log, ecs } = deps;
  const watch = watchOf(deps);
  const signal = deps.signal !== undefined ? { signal: deps.signal } : {};
  if (!snapshot.exists) {
    if (snapshot.draining) {
      const drained = await log.group(`Wait for the DRAINING service ${plan.serviceName} to become INACTIVE`, () =>
        watch.waitForServiceInactive(watchDeps(deps), {
          cluster: plan.cluster,
          service: plan.serviceName,
          deadline: plan.deadline,
          seenEventIds: snapshot.seenEventIds,
          ...signal,
          ...(plan.pollIntervalMs !== undefined ? { pollIntervalMs: plan.pollIntervalMs } : {}),
        }),
      );
      if (!drained.ok) {
        return { reason: drained.reason, message: `an earlier service ${plan.serviceName} is still DRAINING: ${drained.message}`, stoppedTasks: [] };
      }
    }
    const input = toCreateServiceInput(plan.serviceDefinition as CreateServiceCommandInput, {
      cluster: plan.cluster,
      serviceName: plan.serviceName,
      taskDefinitionArn,
      desiredCountInput: plan.desiredCount,
    });
    // The token makes the SDK's own retries of CreateService idempotent.
    const idempotent = { ...input, clientToken: input.clientToken ?? randomUUID() };
    const out = await log.group(`Create service ${plan.serviceName}`, async () => {
      log.info(`Creating service ${plan.serviceName} with ${taskDefinitionArn}, desired count ${input.desiredCount ?? '-'}`);
      return sendChange(progress, () => ecs.send(new CreateServiceCommand(idempotent)));
    });
    if (out.service !== undefined) progress.service = out.service;
  } else {
    const out = await log.group(`Update service ${plan.serviceName}`, async () => {
      progress.autoScalingRemoved = snapshot.scalableTargets.length + snapshot.scalingPolicies.length > 0;
      await removeAutoScaling(deps.autoscaling, snapshot, log);
      const input = toUpdateServiceInput(plan.serviceDefinition, {
        cluster: plan.cluster,
        service: plan.serviceName,
        taskDefinitionArn,
        desiredCountInput: plan.desiredCount,
        sameAsRunning: plan.sameAsRunning,
        forceNewDeployment: plan.forceNewDeployment || 'arn' in plan.taskDefinition,
      });
      progress.changedFields = RESTORABLE_SERVICE_FIELDS.filter((k) => input[k] !== undefined);
      const ignored = createOnlyFieldsIn(plan.serviceDefinition);
      if (ignored.length > 0) log.info(`Not updated (ECS sets them only at creation): ${ignored.join(', ')}`);
      log.info(
        `Updating service ${plan.serviceName} to ${taskDefinitionArn}, desired count ` +
          `${input.desiredCount ?? `unchanged (${snapshot.desiredCount ?? '-'})`}, force new deployment ${String(input.forceNewDeployment)}`,
      );
      return sendChange(progress, () => ecs.send(new UpdateServiceCommand(input)));
    });
    if (out.service !== undefined) progress.service = out.service;
  }
  const deploymentId = primaryDeploymentId(progress.service);
  if (deploymentId === undefined) return { reason: 'error', message: 'ECS returned no PRIMARY deployment to follow', stoppedTasks: [] };
  progress.deploymentId = deploymentId;
  if (!plan.waitForSteadyState) {
    log.info(`Not waiting for deployment ${deploymentId} to reach steady state (wait-for-steady-state: false).`);
    return undefined;
  }
  const waitStarted = deps.clock.now();
  const waited = await log.group(`Wait for deployment ${deploymentId} to reach steady state`, () =>
    watch.waitForDeployment(watchDeps(deps), {
      cluster: plan.cluster,
      service: plan.serviceName,
      deploymentId,
      taskDefinitionArn,
      deadline: plan.deadline,
      seenEventIds: snapshot.seenEventIds,
      ...signal,
      ...(plan.pollIntervalMs !== undefined ? { pollIntervalMs: plan.pollIntervalMs } : {}),
    }),
  );
  progress.waitMs = deps.clock.now() - waitStarted;
  if (waited.ok) {
    progress.service = waited.service;
    return undefined;
  }
  if (waited.service !== undefined) progress.service = waited.service;
  return { reason: waited.reason, message: waited.message, stoppedTasks: waited.stoppedTasks };
}

async function finishAutoScaling(
  deps: RollingDeps,
  plan: RollingPlan,
  snapshot: RollbackSnapshot,
  targets: RegisterScalableTargetCommandInput[],
  policies: PutScalingPolicyCommandInput[],
): Promise<Failure | undefined> {
  const { log } = deps;
  try {
    await log.group('Auto scaling', async () => {
      if (targets.length + policies.length > 0) {
        await applyAutoScaling(deps.autoscaling, targets, policies, plan.cluster, plan.serviceName, { log });
      } else if (snapshot.scalableTargets.length + snapshot.scalingPolicies.length > 0) {
        log.info('No auto scaling manifests given: putting back the auto scaling the service had before.');
        await restoreAutoScaling(deps.autoscaling, snapshot, log);
      } else {
        log.info('No auto scaling manifests given and none existed before: nothing to apply.');
      }
    });
    return undefined;
  } catch (e) {
    return { reason: 'auto-scaling', message: `applying auto scaling failed: ${describeError(e)}`, stoppedTasks: [] };
  }
}
