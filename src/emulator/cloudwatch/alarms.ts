/**
 * Metric alarms (CloudWatch API reference): PutMetricAlarm creates an alarm in INSUFFICIENT_DATA, or overwrites the
 * configuration of an existing one and leaves its state unchanged (tags are then ignored); DescribeAlarms lists
 * them by name (metric alarms only, unless AlarmTypes asks for composite ones, which the emulator has none of);
 * SetAlarmState changes the state until the next evaluation — which never comes, the emulator has no metrics — and,
 * when the state changed and actions are enabled, runs the actions of the new state: an Application Auto Scaling
 * policy ARN runs that policy (AutoScalingBackend), other ARNs (SNS, EC2 actions) are accepted and do nothing;
 * DeleteAlarms deletes the named alarms, or none when one of them does not exist.
 */
import { AwsServiceError } from '../contracts.js';
import type { AlarmSignal, OperationHandler, World } from '../contracts.js';
import {
  invalidCombination,
  invalidValue,
  missing,
  notNull,
  optBool,
  optEnum,
  optInt,
  optList,
  optNumber,
  optStr,
  optStrList,
  paginate,
  reqEnum,
  reqStr,
  type Params,
} from './params.js';
import type { AlarmRec, AlarmState, CloudWatchContext, CloudWatchStore } from './store.js';

const STATES: readonly AlarmState[] = ['OK', 'ALARM', 'INSUFFICIENT_DATA'];
const COMPARISONS = [
  'GreaterThanOrEqualToThreshold',
  'GreaterThanThreshold',
  'LessThanThreshold',
  'LessThanOrEqualToThreshold',
  'LessThanLowerOrGreaterThanUpperThreshold',
  'LessThanLowerThreshold',
  'GreaterThanUpperThreshold',
];
const STATISTICS = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'];
const MISSING_DATA = ['breaching', 'notBreaching', 'ignore', 'missing'];
const SINGLE_METRIC = ['MetricName', 'Namespace', 'Statistic', 'ExtendedStatistic', 'Dimensions', 'Period', 'Unit'];

export function describeAlarm(a: AlarmRec): Record<string, unknown> {
  return {
    AlarmName: a.name,
    AlarmArn: a.arn,
    ...a.configuration,
    Dimensions: a.configuration['Dimensions'] ?? [],
    ActionsEnabled: a.actionsEnabled,
    OKActions: [...a.okActions],
    AlarmActions: [...a.alarmActions],
    InsufficientDataActions: [...a.insufficientDataActions],
    StateValue: a.state,
    StateReason: a.stateReason,
    ...(a.stateReasonData !== undefined ? { StateReasonData: a.stateReasonData } : {}),
    StateUpdatedTimestamp: a.stateUpdatedAt / 1000,
    StateTransitionedTimestamp: a.stateTransitionedAt / 1000,
    AlarmConfigurationUpdatedTimestamp: a.configurationUpdatedAt / 1000,
  };
}

function readActions(params: Params, name: string): string[] {
  const arns = optStrList(params, name, 5) ?? [];
  for (const arn of arns) if (!/^arn:[^:]+:[^:]+:/.test(arn)) throw invalidValue(`Invalid arn syntax: ${arn}`);
  return arns;
}

/** The metric the alarm watches: one metric (name, namespace, statistic, period) or a list of metric queries. */
function checkMetric(params: Params): void {
  const metrics = optList(params, 'Metrics', 10);
  if (metrics !== undefined) {
    const mixed = SINGLE_METRIC.filter((m) => params[m] !== undefined && params[m] !== null);
    if (mixed.length > 0) throw invalidCombination(`The parameters Metrics and ${mixed.join(', ')} are mutually exclusive.`);
    for (const m of metrics) reqStr(m, 'Id', 255);
    return;
  }
  if (optStr(params, 'MetricName', 255) === undefined) throw missing('MetricName');
  if (optStr(params, 'Namespace', 255) === undefined) throw missing('Namespace');
  const statistic = optEnum(params, 'Statistic', STATISTICS);
  const extended = optStr(params, 'ExtendedStatistic');
  if ((statistic === undefined) === (extended === undefined)) {
    throw invalidCombination('Exactly one of the parameters Statistic and ExtendedStatistic must be specified.');
  }
  const period = optInt(params, 'Period', 1);
  if (period === undefined) throw missing('Period');
  if (![10, 20, 30].includes(period) && period % 60 !== 0) throw invalidValue('The parameter Period must be 10, 20, 30, or a multiple of 60.');
  const dimensions = optList(params, 'Dimensions', 30) ?? [];
  for (const d of dimensions) {
    reqStr(d, 'Name', 255);
    reqStr(d, 'Value', 1024);
  }
}

function putMetricAlarm(store: CloudWatchStore, ctx: CloudWatchContext, params: Params): Record<string, unknown> {
  const name = reqStr(params, 'AlarmName', 255);
  const evaluationPeriods = optInt(params, 'EvaluationPeriods', 1);
  if (evaluationPeriods === undefined) throw notNull('EvaluationPeriods');
  reqEnum(params, 'ComparisonOperator', COMPARISONS);
  checkMetric(params);
  const threshold = optNumber(params, 'Threshold');
  if (threshold === undefined && optStr(params, 'ThresholdMetricId', 255) === undefined) throw missing('Threshold');
  const datapoints = optInt(params, 'DatapointsToAlarm', 1);
  if (datapoints !== undefined && evaluationPeriods !== undefined && datapoints > evaluationPeriods) {
    throw invalidValue('DatapointsToAlarm must be less than or equal to EvaluationPeriods.');
  }
  optEnum(params, 'TreatMissingData', MISSING_DATA);
  optStr(params, 'AlarmDescription');
  const actions = {
    okActions: readActions(params, 'OKActions'),
    alarmActions: readActions(params, 'AlarmActions'),
    insufficientDataActions: readActions(params, 'InsufficientDataActions'),
  };
  const configuration: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    if (!['AlarmName', 'ActionsEnabled', 'OKActions', 'AlarmActions', 'InsufficientDataActions', 'Tags'].includes(key) && value !== null) {
      configuration[key] = value;
    }
  }
  const now = ctx.clock.now();
  const existing = store.alarms.get(name);
  const alarm: AlarmRec = {
    name,
    arn: `arn:aws:cloudwatch:${ctx.region}:${ctx.accountId}:alarm:${name}`,
    configuration,
    actionsEnabled: optBool(params, 'ActionsEnabled') ?? true,
    ...actions,
    ...(threshold !== undefined ? { threshold } : {}),
    state: existing?.state ?? 'INSUFFICIENT_DATA',
    stateReason: existing?.stateReason ?? 'Unchecked: Initial alarm creation',
    ...(existing?.stateReasonData !== undefined ? { stateReasonData: existing.stateReasonData } : {}),
    stateUpdatedAt: existing?.stateUpdatedAt ?? now,
    stateTransitionedAt: existing?.stateTransitionedAt ?? now,
    configurationUpdatedAt: now,
    tags: existing?.tags ?? readTags(params),
    lastActions: existing?.lastActions ?? [],
  };
  store.alarms.set(name, alarm);
  return {};
}

function readTags(params: Params): { Key: string; Value: string }[] {
  return (optList(params, 'Tags', 50) ?? []).map((t) => ({ Key: reqStr(t, 'Key', 128), Value: reqStr(t, 'Value', 256) }));
}

function describeAlarms(store: CloudWatchStore, params: Params): Record<string, unknown> {
  const names = optStrList(params, 'AlarmNames', 100);
  const prefix = optStr(params, 'AlarmNamePrefix', 255);
  if (names !== undefined && prefix !== undefined) {
    throw invalidCombination('The parameters AlarmNames and AlarmNamePrefix are mutually exclusive.');
  }
  const types = optStrList(params, 'AlarmTypes', 2) ?? ['MetricAlarm'];
  const state = optEnum(params, 'StateValue', STATES);
  const actionPrefix = optStr(params, 'ActionPrefix', 1024);
  const found = [...store.alarms.values()]
    .filter(
      (a) =>
        types.includes('MetricAlarm') &&
        (names === undefined || names.includes(a.name)) &&
        (prefix === undefined || a.name.startsWith(prefix)) &&
        (state === undefined || a.state === state) &&
        (actionPrefix === undefined || [...a.okActions, ...a.alarmActions, ...a.insufficientDataActions].some((x) => x.startsWith(actionPrefix))),
    )
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const { page, NextToken } = paginate(found, params, 100, 50);
  return { MetricAlarms: page.map(describeAlarm), CompositeAlarms: [], ...(NextToken !== undefined ? { NextToken } : {}) };
}

function setAlarmState(store: CloudWatchStore, ctx: CloudWatchContext, params: Params, world: World): Record<string, unknown> {
  const name = reqStr(params, 'AlarmName', 255);
  const state = reqEnum(params, 'StateValue', STATES) as AlarmState;
  const reason = reqStr(params, 'StateReason', 1023);
  const reasonData = optStr(params, 'StateReasonData', 4000);
  let data: unknown;
  if (reasonData !== undefined) {
    try {
      data = JSON.parse(reasonData);
    } catch {
      throw new AwsServiceError('InvalidFormat', 'StateReasonData is not valid JSON.');
    }
  }
  const alarm = store.alarms.get(name);
  if (alarm === undefined) throw new AwsServiceError('ResourceNotFound', `Alarm ${name} not found`, 404);
  const now = ctx.clock.now();
  const changed = alarm.state !== state;
  alarm.state = state;
  alarm.stateReason = reason;
  if (reasonData !== undefined) alarm.stateReasonData = reasonData;
  else delete alarm.stateReasonData;
  alarm.stateUpdatedAt = now;
  if (changed) alarm.stateTransitionedAt = now;
  if (!changed || !alarm.actionsEnabled) return {};
  const actions = state === 'ALARM' ? alarm.alarmActions : state === 'OK' ? alarm.okActions : alarm.insufficientDataActions;
  const signal: AlarmSignal = { alarmName: name, ...(alarm.threshold !== undefined ? { threshold: alarm.threshold } : {}) };
  const value = newestDatapoint(data);
  if (value !== undefined) signal.metricValue = value;
  alarm.lastActions = actions.map((arn) => ({
    arn,
    result: /^arn:[^:]+:autoscaling:[^:]*:[^:]*:scalingPolicy:/.test(arn) ? world.autoscaling.runAlarmAction(arn, signal, world) : 'accepted',
  }));
  return {};
}

/** The last number of StateReasonData's `recentDatapoints` (the shape CloudWatch itself writes there). */
function newestDatapoint(data: unknown): number | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const points = (data as Record<string, unknown>)['recentDatapoints'];
  if (!Array.isArray(points)) return undefined;
  const last: unknown = points[points.length - 1];
  return typeof last === 'number' ? last : undefined;
}

function deleteAlarms(store: CloudWatchStore, params: Params): Record<string, unknown> {
  const names = optStrList(params, 'AlarmNames', 100);
  if (names === undefined) throw notNull('AlarmNames');
  const absent = names.filter((n) => !store.alarms.has(n));
  if (absent.length > 0) throw new AwsServiceError('ResourceNotFound', `${absent.join(', ')} not found`, 404);
  for (const n of names) store.alarms.delete(n);
  return {};
}

export function alarmHandlers(store: CloudWatchStore, ctx: CloudWatchContext): Record<string, OperationHandler> {
  return {
    PutMetricAlarm: (params) => putMetricAlarm(store, ctx, params),
    DescribeAlarms: (params) => describeAlarms(store, params),
    SetAlarmState: (params, world) => setAlarmState(store, ctx, params, world),
    DeleteAlarms: (params) => deleteAlarms(store, params),
  };
}
