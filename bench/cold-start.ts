/**
 * Benchmark 4, cold start, per entry point (bench/lib/cold-start-entries.ts: each action's dist/<name>/index.js, the
 * root action's dist/index.js running each command, and a reference bundle when `--reference <path>` is given):
 * - wall time from spawning it (Node 24, as the runner does) to the arrival of its first AWS request at the emulator
 *   (the emulator's call log `time`, same clock), and the process's peak RSS at that moment (memory-preload.ts,
 *   `process.resourceUsage().maxRSS` when the first HTTP request is created);
 * - wall time from spawning it with a bad input to its exit (exit code 1, no AWS request), and its peak RSS then.
 * Runs one at a time; median of n. Also the size of dist/ (every file: the shared bundle and every entry).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { node24, repoRoot } from './lib/repo.js';
import { runTimed, describeEnd } from './lib/action-run.js';
import { referenceEntry, suiteEntries, type ColdStartEntry } from './lib/cold-start-entries.js';
import { startBenchEmulator, type BenchEmulator } from './lib/emulator.js';
import { describeMemory, kibToMiB, preloadEnv, readPreload } from './lib/preload-client.js';
import type { Figure } from './lib/report.js';
import { max, median, round } from './lib/stats.js';

export interface ColdStartSample {
  firstRequestMs: number;
  firstOperation: string;
  /** performance.now() in the process when its first HTTP request was created (time since the process began). */
  uptimeAtFirstRequestMs: number;
  rssAtFirstRequestMiB: number;
  rssAtExitMiB: number;
  /** process.memoryUsage() when the first request was created. */
  memoryAtFirstRequest: string;
  exitCode: number | null;
  problem?: string;
}

export interface InputErrorSample {
  /** spawn → the process's exit. */
  exitMs: number;
  rssAtExitMiB: number;
  exitCode: number | null;
  awsCalls: number;
  error: string;
  problem?: string;
}

export interface ColdStartResult {
  entry: string;
  script: string;
  /** sha256 of the script (first 12 hex digits): which entry was measured. */
  scriptSha256: string;
  samples: ColdStartSample[];
  badInput: string;
  inputErrors: InputErrorSample[];
}

export function bundleSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
    files++;
  }
  return { bytes, files };
}

async function firstCall(emu: BenchEmulator, since: number): Promise<{ time: number; operation: string } | undefined> {
  const calls = await emu.calls(since);
  const first = calls.sort((a, b) => a.time - b.time)[0];
  return first && { time: first.time, operation: `${first.service}.${first.operation}` };
}

async function inputError(entry: ColdStartEntry, emu: BenchEmulator, inputs: Record<string, string>, workspace: string): Promise<InputErrorSample> {
  const mem = preloadEnv();
  const run = await runTimed(entry.name, { inputs, env: { ...emu.env, ...mem.env }, workspace, timeoutMs: 60_000, script: entry.script });
  const calls = await emu.calls(run.spawnAt);
  const report = readPreload(mem.file);
  const error = run.lines.find((l) => l.text.startsWith('::error'))?.text ?? '';
  const sample: InputErrorSample = {
    exitMs: run.exitAt - run.spawnAt,
    rssAtExitMiB: report.exit ? kibToMiB(report.exit.maxRssKiB) : Number.NaN,
    exitCode: run.run.exitCode,
    awsCalls: calls.length,
    error: error.slice(0, 200),
  };
  if (run.run.exitCode !== 1 || calls.length > 0 || error === '') sample.problem = `${describeEnd(run)}; ${calls.length} AWS call(s)`;
  return sample;
}

export async function coldStart(entry: ColdStartEntry, runs: number): Promise<ColdStartResult> {
  const emu = await startBenchEmulator({ taskStartMs: 1000, speed: 20 });
  const samples: ColdStartSample[] = [];
  const inputErrors: InputErrorSample[] = [];
  try {
    const prepared = await entry.prepare(emu);
    const { inputs, workspace } = prepared;
    for (let i = 0; i < runs; i++) {
      const mem = preloadEnv();
      const run = await runTimed(entry.name, { inputs, env: { ...emu.env, ...mem.env }, workspace, timeoutMs: 120_000, script: entry.script });
      const first = await firstCall(emu, run.spawnAt);
      const report = readPreload(mem.file);
      const sample: ColdStartSample = {
        firstRequestMs: first ? first.time - run.spawnAt : Number.NaN,
        firstOperation: first?.operation ?? '(none)',
        uptimeAtFirstRequestMs: report.firstRequest?.uptimeMs ?? Number.NaN,
        rssAtFirstRequestMiB: report.firstRequest ? kibToMiB(report.firstRequest.maxRssKiB) : Number.NaN,
        rssAtExitMiB: report.exit ? kibToMiB(report.exit.maxRssKiB) : Number.NaN,
        memoryAtFirstRequest: describeMemory(report.firstRequest),
        exitCode: run.run.exitCode,
      };
      if (run.run.exitCode !== 0 || !first) sample.problem = describeEnd(run);
      samples.push(sample);
    }
    const bad = entry.badInput.inputs(prepared);
    for (let i = 0; i < runs; i++) inputErrors.push(await inputError(entry, emu, bad, workspace));
  } finally {
    await emu.stop();
  }
  const scriptSha256 = createHash('sha256').update(readFileSync(entry.script)).digest('hex').slice(0, 12);
  return { entry: entry.name, script: entry.script, scriptSha256, samples, badInput: entry.badInput.what, inputErrors };
}

/** Node 24 running a one-request script: the floor the actions' figures sit on. */
export async function baseline(runs: number): Promise<ColdStartSample[]> {
  const emu = await startBenchEmulator({});
  const script = join(import.meta.dirname, 'lib', 'baseline-request.js');
  const samples: ColdStartSample[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const mem = preloadEnv();
      const spawnAt = Date.now();
      const child = spawn(node24, [script], { env: { PATH: process.env['PATH'] ?? '', BENCH_EMULATOR_URL: emu.url, ...mem.env }, stdio: 'ignore' });
      const exitCode = await new Promise<number | null>((res) => child.on('close', (code) => res(code)));
      const first = await firstCall(emu, spawnAt);
      const report = readPreload(mem.file);
      samples.push({
        firstRequestMs: first ? first.time - spawnAt : Number.NaN,
        firstOperation: first?.operation ?? '(none)',
        uptimeAtFirstRequestMs: report.firstRequest?.uptimeMs ?? Number.NaN,
        rssAtFirstRequestMiB: report.firstRequest ? kibToMiB(report.firstRequest.maxRssKiB) : Number.NaN,
        rssAtExitMiB: report.exit ? kibToMiB(report.exit.maxRssKiB) : Number.NaN,
        memoryAtFirstRequest: describeMemory(report.firstRequest),
        exitCode,
      });
    }
  } finally {
    await emu.stop();
  }
  return samples;
}

export interface ColdStartBenchmark {
  baseline: ColdStartSample[];
  entries: ColdStartResult[];
  reference?: ColdStartResult;
  missing: string[];
  /** Every file under dist/. */
  dist: { bytes: number; files: number };
}

function logResult(r: ColdStartResult, log: (line: string) => void): void {
  const problems = [...r.samples, ...r.inputErrors].filter((s) => s.problem !== undefined);
  log(
    `  ${r.entry}: median ${round(median(r.samples.map((s) => s.firstRequestMs)))} ms to ${r.samples[0]?.firstOperation}, ` +
      `peak RSS ${round(median(r.samples.map((s) => s.rssAtFirstRequestMiB)), 1)} MiB; input error exit ${round(median(r.inputErrors.map((s) => s.exitMs)))} ms, ` +
      `peak RSS ${round(median(r.inputErrors.map((s) => s.rssAtExitMiB)), 1)} MiB` +
      (problems.length > 0 ? `; ${problems.length} run(s) ended badly: ${problems[0]?.problem}` : ''),
  );
}

export async function runColdStart(runs: number, log: (line: string) => void, referencePath?: string): Promise<ColdStartBenchmark> {
  const dist = bundleSize(join(repoRoot, 'dist'));
  log(`  dist/: ${dist.bytes.toLocaleString('en-US')} bytes in ${dist.files} files`);
  const result: ColdStartBenchmark = { baseline: await baseline(runs), entries: [], missing: [], dist };
  log(`  baseline (node 24, one request): median ${round(median(result.baseline.map((s) => s.firstRequestMs)))} ms`);
  for (const entry of suiteEntries()) {
    if (!existsSync(entry.script)) {
      result.missing.push(entry.name);
      log(`  ${entry.name}: ${entry.script} is missing (build it with npm run build); skipped`);
      continue;
    }
    const r = await coldStart(entry, runs);
    result.entries.push(r);
    logResult(r, log);
  }
  if (referencePath !== undefined) {
    const entry = referenceEntry(referencePath);
    if (!existsSync(entry.script)) throw new Error(`--reference ${referencePath}: no such file`);
    result.reference = await coldStart(entry, runs);
    logResult(result.reference, log);
  }
  return result;
}

/** The figures of one entry; `targets` are the reference's medians when there is one. */
function entryFigures(r: ColdStartResult, targets: { firstMs?: number; insideMs?: number; rssMiB?: number; errorMs?: number; errorRssMiB?: number }): Figure[] {
  const n = (s: readonly unknown[]): string => `median of ${s.length}`;
  const first = r.samples.map((s) => s.firstRequestMs);
  const inside = round(median(r.samples.map((s) => s.uptimeAtFirstRequestMs)));
  const rss = r.samples.map((s) => s.rssAtFirstRequestMiB);
  const errors = r.inputErrors.map((s) => s.exitMs);
  const bad = r.inputErrors.filter((s) => s.problem !== undefined).length;
  const target = (value: number | undefined): { target?: number } => (value === undefined || Number.isNaN(value) ? {} : { target: value });
  return [
    { benchmark: 'cold-start', name: `${r.entry}: spawn → first AWS request`, value: median(first), unit: 'ms', ...target(targets.firstMs), note: `${n(r.samples)}, max ${round(max(first))} ms, ${inside} ms of it inside the process; first call ${r.samples[0]?.firstOperation ?? '?'}; ${r.scriptSha256}` },
    // The in-process figure is the one a bundle that ignores AWS_ENDPOINT_URL (the reference, AWS SDK v2) also has.
    { benchmark: 'cold-start', name: `${r.entry}: process start → first AWS request sent (in process)`, value: inside, unit: 'ms', ...target(targets.insideMs), note: n(r.samples) },
    { benchmark: 'cold-start', name: `${r.entry}: peak RSS at first request`, value: median(rss), unit: 'MiB', ...target(targets.rssMiB), note: `${n(r.samples)}; at exit ${round(median(r.samples.map((s) => s.rssAtExitMiB)), 1)} MiB; run 1: ${r.samples[0]?.memoryAtFirstRequest ?? 'n/a'}` },
    { benchmark: 'cold-start', name: `${r.entry}: spawn → input error (exit 1)`, value: median(errors), unit: 'ms', ...target(targets.errorMs), note: `${n(errors)}, max ${round(max(errors))} ms; ${r.badInput}${bad > 0 ? `; ${bad} run(s) not a clean input error: ${r.inputErrors.find((s) => s.problem)?.problem ?? ''}` : ''}` },
    { benchmark: 'cold-start', name: `${r.entry}: peak RSS at input error`, value: median(r.inputErrors.map((s) => s.rssAtExitMiB)), unit: 'MiB', ...target(targets.errorRssMiB), note: n(errors) },
  ];
}

export function coldStartFigures(b: ColdStartBenchmark): Figure[] {
  const figures: Figure[] = [];
  figures.push({ benchmark: 'cold-start', name: 'node 24 floor: spawn → first request', value: median(b.baseline.map((s) => s.firstRequestMs)), unit: 'ms', note: `median of ${b.baseline.length} (reference, no target)` });
  figures.push({ benchmark: 'cold-start', name: 'node 24 floor: peak RSS at first request', value: median(b.baseline.map((s) => s.rssAtFirstRequestMiB)), unit: 'MiB', note: 'reference, no target' });
  figures.push({ benchmark: 'cold-start', name: 'dist/: every entry point and the shared bundle', value: b.dist.bytes, unit: 'bytes', target: 5_000_000, note: `${b.dist.files} files` });
  const ref = b.reference;
  const targets = ref
    ? {
        firstMs: median(ref.samples.map((s) => s.firstRequestMs)),
        insideMs: median(ref.samples.map((s) => s.uptimeAtFirstRequestMs)),
        rssMiB: median(ref.samples.map((s) => s.rssAtFirstRequestMiB)),
        errorMs: median(ref.inputErrors.map((s) => s.exitMs)),
        errorRssMiB: median(ref.inputErrors.map((s) => s.rssAtExitMiB)),
      }
    : { firstMs: 150, rssMiB: 60 };
  for (const r of b.entries) figures.push(...entryFigures(r, targets));
  if (ref) figures.push(...entryFigures(ref, {}));
  for (const m of b.missing) figures.push({ benchmark: 'cold-start', name: `${m}: not measured`, value: Number.NaN, unit: '', target: 0, note: 'entry missing from dist/' });
  return figures;
}
