/**
 * Bad input corpus for ecs-canary (C1, C2, S3): every case fails with exit code 1, an `::error::` that names the
 * problem and its location (input, or file:line and field), and makes zero AWS calls (the emulator's call log).
 * Build first: `node scripts/build.mjs dist ecs-canary`.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CANARY_CASES } from './ecs-canary.cases.js';
import { EmulatorPool, assertBundle, expectRejected, runCase } from './run-corpus.js';

const pool = new EmulatorPool(2);

beforeAll(() => assertBundle('ecs-canary'));
afterAll(() => pool.stop());

describe('ecs-canary rejects bad inputs before any AWS call', () => {
  it('has enough cases, with unique names', () => {
    expect(CANARY_CASES.length).toBeGreaterThanOrEqual(20);
    expect(new Set(CANARY_CASES.map((c) => c.name)).size).toBe(CANARY_CASES.length);
  });
  it.concurrent.each(CANARY_CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    expectRejected(c, await runCase(pool, c));
  });
});
