import { describe, expect, it } from '@jest/globals';
import { DescribeTasksCommand, ECSClient } from '@aws-sdk/client-ecs';
import type { DescribeTasksCommandInput, Task } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { PER_TASK_LINES_MAX, aggregateLine } from '../../../../src/core/tasks/task-progress.js';
import { waitForTasks } from '../../../../src/core/tasks/wait.js';
import { Deadline } from '../../../../src/core/time.js';
import { FakeTime, RecordingLogger } from '../../../helpers/fakes.js';

const arn = (n: number): string => `arn:aws:ecs:us-east-1:123456789012:task/jobs/${n.toString(16).padStart(32, '0')}`;

describe('aggregateLine', () => {
  it('counts tasks by status in lifecycle order', () => {
    const tasks: Task[] = [
      { lastStatus: 'RUNNING' },
      { lastStatus: 'PROVISIONING' },
      { lastStatus: 'STOPPED' },
      { lastStatus: 'RUNNING' },
      {},
      { lastStatus: 'PENDING' },
    ];
    expect(aggregateLine(tasks)).toBe('6 tasks: 1 PROVISIONING, 1 PENDING, 2 RUNNING, 1 STOPPED, 1 UNKNOWN');
  });
});

describe('waitForTasks progress lines (T3)', () => {
  /** Every task goes PROVISIONING → PENDING → RUNNING → STOPPED, the n-th task one poll later than the (n-1)-th. */
  function world(count: number) {
    const ecs = new ECSClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
    const mock = mockClient(ecs);
    const polls = new Map<string, number>();
    const states = ['PENDING', 'RUNNING', 'RUNNING', 'STOPPED'];
    mock.on(DescribeTasksCommand).callsFake((input: DescribeTasksCommandInput) => ({
      tasks: (input.tasks ?? []).map((taskArn, i) => {
        const n = polls.get(taskArn) ?? 0;
        polls.set(taskArn, n + 1);
        const step = n - (i % 2);
        const lastStatus = step < 0 ? 'PROVISIONING' : (states[Math.min(step, states.length - 1)] ?? 'STOPPED');
        return { taskArn, lastStatus, containers: [{ name: 'app', exitCode: lastStatus === 'STOPPED' ? 0 : undefined }] };
      }),
      failures: [],
    }));
    const time = new FakeTime();
    const log = new RecordingLogger();
    const taskArns = Array.from({ length: count }, (_, i) => arn(i + 1));
    const run = () =>
      waitForTasks(
        { ecs, clock: time.clock, sleep: time.sleep, log },
        {
          cluster: 'jobs',
          taskArns,
          until: 'stopped',
          deadline: new Deadline(time.clock, 60 * 60_000),
          initialTasks: taskArns.map((taskArn) => ({ taskArn, lastStatus: 'PROVISIONING' })),
        },
      );
    return { run, log };
  }

  it('a run of many tasks prints one aggregate line when the counts change, no per-task lines', async () => {
    const w = world(12);
    const result = await w.run();
    expect(result.status).toBe('done');
    expect(w.log.messages('info')).toEqual([
      '12 tasks: 6 PROVISIONING, 6 PENDING',
      '12 tasks: 6 PENDING, 6 RUNNING',
      '12 tasks: 12 RUNNING',
      '12 tasks: 6 RUNNING, 6 STOPPED',
      '12 tasks: 12 STOPPED',
    ]);
  });

  it(`a run of up to ${PER_TASK_LINES_MAX} tasks keeps the per-task lines`, async () => {
    const w = world(PER_TASK_LINES_MAX);
    await w.run();
    const lines = w.log.messages('info');
    expect(lines.some((l) => /^\d+ tasks: /.test(l))).toBe(false);
    expect(lines.filter((l) => l.endsWith('PROVISIONING → PENDING'))).toHaveLength(PER_TASK_LINES_MAX);
  });
});
