import { describe, expect, it } from '@jest/globals';
import { PollPacer } from '../../../../src/core/poll/index.js';
import { FakeClock } from '../../../helpers/fakes.js';

describe('PollPacer', () => {
  it('lets the first poll start at once, and the next one interval after the start of the last', () => {
    const clock = new FakeClock();
    const pacer = new PollPacer(clock, { baseIntervalMs: 1000 });
    expect(pacer.delayMs()).toBe(0);
    pacer.pollStarted();
    clock.advance(400);
    expect(pacer.delayMs()).toBe(600);
    clock.advance(900);
    expect(pacer.delayMs()).toBe(0);
  });

  it('backs off up to its ceiling and recovers gradually by default, at once when asked', () => {
    const gradual = new PollPacer(new FakeClock(), { baseIntervalMs: 1000, maxIntervalMs: 5000 });
    const immediate = new PollPacer(new FakeClock(), { baseIntervalMs: 1000, maxIntervalMs: 5000, recovery: 'immediate' });
    for (const pacer of [gradual, immediate]) {
      for (let i = 0; i < 4; i += 1) pacer.backOff();
      expect(pacer.intervalMs).toBe(5000);
      pacer.succeeded();
    }
    expect(gradual.intervalMs).toBe(2500);
    expect(immediate.intervalMs).toBe(1000);
    gradual.succeeded();
    gradual.succeeded();
    expect(gradual.intervalMs).toBe(1000);
  });

  it('makes the next poll wait until the oldest read of a full budget is 60 s old', () => {
    const clock = new FakeClock();
    const pacer = new PollPacer(clock, { baseIntervalMs: 1000, readsPerMinute: 3 });
    pacer.pollStarted();
    pacer.readMade();
    pacer.readMade();
    expect(pacer.delayMs()).toBe(60_000);
    clock.advance(59_000);
    expect(pacer.delayMs()).toBe(1000);
    clock.advance(1000);
    expect(pacer.delayMs()).toBe(0);
  });
});
