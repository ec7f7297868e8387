import { describe, it, expect } from '@jest/globals';
import { DescribeTasksCommand, ECSClient } from '@aws-sdk/client-ecs';
import type { Task } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { waitForTasks } from '../../../../src/core/tasks/wait.js';
import { evaluateTasks } from '../../../../src/core/tasks/evaluate.js';
import { LogStreamer } from '../../../../src/core/logs/streamer.js';
import { Deadline } from '../../../../src/core/time.js';
import { FakeCloudWatchLogs } from '../../../helpers/fake-cloudwatch-logs.js';
import { FakeTime, RecordingLogger } from '../../../helpers/fakes.js';

const ID = '0123456789abcdef0123456789abcdef';
const ARN = `arn:aws:ecs:us-east-1:123456789012:task/jobs/${ID}`;
const STREAM = `ecs/app/${ID}`;
const td = {
  containerDefinitions: [
    {
      name: 'app',
      essential: true,
      logConfiguration: { logDriver: 'awslogs' as const, options: { 'awslogs-group': '/ecs/job', 'awslogs-stream-prefix': 'ecs' } },
    },
  ],
};

describe('waitForTasks with a LogStreamer as onPoll', () => {
  it('prints the container output while the task runs and what it wrote just before stopping, each line once', async () => {
    const ecs = new ECSClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
    const ecsMock = mockClient(ecs);
    const cw = new FakeCloudWatchLogs();
    const time = new FakeTime();
    const log = new RecordingLogger();
    // The world: the task runs for 3 polls writing a line each time, then exits 3 after a last line.
    const states: Task[] = [
      { taskArn: ARN, lastStatus: 'PENDING', containers: [{ name: 'app' }] },
      { taskArn: ARN, lastStatus: 'RUNNING', startedAt: new Date(0), containers: [{ name: 'app' }] },
      { taskArn: ARN, lastStatus: 'RUNNING', startedAt: new Date(0), containers: [{ name: 'app' }] },
      {
        taskArn: ARN,
        lastStatus: 'STOPPED',
        startedAt: new Date(0),
        stoppedAt: new Date(6000),
        stopCode: 'EssentialContainerExited',
        stoppedReason: 'Essential container in task exited',
        containers: [{ name: 'app', exitCode: 3 }],
      },
    ];
    let poll = 0;
    ecsMock.on(DescribeTasksCommand).callsFake(() => {
      const state = states[Math.min(poll, states.length - 1)];
      if (poll === 1) cw.put('/ecs/job', STREAM, 'starting');
      if (poll === 2) cw.put('/ecs/job', STREAM, 'working');
      if (poll === 3) cw.put('/ecs/job', STREAM, 'error: constraint violated');
      poll += 1;
      return { tasks: [state] };
    });
    const deps = { ecs, logs: cw.client, clock: time.clock, sleep: time.sleep, log };
    const streamer = new LogStreamer(deps, td);
    const result = await waitForTasks(deps, {
      cluster: 'jobs',
      taskArns: [ARN],
      until: 'stopped',
      deadline: new Deadline(time.clock, 60_000),
      onPoll: (tasks) => streamer.poll(tasks),
    });
    await streamer.flush(result.tasks);
    expect(result.status).toBe('done');
    const output = log.messages('info');
    expect(output.filter((m) => ['starting', 'working', 'error: constraint violated'].includes(m))).toEqual([
      'starting',
      'working',
      'error: constraint violated',
    ]);
    expect(output.indexOf('starting')).toBeLessThan(output.indexOf(`Task ${ID}: RUNNING → STOPPED (Essential container in task exited)`));
    const evaluation = evaluateTasks(result.tasks, td);
    expect(evaluation.success).toBe(false);
    expect(evaluation.failureMessage).toContain('container app exited with code 3');
    expect(log.messages('warning')).toEqual([]);
  });
});
