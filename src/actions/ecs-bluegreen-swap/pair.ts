/**
 * B7: which service is new (the stage service of the release) and which is old (the blue one it replaces), and the
 * target group of each — from deploy's outputs given back as inputs, or else from the services' tags.
 */
import type { Service } from '@aws-sdk/client-ecs';
import { tagValue } from '../../core/ecs/services.js';
import { forwardOf } from '../../core/elb/index.js';
import { ConfigurationError } from '../../core/errors.js';
import { GREEN, REPLACES_TAG, colourOf, describePair, isActive, namesOf, otherName } from './colours.js';
import type { BlueGreenDeps } from './deps.js';
import type { DeployRecord } from './options.js';
import { liveGroup, type Routes } from './routes.js';

export interface Release {
  newName: string;
  oldName: string | undefined;
  newService: Service | undefined;
  oldService: Service | undefined;
  newTargetGroupArn: string;
  oldTargetGroupArn: string;
  /** How the pair was found, for the log. */
  source: string;
}

/** A service's target group among those of the two routes. */
function targetGroupOf(service: Service | undefined, routeGroups: readonly string[]): string | undefined {
  const groups = (service?.loadBalancers ?? []).map((lb) => lb.targetGroupArn).filter((arn): arn is string => arn !== undefined);
  return groups.find((g) => routeGroups.includes(g)) ?? groups[0];
}

export async function findRelease(
  deps: BlueGreenDeps,
  cluster: string,
  base: string,
  record: DeployRecord,
  routes: Routes,
  mode: 'swap' | 'rollback',
): Promise<Release | undefined> {
  const routeGroups = routeGroupsOf(routes);
  const pair = await describePair(deps.ecs, cluster, base, { signal: deps.signal });
  const services = [pair.one, pair.two];
  const newName = record.stageService ?? (record.blueService !== undefined ? otherName(record.blueService) : pickNew(services, base, mode));
  if (newName === undefined) return undefined;
  const oldName = record.blueService ?? otherName(newName);
  const newService = pair.byName.get(newName);
  const oldService = pair.byName.get(oldName);
  const newTargetGroupArn = record.targetGroupArn ?? targetGroupOf(newService, routeGroups);
  // No old service (the first release): the old target group is the one prod forwarded to before.
  const oldTargetGroupArn =
    record.prodTargetGroupArn ?? targetGroupOf(oldService, routeGroups) ?? (newTargetGroupArn === undefined ? undefined : otherGroup(routes, newTargetGroupArn));
  if (newTargetGroupArn === undefined || oldTargetGroupArn === undefined) {
    throw new ConfigurationError(
      `cannot tell the target groups of ${newName} and ${oldName}: give target-group-arn and prod-target-group-arn (outputs of mode deploy)`,
      { input: 'target-group-arn' },
    );
  }
  const source = record.stageService !== undefined || record.blueService !== undefined ? 'the outputs of mode deploy' : 'the BG_VERSION tags';
  return { newName, oldName: oldService === undefined && record.blueService === undefined ? undefined : oldName, newService, oldService, newTargetGroupArn, oldTargetGroupArn, source };
}

/**
 * From the tags alone: the service that records which one it replaces (deploy tags it, a finished rollback removes
 * the tag) — GREEN before the swap, BLUE after it, so a swap run again finds it swapped. With none, a swap takes the
 * ACTIVE service tagged GREEN (the first release replaces no service), and a rollback has nothing to roll back.
 */
function pickNew(services: ReadonlyArray<Service | undefined>, base: string, mode: 'swap' | 'rollback'): string | undefined {
  const replacing = services.filter((s) => s !== undefined && s.status !== 'INACTIVE' && tagValue(s, REPLACES_TAG) !== undefined);
  if (replacing.length === 1) return replacing[0]?.serviceName;
  if (mode === 'rollback') return undefined;
  const green = services.filter((s) => isActive(s) && colourOf(s) === GREEN);
  if (green.length === 1) return green[0]?.serviceName;
  const names = namesOf(base).join(' / ');
  throw new ConfigurationError(
    `no single ACTIVE service of ${names} is tagged BG_VERSION=${GREEN}: run mode deploy first, or give stage-service and blue-service`,
    { input: 'stage-service' },
  );
}

/** The group of the prod or stage route that is not `group` (each route's one live group). */
function otherGroup(routes: Routes, group: string): string | undefined {
  const live = [routes.prod, routes.stage].map((r) => liveGroup(forwardOf(r.rule.actions)?.targetGroups ?? []));
  return live.find((g) => g !== undefined && g !== group);
}

function routeGroupsOf(routes: Routes): string[] {
  return [routes.prod, routes.stage].flatMap((r) => (forwardOf(r.rule.actions)?.targetGroups ?? []).map((g) => g.arn));
}
