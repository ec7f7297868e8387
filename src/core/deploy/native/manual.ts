/**
 * N4, `mode: rollback` of a BLUE_GREEN, LINEAR or CANARY service while one of its deployments is in progress: the
 * deployment is stopped with StopServiceDeployment (ROLLBACK) and the rollback followed to its end. With none in
 * progress, the caller redeploys the previous revision as for any service (R7).
 */
import type { Service } from '@aws-sdk/client-ecs';
import { stopServiceDeployment } from '../../ecs/service-deployments.js';
import type { ManualRollbackRequest } from '../manual-rollback.js';
import type { Outcome } from '../outcome.js';
import type { RollbackTarget } from '../rollback-target.js';
import type { RollingDeps } from '../rolling-plan.js';
import { followToOutcome } from './follow-outcome.js';
import { deploymentInProgress } from './in-progress.js';
import { shortId } from './progress.js';

export async function stopNativeInProgress(
  deps: RollingDeps,
  req: ManualRollbackRequest,
  live: Service,
): Promise<(Outcome & { target: RollbackTarget }) | undefined> {
  const found = await deploymentInProgress(deps, req.cluster, req.service);
  if (found === undefined) return undefined;
  const arn = found.serviceDeploymentArn;
  const back = found.sourceTaskDefinitionArn ?? 'the revision it ran before';
  const target: RollbackTarget = {
    taskDefinitionArn: found.sourceTaskDefinitionArn ?? found.taskDefinitionArn,
    why: `service deployment ${shortId(arn)} of ${found.taskDefinitionArn} was in progress: stopped, and ECS rolled back to ${back}`,
  };
  if (req.taskDefinitionArn !== undefined) {
    deps.log.warning(`task-definition-arn ${req.taskDefinitionArn} is not used: a deployment in progress is rolled back to its source revision.`);
  }
  await deps.log.group(`Stop service deployment ${shortId(arn)}`, async () => {
    deps.log.info(`Service deployment ${arn} is ${found.deployment.status ?? ''} at ${found.deployment.lifecycleStage ?? 'an unknown stage'}.`);
    deps.log.info('Rolling Back..: StopServiceDeployment (ROLLBACK).');
    await stopServiceDeployment(deps.ecs, arn);
  });
  const outcome = await followToOutcome(deps, {
    cluster: req.cluster,
    service: req.service,
    live,
    deployment: found,
    deadline: req.deadline,
    rollbackOnFailure: false,
    expect: 'rollback',
    pollIntervalMs: req.pollIntervalMs,
  });
  deps.log.info(outcome.status === 'succeeded' ? 'Rollback Successful.' : 'Rollback Failed.');
  return { ...outcome, target };
}
