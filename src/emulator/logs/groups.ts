/** Log groups and log streams: create, describe, delete, retention. */
import { AwsServiceError } from '../contracts.js';
import type { OperationHandler } from '../contracts.js';
import { invalid, limitOf, notNull, optBool, optNum, optStr, paginate, reqStr } from './params.js';
import type { Params } from './params.js';
import type { LogGroup, LogStream, LogsStore } from './store.js';

const RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

function checkGroupName(name: string): void {
  if (name.length < 1 || name.length > 512 || !/^[.\-_/#A-Za-z0-9]+$/.test(name)) {
    throw invalid(
      `1 validation error detected: Value '${name}' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+`,
    );
  }
}

function checkStreamName(name: string): void {
  if (name.length < 1 || name.length > 512 || /[:*]/.test(name)) {
    throw invalid(
      `1 validation error detected: Value '${name}' at 'logStreamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [^:*]*`,
    );
  }
}

/** The group named by logGroupName or logGroupIdentifier (exactly one of them). */
export function groupOf(store: LogsStore, params: Params): LogGroup {
  const name = optStr(params, 'logGroupName');
  const identifier = optStr(params, 'logGroupIdentifier');
  if (name !== undefined && identifier !== undefined) {
    throw invalid('LogGroup name and LogGroup ARN are mutually exclusive parameters.');
  }
  if (name === undefined && identifier === undefined) throw notNull('logGroupName');
  return store.group(name ?? identifier ?? '');
}

export function describeGroup(store: LogsStore, g: LogGroup): Params {
  const out: Params = {
    logGroupName: g.name,
    creationTime: g.creationTime,
    metricFilterCount: 0,
    arn: `${store.groupArn(g.name)}:*`,
    storedBytes: 0,
    logGroupClass: g.logGroupClass,
    logGroupArn: store.groupArn(g.name),
  };
  if (g.retentionInDays !== undefined) out['retentionInDays'] = g.retentionInDays;
  return out;
}

export function describeStream(store: LogsStore, g: LogGroup, s: LogStream): Params {
  const out: Params = {
    logStreamName: s.name,
    creationTime: s.creationTime,
    arn: `${store.groupArn(g.name)}:log-stream:${s.name}`,
    storedBytes: 0,
  };
  const first = s.events[0];
  const last = s.events.at(-1);
  if (first && last) {
    out['firstEventTimestamp'] = first.timestamp;
    out['lastEventTimestamp'] = last.timestamp;
  }
  if (s.lastIngestionTime !== undefined) out['lastIngestionTime'] = s.lastIngestionTime;
  if (s.uploads > 0) out['uploadSequenceToken'] = String(s.uploads).padStart(56, '4');
  return out;
}

export function groupHandlers(store: LogsStore): Record<string, OperationHandler> {
  return {
    CreateLogGroup: (params) => {
      const name = reqStr(params, 'logGroupName');
      checkGroupName(name);
      if (store.groups.has(name)) throw new AwsServiceError('ResourceAlreadyExistsException', 'The specified log group already exists');
      const group = store.createGroup(name);
      const logGroupClass = optStr(params, 'logGroupClass');
      if (logGroupClass !== undefined) {
        if (!['STANDARD', 'INFREQUENT_ACCESS', 'DELIVERY'].includes(logGroupClass)) throw invalid(`Invalid log group class '${logGroupClass}'`);
        group.logGroupClass = logGroupClass;
      }
      const tags = params['tags'];
      if (tags !== undefined && tags !== null && typeof tags === 'object') group.tags = { ...(tags as Record<string, string>) };
      return {};
    },
    DescribeLogGroups: (params) => {
      const prefix = optStr(params, 'logGroupNamePrefix');
      const pattern = optStr(params, 'logGroupNamePattern');
      if (prefix !== undefined && pattern !== undefined) {
        throw invalid('LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.');
      }
      const found = [...store.groups.values()]
        .filter((g) => (prefix === undefined || g.name.startsWith(prefix)) && (pattern === undefined || g.name.toLowerCase().includes(pattern.toLowerCase())))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const { page, nextToken } = paginate(found, params, limitOf(params, 50, 50));
      return { logGroups: page.map((g) => describeGroup(store, g)), ...(nextToken ? { nextToken } : {}) };
    },
    DeleteLogGroup: (params) => {
      const group = store.group(reqStr(params, 'logGroupName'));
      store.groups.delete(group.name);
      return {};
    },
    PutRetentionPolicy: (params) => {
      const group = store.group(reqStr(params, 'logGroupName'));
      const days = optNum(params, 'retentionInDays');
      if (days === undefined) throw notNull('retentionInDays');
      if (!RETENTION_DAYS.includes(days)) throw invalid(`Invalid retentionInDays value: ${days}`);
      group.retentionInDays = days;
      return {};
    },
    CreateLogStream: (params) => {
      const group = store.group(reqStr(params, 'logGroupName'));
      const name = reqStr(params, 'logStreamName');
      checkStreamName(name);
      if (group.streams.has(name)) throw new AwsServiceError('ResourceAlreadyExistsException', 'The specified log stream already exists');
      store.createStream(group, name);
      return {};
    },
    DeleteLogStream: (params) => {
      const group = store.group(reqStr(params, 'logGroupName'));
      const stream = store.stream(group, reqStr(params, 'logStreamName'));
      group.streams.delete(stream.name);
      return {};
    },
    DescribeLogStreams: (params) => {
      const group = groupOf(store, params);
      const prefix = optStr(params, 'logStreamNamePrefix');
      const orderBy = optStr(params, 'orderBy') ?? 'LogStreamName';
      if (orderBy !== 'LogStreamName' && orderBy !== 'LastEventTime') {
        throw invalid(`1 validation error detected: Value '${orderBy}' at 'orderBy' failed to satisfy constraint: Member must satisfy enum value set: [LogStreamName, LastEventTime]`);
      }
      if (orderBy === 'LastEventTime' && prefix !== undefined) throw invalid('Cannot order by LastEventTime with a logStreamNamePrefix.');
      const descending = optBool(params, 'descending') ?? false;
      const lastEvent = (s: LogStream): number => s.events.at(-1)?.timestamp ?? 0;
      const streams = [...group.streams.values()]
        .filter((s) => prefix === undefined || s.name.startsWith(prefix))
        .sort((a, b) =>
          orderBy === 'LastEventTime' ? lastEvent(a) - lastEvent(b) || a.creationTime - b.creationTime : a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
        );
      if (descending) streams.reverse();
      const { page, nextToken } = paginate(streams, params, limitOf(params, 50, 50));
      return { logStreams: page.map((s) => describeStream(store, group, s)), ...(nextToken ? { nextToken } : {}) };
    },
  };
}
