/**
 * N1: how a service is deployed is chosen from the service itself, as ECS will run it: its deployment controller,
 * its scheduling strategy and, for the ECS controller, its deployment strategy (the live service's, or the service
 * definition's for a first deployment). ROLLING is followed as a rolling deployment (R1–R8), BLUE_GREEN, LINEAR and
 * CANARY as ECS's own service deployments (`native`, N2–N4), a DAEMON service as a rolling one without a desired
 * count (N5). Other controllers are refused before any change with a message naming what the service uses and what
 * to do instead — a loud default, never a silent fallback.
 */
import type { CreateServiceCommandInput, Service } from '@aws-sdk/client-ecs';
import { ConfigurationError, type ErrorLocation } from '../errors.js';
import { isNativeStrategy } from './native/stages.js';

export type DeployStrategy = 'rolling' | 'native' | 'daemon';

/** Why a controller or strategy is not followed, and what to use instead. */
const REFUSALS: Record<string, string> = {
  CODE_DEPLOY:
    'its deployments are run by AWS CodeDeploy (task sets), which this action does not drive: deploy it with a ' +
    'CodeDeploy deployment (e.g. aws-actions/amazon-ecs-deploy-task-definition with codedeploy-appspec), or ' +
    're-create the service with the ECS deployment controller and use ecs-bluegreen-swap for blue/green',
  EXTERNAL:
    'its task sets are managed by an external controller, which this action cannot replace: deploy it with that ' +
    'controller instead, or re-create the service with the ECS deployment controller',
  DAEMON_NATIVE:
    'ECS runs BLUE_GREEN, LINEAR and CANARY deployments only for REPLICA services: set the strategy to ROLLING',
};

/**
 * The strategy for `serviceName`: from the live ACTIVE service when there is one, else from the service definition
 * that will create it; a definition's deploymentConfiguration.strategy wins, as the update applies it. Throws a ConfigurationError naming the controller or strategy otherwise.
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
  // An update applies the definition's strategy to the deployment it starts; the scheduling strategy never changes.
  const fromDefinition = definition?.deploymentConfiguration?.strategy;
  const strategy = fromDefinition ?? source?.deploymentConfiguration?.strategy ?? 'ROLLING';
  const daemon = source?.schedulingStrategy === 'DAEMON';
  const at: ErrorLocation =
    live !== undefined && fromDefinition === undefined ? where : { input: 'service-definition', field: 'deploymentConfiguration.strategy' };
  if (isNativeStrategy(strategy)) {
    if (daemon) throw refusal(`${whose} is a DAEMON service with the ECS deployment strategy ${strategy}`, 'DAEMON_NATIVE', at);
    return 'native';
  }
  if (strategy !== 'ROLLING') throw refusal(`${whose} uses the ECS deployment strategy ${strategy}`, strategy, at);
  return daemon ? 'daemon' : 'rolling';
}

function refusal(what: string, key: string, where: ErrorLocation): ConfigurationError {
  const why = REFUSALS[key] ?? `this action does not know the ${key} deployment type: it runs ECS ROLLING, BLUE_GREEN, LINEAR and CANARY deployments`;
  return new ConfigurationError(`${what}: ${why}. Nothing was changed.`, where);
}
