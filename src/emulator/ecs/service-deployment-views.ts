/**
 * Service deployment and service revision views (DescribeServiceDeployments, ListServiceDeployments,
 * DescribeServiceRevisions): revision summaries with task counts and, for blue/green, linear and canary
 * deployments, the requested traffic weights; the lifecycle stage and hook details.
 */
import { seconds, type EcsContext } from './context.js';
import { deploymentCounts } from './scheduler.js';
import type { HookDetailRec, Json, RevisionRec, ServiceDeploymentRec } from './state.js';
import { defined } from './views.js';

function revisionSummary(ctx: EcsContext, sd: ServiceDeploymentRec, revisionArn: string, target: boolean): Json {
  const service = ctx.state.services.get(sd.serviceKey);
  let running = 0;
  let pending = 0;
  let requested = 0;
  for (const d of service?.deployments ?? []) {
    if (d.revisionArn !== revisionArn) continue;
    const counts = service ? deploymentCounts(service, d) : { running: 0, pending: 0 };
    running += counts.running;
    pending += counts.pending;
    if (d.status === 'PRIMARY' && target) requested += d.desiredCount;
  }
  const out: Json = { arn: revisionArn, requestedTaskCount: requested, runningTaskCount: running, pendingTaskCount: pending };
  const run = sd.native;
  if (run) {
    // The share of traffic ECS asked the load balancer to give this revision.
    out['requestedProductionTrafficWeight'] = target ? run.productionWeight : 100 - run.productionWeight;
    out['requestedTestTrafficWeight'] = target ? run.testWeight : 100 - run.testWeight;
  }
  return out;
}

function hookDetailView(d: HookDetailRec): Json {
  return defined({
    hookId: d.hookId,
    targetType: d.targetType,
    targetArn: d.targetArn,
    status: d.status,
    expiresAt: seconds(d.expiresAt),
    timeoutAction: d.timeoutAction,
  });
}

export function serviceDeploymentView(ctx: EcsContext, sd: ServiceDeploymentRec): Json {
  return defined({
    serviceDeploymentArn: sd.arn,
    serviceArn: sd.serviceArn,
    clusterArn: sd.clusterArn,
    createdAt: seconds(sd.createdAt),
    startedAt: seconds(sd.startedAt),
    finishedAt: seconds(sd.finishedAt),
    stoppedAt: seconds(sd.stoppedAt),
    updatedAt: seconds(sd.updatedAt),
    sourceServiceRevisions: sd.sourceRevisionArns.map((arn) => revisionSummary(ctx, sd, arn, false)),
    targetServiceRevision: revisionSummary(ctx, sd, sd.targetRevisionArn, true),
    status: sd.status,
    statusReason: sd.statusReason,
    lifecycleStage: sd.lifecycleStage,
    lifecycleHookDetails: sd.hookDetails.length > 0 ? sd.hookDetails.map(hookDetailView) : undefined,
    deploymentConfiguration: sd.deploymentConfiguration,
    rollback: sd.rollback
      ? { reason: sd.rollback.reason, startedAt: seconds(sd.rollback.startedAt), serviceRevisionArn: sd.rollback.serviceRevisionArn }
      : undefined,
    deploymentCircuitBreaker: { ...sd.circuitBreaker },
    alarms: { status: sd.alarms.status, alarmNames: [...sd.alarms.alarmNames], triggeredAlarmNames: [...sd.alarms.triggeredAlarmNames] },
  });
}

export function serviceDeploymentBrief(sd: ServiceDeploymentRec): Json {
  return defined({
    serviceDeploymentArn: sd.arn,
    serviceArn: sd.serviceArn,
    clusterArn: sd.clusterArn,
    startedAt: seconds(sd.startedAt),
    createdAt: seconds(sd.createdAt),
    finishedAt: seconds(sd.finishedAt),
    targetServiceRevisionArn: sd.targetRevisionArn,
    status: sd.status,
    statusReason: sd.statusReason,
  });
}

export function revisionView(rev: RevisionRec): Json {
  const containers = (rev.taskDef.body['containerDefinitions'] as Json[]).map((c) => ({
    containerName: c['name'],
    image: c['image'],
    imageDigest: `sha256:${Buffer.from(String(c['image'])).toString('hex').padEnd(64, '0').slice(0, 64)}`,
  }));
  return defined({
    serviceRevisionArn: rev.arn,
    serviceArn: rev.serviceArn,
    clusterArn: rev.clusterArn,
    taskDefinition: rev.taskDef.arn,
    capacityProviderStrategy: rev.capacityProviderStrategy,
    launchType: rev.launchType,
    platformVersion: rev.platformVersion,
    platformFamily: rev.platformFamily,
    loadBalancers: rev.loadBalancers,
    serviceRegistries: rev.serviceRegistries,
    networkConfiguration: rev.networkConfiguration,
    serviceConnectConfiguration: rev.serviceConnectConfiguration,
    volumeConfigurations: rev.volumeConfigurations,
    containerImages: containers,
    guardDutyEnabled: false,
    createdAt: seconds(rev.createdAt),
  });
}
