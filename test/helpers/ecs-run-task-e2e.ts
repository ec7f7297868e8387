/**
 * Shared setting for ecs-run-task end-to-end tests: the emulator (tasks start in 200 ms of simulated time, 4× faster
 * than real time) started once per file and reset before each test, and an SDK client to read what a user would check.
 */
import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import { existsSync } from 'node:fs';
import { ECSClient } from '@aws-sdk/client-ecs';
import { startTestEmulator, type TestEmulator } from './emulator.js';
import { entryPath } from './run-action.js';

export interface RunTaskE2e {
  readonly emu: TestEmulator;
  readonly ecs: ECSClient;
}

/** Registers the file's beforeAll / afterAll / beforeEach hooks; the fields are set once beforeAll ran. */
export function useRunTaskE2e(): RunTaskE2e {
  const bundle = entryPath('ecs-run-task');
  const state: { emu?: TestEmulator; ecs?: ECSClient } = {};
  beforeAll(async () => {
    if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run \`npm run build\` first`);
    state.emu = await startTestEmulator({ taskStartMs: 200, speed: 4 });
    state.ecs = new ECSClient(state.emu.clientConfig());
  });
  afterAll(async () => {
    state.ecs?.destroy();
    await state.emu?.stop();
  });
  beforeEach(async () => state.emu?.control.reset());
  return {
    get emu(): TestEmulator {
      if (state.emu === undefined) throw new Error('the emulator starts in beforeAll');
      return state.emu;
    },
    get ecs(): ECSClient {
      if (state.ecs === undefined) throw new Error('the ECS client is made in beforeAll');
      return state.ecs;
    },
  };
}

/** The `::error::` annotation the runner shows for the failed step (newlines escaped as %0A). */
export function errorAnnotation(stdout: string): string {
  const line = stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
  return line.slice('::error::'.length).replace(/%0A/g, '\n');
}
