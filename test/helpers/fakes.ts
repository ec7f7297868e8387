/**
 * Fakes for unit tests. As in codeql-action's tests, a fake that is asked for something it was not given throws,
 * naming what was asked, so a test never silently runs on a default it did not choose.
 */
import type { InputSource } from '../../src/core/inputs.js';
import type { Logger } from '../../src/core/io/logger.js';
import { Outputs, type OutputSink } from '../../src/core/io/outputs.js';
import type { ActionRuntime } from '../../src/core/io/runtime.js';
import type { Clock, Sleep } from '../../src/core/time.js';

export type LogLevel = 'info' | 'warning' | 'error' | 'debug';

export interface LogEntry {
  level: LogLevel | 'group';
  message: string;
  /** Names of the enclosing groups, outermost first. */
  groups: readonly string[];
}

/** Records every line with the groups it was written in. */
export class RecordingLogger implements Logger {
  readonly entries: LogEntry[] = [];
  private readonly open: string[] = [];

  info(message: string): void {
    this.record('info', message);
  }
  warning(message: string): void {
    this.record('warning', message);
  }
  error(message: string): void {
    this.record('error', message);
  }
  debug(message: string): void {
    this.record('debug', message);
  }

  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.record('group', name);
    this.open.push(name);
    try {
      return await fn();
    } finally {
      this.open.pop();
    }
  }

  /** Messages of one level (all levels but groups when omitted). */
  messages(level?: LogLevel): string[] {
    return this.entries.filter((e) => (level === undefined ? e.level !== 'group' : e.level === level)).map((e) => e.message);
  }

  /** The log as text: one line per entry, indented two spaces per group level, groups as `▼ name`. */
  lines(): string[] {
    return this.entries.map((e) => {
      const indent = '  '.repeat(e.groups.length);
      return e.level === 'group' ? `${indent}▼ ${e.message}` : `${indent}${e.level === 'info' ? '' : `[${e.level}] `}${e.message}`;
    });
  }

  text(): string {
    return this.lines().join('\n');
  }

  /** Names of the groups currently open (for assertions made from inside a group). */
  openGroups(): readonly string[] {
    return [...this.open];
  }

  private record(level: LogEntry['level'], message: string): void {
    this.entries.push({ level, message, groups: [...this.open] });
  }
}

/** A clock that only moves when told to (or when the paired sleep is awaited). */
export class FakeClock implements Clock {
  constructor(private current = Date.UTC(2024, 4, 1, 12, 0, 0)) {}
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    if (ms < 0) throw new Error(`FakeClock.advance: negative ${ms}`);
    this.current += ms;
  }
  set(ms: number): void {
    this.current = ms;
  }
}

/** A clock and a sleep that advances it instantly; every sleep is recorded. */
export class FakeTime {
  readonly clock: FakeClock;
  readonly sleeps: number[] = [];
  /** Called after each sleep has advanced the clock (e.g. to change the fake world as time passes). */
  onSleep: ((ms: number, now: number) => void) | undefined;

  constructor(start?: number) {
    this.clock = new FakeClock(start);
  }

  readonly sleep: Sleep = async (ms, signal) => {
    if (signal?.aborted) throw signal.reason;
    const step = Math.max(0, ms);
    this.sleeps.push(step);
    this.clock.advance(step);
    this.onSleep?.(step, this.clock.now());
    await Promise.resolve();
    if (signal?.aborted) throw signal.reason;
  };

  totalSlept(): number {
    return this.sleeps.reduce((a, b) => a + b, 0);
  }
}

export interface FakeInputsOptions {
  /** When given, declared inputs that are not in the record read as '' (unset), like the runner. */
  declared?: readonly string[];
}

/**
 * Inputs from a record. Without `declared`, reading an input the record does not have throws (give '' for unset);
 * with it, undeclared names throw and declared-but-absent ones read ''.
 */
export function fakeInputs(values: Record<string, string>, opts: FakeInputsOptions = {}): InputSource {
  const declared = opts.declared === undefined ? undefined : new Set(opts.declared);
  return (name) => {
    if (Object.hasOwn(values, name)) return (values[name] ?? '').trim();
    if (declared?.has(name) === true) return '';
    throw new Error(`fake inputs: input '${name}' was read but the test did not give it (use '' for unset)`);
  };
}

/** Records outputs and secrets as the runner would receive them. */
export class RecordingOutputSink implements OutputSink {
  readonly outputs = new Map<string, string>();
  readonly secrets: string[] = [];
  setOutput(name: string, value: string): void {
    this.outputs.set(name, value);
  }
  setSecret(secret: string): void {
    this.secrets.push(secret);
  }
}

export interface FakeRuntimeOptions {
  inputs?: Record<string, string>;
  /** See FakeInputsOptions.declared. */
  declared?: readonly string[];
  env?: Record<string, string | undefined>;
  workspace?: string;
  time?: FakeTime;
}

export interface FakeRuntime {
  rt: ActionRuntime;
  log: RecordingLogger;
  sink: RecordingOutputSink;
  /** Markdown appended to the job summary (redacted, as the real runtime writes it). */
  summary: string[];
  time: FakeTime;
  /** Simulates the runner's first signal (SIGINT) and second (SIGTERM). */
  cancel(reason?: unknown): void;
  hardCancel(reason?: unknown): void;
}

export function fakeRuntime(opts: FakeRuntimeOptions = {}): FakeRuntime {
  const log = new RecordingLogger();
  const sink = new RecordingOutputSink();
  const outputs = new Outputs(sink);
  const time = opts.time ?? new FakeTime();
  const summary: string[] = [];
  const cancel = new AbortController();
  const hardCancel = new AbortController();
  const rt: ActionRuntime = {
    inputs: fakeInputs(opts.inputs ?? {}, opts.declared === undefined ? {} : { declared: opts.declared }),
    log,
    outputs,
    summary: {
      append: async (markdown) => {
        summary.push(outputs.redact(markdown));
      },
    },
    clock: time.clock,
    sleep: time.sleep,
    env: opts.env ?? {},
    workspace: opts.workspace ?? '/fake/workspace',
    cancel: cancel.signal,
    hardCancel: hardCancel.signal,
  };
  return {
    rt,
    log,
    sink,
    summary,
    time,
    cancel: (reason) => cancel.abort(reason),
    hardCancel: (reason) => hardCancel.abort(reason),
  };
}
