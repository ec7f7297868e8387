import type { Deployment, Service, ServiceEvent } from '@aws-sdk/client-ecs';
import { sameTaskDefinition } from '../../ecs/task-definition-refs.js';
import { alarmFailure } from './alarm-cause.js';

/** What one DescribeServices answer says about the deployment being watched (S8). */
export type Verdict =
  | { kind: 'waiting' }
  | { kind: 'success'; deployment: Deployment }
  | { kind: 'failure'; reason: 'failed' | 'circuit-breaker' | 'replaced'; message: string };

export interface DeploymentTarget {
  deploymentId: string;
  taskDefinitionArn: string;
}

export interface JudgeContext {
  /** Our deployment as last seen on an earlier poll; undefined when never seen yet. */
  lastSeen: Deployment | undefined;
  /** True once our deployment has been missing for longer than a read-after-write delay could explain. */
  missingTooLong: boolean;
}

const WAITING: Verdict = { kind: 'waiting' };

/**
 * Success only when our deployment is PRIMARY, runs the task definition we deployed, and has rolled out:
 * rolloutState COMPLETED with running == desired, or, where ECS reports no rolloutState, running == desired and
 * no other deployment left. A deployment that is no longer PRIMARY was rolled back (when ECS marked it FAILED)
 * or replaced by someone else's deployment.
 */
export function judgeDeployment(service: Service, target: DeploymentTarget, ctx: JudgeContext): Verdict {
  const name = service.serviceName ?? 'the service';
  if (service.status !== 'ACTIVE') {
    return failed(`service ${name} is ${service.status ?? 'gone'}: it was deleted while waiting for deployment ${target.deploymentId}`);
  }
  const deployments = service.deployments ?? [];
  const ours = deployments.find((d) => d.id === target.deploymentId);
  const primary = deployments.find((d) => d.status === 'PRIMARY');
  if (ours === undefined) {
    if (ctx.lastSeen !== undefined) return judgeDisplaced(service, ctx.lastSeen, primary);
    if (rolledBackPerEvents(target.deploymentId, service.events)) return rolledBack(service, target.deploymentId, undefined);
    if (!ctx.missingTooLong) return WAITING;
    return {
      kind: 'failure',
      reason: 'replaced',
      message: `deployment ${target.deploymentId} is not among the deployments of service ${name}${describePrimary(primary)}`,
    };
  }
  if (ours.status !== 'PRIMARY') return judgeDisplaced(service, ours, primary);
  if (!sameTaskDefinition(ours.taskDefinition, target.taskDefinitionArn)) {
    return failed(
      `deployment ${target.deploymentId} runs task definition ${ours.taskDefinition ?? '(none)'}, not ${target.taskDefinitionArn} that this action deployed`,
    );
  }
  if (ours.rolloutState === 'FAILED') {
    const reason = ours.rolloutStateReason ?? 'ECS set its rollout state to FAILED';
    const alarm = alarmFailure(service, target.deploymentId, ours.rolloutStateReason);
    return failed(alarm === undefined ? `deployment ${target.deploymentId} failed: ${reason}` : `deployment ${target.deploymentId} failed because ${alarm} (${reason})`);
  }
  const counted = (ours.runningCount ?? 0) === (ours.desiredCount ?? 0);
  if (!counted) return WAITING;
  if (service.taskDefinition !== undefined && !sameTaskDefinition(service.taskDefinition, target.taskDefinitionArn)) {
    return WAITING;
  }
  if (ours.rolloutState === 'COMPLETED') return { kind: 'success', deployment: ours };
  if (ours.rolloutState === undefined && deployments.length === 1) return { kind: 'success', deployment: ours };
  return WAITING;
}

export interface ScaleContext {
  /** The desired count the update set, if any. */
  desiredCount: number | undefined;
  /** True once a DescribeServices that still shows another desired count can no longer be a read-after-write delay. */
  settled: boolean;
}

/**
 * A scale change (no new deployment): success once the PRIMARY deployment — still the one the update left in place —
 * runs the service's desired count with nothing pending. Its rollout state is never judged: a FAILED (or
 * IN_PROGRESS) state belongs to an earlier deployment, not to this run. A different PRIMARY deployment means
 * someone else's deployment started meanwhile.
 */
export function judgeScale(service: Service, target: DeploymentTarget, ctx: ScaleContext): Verdict {
  const name = service.serviceName ?? 'the service';
  if (service.status !== 'ACTIVE') {
    return failed(`service ${name} is ${service.status ?? 'gone'}: it was deleted while waiting for its scale change`);
  }
  const primary = (service.deployments ?? []).find((d) => d.status === 'PRIMARY');
  if (primary === undefined) return WAITING;
  if (primary.id !== target.deploymentId) {
    return {
      kind: 'failure',
      reason: 'replaced',
      message:
        `another deployment (${primary.id ?? '(no id)'}, task definition ${primary.taskDefinition ?? 'unknown'}) started ` +
        `while waiting for the scale change of service ${name}`,
    };
  }
  const wanted = service.desiredCount ?? 0;
  if (ctx.desiredCount !== undefined && wanted !== ctx.desiredCount && !ctx.settled) return WAITING;
  const scaled = primary.desiredCount === wanted && primary.runningCount === wanted && (primary.pendingCount ?? 0) === 0;
  return scaled ? { kind: 'success', deployment: primary } : WAITING;
}

/** Our deployment is no longer PRIMARY (or gone): rolled back by ECS, or replaced by another deployment. */
function judgeDisplaced(service: Service, ours: Deployment, primary: Deployment | undefined): Verdict {
  const id = ours.id ?? '(unknown)';
  if (ours.rolloutState === 'FAILED') return rolledBack(service, id, ours.rolloutStateReason);
  // Seen last while still IN_PROGRESS: its reason then ("ECS deployment … in progress.") does not explain the failure.
  if (rolledBackPerEvents(id, service.events)) return rolledBack(service, id, undefined);
  return {
    kind: 'failure',
    reason: 'replaced',
    message: `deployment ${id} was replaced before it completed${describePrimary(primary)}; another deployment of this service started`,
  };
}

/** ECS rolled our deployment back: because one of its CloudWatch alarms went into ALARM, or by the circuit breaker. */
function rolledBack(service: Service, id: string, reason: string | undefined): Verdict {
  const why = reason !== undefined && reason !== '' ? ` (${reason})` : '';
  const alarm = alarmFailure(service, id, reason);
  const by = alarm !== undefined ? `ECS because ${alarm}` : 'the ECS deployment circuit breaker';
  return { kind: 'failure', reason: 'circuit-breaker', message: `deployment ${id} was rolled back by ${by}${why}` };
}

/**
 * ECS reports `(service x) (deployment ecs-svc/1) deployment failed: tasks failed to start.` (or `: alarm detected.`)
 * and `rolling back`.
 */
function rolledBackPerEvents(id: string, events: ServiceEvent[] | undefined): boolean {
  return (events ?? []).some((e) => {
    const m = e.message ?? '';
    return m.includes(id) && /deployment failed|circuit breaker|rolling back|rolled back/i.test(m);
  });
}

function describePrimary(primary: Deployment | undefined): string {
  if (primary === undefined) return '';
  return `; the PRIMARY deployment is now ${primary.id ?? '(no id)'} (task definition ${primary.taskDefinition ?? 'unknown'})`;
}

function failed(message: string): Verdict {
  return { kind: 'failure', reason: 'failed', message };
}
