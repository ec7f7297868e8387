/**
 * Runs bad-input cases against the committed bundles (dist/<action>/index.js) the way the runner does, each
 * against an emulator of its own for the time it runs (a small pool, reset before every case), so the emulator's
 * call log tells exactly which AWS calls that one case made.
 */
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startTestEmulator, type EmulatorCall, type TestEmulator } from '../helpers/emulator.js';
import { entryPath, runAction, type ActionRun } from '../helpers/run-action.js';
import type { BadInputCase, CorpusAction, ExpectedLocation } from './corpus.js';

export interface CaseResult {
  run: ActionRun;
  calls: EmulatorCall[];
  /** The `::error::` messages, decoded. */
  errors: string[];
}

/** A fixed set of emulators handed out one per running case. */
export class EmulatorPool {
  private readonly idle: TestEmulator[] = [];
  private readonly waiting: Array<(e: TestEmulator) => void> = [];
  private started: Promise<void> | undefined;
  private readonly all: TestEmulator[] = [];

  constructor(private readonly size: number) {}

  private start(): Promise<void> {
    this.started ??= (async () => {
      for (let i = 0; i < this.size; i++) {
        const emu = await startTestEmulator({ taskStartMs: 200, speed: 10 });
        this.all.push(emu);
        this.idle.push(emu);
      }
    })();
    return this.started;
  }

  async use<T>(fn: (emu: TestEmulator) => Promise<T>): Promise<T> {
    await this.start();
    const emu = this.idle.pop() ?? (await new Promise<TestEmulator>((resolve) => this.waiting.push(resolve)));
    try {
      await emu.control.reset();
      return await fn(emu);
    } finally {
      const next = this.waiting.shift();
      if (next !== undefined) next(emu);
      else this.idle.push(emu);
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.all.map((e) => e.stop()));
  }
}

export function bundlePath(action: CorpusAction): string {
  return entryPath(action);
}

export function assertBundle(action: CorpusAction): void {
  if (!existsSync(bundlePath(action))) throw new Error(`${bundlePath(action)} is missing: run \`npm run build\` first`);
}

/** A workspace with nested files and symbolic links. */
export function buildWorkspace(c: Pick<BadInputCase, 'files' | 'symlinks'>): string {
  const root = mkdtempSync(join(tmpdir(), 'bad-input-ws-'));
  for (const [path, text] of Object.entries(c.files ?? {})) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  for (const [path, target] of Object.entries(c.symlinks ?? {})) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    symlinkSync(target, join(root, path));
  }
  return root;
}

/** `::error::` lines (with or without properties), %-decoded as @actions/core encodes them. */
export function errorMessages(stdout: string): string[] {
  const out: string[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^::error(?: [^:]*)?::(.*)$/.exec(line);
    if (m === null) continue;
    out.push((m[1] ?? '').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%'));
  }
  return out;
}

export async function runCase(pool: EmulatorPool, c: BadInputCase): Promise<CaseResult> {
  return pool.use(async (emu) => {
    const run = await runAction(c.action, {
      inputs: c.inputs,
      env: emu.env(),
      workspace: buildWorkspace(c),
      timeoutMs: 30_000,
    });
    const calls = await emu.control.calls();
    return { run, calls, errors: errorMessages(run.stdout) };
  });
}

/** The parts of `where` the message must contain. */
export function locationParts(where: ExpectedLocation): Array<{ what: string; anyOf: Array<string | RegExp> }> {
  const parts: Array<{ what: string; anyOf: Array<string | RegExp> }> = [];
  if (where.input !== undefined) {
    const names = typeof where.input === 'string' ? [where.input] : [...where.input];
    parts.push({ what: 'input', anyOf: names.map((n) => `input '${n}'`) });
  }
  if (where.file !== undefined) {
    const file = where.file;
    const at = where.line === 'any' ? new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+`) : where.line !== undefined ? `${file}:${where.line}` : file;
    parts.push({ what: 'file', anyOf: [at] });
  }
  if (where.field !== undefined) parts.push({ what: 'field', anyOf: [`field ${where.field}`] });
  return parts;
}

/** The problems of one case: empty when the action rejected it as the case expects. */
export function caseProblems(c: BadInputCase, r: CaseResult): string[] {
  const problems: string[] = [];
  if (r.run.exitCode !== 1) problems.push(`exit code ${r.run.exitCode} (signal ${r.run.signal}), expected 1`);
  if (r.calls.length > 0) problems.push(`AWS calls were made: ${r.calls.map((call) => `${call.service}.${call.operation}`).join(', ')}`);
  const message = r.errors.join('\n');
  if (r.errors.length === 0) problems.push('no ::error:: line');
  else if (!c.message.test(message)) problems.push(`the error does not match ${String(c.message)}`);
  for (const part of locationParts(c.where)) {
    const named = part.anyOf.some((s) => (typeof s === 'string' ? message.includes(s) : s.test(message)));
    if (!named && r.errors.length > 0) problems.push(`the error does not name the ${part.what}: ${part.anyOf.map(String).join(' or ')}`);
  }
  return problems;
}

/** Fails with the problems, the error and the action's whole output when the case was not rejected as expected. */
export function expectRejected(c: BadInputCase, r: CaseResult): void {
  const problems = caseProblems(c, r);
  if (problems.length === 0) return;
  const context = `--- error\n${r.errors.join('\n')}\n--- stdout\n${r.run.stdout}\n--- stderr\n${r.run.stderr}`;
  throw new Error(`${c.action} case "${c.name}":\n  - ${problems.join('\n  - ')}\n${context}`);
}
