/**
 * S13 `dry-run: true`: what the mode would do, from reads only (the load balancer, listeners, rules, target groups
 * and the two services), printed to the log and the job summary. The same refusals as a real run fail it too.
 */
import { describeRoute } from '../../core/elb/index.js';
import type { ActionRuntime } from '../../core/io/runtime.js';
import { SummaryBuilder } from '../../core/io/summary.js';
import type { BlueGreenDeps } from './deps.js';
import { planDeploy } from './deploy-plan.js';
import type { BlueGreenOptions, DeployOptions } from './options.js';
import { findRelease } from './pair.js';
import { findRoutes, forwardedGroups, liveGroup } from './routes.js';

export async function dryRun(rt: ActionRuntime, deps: BlueGreenDeps, o: BlueGreenOptions): Promise<void> {
  await rt.log.group('Dry run: what would change (nothing is changed)', async () => {
    const notes = o.mode === 'deploy' ? await deployNotes(deps, o) : await switchNotes(deps, o);
    for (const line of notes) rt.log.info(line);
    const s = new SummaryBuilder()
      .heading(`ecs-bluegreen-swap: dry run of mode ${o.mode} for ${o.baseName} (nothing changed)`)
      .raw(notes.map((n) => `- ${n}`).join('\n'));
    await rt.summary.append(s.toString());
  });
}

async function deployNotes(deps: BlueGreenDeps, o: DeployOptions): Promise<string[]> {
  const plan = await planDeploy(deps, o);
  const td = o.taskDefinition.kind === 'file' ? `a new revision registered from ${o.taskDefinition.path}` : o.taskDefinition.ref;
  const earlier = plan.stageNow?.status === 'ACTIVE' ? (o.updateGreenService ? ' (updated in place)' : ' (the one left by an earlier run deleted first)') : '';
  return [
    `Prod: ${describeRoute(plan.routes.prod)} forwards to ${plan.prodTargetGroupArn} (blue service ${plan.blue?.serviceName ?? 'none'}).`,
    `Stage: ${describeRoute(plan.routes.stage)} forwards to ${plan.stageTargetGroupArn}.`,
    `Service ${plan.stageName} would be created${earlier} behind the stage target group with ${td}, desired count ${plan.desiredCount}, tagged BG_VERSION=GREEN.`,
    'No listener would change.',
  ];
}

async function switchNotes(deps: BlueGreenDeps, o: Exclude<BlueGreenOptions, DeployOptions>): Promise<string[]> {
  const routes = await findRoutes(deps.elb, o.routes, { signal: deps.signal });
  const release = await findRelease(deps, o.cluster, o.baseName, o.record, routes, o.mode);
  if (release === undefined) return ['Nothing to roll back.'];
  const prod = liveGroup(forwardedGroups(routes.prod, 'prod-listener'));
  const swapped = prod === release.newTargetGroupArn;
  const pair = `new service ${release.newName} (${release.newTargetGroupArn}), old service ${release.oldName ?? 'none'} (${release.oldTargetGroupArn})`;
  if (o.mode === 'swap') {
    return [
      `Found ${pair} from ${release.source}.`,
      swapped ? 'Already swapped: no listener would change.' : `${describeRoute(routes.prod)} would forward to ${release.newTargetGroupArn}, ${describeRoute(routes.stage)} to ${release.oldTargetGroupArn}.`,
      o.downsizeOldService ? `The old service would be set to desired count 0 after ${o.downsizeDelaySeconds} s.` : 'The old service would keep running.',
    ];
  }
  return [
    `Found ${pair} from ${release.source}.`,
    swapped ? 'The listeners would be swapped back.' : 'No listener would change (not swapped).',
    'The old service would be restored to its saved count; the new one scaled to 0.',
  ];
}
