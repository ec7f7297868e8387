/**
 * `npm run bench`: the benchmarks of issue 6 against the embedded emulator, with the committed bundles run as the
 * runner runs them. Prints a table of figures with the issue's targets and writes bench/results.json.
 * Figures only: the process exits 0 whatever they are (it exits 1 only when the harness itself fails).
 * See bench/README.md for what each figure means and how it is measured.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { node24, repoRoot } from './lib/repo.js';
import { coldStartFigures, runColdStart } from './cold-start.js';
import { failureFigures, runFailure } from './failure.js';
import { latencyFigures, runLatency } from './latency.js';
import { BENCHMARKS, parseArgs, planOf, USAGE } from './lib/args.js';
import { judged, renderTable, type Figure } from './lib/report.js';
import { runScale, scaleFigures } from './scale.js';

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** The commit measured, and whether dist/ differs from it (the benchmark measures the bundles on disk). */
function revision(): Record<string, unknown> {
  const git = (...args: string[]): string => {
    try {
      return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  };
  return { commit: git('rev-parse', 'HEAD'), distChangedSinceCommit: git('status', '--porcelain', '--', 'dist') !== '' };
}

function machine(): Record<string, unknown> {
  const cpu = cpus();
  return {
    cpus: cpu.length,
    cpuModel: cpu[0]?.model,
    totalMemoryMiB: Math.round(totalmem() / 2 ** 20),
    freeMemoryMiB: Math.round(freemem() / 2 ** 20),
    loadAverage: loadavg(),
    benchNode: process.version,
    actionNode: execFileSync(node24, ['--version'], { encoding: 'utf8' }).trim(),
  };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    log(USAGE);
    return 0;
  }
  const plan = planOf(args);
  const full = !args.quick && args.durations === undefined && args.only.length === BENCHMARKS.length;
  const out = args.out ?? join(repoRoot, 'bench', full ? 'results.json' : 'results.partial.json');
  const startedAt = new Date();
  const before = machine();
  log(`Benchmarks (${args.quick ? 'quick' : 'full'}): ${args.only.join(', ')}; machine: ${String(before['cpus'])} cpus, load ${(before['loadAverage'] as number[]).map((l) => l.toFixed(2)).join(' ')}`);
  const figures: Figure[] = [];
  const raw: Record<string, unknown> = {};
  const section = async <T>(id: string, title: string, fn: () => Promise<T>, toFigures: (r: T) => Figure[]): Promise<void> => {
    if (!(args.only as string[]).includes(id)) return;
    const t0 = Date.now();
    log(`\n== ${title}`);
    const result = await fn();
    raw[id] = result;
    figures.push(...toFigures(result));
    log(`   (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  };

  await section('cold-start', '4. Cold start', () => runColdStart(plan.coldStartRuns, log, args.reference), coldStartFigures);
  await section('latency', '1+2. Steady-state notice latency and API cost while waiting', () => runLatency(plan, log), latencyFigures);
  await section('failure', '3. Failure notice latency', () => runFailure(plan, log), failureFigures);
  await section('scale', '5. Scale', () => runScale(plan, log), scaleFigures);

  const rows = judged(figures);
  const finishedAt = new Date();
  log(`\n${renderTable(rows)}\n`);
  const failed = rows.filter((r) => r.verdict === 'FAIL').length;
  const targets = rows.filter((r) => r.verdict !== '').length;
  log(`${targets - failed}/${targets} figures within target. Wall time ${((finishedAt.getTime() - startedAt.getTime()) / 1000).toFixed(0)} s.`);
  const results = {
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    mode: args.quick ? 'quick' : 'full',
    benchmarks: args.only,
    plan,
    revision: revision(),
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    wallSeconds: Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000),
    machine: { atStart: before, atEnd: machine() },
    figures: rows,
    raw,
  };
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  log(`Results written to ${relative(process.cwd(), out) || out}.`);
  return 0;
}

let code: number;
try {
  code = await main();
} catch (e) {
  process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  code = 1;
}
// An emulator left running by a failed benchmark must not keep the process alive.
process.exit(code);
