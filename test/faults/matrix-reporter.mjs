// Jest reporter: prints the fault matrix (issue 6) at the end of a run that included test/faults, from the
// per-cell notes the tests write to <this run's folder>/<action>.jsonl (test/faults/notes.ts). Each Jest run gets
// its own folder under .tmp/fault-matrix/, passed to the test workers in FAULT_MATRIX_DIR (set here, before the
// workers start), so runs at the same time never mix. Plain ESM because Jest loads reporters untransformed.
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const PHASES = ['before the first mutation', 'between mutations', 'while waiting', 'during rollback'];
const FAULTS = [
  'ThrottlingException on 50% of calls',
  'InternalFailure once',
  'dropped connection once',
  '10 s of added latency',
  'SIGINT',
  'SIGTERM 7.5 s after SIGINT',
];
const SHORT = ['throttle 50%', 'InternalFailure', 'conn. reset', '+10 s latency', 'SIGINT', 'SIGINT+SIGTERM'];

export default class FaultMatrixReporter {
  constructor(globalConfig) {
    this.root = join(globalConfig.rootDir, '.tmp', 'fault-matrix');
    this.dir = join(this.root, `run-${Date.now()}-${process.pid}`);
    process.env.FAULT_MATRIX_DIR = this.dir;
  }

  onRunStart() {
    // Folders of runs older than a day go; a run in progress elsewhere keeps its own.
    if (!existsSync(this.root)) return;
    for (const name of readdirSync(this.root)) {
      const path = join(this.root, name);
      if (name.startsWith('run-') && Date.now() - statSync(path).mtimeMs > 86_400_000) rmSync(path, { recursive: true, force: true });
    }
  }

  onRunComplete() {
    if (!existsSync(this.dir)) return;
    const files = readdirSync(this.dir).filter((f) => f.endsWith('.jsonl')).sort();
    if (files.length === 0) return;
    const lines = ['', 'Fault matrix (✓ passed, ✗ failed; s = step succeeded, f = step failed and state restored, T = SIGTERM was sent)'];
    let passed = 0;
    let total = 0;
    for (const file of files) {
      const notes = readFileSync(join(this.dir, file), 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
      const action = file.replace(/\.jsonl$/, '');
      const width = 16;
      lines.push('', `${action.padEnd(27)}${SHORT.map((s) => s.padEnd(width)).join('')}`);
      for (const phase of PHASES) {
        const cells = FAULTS.map((fault) => {
          const n = notes.find((x) => x.phase === phase && x.fault === fault);
          if (n === undefined) return '-'.padEnd(width);
          total += 1;
          if (n.passed) passed += 1;
          const mark = `${n.passed ? '✓' : '✗'} ${n.outcome === 'succeeded' ? 's' : n.outcome === 'failed' ? 'f' : '?'}${n.sigterm ? ' T' : ''}`;
          return `${mark} ${Math.round(n.durationMs / 1000)}s`.padEnd(width);
        });
        lines.push(`${phase.padEnd(27)}${cells.join('')}`);
      }
      const failed = notes.filter((n) => !n.passed);
      for (const n of failed) lines.push(`  ✗ ${n.phase} | ${n.fault}: ${n.problems.join('; ').slice(0, 400)}`);
    }
    lines.push('', `Fault matrix: ${passed} / ${total} cells passed (cell logs: ${join(this.dir, 'logs')})`, '');
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}
