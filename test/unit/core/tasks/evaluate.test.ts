import { describe, it, expect } from '@jest/globals';
import type { Task } from '@aws-sdk/client-ecs';
import { evaluateTasks, exitCodesOutput } from '../../../../src/core/tasks/evaluate.js';
import { taskSummaryTable } from '../../../../src/core/tasks/summary.js';

const ID1 = '0123456789abcdef0123456789abcdef';
const ID2 = 'fedcba9876543210fedcba9876543210';
const arn = (id: string): string => `arn:aws:ecs:us-east-1:123456789012:task/jobs/${id}`;

const td = {
  containerDefinitions: [
    { name: 'app', image: 'app:1' },
    { name: 'log-router', image: 'fluent-bit', essential: false },
  ],
};

function stopped(id: string, codes: Record<string, number | undefined>, extra: Partial<Task> = {}): Task {
  return {
    taskArn: arn(id),
    lastStatus: 'STOPPED',
    stopCode: 'EssentialContainerExited',
    stoppedReason: 'Essential container in task exited',
    startedAt: new Date('2024-05-01T12:00:00Z'),
    stoppedAt: new Date('2024-05-01T12:01:05Z'),
    containers: Object.entries(codes).map(([name, exitCode]) =>
      exitCode === undefined ? { name, lastStatus: 'STOPPED' } : { name, exitCode, lastStatus: 'STOPPED' },
    ),
    ...extra,
  };
}

const pullError: Task = {
  taskArn: arn(ID2),
  lastStatus: 'STOPPED',
  stopCode: 'TaskFailedToStart',
  stoppedReason:
    'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref docker.io/library/nope:latest: not found',
  stoppedAt: new Date('2024-05-01T12:00:30Z'),
  containers: [
    { name: 'app', lastStatus: 'STOPPED', reason: 'CannotPullContainerError: pull image manifest has been retried 5 time(s)' },
    { name: 'log-router', lastStatus: 'STOPPED' },
  ],
};

describe('evaluateTasks', () => {
  it('succeeds when every essential container exited 0, with the duration from startedAt to stoppedAt', () => {
    const result = evaluateTasks([stopped(ID1, { app: 0, 'log-router': 0 })], td);
    expect(result.success).toBe(true);
    expect(result.failureMessage).toBeUndefined();
    expect(result.tasks[0]?.durationMs).toBe(65_000);
    expect(result.tasks[0]?.containers.map((c) => [c.name, c.essential, c.exitCode])).toEqual([
      ['app', true, 0],
      ['log-router', false, 0],
    ]);
  });

  it('fails on exit code 3 and names the task, container, code and stoppedReason', () => {
    const result = evaluateTasks([stopped(ID1, { app: 0 }), stopped(ID2, { app: 3, 'log-router': 0 })], td);
    expect(result.success).toBe(false);
    expect(result.tasks.map((t) => t.success)).toEqual([true, false]);
    expect(result.failureMessage).toContain('1 of 2 task(s) failed');
    expect(result.failureMessage).toContain(`task ${ID2}: container app exited with code 3`);
    expect(result.failureMessage).toContain('stoppedReason: Essential container in task exited');
    expect(result.failureMessage).not.toContain(ID1);
  });

  it('ignores a non-essential container that exited non-zero', () => {
    const result = evaluateTasks([stopped(ID1, { app: 0, 'log-router': 1 })], td);
    expect(result.success).toBe(true);
  });

  it('fails a task that never started with its stoppedReason (image pull error)', () => {
    const result = evaluateTasks([pullError], td);
    expect(result.success).toBe(false);
    expect(result.tasks[0]?.durationMs).toBeUndefined();
    expect(result.failureMessage).toContain(`task ${ID2}: task did not start: CannotPullContainerError`);
    expect(result.failureMessage).toContain('docker.io/library/nope:latest');
    // The container's reason repeats part of the stoppedReason: said once.
    expect(result.failureMessage?.match(/CannotPullContainerError/g)).toHaveLength(1);
  });

  it('with watch-container, only that container decides', () => {
    const tasks = [stopped(ID1, { app: 1, 'log-router': 0 })];
    expect(evaluateTasks(tasks, td, 'log-router').success).toBe(true);
    const watchedFails = evaluateTasks([stopped(ID1, { app: 0, 'log-router': 2 })], td, 'log-router');
    expect(watchedFails.success).toBe(false);
    expect(watchedFails.failureMessage).toContain('container log-router exited with code 2');
    const unknown = evaluateTasks([stopped(ID1, { app: 0 })], td, 'migrate');
    expect(unknown.success).toBe(false);
    expect(unknown.failureMessage).toContain('migrate');
  });

  it('fails an essential container without an exit code, with its reason', () => {
    const result = evaluateTasks(
      [stopped(ID1, { app: undefined }, { containers: [{ name: 'app', reason: 'OutOfMemoryError: Container killed due to memory usage' }] })],
      td,
    );
    expect(result.success).toBe(false);
    expect(result.failureMessage).toContain('container app has no exit code (OutOfMemoryError');
  });

  it('treats a task that has not stopped as a failure', () => {
    const result = evaluateTasks([{ taskArn: arn(ID1), lastStatus: 'RUNNING', containers: [{ name: 'app' }] }], td);
    expect(result.success).toBe(false);
    expect(result.failureMessage).toContain('task is RUNNING, not STOPPED');
  });

  it('without a task definition, every container counts', () => {
    const result = evaluateTasks([stopped(ID1, { app: 0, 'log-router': 1 })]);
    expect(result.success).toBe(false);
    expect(result.failureMessage).toContain('container log-router exited with code 1');
  });

  it('is not a success with no tasks at all', () => {
    expect(evaluateTasks([], td).success).toBe(false);
  });
});

describe('exitCodesOutput', () => {
  it('maps each task ARN to its containers exit codes, null when ECS reports none', () => {
    expect(exitCodesOutput([stopped(ID1, { app: 0, 'log-router': 137 }), pullError])).toEqual({
      [arn(ID1)]: { app: 0, 'log-router': 137 },
      [arn(ID2)]: { app: null, 'log-router': null },
    });
  });
});

describe('taskSummaryTable', () => {
  it('has a row per task container with id, container, exit code, duration and stopped reason', () => {
    const outcomes = evaluateTasks([stopped(ID1, { app: 3, 'log-router': 0 }), pullError], td).tasks;
    const table = taskSummaryTable(outcomes);
    const lines = table.split('\n');
    expect(lines[0]).toBe('| Task | Container | Exit code | Duration | Result | Stopped reason |');
    expect(lines).toHaveLength(2 + 4);
    expect(lines[2]).toBe(`| \`${ID1}\` | app | 3 | 1m 5s | ❌ | Essential container in task exited |`);
    expect(lines[3]).toBe('|  | log-router (not checked) | 0 |  |  |  |');
    expect(lines[4]).toContain(`\`${ID2}\` | app | – | – | ❌ | CannotPullContainerError`);
  });

  it('escapes pipes and line breaks and caps the number of rows', () => {
    const odd = stopped(ID1, { app: 0 }, { stoppedReason: 'a | b\nc' });
    const table = taskSummaryTable(evaluateTasks([odd, stopped(ID2, { app: 0 })], td).tasks, 1);
    expect(table).toContain('a \\| b c');
    expect(table).not.toContain(ID2);
    expect(table).toContain('…and 1 more row(s), omitted.');
  });
});
