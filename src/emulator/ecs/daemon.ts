/**
 * The DAEMON scheduling strategy (developer guide, "Daemon scheduling strategy"): one task on each active container
 * instance that meets the task's requirements; no desired count, no placement strategy, no Fargate. A new
 * deployment replaces the task instance by instance: with the daemon defaults (maximumPercent 100,
 * minimumHealthyPercent 0) the old task is stopped first and the new one starts once the instance has room.
 * The service's desired count is the number of instances that can take the task (registered CPU and memory).
 * Wording of the refusals: reconstructed (README.md).
 */
import type { EcsContext } from './context.js';
import { instancesOf, misfit, needsOf, usageOf } from './container-instances.js';
import { invalid } from './params.js';
import type { ContainerInstanceRec, DeploymentRec, Json, ServiceRec, TaskRec } from './state.js';

/** The deployment configuration a DAEMON service starts from (API reference, DeploymentConfiguration). */
export const DAEMON_DEPLOYMENT_DEFAULTS: Json = {
  deploymentCircuitBreaker: { enable: false, rollback: false },
  maximumPercent: 100,
  minimumHealthyPercent: 0,
};

const NO_DESIRED_COUNT = 'The DAEMON scheduling strategy does not support a desiredCount: ECS runs one task on each container instance.';

export interface DaemonRequest {
  desiredCount?: number | undefined;
  launchType?: string | undefined;
  capacityProviderStrategy?: Json[] | undefined;
  placementStrategy?: Json[] | undefined;
  controller: string;
  strategy?: unknown;
}

/** What CreateService refuses for a DAEMON service. */
export function checkDaemonCreate(r: DaemonRequest): void {
  if (r.desiredCount !== undefined) throw invalid(NO_DESIRED_COUNT);
  if (r.launchType === 'FARGATE' || (r.capacityProviderStrategy?.length ?? 0) > 0) {
    throw invalid('The DAEMON scheduling strategy is not supported for Fargate tasks or capacity provider strategies: use the EC2 launch type.');
  }
  if ((r.placementStrategy?.length ?? 0) > 0) throw invalid('Placement strategies are not supported with the DAEMON scheduling strategy.');
  if (r.controller !== 'ECS') throw invalid(`The DAEMON scheduling strategy is not supported with the ${r.controller} deployment controller.`);
  if (r.strategy !== undefined && r.strategy !== 'ROLLING') {
    throw invalid(`The ${String(r.strategy)} deployment strategy is not supported with the DAEMON scheduling strategy.`);
  }
}

/** What UpdateService refuses for a DAEMON service. */
export function checkDaemonUpdate(p: Json, strategy: unknown): void {
  if (p['desiredCount'] !== undefined && p['desiredCount'] !== null) throw invalid(NO_DESIRED_COUNT);
  if (Array.isArray(p['placementStrategy']) && p['placementStrategy'].length > 0) {
    throw invalid('Placement strategies are not supported with the DAEMON scheduling strategy.');
  }
  if (strategy !== undefined && strategy !== 'ROLLING') {
    throw invalid(`The ${String(strategy)} deployment strategy is not supported with the DAEMON scheduling strategy.`);
  }
}

/** Instances whose registered resources can hold the task at all. */
export function daemonInstances(ctx: EcsContext, service: ServiceRec, d: DeploymentRec): ContainerInstanceRec[] {
  const needs = needsOf(d.taskDef);
  return instancesOf(ctx, service.clusterName).filter((i) => i.cpu >= needs.cpu && i.memory >= needs.memory);
}

/**
 * One scheduler pass for a DAEMON service: tasks off the eligible instances and extra ones go; on each instance
 * without a task of the PRIMARY, older tasks are stopped (keeping minimumHealthyPercent) and the new task starts
 * when it fits.
 */
export function reconcileDaemon(
  ctx: EcsContext,
  service: ServiceRec,
  primary: DeploymentRec,
  active: TaskRec[],
  act: { start: (instance: ContainerInstanceRec) => void; stop: (tasks: TaskRec[]) => void },
): void {
  const eligible = daemonInstances(ctx, service, primary);
  service.desiredCount = eligible.length;
  primary.desiredCount = eligible.length;
  const minPercent = Number(service.deploymentConfiguration['minimumHealthyPercent'] ?? 0);
  const minHealthy = Math.ceil((eligible.length * minPercent) / 100);
  let healthy = active.filter((t) => t.healthy).length;
  const arns = new Set(eligible.map((i) => i.arn));
  const toStop = active.filter((t) => t.containerInstanceArn === undefined || !arns.has(t.containerInstanceArn));
  const halted = primary.rolloutState === 'FAILED';
  const starts: ContainerInstanceRec[] = [];
  for (const inst of eligible) {
    const here = active.filter((t) => t.containerInstanceArn === inst.arn);
    const mine = here.filter((t) => t.deploymentId === primary.id);
    toStop.push(...mine.slice(1));
    if (halted) continue;
    for (const old of here.filter((t) => t.deploymentId !== primary.id)) {
      if (mine.length > 0 || !old.healthy || healthy - 1 >= minHealthy) {
        toStop.push(old);
        if (old.healthy) healthy--;
      }
    }
    if (mine.length === 0) starts.push(inst);
  }
  act.stop(toStop);
  for (const inst of starts) {
    // A task still stopping on the instance holds its resources until it is STOPPED (then the scheduler runs again).
    if (misfit(inst, usageOf(ctx, inst), needsOf(primary.taskDef)) === undefined) act.start(inst);
  }
}
