import { beforeEach, describe, expect, it } from '@jest/globals';
import { ChangePrinter, FOLD_INTERVAL_MS, PROGRESS_REPEAT_INTERVAL_MS, RepeatFolder } from '../../../../../src/core/deploy/watch/fold.js';
import { EventPrinter, ProgressPrinter, eventKind } from '../../../../../src/core/deploy/watch/events.js';
import { deployment, event, T0 } from '../../../../helpers/ecs-watch-fixtures.js';
import { FakeTime, RecordingLogger } from '../../../../helpers/fakes.js';

let time: FakeTime;
let out: string[];
beforeEach(() => {
  time = new FakeTime(T0);
  out = [];
});

const folder = (): RepeatFolder<string> =>
  new RepeatFolder<string>((l) => out.push(l), time.clock, { one: (s) => s, many: (items) => `${items.at(-1)} (+${items.length - 1})` });

describe('RepeatFolder', () => {
  it('prints the first of a kind, holds the repeats and prints them as one line when the interval has passed', () => {
    const f = folder();
    f.offer('a', 'a1');
    for (let i = 2; i <= 5; i++) {
      time.clock.advance(2_000);
      f.offer('a', `a${i}`);
      f.tick();
    }
    expect(out).toEqual(['a1']);
    time.clock.advance(FOLD_INTERVAL_MS - 8_000);
    f.tick();
    expect(out).toEqual(['a1', 'a5 (+3)']);
    // The interval starts again from that line.
    time.clock.advance(1_000);
    f.offer('a', 'a6');
    f.tick();
    expect(out).toEqual(['a1', 'a5 (+3)']);
    f.flush();
    expect(out).toEqual(['a1', 'a5 (+3)', 'a6']);
  });

  it('prints the held lines, oldest kind first, before a line of a new kind (time order is kept)', () => {
    const f = folder();
    f.offer('a', 'a1');
    f.offer('b', 'b1');
    f.offer('a', 'a2');
    f.offer('b', 'b2');
    f.offer('a', 'a3');
    f.offer('b', 'b3');
    f.offer('c', 'c1');
    expect(out).toEqual(['a1', 'b1', 'a3 (+1)', 'b3 (+1)', 'c1']);
  });

  it('a repeat that comes after a whole quiet interval is printed as a new first line', () => {
    const f = folder();
    f.offer('a', 'a1');
    time.clock.advance(FOLD_INTERVAL_MS);
    f.offer('a', 'a2');
    expect(out).toEqual(['a1', 'a2']);
  });

  it('a repeat arriving after the interval is printed with the held ones, at once', () => {
    const f = folder();
    f.offer('a', 'a1');
    time.clock.advance(1_000);
    f.offer('a', 'a2');
    time.clock.advance(FOLD_INTERVAL_MS);
    f.offer('a', 'a3');
    expect(out).toEqual(['a1', 'a3 (+1)']);
  });
});

describe('ChangePrinter', () => {
  it('prints changes, never the same line twice in a row, and a state seen before at most every 10 s', () => {
    const p = new ChangePrinter((l) => out.push(l), time.clock);
    const states = ['pending 2', 'running 2', 'pending 2', 'running 2', 'pending 1', 'running 2', 'running 2'];
    for (const s of states) {
      p.print('d', s);
      time.clock.advance(2_000);
    }
    expect(out).toEqual(['pending 2', 'running 2', 'pending 1']);
    time.clock.advance(PROGRESS_REPEAT_INTERVAL_MS);
    p.print('d', 'running 2');
    expect(out).toEqual(['pending 2', 'running 2', 'pending 1', 'running 2']);
  });

  it('without a clock prints every change', () => {
    const p = new ChangePrinter((l) => out.push(l));
    for (const s of ['a', 'b', 'a', 'a', 'b']) p.print('k', s);
    expect(out).toEqual(['a', 'b', 'a', 'b']);
  });

  it('keys are independent', () => {
    const p = new ChangePrinter((l) => out.push(l), time.clock);
    p.print('x', 'same');
    p.print('y', 'same');
    expect(out).toEqual(['same', 'same']);
  });
});

describe('crash-loop events and progress', () => {
  it('eventKind leaves out task lists and counts, nothing else', () => {
    expect(eventKind('(service web) has started 1 tasks: (task a).')).toBe(eventKind('(service web) has started 2 tasks: (task b) (task c).'));
    expect(eventKind('(service web) has started 1 tasks: (task a).')).not.toBe(eventKind('(service web) has stopped 1 running tasks: (task a).'));
    expect(eventKind('(service web) (deployment ecs-svc/1) deployment completed.')).not.toBe(
      eventKind('(service web) (deployment ecs-svc/2) deployment completed.'),
    );
  });

  it('EventPrinter with a clock folds a crash loop and counts what it folded; every event is printed or counted', () => {
    const log = new RecordingLogger();
    const printer = new EventPrinter(log, [], Number.NEGATIVE_INFINITY, time.clock);
    const all = [];
    for (let i = 0; i < 20; i++) {
      all.push(event(`s${i}`, T0 + i * 2_000, `(service web) has started 1 tasks: (task t${i}).`));
      if (i === 10) all.push(event('impaired', T0 + i * 2_000 + 1, '(service web) is unable to consistently start tasks successfully.'));
      // One poll every 2 s, DescribeServices answering newest first.
      printer.print([...all].reverse());
      printer.tick();
      time.clock.advance(2_000);
    }
    printer.flush();
    expect(log.messages('info')).toEqual([
      '# AWS Event: 2024-05-01 12:00:00.000 (service web) has started 1 tasks: (task t0).',
      '# AWS Event: 2024-05-01 12:00:20.000 (service web) has started 1 tasks: (task t10). (+9 similar events since 12:00:02.000)',
      '# AWS Event: 2024-05-01 12:00:20.001 (service web) is unable to consistently start tasks successfully.',
      '# AWS Event: 2024-05-01 12:00:38.000 (service web) has started 1 tasks: (task t19). (+8 similar events since 12:00:22.000)',
    ]);
  });

  it('ProgressPrinter with a clock: flapping counts are printed at most every 10 s', () => {
    const log = new RecordingLogger();
    const printer = new ProgressPrinter(log, time.clock);
    for (let i = 0; i < 10; i++) {
      printer.print([deployment('ecs-svc/2', i % 2 === 0 ? { pendingCount: 2 } : { runningCount: 2 })]);
      time.clock.advance(2_200);
    }
    printer.print([deployment('ecs-svc/2', { runningCount: 2, rolloutState: 'FAILED' })]);
    expect(log.messages('info')).toEqual([
      'Deployment ecs-svc/2: desired 2, pending 2, running 0, rollout IN_PROGRESS',
      'Deployment ecs-svc/2: desired 2, pending 0, running 2, rollout IN_PROGRESS',
      'Deployment ecs-svc/2: desired 2, pending 2, running 0, rollout IN_PROGRESS',
      'Deployment ecs-svc/2: desired 2, pending 0, running 2, rollout FAILED',
    ]);
  });
});
