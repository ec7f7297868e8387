import { describe, expect, it } from '@jest/globals';
import { DEFAULT_POLL_INTERVAL_MS, paceIntervalMs, poll } from '../../../../src/core/poll/index.js';
import type { PaceHint, PaceInputs, PollRound } from '../../../../src/core/poll/index.js';
import { ReadLedger } from '../../../../src/core/aws/read-ledger.js';
import { Deadline } from '../../../../src/core/time.js';
import { FakeTime } from '../../../helpers/fakes.js';

const T0 = Date.UTC(2024, 4, 1, 12, 0, 0);

function inputs(hint: PaceHint | undefined, at: number, readsInLast40s = 0): PaceInputs {
  return { hint, baseMs: DEFAULT_POLL_INTERVAL_MS, now: T0 + at, startedAt: T0, readsPerMinute: 30, readsAfter: () => readsInLast40s };
}

describe('paceIntervalMs: the interval chosen for what the last round saw (issue 17)', () => {
  it('keeps the base interval without a hint', () => {
    expect(paceIntervalMs(inputs(undefined, 5000))).toBe(2200);
  });

  it('polls a quarter of the idle time, between the base 2.2 s and 8.8 s, while nothing can finish', () => {
    expect(paceIntervalMs(inputs({ kind: 'idle' }, 0))).toBe(2200);
    expect(paceIntervalMs(inputs({ kind: 'idle' }, 12_000))).toBe(3000);
    expect(paceIntervalMs(inputs({ kind: 'idle' }, 40_000))).toBe(8800);
    expect(paceIntervalMs(inputs({ kind: 'idle', since: T0 + 20_000 }, 40_000))).toBe(5000);
  });

  it('closes in on a predicted end by halving the time left, then polls densely once it is overdue', () => {
    expect(paceIntervalMs(inputs({ kind: 'eta', at: T0 + 40_000 }, 10_000))).toBe(8800);
    expect(paceIntervalMs(inputs({ kind: 'eta', at: T0 + 40_000 }, 30_000))).toBe(5000);
    expect(paceIntervalMs(inputs({ kind: 'eta', at: T0 + 40_000 }, 39_500))).toBe(550);
    expect(paceIntervalMs(inputs({ kind: 'eta', at: T0 + 40_000 }, 41_000, 8))).toBe(1000);
  });

  it('follows a drain to its latest end: dense at first, then evenly keeping reads for its last moments, then closing in', () => {
    const drain = { kind: 'eta', at: T0 + 40_000, latest: true, since: T0 + 10_000 } as const;
    // The first moments after the drain began: a drain without in-flight requests ends at once.
    expect(paceIntervalMs(inputs(drain, 11_000))).toBe(550);
    // Between: 23.4 s until its last moments, 28 reads a minute less the 12 kept for them and after: 1.46 s.
    expect(paceIntervalMs(inputs(drain, 10_000 + 2200, 0))).toBe(Math.round(23_400 / 16));
    // Never slower than twice the base interval, even with the budget spent.
    expect(paceIntervalMs(inputs(drain, 20_000, 20))).toBe(4400);
    // The last moments: closing in on the latest end.
    expect(paceIntervalMs(inputs(drain, 38_000))).toBe(1000);
    expect(paceIntervalMs(inputs(drain, 39_500))).toBe(550);
    // Past it without the end: dense.
    expect(paceIntervalMs(inputs(drain, 41_000, 8))).toBe(1000);
  });

  it('covers a phase bounded by a latest end (old tasks stopping within their stop timeout) densely, then evenly', () => {
    const stopping = { kind: 'within', since: T0 + 60_000, until: T0 + 90_000 } as const;
    expect(paceIntervalMs(inputs(stopping, 61_000))).toBe(550);
    // 6 s into it: evenly over the 24 s left (28 reads: 0.86 s) ...
    expect(paceIntervalMs(inputs(stopping, 66_000))).toBe(857);
    // ... or, with 16 reads that will still count at its end (24 s / 12 reads: 2 s), a quarter of its age (1.5 s).
    expect(paceIntervalMs(inputs(stopping, 66_000, 16))).toBe(1500);
    // 20 s into it: evenly over the 10 s left, with 16 reads still counted at the end: 10 s / 12 reads.
    expect(paceIntervalMs(inputs(stopping, 80_000, 16))).toBe(833);
    // Past its latest end without the end: near.
    expect(paceIntervalMs(inputs(stopping, 91_000, 8))).toBe(1000);
  });

  it('spreads what the budget has left over the next 20 s when the end may come any moment', () => {
    expect(paceIntervalMs(inputs({ kind: 'near' }, 0, 0))).toBe(714); // 20 s / 28 reads
    expect(paceIntervalMs(inputs({ kind: 'near' }, 0, 8))).toBe(1000); // 20 s / 20 reads
    expect(paceIntervalMs(inputs({ kind: 'near' }, 0, 20))).toBe(2500); // 20 s / 8 reads
    expect(paceIntervalMs(inputs({ kind: 'near' }, 0, 27))).toBe(8800);
    const fast = { ...inputs({ kind: 'near' }, 0, 0), readsPerMinute: 200 };
    expect(paceIntervalMs(fast)).toBe(550);
  });
});

/** A wait of a run (its read ledger) whose rounds say `hintAt(t)` (t: ms since T0) and end once `doneAt` has passed. */
function scenario(hintAt: (t: number) => PaceHint, doneAt: number, extraReads: (t: number) => number = () => 0) {
  const time = new FakeTime(T0);
  const roundsAt: number[] = [];
  const ledger = new ReadLedger(time.clock);
  let worstWindow = 0;
  const attempt = async (round: PollRound): Promise<'done' | undefined> => {
    const t = round.now() - T0;
    roundsAt.push(t);
    for (let i = 0; i < extraReads(t); i += 1) round.read('ListTasks');
    worstWindow = Math.max(worstWindow, ledger.window().length);
    if (t >= doneAt) return 'done';
    round.pace(hintAt(t));
    return undefined;
  };
  return { time, roundsAt, attempt, ledger, worst: () => worstWindow, deadline: new Deadline(time.clock, 30 * 60_000) };
}

describe('poll with pace hints (FakeTime)', () => {
  it('never polls an idle wait faster than the base interval, and slower the longer it stays idle', async () => {
    const s = scenario(() => ({ kind: 'idle' }), 12_000);
    await poll({ clock: s.time.clock, sleep: s.time.sleep, reads: s.ledger }, { deadline: s.deadline }, s.attempt);
    expect(s.roundsAt).toEqual([0, 2200, 4400, 6600, 8800, 11_000, 13_750]);
  });

  it('follows a load balancer drain: slow until the predicted end, then closer, notices the end within 0.5 s', async () => {
    // The old targets drain for the 30 s deregistration delay: the end is due at 30 s.
    const s = scenario(() => ({ kind: 'eta', at: T0 + 30_000 }), 30_000);
    await poll({ clock: s.time.clock, sleep: s.time.sleep, reads: s.ledger }, { deadline: s.deadline }, s.attempt);
    expect(s.roundsAt).toEqual([0, 8800, 17_600, 23_800, 26_900, 28_450, 29_225, 29_775, 30_325]);
    expect(s.worst()).toBeLessThanOrEqual(30);
  });

  it('a 120 s rollout that drains for 28 s after its tasks run: never more than 30 reads in 60 s, end noticed within 2.6 s', async () => {
    const s = scenario((t) => (t < 92_000 ? { kind: 'idle' } : { kind: 'near' }), 120_000);
    await poll({ clock: s.time.clock, sleep: s.time.sleep, reads: s.ledger }, { deadline: s.deadline }, s.attempt);
    const near = s.roundsAt.filter((t) => t >= 92_000);
    const gaps = near.slice(1).map((t, i) => t - (near[i] ?? 0));
    // Dense at first (the reads of the idle phase were few), then slowing towards the sustainable 2 s a read.
    expect(gaps[0]).toBeLessThan(1000);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(2600);
    expect((s.roundsAt.at(-1) ?? 0) - 120_000).toBeLessThanOrEqual(2600);
    expect(s.worst()).toBeLessThanOrEqual(30);
  });

  it('a 120 s rollout whose old tasks stop within their 30 s stop timeout: every round of the stop under 1.6 s apart', async () => {
    const stop = { kind: 'within', since: T0 + 92_000, until: T0 + 122_000 } as const;
    const s = scenario((t) => (t < 92_000 ? { kind: 'idle' } : stop), 119_600);
    await poll({ clock: s.time.clock, sleep: s.time.sleep, reads: s.ledger }, { deadline: s.deadline }, s.attempt);
    const stopping = s.roundsAt.filter((t) => t >= 92_000);
    const gaps = stopping.slice(1).map((t, i) => t - (stopping[i] ?? 0));
    // Seen 2.8 s after it began (the idle rounds were 8.8 s apart): a quarter of its age, then evenly (1.17 s).
    expect(gaps[0]).toBeLessThan(1000);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(1600);
    expect((s.roundsAt.at(-1) ?? 0) - 119_600).toBeLessThanOrEqual(1600);
    expect(s.worst()).toBeLessThanOrEqual(30);
  });

  it('keeps the hard budget through five minutes of "near" with extra reads every third round', async () => {
    const s = scenario(() => ({ kind: 'near' }), 300_000, (t) => (Math.floor(t / 1000) % 3 === 0 ? 2 : 0));
    await poll({ clock: s.time.clock, sleep: s.time.sleep, reads: s.ledger }, { deadline: s.deadline }, s.attempt);
    expect(s.worst()).toBeLessThanOrEqual(30);
    expect(s.roundsAt.length).toBeGreaterThanOrEqual(70); // about 24 reads a minute with the extras
  });

  it('counts every read of the run when given the shared ledger', async () => {
    const time = new FakeTime(T0);
    const reads = new ReadLedger(time.clock);
    for (let i = 0; i < 29; i += 1) reads.record(); // the rest of the run read a lot just now
    const roundsAt: number[] = [];
    await poll({ clock: time.clock, sleep: time.sleep, reads }, { deadline: new Deadline(time.clock, 600_000) }, async (round) => {
      roundsAt.push(round.now() - T0);
      round.pace({ kind: 'near' });
      return roundsAt.length === 3 ? 'done' : undefined;
    });
    // 30 reads at T0: the second round waits until they are 60 s old; then 20 s / 27 reads left.
    expect(roundsAt).toEqual([0, 60_000, 60_741]);
  });

  it('waits out the pause a throttled read anywhere in the process opened', async () => {
    const time = new FakeTime(T0);
    const reads = new ReadLedger(time.clock);
    const roundsAt: number[] = [];
    await poll({ clock: time.clock, sleep: time.sleep, reads }, { deadline: new Deadline(time.clock, 600_000) }, async (round) => {
      roundsAt.push(round.now() - T0);
      if (roundsAt.length === 1) for (let i = 0; i < 3; i += 1) reads.throttled(); // 0.5 s, 1 s, 2 s: paused until 2 s
      round.pace({ kind: 'near' });
      return roundsAt.length === 3 ? 'done' : undefined;
    });
    // Then no faster than the base interval: the account was throttled within the last minute.
    expect(roundsAt).toEqual([0, 2200, 4400]);
    expect(reads.pauseMs()).toBe(0);
  });

  it('polls densely again a minute after the last throttled call of the run', async () => {
    const time = new FakeTime(T0);
    const reads = new ReadLedger(time.clock);
    reads.throttled();
    time.clock.advance(50_000); // the wait begins 50 s after the throttled call
    const roundsAt: number[] = [];
    await poll({ clock: time.clock, sleep: time.sleep, reads }, { deadline: new Deadline(time.clock, 600_000) }, async (round) => {
      roundsAt.push(round.now() - T0);
      round.pace({ kind: 'near' });
      return round.now() - T0 > 75_000 ? 'done' : undefined;
    });
    const gaps = roundsAt.slice(1).map((t, i) => [roundsAt[i] ?? 0, t - (roundsAt[i] ?? 0)] as const);
    expect(gaps.filter(([at]) => at < 58_000).map(([, g]) => g)).toEqual([2200, 2200, 2200, 2200]);
    expect(gaps.find(([at]) => at > 60_000)?.[1]).toBeLessThan(1000);
  });
});

describe('poll without the run\'s ledger', () => {
  it('keeps the base interval whatever the rounds say', async () => {
    const time = new FakeTime(T0);
    const roundsAt: number[] = [];
    await poll({ clock: time.clock, sleep: time.sleep }, { deadline: new Deadline(time.clock, 600_000) }, async (round) => {
      roundsAt.push(round.now() - T0);
      round.pace({ kind: 'near' });
      return roundsAt.length === 3 ? 'done' : undefined;
    });
    expect(roundsAt).toEqual([0, 2200, 4400]);
  });
});
