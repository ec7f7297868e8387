/**
 * Bad input corpus for ecs-run-task (issue 6): every case fails with exit code 1, an `::error::` that names the
 * problem and its location (input, or file:line and field), and makes zero AWS calls (the emulator's call log).
 * Build first: `npm run build`.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RUN_TASK_CASES } from './ecs-run-task.cases.js';
import { EmulatorPool, assertBundle, expectRejected, runCase } from './run-corpus.js';

const pool = new EmulatorPool(4);

beforeAll(() => assertBundle('ecs-run-task'));
afterAll(() => pool.stop());

describe('ecs-run-task rejects bad inputs before any AWS call', () => {
  it('has enough cases, with unique names', () => {
    expect(RUN_TASK_CASES.length).toBeGreaterThanOrEqual(20);
    expect(new Set(RUN_TASK_CASES.map((c) => c.name)).size).toBe(RUN_TASK_CASES.length);
  });
  it.concurrent.each(RUN_TASK_CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    expectRejected(c, await runCase(pool, c));
  });
});
