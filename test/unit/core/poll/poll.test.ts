import { describe, expect, it } from '@jest/globals';
import { DEFAULT_POLL_INTERVAL_MS, poll } from '../../../../src/core/poll/index.js';
import type { PollOptions, PollRound } from '../../../../src/core/poll/index.js';
import { Deadline } from '../../../../src/core/time.js';
import { FakeTime } from '../../../helpers/fakes.js';
import { serviceUnavailable, throttlingError } from '../../../helpers/ecs-watch-fixtures.js';

const T0 = Date.UTC(2024, 4, 1, 12, 0, 0);

function setup(timeoutMs = 30 * 60_000) {
  const time = new FakeTime(T0);
  const deadline = new Deadline(time.clock, timeoutMs);
  const deps = { clock: time.clock, sleep: time.sleep };
  /** When each round started, relative to T0. */
  const roundsAt: number[] = [];
  return { time, deadline, deps, roundsAt };
}

/** An attempt that plays `script` (a value ends the wait, undefined goes on, an Error is thrown), one step a round. */
function scripted<T>(roundsAt: number[], script: Array<T | undefined | Error>) {
  let n = 0;
  return async (round: PollRound): Promise<T | undefined> => {
    roundsAt.push(round.now() - T0);
    const step = script[Math.min(n, script.length - 1)];
    n += 1;
    if (step instanceof Error) throw step;
    return step;
  };
}

describe('poll: pace and result', () => {
  it('makes the first round at once, then one every DEFAULT_POLL_INTERVAL_MS (2.2 s), and returns the value', async () => {
    const s = setup();
    const end = await poll(s.deps, { deadline: s.deadline }, scripted(s.roundsAt, [undefined, undefined, 'steady']));
    expect(DEFAULT_POLL_INTERVAL_MS).toBe(2200);
    expect(end).toEqual({ kind: 'done', value: 'steady', rounds: 3 });
    expect(s.roundsAt).toEqual([0, 2200, 4400]);
    expect(s.time.sleeps).toEqual([2200, 2200]);
  });

  it('measures the interval from the start of one round to the start of the next', async () => {
    const s = setup();
    let n = 0;
    const end = await poll(s.deps, { deadline: s.deadline, intervalMs: 1000 }, async (round) => {
      s.roundsAt.push(round.now() - T0);
      s.time.clock.advance(300); // the reads of a round take time
      n += 1;
      return n === 3 ? n : undefined;
    });
    expect(end.kind).toBe('done');
    expect(s.roundsAt).toEqual([0, 1000, 2000]);
    expect(s.time.sleeps).toEqual([700, 700]);
  });

  it('gives each round its number, the start of the wait, the signal and the clock', async () => {
    const s = setup();
    const controller = new AbortController();
    const seen: Array<{ number: number; startedAt: number; signal: AbortSignal | undefined }> = [];
    await poll(s.deps, { deadline: s.deadline, signal: controller.signal, intervalMs: 500 }, async (round) => {
      seen.push({ number: round.number, startedAt: round.startedAt, signal: round.signal });
      return round.number === 3 ? true : undefined;
    });
    expect(seen).toEqual([1, 2, 3].map((number) => ({ number, startedAt: T0, signal: controller.signal })));
  });
});

describe('poll: read budget', () => {
  it('keeps every 60 s window within readsPerMinute when rounds make extra reads', async () => {
    const s = setup(5 * 60_000);
    const reads: number[] = [];
    const end = await poll(s.deps, { deadline: s.deadline, intervalMs: 1000, readsPerMinute: 12 }, async (round) => {
      reads.push(round.now());
      for (const op of ['ListTasks', 'DescribeTasks']) {
        round.read(op);
        reads.push(round.now());
      }
      return undefined;
    });
    expect(end.kind).toBe('timeout');
    expect(reads.length).toBeGreaterThan(50); // it kept polling, 4 rounds a minute
    for (const start of reads) {
      expect(reads.filter((t) => t >= start && t < start + 60_000).length).toBeLessThanOrEqual(12);
    }
  });

  it('lets a few extra reads pass without delaying the next round (the default budget has headroom)', async () => {
    const s = setup();
    const end = await poll(s.deps, { deadline: s.deadline }, async (round) => {
      s.roundsAt.push(round.now() - T0);
      if (round.number === 5) {
        round.read('ListTasks');
        round.read('DescribeTasks');
      }
      return round.number === 8 ? 'done' : undefined;
    });
    expect(end.kind).toBe('done');
    expect(new Set(s.time.sleeps)).toEqual(new Set([2200]));
  });

  it('gives a caller asking for a faster interval a matching budget', async () => {
    const s = setup(2 * 60_000);
    const end = await poll(s.deps, { deadline: s.deadline, intervalMs: 500 }, scripted(s.roundsAt, [undefined]));
    expect(end.kind).toBe('timeout');
    expect(new Set(s.time.sleeps)).toEqual(new Set([500]));
    expect(end.rounds).toBe(241); // 120 a minute, and the round at the deadline
  });
});

describe('poll: throttling and transient errors', () => {
  it('doubles the interval on each error up to 15 s, then halves it back on each success (gradual recovery)', async () => {
    const s = setup();
    const retries: Array<[string, number]> = [];
    const options: PollOptions = {
      deadline: s.deadline,
      onRetry: (_e, kind, nextDelayMs) => retries.push([kind, nextDelayMs]),
    };
    const script = [throttlingError(), serviceUnavailable(), throttlingError(), undefined, undefined, undefined, 'ok'];
    const end = await poll(s.deps, options, scripted(s.roundsAt, script));
    expect(end).toEqual({ kind: 'done', value: 'ok', rounds: 7 });
    expect(s.time.sleeps).toEqual([4400, 8800, 15_000, 7500, 3750, 2200]);
    expect(retries).toEqual([
      ['throttling', 4400],
      ['transient', 8800],
      ['throttling', 15_000],
    ]);
  });

  it('returns to the base interval at the first success with recovery "immediate"', async () => {
    const s = setup();
    const script = [throttlingError(), throttlingError(), throttlingError(), throttlingError(), undefined, undefined, 'ok'];
    const end = await poll(s.deps, { deadline: s.deadline, intervalMs: 2000, recovery: 'immediate' }, scripted(s.roundsAt, script));
    expect(end.kind).toBe('done');
    expect(s.time.sleeps).toEqual([4000, 8000, 15_000, 15_000, 2000, 2000]);
  });

  it('propagates an error waiting cannot fix, at once and without sleeping', async () => {
    const s = setup();
    const denied = Object.assign(new Error('not authorized'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } });
    await expect(poll(s.deps, { deadline: s.deadline }, scripted(s.roundsAt, [undefined, denied]))).rejects.toBe(denied);
    expect(s.roundsAt).toEqual([0, 2200]);
    expect(s.time.sleeps).toEqual([2200]);
  });

  it('propagates an error that is not an AWS error (a bug in the attempt)', async () => {
    const s = setup();
    await expect(poll(s.deps, { deadline: s.deadline }, scripted(s.roundsAt, [new TypeError('x is undefined')]))).rejects.toThrow(
      'x is undefined',
    );
  });
});

describe('poll: jitter', () => {
  it('adds at most the given fraction of the interval, never less than the interval', async () => {
    const s = setup(10 * 60_000);
    const end = await poll(s.deps, { deadline: s.deadline, jitter: 0.25 }, scripted(s.roundsAt, [undefined]));
    expect(end.kind).toBe('timeout');
    const paced = s.time.sleeps.slice(0, -1); // the last sleep is cut to the deadline
    expect(paced.length).toBeGreaterThan(100);
    for (const ms of paced) {
      expect(ms).toBeGreaterThanOrEqual(2200);
      expect(ms).toBeLessThanOrEqual(2200 + 550);
    }
    expect(new Set(paced).size).toBeGreaterThan(1); // it does vary
  });

  it('uses the injected randomness: 0 adds nothing, just under 1 adds just under the fraction', async () => {
    const low = setup();
    await poll(low.deps, { deadline: low.deadline, jitter: 0.5, random: () => 0 }, scripted(low.roundsAt, [undefined, undefined, 1]));
    expect(low.time.sleeps).toEqual([2200, 2200]);
    const high = setup();
    const almostOne = (): number => 0.9999;
    await poll(high.deps, { deadline: high.deadline, jitter: 0.5, random: almostOne }, scripted(high.roundsAt, [undefined, undefined, 1]));
    expect(high.time.sleeps).toEqual([3299, 3299]);
  });

  it('clamps a fraction above 1 and a random value out of [0, 1]', async () => {
    const s = setup();
    await poll(s.deps, { deadline: s.deadline, jitter: 3, random: () => 7 }, scripted(s.roundsAt, [undefined, 1]));
    expect(s.time.sleeps).toEqual([4400]);
  });

  it('is off by default', async () => {
    const s = setup();
    await poll(s.deps, { deadline: s.deadline, random: () => 0.9 }, scripted(s.roundsAt, [undefined, undefined, 1]));
    expect(s.time.sleeps).toEqual([2200, 2200]);
  });
});

describe('poll: deadline', () => {
  it('times out with a round at the deadline itself, the last sleep cut to the time left', async () => {
    const s = setup(9_000);
    const end = await poll(s.deps, { deadline: s.deadline, intervalMs: 2000 }, scripted(s.roundsAt, [undefined]));
    expect(end).toEqual({ kind: 'timeout', rounds: 6, lastError: undefined });
    expect(s.time.sleeps).toEqual([2000, 2000, 2000, 2000, 1000]);
    expect(s.roundsAt).toEqual([0, 2000, 4000, 6000, 8000, 9000]);
  });

  it('names the error of the last round when it failed, and forgets errors a later success ended', async () => {
    const failing = setup(10_000);
    const throttled = throttlingError();
    const end = await poll(failing.deps, { deadline: failing.deadline }, scripted(failing.roundsAt, [throttled]));
    expect(end).toMatchObject({ kind: 'timeout', lastError: throttled });
    expect(failing.time.sleeps.every((ms) => ms <= 15_000)).toBe(true);
    expect(failing.time.clock.now()).toBe(T0 + 10_000);

    const recovered = setup(10_000);
    const after = await poll(recovered.deps, { deadline: recovered.deadline }, scripted(recovered.roundsAt, [throttlingError(), undefined]));
    expect(after).toMatchObject({ kind: 'timeout', lastError: undefined });
  });

  it('makes one round even when the deadline has already passed', async () => {
    const s = setup(0);
    const end = await poll(s.deps, { deadline: s.deadline }, scripted(s.roundsAt, [undefined]));
    expect(end).toEqual({ kind: 'timeout', rounds: 1, lastError: undefined });
    expect(s.time.sleeps).toEqual([]);
  });
});

describe('poll: cancellation', () => {
  it('makes no round when the signal has already aborted', async () => {
    const s = setup();
    const controller = new AbortController();
    controller.abort(new Error('SIGINT'));
    const end = await poll(s.deps, { deadline: s.deadline, signal: controller.signal }, scripted(s.roundsAt, [undefined]));
    expect(end).toEqual({ kind: 'cancelled', rounds: 0 });
    expect(s.roundsAt).toEqual([]);
  });

  it('ends while sleeping when the signal aborts, with no further round', async () => {
    const s = setup();
    const controller = new AbortController();
    s.time.onSleep = () => {
      if (s.time.sleeps.length === 2) controller.abort(new Error('SIGINT'));
    };
    const end = await poll(s.deps, { deadline: s.deadline, signal: controller.signal }, scripted(s.roundsAt, [undefined]));
    expect(end).toEqual({ kind: 'cancelled', rounds: 2 });
    expect(s.roundsAt).toEqual([0, 2200]);
  });

  it('ends when a read is aborted mid-round, whatever the read threw', async () => {
    const s = setup();
    const controller = new AbortController();
    const end = await poll(s.deps, { deadline: s.deadline, signal: controller.signal }, async () => {
      controller.abort(new Error('SIGTERM'));
      throw Object.assign(new Error('Request aborted'), { name: 'AbortError' });
    });
    expect(end).toEqual({ kind: 'cancelled', rounds: 1 });
    expect(s.time.sleeps).toEqual([]);
  });

  it('propagates a sleep failure that is not the signal', async () => {
    const s = setup();
    const broken = async (): Promise<void> => {
      throw new Error('timer broke');
    };
    const attempt = scripted(s.roundsAt, [undefined]);
    await expect(poll({ clock: s.time.clock, sleep: broken }, { deadline: s.deadline }, attempt)).rejects.toThrow('timer broke');
  });
});
