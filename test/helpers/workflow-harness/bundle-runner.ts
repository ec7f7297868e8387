/**
 * How a step of ours runs: a separate process of the committed bundle, exactly as test/helpers/run-action.ts runs
 * it (its runner environment, INPUT_*, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files), plus a GITHUB_ENV file whose
 * lines the following steps of the job see, and the runner's cancellation (SIGINT, then SIGTERM 7.5 s later).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseOutputFile, runAction } from '../run-action.js';

export interface BundleRequest {
  /** The folder under dist/ (run-action.ts's `action`). */
  bundle: string;
  inputs: Record<string, string>;
  env: Record<string, string>;
  workspace: string;
  /** Aborted when the runner cancels the job (fail-fast). */
  signal?: AbortSignal;
}

export interface BundleRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** What the step appended to GITHUB_ENV. */
  env: Record<string, string>;
}

export type BundleRunner = (request: BundleRequest) => Promise<BundleRun>;

/** The runner's grace period between SIGINT and SIGTERM on cancellation. */
export const CANCEL_GRACE_MS = 7_500;

export function processBundleRunner(timeoutMs = 120_000): BundleRunner {
  return async (request) => {
    const envFile = join(mkdtempSync(join(tmpdir(), 'github-env-')), 'env.txt');
    writeFileSync(envFile, '');
    const run = await runAction(request.bundle, {
      inputs: request.inputs,
      env: { ...request.env, GITHUB_ENV: envFile },
      workspace: request.workspace,
      timeoutMs,
      onStart: (child) => {
        const cancel = (): void => {
          child.kill('SIGINT');
          setTimeout(() => child.kill('SIGTERM'), CANCEL_GRACE_MS).unref();
        };
        if (request.signal?.aborted) cancel();
        else request.signal?.addEventListener('abort', cancel, { once: true });
      },
    });
    return {
      exitCode: run.exitCode,
      stdout: run.stdout,
      stderr: run.stderr,
      outputs: run.outputs,
      summary: run.summary,
      env: parseOutputFile(readFileSync(envFile, 'utf8')),
    };
  };
}
