/**
 * The one place an action sets its outputs (S5) and masks secrets (S11). Outputs keep the order they were set in,
 * so the job summary can list them (`entries()`). A value that looks like a credential is registered as a secret
 * with the runner before the output is written.
 */
import { SecretMasker, type SecretSink } from './secrets.js';

export interface OutputSink extends SecretSink {
  /** @actions/core setOutput (writes to GITHUB_OUTPUT). */
  setOutput(name: string, value: string): void;
}

/** Strings as they are; numbers and booleans as text; objects and arrays as JSON. */
export type OutputValue = string | number | boolean | object;

export class Outputs {
  private readonly values = new Map<string, string>();
  private readonly masker: SecretMasker;

  constructor(private readonly sink: OutputSink) {
    this.masker = new SecretMasker(sink);
  }

  /** Sets output `name`; setting it again replaces the value (and keeps its place in `entries()`). */
  set(name: string, value: OutputValue): void {
    if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)) throw new Error(`BUG: invalid output name '${name}'`);
    const text = toOutputText(value);
    this.masker.maskTokenLike(text);
    this.values.set(name, text);
    this.sink.setOutput(name, text);
  }

  get(name: string): string | undefined {
    return this.values.get(name);
  }

  /** Every output set so far, in the order first set, as [name, value]. */
  entries(): ReadonlyArray<readonly [string, string]> {
    return [...this.values.entries()];
  }

  /** Registers a secret value (e.g. a token input) so the runner masks it and `redact` replaces it. */
  mask(secret: string): void {
    this.masker.mask(secret);
  }

  /** `text` with registered secrets and token-like values replaced by `***` (for summaries and log lines). */
  redact(text: string): string {
    return this.masker.redact(text);
  }
}

export function toOutputText(value: OutputValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
