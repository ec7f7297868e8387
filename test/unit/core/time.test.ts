import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { Deadline, DeadlineExceededError, formatDuration, realSleep, systemClock } from '../../../src/core/time.js';
import { FakeClock } from '../../helpers/fakes.js';

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [499, '0s'],
    [1_500, '2s'],
    [59_000, '59s'],
    [60_000, '1m'],
    [59_600, '1m'],
    [90_000, '1m 30s'],
    [30 * 60_000, '30m'],
  ])('%d ms is %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('Deadline', () => {
  it('counts down on the injected clock and throws naming what did not finish', () => {
    const clock = new FakeClock(1_000);
    const d = new Deadline(clock, 30 * 60_000);
    expect(d.expiresAt).toBe(1_000 + 30 * 60_000);
    expect(d.remainingMs()).toBe(30 * 60_000);
    clock.advance(29 * 60_000);
    expect(d.expired()).toBe(false);
    expect(() => d.check('the deployment')).not.toThrow();
    clock.advance(60_000);
    expect(d.remainingMs()).toBe(0);
    expect(d.expired()).toBe(true);
    expect(() => d.check('the deployment')).toThrow(new DeadlineExceededError('the deployment', 30 * 60_000));
    expect(() => d.check('the deployment')).toThrow('the deployment did not finish within 30m');
    clock.advance(5_000);
    expect(d.remainingMs()).toBe(0);
  });
});

describe('systemClock', () => {
  it('is the wall clock', () => {
    const before = Date.now();
    const now = systemClock.now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});

describe('realSleep (with jest fake timers, no real waiting)', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('resolves after the given time', async () => {
    jest.useFakeTimers();
    let done = false;
    const p = realSleep(1_000).then(() => {
      done = true;
    });
    await jest.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await p;
    expect(done).toBe(true);
  });

  it('rejects at once with the reason of an already aborted signal', async () => {
    const c = new AbortController();
    c.abort(new Error('cancelled'));
    await expect(realSleep(60_000, c.signal)).rejects.toThrow('cancelled');
  });

  it('rejects with the reason when aborted while sleeping, and clears its timer', async () => {
    jest.useFakeTimers();
    const c = new AbortController();
    const p = realSleep(60_000, c.signal);
    await jest.advanceTimersByTimeAsync(10);
    c.abort(new Error('SIGINT'));
    await expect(p).rejects.toThrow('SIGINT');
    expect(jest.getTimerCount()).toBe(0);
  });

  it('removes its abort listener once it resolves', async () => {
    jest.useFakeTimers();
    const c = new AbortController();
    const added = jest.spyOn(c.signal, 'addEventListener');
    const removed = jest.spyOn(c.signal, 'removeEventListener');
    const p = realSleep(5, c.signal);
    expect(added).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(5);
    await p;
    const listener = added.mock.calls[0]?.[1];
    expect(listener).toBeDefined();
    expect(removed.mock.calls.map((c) => [c[0], c[1]])).toEqual([['abort', listener]]);
  });

  it('treats a negative time as zero', async () => {
    jest.useFakeTimers();
    const p = realSleep(-5);
    await jest.advanceTimersByTimeAsync(0);
    await expect(p).resolves.toBeUndefined();
  });
});
