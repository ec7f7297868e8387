/**
 * Fault matrix rows for ecs-bluegreen-swap (B4, B5, S10): mode deploy between mutations and while waiting, mode swap
 * between its two listener changes; each cell in an emulator of its own, run through the committed bundle, the
 * invariant read back through the real SDK (bluegreen-cells.ts). Kept to few rows: the whole matrix stays fast.
 * Build first: `node scripts/build.mjs dist ecs-bluegreen-swap`. Run: `npm run test:faults`.
 */
import { describe, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BlueGreenE2e, fromDeploy, routeInputs, serviceDefinition } from '../helpers/bluegreen-e2e.js';
import { taskDefinitionJson } from '../helpers/ecs-rolling-e2e.js';
import { repoRoot } from '../helpers/run-action.js';
import { BLUEGREEN_PHASES, deployViolations, swapViolations, type BlueGreenMode } from './bluegreen-cells.js';
import { describeCell, runCell, type CellRun } from './cell.js';
import { isSignal, type Fault, type Phase } from './matrix.js';
import { writeNote } from './notes.js';

const CELL_TIMEOUT_MS = 90_000;
const FILES = { 'taskdef.json': taskDefinitionJson('shop:1'), 'service.json': serviceDefinition() };
const DEPLOY_INPUTS = { mode: 'deploy', 'task-definition': 'taskdef.json', 'service-definition': 'service.json', 'timeout-minutes': '3' };

async function blueGreenCell(mode: BlueGreenMode, phase: Phase, fault: Fault): Promise<void> {
  if (!existsSync(join(repoRoot, 'dist', 'ecs-bluegreen-swap', 'index.js'))) throw new Error('dist/ecs-bluegreen-swap/index.js is missing: build it');
  const plan = BLUEGREEN_PHASES[mode][phase];
  if (plan === undefined) throw new Error(`no ${mode} row for ${phase}`);
  const env = await BlueGreenE2e.start();
  let cell: CellRun | undefined;
  const problems: string[] = [];
  try {
    const world = await env.world('application');
    let inputs: Record<string, string> = { ...routeInputs(world), ...DEPLOY_INPUTS };
    if (mode === 'swap') {
      const deployed = await env.deploy(world, 'shop:1');
      if (deployed.exitCode !== 0) throw new Error(`the deploy before the swap failed:\n${deployed.stdout}`);
      inputs = { ...routeInputs(world), mode: 'swap', ...(fromDeploy(deployed.outputs) as Record<string, string>) };
    }
    cell = await runCell({ emu: env.emu, action: 'ecs-bluegreen-swap', inputs, files: FILES, plan, fault, timeoutMs: CELL_TIMEOUT_MS - 20_000 });
    const expected = isSignal(fault) ? plan.expectCancelled : plan.expect;
    problems.push(...(await (mode === 'deploy' ? deployViolations : swapViolations)(env, world, cell, expected)));
    if (isSignal(fault) && !cell.signals.markerSeen) problems.push(`the log never showed the phase (${String(plan.marker)}): no signal was sent`);
    if (!isSignal(fault) && cell.injected === 0) problems.push('the fault was never injected');
    if (problems.length > 0) throw new Error(`${mode} ${phase} | ${fault}:\n  - ${problems.join('\n  - ')}\n${describeCell(cell)}`);
  } catch (e) {
    if (problems.length === 0) problems.push(e instanceof Error ? (e.message.split('\n')[0] ?? e.name) : String(e));
    throw e;
  } finally {
    writeNote(`ecs-bluegreen-swap ${mode}`, phase, fault, cell, problems);
    await env.stop();
  }
}

const ROWS: ReadonlyArray<readonly [BlueGreenMode, Phase, readonly Fault[]]> = [
  ['deploy', 'between mutations', ['InternalFailure once', 'SIGINT']],
  ['deploy', 'while waiting', ['ThrottlingException on 50% of calls', 'dropped connection once', 'SIGINT']],
  ['swap', 'between mutations', ['ThrottlingException on 50% of calls', 'InternalFailure once', 'dropped connection once', 'SIGINT', 'SIGTERM 7.5 s after SIGINT']],
];

for (const [mode, phase, faults] of ROWS) {
  describe(`fault matrix: ecs-bluegreen-swap ${mode}`, () => {
    describe(phase, () => {
      it.concurrent.each(faults.map((f) => [f]))('%s', (fault) => blueGreenCell(mode, phase, fault), CELL_TIMEOUT_MS);
    });
  });
}
