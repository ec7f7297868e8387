/**
 * N5: a DAEMON service runs one task on every active container instance that can take it, so it has no desired count:
 * none is sent (`desired-count` and `same-as-running` mean nothing and are said to be ignored), and ECS's deployment
 * reaches its steady state once the new revision runs on every such instance. The rollback restores the task
 * definition only (rollback-request.ts).
 */
import type { Logger } from '../io/logger.js';
import type { RollingPlan } from './rolling-plan.js';

export function daemonPlan(plan: RollingPlan, log: Logger): RollingPlan {
  log.info(`Service ${plan.serviceName} is a DAEMON service: one task on every active container instance that can run it; no desired count is sent.`);
  if (plan.sameAsRunning && plan.requireExistingService !== true) {
    log.warning('same-as-running means nothing for a DAEMON service (it has no desired count); ignored.');
  }
  if (plan.desiredCount !== undefined) log.warning(`desired-count ${plan.desiredCount} means nothing for a DAEMON service; ignored.`);
  return { ...plan, desiredCount: undefined, sameAsRunning: true };
}
