/**
 * CloudWatch Logs per its API reference: groups and streams (ResourceAlreadyExists / ResourceNotFound texts),
 * DescribeLogStreams ordering, PutLogEvents rules, GetLogEvents tokens (the same token back at the end of the
 * stream), FilterLogEvents across streams with pagination, and the LogsBackend the awslogs driver uses.
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import type { LogsBackend, ServiceModule } from '../../../src/emulator/contracts.js';
import { createLogsModule } from '../../../src/emulator/logs/index.js';
import { awsError, fakeWorld, invoke } from '../../helpers/emulator/module-harness.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let logs: ServiceModule;
let backend: LogsBackend;
let world: ReturnType<typeof fakeWorld>;
const call = (op: string, params: object): Json => invoke<Json>(logs, world, op, params);
const G = '/ecs/web';
const put = (stream: string, events: [number, string][]) =>
  call('PutLogEvents', { logGroupName: G, logStreamName: stream, logEvents: events.map(([timestamp, message]) => ({ timestamp, message })) });
const messages = (out: Json): string[] => out['events'].map((e: Json) => e['message']);

beforeEach(() => {
  world = fakeWorld();
  const created = createLogsModule({ clock: world.clock, region: 'us-east-1', accountId: '123456789012' });
  logs = created.module;
  backend = created.backend;
});

describe('log groups and streams', () => {
  it('creates, describes (with ARNs) and deletes groups; duplicates and unknown groups fail as AWS says', () => {
    call('CreateLogGroup', { logGroupName: G });
    call('CreateLogGroup', { logGroupName: '/other' });
    expect(awsError(() => call('CreateLogGroup', { logGroupName: G }))).toMatchObject({
      code: 'ResourceAlreadyExistsException',
      message: 'The specified log group already exists',
    });
    const groups = call('DescribeLogGroups', { logGroupNamePrefix: '/ecs' })['logGroups'];
    expect(groups).toEqual([
      {
        logGroupName: G,
        creationTime: world.clock.now(),
        metricFilterCount: 0,
        arn: `arn:aws:logs:us-east-1:123456789012:log-group:${G}:*`,
        storedBytes: 0,
        logGroupClass: 'STANDARD',
        logGroupArn: `arn:aws:logs:us-east-1:123456789012:log-group:${G}`,
      },
    ]);
    call('DeleteLogGroup', { logGroupName: G });
    expect(awsError(() => call('DeleteLogGroup', { logGroupName: G }))).toMatchObject({
      code: 'ResourceNotFoundException',
      message: 'The specified log group does not exist.',
    });
    expect(call('DescribeLogGroups', {})['logGroups'].map((g: Json) => g['logGroupName'])).toEqual(['/other']);
  });

  it('creates streams only in existing groups, once', () => {
    expect(awsError(() => call('CreateLogStream', { logGroupName: G, logStreamName: 's' })).message).toBe('The specified log group does not exist.');
    call('CreateLogGroup', { logGroupName: G });
    call('CreateLogStream', { logGroupName: G, logStreamName: 's' });
    expect(awsError(() => call('CreateLogStream', { logGroupName: G, logStreamName: 's' }))).toMatchObject({
      code: 'ResourceAlreadyExistsException',
      message: 'The specified log stream already exists',
    });
    expect(awsError(() => call('CreateLogStream', { logGroupName: G, logStreamName: 'a:b' })).code).toBe('InvalidParameterException');
  });

  it('describes streams by prefix, or by LastEventTime descending (not both)', () => {
    call('CreateLogGroup', { logGroupName: G });
    for (const name of ['web/app/1', 'web/app/2', 'web/sidecar/1']) call('CreateLogStream', { logGroupName: G, logStreamName: name });
    const now = world.clock.now();
    put('web/app/2', [[now - 3000, 'old']]);
    put('web/sidecar/1', [[now - 1000, 'newest']]);
    put('web/app/1', [[now - 2000, 'middle']]);
    const names = (out: Json) => out['logStreams'].map((s: Json) => s['logStreamName']);
    expect(names(call('DescribeLogStreams', { logGroupName: G, logStreamNamePrefix: 'web/app/' }))).toEqual(['web/app/1', 'web/app/2']);
    expect(names(call('DescribeLogStreams', { logGroupName: G, orderBy: 'LastEventTime', descending: true }))).toEqual([
      'web/sidecar/1',
      'web/app/1',
      'web/app/2',
    ]);
    const [stream] = call('DescribeLogStreams', { logGroupIdentifier: `arn:aws:logs:us-east-1:123456789012:log-group:${G}`, logStreamNamePrefix: 'web/app/2' })['logStreams'];
    expect(stream).toMatchObject({
      logStreamName: 'web/app/2',
      firstEventTimestamp: now - 3000,
      lastEventTimestamp: now - 3000,
      lastIngestionTime: now,
      arn: `arn:aws:logs:us-east-1:123456789012:log-group:${G}:log-stream:web/app/2`,
    });
    expect(awsError(() => call('DescribeLogStreams', { logGroupName: G, orderBy: 'LastEventTime', logStreamNamePrefix: 'web' }))).toMatchObject({
      code: 'InvalidParameterException',
      message: 'Cannot order by LastEventTime with a logStreamNamePrefix.',
    });
    const page1 = call('DescribeLogStreams', { logGroupName: G, limit: 2 });
    expect(names(page1)).toHaveLength(2);
    expect(names(call('DescribeLogStreams', { logGroupName: G, limit: 2, nextToken: page1['nextToken'] }))).toEqual(['web/sidecar/1']);
  });
});

describe('PutLogEvents', () => {
  beforeEach(() => {
    call('CreateLogGroup', { logGroupName: G });
    call('CreateLogStream', { logGroupName: G, logStreamName: 's' });
  });

  it('needs an existing stream and events in chronological order within 24 hours', () => {
    const now = world.clock.now();
    expect(awsError(() => call('PutLogEvents', { logGroupName: G, logStreamName: 'x', logEvents: [{ timestamp: now, message: 'm' }] })).message).toBe(
      'The specified log stream does not exist.',
    );
    expect(awsError(() => put('s', [[now, 'b'], [now - 1, 'a']])).message).toBe('Log events in a single PutLogEvents request must be in chronological order.');
    expect(awsError(() => put('s', [[now - 25 * 3_600_000, 'a'], [now, 'b']])).code).toBe('InvalidParameterException');
    expect(typeof put('s', [[now, 'ok']])['nextSequenceToken']).toBe('string');
  });

  it('rejects events older than 14 days or more than 2 hours ahead and keeps the rest', () => {
    const now = world.clock.now();
    const out = put('s', [[now - 14 * 86_400_000 - 3_600_000, 'too old'], [now - 14 * 86_400_000 + 3_600_000, 'kept']]);
    expect(out['rejectedLogEventsInfo']).toEqual({ tooOldLogEventEndIndex: 1 });
    const ahead = put('s', [[now, 'kept too'], [now + 3 * 3_600_000, 'too new']]);
    expect(ahead['rejectedLogEventsInfo']).toEqual({ tooNewLogEventStartIndex: 1 });
    expect(messages(call('GetLogEvents', { logGroupName: G, logStreamName: 's', startFromHead: true }))).toEqual(['kept', 'kept too']);
  });
});

describe('GetLogEvents tokens', () => {
  beforeEach(() => {
    call('CreateLogGroup', { logGroupName: G });
    call('CreateLogStream', { logGroupName: G, logStreamName: 's' });
  });

  it('returns the same forward token at the end of the stream, and only new events after it', () => {
    const now = world.clock.now();
    put('s', [[now, 'one'], [now + 1, 'two']]);
    const first = call('GetLogEvents', { logGroupName: G, logStreamName: 's', startFromHead: true });
    expect(messages(first)).toEqual(['one', 'two']);
    expect(first['events'][0]).toEqual({ timestamp: now, message: 'one', ingestionTime: now });
    const idle = call('GetLogEvents', { logGroupName: G, logStreamName: 's', nextToken: first['nextForwardToken'] });
    expect(idle['events']).toEqual([]);
    expect(idle['nextForwardToken']).toBe(first['nextForwardToken']);
    const again = call('GetLogEvents', { logGroupName: G, logStreamName: 's', nextToken: idle['nextForwardToken'] });
    expect(again['nextForwardToken']).toBe(first['nextForwardToken']);
    put('s', [[now + 2, 'three']]);
    const fresh = call('GetLogEvents', { logGroupName: G, logStreamName: 's', nextToken: idle['nextForwardToken'] });
    expect(messages(fresh)).toEqual(['three']);
    expect(fresh['nextForwardToken']).not.toBe(first['nextForwardToken']);
  });

  it('pages forward with limit, and backward from the tail with the backward token', () => {
    const now = world.clock.now();
    put('s', [1, 2, 3, 4, 5].map((i) => [now + i, `m${i}`] as [number, string]));
    const head = call('GetLogEvents', { logGroupName: G, logStreamName: 's', startFromHead: true, limit: 2 });
    expect(messages(head)).toEqual(['m1', 'm2']);
    expect(messages(call('GetLogEvents', { logGroupName: G, logStreamName: 's', nextToken: head['nextForwardToken'], limit: 2 }))).toEqual(['m3', 'm4']);
    const tail = call('GetLogEvents', { logGroupName: G, logStreamName: 's', limit: 2 });
    expect(messages(tail)).toEqual(['m4', 'm5']); // startFromHead defaults to false: the latest events
    const back = call('GetLogEvents', { logGroupName: G, logStreamName: 's', nextToken: tail['nextBackwardToken'], limit: 2 });
    expect(messages(back)).toEqual(['m2', 'm3']);
    const back2 = call('GetLogEvents', { logGroupName: G, logStreamName: 's', nextToken: back['nextBackwardToken'], limit: 2 });
    expect(messages(back2)).toEqual(['m1']);
    const backEnd = call('GetLogEvents', { logGroupName: G, logStreamName: 's', nextToken: back2['nextBackwardToken'] });
    expect(backEnd['events']).toEqual([]);
    expect(backEnd['nextBackwardToken']).toBe(back2['nextBackwardToken']);
  });

  it('an empty stream gives tokens that later pick up the first events; time range filters apply', () => {
    const empty = call('GetLogEvents', { logGroupName: G, logStreamName: 's' });
    expect(empty['events']).toEqual([]);
    expect(empty['nextForwardToken']).toMatch(/^f\/\d{56}$/);
    expect(empty['nextBackwardToken']).toMatch(/^b\/\d{56}$/);
    const now = world.clock.now();
    put('s', [[now, 'a'], [now + 10, 'b'], [now + 20, 'c']]);
    expect(messages(call('GetLogEvents', { logGroupName: G, logStreamName: 's', nextToken: empty['nextForwardToken'] }))).toEqual(['a', 'b', 'c']);
    expect(messages(call('GetLogEvents', { logGroupName: G, logStreamName: 's', startTime: now + 10, endTime: now + 20 }))).toEqual(['b']);
    expect(awsError(() => call('GetLogEvents', { logGroupName: G, logStreamName: 's', nextToken: 'f/abc' })).code).toBe('InvalidParameterException');
    expect(awsError(() => call('GetLogEvents', { logGroupName: G, logStreamName: 'nope' })).message).toBe('The specified log stream does not exist.');
  });
});

describe('FilterLogEvents', () => {
  beforeEach(() => {
    call('CreateLogGroup', { logGroupName: G });
    for (const s of ['a', 'b']) call('CreateLogStream', { logGroupName: G, logStreamName: s });
  });

  it('interleaves streams by time, filters by stream names, start time and terms, and pages with nextToken', () => {
    const now = world.clock.now();
    put('a', [[now + 1, 'GET /health 200'], [now + 3, 'ERROR db timeout']]);
    put('b', [[now + 2, 'GET /orders 200'], [now + 4, 'WARN slow request']]);
    const all = call('FilterLogEvents', { logGroupName: G });
    expect(all['events'].map((e: Json) => [e['logStreamName'], e['message']])).toEqual([
      ['a', 'GET /health 200'],
      ['b', 'GET /orders 200'],
      ['a', 'ERROR db timeout'],
      ['b', 'WARN slow request'],
    ]);
    expect(all['events'][0]['eventId']).toMatch(/^\d{56}$/);
    expect(all['nextToken']).toBeUndefined();
    expect(messages(call('FilterLogEvents', { logGroupName: G, logStreamNames: ['b'], startTime: now + 3 }))).toEqual(['WARN slow request']);
    expect(messages(call('FilterLogEvents', { logGroupName: G, filterPattern: '?ERROR ?WARN' }))).toEqual(['ERROR db timeout', 'WARN slow request']);
    expect(messages(call('FilterLogEvents', { logGroupName: G, filterPattern: 'GET -health' }))).toEqual(['GET /orders 200']);
    expect(messages(call('FilterLogEvents', { logGroupName: G, filterPattern: '"db timeout"' }))).toEqual(['ERROR db timeout']);
    const page1 = call('FilterLogEvents', { logGroupName: G, limit: 3 });
    expect(page1['events']).toHaveLength(3);
    const page2 = call('FilterLogEvents', { logGroupName: G, limit: 3, nextToken: page1['nextToken'] });
    expect(messages(page2)).toEqual(['WARN slow request']);
    expect(page2['nextToken']).toBeUndefined();
    expect(awsError(() => call('FilterLogEvents', { logGroupName: '/nope' })).code).toBe('ResourceNotFoundException');
  });
});

describe('the LogsBackend of the awslogs driver', () => {
  it('creates the group once, appends lines (creating the stream) readable through GetLogEvents', () => {
    expect(backend.hasGroup(G)).toBe(false);
    backend.createGroup(G);
    backend.createGroup(G);
    expect(backend.hasGroup(G)).toBe(true);
    backend.append(G, 'ecs/web/abc123', ['starting', 'listening on 8080'], world.clock.now());
    world.clock.advance(1000);
    backend.append(G, 'ecs/web/abc123', ['request served'], world.clock.now());
    const out = call('GetLogEvents', { logGroupName: G, logStreamName: 'ecs/web/abc123', startFromHead: true });
    expect(messages(out)).toEqual(['starting', 'listening on 8080', 'request served']);
    expect(() => backend.append('/missing', 's', ['x'], 0)).toThrow('The specified log group does not exist.');
  });
});
