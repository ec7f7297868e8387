/** For the harness's own unit tests: workflow files in a temporary folder, and a bundle runner that runs nothing. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BundleRequest, BundleRun } from './bundle-runner.js';

/** Writes the files into a new temporary folder and returns it. */
export function workflowFiles(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'wf-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** A bundle runner that starts no process: it records each request and answers with `answer(request)`. */
export function fakeBundles(answer: (r: BundleRequest) => Partial<BundleRun> = () => ({})) {
  const calls: BundleRequest[] = [];
  return {
    calls,
    runBundle: async (r: BundleRequest): Promise<BundleRun> => {
      calls.push(r);
      return { exitCode: 0, stdout: '', stderr: '', outputs: {}, summary: '', env: {}, ...answer(r) };
    },
  };
}

