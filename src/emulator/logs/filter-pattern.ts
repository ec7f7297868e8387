/**
 * The term subset of the CloudWatch Logs filter pattern syntax, for FilterLogEvents:
 * - `ERROR Exception` — every term must occur (case-sensitive);
 * - `"request failed"` — a quoted phrase is one term;
 * - `?ERROR ?WARN` — at least one of the `?` terms must occur;
 * - `ERROR -healthcheck` — a `-` term must not occur;
 * - empty pattern — every event matches.
 * JSON (`{ $.x = ... }`) and space-delimited (`[a, b]`) patterns are refused with InvalidParameterException.
 */
import { invalid } from './params.js';

export type Matcher = (message: string) => boolean;

function tokens(pattern: string): string[] {
  const out: string[] = [];
  const re = /([?-]?)"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (const m of pattern.matchAll(re)) {
    if (m[2] !== undefined) out.push(`${m[1] ?? ''}\u0000${m[2].replace(/\\(.)/g, '$1')}`);
    else if (m[3] !== undefined) out.push(m[3]);
  }
  return out;
}

export function compileFilterPattern(pattern: string | undefined): Matcher {
  const text = (pattern ?? '').trim();
  if (text === '') return () => true;
  if (text.startsWith('{') || text.startsWith('[')) {
    throw invalid('Invalid filter pattern: only term patterns (words, "phrases", ?any, -exclude) are supported by this emulator');
  }
  const all: string[] = [];
  const any: string[] = [];
  const none: string[] = [];
  for (const token of tokens(text)) {
    const quoted = token.includes('\u0000');
    const [sign, term] = quoted ? (token.split('\u0000') as [string, string]) : ['', token];
    const op = quoted ? sign : /^[?-]/.test(term) ? term.charAt(0) : '';
    const value = quoted ? term : op ? term.slice(1) : term;
    if (value === '') continue;
    if (op === '?') any.push(value);
    else if (op === '-') none.push(value);
    else all.push(value);
  }
  return (message) =>
    all.every((t) => message.includes(t)) &&
    (any.length === 0 || any.some((t) => message.includes(t))) &&
    none.every((t) => !message.includes(t));
}
