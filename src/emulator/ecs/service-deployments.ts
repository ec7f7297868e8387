/**
 * Service deployment history: ListServiceDeployments, DescribeServiceDeployments, DescribeServiceRevisions and
 * StopServiceDeployment.
 */
import { AwsServiceError } from '../contracts.js';
import { resolveCluster } from './clusters.js';
import type { EcsContext } from './context.js';
import { clientError, invalid, optObj, optStr, optTimestampMs, paginate, reqStr, strList } from './params.js';
import { stopServiceDeployment } from './rollback.js';
import { scheduleReconcile } from './scheduler.js';
import { findService } from './services.js';
import type { Json } from './state.js';
import { revisionView, serviceDeploymentBrief, serviceDeploymentView } from './service-deployment-views.js';

const STOPPABLE = new Set(['PENDING', 'IN_PROGRESS', 'STOP_REQUESTED', 'ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS']);

function arnList(p: Json, name: string): string[] {
  const list = strList(p, name) ?? [];
  if (list.length === 0) throw invalid(`${name} cannot be empty.`);
  if (list.length > 20) throw invalid(`${name} can have at most 20 items.`);
  return list;
}

export const serviceDeploymentOperations = {
  ListServiceDeployments(ctx: EcsContext, p: Json): Json {
    const cluster = resolveCluster(ctx, optStr(p, 'cluster'));
    const service = findService(ctx, cluster.name, reqStr(p, 'service'));
    const statuses = strList(p, 'status');
    const created = optObj(p, 'createdAt') ?? {};
    const before = optTimestampMs(created, 'before');
    const after = optTimestampMs(created, 'after');
    const all = service.serviceDeploymentArns
      .map((arn) => ctx.state.serviceDeployments.get(arn))
      .filter((sd) => sd !== undefined)
      .filter((sd) => !statuses?.length || statuses.includes(sd.status))
      .filter((sd) => (before === undefined || sd.createdAt <= before) && (after === undefined || sd.createdAt >= after))
      .reverse();
    const { page, nextToken } = paginate(all, p, 100, 20);
    return { serviceDeployments: page.map(serviceDeploymentBrief), ...(nextToken ? { nextToken } : {}) };
  },

  DescribeServiceDeployments(ctx: EcsContext, p: Json): Json {
    const serviceDeployments: Json[] = [];
    const failures: Json[] = [];
    for (const arn of arnList(p, 'serviceDeploymentArns')) {
      const sd = ctx.state.serviceDeployments.get(arn);
      if (sd) serviceDeployments.push(serviceDeploymentView(ctx, sd));
      else failures.push({ arn, reason: 'MISSING' });
    }
    return { serviceDeployments, failures };
  },

  DescribeServiceRevisions(ctx: EcsContext, p: Json): Json {
    const serviceRevisions: Json[] = [];
    const failures: Json[] = [];
    for (const arn of arnList(p, 'serviceRevisionArns')) {
      const rev = ctx.state.revisions.get(arn);
      if (rev) serviceRevisions.push(revisionView(rev));
      else failures.push({ arn, reason: 'MISSING' });
    }
    return { serviceRevisions, failures };
  },

  /**
   * ContinueServiceDeployment: answers the PAUSE hook the deployment waits on (CONTINUE, the default, or ROLLBACK).
   * A hook id that is not the one awaiting action is an InvalidParameterException (the emulator's wording).
   */
  ContinueServiceDeployment(ctx: EcsContext, p: Json): Json {
    const arn = reqStr(p, 'serviceDeploymentArn');
    const hookId = reqStr(p, 'hookId');
    const action = optStr(p, 'action') ?? 'CONTINUE';
    if (action !== 'CONTINUE' && action !== 'ROLLBACK') throw invalid(`Invalid action: ${action}. Valid values are CONTINUE, ROLLBACK.`);
    const sd = ctx.state.serviceDeployments.get(arn);
    if (!sd) throw new AwsServiceError('ServiceDeploymentNotFoundException', 'The service deployment does not exist.');
    const waiting = sd.native?.waiting;
    const detail = sd.hookDetails.find((h) => h.hookId === hookId);
    if (!detail) throw invalid(`The lifecycle hook ${hookId} was not found in the service deployment.`);
    if (!waiting || waiting.hookId !== hookId || detail.status !== 'AWAITING_ACTION') {
      throw invalid(`The lifecycle hook ${hookId} is ${detail.status}, not AWAITING_ACTION.`);
    }
    waiting.resolve(action, hookId);
    return { serviceDeploymentArn: sd.arn };
  },

  StopServiceDeployment(ctx: EcsContext, p: Json): Json {
    const arn = reqStr(p, 'serviceDeploymentArn');
    const stopType = optStr(p, 'stopType') ?? 'ROLLBACK';
    if (stopType !== 'ROLLBACK' && stopType !== 'ABORT') throw clientError(`Invalid stopType: ${stopType}`);
    const sd = ctx.state.serviceDeployments.get(arn);
    if (!sd) throw new AwsServiceError('ServiceDeploymentNotFoundException', 'The service deployment does not exist.');
    if (!STOPPABLE.has(sd.status)) {
      throw new AwsServiceError('ConflictException', `The service deployment is ${sd.status} and cannot be stopped.`);
    }
    const service = ctx.state.services.get(sd.serviceKey);
    if (service && (sd.status === 'PENDING' || sd.status === 'IN_PROGRESS')) {
      stopServiceDeployment(ctx, service, sd, stopType);
      scheduleReconcile(ctx, service);
    }
    return { serviceDeploymentArn: sd.arn };
  },
};
