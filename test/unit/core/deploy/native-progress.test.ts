/** N2, S6: the step log of a native deployment — each stage once, stages passed between two polls said so. */
import { describe, expect, it } from '@jest/globals';
import { NativeProgressPrinter } from '../../../../src/core/deploy/native/progress.js';
import { FakeClock, RecordingLogger } from '../../../helpers/fakes.js';

const stageLines = (log: RecordingLogger): string[] => log.messages('info').filter((m) => m.includes('tage'));

describe('NativeProgressPrinter', () => {
  it('prints each stage once, and the stages ECS went through between two polls in its order', () => {
    const log = new RecordingLogger();
    const p = new NativeProgressPrinter(log, new FakeClock());
    p.print({ status: 'IN_PROGRESS', lifecycleStage: 'PRE_SCALE_UP' });
    p.print({ status: 'IN_PROGRESS', lifecycleStage: 'PRE_SCALE_UP' });
    p.print({ status: 'IN_PROGRESS', lifecycleStage: 'POST_TEST_TRAFFIC_SHIFT' });
    p.print({ status: 'SUCCESSFUL', lifecycleStage: 'CLEAN_UP' });
    expect(stageLines(log)).toEqual([
      'Lifecycle stage: PRE_SCALE_UP',
      'Lifecycle stage: SCALE_UP (passed between two polls)',
      'Lifecycle stage: POST_SCALE_UP (passed between two polls)',
      'Lifecycle stage: TEST_TRAFFIC_SHIFT (passed between two polls)',
      'Lifecycle stage: POST_TEST_TRAFFIC_SHIFT',
      'Lifecycle stage: PRODUCTION_TRAFFIC_SHIFT (passed between two polls)',
      'Lifecycle stage: POST_PRODUCTION_TRAFFIC_SHIFT (passed between two polls)',
      'Lifecycle stage: BAKE_TIME (passed between two polls)',
      'Lifecycle stage: CLEAN_UP',
    ]);
  });

  it('infers nothing before the first stage seen, nor while ECS rolls back; a rollback labels its stages', () => {
    const log = new RecordingLogger();
    const p = new NativeProgressPrinter(log, new FakeClock(), 'Lifecycle stage during the rollback');
    p.print({ status: 'IN_PROGRESS', lifecycleStage: 'SCALE_UP' });
    p.print({ status: 'ROLLBACK_IN_PROGRESS', lifecycleStage: 'CLEAN_UP' });
    expect(stageLines(log)).toEqual(['Lifecycle stage during the rollback: SCALE_UP', 'Lifecycle stage during the rollback: CLEAN_UP']);
  });
});
