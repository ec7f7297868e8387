import { beforeEach, describe, expect, it } from '@jest/globals';
import { DescribeTasksCommand, ECSClient, ListTasksCommand } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import {
  StoppedTaskCollector,
  describeStop,
  formatStoppedTask,
  formatStoppedTasks,
  summarizeStoppedTasks,
  toStoppedTaskReason,
} from '../../../../../src/core/deploy/watch/stopped-tasks.js';
import { RecordingLogger } from '../../../../helpers/fakes.js';
import { CLUSTER, SERVICE, T0, stoppedTask, taskArn, tdArn } from '../../../../helpers/ecs-watch-fixtures.js';

const ecsMock = mockClient(ECSClient);
const OURS = 'ecs-svc/2222222222222222222';

beforeEach(() => {
  ecsMock.reset();
});

describe('stopped-task reasons (S9)', () => {
  it('formats the stop reason with each container that failed', () => {
    const pull = toStoppedTaskReason(
      stoppedTask('a1', {
        stopCode: 'TaskFailedToStart',
        stoppedReason: 'CannotPullContainerError: ref pull has been retried 1 time(s): failed to resolve ref docker.io/library/nope:latest',
        containers: [{ name: 'app', reason: 'CannotPullContainerError: not found' }, { name: 'log-router', exitCode: 0 }],
      }),
    );
    expect(formatStoppedTask(pull)).toBe(
      'Task a1 stopped: CannotPullContainerError: ref pull has been retried 1 time(s): failed to resolve ref docker.io/library/nope:latest (container app: CannotPullContainerError: not found)',
    );
    // A container reason that repeats the task's stoppedReason (as ECS reports pull errors) is said once.
    const repeated = 'CannotPullContainerError: pull image manifest has been retried 5 time(s): not found';
    const same = toStoppedTaskReason(stoppedTask('a2', { stoppedReason: repeated, containers: [{ name: 'app', reason: repeated }] }));
    expect(describeStop(same)).toBe(repeated);
    const oom = toStoppedTaskReason(
      stoppedTask('b2', { containers: [{ name: 'app', exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' }, { name: 'sidecar', exitCode: 1 }] }),
    );
    expect(describeStop(oom)).toBe(
      'Essential container in task exited (container app exit code 137: OutOfMemoryError: Container killed due to memory usage, container sidecar exit code 1)',
    );
    const health = toStoppedTaskReason(
      stoppedTask('c3', { stopCode: 'ServiceSchedulerInitiated', stoppedReason: 'Task failed ELB health checks in (target-group arn:tg)', containers: [{ name: 'app', exitCode: 0 }] }),
    );
    expect(formatStoppedTask(health)).toBe('Task c3 stopped: Task failed ELB health checks in (target-group arn:tg)');
  });

  it('summarises distinct reasons with counts, most frequent first', () => {
    const exit = toStoppedTaskReason(stoppedTask('a'));
    const health = toStoppedTaskReason(stoppedTask('b', { stoppedReason: 'Task failed container health checks', containers: [] }));
    expect(summarizeStoppedTasks([health, exit, exit])).toBe(
      'Essential container in task exited (container app exit code 1) [2 tasks]; Task failed container health checks [1 task]',
    );
    expect(summarizeStoppedTasks([])).toBe('');
  });

  it('folds tasks stopped the same way into one line that names the last and counts the others', () => {
    const tasks = ['a', 'b', 'c'].map((id) => toStoppedTaskReason(stoppedTask(id)));
    expect(formatStoppedTasks(tasks)).toBe(
      'Task c stopped: Essential container in task exited (container app exit code 1) (+2 more tasks stopped the same way)',
    );
    expect(formatStoppedTasks(tasks.slice(0, 1))).toBe(formatStoppedTask(tasks[0]!));
  });
});

describe('StoppedTaskCollector', () => {
  it('keeps only tasks of the watched deployment that failed, and describes each task once', async () => {
    const log = new RecordingLogger();
    const collector = new StoppedTaskCollector(new ECSClient({ region: 'us-east-1' }), log, CLUSTER, SERVICE, {
      taskDefinitionArn: tdArn(2),
      deploymentId: OURS,
      createdNotBefore: T0 - 1000,
    });
    ecsMock
      .on(ListTasksCommand)
      .resolvesOnce({ taskArns: ['mine', 'other-td', 'other-dep', 'earlier', 'scaled', 'gone'].map(taskArn) })
      .resolves({ taskArns: ['mine', 'other-td', 'mine2'].map(taskArn) });
    ecsMock
      .on(DescribeTasksCommand)
      .resolvesOnce({
        tasks: [
          stoppedTask('mine', { startedBy: OURS }),
          stoppedTask('other-td', { taskDefinitionArn: tdArn(1), startedBy: OURS }),
          stoppedTask('other-dep', { startedBy: 'ecs-svc/1' }),
          stoppedTask('earlier', { createdAt: new Date(T0 - 60_000) }),
          stoppedTask('scaled', { stopCode: 'ServiceSchedulerInitiated', stoppedReason: `Scaling activity initiated by (deployment ${OURS})` }),
        ],
        failures: [{ arn: taskArn('gone'), reason: 'MISSING' }],
      })
      .resolves({ tasks: [stoppedTask('mine2', { startedBy: OURS, stoppedAt: new Date(T0 + 9000) })] });

    const first = await collector.collect();
    expect(first.map((t) => t.taskArn)).toEqual([taskArn('mine')]);
    const second = await collector.collect();
    expect(second.map((t) => t.taskArn)).toEqual([taskArn('mine2')]);
    expect(collector.all.map((t) => t.taskArn)).toEqual([taskArn('mine'), taskArn('mine2')]);
    expect(ecsMock.commandCalls(DescribeTasksCommand)[1]!.args[0].input).toEqual({ cluster: CLUSTER, tasks: [taskArn('mine2')] });
    expect(log.messages('info')).toEqual([
      'Task mine stopped: Essential container in task exited (container app exit code 1)',
      'Task mine2 stopped: Essential container in task exited (container app exit code 1)',
    ]);
    // Nothing new: no DescribeTasks at all.
    ecsMock.on(ListTasksCommand).resolves({ taskArns: [taskArn('mine')] });
    expect(await collector.collect()).toEqual([]);
    expect(ecsMock.commandCalls(DescribeTasksCommand)).toHaveLength(2);
  });

  it('accepts a family:revision reference for the task definition', async () => {
    const collector = new StoppedTaskCollector(new ECSClient({ region: 'us-east-1' }), new RecordingLogger(), CLUSTER, SERVICE, {
      taskDefinitionArn: 'web:2',
    });
    ecsMock.on(ListTasksCommand).resolves({ taskArns: [taskArn('x')] });
    ecsMock.on(DescribeTasksCommand).resolves({ tasks: [stoppedTask('x')] });
    expect(await collector.collect()).toHaveLength(1);
  });
});
