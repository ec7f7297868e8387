import { DescribeServicesCommand } from '@aws-sdk/client-ecs';
import type { ECSClient, Service } from '@aws-sdk/client-ecs';
import { httpOptions } from '../aws/call-options.js';
import { EcsFailureError } from './call-options.js';
import type { EcsCallOptions } from './call-options.js';

/**
 * DescribeServices for one service. Returns the service whatever its status (ACTIVE, DRAINING, INACTIVE), with its
 * deployments and its most recent events (ECS returns up to 100, newest first), or undefined when ECS reports it
 * MISSING. Other `failures` entries throw EcsFailureError; SDK errors (ClusterNotFoundException...) propagate.
 */
export async function describeServiceAnyStatus(
  ecs: ECSClient,
  cluster: string,
  service: string,
  opts: EcsCallOptions = {},
): Promise<Service | undefined> {
  opts.onCall?.('DescribeServices');
  const out = await ecs.send(new DescribeServicesCommand({ cluster, services: [service] }), httpOptions(opts));
  const found = out.services?.[0];
  if (found !== undefined) return found;
  const failure = out.failures?.[0];
  if (failure === undefined || failure.reason === 'MISSING') return undefined;
  throw new EcsFailureError('DescribeServices', failure);
}

/** Like describeServiceAnyStatus, but an INACTIVE service (deleted, still listed for a while) is undefined too. */
export async function describeService(
  ecs: ECSClient,
  cluster: string,
  service: string,
  opts: EcsCallOptions = {},
): Promise<Service | undefined> {
  const found = await describeServiceAnyStatus(ecs, cluster, service, opts);
  return found?.status === 'INACTIVE' ? undefined : found;
}
