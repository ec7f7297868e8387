/**
 * Clusters: CreateCluster, DescribeClusters, ListClusters, DeleteCluster, PutClusterCapacityProviders and the
 * implicit `default` cluster (which has no capacity providers until PutClusterCapacityProviders gives it some).
 */
import { AwsServiceError } from '../contracts.js';
import { checkRemovable, readAssociation } from './capacity-providers.js';
import { arns, lastSegment, type EcsContext } from './context.js';
import { clean, invalid, optList, optObj, optStr, paginate, reqStr, strList } from './params.js';
import type { ClusterRec, Json } from './state.js';
import { readTags } from './tags.js';

const NAME = /^[a-zA-Z0-9_-]{1,255}$/;

function newCluster(ctx: EcsContext, name: string, p: Json = {}): ClusterRec {
  const configuration = optObj(p, 'configuration');
  return {
    name,
    arn: arns.cluster(ctx, name),
    status: 'ACTIVE',
    createdAt: ctx.clock.now(),
    tags: readTags(p),
    settings: clean(optList<Json>(p, 'settings') ?? [{ name: 'containerInsights', value: 'disabled' }]),
    ...(configuration ? { configuration: clean(configuration) } : {}),
    ...readAssociation(p),
  };
}

export function ensureDefaultCluster(ctx: EcsContext): void {
  if (!ctx.state.clusters.has('default')) ctx.state.clusters.set('default', newCluster(ctx, 'default'));
}

/** Resolves a `cluster` member (name or ARN, default `default`) to an ACTIVE cluster. */
export function resolveCluster(ctx: EcsContext, value: string | undefined): ClusterRec {
  const name = value === undefined || value === '' ? 'default' : lastSegment(value);
  const cluster = ctx.state.clusters.get(name);
  if (!cluster || cluster.status !== 'ACTIVE') throw new AwsServiceError('ClusterNotFoundException', 'Cluster not found.');
  return cluster;
}

function clusterView(ctx: EcsContext, c: ClusterRec, include: string[]): Json {
  let running = 0;
  let pending = 0;
  for (const task of ctx.state.tasks.values()) {
    if (task.clusterName !== c.name || task.desiredStatus !== 'RUNNING') continue;
    if (task.lastStatus === 'RUNNING') running++;
    else if (task.lastStatus !== 'STOPPED') pending++;
  }
  let services = 0;
  for (const s of ctx.state.services.values()) if (s.clusterName === c.name && s.status === 'ACTIVE') services++;
  return {
    clusterArn: c.arn,
    clusterName: c.name,
    status: c.status,
    registeredContainerInstancesCount: [...ctx.state.containerInstances.values()].filter((i) => i.clusterName === c.name).length,
    runningTasksCount: running,
    pendingTasksCount: pending,
    activeServicesCount: services,
    statistics: [],
    tags: include.includes('TAGS') ? c.tags.map((t) => ({ ...t })) : [],
    settings: c.settings,
    capacityProviders: c.capacityProviders,
    defaultCapacityProviderStrategy: c.defaultCapacityProviderStrategy,
    ...(c.configuration ? { configuration: c.configuration } : {}),
  };
}

export const clusterOperations = {
  CreateCluster(ctx: EcsContext, p: Json): Json {
    const name = optStr(p, 'clusterName') ?? 'default';
    if (!NAME.test(name)) {
      throw invalid('Cluster name can have up to 255 characters: letters, numbers, hyphens and underscores.');
    }
    const existing = ctx.state.clusters.get(name);
    if (existing && existing.status === 'ACTIVE') return { cluster: clusterView(ctx, existing, ['TAGS']) };
    const cluster = newCluster(ctx, name, p);
    ctx.state.clusters.set(name, cluster);
    return { cluster: clusterView(ctx, cluster, ['TAGS']) };
  },

  DescribeClusters(ctx: EcsContext, p: Json): Json {
    const names = strList(p, 'clusters') ?? ['default'];
    if (names.length > 100) throw invalid('clusters can have at most 100 items.');
    const include = strList(p, 'include') ?? [];
    const clusters: Json[] = [];
    const failures: Json[] = [];
    for (const value of names) {
      const cluster = ctx.state.clusters.get(lastSegment(value));
      if (cluster) clusters.push(clusterView(ctx, cluster, include));
      else failures.push({ arn: value.startsWith('arn:') ? value : arns.cluster(ctx, value), reason: 'MISSING' });
    }
    return { clusters, failures };
  },

  ListClusters(ctx: EcsContext, p: Json): Json {
    const all = [...ctx.state.clusters.values()].filter((c) => c.status === 'ACTIVE').map((c) => c.arn);
    const { page, nextToken } = paginate(all, p);
    return { clusterArns: page, ...(nextToken ? { nextToken } : {}) };
  },

  PutClusterCapacityProviders(ctx: EcsContext, p: Json): Json {
    const cluster = resolveCluster(ctx, reqStr(p, 'cluster'));
    for (const member of ['capacityProviders', 'defaultCapacityProviderStrategy']) {
      if (optList(p, member) === undefined) throw invalid(`${member} can not be null.`);
    }
    const association = readAssociation(p);
    checkRemovable(ctx, cluster, association.capacityProviders);
    Object.assign(cluster, association);
    return { cluster: clusterView(ctx, cluster, []) };
  },

  DeleteCluster(ctx: EcsContext, p: Json): Json {
    const cluster = resolveCluster(ctx, optStr(p, 'cluster') ?? '');
    for (const s of ctx.state.services.values()) {
      if (s.clusterName === cluster.name && s.status !== 'INACTIVE') {
        throw new AwsServiceError(
          'ClusterContainsServicesException',
          'The Cluster cannot be deleted while Services are active.',
        );
      }
    }
    for (const t of ctx.state.tasks.values()) {
      if (t.clusterName === cluster.name && t.lastStatus !== 'STOPPED') {
        throw new AwsServiceError('ClusterContainsTasksException', 'The Cluster cannot be deleted while Tasks are active.');
      }
    }
    cluster.status = 'INACTIVE';
    return { cluster: clusterView(ctx, cluster, ['TAGS']) };
  },
};
