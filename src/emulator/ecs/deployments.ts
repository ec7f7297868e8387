/**
 * Deployments: a new PRIMARY `ecs-svc/<digits>` deployment (the previous PRIMARY becomes ACTIVE and is scaled in
 * by the scheduler), its service revision, and the service deployment record behind ListServiceDeployments.
 */
import { alarmsMonitor } from './alarm-config.js';
import { arns, type EcsContext } from './context.js';
import { breakerThreshold, breakerConfig } from './circuit-breaker.js';
import { settingsOf } from './deployment-settings.js';
import type { DeploymentRec, RevisionRec, ServiceDeploymentRec, ServiceRec, TaskDefRec } from './state.js';

export interface DeploymentOptions {
  /** Revision to deploy (a rollback reuses the earlier one); otherwise a new revision is made from the service. */
  revision?: RevisionRec;
  rollback?: boolean;
  reason?: string;
  /** Continue an existing service deployment (rollbacks) instead of starting a new one. */
  serviceDeploymentArn?: string;
}

export function newRevision(ctx: EcsContext, service: ServiceRec, taskDef: TaskDefRec): RevisionRec {
  const rev: RevisionRec = {
    arn: arns.serviceRevision(ctx, service.clusterName, service.name, ctx.random.digits(19)),
    serviceArn: service.arn,
    clusterArn: arns.cluster(ctx, service.clusterName),
    taskDef,
    loadBalancers: service.loadBalancers,
    serviceRegistries: service.serviceRegistries,
    ...settingsOf(service),
    createdAt: ctx.clock.now(),
  };
  if (service.launchType !== undefined) rev.launchType = service.launchType;
  if (service.capacityProviderStrategy !== undefined) rev.capacityProviderStrategy = service.capacityProviderStrategy;
  if (service.platformVersion !== undefined) rev.platformVersion = service.platformVersion;
  if (service.platformFamily !== undefined) rev.platformFamily = service.platformFamily;
  if (service.networkConfiguration !== undefined) rev.networkConfiguration = service.networkConfiguration;
  ctx.state.revisions.set(rev.arn, rev);
  return rev;
}

export function serviceDeploymentOf(ctx: EcsContext, d: DeploymentRec): ServiceDeploymentRec | undefined {
  return ctx.state.serviceDeployments.get(d.serviceDeploymentArn);
}

/** Service deployment statuses that are still going on (AWS's "Pending" and "Ongoing" stages). */
const UNFINISHED = new Set(['PENDING', 'IN_PROGRESS', 'STOP_REQUESTED', 'ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS']);

function startServiceDeployment(ctx: EcsContext, service: ServiceRec, d: DeploymentRec): ServiceDeploymentRec {
  const now = ctx.clock.now();
  const breaker = breakerConfig(service);
  const sources = service.deployments.filter((x) => x !== d).map((x) => x.revisionArn);
  // A deployment still going on, a rollback included, is superseded by the new one and ends.
  for (const arn of service.serviceDeploymentArns) {
    const old = ctx.state.serviceDeployments.get(arn);
    if (old && UNFINISHED.has(old.status)) {
      old.status = 'STOPPED';
      old.statusReason = 'Service deployment stopped: a newer service deployment started.';
      old.stoppedAt = now;
      old.updatedAt = now;
      if (old.native) {
        old.native.cancel?.();
        old.native.phase = 'stopped';
        delete old.native.waiting;
      }
    }
  }
  const sd: ServiceDeploymentRec = {
    arn: arns.serviceDeployment(ctx, service.clusterName, service.name, ctx.random.alnum(21)),
    serviceKey: service.key,
    serviceArn: service.arn,
    clusterArn: arns.cluster(ctx, service.clusterName),
    createdAt: now,
    startedAt: now,
    updatedAt: now,
    sourceRevisionArns: [...new Set(sources)],
    targetRevisionArn: d.revisionArn,
    status: 'IN_PROGRESS',
    deploymentConfiguration: service.deploymentConfiguration,
    circuitBreaker: {
      status: breaker.enable ? 'MONITORING' : 'DISABLED',
      failureCount: 0,
      threshold: breakerThreshold(service, d.desiredCount),
    },
    alarms: alarmsMonitor(service.deploymentConfiguration),
    deploymentId: d.id,
    hookDetails: [],
  };
  ctx.state.serviceDeployments.set(sd.arn, sd);
  service.serviceDeploymentArns.push(sd.arn);
  return sd;
}

/** Starts a new PRIMARY deployment of `taskDef`; the scheduler then rolls tasks over to it. */
export function startDeployment(
  ctx: EcsContext,
  service: ServiceRec,
  taskDef: TaskDefRec,
  options: DeploymentOptions = {},
): DeploymentRec {
  const now = ctx.clock.now();
  const id = `ecs-svc/${ctx.random.digits(19)}`;
  const revision = options.revision ?? newRevision(ctx, service, taskDef);
  for (const d of service.deployments) {
    if (d.status === 'PRIMARY') {
      d.status = 'ACTIVE';
      d.updatedAt = now;
    }
  }
  const d: DeploymentRec = {
    id,
    status: 'PRIMARY',
    taskDef,
    desiredCount: service.desiredCount,
    failedTasks: 0,
    createdAt: now,
    updatedAt: now,
    loadBalancers: revision.loadBalancers,
    ...settingsOf(revision),
    rolloutState: 'IN_PROGRESS',
    rolloutStateReason: options.reason ?? `ECS deployment ${id} in progress.`,
    revisionArn: revision.arn,
    serviceDeploymentArn: options.serviceDeploymentArn ?? '',
    rollback: options.rollback ?? false,
  };
  if (revision.launchType !== undefined) d.launchType = revision.launchType;
  if (revision.capacityProviderStrategy !== undefined) d.capacityProviderStrategy = revision.capacityProviderStrategy;
  if (revision.platformVersion !== undefined) d.platformVersion = revision.platformVersion;
  if (revision.platformFamily !== undefined) d.platformFamily = revision.platformFamily;
  if (revision.networkConfiguration !== undefined) d.networkConfiguration = revision.networkConfiguration;
  service.deployments.unshift(d);
  if (!options.serviceDeploymentArn) d.serviceDeploymentArn = startServiceDeployment(ctx, service, d).arn;
  service.steady = false;
  return d;
}

/** The service goes back to the configuration of `revision` (a rollback). */
export function restoreServiceTo(service: ServiceRec, revision: RevisionRec): void {
  service.loadBalancers = revision.loadBalancers;
  service.serviceRegistries = revision.serviceRegistries;
  if (revision.networkConfiguration !== undefined) service.networkConfiguration = revision.networkConfiguration;
  delete service.serviceConnectConfiguration;
  delete service.volumeConfigurations;
  Object.assign(service, settingsOf(revision));
}

/** Marks the PRIMARY deployment COMPLETED (the scheduler calls this at steady state). */
export function completeDeployment(ctx: EcsContext, service: ServiceRec, d: DeploymentRec): void {
  const now = ctx.clock.now();
  d.rolloutState = 'COMPLETED';
  d.rolloutStateReason = `ECS deployment ${d.id} completed.`;
  d.updatedAt = now;
  d.steadyAt = now;
  service.lastCompleted = { deploymentId: d.id, taskDef: d.taskDef, revisionArn: d.revisionArn };
  const sd = serviceDeploymentOf(ctx, d);
  if (!sd || !UNFINISHED.has(sd.status)) return;
  sd.status = d.rollback ? 'ROLLBACK_SUCCESSFUL' : 'SUCCESSFUL';
  sd.finishedAt = now;
  sd.updatedAt = now;
  if (sd.circuitBreaker.status === 'MONITORING') sd.circuitBreaker.status = 'MONITORING_COMPLETE';
}
