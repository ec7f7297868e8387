import { describe, expect, it } from '@jest/globals';
import type { Task } from '@aws-sdk/client-ecs';
import { taskPace } from '../../../../src/core/tasks/task-pace.js';

const T0 = Date.UTC(2024, 4, 1, 12, 0, 0);
const at = (ms: number): Date => new Date(T0 + ms);

describe('taskPace: how near a wait for one-off tasks is to its end (issue 17)', () => {
  it('is near for tasks not described yet and when the last tasks are stopping', () => {
    expect(taskPace([{ taskArn: 'a' }], ['a'], 'stopped')).toEqual({ kind: 'near' });
    const stopping: Task[] = [
      { taskArn: 'a', lastStatus: 'STOPPED', startedAt: at(0), stoppedAt: at(5000) },
      { taskArn: 'b', lastStatus: 'RUNNING', desiredStatus: 'STOPPED', startedAt: at(0) },
    ];
    expect(taskPace(stopping, ['b'], 'stopped')).toEqual({ kind: 'near' });
  });

  it('is idle while tasks start, since the earliest was created; near for `running` once one runs', () => {
    const starting: Task[] = [
      { taskArn: 'a', lastStatus: 'PENDING', createdAt: at(1000) },
      { taskArn: 'b', lastStatus: 'PROVISIONING', createdAt: at(2000) },
    ];
    expect(taskPace(starting, ['a', 'b'], 'running')).toEqual({ kind: 'idle', since: T0 + 1000 });
    const oneRuns: Task[] = [{ ...starting[0], lastStatus: 'RUNNING', startedAt: at(9000) }, starting[1] ?? {}];
    expect(taskPace(oneRuns, ['b'], 'running')).toEqual({ kind: 'near' });
  });

  it('expects running tasks to run as long as the median task of the batch that already stopped', () => {
    const tasks: Task[] = [
      { taskArn: 'a', lastStatus: 'STOPPED', startedAt: at(0), stoppedAt: at(20_000) },
      { taskArn: 'b', lastStatus: 'STOPPED', startedAt: at(0), stoppedAt: at(30_000) },
      { taskArn: 'c', lastStatus: 'RUNNING', startedAt: at(4000) },
    ];
    expect(taskPace(tasks, ['c'], 'stopped')).toEqual({ kind: 'eta', at: T0 + 34_000 });
    expect(taskPace(tasks.slice(2), ['c'], 'stopped')).toEqual({ kind: 'idle', since: T0 + 4000 });
  });
});
