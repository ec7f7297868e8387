/**
 * Fault matrix for register-delegate (issue 14): an upgrade of an installed EC2 delegate under 3 phases × 4 quick
 * faults, each cell in an emulator of its own, run through the committed bundle; the invariant is read back through
 * the real SDK right after the step ends (delegate-cells.ts). Build first: `node scripts/build.mjs dist register-delegate`.
 */
import { describe, it } from '@jest/globals';
import type { ECSClient } from '@aws-sdk/client-ecs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startTestEmulator } from '../helpers/emulator.js';
import { repoRoot } from '../helpers/run-action.js';
import { describeCell, runCell, type CellRun } from './cell.js';
import { DELEGATE_FAULTS, DELEGATE_PHASES, DELEGATE_PLANS, IMAGE_V2, delegateInputs, delegateViolations, installV1 } from './delegate-cells.js';
import { isSignal, type Fault, type Phase } from './matrix.js';
import { writeNote } from './notes.js';

const CELL_TIMEOUT_MS = 120_000;

async function delegateCell(phase: (typeof DELEGATE_PHASES)[number], fault: Fault): Promise<void> {
  if (!existsSync(join(repoRoot, 'dist', 'register-delegate', 'index.js'))) throw new Error('dist/register-delegate/index.js is missing: build it first');
  const emu = await startTestEmulator({ taskStartMs: 1000, speed: 10 });
  let ecs: ECSClient | undefined;
  let cell: CellRun | undefined;
  const problems: string[] = [];
  try {
    ecs = await installV1(emu);
    const plan = DELEGATE_PLANS[phase];
    cell = await runCell({ emu, action: 'register-delegate', inputs: delegateInputs(IMAGE_V2), files: {}, plan, fault, timeoutMs: CELL_TIMEOUT_MS - 30_000 });
    problems.push(...(await delegateViolations(ecs, cell, isSignal(fault) ? plan.expectCancelled : plan.expect)));
    if (isSignal(fault) && !cell.signals.markerSeen) problems.push(`the log never showed the phase (${String(plan.marker)}): no signal was sent`);
    if (!isSignal(fault) && cell.injected === 0) problems.push('the fault was never injected');
    if (problems.length > 0) throw new Error(`${phase} | ${fault}:\n  - ${problems.join('\n  - ')}\n${describeCell(cell)}`);
  } catch (e) {
    if (problems.length === 0) problems.push(e instanceof Error ? (e.message.split('\n')[0] ?? e.name) : String(e));
    throw e;
  } finally {
    writeNote('register-delegate', phase as Phase, fault, cell, problems);
    ecs?.destroy();
    await emu.stop();
  }
}

describe('fault matrix: register-delegate', () => {
  for (const phase of DELEGATE_PHASES) {
    describe(phase, () => {
      it.concurrent.each(DELEGATE_FAULTS.map((f) => [f]))('%s', (fault) => delegateCell(phase, fault), CELL_TIMEOUT_MS);
    });
  }
});
