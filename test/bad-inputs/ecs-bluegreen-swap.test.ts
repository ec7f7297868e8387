/**
 * Bad input corpus for ecs-bluegreen-swap (S3): every case fails with exit code 1, an `::error::` that names the
 * problem and its location (input, or file:line and field), and makes zero AWS calls (the emulator's call log).
 * Build first: `node scripts/build.mjs dist ecs-bluegreen-swap`.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BLUEGREEN_CASES } from './ecs-bluegreen-swap.cases.js';
import { EmulatorPool, assertBundle, expectRejected, runCase } from './run-corpus.js';

const pool = new EmulatorPool(2);

beforeAll(() => assertBundle('ecs-bluegreen-swap'));
afterAll(() => pool.stop());

describe('ecs-bluegreen-swap rejects bad inputs before any AWS call (S3)', () => {
  it('has enough cases, with unique names', () => {
    expect(BLUEGREEN_CASES.length).toBeGreaterThanOrEqual(20);
    expect(new Set(BLUEGREEN_CASES.map((c) => c.name)).size).toBe(BLUEGREEN_CASES.length);
  });
  it.concurrent.each(BLUEGREEN_CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    expectRejected(c, await runCase(pool, c));
  });
});
