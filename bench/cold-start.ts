/**
 * Benchmark 4, cold start: wall time from spawning `node dist/<action>/index.js` (Node 24, as the runner does) to
 * the arrival of its first AWS request at the emulator (the emulator's call log `time`, same clock), and the
 * process's peak RSS at that moment (memory-preload.ts, `process.resourceUsage().maxRSS` when the first HTTP
 * request is created). Runs one at a time; median of n. Also each bundle's size (every file under dist/<action>).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { makeWorkspace } from '../test/helpers/run-action.js';
import { node24, repoRoot } from './lib/repo.js';
import { runTimed, describeEnd } from './lib/action-run.js';
import { startBenchEmulator, type BenchEmulator } from './lib/emulator.js';
import { CLUSTER, createServiceDirectly, ensureCluster, IMAGE_REPO, rollingInputs, serviceWorkspace, taskDefinitionYaml } from './lib/fixtures.js';
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

export interface ColdStartResult {
  action: string;
  bundleBytes: number;
  bundleFiles: number;
  /** sha256 of dist/<action>/index.js (first 12 hex digits): which bundle was measured. */
  bundleSha256: string;
  samples: ColdStartSample[];
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

/** Inputs of a short run of each action (the run continues past the first request; only that part is measured). */
async function prepare(action: string, emu: BenchEmulator): Promise<{ inputs: Record<string, string>; workspace: string }> {
  if (action === 'ecs-rolling') {
    const ws = serviceWorkspace(['cold'], 1);
    await createServiceDirectly(emu, 'cold', 1, `${IMAGE_REPO}:1.0`);
    const files = ws.files.get('cold');
    if (!files) throw new Error('no files');
    return { inputs: rollingInputs(files, `${IMAGE_REPO}:2.0`, { 'wait-for-steady-state': 'false' }), workspace: ws.dir };
  }
  if (action === 'ecs-run-task') {
    await ensureCluster(emu);
    const workspace = makeWorkspace({
      'job-task.yaml': taskDefinitionYaml('job'),
      'job-request.yaml': 'launchType: FARGATE\nnetworkConfiguration:\n  awsvpcConfiguration:\n    subnets: [subnet-0a1b2c3d]\n',
    });
    return {
      inputs: { cluster: CLUSTER, 'task-definition': 'job-task.yaml', 'run-task-request': 'job-request.yaml', image: `${IMAGE_REPO}:exit-0`, wait: 'none' },
      workspace,
    };
  }
  throw new Error(`no cold-start inputs for ${action}`);
}

export async function coldStart(action: string, runs: number): Promise<ColdStartResult> {
  const dir = join(repoRoot, 'dist', action);
  const size = bundleSize(dir);
  const emu = await startBenchEmulator({ taskStartMs: 1000, speed: 20 });
  const samples: ColdStartSample[] = [];
  try {
    const { inputs, workspace } = await prepare(action, emu);
    for (let i = 0; i < runs; i++) {
      const mem = preloadEnv();
      const run = await runTimed(action, { inputs, env: { ...emu.env, ...mem.env }, workspace, timeoutMs: 120_000 });
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
  } finally {
    await emu.stop();
  }
  const bundleSha256 = createHash('sha256').update(readFileSync(join(dir, 'index.js'))).digest('hex').slice(0, 12);
  return { action, bundleBytes: size.bytes, bundleFiles: size.files, bundleSha256, samples };
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
  actions: ColdStartResult[];
  missing: string[];
}

export async function runColdStart(actions: readonly string[], runs: number, log: (line: string) => void): Promise<ColdStartBenchmark> {
  const result: ColdStartBenchmark = { baseline: await baseline(runs), actions: [], missing: [] };
  log(`  baseline (node 24, one request): median ${round(median(result.baseline.map((s) => s.firstRequestMs)))} ms`);
  for (const action of actions) {
    if (!existsSync(join(repoRoot, 'dist', action, 'index.js'))) {
      result.missing.push(action);
      log(`  ${action}: dist/${action}/index.js is missing (build it with node scripts/build.mjs); skipped`);
      continue;
    }
    const r = await coldStart(action, runs);
    result.actions.push(r);
    const problems = r.samples.filter((s) => s.problem !== undefined);
    log(
      `  ${action}: median ${round(median(r.samples.map((s) => s.firstRequestMs)))} ms to ${r.samples[0]?.firstOperation}, ` +
        `peak RSS ${round(median(r.samples.map((s) => s.rssAtFirstRequestMiB)), 1)} MiB` +
        (problems.length > 0 ? `; ${problems.length} run(s) ended badly: ${problems[0]?.problem}` : ''),
    );
  }
  return result;
}

export function coldStartFigures(b: ColdStartBenchmark): Figure[] {
  const figures: Figure[] = [];
  const n = (s: ColdStartSample[]): string => `median of ${s.length}`;
  figures.push({ benchmark: 'cold-start', name: 'node 24 floor: spawn → first request', value: median(b.baseline.map((s) => s.firstRequestMs)), unit: 'ms', note: `${n(b.baseline)} (reference, no target)` });
  figures.push({ benchmark: 'cold-start', name: 'node 24 floor: peak RSS at first request', value: median(b.baseline.map((s) => s.rssAtFirstRequestMiB)), unit: 'MiB', note: 'reference, no target' });
  for (const a of b.actions) {
    const first = a.samples.map((s) => s.firstRequestMs);
    const inside = round(median(a.samples.map((s) => s.uptimeAtFirstRequestMs)));
    figures.push({ benchmark: 'cold-start', name: `${a.action}: spawn → first AWS request`, value: median(first), unit: 'ms', target: 150, note: `${n(a.samples)}, max ${round(max(first))} ms, ${inside} ms of it inside the process; first call ${a.samples[0]?.firstOperation ?? '?'}` });
    const rss = a.samples.map((s) => s.rssAtFirstRequestMiB);
    figures.push({ benchmark: 'cold-start', name: `${a.action}: peak RSS at first request`, value: median(rss), unit: 'MiB', target: 60, note: `${n(a.samples)}; at exit ${round(median(a.samples.map((s) => s.rssAtExitMiB)), 1)} MiB; run 1 at first request: ${a.samples[0]?.memoryAtFirstRequest ?? 'n/a'}` });
    figures.push({ benchmark: 'cold-start', name: `${a.action}: bundle size`, value: a.bundleBytes, unit: 'bytes', note: `${a.bundleFiles} files under dist/${a.action}; index.js sha256 ${a.bundleSha256}` });
  }
  for (const m of b.missing) figures.push({ benchmark: 'cold-start', name: `${m}: not measured`, value: Number.NaN, unit: '', target: 0, note: `dist/${m} missing` });
  return figures;
}
