/**
 * mode rollback (B6, B7), before or after a swap: the old service back at its saved count with its auto scaling
 * resumed (re-created when it was deleted); each route pointed back at its saved target group only where it changed
 * (the pair as one unit when both changed); old BLUE, new GREEN; the new service scaled to 0; the record that the
 * new service replaces the old one removed. Every step checks first, so a second rollback changes nothing.
 */
import { RouteSwapError, describeRoute, pointRouteAt, swapRoutes, type Route } from '../../core/elb/index.js';
import { untagResource, tagValue } from '../../core/ecs/services.js';
import { describeError } from '../../core/errors.js';
import { BLUE, GREEN, REPLACES_TAG } from './colours.js';
import type { BlueGreenDeps, ModeResult } from './deps.js';
import { restoreOld, scaleToZero, setColour } from './old-service.js';
import type { RollbackOptions } from './options.js';
import { findRelease, type Release } from './pair.js';
import { findRoutes, forwardedGroups, liveGroup, routeOutputs, type Routes } from './routes.js';

export async function runRollback(deps: BlueGreenDeps, o: RollbackOptions): Promise<ModeResult> {
  const { log } = deps;
  const { routes, release } = await log.group('Find the load balancer, the target groups and the services', async () => {
    const r = await findRoutes(deps.elb, o.routes, { signal: deps.signal });
    return { routes: r, release: await findRelease(deps, o.cluster, o.baseName, o.record, r, 'rollback') };
  });
  const outputs = routeOutputs(routes);
  if (release === undefined) {
    log.info(`Nothing to roll back: no service of ${o.baseName} is tagged as replacing the other (no release since the last rollback).`);
    return { ok: true, outputs, rows: [['Rollback', 'nothing to roll back']] };
  }
  log.info(`Rolling back ${release.newName} to ${release.oldName ?? 'no old service'} (from ${release.source})`);
  const done: string[] = [];
  try {
    const old = release.oldService;
    if (old !== undefined) done.push(...(await log.group('Restore the old service', () => restoreOld(deps, o.cluster, old))));
    done.push(...(await log.group('Point the listeners back', () => pointBack(deps, routes, release))));
    await log.group('Tag the services and scale the new one to 0', async () => {
      if (await setColour(deps, release.oldService, BLUE)) done.push(`${release.oldName ?? ''} tagged ${BLUE}`);
      if (await setColour(deps, release.newService, GREEN)) done.push(`${release.newName} tagged ${GREEN}`);
      const scaled = await scaleToZero(deps, o.cluster, release.newService);
      if (scaled !== undefined) done.push(scaled);
      if (release.newService?.serviceArn !== undefined && tagValue(release.newService, REPLACES_TAG) !== undefined) {
        await untagResource(deps.ecs, release.newService.serviceArn, [REPLACES_TAG]);
      }
    });
  } catch (e) {
    const cause = e instanceof RouteSwapError ? e.message : `Rollback Failed: ${describeError(e)}`;
    return { ok: false, cause, outputs, rows: [['Done before the failure', done.join(' ') || 'nothing']] };
  }
  for (const line of done) log.info(line);
  log.info(done.length === 0 ? 'Nothing to change: already rolled back.' : 'Rollback Successful.');
  return { ok: true, outputs, rows: [['Rolled back', `${release.newName} → ${release.oldName ?? '-'}`], ['Changes', done.join(' ') || 'none']] };
}

/** Each route back at its saved group where it changed; both changed (a finished swap): swapped back as one unit. */
async function pointBack(deps: BlueGreenDeps, routes: Routes, release: Release): Promise<string[]> {
  const prodNow = forwardedGroups(routes.prod, 'prod-listener');
  const stageNow = forwardedGroups(routes.stage, 'stage-listener');
  const prodOk = liveGroup(prodNow) === release.oldTargetGroupArn && prodNow.length === 1;
  const stageOk = liveGroup(stageNow) === release.newTargetGroupArn && stageNow.length === 1;
  if (prodOk && stageOk) return [];
  if (liveGroup(prodNow) === release.newTargetGroupArn && liveGroup(stageNow) === release.oldTargetGroupArn && prodNow.length === 1 && stageNow.length === 1) {
    await swapRoutes(deps.elb, routes.prod, routes.stage);
    return [`${describeRoute(routes.prod)} forwards to ${release.oldTargetGroupArn} again, ${describeRoute(routes.stage)} to ${release.newTargetGroupArn}.`];
  }
  const done: string[] = [];
  const back = async (route: Route, ok: boolean, arn: string): Promise<void> => {
    if (ok) return;
    await pointRouteAt(deps.elb, route, [{ arn, weight: 1 }]);
    done.push(`${describeRoute(route)} forwards to ${arn} again.`);
  };
  await back(routes.prod, prodOk, release.oldTargetGroupArn);
  await back(routes.stage, stageOk, release.newTargetGroupArn);
  return done;
}
