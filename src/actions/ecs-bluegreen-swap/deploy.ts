/**
 * mode deploy (B1–B4): create the stage service behind the stage target group, wait for steady state and for its
 * tasks to be healthy targets, and hand everything a later job needs to the outputs. No listener is changed. On a
 * failure or a cancel after the first change, the stage service this run created is deleted (force) and waited
 * INACTIVE (the second signal stops that wait: ECS finishes the deletion).
 */
import type { Service } from '@aws-sdk/client-ecs';
import {
  createStep,
  replaceStep,
  updateStep,
  waitForDeployment,
  waitForServiceInactive,
  type StepResult,
} from '../../core/deploy/index.js';
import { primaryDeploymentId } from '../../core/deploy/rollout.js';
import { CancelledError } from '../../core/errors.js';
import { resolveTaskDefinition } from '../../core/ecs/task-definitions.js';
import { deleteService, tagResource, tagValue, untagResource } from '../../core/ecs/services.js';
import { REPLACES_TAG } from './colours.js';
import { describeTargetReport, serviceTargets, waitForHealthyTargets } from '../../core/elb/index.js';
import type { Deadline } from '../../core/time.js';
import type { BlueGreenDeps, ModeResult } from './deps.js';
import { planDeploy, type DeployPlan } from './deploy-plan.js';
import type { DeployOptions } from './options.js';
import { routeOutputs } from './routes.js';

/** The share of the deadline kept for deleting the stage service after a failure. */
const CLEANUP_SHARE = 0.25;

export async function runDeploy(deps: BlueGreenDeps, o: DeployOptions): Promise<ModeResult> {
  const { log } = deps;
  const plan = await log.group('Find the load balancer, the target groups and the services', async () => {
    const p = await planDeploy(deps, o);
    log.info(`Prod target group: ${p.prodTargetGroupArn}`);
    log.info(`Stage target group: ${p.stageTargetGroupArn}`);
    log.info(`Blue (live) service: ${p.blue?.serviceName ?? 'none yet'}; stage service: ${p.stageName}, desired count ${p.desiredCount}`);
    return p;
  });
  if (deps.signal.aborted) {
    log.warning('Cancelled before the task definition was registered; nothing was changed.');
    throw deps.signal.reason instanceof Error ? deps.signal.reason : new CancelledError('SIGINT');
  }
  const td = await log.group('Task definition', async () => {
    const resolved = await resolveTaskDefinition(deps.ecs, o.taskDefinition, { inactive: 'refuse' });
    log.info(`${resolved.registered ? 'Registered' : 'Using'} ${resolved.arn}`);
    return resolved;
  });
  const outputs = deployOutputs(plan, td.arn);
  const work = deps.deadline.keeping(deps.deadline.remainingMs() * CLEANUP_SHARE);
  const step = await changeStageService(deps, o, plan, td.arn, work);
  const failure = step.failure?.message ?? (await waitUntilServing(deps, o, plan, step.change.service, td.arn, work));
  const rows: Array<[string, string]> = [
    ['Stage service', plan.stageName],
    ['Blue service', plan.blue?.serviceName ?? '-'],
    ['Stage target group', plan.stageTargetGroupArn],
    ['Task definition', td.arn],
  ];
  if (failure === undefined) {
    log.info(`Stage service ${plan.stageName} is steady and its targets are healthy behind the stage listener.`);
    await forgetOlderRelease(deps, plan.blue);
    return { ok: true, outputs, rows };
  }
  if (!step.change.changed) return { ok: false, cause: failure, outputs, rows };
  const cleanup = await deleteStageService(deps, o.cluster, plan.stageName);
  return { ok: false, cause: `${failure}. ${cleanup}`, outputs, rows: [...rows, ['Clean-up', cleanup]] };
}

function deployOutputs(plan: DeployPlan, taskDefinitionArn: string): Array<[string, string]> {
  return [
    ['targetGroupArn', plan.stageTargetGroupArn],
    ['prodTargetGroupArn', plan.prodTargetGroupArn],
    ['stageServiceName', plan.stageName],
    ['blueServiceName', plan.blue?.serviceName ?? ''],
    ['taskDefinitionArn', taskDefinitionArn],
    ...routeOutputs(plan.routes),
  ];
}

/** B2: create the stage service; one left ACTIVE by an earlier run is replaced, or updated with update-green-service. */
async function changeStageService(
  deps: BlueGreenDeps,
  o: DeployOptions,
  plan: DeployPlan,
  taskDefinitionArn: string,
  work: Deadline,
): Promise<StepResult> {
  const input = plan.request(taskDefinitionArn);
  const wait = { deadline: work, signal: deps.signal };
  const status = plan.stageNow?.status;
  if (status === 'ACTIVE' && o.updateGreenService) {
    deps.log.info(`Service ${plan.stageName} is ACTIVE from an earlier run: updating it in place (update-green-service).`);
    const updated = await updateStep(deps, {
      cluster: o.cluster,
      service: plan.stageName,
      taskDefinition: taskDefinitionArn,
      desiredCount: plan.desiredCount,
      loadBalancers: input.loadBalancers,
      forceNewDeployment: true,
    });
    const arn = updated.change.service?.serviceArn;
    if (updated.failure === undefined && arn !== undefined) await tagResource(deps.ecs, arn, input.tags ?? []);
    return updated;
  }
  if (status === 'ACTIVE') {
    deps.log.info(`Service ${plan.stageName} is ACTIVE from an earlier run: deleting it first (B2).`);
    return replaceStep(deps, input, wait);
  }
  return createStep(deps, input, { ...wait, draining: status === 'DRAINING' });
}

/** B4: steady state (as ecs-rolling waits), then every task a healthy target of the stage target group. */
async function waitUntilServing(
  deps: BlueGreenDeps,
  o: DeployOptions,
  plan: DeployPlan,
  created: Service | undefined,
  taskDefinitionArn: string,
  work: Deadline,
): Promise<string | undefined> {
  const { log } = deps;
  const deploymentId = primaryDeploymentId(created);
  if (deploymentId === undefined) return 'ECS returned no PRIMARY deployment to follow';
  const steady = await log.group(`Wait for service ${plan.stageName} to reach a steady state`, () =>
    waitForDeployment(deps, { cluster: o.cluster, service: plan.stageName, deploymentId, taskDefinitionArn, deadline: work, signal: deps.signal }),
  );
  if (!steady.ok) return `stage service ${plan.stageName} did not reach a steady state: ${steady.message}`;
  if (plan.desiredCount === 0) return undefined;
  const healthy = await log.group(`Wait for the tasks of ${plan.stageName} to be healthy targets of the stage target group`, () =>
    waitForHealthyTargets(
      deps,
      {
        targetGroupArn: plan.stageTargetGroupArn,
        targets: serviceTargets(deps.ecs, { cluster: o.cluster, service: plan.stageName, ...plan.binding }),
        minimum: plan.desiredCount,
        onChange: (r) => log.info(`Target ${describeTargetReport(r)}`),
      },
      { deadline: work, signal: deps.signal },
    ),
  );
  if (healthy.kind === 'healthy') return undefined;
  const targets = healthy.targets.map(describeTargetReport).join('; ') || 'none registered';
  return healthy.kind === 'cancelled'
    ? 'cancelled while waiting for healthy targets'
    : `the tasks of ${plan.stageName} did not become healthy targets of ${plan.stageTargetGroupArn} (${healthy.kind}): ${targets}`;
}

/** The blue service's own record of what it replaced belongs to the previous release: only the new one keeps one (B7). */
async function forgetOlderRelease(deps: BlueGreenDeps, blue: Service | undefined): Promise<void> {
  if (blue?.serviceArn === undefined || tagValue(blue, REPLACES_TAG) === undefined) return;
  await untagResource(deps.ecs, blue.serviceArn, [REPLACES_TAG]);
}

/** Deletes the stage service this run created (force) and waits until it is INACTIVE. */
export async function deleteStageService(deps: BlueGreenDeps, cluster: string, name: string): Promise<string> {
  return deps.log.group(`Delete the stage service ${name}`, async () => {
    deps.log.info(`Deleting service ${name}..`);
    try {
      if ((await deleteService(deps.ecs, cluster, name)) === undefined) return `Stage service ${name} was already gone.`;
      const gone = await waitForServiceInactive(deps, { cluster, service: name, deadline: deps.deadline, signal: deps.hardSignal });
      return gone.ok ? `Stage service ${name} was deleted.` : `Stage service ${name} was deleted (force) but is not INACTIVE yet: ${gone.message}`;
    } catch (e) {
      return `Deleting stage service ${name} failed: ${e instanceof Error ? e.message : String(e)}; delete it by hand`;
    }
  });
}
