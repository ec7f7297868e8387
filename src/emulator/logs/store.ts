/**
 * CloudWatch Logs state: log groups with their streams; each stream keeps its events ordered by timestamp, then
 * by ingestion order. Every event carries a group-wide sequence number, so (timestamp, sequence) is a total
 * order that pagination tokens and event ids are built from.
 */
import { AwsServiceError } from '../contracts.js';
import type { SimClock } from '../contracts.js';

export interface LogEvent {
  timestamp: number;
  message: string;
  ingestionTime: number;
  seq: number;
}

export interface LogStream {
  name: string;
  creationTime: number;
  events: LogEvent[];
  lastIngestionTime?: number;
  uploads: number;
}

export interface LogGroup {
  name: string;
  creationTime: number;
  retentionInDays?: number;
  logGroupClass: string;
  streams: Map<string, LogStream>;
  nextSeq: number;
  tags: Record<string, string>;
}

export interface LogsContext {
  clock: SimClock;
  region: string;
  accountId: string;
}

/** (timestamp, seq) as 56 digits: the body of tokens and event ids; sorts as the events do. */
export const eventKey = (e: { timestamp: number; seq: number }): string =>
  `${String(e.timestamp).padStart(20, '0')}${String(e.seq).padStart(36, '0')}`;

export const groupNotFound = (): AwsServiceError =>
  new AwsServiceError('ResourceNotFoundException', 'The specified log group does not exist.');
export const streamNotFound = (): AwsServiceError =>
  new AwsServiceError('ResourceNotFoundException', 'The specified log stream does not exist.');

export class LogsStore {
  readonly groups = new Map<string, LogGroup>();

  constructor(readonly ctx: LogsContext) {}

  groupArn(name: string): string {
    return `arn:aws:logs:${this.ctx.region}:${this.ctx.accountId}:log-group:${name}`;
  }

  /** A group by name, or by ARN (with or without the trailing `:*`) as logGroupIdentifier allows. */
  group(nameOrArn: string): LogGroup {
    const prefix = `arn:aws:logs:${this.ctx.region}:${this.ctx.accountId}:log-group:`;
    const name = nameOrArn.startsWith(prefix) ? nameOrArn.slice(prefix.length).replace(/:\*$/, '') : nameOrArn;
    const group = this.groups.get(name);
    if (!group) throw groupNotFound();
    return group;
  }

  stream(group: LogGroup, name: string): LogStream {
    const stream = group.streams.get(name);
    if (!stream) throw streamNotFound();
    return stream;
  }

  createGroup(name: string): LogGroup {
    const group: LogGroup = { name, creationTime: this.ctx.clock.now(), logGroupClass: 'STANDARD', streams: new Map(), nextSeq: 1, tags: {} };
    this.groups.set(name, group);
    return group;
  }

  createStream(group: LogGroup, name: string): LogStream {
    const stream: LogStream = { name, creationTime: this.ctx.clock.now(), events: [], uploads: 0 };
    group.streams.set(name, stream);
    return stream;
  }

  /** Inserts events (already validated) keeping the stream ordered by timestamp. */
  append(group: LogGroup, stream: LogStream, events: { timestamp: number; message: string }[]): void {
    const now = this.ctx.clock.now();
    for (const e of events) {
      const event: LogEvent = { timestamp: e.timestamp, message: e.message, ingestionTime: now, seq: group.nextSeq++ };
      let i = stream.events.length;
      while (i > 0 && (stream.events[i - 1]?.timestamp ?? 0) > event.timestamp) i--;
      stream.events.splice(i, 0, event);
    }
    if (events.length > 0) stream.lastIngestionTime = now;
    stream.uploads++;
  }
}
