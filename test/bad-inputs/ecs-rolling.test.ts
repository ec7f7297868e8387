/**
 * Bad input corpus for ecs-rolling (issue 6): every case fails with exit code 1, an `::error::` that names the
 * problem and its location (input, or file:line and field), and makes zero AWS calls (the emulator's call log).
 * Build first: `npm run build`.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ROLLING_CASES } from './ecs-rolling.cases.js';
import { EmulatorPool, assertBundle, expectRejected, runCase } from './run-corpus.js';

const pool = new EmulatorPool(4);

beforeAll(() => assertBundle('ecs-rolling'));
afterAll(() => pool.stop());

describe('ecs-rolling rejects bad inputs before any AWS call', () => {
  it('has enough cases, with unique names', () => {
    expect(ROLLING_CASES.length).toBeGreaterThanOrEqual(20);
    expect(new Set(ROLLING_CASES.map((c) => c.name)).size).toBe(ROLLING_CASES.length);
  });
  it.concurrent.each(ROLLING_CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    expectRejected(c, await runCase(pool, c));
  });
});
