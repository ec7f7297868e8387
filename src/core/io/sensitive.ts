/**
 * S11 for what the actions print themselves (dry-run diffs, request previews): environment variables whose names
 * say they hold a secret are shown as a short fingerprint, so a change is still visible but the value is not.
 * (Values that look like tokens are masked anyway by Outputs.redact; this catches plain passwords.)
 */
import { createHash } from 'node:crypto';

const SENSITIVE_NAME = /pass(word|wd)?|secret|token|api[_-]?key|private[_-]?key|access[_-]?key|credential|auth/i;

export function isSensitiveName(name: string): boolean {
  return SENSITIVE_NAME.test(name);
}

/** `***` plus the first 8 hex digits of the value's SHA-256: equal values print equal, the value does not print. */
export function fingerprint(value: string): string {
  return `*** (sha256 ${createHash('sha256').update(value).digest('hex').slice(0, 8)})`;
}

/** A copy of `{ name, value }` entries with the values of sensitive names replaced by their fingerprint. */
export function hideSensitiveEnvironment<T extends { name?: unknown; value?: unknown }>(entries: readonly T[]): T[] {
  return entries.map((e) =>
    typeof e.name === 'string' && typeof e.value === 'string' && isSensitiveName(e.name) ? { ...e, value: fingerprint(e.value) } : e,
  );
}
