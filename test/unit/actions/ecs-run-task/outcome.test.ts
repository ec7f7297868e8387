import { describe, expect, it } from '@jest/globals';
import { afterStop, statusLines, stoppedSentence } from '../../../../src/actions/ecs-run-task/outcome.js';

const id = (n: number): string => n.toString(16).padStart(32, '0');
const arn = (n: number): string => `arn:aws:ecs:us-east-1:123456789012:task/jobs/${id(n)}`;

describe('what a cancelled or timed-out run says about its tasks (S10)', () => {
  it('shows the state StopTask answered, not the one polled before it, grouped', () => {
    const polled = [1, 2, 3, 4, 5].map((n) => ({ taskArn: arn(n), lastStatus: 'RUNNING', desiredStatus: 'RUNNING' }));
    const stopped = {
      stopped: [1, 2, 3, 4].map(arn),
      alreadyStopped: [],
      failed: [{ taskArn: arn(5), error: 'AccessDeniedException: not authorized' }],
      tasks: [1, 2, 3, 4].map((n) => ({ taskArn: arn(n), lastStatus: 'RUNNING', desiredStatus: 'STOPPED' })),
    };
    expect(statusLines(afterStop(polled, stopped))).toEqual([
      `  - stop requested, last status RUNNING (desired STOPPED) [4 tasks: ${id(1)}, ${id(2)}, ${id(3)}, …]`,
      `  - task ${id(5)}: RUNNING`,
    ]);
    expect(stoppedSentence(stopped)).toBe(
      `; stopped 4 task(s) it started: ${id(1)}, ${id(2)}, ${id(3)}, … (1 more); ` +
        `could NOT stop 1 task(s), which may still be running (task ${id(5)}: AccessDeniedException: not authorized)`,
    );
  });
});
