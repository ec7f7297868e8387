/**
 * Deleting the canary (C2, and C1 after a failure): DeleteService with force, then the wait until it is INACTIVE
 * within the time left. A canary that does not exist (or is already INACTIVE) is nothing to delete; a DRAINING one
 * is only waited out.
 */
import { waitForServiceInactive, type WatchDeps } from '../../core/deploy/index.js';
import { deleteService, describeServiceAnyStatus } from '../../core/ecs/services.js';
import type { Deadline } from '../../core/time.js';

export interface CanaryDeletion {
  /** `deleted`: this run deleted it and it is INACTIVE; `absent`: there was none; `drained`: someone else had deleted
   * it and it became INACTIVE; `abandoned`: deleted, still DRAINING when the wait was cancelled; `failed`. */
  status: 'deleted' | 'absent' | 'drained' | 'abandoned' | 'failed';
  detail: string;
}

export interface DeleteRequest {
  cluster: string;
  name: string;
  deadline: Deadline;
  /** Ends the wait for INACTIVE (the DeleteService itself is never interrupted). */
  signal?: AbortSignal | undefined;
  pollIntervalMs?: number | undefined;
}

export async function deleteCanary(deps: WatchDeps, req: DeleteRequest): Promise<CanaryDeletion> {
  const { log } = deps;
  const found = await describeServiceAnyStatus(deps.ecs, req.cluster, req.name);
  if (found === undefined || found.status === 'INACTIVE') {
    log.info(`Canary service ${req.name} does not exist in cluster ${req.cluster}: nothing to delete.`);
    return { status: 'absent', detail: `canary service ${req.name} did not exist` };
  }
  const draining = found.status === 'DRAINING';
  if (draining) log.info(`Canary service ${req.name} is already DRAINING: waiting until it is INACTIVE.`);
  else {
    log.info(`Deleting service ${req.name}..`);
    if ((await deleteService(deps.ecs, req.cluster, req.name)) === undefined) {
      log.info(`Canary service ${req.name} was already gone.`);
      return { status: 'absent', detail: `canary service ${req.name} was already gone` };
    }
  }
  const waited = await waitForServiceInactive(deps, {
    cluster: req.cluster,
    service: req.name,
    deadline: req.deadline,
    seenEventIds: (found.events ?? []).flatMap((e) => (e.id !== undefined ? [e.id] : [])),
    ...(req.signal !== undefined ? { signal: req.signal } : {}),
    ...(req.pollIntervalMs !== undefined ? { pollIntervalMs: req.pollIntervalMs } : {}),
  });
  if (waited.ok) {
    log.info(`Canary service ${req.name} deleted`);
    return draining ? { status: 'drained', detail: `canary service ${req.name} was DRAINING and is now INACTIVE` } : { status: 'deleted', detail: `canary service ${req.name} was deleted` };
  }
  if (waited.reason === 'cancelled') {
    log.warning(`Canary service ${req.name} was deleted (force) but is still DRAINING: ECS finishes removing it.`);
    return { status: 'abandoned', detail: `canary service ${req.name} was deleted (force) but is still DRAINING; ECS finishes removing it` };
  }
  return { status: 'failed', detail: `canary service ${req.name} did not become INACTIVE (${waited.reason}): ${waited.message}` };
}
