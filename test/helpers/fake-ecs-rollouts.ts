/**
 * What the fake ECS (fake-ecs-service.ts) does with a deployment once the service watcher follows it, so the real
 * waitForDeployment / waitForServiceInactive run against it under fake time. A Rollout is given each DescribeServices
 * of its service from the first one after the mutation that started the deployment, and changes the service as
 * ECS would (rolloutState, counts, deployments, events, stopped tasks). It returns true once it has nothing left to do.
 */
import type { Deployment, Service, ServiceEvent, Task } from '@aws-sdk/client-ecs';
import { REGION_ACCOUNT, CLUSTER } from './ecs-watch-fixtures.js';

/** What the fake ECS offers a rollout. */
export interface RolloutEcs {
  now(): number;
  /** A new deployment (next id) of `taskDefinition`, PRIMARY, running 0. */
  newDeployment(taskDefinition: string, desiredCount: number, rolloutState: 'IN_PROGRESS' | 'COMPLETED'): Deployment;
  /** Adds a STOPPED task of the service (ListTasks desiredStatus STOPPED, DescribeTasks answer it). */
  addStoppedTask(task: Task): void;
  /** A deployment ECS started by itself (its own rollback): it rolls out as the next queued rollout says. */
  startedByEcs(deployment: Deployment): void;
}

export interface RolloutStep {
  service: Service;
  deployment: Deployment;
  /** Time since the watcher started following the deployment (fake clock). */
  elapsedMs: number;
  ecs: RolloutEcs;
}

export type Rollout = (step: RolloutStep) => boolean;

/** The deployment rolls out (COMPLETED, running = desired, the older deployments drained) once `afterMs` passed. */
export function rollsOut(afterMs = 0): Rollout {
  return ({ service, deployment, elapsedMs }) => {
    if (elapsedMs < afterMs) return false;
    deployment.rolloutState = 'COMPLETED';
    deployment.runningCount = deployment.desiredCount ?? 0;
    deployment.pendingCount = 0;
    service.deployments = [deployment];
    service.runningCount = deployment.runningCount;
    service.pendingCount = 0;
    return true;
  };
}

/** It never completes (IN_PROGRESS until the watcher's deadline); `onPoll` runs on each DescribeServices. */
export function neverCompletes(onPoll?: () => void): Rollout {
  return () => {
    onPoll?.();
    return false;
  };
}

export interface FailOptions {
  /** Tasks of the deployment that stopped (each becomes a STOPPED task started by the deployment). */
  stoppedTasks?: Partial<Task>[];
  /** Service events ECS adds, newest first. */
  events?: ServiceEvent[];
}

/** ECS sets rolloutState FAILED with this reason; the deployment stays PRIMARY (no circuit-breaker rollback). */
export function fails(reason: string, opts: FailOptions = {}): Rollout {
  return ({ service, deployment, ecs }) => {
    const stopped = opts.stoppedTasks ?? [];
    stopped.forEach((fields, i) => ecs.addStoppedTask(stoppedTaskOf(service, deployment, ecs.now(), i, fields)));
    deployment.failedTasks = (deployment.failedTasks ?? 0) + stopped.length;
    deployment.rolloutState = 'FAILED';
    deployment.rolloutStateReason = reason;
    if (opts.events !== undefined) service.events = [...opts.events, ...(service.events ?? [])];
    return true;
  };
}

export interface CircuitBreakerOptions {
  /** The failed deployment's rolloutStateReason (default: none). */
  reason?: string;
  /**
   * ECS's rollback deployment has already rolled out when the watcher looks: the failed deployment is gone from
   * the service and only an event names it. Otherwise the failed deployment is still listed (ACTIVE, FAILED)
   * next to the rollback deployment, which stays IN_PROGRESS.
   */
  completed?: boolean;
}

/** The ECS deployment circuit breaker rolls the service back to the task definition it ran before. */
export function circuitBreakerRollback(opts: CircuitBreakerOptions = {}): Rollout {
  return ({ service, deployment, ecs }) => {
    const previous = service.deployments?.find((d) => d !== deployment && d.id !== deployment.id)?.taskDefinition;
    if (previous === undefined) throw new Error(`fake ECS: no earlier deployment of ${service.serviceName ?? ''} to roll back to`);
    const back = ecs.newDeployment(previous, service.desiredCount ?? 0, opts.completed === true ? 'COMPLETED' : 'IN_PROGRESS');
    service.taskDefinition = previous;
    if (opts.completed === true) {
      const at = new Date(ecs.now());
      const name = service.serviceName ?? '';
      service.deployments = [back];
      service.runningCount = back.runningCount;
      service.events = [
        { id: `ev-rolled-back-${deployment.id ?? ''}`, createdAt: at, message: `(service ${name}) (deployment ${deployment.id ?? ''}) deployment failed: tasks failed to start.` },
        ...(service.events ?? []),
      ];
      return true;
    }
    deployment.status = 'ACTIVE';
    deployment.rolloutState = 'FAILED';
    if (opts.reason !== undefined) deployment.rolloutStateReason = opts.reason;
    service.deployments = [back, ...(service.deployments ?? []).filter((d) => d !== back)];
    ecs.startedByEcs(back);
    return true;
  };
}

/** Someone else's UpdateService: a newer PRIMARY deployment of `taskDefinition` takes over; ours turns ACTIVE. */
export function replacedBy(taskDefinition: string): Rollout {
  return ({ service, deployment, ecs }) => {
    const newer = ecs.newDeployment(taskDefinition, service.desiredCount ?? 0, 'IN_PROGRESS');
    deployment.status = 'ACTIVE';
    service.taskDefinition = taskDefinition;
    service.deployments = [newer, ...(service.deployments ?? []).filter((d) => d !== newer)];
    return true;
  };
}

function stoppedTaskOf(service: Service, deployment: Deployment, now: number, i: number, fields: Partial<Task>): Task {
  const id = `${(deployment.id ?? '').replace(/\W/g, '')}stopped${i}`;
  return {
    taskArn: `arn:aws:ecs:${REGION_ACCOUNT}:task/${CLUSTER}/${id}`,
    taskDefinitionArn: deployment.taskDefinition,
    group: `service:${service.serviceName ?? ''}`,
    startedBy: deployment.id,
    lastStatus: 'STOPPED',
    desiredStatus: 'STOPPED',
    stopCode: 'EssentialContainerExited',
    stoppedReason: 'Essential container in task exited',
    createdAt: new Date(now),
    stoppedAt: new Date(now),
    containers: [{ name: 'app', exitCode: 1, lastStatus: 'STOPPED' }],
    ...fields,
  };
}
