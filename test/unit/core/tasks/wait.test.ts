import { describe, it, expect } from '@jest/globals';
import { DescribeTasksCommand, ECSClient } from '@aws-sdk/client-ecs';
import type { DescribeTasksCommandInput, Task } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { waitForTasks } from '../../../../src/core/tasks/wait.js';
import { DEFAULT_POLL_INTERVAL_MS } from '../../../../src/core/poll/index.js';
import type { WaitForTasksOptions } from '../../../../src/core/tasks/wait.js';
import { Deadline } from '../../../../src/core/time.js';
import { FakeTime, RecordingLogger } from '../../../helpers/fakes.js';

const CLUSTER = 'jobs';
const arnOf = (n: number): string =>
  `arn:aws:ecs:us-east-1:123456789012:task/jobs/${n.toString(16).padStart(32, '0')}`;
const idOf = (n: number): string => n.toString(16).padStart(32, '0');

type Snapshot = Omit<Task, 'taskArn'>;

/**
 * A fake ECS that answers DescribeTasks from a per-task script: the n-th time a task is described it is in its
 * n-th snapshot (the last one repeats). Tasks without a script are reported MISSING, as ECS does.
 */
function fakeEcs(scripts: Map<string, Array<Snapshot | 'MISSING'>>) {
  const ecs = new ECSClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
  const mock = mockClient(ecs);
  const seen = new Map<string, number>();
  mock.on(DescribeTasksCommand).callsFake((input: DescribeTasksCommandInput) => {
    if ((input.tasks ?? []).length > 100) throw new Error('DescribeTasks: at most 100 tasks per call');
    const tasks: Task[] = [];
    const failures = [];
    for (const arn of input.tasks ?? []) {
      const script = scripts.get(arn);
      if (script === undefined) {
        failures.push({ arn, reason: 'MISSING' });
        continue;
      }
      const n = seen.get(arn) ?? 0;
      seen.set(arn, n + 1);
      const snap = script[Math.min(n, script.length - 1)];
      if (snap === 'MISSING') failures.push({ arn, reason: 'MISSING' });
      else tasks.push({ ...snap, taskArn: arn });
    }
    return { tasks, failures };
  });
  return { ecs, mock };
}

const stoppedOk: Snapshot = {
  lastStatus: 'STOPPED',
  stopCode: 'EssentialContainerExited',
  stoppedReason: 'Essential container in task exited',
  startedAt: new Date(1000),
  stoppedAt: new Date(5000),
  containers: [{ name: 'app', exitCode: 0, lastStatus: 'STOPPED' }],
};

function setup(scripts: Map<string, Array<Snapshot | 'MISSING'>>, timeoutMs = 30 * 60_000) {
  const { ecs, mock } = fakeEcs(scripts);
  const time = new FakeTime();
  const log = new RecordingLogger();
  const deadline = new Deadline(time.clock, timeoutMs);
  const deps = { ecs, clock: time.clock, sleep: time.sleep, log };
  const describeCalls = (): string[][] => mock.commandCalls(DescribeTasksCommand).map((c) => c.args[0].input.tasks ?? []);
  const base = (taskArns: string[], until: WaitForTasksOptions['until']): WaitForTasksOptions => ({
    cluster: CLUSTER,
    taskArns,
    until,
    deadline,
  });
  return { deps, time, log, mock, describeCalls, base };
}

describe('waitForTasks until stopped', () => {
  it('returns done once every task stopped, logging each status change once', async () => {
    const arn = arnOf(1);
    const s = setup(
      new Map([[arn, [{ lastStatus: 'PENDING' }, { lastStatus: 'PENDING' }, { lastStatus: 'RUNNING' }, { lastStatus: 'RUNNING' }, stoppedOk]]]),
    );
    const result = await waitForTasks(s.deps, {
      ...s.base([arn], 'stopped'),
      pollIntervalMs: 2000,
      initialTasks: [{ taskArn: arn, lastStatus: 'PROVISIONING' }],
    });
    expect(result.status).toBe('done');
    expect(result.tasks[0]?.containers?.[0]?.exitCode).toBe(0);
    expect(result.failures).toEqual([]);
    expect(s.describeCalls()).toHaveLength(5);
    expect(s.time.sleeps).toEqual([2000, 2000, 2000, 2000]);
    expect(s.log.messages('info')).toEqual([
      `Task ${idOf(1)}: PROVISIONING → PENDING`,
      `Task ${idOf(1)}: PENDING → RUNNING`,
      `Task ${idOf(1)}: RUNNING → STOPPED (Essential container in task exited)`,
    ]);
  });

  it('describes at most 100 tasks per call: 150 tasks take 2 calls per poll, and stopped ones are not asked again', async () => {
    const arns = Array.from({ length: 150 }, (_, i) => arnOf(i + 1));
    // The first 100 stop at the second poll, the last 50 at the third.
    const scripts = new Map(
      arns.map((a, i) => [a, i < 100 ? [{ lastStatus: 'RUNNING' }, stoppedOk] : [{ lastStatus: 'RUNNING' }, { lastStatus: 'RUNNING' }, stoppedOk]]),
    );
    const s = setup(scripts);
    const polls: number[] = [];
    const result = await waitForTasks(s.deps, {
      ...s.base(arns, 'stopped'),
      onPoll: (tasks) => {
        polls.push(tasks.length);
      },
    });
    expect(result.status).toBe('done');
    expect(s.describeCalls().map((c) => c.length)).toEqual([100, 50, 100, 50, 50]);
    expect(s.describeCalls()[4]).toEqual(arns.slice(100));
    expect(polls).toEqual([150, 150, 150]);
    expect(result.tasks.map((t) => t.taskArn)).toEqual(arns);
  });

  it('times out at the deadline with the latest task states', async () => {
    const arn = arnOf(1);
    const s = setup(new Map([[arn, [{ lastStatus: 'RUNNING' }]]]), 9_000);
    const result = await waitForTasks(s.deps, { ...s.base([arn], 'stopped'), pollIntervalMs: 2000 });
    expect(result.status).toBe('timeout');
    expect(result.tasks[0]?.lastStatus).toBe('RUNNING');
    expect(s.time.totalSlept()).toBe(9_000);
    expect(s.time.sleeps).toEqual([2000, 2000, 2000, 2000, 1000]);
  });

  it('tolerates a briefly MISSING task but fails one that stays MISSING', async () => {
    const arn = arnOf(1);
    const gone = arnOf(2);
    const s = setup(new Map<string, Array<Snapshot | 'MISSING'>>([[arn, ['MISSING', 'MISSING', { lastStatus: 'RUNNING' }, stoppedOk]]]));
    const result = await waitForTasks(s.deps, { ...s.base([arn, gone], 'stopped'), pollIntervalMs: 2000, missingGraceMs: 10_000 });
    expect(result.tasks[0]?.lastStatus).toBe('STOPPED');
    expect(result.status).toBe('failed');
    expect(result.failures).toEqual([{ taskArn: gone, reason: 'DescribeTasks reports the task as MISSING' }]);
    expect(s.time.totalSlept()).toBe(10_000);
  });

  it('rides out a transient server error (5xx) like throttling, and keeps polling', async () => {
    const arn = arnOf(1);
    const s = setup(new Map());
    s.mock
      .on(DescribeTasksCommand)
      .rejectsOnce(Object.assign(new Error('We encountered an internal error.'), { name: 'InternalFailure', $metadata: { httpStatusCode: 500 } }))
      .resolves({ tasks: [{ taskArn: arn, lastStatus: 'STOPPED', containers: [{ name: 'app', exitCode: 0 }] }] });
    const result = await waitForTasks(s.deps, s.base([arn], 'stopped'));
    expect(result.status).toBe('done');
    expect(s.log.messages('info').some((m) => m.includes('DescribeTasks failed (transient)'))).toBe(true);
  });

  it('rethrows errors that waiting cannot fix', async () => {
    const arn = arnOf(1);
    const s = setup(new Map());
    s.mock.on(DescribeTasksCommand).rejects(Object.assign(new Error('Cluster not found.'), { name: 'ClusterNotFoundException' }));
    await expect(waitForTasks(s.deps, s.base([arn], 'stopped'))).rejects.toThrow('Cluster not found.');
  });
});

describe('waitForTasks until running', () => {
  const td = {
    containerDefinitions: [
      { name: 'app', essential: true },
      { name: 'sidecar', essential: false },
    ],
  };

  it('is done when every task is RUNNING', async () => {
    const arns = [arnOf(1), arnOf(2)];
    const s = setup(
      new Map([
        [arns[0] ?? '', [{ lastStatus: 'PENDING' }, { lastStatus: 'RUNNING' }]],
        [arns[1] ?? '', [{ lastStatus: 'PENDING' }, { lastStatus: 'PENDING' }, { lastStatus: 'RUNNING' }]],
      ]),
    );
    const result = await waitForTasks(s.deps, { ...s.base(arns, 'running'), taskDefinition: td });
    expect(result.status).toBe('done');
    expect(result.tasks.map((t) => t.lastStatus)).toEqual(['RUNNING', 'RUNNING']);
    expect(s.describeCalls().map((c) => c.length)).toEqual([2, 2, 1]);
  });

  it('counts a task that already stopped with its essential containers at exit 0 as done, ignoring a non-essential failure', async () => {
    const arn = arnOf(1);
    const stopped: Snapshot = {
      ...stoppedOk,
      containers: [
        { name: 'app', exitCode: 0 },
        { name: 'sidecar', exitCode: 137 },
      ],
    };
    const s = setup(new Map([[arn, [{ lastStatus: 'PENDING' }, stopped]]]));
    const result = await waitForTasks(s.deps, { ...s.base([arn], 'running'), taskDefinition: td });
    expect(result.status).toBe('done');
    expect(result.failures).toEqual([]);
  });

  it('fails at once when a task stops unsuccessfully, without waiting for the others', async () => {
    const good = arnOf(1);
    const bad = arnOf(2);
    const failed: Snapshot = {
      lastStatus: 'STOPPED',
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
      startedAt: new Date(1),
      containers: [{ name: 'app', exitCode: 3 }],
    };
    const s = setup(new Map([[good, [{ lastStatus: 'PENDING' }]], [bad, [{ lastStatus: 'PENDING' }, failed]]]));
    const result = await waitForTasks(s.deps, { ...s.base([good, bad], 'running'), taskDefinition: td });
    expect(result.status).toBe('failed');
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]?.taskArn).toBe(bad);
    expect(result.failures[0]?.reason).toContain('container app exited with code 3');
    expect(result.failures[0]?.reason).toContain('Essential container in task exited');
    expect(s.describeCalls()).toHaveLength(2);
  });
});

describe('waitForTasks throttling and cancellation', () => {
  const throttle = (): Error => Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: {} });

  it('doubles the poll interval on throttling up to 15 s and returns to normal once calls succeed', async () => {
    const arn = arnOf(1);
    const s = setup(new Map());
    s.mock
      .on(DescribeTasksCommand)
      .rejectsOnce(throttle())
      .rejectsOnce(throttle())
      .rejectsOnce(throttle())
      .rejectsOnce(throttle())
      .resolvesOnce({ tasks: [{ taskArn: arn, lastStatus: 'RUNNING' }] })
      .resolvesOnce({ tasks: [{ taskArn: arn, lastStatus: 'RUNNING' }] })
      .resolves({ tasks: [{ ...stoppedOk, taskArn: arn }] });
    const result = await waitForTasks(s.deps, { ...s.base([arn], 'stopped'), pollIntervalMs: 2000 });
    expect(result.status).toBe('done');
    expect(s.time.sleeps).toEqual([4000, 8000, 15000, 15000, 2000, 2000]);
    expect(s.log.messages('info').some((m) => m.includes('throttled'))).toBe(true);
  });

  it('returns cancelled when the signal aborts during a sleep, and polls no more', async () => {
    const arn = arnOf(1);
    const s = setup(new Map([[arn, [{ lastStatus: 'RUNNING' }]]]));
    const controller = new AbortController();
    s.time.onSleep = () => {
      if (s.time.sleeps.length === 2) controller.abort(new Error('SIGINT'));
    };
    const result = await waitForTasks(s.deps, { ...s.base([arn], 'stopped'), signal: controller.signal });
    expect(result.status).toBe('cancelled');
    expect(s.describeCalls()).toHaveLength(2);
    expect(result.tasks[0]?.lastStatus).toBe('RUNNING');
  });

  it('returns cancelled promptly when the signal aborts during a DescribeTasks call', async () => {
    const arn = arnOf(1);
    const s = setup(new Map());
    const controller = new AbortController();
    s.mock.on(DescribeTasksCommand).callsFake(() => {
      controller.abort(new Error('SIGINT'));
      throw Object.assign(new Error('Request aborted'), { name: 'AbortError' });
    });
    const result = await waitForTasks(s.deps, { ...s.base([arn], 'stopped'), signal: controller.signal });
    expect(result.status).toBe('cancelled');
    expect(s.time.sleeps).toEqual([]);
  });

  it('takes the signal from deps when the options have none', async () => {
    const arn = arnOf(1);
    const s = setup(new Map([[arn, [{ lastStatus: 'RUNNING' }]]]));
    const controller = new AbortController();
    controller.abort(new Error('SIGINT'));
    const result = await waitForTasks({ ...s.deps, signal: controller.signal }, s.base([arn], 'stopped'));
    expect(result.status).toBe('cancelled');
    expect(s.describeCalls()).toHaveLength(0);
  });
});

describe('waitForTasks on the one polling primitive', () => {
  it('polls every DEFAULT_POLL_INTERVAL_MS (2.2 s) when no interval is given', async () => {
    const arn = arnOf(1);
    const s = setup(new Map([[arn, [{ lastStatus: 'RUNNING' }, { lastStatus: 'RUNNING' }, stoppedOk]]]));
    const result = await waitForTasks(s.deps, s.base([arn], 'stopped'));
    expect(result.status).toBe('done');
    expect(result.polls).toBe(3);
    expect(s.time.sleeps).toEqual([DEFAULT_POLL_INTERVAL_MS, DEFAULT_POLL_INTERVAL_MS]);
  });

  it('says when DescribeTasks is throttled and when it recovers', async () => {
    const arn = arnOf(1);
    const s = setup(new Map());
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: {} });
    s.mock
      .on(DescribeTasksCommand)
      .rejectsOnce(throttled)
      .resolvesOnce({ tasks: [{ taskArn: arn, lastStatus: 'RUNNING' }] })
      .resolves({ tasks: [{ ...stoppedOk, taskArn: arn }] });
    const result = await waitForTasks(s.deps, s.base([arn], 'stopped'));
    expect(result.status).toBe('done');
    expect(result.polls).toBe(2);
    expect(s.log.messages('info').filter((m) => m.startsWith('DescribeTasks'))).toEqual([
      'DescribeTasks was throttled (ThrottlingException: Rate exceeded); next poll in 4s',
      'DescribeTasks recovered; polling every 2s',
    ]);
    expect(s.time.sleeps).toEqual([4400, 2200]);
  });

  it('polls a run of 250 tasks (3 DescribeTasks a poll) as often as a run of one', async () => {
    const arns = Array.from({ length: 250 }, (_, i) => arnOf(i + 1));
    const s = setup(new Map(arns.map((a) => [a, [{ lastStatus: 'RUNNING' }]])), 3 * 60_000);
    const result = await waitForTasks(s.deps, s.base(arns, 'stopped'));
    expect(result.status).toBe('timeout');
    expect(new Set(s.time.sleeps.slice(0, -1))).toEqual(new Set([DEFAULT_POLL_INTERVAL_MS]));
    expect(s.describeCalls().map((c) => c.length).slice(0, 3)).toEqual([100, 100, 50]);
  });
});
