/**
 * Fault matrix for ecs-canary (C1): 4 phases × 6 faults, each cell in an emulator of its own (a base service behind
 * a load balancer, an alarm the bake watches), run through the committed bundle; after every cell the invariant is
 * read back through the real SDK (canary-cells.ts). Fast by design: ECS runs 50 times faster than real time and the
 * bake is 2 s. Build first: `node scripts/build.mjs dist ecs-canary`. Run: `npm run test:faults`.
 */
import { describe, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { canaryWorkspaceFiles, createBase, putAlarm, startCanaryE2e, type CanaryWorld } from '../helpers/ecs-canary-e2e.js';
import { repoRoot } from '../helpers/run-action.js';
import { describeCell, runCell, type CellRun } from './cell.js';
import { ALARM, CANARY_PHASES, canaryInputs, canaryViolations } from './canary-cells.js';
import { FAULTS, PHASES, isSignal, type Fault, type Phase } from './matrix.js';
import { writeNote } from './notes.js';

const CELL_TIMEOUT_MS = 120_000;

async function canaryCell(phase: Phase, fault: Fault): Promise<void> {
  if (!existsSync(join(repoRoot, 'dist', 'ecs-canary', 'index.js'))) throw new Error('dist/ecs-canary/index.js is missing: run `npm run build`');
  const w: CanaryWorld = await startCanaryE2e({ taskStartMs: 1000, speed: 50 });
  let cell: CellRun | undefined;
  const problems: string[] = [];
  try {
    const base = await createBase(w, 2);
    await putAlarm(w, ALARM);
    const plan = CANARY_PHASES[phase];
    cell = await runCell({ emu: w.emu, action: 'ecs-canary', inputs: canaryInputs(phase), files: canaryWorkspaceFiles(), plan, fault, timeoutMs: CELL_TIMEOUT_MS - 30_000 });
    problems.push(...(await canaryViolations(w, base, cell, isSignal(fault) ? plan.expectCancelled : plan.expect)));
    if (isSignal(fault) && !cell.signals.markerSeen) problems.push(`the log never showed the phase (${String(plan.marker)}): no signal was sent`);
    if (!isSignal(fault) && cell.injected === 0) problems.push('the fault was never injected');
    if (problems.length > 0) throw new Error(`${phase} | ${fault}:\n  - ${problems.join('\n  - ')}\n${describeCell(cell)}`);
  } catch (e) {
    if (problems.length === 0) problems.push(e instanceof Error ? (e.message.split('\n')[0] ?? e.name) : String(e));
    throw e;
  } finally {
    writeNote('ecs-canary', phase, fault, cell, problems);
    await w.stop();
  }
}

describe('fault matrix: ecs-canary', () => {
  for (const phase of PHASES) {
    describe(phase, () => {
      it.concurrent.each(FAULTS.map((f) => [f]))('%s', (fault) => canaryCell(phase, fault), CELL_TIMEOUT_MS);
    });
  }
});
