/** Clusters: DescribeClusters for one cluster (undefined when ECS reports it MISSING). Thin, like services.ts. */
import { DescribeClustersCommand } from '@aws-sdk/client-ecs';
import type { Cluster, ECSClient } from '@aws-sdk/client-ecs';
import { httpOptions, type AwsCallOptions } from '../aws/call-options.js';

export async function describeCluster(ecs: ECSClient, cluster: string, opts: AwsCallOptions = {}): Promise<Cluster | undefined> {
  const out = await ecs.send(new DescribeClustersCommand({ clusters: [cluster] }), httpOptions(opts));
  return out.clusters?.find((c) => c.status !== 'INACTIVE');
}
