/**
 * The rolling deployment of one ECS service (R1–R6 of docs/contract.md): snapshot (R1) → task definition (register,
 * or a registered revision: S4) → create (R2) or update (R3–R5) → wait on the PRIMARY deployment (S7, S8), or on
 * the scale change when the update started none (scale-change.ts) → auto scaling → Outcome; on failure, timeout or
 * cancellation, the automatic rollback (R6, auto-rollback.ts).
 *
 * Auto scaling (R3): an update suspends the service's live auto scaling for the rollout; after a successful one the
 * scalable-target and scaling-policy manifests, when given, are applied as upserts, then scaling is resumed.
 * Nothing is deleted but the policies the manifests no longer name (auto-scaling-step.ts).
 *
 * Problems found before the service is changed (bad manifests, missing service definition, cancellation, a failed
 * registration) are thrown: there is nothing to roll back. Once the service has been touched, an Outcome is
 * always returned.
 */
import type { Service, UpdateServiceCommandInput } from '@aws-sdk/client-ecs';
import { bindAutoScaling } from '../autoscaling/apply.js';
import { suspendAutoScaling } from '../autoscaling/suspension.js';
import { ConfigurationError, describeError } from '../errors.js';
import { rollBackFailedDeployment } from './auto-rollback.js';
import { finishAutoScaling } from './auto-scaling-step.js';
import { waitForNativeRollout } from './native/rollout.js';
import { rollBackNativeDeployment } from './native/stop.js';
import type { Failure, Outcome } from './outcome.js';
import { primaryDeploymentId, waitForRollout, type RolloutResult, type ServiceBefore } from './rollout.js';
import { ROLLBACK_SHARE, type RollingDeps, type RollingPlan } from './rolling-plan.js';
import { formatDuration } from '../time.js';
import { checkRollbackTarget, logSnapshot, logSuccess, resolveTaskDefinitionArn, throwIfAborted } from './rolling-steps.js';
import { createStep, updateStep, type StepResult } from './service-change.js';
import { createOnlyFieldsIn, toCreateServiceInput, toUpdateServiceInput } from './service-request.js';
import { snapshotOf, type RollbackSnapshot } from './snapshot.js';

/** What the deployment did: the automatic rollback undoes exactly this. */
export interface DeploymentDone {
  /** The service's auto scaling was (or may have been) suspended before the update: it is to be resumed. */
  autoScalingSuspended: boolean;
  step: StepResult;
  rollout: RolloutResult;
}

/**
 * Deploys `plan` to the service described as `live` (undefined: ECS does not know it). `native`: the service runs ECS's
 * own BLUE_GREEN, LINEAR or CANARY deployments, followed as service deployments and stopped to roll back (N2–N4).
 */
export async function deployRolling(deps: RollingDeps, plan: RollingPlan, live: Service | undefined, native = false): Promise<Outcome> {
  const { log, clock } = deps;
  const startedAt = clock.now();
  const snapshot = await log.group(`Prepare rollback data for service ${plan.serviceName}`, async () => {
    const s = await snapshotOf(deps, plan.cluster, plan.serviceName, live);
    logSnapshot(log, s);
    return s;
  });
  validatePlan(plan, snapshot);
  const runningDefinition = await checkRollbackTarget(deps.ecs, snapshot, plan.rollbackOnFailure);
  const autoScaling = bindAutoScaling(plan.scalableTargets, plan.scalingPolicies, plan.cluster, plan.serviceName, plan.autoScalingSources);
  throwIfAborted(deps.signal, log, 'before the task definition was registered; nothing was changed');
  const taskDefinitionArn = await log.group('Task definition', () =>
    resolveTaskDefinitionArn(deps.ecs, plan.taskDefinition, log, plan.forceNewDeployment),
  );
  throwIfAborted(deps.signal, log, `after registering ${taskDefinitionArn}; the service was not changed`);

  const done = await changeAndWait(deps, plan, snapshot, taskDefinitionArn, beforeUpdate(snapshot, live), native);
  let failure = done.step.failure ?? done.rollout.failure;
  if (failure === undefined) failure = await finishAutoScaling(deps, plan, snapshot, autoScaling, done.autoScalingSuspended);
  const outcome = baseOutcome(plan, snapshot, taskDefinitionArn, done, failure === undefined, startedAt);
  if (runningDefinition !== undefined) outcome.previousTaskDefinition = runningDefinition;
  if (done.rollout.native !== undefined) outcome.native = done.rollout.native;
  if (failure !== undefined) await (native ? rollBackNativeDeployment : rollBackFailedDeployment)(deps, plan, snapshot, done, failure, outcome);
  else {
    if (done.rollout.waitMs !== undefined && done.rollout.service !== undefined) outcome.steadyService = done.rollout.service;
    logSuccess(log, plan.serviceName, taskDefinitionArn, done.rollout);
  }
  outcome.timings.finishedAt = clock.now();
  outcome.timings.totalMs = outcome.timings.finishedAt - startedAt;
  return outcome;
}

/** The service before an update (none for a create): an update that leaves its PRIMARY deployment is a scale change. */
function beforeUpdate(snapshot: RollbackSnapshot, live: Service | undefined): ServiceBefore | undefined {
  if (!snapshot.exists || live === undefined) return undefined;
  return { deploymentId: primaryDeploymentId(live), desiredCount: live.desiredCount };
}

/** The create or update step, then the wait on the deployment it started (or on its scale change). Errors become failures. */
async function changeAndWait(
  deps: RollingDeps,
  plan: RollingPlan,
  snapshot: RollbackSnapshot,
  taskDefinitionArn: string,
  before: ServiceBefore | undefined,
  native: boolean,
): Promise<DeploymentDone> {
  const signal = deps.signal !== undefined ? { signal: deps.signal } : {};
  const wait = {
    deadline: waitDeadline(deps, plan),
    seenEventIds: snapshot.seenEventIds,
    ...signal,
    ...(plan.pollIntervalMs !== undefined ? { pollIntervalMs: plan.pollIntervalMs } : {}),
  };
  const done: DeploymentDone = { autoScalingSuspended: false, step: { change: { changed: false, changedFields: [] } }, rollout: {} };
  const changedAt = deps.clock.now();
  try {
    done.step = snapshot.exists
      ? await updateStep(deps, updateInput(deps, plan, snapshot, taskDefinitionArn), async () => {
          if (!plan.suspendAutoScalingDuringUpdate) return;
          done.autoScalingSuspended = snapshot.scalableTargets.length > 0;
          await suspendAutoScaling(deps.autoscaling, snapshot.scalableTargets, deps.log);
        })
      : await createStep(deps, createInput(plan, taskDefinitionArn), { ...wait, draining: snapshot.draining });
    if (done.step.failure !== undefined) return done;
    done.rollout = await (native ? waitForNativeRollout : waitForRollout)(deps, done.step.change, {
      ...wait,
      cluster: plan.cluster,
      serviceName: plan.serviceName,
      taskDefinitionArn,
      waitForSteadyState: plan.waitForSteadyState,
      before,
      changedAt,
      waitUntil: plan.waitUntil,
    });
  } catch (e) {
    done.rollout = { ...done.rollout, failure: errorFailure(e) };
  }
  return done;
}

function createInput(plan: RollingPlan, taskDefinitionArn: string): ReturnType<typeof toCreateServiceInput> {
  if (plan.serviceDefinition === undefined) throw new Error('BUG: validatePlan lets no create through without a service definition');
  return toCreateServiceInput(plan.serviceDefinition, {
    cluster: plan.cluster,
    serviceName: plan.serviceName,
    taskDefinitionArn,
    desiredCountInput: plan.desiredCount,
  });
}

function updateInput(deps: RollingDeps, plan: RollingPlan, snapshot: RollbackSnapshot, taskDefinitionArn: string): ReturnType<typeof toUpdateServiceInput> {
  const input = toUpdateServiceInput(plan.serviceDefinition, {
    cluster: plan.cluster,
    service: plan.serviceName,
    taskDefinitionArn,
    desiredCountInput: plan.desiredCount,
    sameAsRunning: plan.sameAsRunning,
    forceNewDeployment: plan.forceNewDeployment,
  });
  forceForCapacityProviders(input, snapshot, deps.log);
  const ignored = createOnlyFieldsIn(plan.serviceDefinition);
  if (ignored.length > 0) deps.log.info(`Not updated (ECS sets them only at creation): ${ignored.join(', ')}`);
  deps.log.info(
    `Updating service ${plan.serviceName} to ${taskDefinitionArn}, desired count ` +
      `${input.desiredCount ?? `unchanged (${snapshot.desiredCount ?? '-'})`}, force new deployment ${String(input.forceNewDeployment)}`,
  );
  return input;
}

function baseOutcome(
  plan: RollingPlan,
  snapshot: RollbackSnapshot,
  taskDefinitionArn: string,
  done: DeploymentDone,
  ok: boolean,
  startedAt: number,
): Outcome {
  const outcome: Outcome = {
    status: !ok ? 'failed' : done.rollout.waitMs === undefined ? 'started' : 'succeeded',
    firstDeployment: !snapshot.exists && done.step.createdElsewhere !== true,
    taskDefinitionArn,
    service: { name: plan.serviceName },
    rolledBack: false,
    stoppedTasks: [],
    timings: { startedAt, finishedAt: startedAt, totalMs: 0 },
    snapshot,
  };
  if (snapshot.taskDefinitionArn !== undefined) outcome.previousTaskDefinitionArn = snapshot.taskDefinitionArn;
  const arn = (done.rollout.service ?? done.step.change.service)?.serviceArn ?? snapshot.serviceArn;
  if (arn !== undefined) outcome.service.arn = arn;
  if (done.rollout.deploymentId !== undefined) outcome.deploymentId = done.rollout.deploymentId;
  if (done.rollout.change !== undefined) outcome.change = done.rollout.change;
  if (done.rollout.changeDetail !== undefined) outcome.changeDetail = done.rollout.changeDetail;
  if (done.rollout.waitMs !== undefined) outcome.timings.waitMs = done.rollout.waitMs;
  return outcome;
}

/**
 * ECS applies a new capacity provider strategy (or a switch from a launch type to one) only with a new deployment
 * and refuses the update otherwise: force it, and say why.
 */
function forceForCapacityProviders(input: UpdateServiceCommandInput, snapshot: RollbackSnapshot, log: RollingDeps['log']): void {
  const wanted = input.capacityProviderStrategy;
  if (wanted === undefined || input.forceNewDeployment === true) return;
  const live = snapshot.serviceConfig.capacityProviderStrategy;
  const same = (a: typeof wanted): string => JSON.stringify(a.map((c) => [c.capacityProvider, c.weight ?? 0, c.base ?? 0]));
  if (live !== undefined && same(live) === same(wanted)) return;
  input.forceNewDeployment = true;
  log.info(
    live === undefined
      ? 'Forcing a new deployment: the service moves from a launch type to a capacity provider strategy, which ECS applies only with one.'
      : 'Forcing a new deployment: the capacity provider strategy changes, which ECS applies only with one.',
  );
}

/** The deployment's share of the deadline: all of it, or less the rollback's share when a failure is rolled back. */
function waitDeadline(deps: RollingDeps, plan: RollingPlan): RollingPlan['deadline'] {
  if (!plan.rollbackOnFailure) return plan.deadline;
  const reserve = Math.floor(plan.deadline.remainingMs() * ROLLBACK_SHARE);
  deps.log.info(`Waiting at most ${formatDuration(plan.deadline.remainingMs() - reserve)}; ${formatDuration(reserve)} of timeout-minutes is kept for a rollback.`);
  return plan.deadline.keeping(reserve);
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
  createInput(plan, 'validation-only');
}

function errorFailure(e: unknown): Failure {
  return { reason: 'error', message: describeError(e), stoppedTasks: [] };
}
