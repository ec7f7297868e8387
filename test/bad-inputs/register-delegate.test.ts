/**
 * Bad input corpus for register-delegate (D1–D3): every case fails with exit code 1, an `::error::` that names the
 * problem and its location, and makes zero AWS calls (the emulator's call log). Build first:
 * `node scripts/build.mjs dist register-delegate`.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DELEGATE_CASES } from './register-delegate.cases.js';
import { EmulatorPool, assertBundle, expectRejected, runCase } from './run-corpus.js';

const pool = new EmulatorPool(4);

beforeAll(() => assertBundle('register-delegate'));
afterAll(() => pool.stop());

describe('register-delegate rejects bad inputs before any AWS call', () => {
  it('has enough cases, with unique names', () => {
    expect(DELEGATE_CASES.length).toBeGreaterThanOrEqual(20);
    expect(new Set(DELEGATE_CASES.map((c) => c.name)).size).toBe(DELEGATE_CASES.length);
  });
  it.concurrent.each(DELEGATE_CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    expectRejected(c, await runCase(pool, c));
  });
});
