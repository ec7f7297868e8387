/**
 * S3 for a native deployment, with what only the live service tells: ECS shifts the traffic of a BLUE_GREEN, LINEAR or
 * CANARY deployment through a load balancer (or Service Connect), so a service with neither is refused before the
 * first change. The rest of the deployment configuration is checked with the manifest (manifests/native-checks.ts).
 */
import type { CreateServiceCommandInput, Service } from '@aws-sdk/client-ecs';
import { ConfigurationError } from '../../errors.js';

export function checkNativeService(serviceName: string, live: Service | undefined, definition: CreateServiceCommandInput | undefined): void {
  const loadBalancers = definition?.loadBalancers ?? live?.loadBalancers ?? [];
  const serviceConnect = definition?.serviceConnectConfiguration?.enabled === true || live?.deployments?.some((d) => d.serviceConnectConfiguration?.enabled === true) === true;
  if (loadBalancers.length > 0 || serviceConnect) return;
  const strategy = definition?.deploymentConfiguration?.strategy ?? live?.deploymentConfiguration?.strategy ?? 'BLUE_GREEN';
  throw new ConfigurationError(
    `service ${serviceName} deploys with the ${strategy} strategy, whose traffic ECS shifts through a load balancer (or Service Connect), ` +
      'but it has none: add loadBalancers with their advancedConfiguration. Nothing was changed.',
    definition !== undefined ? { input: 'service-definition', field: 'loadBalancers' } : { input: 'service' },
  );
}
