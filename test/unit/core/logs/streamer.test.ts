import { describe, it, expect } from '@jest/globals';
import type { ContainerDefinition, Task } from '@aws-sdk/client-ecs';
import { LogStreamer } from '../../../../src/core/logs/streamer.js';
import type { LogStreamerOptions } from '../../../../src/core/logs/streamer.js';
import { FakeCloudWatchLogs } from '../../../helpers/fake-cloudwatch-logs.js';
import { FakeTime, RecordingLogger } from '../../../helpers/fakes.js';

const GROUP = '/ecs/migrate';
const idOf = (n: number): string => n.toString(16).padStart(32, '0');
const arnOf = (n: number): string => `arn:aws:ecs:us-east-1:123456789012:task/jobs/${idOf(n)}`;
const streamOf = (n: number, container = 'app'): string => `ecs/${container}/${idOf(n)}`;

const awslogs = (name: string, group = GROUP): ContainerDefinition => ({
  name,
  logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': group, 'awslogs-stream-prefix': 'ecs', 'awslogs-region': 'us-east-1' } },
});

const task = (n: number, lastStatus: string, extra: Partial<Task> = {}): Task => ({
  taskArn: arnOf(n),
  lastStatus,
  ...(lastStatus === 'PENDING' || lastStatus === 'PROVISIONING' ? {} : { startedAt: new Date(0) }),
  containers: [{ name: 'app', ...(lastStatus === 'STOPPED' ? { exitCode: 0 } : {}) }],
  ...extra,
});

function setup(containers: ContainerDefinition[] = [awslogs('app')], options: LogStreamerOptions = {}) {
  const cw = new FakeCloudWatchLogs();
  const time = new FakeTime();
  const log = new RecordingLogger();
  const streamer = new LogStreamer({ logs: cw.client, clock: time.clock, sleep: time.sleep, log }, { containerDefinitions: containers }, options);
  /** Log lines printed from the containers (not the streamer's own notes). */
  const printed = (): string[] => log.messages('info').filter((m) => !m.startsWith('Streaming') && !m.startsWith('Container '));
  return { cw, time, log, streamer, printed };
}

describe('LogStreamer', () => {
  it('prints new lines once, without a prefix for one task and one container, keeping the forward token', async () => {
    const { cw, streamer, printed, log } = setup();
    cw.put(GROUP, streamOf(1), 'migrating 1/2', 'migrating 2/2');
    await streamer.poll([task(1, 'RUNNING')]);
    expect(printed()).toEqual(['migrating 1/2', 'migrating 2/2']);
    expect(log.messages('info')[0]).toBe(`Streaming CloudWatch logs of app (${GROUP})`);

    await streamer.poll([task(1, 'RUNNING')]); // nothing new: GetLogEvents hands back the same token
    cw.put(GROUP, streamOf(1), 'done');
    await streamer.poll([task(1, 'RUNNING')]);
    expect(printed()).toEqual(['migrating 1/2', 'migrating 2/2', 'done']);

    const calls = cw.calls();
    expect(calls).toHaveLength(3);
    expect(calls[0]).toEqual({ logGroupName: GROUP, logStreamName: streamOf(1), startFromHead: true });
    expect(calls[1]?.nextToken).toBe('f/2');
    expect(calls[2]?.nextToken).toBe('f/2');
    expect(log.messages('warning')).toEqual([]);
  });

  it('prefixes lines with the short task id and container when there are several tasks', async () => {
    const { cw, streamer, printed } = setup();
    cw.put(GROUP, streamOf(1), 'from one');
    cw.put(GROUP, streamOf(2), 'from two');
    await streamer.poll([task(1, 'RUNNING'), task(2, 'RUNNING')]);
    expect(printed()).toEqual([`[${idOf(1).slice(0, 8)}/app] from one`, `[${idOf(2).slice(0, 8)}/app] from two`]);
  });

  it('prefixes lines when one task has several awslogs containers, and says which containers are not streamed', async () => {
    const { cw, streamer, printed, log } = setup([awslogs('app'), awslogs('worker'), { name: 'sidecar' }]);
    cw.put(GROUP, streamOf(1, 'app'), 'a');
    cw.put(GROUP, streamOf(1, 'worker'), 'w');
    await streamer.poll([task(1, 'RUNNING')]);
    expect(printed()).toEqual([`[${idOf(1).slice(0, 8)}/app] a`, `[${idOf(1).slice(0, 8)}/worker] w`]);
    expect(log.messages('info')).toContain('Container sidecar does not use the awslogs driver: its output is not streamed');
  });

  it('does not read streams of tasks that have not started', async () => {
    const { cw, streamer } = setup();
    await streamer.poll([task(1, 'PROVISIONING'), task(2, 'PENDING')]);
    expect(cw.calls()).toHaveLength(0);
  });

  it('stops polling a stream once its task stopped and a final drain returned nothing new', async () => {
    const { cw, streamer, printed } = setup();
    cw.put(GROUP, streamOf(1), 'first');
    await streamer.poll([task(1, 'RUNNING')]);
    cw.put(GROUP, streamOf(1), 'last words');
    await streamer.poll([task(1, 'STOPPED')]); // new lines: keep going
    await streamer.poll([task(1, 'STOPPED')]); // nothing new: finished
    await streamer.poll([task(1, 'STOPPED')]);
    await streamer.poll([task(1, 'STOPPED')]);
    expect(cw.calls()).toHaveLength(3);
    expect(printed()).toEqual(['first', 'last words']);
  });

  it('flush pages through what is left after the tasks stopped, then returns', async () => {
    const { cw, streamer, printed, time } = setup();
    cw.pageSize = 2;
    cw.put(GROUP, streamOf(1), 'l1', 'l2', 'l3', 'l4', 'l5');
    await streamer.flush([task(1, 'STOPPED')]);
    expect(printed()).toEqual(['l1', 'l2', 'l3', 'l4', 'l5']);
    // 3 pages, then one empty read ends the stream; one call per poll, so sleeps between polls.
    expect(cw.calls()).toHaveLength(4);
    expect(time.sleeps).toEqual([1000, 1000, 1000]);
  });

  it('flush gives up after maxWaitMs for tasks that are still running', async () => {
    const { streamer, time, cw } = setup();
    cw.put(GROUP, streamOf(1), 'x');
    await streamer.flush([task(1, 'RUNNING')], { maxWaitMs: 5000, intervalMs: 1000 });
    expect(time.totalSlept()).toBe(5000);
  });

  it('flush cuts its last wait to maxWaitMs instead of overshooting it', async () => {
    const { streamer, time, log } = setup();
    await streamer.flush([task(1, 'RUNNING')], { maxWaitMs: 2500, intervalMs: 1000 });
    expect(time.sleeps).toEqual([1000, 1000, 500]);
    expect(log.messages('debug')).toContain('Stopped waiting for the last log lines');
  });

  it('flush stops at once when the run is cancelled while it waits, reading no more', async () => {
    const cw = new FakeCloudWatchLogs();
    const time = new FakeTime();
    const log = new RecordingLogger();
    const controller = new AbortController();
    const deps = { logs: cw.client, clock: time.clock, sleep: time.sleep, log, signal: controller.signal };
    const streamer = new LogStreamer(deps, { containerDefinitions: [awslogs('app')] });
    cw.put(GROUP, streamOf(1), 'still running');
    time.onSleep = () => controller.abort(new Error('SIGINT'));
    await streamer.flush([task(1, 'RUNNING')]);
    expect(cw.calls()).toHaveLength(1);
    expect(time.sleeps).toEqual([1000]);
    expect(log.messages('debug')).not.toContain('Stopped waiting for the last log lines');
  });

  it('is silent while a stream is missing right after the task started, then warns once', async () => {
    const { cw, streamer, log, time } = setup([awslogs('app')], { missingWarnAfterMs: 30_000 });
    cw.createGroup(GROUP);
    for (let i = 0; i < 10; i += 1) {
      await streamer.poll([task(1, 'RUNNING')]);
      time.clock.advance(5_000);
    }
    const warnings = log.messages('warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`log stream ${GROUP}:${streamOf(1)} not found`);
    expect(cw.calls()).toHaveLength(10);
  });

  it('a missing log group is one warning, never a failure', async () => {
    const { streamer, log, time } = setup([awslogs('app')], { missingWarnAfterMs: 10_000 });
    const tasks = [task(1, 'RUNNING'), task(2, 'RUNNING')];
    for (let i = 0; i < 6; i += 1) {
      await streamer.poll(tasks);
      time.clock.advance(5_000);
    }
    const stopped = [task(1, 'STOPPED'), task(2, 'STOPPED')];
    await streamer.poll(stopped);
    await streamer.flush(stopped);
    const warnings = log.messages('warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`log group ${GROUP} not found`);
  });

  it('a task that stopped before its container ran (no stream) finishes without a warning', async () => {
    const { cw, streamer, log } = setup();
    cw.createGroup(GROUP);
    const neverRan = task(1, 'STOPPED', { startedAt: undefined, stopCode: 'TaskFailedToStart', containers: [{ name: 'app' }] });
    await streamer.flush([neverRan]);
    expect(cw.calls()).toHaveLength(1);
    expect(log.messages('warning')).toEqual([]);
  });

  it('AccessDenied is one warning and the group is not read again', async () => {
    const { cw, streamer, log } = setup();
    cw.denied.add(GROUP);
    await streamer.poll([task(1, 'RUNNING'), task(2, 'RUNNING')]);
    await streamer.poll([task(1, 'RUNNING'), task(2, 'RUNNING')]);
    expect(cw.calls()).toHaveLength(1);
    expect(log.messages('warning')).toHaveLength(1);
    expect(log.messages('warning')[0]).toContain('logs:GetLogEvents');
  });

  it('reads at most maxStreamsPerPoll streams per poll, least recently read first', async () => {
    const { cw, streamer } = setup([awslogs('app')], { maxStreamsPerPoll: 20 });
    const tasks = Array.from({ length: 30 }, (_, i) => task(i + 1, 'RUNNING'));
    for (let i = 1; i <= 30; i += 1) cw.put(GROUP, streamOf(i), `hello from ${i}`);
    await streamer.poll(tasks);
    expect(cw.calls()).toHaveLength(20);
    await streamer.poll(tasks);
    const second = cw.calls().slice(20).map((c) => c.logStreamName);
    expect(second).toHaveLength(20);
    // The 10 streams skipped in the first poll come first in the second.
    expect(second.slice(0, 10)).toEqual(Array.from({ length: 10 }, (_, i) => streamOf(21 + i)));
    expect(new Set(cw.calls().map((c) => c.logStreamName)).size).toBe(30);
  });

  it('on throttling, ends the poll and carries on at the next one without warning', async () => {
    const { cw, streamer, log, printed } = setup();
    cw.put(GROUP, streamOf(1), 'a');
    cw.put(GROUP, streamOf(2), 'b');
    cw.failWith = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: {} });
    await streamer.poll([task(1, 'RUNNING'), task(2, 'RUNNING')]);
    expect(cw.calls()).toHaveLength(1);
    cw.failWith = undefined;
    await streamer.poll([task(1, 'RUNNING'), task(2, 'RUNNING')]);
    expect(printed().sort()).toEqual([`[${idOf(1).slice(0, 8)}/app] a`, `[${idOf(2).slice(0, 8)}/app] b`].sort());
    expect(log.messages('warning')).toEqual([]);
  });

  it('does nothing when no container uses awslogs', async () => {
    const { cw, streamer, log } = setup([{ name: 'app' }]);
    expect(streamer.enabled).toBe(false);
    await streamer.poll([task(1, 'RUNNING')]);
    expect(cw.calls()).toHaveLength(0);
    expect(log.entries).toEqual([]);
  });

  it('uses a client for the awslogs-region when a factory is given', async () => {
    const other = new FakeCloudWatchLogs();
    other.put(GROUP, streamOf(1), 'from eu-west-1');
    const regions: string[] = [];
    const { cw, streamer, printed } = setup([awslogs('app')], {
      clientForRegion: (region) => {
        regions.push(region);
        return other.client;
      },
    });
    await streamer.poll([task(1, 'RUNNING')]);
    await streamer.poll([task(1, 'RUNNING')]);
    expect(regions).toEqual(['us-east-1']);
    expect(cw.calls()).toHaveLength(0);
    expect(printed()).toEqual(['from eu-west-1']);
  });
});
