/**
 * Capacity providers: the two AWS provides to every account (FARGATE and FARGATE_SPOT; Auto Scaling group providers
 * cannot be created here), DescribeCapacityProviders, and the rules of their association with a cluster: a cluster
 * has only the providers CreateCluster or PutClusterCapacityProviders gave it (the `default` cluster none), a
 * capacity provider strategy may only name those, and a provider a service still uses cannot be removed.
 */
import { AwsServiceError } from '../contracts.js';
import { lastSegment, type EcsContext } from './context.js';
import { clean, invalid, optList, paginate, strList } from './params.js';
import type { ClusterRec, Json } from './state.js';

const BUILT_IN = ['FARGATE', 'FARGATE_SPOT'];

// ECS's wording (seen in answers to RunTask, CreateCluster and PutClusterCapacityProviders).
const NOT_ASSOCIATED =
  'The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. Associate the capacity provider with the cluster or specify a valid capacity provider and try again.';
const NOT_FOUND = 'The specified capacity provider was not found. Specify a valid capacity provider and try again.';
const IN_USE = 'The specified capacity provider is in use and cannot be removed.';

const providerArn = (ctx: EcsContext, name: string): string => `arn:aws:ecs:${ctx.region}:${ctx.accountId}:capacity-provider/${name}`;

/** The provider names of a strategy ([{ capacityProvider, weight?, base? }]); a name or an ARN. */
function strategyNames(strategy: Json[]): string[] {
  return strategy.map((item) => {
    const name = item['capacityProvider'];
    if (typeof name !== 'string' || name === '') throw invalid('capacityProvider can not be blank.');
    return lastSegment(name);
  });
}

/** A strategy given to CreateService, UpdateService or RunTask names only providers associated with the cluster. */
export function checkStrategyAssociated(cluster: ClusterRec, strategy: Json[] | undefined): void {
  if (!strategy?.length) return;
  for (const name of strategyNames(strategy)) if (!cluster.capacityProviders.includes(name)) throw invalid(NOT_ASSOCIATED);
}

/** CreateCluster's or PutClusterCapacityProviders' providers (existing ones) and default strategy (among them). */
export function readAssociation(p: Json): { capacityProviders: string[]; defaultCapacityProviderStrategy: Json[] } {
  const providers = [...new Set((strList(p, 'capacityProviders') ?? []).map(lastSegment))];
  for (const name of providers) if (!BUILT_IN.includes(name)) throw invalid(NOT_FOUND);
  const strategy = clean(optList<Json>(p, 'defaultCapacityProviderStrategy') ?? []);
  for (const name of strategyNames(strategy)) if (!providers.includes(name)) throw invalid(NOT_ASSOCIATED);
  return { capacityProviders: providers, defaultCapacityProviderStrategy: strategy };
}

/** PutClusterCapacityProviders may not drop a provider that a live service of the cluster runs on. */
export function checkRemovable(ctx: EcsContext, cluster: ClusterRec, kept: string[]): void {
  for (const s of ctx.state.services.values()) {
    if (s.clusterName !== cluster.name || s.status === 'INACTIVE') continue;
    const used = [s.capacityProviderStrategy ?? [], ...s.deployments.map((d) => d.capacityProviderStrategy ?? [])].flat();
    if (strategyNames(used).some((name) => !kept.includes(name))) throw new AwsServiceError('ResourceInUseException', IN_USE);
  }
}

export const capacityProviderOperations = {
  DescribeCapacityProviders(ctx: EcsContext, p: Json): Json {
    const found: Json[] = [];
    const failures: Json[] = [];
    for (const ref of strList(p, 'capacityProviders') ?? BUILT_IN) {
      const name = lastSegment(ref);
      if (BUILT_IN.includes(name)) found.push({ capacityProviderArn: providerArn(ctx, name), name, status: 'ACTIVE', tags: [] });
      else failures.push({ arn: ref.startsWith('arn:') ? ref : providerArn(ctx, ref), reason: 'MISSING' });
    }
    const { page, nextToken } = paginate(found, p, 10, 10);
    return { capacityProviders: page, failures, ...(nextToken ? { nextToken } : {}) };
  },
};
