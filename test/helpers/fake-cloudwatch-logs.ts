/**
 * An in-memory CloudWatch Logs for GetLogEvents, behind aws-sdk-client-mock, following the API reference:
 * with startFromHead and no token, events are read from the start of the stream; nextForwardToken points after
 * the last event returned, and at the end of the stream the call returns the token it was given. A missing
 * group or stream is a ResourceNotFoundException ("The specified log group/stream does not exist.").
 */
import {
  AccessDeniedException,
  CloudWatchLogsClient,
  GetLogEventsCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-cloudwatch-logs';
import type { GetLogEventsCommandInput, GetLogEventsCommandOutput } from '@aws-sdk/client-cloudwatch-logs';
import { mockClient } from 'aws-sdk-client-mock';

export class FakeCloudWatchLogs {
  readonly client = new CloudWatchLogsClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
  readonly mock = mockClient(this.client);
  private readonly groups = new Map<string, Map<string, string[]>>();
  /** Groups the caller may not read. */
  readonly denied = new Set<string>();
  /** Events per response (the real limit is 10,000 events or 1 MB). */
  pageSize = 10_000;
  /** Set to make every call fail with this error (e.g. throttling). */
  failWith: Error | undefined;

  constructor() {
    this.mock.on(GetLogEventsCommand).callsFake((input: GetLogEventsCommandInput) => this.getLogEvents(input));
  }

  createGroup(group: string): void {
    if (!this.groups.has(group)) this.groups.set(group, new Map());
  }

  /** Appends lines to a stream, creating it (and its group) if needed. */
  put(group: string, stream: string, ...messages: string[]): void {
    this.createGroup(group);
    const streams = this.groups.get(group);
    if (streams === undefined) throw new Error('unreachable');
    const events = streams.get(stream) ?? [];
    events.push(...messages);
    streams.set(stream, events);
  }

  calls(): GetLogEventsCommandInput[] {
    return this.mock.commandCalls(GetLogEventsCommand).map((c) => c.args[0].input);
  }

  private getLogEvents(input: GetLogEventsCommandInput): Partial<GetLogEventsCommandOutput> {
    if (this.failWith !== undefined) throw this.failWith;
    if (input.startFromHead !== true) throw new Error('fake: only startFromHead=true reads are modelled');
    const group = input.logGroupName ?? '';
    if (this.denied.has(group)) {
      throw new AccessDeniedException({ message: `User is not authorized to perform: logs:GetLogEvents on ${group}`, $metadata: {} });
    }
    const streams = this.groups.get(group);
    if (streams === undefined) {
      throw new ResourceNotFoundException({ message: 'The specified log group does not exist.', $metadata: {} });
    }
    const events = streams.get(input.logStreamName ?? '');
    if (events === undefined) {
      throw new ResourceNotFoundException({ message: 'The specified log stream does not exist.', $metadata: {} });
    }
    const from = input.nextToken === undefined ? 0 : Number(/^f\/(\d+)$/.exec(input.nextToken)?.[1] ?? NaN);
    if (Number.isNaN(from)) throw new Error(`fake: bad token ${input.nextToken}`);
    const page = events.slice(from, from + this.pageSize);
    const token = page.length === 0 && input.nextToken !== undefined ? input.nextToken : `f/${from + page.length}`;
    return {
      events: page.map((message, i) => ({ message, timestamp: from + i, ingestionTime: from + i })),
      nextForwardToken: token,
      nextBackwardToken: `b/${from}`,
    };
  }
}
