/**
 * The real ActionRuntime, on @actions/core. This is the only file that imports @actions/core; the rest of the code
 * sees the runtime's interfaces. Log lines and the job summary are redacted (S11) before they are written.
 */
import * as actionsCore from '@actions/core';
import { systemClock, realSleep } from '../time.js';
import type { Logger } from './logger.js';
import { Outputs } from './outputs.js';
import type { ActionRuntime, CancelSignals } from './runtime.js';

/** The part of @actions/core the runtime uses (tests pass a recording stand-in). */
export interface CoreApi {
  getInput(name: string): string;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  debug(message: string): void;
  startGroup(name: string): void;
  endGroup(): void;
  setOutput(name: string, value: string): void;
  setSecret(secret: string): void;
  setFailed(message: string): void;
  /** Appends Markdown to GITHUB_STEP_SUMMARY, as given. */
  appendSummary(markdown: string): Promise<void>;
}

export const actionsCoreApi: CoreApi = {
  getInput: (name) => actionsCore.getInput(name),
  info: (m) => actionsCore.info(m),
  warning: (m) => actionsCore.warning(m),
  error: (m) => actionsCore.error(m),
  debug: (m) => actionsCore.debug(m),
  startGroup: (n) => actionsCore.startGroup(n),
  endGroup: () => actionsCore.endGroup(),
  setOutput: (n, v) => actionsCore.setOutput(n, v),
  setSecret: (s) => actionsCore.setSecret(s),
  setFailed: (m) => actionsCore.setFailed(m),
  appendSummary: async (md) => {
    await actionsCore.summary.addRaw(md, false).write();
  },
};

export interface ActionsRuntimeDeps {
  core?: CoreApi;
  env?: Readonly<Record<string, string | undefined>>;
  cwd?: string;
}

export function createActionsRuntime(signals: CancelSignals, deps: ActionsRuntimeDeps = {}): ActionRuntime {
  const core = deps.core ?? actionsCoreApi;
  const env = deps.env ?? { ...process.env };
  const outputs = new Outputs({ setOutput: (n, v) => core.setOutput(n, v), setSecret: (v) => core.setSecret(v) });
  const log = new CoreLogger(core, (text) => outputs.redact(text));
  let pending: Promise<void> = Promise.resolve();
  const summary = {
    append(markdown: string): Promise<void> {
      const text = outputs.redact(markdown);
      const write = async (): Promise<void> => {
        if (env['GITHUB_STEP_SUMMARY'] === undefined || env['GITHUB_STEP_SUMMARY'] === '') {
          log.debug('GITHUB_STEP_SUMMARY is not set; job summary skipped');
          return;
        }
        // A blank line after each chunk, so a table or paragraph never runs into the next chunk.
        await core.appendSummary(`${text.trimEnd()}\n\n`);
      };
      // One write at a time (@actions/core's summary buffer is shared); a failed write does not block later ones.
      const next = pending.then(write, write);
      pending = next.catch(() => undefined);
      return next;
    },
  };
  const workspace = env['GITHUB_WORKSPACE'];
  return {
    inputs: (name) => core.getInput(name),
    log,
    outputs,
    summary,
    clock: systemClock,
    sleep: realSleep,
    env,
    workspace: workspace !== undefined && workspace !== '' ? workspace : (deps.cwd ?? process.cwd()),
    cancel: signals.cancel,
    hardCancel: signals.hardCancel,
  };
}

/**
 * Logger on the runner's workflow commands. The runner cannot nest groups (a `::group::` inside a group ends the
 * outer one), so an inner group is printed as a `▸ name` line instead.
 */
class CoreLogger implements Logger {
  private depth = 0;

  constructor(
    private readonly core: CoreApi,
    private readonly redact: (text: string) => string,
  ) {}

  info(message: string): void {
    this.core.info(this.redact(message));
  }
  warning(message: string): void {
    this.core.warning(this.redact(message));
  }
  error(message: string): void {
    this.core.error(this.redact(message));
  }
  debug(message: string): void {
    this.core.debug(this.redact(message));
  }

  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const outer = this.depth === 0;
    if (outer) this.core.startGroup(this.redact(name));
    else this.core.info(this.redact(`▸ ${name}`));
    this.depth++;
    try {
      return await fn();
    } finally {
      this.depth--;
      if (outer) this.core.endGroup();
    }
  }
}
