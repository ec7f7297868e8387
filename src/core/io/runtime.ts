/**
 * Everything an action's main talks to, passed in (nothing is a module singleton). Production builds it in
 * actions-runtime.ts on @actions/core; tests build it from fakes (test/helpers/fakes.ts).
 */
import type { InputSource } from '../inputs.js';
import type { Clock, Sleep } from '../time.js';
import type { Logger } from './logger.js';
import type { Outputs } from './outputs.js';

export interface JobSummary {
  /** Appends Markdown to the job summary (secrets redacted). */
  append(markdown: string): Promise<void>;
}

export interface ActionRuntime {
  inputs: InputSource;
  log: Logger;
  outputs: Outputs;
  summary: JobSummary;
  clock: Clock;
  sleep: Sleep;
  env: Readonly<Record<string, string | undefined>>;
  /** GITHUB_WORKSPACE, or the current directory when unset. */
  workspace: string;
  /** Aborted, with a CancelledError, on the first SIGINT/SIGTERM (the workflow was cancelled, S10). */
  cancel: AbortSignal;
  /** Aborted on the second signal (the runner's SIGTERM ~7.5 s after SIGINT): stop even rollback waits. */
  hardCancel: AbortSignal;
}

/** The two cancellation signals run.ts creates and hands to the runtime builder. */
export interface CancelSignals {
  cancel: AbortSignal;
  hardCancel: AbortSignal;
}
