import { describe, expect, it } from '@jest/globals';
import { evaluateTasks } from '../../../../src/core/tasks/evaluate.js';
import { countedIds, groupedReasonLines } from '../../../../src/core/tasks/reasons.js';

const id = (n: number): string => n.toString(16).padStart(32, '0');
const arn = (n: number): string => `arn:aws:ecs:us-east-1:123456789012:task/jobs/${id(n)}`;

describe('groupedReasonLines', () => {
  it('one line per reason, most frequent first; a reason of one task names it as before', () => {
    const items = [
      { taskArn: arn(1), reason: 'exit 1' },
      { taskArn: arn(2), reason: 'pull' },
      { taskArn: arn(3), reason: 'pull' },
      { taskArn: arn(4), reason: 'pull' },
      { taskArn: arn(5), reason: 'pull' },
      { taskArn: arn(6), reason: 'exit 2' },
      { taskArn: arn(7), reason: 'exit 2' },
    ];
    expect(groupedReasonLines(items)).toEqual([
      `  - pull [4 tasks: ${id(2)}, ${id(3)}, ${id(4)}, …]`,
      `  - exit 2 [2 tasks: ${id(6)}, ${id(7)}]`,
      `  - task ${id(1)}: exit 1`,
    ]);
  });

  it('lists at most maxLines reasons and counts the rest', () => {
    const items = Array.from({ length: 30 }, (_, i) => ({ taskArn: arn(i + 1), reason: `exit ${i}` }));
    const lines = groupedReasonLines(items, 10);
    expect(lines).toHaveLength(11);
    expect(lines[10]).toBe("  - …and 20 other reason(s) (20 task(s)): see the job summary's task table");
  });

  it('countedIds', () => {
    expect(countedIds(['a'])).toBe('1 task: a');
    expect(countedIds(['a', 'b', 'c'])).toBe('3 tasks: a, b, c');
    expect(countedIds(['a', 'b', 'c', 'd'])).toBe('4 tasks: a, b, c, …');
  });
});

describe('evaluateTasks with many failures (S9)', () => {
  it('200 tasks that could not pull their image make one line, not 200', () => {
    const reason = 'CannotPullContainerError: pull image manifest has been retried 5 time(s): not found';
    const tasks = Array.from({ length: 200 }, (_, i) => ({
      taskArn: arn(i + 1),
      lastStatus: 'STOPPED',
      stopCode: 'TaskFailedToStart' as const,
      stoppedReason: reason,
      containers: [{ name: 'app', reason }],
    }));
    const crashed = { taskArn: arn(999), lastStatus: 'STOPPED', startedAt: new Date(1), stoppedAt: new Date(2), stoppedReason: 'Essential container in task exited', containers: [{ name: 'app', exitCode: 1 }] };
    const result = evaluateTasks([...tasks, crashed]);
    expect(result.failureMessage).toBe(
      [
        '201 of 201 task(s) failed:',
        `  - task did not start: ${reason} [200 tasks: ${id(1)}, ${id(2)}, ${id(3)}, …]`,
        `  - task ${id(999)}: container app exited with code 1; stoppedReason: Essential container in task exited`,
      ].join('\n'),
    );
  });
});
