/**
 * After a service change: follow the PRIMARY deployment it started until it has rolled out with the task
 * definition this run deployed (S7, S8), or say why not (S9). An update that left the service's PRIMARY deployment
 * in place started none: that is a scale change, waited on as one (scale-change.ts).
 */
import type { Service } from '@aws-sdk/client-ecs';
import type { Deadline } from '../time.js';
import type { NativeRun } from './native/native-run.js';
import type { WaitUntil } from './native/stages.js';
import type { Failure } from './outcome.js';
import { waitForScaleChange } from './scale-change.js';
import type { ServiceChange } from './service-change.js';
import { waitForDeployment, type WatchDeps } from './watch/index.js';

/** The id of the PRIMARY deployment of a service as CreateService / UpdateService return it. */
export function primaryDeploymentId(service: Service | undefined): string | undefined {
  return service?.deployments?.find((d) => d.status === 'PRIMARY')?.id;
}

export interface RolloutRequest {
  cluster: string;
  serviceName: string;
  taskDefinitionArn: string;
  waitForSteadyState: boolean;
  deadline: Deadline;
  seenEventIds: Iterable<string>;
  signal?: AbortSignal | undefined;
  pollIntervalMs?: number | undefined;
  /** An update: the service as described before it (its PRIMARY deployment and desired count). Absent for a create. */
  before?: ServiceBefore | undefined;
  /** A native deployment (N2): epoch ms just before the change, to find the service deployment it started. */
  changedAt?: number | undefined;
  /** A native deployment (N3): end the wait at this lifecycle stage. */
  waitUntil?: WaitUntil | undefined;
}

export interface ServiceBefore {
  deploymentId: string | undefined;
  desiredCount: number | undefined;
}

export interface RolloutResult {
  failure?: Failure;
  /** The service as last seen: by the wait, else as the change returned it. */
  service?: Service;
  deploymentId?: string;
  /** How long the wait took; undefined when there was no wait. */
  waitMs?: number;
  /** A new deployment, or none (a scale change): see Outcome. */
  change?: 'deployment' | 'scale';
  changeDetail?: string;
  /** A native deployment (N2): the service deployment followed and how the wait on it ended. */
  native?: NativeRun;
}

export async function waitForRollout(deps: WatchDeps, change: ServiceChange, req: RolloutRequest): Promise<RolloutResult> {
  const { log } = deps;
  const seen: RolloutResult = change.service !== undefined ? { service: change.service } : {};
  const deploymentId = primaryDeploymentId(change.service);
  if (deploymentId === undefined) {
    return { ...seen, failure: { reason: 'error', message: 'ECS returned no PRIMARY deployment to follow', stoppedTasks: [] } };
  }
  if (req.before !== undefined && req.before.deploymentId === deploymentId) {
    return waitForScaleChange(deps, change, { ...req, before: req.before }, deploymentId);
  }
  seen.change = 'deployment';
  if (!req.waitForSteadyState) {
    log.info(`Not waiting for deployment ${deploymentId} to reach steady state (wait-for-steady-state: false).`);
    return { ...seen, deploymentId };
  }
  const started = deps.clock.now();
  const waited = await log.group(`Wait for deployment ${deploymentId} to reach steady state`, () =>
    waitForDeployment(deps, {
      cluster: req.cluster,
      service: req.serviceName,
      deploymentId,
      taskDefinitionArn: req.taskDefinitionArn,
      deadline: req.deadline,
      seenEventIds: req.seenEventIds,
      ...(req.signal !== undefined ? { signal: req.signal } : {}),
      ...(req.pollIntervalMs !== undefined ? { pollIntervalMs: req.pollIntervalMs } : {}),
    }),
  );
  const result: RolloutResult = { ...seen, deploymentId, waitMs: deps.clock.now() - started };
  if (waited.service !== undefined) result.service = waited.service;
  if (!waited.ok) result.failure = { reason: waited.reason, message: waited.message, stoppedTasks: waited.stoppedTasks };
  return result;
}
