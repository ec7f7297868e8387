/** R6 for a first deployment: the service this failed run created is deleted (force) and waited INACTIVE. */
import { deleteService } from '../ecs/services.js';
import type { RollbackDeps, RollbackOptions, RollbackResult } from './restore-snapshot.js';
import type { RollbackSnapshot } from './snapshot.js';
import { waitForServiceInactive } from './watch/index.js';

export async function deleteFirstDeployment(
  deps: RollbackDeps,
  snapshot: RollbackSnapshot,
  options: RollbackOptions,
): Promise<Omit<RollbackResult, 'durationMs'>> {
  deps.log.info(`Deleting service ${snapshot.service} (force), created by this failed first deployment`);
  if ((await deleteService(deps.ecs, snapshot.cluster, snapshot.service)) === undefined) {
    return { status: 'succeeded', detail: `service ${snapshot.service} was already gone`, stoppedTasks: [] };
  }
  const waited = await waitForServiceInactive(deps, {
    cluster: snapshot.cluster,
    service: snapshot.service,
    deadline: options.deadline,
    seenEventIds: [...snapshot.seenEventIds, ...(options.seenEventIds ?? [])],
    ...(options.signal !== undefined ? { signal: options.signal } : {}),
    ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
  });
  if (waited.ok) {
    return { status: 'succeeded', detail: `service ${snapshot.service} was deleted`, stoppedTasks: [] };
  }
  if (waited.reason === 'cancelled') {
    return {
      status: 'abandoned',
      detail: `service ${snapshot.service} was deleted (force) but is still DRAINING; ECS finishes removing it`,
      stoppedTasks: [],
    };
  }
  return {
    status: 'failed',
    detail: `service ${snapshot.service} was deleted but did not become INACTIVE (${waited.reason}): ${waited.message}`,
    stoppedTasks: [],
  };
}
