/**
 * R7: manual rollback (`mode: rollback`): choose the revision (rollback-target.ts), say which and why, then deploy
 * it as a rolling update that keeps the live desired count. A native deployment in progress is stopped instead (N4,
 * native/manual.ts). A failure of the rollback itself is undone like any
 * failed deployment (R6, auto-rollback.ts).
 */
import type { RollbackTarget } from './rollback-target.js';
import { resolveManualRollbackTarget } from './rollback-target.js';
import { deployService } from './deploy.js';
import type { Outcome } from './outcome.js';
import type { RollingDeps } from './rolling-plan.js';
import { describeService } from '../ecs/services.js';
import type { Deadline } from '../time.js';
import { chooseDeployStrategy } from './strategy.js';
import { sameTaskDefinition } from '../ecs/task-definition-refs.js';
import { markRolledBackFrom } from './rollback-marks.js';
import { stopNativeInProgress } from './native/manual.js';

export interface ManualRollbackRequest {
  cluster: string;
  service: string;
  /** The `task-definition-arn` input, when given. */
  taskDefinitionArn?: string | undefined;
  deadline: Deadline;
  waitForSteadyState?: boolean;
  /** When the rollback itself fails, put the service back to where it was before it (default true). */
  rollbackOnFailure?: boolean;
  pollIntervalMs?: number;
}

/**
 * R7: resolves the target, says which and why, then deploys it as a rolling update that keeps the live desired
 * count: auto scaling suspended, UpdateService (forceNewDeployment), wait, auto scaling resumed as it was; a failure
 * restores the pre-rollback state like any deployment (R6).
 */
export async function rollbackService(deps: RollingDeps, req: ManualRollbackRequest): Promise<Outcome & { target: RollbackTarget }> {
  // N1: a service this suite cannot deploy is refused before anything is chosen or changed. Described once: the
  // choice of the target and the deployment use the same answer.
  const live = await describeService(deps.ecs, req.cluster, req.service);
  const strategy = chooseDeployStrategy(req.service, live?.status === 'ACTIVE' ? live : undefined, undefined);
  if (strategy === 'native' && live !== undefined) {
    const stopped = await stopNativeInProgress(deps, req, live);
    if (stopped !== undefined) return stopped;
  }
  const target = await deps.log.group(`Choose the task definition to roll back to`, async () => {
    const t = await resolveManualRollbackTarget(deps.ecs, req.cluster, req.service, req.taskDefinitionArn, { service: live });
    deps.log.info(`${t.why}.`);
    return t;
  });
  const outcome = await deployService(deps, {
    cluster: req.cluster,
    serviceName: req.service,
    taskDefinition: { kind: 'registered', ref: target.taskDefinitionArn, input: 'task-definition-arn' },
    sameAsRunning: true,
    forceNewDeployment: true,
    suspendAutoScalingDuringUpdate: true,
    scalableTargets: [],
    scalingPolicies: [],
    waitForSteadyState: req.waitForSteadyState ?? true,
    rollbackOnFailure: req.rollbackOnFailure ?? true,
    deadline: req.deadline,
    requireExistingService: true,
    ...(req.pollIntervalMs !== undefined ? { pollIntervalMs: req.pollIntervalMs } : {}),
  }, { service: live });
  const movedAway = outcome.previousTaskDefinitionArn;
  if (outcome.status === 'succeeded' && movedAway !== undefined && !sameTaskDefinition(movedAway, outcome.taskDefinitionArn)) {
    await markRolledBackFrom(deps, movedAway, req.service);
  }
  return { ...outcome, target };
}
