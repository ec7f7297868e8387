/**
 * B5 `traffic-steps` (Application Load Balancers): prod traffic moves to the new target group step by step through
 * one weighted forward action (old and new groups), each step baked (src/core/bake: the new service's tasks
 * running and healthy targets, the alarms out of ALARM); the last step (100) points prod at the new group alone and
 * stage at the old one as one unit. A failed bake, or a cancel, returns prod to 100 % old and fails the step. A
 * load balancer that refuses a weighted forward (a network one) fails the first step with ELBv2's reason, and
 * nothing has changed.
 */
import { bake } from '../../core/bake/index.js';
import { checkAlarmsExist } from '../../core/cloudwatch/index.js';
import { RouteSwapError, describeRoute, pointRouteAt, pointRoutesAt } from '../../core/elb/index.js';
import { describeError, isCancelledError, isConfigurationError } from '../../core/errors.js';
import type { BlueGreenDeps } from './deps.js';
import type { SwapOptions } from './options.js';
import type { Release } from './pair.js';
import type { Routes } from './routes.js';

/** Undefined when prod forwards to the new target group alone; else why the shift failed (prod back on the old one). */
export async function shiftTraffic(deps: BlueGreenDeps, o: SwapOptions, routes: Routes, release: Release): Promise<string | undefined> {
  await checkAlarmsExist(deps.cloudwatch, o.alarms, 'alarms', { signal: deps.signal });
  const { log } = deps;
  const prod = describeRoute(routes.prod);
  for (const [i, percent] of o.trafficSteps.entries()) {
    const label = `step ${i + 1} of ${o.trafficSteps.length} (${percent} %)`;
    if (percent === 100) return finalStep(deps, routes, release, label);
    const moved = await log.group(`Traffic ${label}: ${percent} % of prod to ${release.newName}`, async () => {
      try {
        const weights = [{ arn: release.oldTargetGroupArn, weight: 100 - percent }, { arn: release.newTargetGroupArn, weight: percent }];
        await pointRouteAt(deps.elb, routes.prod, weights, { signal: deps.signal });
        log.info(`${prod} forwards ${100 - percent} % to ${release.oldTargetGroupArn} and ${percent} % to ${release.newTargetGroupArn}`);
        return undefined;
      } catch (e) {
        if (isConfigurationError(e)) throw e;
        if (isCancelledError(e)) return `traffic-steps: cancelled before ${label}`;
        if (i === 0) return `traffic-steps: ${prod} refused the weighted forward, so traffic cannot move in steps: ${describeError(e)}. Nothing was changed`;
        return `traffic-steps: ${label} failed: ${describeError(e)}`;
      }
    });
    if (moved !== undefined) return i === 0 && !deps.signal.aborted ? moved : `${moved}. ${await backToOld(deps, routes, release)}`;
    const baked = await log.group(`Bake ${label}`, () =>
      bake(deps, {
        durationMs: o.stepBakeSeconds * 1000,
        deadline: deps.deadline,
        cluster: o.cluster,
        serviceName: release.newName,
        targetGroupArns: [release.newTargetGroupArn],
        alarms: o.alarms,
        label,
      }),
    );
    if (!baked.ok) return `${baked.cause}. ${await backToOld(deps, routes, release)}`;
  }
  return undefined;
}

/** The last step: prod to the new group alone and stage to the old one, as one unit. */
async function finalStep(deps: BlueGreenDeps, routes: Routes, release: Release, label: string): Promise<string | undefined> {
  return deps.log.group(`Traffic ${label}: prod to ${release.newName}, stage to the old service`, async () => {
    try {
      await pointRoutesAt(
        deps.elb,
        { route: routes.prod, groups: [{ arn: release.newTargetGroupArn, weight: 1 }] },
        { route: routes.stage, groups: [{ arn: release.oldTargetGroupArn, weight: 1 }] },
        { signal: deps.signal },
      );
      deps.log.info(`${describeRoute(routes.prod)} now forwards to ${release.newTargetGroupArn}, ${describeRoute(routes.stage)} to ${release.oldTargetGroupArn}`);
      return undefined;
    } catch (e) {
      const why = e instanceof RouteSwapError ? e.message : describeError(e);
      return `traffic-steps: ${label} failed: ${why}. ${await backToOld(deps, routes, release)}`;
    }
  });
}

/** Prod back to 100 % on the old target group; never interrupted by a cancel. */
async function backToOld(deps: BlueGreenDeps, routes: Routes, release: Release): Promise<string> {
  try {
    await pointRouteAt(deps.elb, routes.prod, [{ arn: release.oldTargetGroupArn, weight: 1 }]);
    const done = `Prod traffic is back on ${release.oldTargetGroupArn} (100 %).`;
    deps.log.info(done);
    return done;
  } catch (e) {
    return `Putting prod traffic back on ${release.oldTargetGroupArn} failed too: ${describeError(e)}; set ${describeRoute(routes.prod)} by hand.`;
  }
}
