/**
 * PutScheduledAction, DescribeScheduledActions, DeleteScheduledAction (Application Auto Scaling API reference).
 * A scheduled action belongs to a registered scalable target and is named uniquely on it; putting an existing name
 * updates it in place (same ARN): the parameters given replace the stored ones, and start and end times that are
 * not given are deleted, as the API reference says. Deregistering the target deletes its scheduled actions
 * (scalable-targets.ts). The emulator stores and describes scheduled actions but does not run them.
 */
import { randomUUID } from 'node:crypto';
import { AwsServiceError } from '../contracts.js';
import type { OperationHandler } from '../contracts.js';
import { describeFiltered, optInt, optObject, optStr, reqStr, validation } from './params.js';
import type { Params } from './params.js';
import { checkNamespace, readTargetId } from './scalable-targets.js';
import type { AutoScalingContext, AutoScalingStore, ScheduledActionRec, TargetId } from './store.js';
import { scheduledActionKey } from './store.js';

const SCHEDULE_FORMATS = [
  /^at\(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\)$/,
  /^rate\([1-9]\d* (minute|minutes|hour|hours|day|days)\)$/,
  /^cron\(\S+( \S+){5}\)$/,
];

export function describeScheduledAction(a: ScheduledActionRec): Record<string, unknown> {
  return {
    ScheduledActionName: a.scheduledActionName,
    ScheduledActionARN: a.scheduledActionArn,
    ServiceNamespace: a.serviceNamespace,
    Schedule: a.schedule,
    ...(a.timezone !== undefined ? { Timezone: a.timezone } : {}),
    ResourceId: a.resourceId,
    ScalableDimension: a.scalableDimension,
    ...(a.startTime !== undefined ? { StartTime: a.startTime } : {}),
    ...(a.endTime !== undefined ? { EndTime: a.endTime } : {}),
    ...(a.scalableTargetAction !== undefined ? { ScalableTargetAction: { ...a.scalableTargetAction } } : {}),
    CreationTime: a.createdAt / 1000,
  };
}

function readName(params: Params): string {
  const name = reqStr(params, 'ScheduledActionName');
  if (name.length < 1 || name.length > 256 || /^ | $|[\x00-\x1f\x7f-\x9f:/|]/.test(name)) {
    throw validation(
      `1 validation error detected: Value '${name}' at 'scheduledActionName' failed to satisfy constraint: Member must satisfy regular expression pattern: (?!((^[ ]+.*)|(.*([\\u0000-\\u001f]|[\\u007f-\\u009f]|[:/|])+.*)|(.*[ ]+$))).+`,
    );
  }
  return name;
}

function readSchedule(params: Params): string | undefined {
  const schedule = optStr(params, 'Schedule');
  if (schedule !== undefined && !SCHEDULE_FORMATS.some((re) => re.test(schedule))) {
    throw validation(`Unsupported schedule expression '${schedule}': use at(yyyy-mm-ddThh:mm:ss), rate(value unit) or cron(fields)`);
  }
  return schedule;
}

function readTime(params: Params, name: 'StartTime' | 'EndTime'): number | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number') throw validation(`Value at '${name.charAt(0).toLowerCase()}${name.slice(1)}' must be a timestamp`);
  return value;
}

function readTargetAction(params: Params): ScheduledActionRec['scalableTargetAction'] {
  const given = optObject(params, 'ScalableTargetAction');
  if (given === undefined) return undefined;
  const min = optInt(given, 'MinCapacity');
  const max = optInt(given, 'MaxCapacity');
  if ((min !== undefined && min < 0) || (max !== undefined && max < 0)) throw validation('Capacity values must be non-negative');
  if (min !== undefined && max !== undefined && min > max) throw validation('Minimum capacity cannot be greater than maximum capacity');
  return { ...(min !== undefined ? { MinCapacity: min } : {}), ...(max !== undefined ? { MaxCapacity: max } : {}) };
}

function notFound(id: TargetId, name: string): AwsServiceError {
  return new AwsServiceError(
    'ObjectNotFoundException',
    `No scheduled action found for service namespace: ${id.serviceNamespace}, resource ID: ${id.resourceId}, scalable dimension: ${id.scalableDimension}, scheduled action name: ${name}`,
  );
}

export function scheduledActionHandlers(store: AutoScalingStore, ctx: AutoScalingContext): Record<string, OperationHandler> {
  const put: OperationHandler = (params) => {
    const name = readName(params);
    const id = readTargetId(params);
    store.registeredTarget(id);
    const schedule = readSchedule(params);
    const timezone = optStr(params, 'Timezone');
    const startTime = readTime(params, 'StartTime');
    const endTime = readTime(params, 'EndTime');
    if (startTime !== undefined && endTime !== undefined && endTime <= startTime) throw validation('EndTime must be after StartTime');
    const targetAction = readTargetAction(params);
    const existing = store.scheduledActions.get(scheduledActionKey(id, name));
    if (existing === undefined && schedule === undefined) throw validation('Schedule is required when creating a scheduled action');
    const action: ScheduledActionRec = {
      scheduledActionArn:
        existing?.scheduledActionArn ??
        `arn:aws:autoscaling:${ctx.region}:${ctx.accountId}:scheduledAction:${randomUUID()}:resource/${id.serviceNamespace}/${id.resourceId}:scheduledActionName/${name}`,
      scheduledActionName: name,
      ...id,
      schedule: schedule ?? existing?.schedule ?? '',
      createdAt: existing?.createdAt ?? ctx.clock.now(),
    };
    const zone = timezone ?? existing?.timezone;
    if (zone !== undefined) action.timezone = zone;
    if (startTime !== undefined) action.startTime = startTime;
    if (endTime !== undefined) action.endTime = endTime;
    const capacities = targetAction ?? existing?.scalableTargetAction;
    if (capacities !== undefined) action.scalableTargetAction = capacities;
    store.scheduledActions.set(scheduledActionKey(id, name), action);
    return {};
  };

  const remove: OperationHandler = (params) => {
    const name = reqStr(params, 'ScheduledActionName');
    const id = readTargetId(params);
    if (!store.scheduledActions.delete(scheduledActionKey(id, name))) throw notFound(id, name);
    return {};
  };

  const describe: OperationHandler = (params) => {
    const { page, NextToken } = describeFiltered(store.scheduledActions.values(), params, 'ScheduledActionNames', (a) => a.scheduledActionName, checkNamespace);
    return { ScheduledActions: page.map(describeScheduledAction), ...(NextToken !== undefined ? { NextToken } : {}) };
  };

  return { PutScheduledAction: put, DeleteScheduledAction: remove, DescribeScheduledActions: describe };
}
