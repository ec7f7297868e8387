/**
 * One line per fault-matrix cell in `<run folder>/<action>.jsonl` (what happened: outcome, faults injected, signals
 * sent, problems), read by matrix-reporter.mjs to print the table at the end of the run; each cell's full log goes
 * to `<run folder>/logs/`. The run folder is `.tmp/fault-matrix/run-<time>-<pid>/` (FAULT_MATRIX_DIR).
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/run-action.js';
import { describeCell, type CellRun } from './cell.js';
import type { Fault, Phase } from './matrix.js';

/** This Jest run's folder (set by matrix-reporter.mjs), else a shared one. */
export const notesDir = (): string => process.env['FAULT_MATRIX_DIR'] ?? join(repoRoot, '.tmp', 'fault-matrix', 'run-unreported');

export interface CellNote {
  action: string;
  phase: Phase;
  fault: Fault;
  passed: boolean;
  /** The step's result: `succeeded`, or `failed` (then the service/tasks were checked restored). */
  outcome: 'succeeded' | 'failed' | 'not run';
  injected: number;
  sigint: boolean;
  sigterm: boolean;
  durationMs: number;
  problems: string[];
}

export function writeNote(action: string, phase: Phase, fault: Fault, cell: CellRun | undefined, problems: string[]): void {
  const note: CellNote = {
    action,
    phase,
    fault,
    passed: cell !== undefined && problems.length === 0,
    outcome: cell === undefined ? 'not run' : cell.run.exitCode === 0 ? 'succeeded' : 'failed',
    injected: cell?.injected ?? 0,
    sigint: cell?.signals.sigintAt !== undefined,
    sigterm: cell?.signals.sigtermAt !== undefined,
    durationMs: cell?.run.durationMs ?? 0,
    problems,
  };
  const dir = notesDir();
  mkdirSync(join(dir, 'logs'), { recursive: true });
  appendFileSync(join(dir, `${action}.jsonl`), `${JSON.stringify(note)}\n`);
  if (cell !== undefined) {
    const name = `${action} ${phase} ${fault}`.replace(/[^A-Za-z0-9]+/g, '-');
    writeFileSync(join(dir, 'logs', `${name}.log`), `${problems.join('\n')}\n${describeCell(cell)}\n`);
  }
}
