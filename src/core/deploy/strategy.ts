/**
 * N1: how a service is deployed is chosen from the service itself, as ECS will run it: its deployment controller
 * and, for the ECS controller, its deployment strategy (the live service's, or the service definition's for a
 * first deployment). The suite follows ECS ROLLING deployments; everything else is refused before any change with
 * a message naming what the service uses and what to do instead — a loud default, never a silent fallback.
 */
import type { CreateServiceCommandInput, Service } from '@aws-sdk/client-ecs';
import { ConfigurationError, type ErrorLocation } from '../errors.js';

export type DeployStrategy = 'rolling';

/** Why a controller or strategy is not followed, and what to use instead. */
const REFUSALS: Record<string, string> = {
  CODE_DEPLOY:
    'its deployments are run by AWS CodeDeploy (task sets), which this action does not drive: deploy it with a ' +
    'CodeDeploy deployment (e.g. aws-actions/amazon-ecs-deploy-task-definition with codedeploy-appspec), or ' +
    're-create the service with the ECS deployment controller and use ecs-bluegreen-swap for blue/green',
  EXTERNAL:
    'its task sets are managed by an external controller, which this action cannot replace: deploy it with that ' +
    'controller instead, or re-create the service with the ECS deployment controller',
  BLUE_GREEN:
    'ECS runs its own blue/green deployments (deploymentConfiguration.strategy), which ecs-rolling does not follow ' +
    'yet: use ecs-bluegreen-swap for a blue/green deployment across two services, or set the strategy to ROLLING',
  LINEAR:
    'ECS shifts its traffic linearly itself (deploymentConfiguration.strategy), which ecs-rolling does not follow ' +
    'yet: use ecs-canary for a canary beside the service, or set the strategy to ROLLING',
  CANARY:
    'ECS runs its own canary deployments (deploymentConfiguration.strategy), which ecs-rolling does not follow ' +
    'yet: use ecs-canary for a canary beside the service, or set the strategy to ROLLING',
};

/**
 * The strategy for `serviceName`: from the live ACTIVE service when there is one, else from the service definition
 * that will create it. Throws a ConfigurationError naming the controller or strategy otherwise.
 */
export function chooseDeployStrategy(
  serviceName: string,
  live: Service | undefined,
  definition: CreateServiceCommandInput | undefined,
): DeployStrategy {
  const source = live ?? definition;
  const where: ErrorLocation =
    live !== undefined ? { input: 'service' } : { input: 'service-definition', field: 'deploymentController' };
  const whose = live !== undefined ? `service ${serviceName}` : `the service definition of ${serviceName}`;
  const controller = source?.deploymentController?.type ?? 'ECS';
  if (controller !== 'ECS') throw refusal(`${whose} uses the ${controller} deployment controller`, controller, where);
  const strategy = source?.deploymentConfiguration?.strategy ?? 'ROLLING';
  if (strategy === 'ROLLING') return 'rolling';
  const at: ErrorLocation = live !== undefined ? where : { ...where, field: 'deploymentConfiguration.strategy' };
  throw refusal(`${whose} uses the ECS deployment strategy ${strategy}`, strategy, at);
}

function refusal(what: string, key: string, where: ErrorLocation): ConfigurationError {
  const why = REFUSALS[key] ?? `this action does not know the ${key} deployment type: it only runs ECS ROLLING deployments`;
  return new ConfigurationError(`${what}: ${why}. Nothing was changed.`, where);
}
