/**
 * The single top-level handler of every action. An entry point is exactly:
 *
 *   import { runAction } from '../../core/run.js';
 *   import { main } from './main.js';
 *   await runAction('ecs-rolling', main);
 *
 * It builds the runtime, turns SIGINT/SIGTERM into the runtime's cancel signals (S10: the first aborts `cancel`,
 * the second `hardCancel`), runs `main`, and for any thrown value calls setFailed with a useful message and sets
 * process.exitCode = 1. It never calls process.exit, and it never rejects.
 */
import { CancelledError, describeError, isConfigurationError } from './errors.js';
import { actionsCoreApi, createActionsRuntime } from './io/actions-runtime.js';
import type { ActionRuntime, CancelSignals } from './io/runtime.js';

export type CancelSignalName = 'SIGINT' | 'SIGTERM';

/** Where process signals come from (production: `process`). */
export interface SignalSource {
  on(signal: CancelSignalName, handler: (signal: CancelSignalName) => void): unknown;
  off(signal: CancelSignalName, handler: (signal: CancelSignalName) => void): unknown;
}

export interface RunDeps {
  createRuntime?: (signals: CancelSignals) => ActionRuntime;
  setFailed?: (message: string) => void;
  signals?: SignalSource;
  setExitCode?: (code: number) => void;
}

const SIGNALS: readonly CancelSignalName[] = ['SIGINT', 'SIGTERM'];

export async function runAction(
  name: string,
  main: (rt: ActionRuntime) => Promise<void>,
  deps: RunDeps = {},
): Promise<void> {
  const setFailed = deps.setFailed ?? ((m: string) => actionsCoreApi.setFailed(m));
  const setExitCode =
    deps.setExitCode ??
    ((code: number) => {
      process.exitCode = code;
    });
  const signals: SignalSource = deps.signals ?? process;
  const cancel = new AbortController();
  const hardCancel = new AbortController();
  let rt: ActionRuntime | undefined;

  const onSignal = (signal: CancelSignalName): void => {
    if (!cancel.signal.aborted) {
      rt?.log.warning(`${name}: ${signal} received, cancelling (a second signal also stops rollback waits)`);
      cancel.abort(new CancelledError(signal));
    } else if (!hardCancel.signal.aborted) {
      rt?.log.warning(`${name}: ${signal} received while cancelling: stopping now`);
      hardCancel.abort(new CancelledError(signal));
    }
  };
  for (const s of SIGNALS) signals.on(s, onSignal);

  try {
    rt = (deps.createRuntime ?? createActionsRuntime)({ cancel: cancel.signal, hardCancel: hardCancel.signal });
    await main(rt);
  } catch (e) {
    const cause = cancel.signal.aborted && isAbortError(e) ? (cancel.signal.reason as unknown) : e;
    if (rt !== undefined && !isConfigurationError(cause) && cause instanceof Error && cause.stack !== undefined) {
      rt.log.debug(`${name} failed: ${cause.stack}`);
    }
    setExitCode(1);
    setFailed(failureMessage(cause, rt));
  } finally {
    for (const s of SIGNALS) signals.off(s, onSignal);
  }
}

function failureMessage(e: unknown, rt: ActionRuntime | undefined): string {
  const message = describeError(e);
  const text = message.trim() === '' ? 'The action failed with an empty error' : message;
  return rt === undefined ? text : rt.outputs.redact(text);
}

/** An abort surfaced by the SDK or fetch (name AbortError) rather than our own CancelledError. */
function isAbortError(e: unknown): boolean {
  return e instanceof Error && e.name === 'AbortError';
}
