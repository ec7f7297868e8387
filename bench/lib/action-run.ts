/**
 * Runs an action bundle as the GitHub runner does (Node 24, inputs as INPUT_* env vars, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files, a workspace) — the same environment as test/helpers/run-action.ts, whose helpers it
 * reuses — and records the wall-clock moments the benchmarks need: the spawn, the process's exit, and the arrival
 * time of each stdout line. (It spawns by itself because run-action.ts locates dist/ and Node 24 relative to its
 * own file, which points into .build/ once compiled, and because cold start needs the exact spawn moment.)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseOutputFile, runnerEnv } from '../../test/helpers/run-action.js';
import { bundlePath, node24 } from './repo.js';

export interface TimedLine {
  at: number;
  text: string;
}

export interface ActionResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  durationMs: number;
}

export interface TimedRun {
  action: string;
  run: ActionResult;
  /** Date.now() just before spawn(). */
  spawnAt: number;
  /** Date.now() in the child's 'exit' event. */
  exitAt: number;
  lines: TimedLine[];
}

export interface TimedOptions {
  inputs: Record<string, string | number | boolean | undefined>;
  env: Record<string, string | undefined>;
  workspace: string;
  timeoutMs: number;
  /** The script to start instead of the action's entry point (e.g. a reference bundle). */
  script?: string;
}

export async function runTimed(action: string, options: TimedOptions): Promise<TimedRun> {
  const runnerTemp = mkdtempSync(join(tmpdir(), 'bench-runner-'));
  const env = runnerEnv(runnerTemp, options.workspace, options);
  writeFileSync(env['GITHUB_OUTPUT'] as string, '');
  writeFileSync(env['GITHUB_STEP_SUMMARY'] as string, '');
  const lines: TimedLine[] = [];
  let exitAt = Number.NaN;
  let partial = '';
  let stdout = '';
  let stderr = '';
  const spawnAt = Date.now();
  const child = spawn(node24, [options.script ?? bundlePath(action)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.once('exit', () => (exitAt = Date.now()));
  child.stdout.on('data', (d: Buffer) => {
    const at = Date.now();
    const text = d.toString('utf8');
    stdout += text;
    const parts = (partial + text).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) lines.push({ at, text: line });
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((res) => child.on('close', (code, sig) => res([code, sig])));
  clearTimeout(timer);
  if (partial !== '') lines.push({ at: exitAt, text: partial });
  const run: ActionResult = {
    exitCode,
    signal,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(env['GITHUB_OUTPUT'] as string, 'utf8')),
    summary: readFileSync(env['GITHUB_STEP_SUMMARY'] as string, 'utf8'),
    durationMs: exitAt - spawnAt,
  };
  return { action, run, spawnAt, exitAt, lines };
}

/** Arrival time of the first stdout line matching `pattern`. */
export function lineAt(run: TimedRun, pattern: RegExp): number | undefined {
  return run.lines.find((l) => pattern.test(l.text))?.at;
}

/** A one-line description of how a run ended, for the report when something unexpected happened. */
export function describeEnd(run: TimedRun): string {
  const r = run.run;
  const errors = run.lines.filter((l) => l.text.startsWith('::error')).map((l) => l.text.slice(0, 300));
  const stderr = r.stderr.trim() !== '' ? ` (stderr: ${r.stderr.trim().slice(0, 300)})` : '';
  return `exit ${r.exitCode ?? r.signal} after ${(r.durationMs / 1000).toFixed(1)} s${errors.length > 0 ? `: ${errors.join(' | ')}` : ''}${stderr}`;
}
