/**
 * Runs one cell of the fault matrix: installs the cell's emulator rules (the fault, or for a signal the delay that
 * keeps the action in the phase, plus any trigger), runs the committed bundle, sends SIGINT when the log shows the
 * phase (and SIGTERM 7.5 s later when asked and the action is still running), and reports what was injected.
 */
import type { ChildProcess } from 'node:child_process';
import type { TestEmulator } from '../helpers/emulator.js';
import { makeWorkspace, runAction, type ActionRun } from '../helpers/run-action.js';
import { errorMessages } from '../bad-inputs/run-corpus.js';
import { faultRules, isSignal, type Fault, type FaultRuleSpec, type PhasePlan } from './matrix.js';

/** The runner sends SIGTERM this long after SIGINT when a cancelled job has not finished. */
export const SIGTERM_AFTER_MS = 7_500;

export interface SignalLog {
  markerSeen: boolean;
  /** Ms after the start of the action. */
  sigintAt?: number;
  sigtermAt?: number;
}

export interface CellRun {
  run: ActionRun;
  /** The decoded `::error::` messages. */
  errors: string[];
  /** How many calls the cell's own fault rules hit (0 for signal cells). */
  injected: number;
  signals: SignalLog;
}

export interface CellOptions {
  emu: TestEmulator;
  action: 'ecs-rolling' | 'ecs-run-task' | 'register-delegate' | 'ecs-canary' | 'ecs-bluegreen-swap';
  inputs: Record<string, string | number>;
  files: Record<string, string>;
  plan: PhasePlan;
  fault: Fault;
  timeoutMs: number;
}

interface RuleState {
  id: number;
  injected: number;
}

export async function runCell(o: CellOptions): Promise<CellRun> {
  const signal = isSignal(o.fault);
  const own: FaultRuleSpec[] = signal ? (o.plan.stretch ? [o.plan.stretch] : []) : faultRules(o.fault, o.plan.target);
  for (const rule of o.plan.trigger ?? []) await o.emu.control.addFault({ ...rule });
  const ownIds: number[] = [];
  for (const rule of own) ownIds.push(Number((await o.emu.control.addFault({ ...rule }))['id']));

  const signals: SignalLog = { markerSeen: false };
  let sender: Promise<void> = Promise.resolve();
  const run = await runAction(o.action, {
    inputs: o.inputs,
    env: o.emu.env(),
    workspace: makeWorkspace(o.files),
    timeoutMs: o.timeoutMs,
    onStart: (child, output) => {
      if (signal) sender = sendSignals(child, output, o.plan.marker, o.fault === 'SIGTERM 7.5 s after SIGINT', signals);
    },
  });
  await sender;
  const rules = ((await fetch(`${o.emu.url}/_emulator/faults`).then((r) => r.json())) as { faults: RuleState[] }).faults;
  const injected = signal ? 0 : rules.filter((r) => ownIds.includes(r.id)).reduce((n, r) => n + r.injected, 0);
  return { run, errors: errorMessages(run.stdout), injected, signals };
}

const running = (child: ChildProcess): boolean => child.exitCode === null && child.signalCode === null;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** SIGINT as soon as `marker` shows in the log; SIGTERM 7.5 s later if asked and the action still runs. */
async function sendSignals(
  child: ChildProcess,
  output: { text(): string },
  marker: RegExp,
  sigterm: boolean,
  log: SignalLog,
): Promise<void> {
  const started = Date.now();
  while (running(child) && !marker.test(output.text())) await sleep(20);
  if (!running(child)) return;
  log.markerSeen = true;
  child.kill('SIGINT');
  log.sigintAt = Date.now() - started;
  if (!sigterm) return;
  const until = Date.now() + SIGTERM_AFTER_MS;
  while (running(child) && Date.now() < until) await sleep(50);
  if (!running(child)) return;
  child.kill('SIGTERM');
  log.sigtermAt = Date.now() - started;
}

/** A short, readable account of a cell for failure messages. */
export function describeCell(cell: CellRun): string {
  const s = cell.signals;
  const sig = s.sigintAt === undefined ? '' : ` SIGINT at ${s.sigintAt} ms${s.sigtermAt === undefined ? '' : `, SIGTERM at ${s.sigtermAt} ms`}`;
  return `exit ${cell.run.exitCode} (signal ${cell.run.signal}) after ${cell.run.durationMs} ms; faults injected ${cell.injected};${sig}\n--- stdout\n${cell.run.stdout}\n--- stderr\n${cell.run.stderr.slice(-3000)}`;
}
