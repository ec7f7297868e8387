/**
 * mode swap (B5, B7): the prod route to the new service's target group and the stage route to the old one, as one
 * unit (src/core/elb swapRoutes: the first change put back when the second fails, a cancel honoured only before the
 * first change); then the new service tagged BLUE and the old one GREEN; then, unless downsize-old-service is
 * false, the old service downsized to 0 after downsize-delay-seconds. With traffic-steps, prod moves gradually
 * (traffic.ts) before the final swap.
 */
import { RouteSwapError, describeRoute, swapRoutes } from '../../core/elb/index.js';
import { ConfigurationError, describeError } from '../../core/errors.js';
import { BLUE, GREEN } from './colours.js';
import type { BlueGreenDeps, ModeResult } from './deps.js';
import { downsize, setColour } from './old-service.js';
import type { SwapOptions } from './options.js';
import { findRelease, type Release } from './pair.js';
import { findRoutes, forwardedGroups, liveGroup, routeOutputs, type Routes } from './routes.js';
import { shiftTraffic } from './traffic.js';

export async function runSwap(deps: BlueGreenDeps, o: SwapOptions): Promise<ModeResult> {
  const { log } = deps;
  const { routes, release } = await log.group('Find the load balancer, the target groups and the services', async () => {
    const r = await findRoutes(deps.elb, o.routes, { signal: deps.signal });
    const found = await findRelease(deps, o.cluster, o.baseName, o.record, r, 'swap');
    if (found === undefined) throw new ConfigurationError('no stage service to swap to', { input: 'stage-service' });
    log.info(`New service ${found.newName} (${found.newTargetGroupArn}), old service ${found.oldName ?? 'none'} (${found.oldTargetGroupArn}), from ${found.source}`);
    return { routes: r, release: found };
  });
  checkNewService(release);
  const outputs = swapOutputs(routes, release);
  const rows: Array<[string, string]> = [
    ['New (blue) service', release.newName],
    ['Old (green) service', release.oldName ?? '-'],
  ];
  const moved = await moveTraffic(deps, o, routes, release);
  if (moved !== undefined) return { ok: false, cause: moved, outputs, rows };
  await log.group('Tag the services', async () => {
    await setColour(deps, release.newService, BLUE);
    await setColour(deps, release.oldService, GREEN);
  });
  log.info('Swapping Successful.');
  const downsized = await downsizeOld(deps, o, release);
  rows.push(['Prod target group', release.newTargetGroupArn], ['Old service', downsized.message]);
  return { ok: downsized.ok, cause: downsized.ok ? undefined : downsized.message, outputs, rows };
}

/** The new service must be ACTIVE and run tasks: prod traffic is never moved to a service with nothing behind it. */
function checkNewService(release: Release): void {
  const s = release.newService;
  if (s?.status !== 'ACTIVE') {
    throw new ConfigurationError(`the stage service ${release.newName} is not ACTIVE (${s?.status ?? 'not found'}): run mode deploy first`, {
      input: 'stage-service',
    });
  }
  if ((s.runningCount ?? 0) === 0 || (s.desiredCount ?? 0) === 0) {
    throw new ConfigurationError(
      `the stage service ${release.newName} runs no tasks (desired ${s.desiredCount ?? 0}, running ${s.runningCount ?? 0}): prod traffic would reach nothing`,
      { input: 'stage-service' },
    );
  }
}

/** The listener changes; undefined when prod now forwards to the new target group, else the failure. */
async function moveTraffic(deps: BlueGreenDeps, o: SwapOptions, routes: Routes, release: Release): Promise<string | undefined> {
  const prodNow = liveGroup(forwardedGroups(routes.prod, 'prod-listener'));
  const stageNow = liveGroup(forwardedGroups(routes.stage, 'stage-listener'));
  if (prodNow === release.newTargetGroupArn && stageNow === release.oldTargetGroupArn) {
    deps.log.info(`Already swapped: ${describeRoute(routes.prod)} forwards to ${release.newTargetGroupArn}. No listener is changed.`);
    return undefined;
  }
  if (stageNow !== release.newTargetGroupArn) {
    throw new ConfigurationError(
      `${describeRoute(routes.stage)} forwards to ${stageNow ?? 'several target groups'}, not to the new service's target group ${release.newTargetGroupArn}`,
      { input: 'stage-listener' },
    );
  }
  if (prodNow !== undefined && prodNow !== release.oldTargetGroupArn) {
    throw new ConfigurationError(
      `${describeRoute(routes.prod)} forwards to ${prodNow}, not to the old service's target group ${release.oldTargetGroupArn}: the routes changed since mode deploy`,
      { input: 'prod-listener' },
    );
  }
  if (o.trafficSteps.length > 0) return shiftTraffic(deps, o, routes, release);
  return deps.log.group('Swap the prod and stage listeners', async () => {
    try {
      const [prod, stage] = await swapRoutes(deps.elb, routes.prod, routes.stage, { signal: deps.signal });
      deps.log.info(`${describeRoute(prod.route)} now forwards to ${release.newTargetGroupArn}`);
      deps.log.info(`${describeRoute(stage.route)} now forwards to ${release.oldTargetGroupArn}`);
      return undefined;
    } catch (e) {
      if (e instanceof RouteSwapError) return e.message;
      throw e;
    }
  });
}

/** B5: after downsize-delay-seconds (at most the time left), the old service to 0; a cancel skips it. */
async function downsizeOld(deps: BlueGreenDeps, o: SwapOptions, release: Release): Promise<{ ok: boolean; message: string }> {
  const old = release.oldService;
  if (old?.status !== 'ACTIVE') return { ok: true, message: 'no old service to downsize' };
  if (!o.downsizeOldService) return { ok: true, message: `${release.oldName ?? ''} kept running (downsize-old-service: false)` };
  return deps.log.group(`Downsize the old service ${old.serviceName ?? ''}`, async () => {
    const delay = Math.min(o.downsizeDelaySeconds * 1000, deps.deadline.remainingMs());
    if (delay > 0) {
      deps.log.info(`Waiting ${Math.round(delay / 1000)} s (downsize-delay-seconds) before downsizing the old service`);
      await deps.sleep(delay, deps.signal).catch(() => undefined);
    }
    if (deps.signal.aborted) {
      return { ok: false, message: `cancelled after the swap: the listeners are swapped, but the old service ${old.serviceName ?? ''} was not downsized` };
    }
    try {
      const message = await downsize(deps, o.cluster, old);
      deps.log.info(message);
      return { ok: true, message };
    } catch (e) {
      return { ok: false, message: `the swap succeeded, but downsizing the old service failed: ${describeError(e)}` };
    }
  });
}

function swapOutputs(routes: Routes, release: Release): Array<[string, string]> {
  return [
    ['targetGroupArn', release.newTargetGroupArn],
    ['prodTargetGroupArn', release.oldTargetGroupArn],
    ['stageServiceName', release.newName],
    ['blueServiceName', release.oldName ?? ''],
    ...routeOutputs(routes),
  ];
}
