/**
 * Fault matrix for ecs-run-task (issue 6): 4 phases × 6 faults, each cell in an emulator of its own, run through
 * the committed bundle; the invariant is read back through the real SDK right after the step ends
 * (run-task-cells.ts). The matrix reporter prints the passed/total table at the end.
 * Build first: `npm run build`. Run: `npm run test:faults`.
 */
import { describe, it } from '@jest/globals';
import type { ECSClient } from '@aws-sdk/client-ecs';
import { existsSync } from 'node:fs';
import { startTestEmulator } from '../helpers/emulator.js';
import { entryPath } from '../helpers/run-action.js';
import { describeCell, runCell, type CellRun } from './cell.js';
import { FAULTS, PHASES, isSignal, type Fault, type Phase } from './matrix.js';
import { writeNote } from './notes.js';
import { RUN_TASK_FILES, RUN_TASK_INPUTS, RUN_TASK_PHASES, runTaskViolations, setupJobsCluster } from './run-task-cells.js';

const CELL_TIMEOUT_MS = 180_000;

async function runTaskCell(phase: Phase, fault: Fault): Promise<void> {
  if (!existsSync(entryPath('ecs-run-task'))) throw new Error('dist/ecs-run-task/index.js is missing: run `npm run build`');
  // Tasks reach RUNNING 1.5 s after RunTask and exit 0 1.5 s later: long enough for a signal to find them running.
  const emu = await startTestEmulator({ taskStartMs: 3000, speed: 2 });
  let ecs: ECSClient | undefined;
  let cell: CellRun | undefined;
  const problems: string[] = [];
  try {
    ecs = await setupJobsCluster(emu);
    const plan = RUN_TASK_PHASES[phase];
    cell = await runCell({ emu, action: 'ecs-run-task', inputs: RUN_TASK_INPUTS, files: RUN_TASK_FILES, plan, fault, timeoutMs: CELL_TIMEOUT_MS - 30_000 });
    problems.push(...(await runTaskViolations(ecs, cell, isSignal(fault) ? plan.expectCancelled : plan.expect)));
    if (isSignal(fault) && !cell.signals.markerSeen) problems.push(`the log never showed the phase (${String(plan.marker)}): no signal was sent`);
    if (!isSignal(fault) && cell.injected === 0) problems.push('the fault was never injected');
    if (problems.length > 0) throw new Error(`${phase} | ${fault}:\n  - ${problems.join('\n  - ')}\n${describeCell(cell)}`);
  } catch (e) {
    if (problems.length === 0) problems.push(e instanceof Error ? (e.message.split('\n')[0] ?? e.name) : String(e));
    throw e;
  } finally {
    writeNote('ecs-run-task', phase, fault, cell, problems);
    ecs?.destroy();
    await emu.stop();
  }
}

describe('fault matrix: ecs-run-task', () => {
  for (const phase of PHASES) {
    describe(phase, () => {
      it.concurrent.each(FAULTS.map((f) => [f]))('%s', (fault) => runTaskCell(phase, fault), CELL_TIMEOUT_MS);
    });
  }
});
