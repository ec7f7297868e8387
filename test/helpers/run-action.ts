/**
 * Runs a committed entry point (dist/<action>/index.js, or dist/index.js for the root action, each on the shared
 * bundle dist/bundle/) the way the GitHub runner does: Node 24, inputs as INPUT_* env vars, GITHUB_OUTPUT /
 * GITHUB_STEP_SUMMARY files, a workspace, and signals on request.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';

/** The repository root: the nearest folder above this file with a package.json (also from compiled .build/ copies). */
export const repoRoot = findRepoRoot(import.meta.dirname);
export const node24 = join(repoRoot, 'node_modules', 'node', 'bin', 'node');

/** The name `runAction` and `entryPath` take for the root action (action.yml at the repository root). */
export const ROOT_ACTION = 'root';

/** The file the runner starts for an action: `runs.main` of actions/<action>/action.yml, or of the root action.yml. */
export function entryPath(action: string): string {
  return action === ROOT_ACTION ? join(repoRoot, 'dist', 'index.js') : join(repoRoot, 'dist', action, 'index.js');
}

export interface ActionRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  durationMs: number;
}

export interface RunOptions {
  inputs: Record<string, string | number | boolean | undefined>;
  /** Extra environment (AWS endpoint, region, credentials…). */
  env?: Record<string, string | undefined>;
  workspace?: string;
  /** Called once the process started: send signals from here (e.g. after some output appeared). */
  onStart?: (child: ChildProcess, output: { text(): string }) => void;
  timeoutMs?: number;
  /** A command that starts node, e.g. `['unshare', '-n']` to run the bundle without a network (only loopback). */
  launcher?: readonly string[];
  /**
   * The runner sets INPUT_<X> for every input of action.yml that has a default and was not given; so does runAction
   * unless this is false (only for a test about what the code does without the runner's defaults).
   */
  actionYmlDefaults?: boolean;
}

/** The defaults the runner applies: every input of the action's action.yml (the root's for 'root') that has one. */
export function actionYmlDefaults(action: string): Record<string, string> {
  const file = action === ROOT_ACTION ? join(repoRoot, 'action.yml') : join(repoRoot, 'actions', action, 'action.yml');
  const yml = parse(readFileSync(file, 'utf8')) as { inputs?: Record<string, { default?: unknown } | null> };
  const defaults: Record<string, string> = {};
  for (const [name, spec] of Object.entries(yml.inputs ?? {})) {
    if (spec?.default !== undefined && spec.default !== null) defaults[name] = String(spec.default);
  }
  return defaults;
}

/** Input env var name as the runner builds it: INPUT_ + name upper-cased, spaces to underscores (dashes kept). */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** Parses the GITHUB_OUTPUT file (name<<DELIM ... DELIM and name=value forms). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delim] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i] ?? '');
      out[name as string] = value.join('\n');
    } else if (line.includes('=')) {
      const at = line.indexOf('=');
      out[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return out;
}

export function makeWorkspace(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'ws-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** The environment the GitHub runner gives an action step: runner files, workspace, inputs as INPUT_*, dummy AWS credentials. */
export function runnerEnv(
  runnerTemp: string,
  workspace: string,
  options: Pick<RunOptions, 'inputs' | 'env'>,
): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: process.env['HOME'] ?? runnerTemp,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    RUNNER_TEMP: runnerTemp,
    GITHUB_OUTPUT: join(runnerTemp, 'output.txt'),
    GITHUB_STEP_SUMMARY: join(runnerTemp, 'summary.md'),
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_RUN_ID: '1',
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  for (const [k, v] of Object.entries(options.env ?? {})) if (v !== undefined) env[k] = v;
  for (const [k, v] of Object.entries(options.inputs)) if (v !== undefined) env[inputEnvName(k)] = String(v);
  return env;
}

export async function runAction(action: string, options: RunOptions): Promise<ActionRun> {
  const runnerTemp = mkdtempSync(join(tmpdir(), 'runner-'));
  const given = Object.fromEntries(Object.entries(options.inputs).filter(([, v]) => v !== undefined));
  const inputs = options.actionYmlDefaults === false ? given : { ...actionYmlDefaults(action), ...given };
  const env = runnerEnv(runnerTemp, options.workspace ?? makeWorkspace(), { inputs, ...(options.env ? { env: options.env } : {}) });
  const outputFile = env['GITHUB_OUTPUT'] as string;
  const summaryFile = env['GITHUB_STEP_SUMMARY'] as string;
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');

  const started = Date.now();
  const [command, ...args] = [...(options.launcher ?? []), node24, entryPath(action)];
  const child = spawn(command ?? node24, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  options.onStart?.(child, { text: () => stdout });
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((res) =>
    child.on('close', (code, sig) => res([code, sig])),
  );
  clearTimeout(timer);
  return {
    exitCode,
    signal,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    durationMs: Date.now() - started,
  };
}

/** Resolves when `predicate(stdout)` holds, polling every 50 ms (bounded by `timeoutMs`). */
export async function waitForOutput(output: { text(): string }, predicate: (text: string) => boolean, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!predicate(output.text())) {
    if (Date.now() > until) throw new Error(`output condition not met within ${timeoutMs} ms; output so far:\n${output.text()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}
