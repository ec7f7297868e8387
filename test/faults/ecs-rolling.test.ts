/**
 * Fault matrix for ecs-rolling (issue 6): 4 phases × 6 faults, each cell in an emulator of its own (an ALB-backed
 * service with auto scaling), run through the committed bundle; after every cell the invariant is read back
 * through the real SDK (rolling-cells.ts). The matrix reporter prints the passed/total table at the end.
 * Build first: `npm run build`. Run: `npm run test:faults`.
 */
import { describe, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { startTestEmulator } from '../helpers/emulator.js';
import { entryPath } from '../helpers/run-action.js';
import { describeCell, runCell, type CellRun } from './cell.js';
import { FAULTS, PHASES, isSignal, type Fault, type Phase } from './matrix.js';
import { writeNote } from './notes.js';
import { ROLLING_PHASES, rollingTag, rollingViolations } from './rolling-cells.js';
import { CLUSTER, IMAGE_REPO, SERVICE, rollingClients, setupRollingWorld } from './rolling-world.js';

const CELL_TIMEOUT_MS = 240_000;

async function rollingCell(phase: Phase, fault: Fault): Promise<void> {
  if (!existsSync(entryPath('ecs-rolling'))) throw new Error(`${entryPath('ecs-rolling')} is missing: run \`npm run build\``);
  // SIGTERM must find the action still busy 7.5 s after SIGINT: that cell runs ECS slower (speed 1, not 10).
  const slow = fault === 'SIGTERM 7.5 s after SIGINT';
  const emu = await startTestEmulator({ taskStartMs: 1000, speed: slow ? 1 : 10 });
  const clients = rollingClients(emu);
  let cell: CellRun | undefined;
  const problems: string[] = [];
  try {
    const world = await setupRollingWorld(clients);
    const plan = ROLLING_PHASES[phase];
    const tag = rollingTag(phase);
    cell = await runCell({
      emu,
      action: 'ecs-rolling',
      inputs: {
        cluster: CLUSTER,
        service: SERVICE,
        'task-definition': 'web-task.yaml',
        'service-definition': 'web-service.yaml',
        image: `${IMAGE_REPO}:${tag}`,
        'timeout-minutes': 3,
      },
      files: world.files,
      plan,
      fault,
      timeoutMs: CELL_TIMEOUT_MS - 60_000,
    });
    const expected = isSignal(fault) ? plan.expectCancelled : plan.expect;
    problems.push(...(await rollingViolations(clients, world, cell, tag, expected)));
    if (isSignal(fault) && !cell.signals.markerSeen) problems.push(`the log never showed the phase (${String(plan.marker)}): no signal was sent`);
    if (!isSignal(fault) && cell.injected === 0) problems.push('the fault was never injected');
    if (problems.length > 0) throw new Error(`${phase} | ${fault}:\n  - ${problems.join('\n  - ')}\n${describeCell(cell)}`);
  } catch (e) {
    if (problems.length === 0) problems.push(e instanceof Error ? e.message.split('\n')[0] ?? e.name : String(e));
    throw e;
  } finally {
    writeNote('ecs-rolling', phase, fault, cell, problems);
    clients.destroy();
    await emu.stop();
  }
}

describe('fault matrix: ecs-rolling', () => {
  for (const phase of PHASES) {
    describe(phase, () => {
      it.concurrent.each(FAULTS.map((f) => [f]))('%s', (fault) => rollingCell(phase, fault), CELL_TIMEOUT_MS);
    });
  }
});
