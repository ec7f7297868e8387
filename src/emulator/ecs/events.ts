/**
 * Service events, worded as the ECS service scheduler words them, kept newest first (ECS returns up to 100).
 */
import type { EcsContext } from './context.js';
import type { ServiceRec } from './state.js';

const MAX_EVENTS = 100;

const tasks = (ids: string[]): string => ids.map((id) => `(task ${id})`).join(' ');

export const messages = {
  started: (svc: string, ids: string[]): string => `(service ${svc}) has started ${ids.length} tasks: ${tasks(ids)}.`,
  stopped: (svc: string, ids: string[]): string =>
    `(service ${svc}) has stopped ${ids.length} running tasks: ${tasks(ids)}.`,
  draining: (svc: string, count: number): string => `(service ${svc}) has begun draining connections on ${count} tasks.`,
  registered: (svc: string, count: number, tg: string): string =>
    `(service ${svc}) registered ${count} targets in (target-group ${tg})`,
  deregistered: (svc: string, count: number, tg: string): string =>
    `(service ${svc}) deregistered ${count} targets in (target-group ${tg})`,
  steady: (svc: string): string => `(service ${svc}) has reached a steady state.`,
  completed: (svc: string, deployment: string): string => `(service ${svc}) (deployment ${deployment}) deployment completed.`,
  failed: (svc: string, deployment: string): string =>
    `(service ${svc}) (deployment ${deployment}) deployment failed: tasks failed to start.`,
  alarmFailed: (svc: string, deployment: string): string =>
    `(service ${svc}) (deployment ${deployment}) deployment failed: alarm detected.`,
  rollingBack: (svc: string, deployment: string): string => `(service ${svc}) rolling back to deployment ${deployment}.`,
  targetUnhealthy: (svc: string, taskId: string, port: number, tg: string): string =>
    `(service ${svc}) (task ${taskId}) (port ${port}) is unhealthy in (target-group ${tg}) due to (reason Health checks failed).`,
  containerUnhealthy: (svc: string, taskId: string): string =>
    `(service ${svc}) (task ${taskId}) failed container health checks.`,
  startImpaired: (svc: string): string =>
    `(service ${svc}) is unable to consistently start tasks successfully. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`,
};

export function addEvent(ctx: EcsContext, service: ServiceRec, message: string): void {
  service.events.unshift({ id: ctx.random.uuid(), createdAt: ctx.clock.now(), message });
  if (service.events.length > MAX_EVENTS) service.events.length = MAX_EVENTS;
}

/**
 * Queues a target (de)registration or draining notice; all notices of the same instant become one event per
 * target group ("registered 2 targets in ..."), as ECS reports a batch.
 */
export function queueTargetEvent(
  ctx: EcsContext,
  service: ServiceRec,
  kind: 'registered' | 'deregistered' | 'draining',
  targetGroupArn = '',
): void {
  if (!service.eventBatch) {
    const batch = { registered: new Map<string, number>(), deregistered: new Map<string, number>(), draining: 0 };
    service.eventBatch = batch;
    ctx.clock.after(0, () => {
      if (service.eventBatch !== batch) return;
      delete service.eventBatch;
      if (batch.draining > 0) addEvent(ctx, service, messages.draining(service.name, batch.draining));
      for (const [tg, n] of batch.deregistered) addEvent(ctx, service, messages.deregistered(service.name, n, tg));
      for (const [tg, n] of batch.registered) addEvent(ctx, service, messages.registered(service.name, n, tg));
    });
  }
  const batch = service.eventBatch;
  if (kind === 'draining') batch.draining++;
  else batch[kind].set(targetGroupArn, (batch[kind].get(targetGroupArn) ?? 0) + 1);
}
