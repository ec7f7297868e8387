/**
 * Parsing JSON and YAML text with the 1-based line (and column) of the first syntax error, so a message can say
 * "input 'overrides', line 3" or "deploy/td.yaml:12". JSON.parse's messages differ between Node versions and often
 * give no position, so a small strict scanner (json-scanner.ts) locates JSON errors itself.
 */
import { parseDocument } from 'yaml';
import { JsonScanner, JsonSyntax } from './json-scanner.js';
import { keepKeyText, scalarTextOf } from './scalar-text.js';
import type { ScalarText } from './scalar-text.js';

export type ParseFailure = { ok: false; format: 'JSON' | 'YAML'; line: number; column: number; reason: string };
export type ParseResult = { ok: true; value: unknown } | ParseFailure;
/** A parse result that also tells the text each number or boolean was written as (see scalar-text.ts). */
export type DocumentResult = { ok: true; value: unknown; scalarText: ScalarText } | ParseFailure;

/** Strict JSON (RFC 8259). */
export function parseJsonText(text: string): ParseResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const found = locateJsonError(text);
    const offset = found?.offset ?? 0;
    const reason = found?.reason ?? (e instanceof Error ? e.message : String(e));
    return { ok: false, format: 'JSON', ...lineAndColumn(text, offset), reason };
  }
}

/**
 * JSON or YAML, decided by content: valid JSON is JSON; anything else is parsed as YAML 1.2 (a superset of JSON's
 * syntax, so flow-style `{a: 1}` works). When the text starts like JSON (`{` or `[`) and is neither valid JSON nor
 * valid YAML, the JSON error is reported, as that is what the author meant to write.
 */
export function parseYamlOrJsonText(text: string): ParseResult {
  return withoutText(parseYamlOrJsonDocument(text));
}

/** As parseYamlOrJsonText, with the text of each number or boolean (JSON's tokens read back through YAML). */
export function parseYamlOrJsonDocument(text: string): DocumentResult {
  const json = parseJsonText(text);
  if (json.ok) return { ...json, scalarText: scalarTextOf(parseDocument(text)) };
  const yaml = parseYamlDocument(text);
  if (yaml.ok) return yaml;
  return /^\s*[[{]/.test(text) ? json : yaml;
}

/** One YAML 1.2 document (duplicate keys and multiple documents are errors). */
export function parseYamlText(text: string): ParseResult {
  return withoutText(parseYamlDocument(text));
}

function parseYamlDocument(text: string): DocumentResult {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const err = doc.errors[0];
  if (err !== undefined) {
    const pos = err.linePos?.[0];
    const reason = (err.message.split('\n')[0] ?? err.message).replace(/ at line \d+, column \d+:?$/, '');
    return { ok: false, format: 'YAML', line: pos?.line ?? 1, column: pos?.col ?? 1, reason };
  }
  keepKeyText(doc);
  return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) as unknown, scalarText: scalarTextOf(doc) };
}

function withoutText(result: DocumentResult): ParseResult {
  return result.ok ? { ok: true, value: result.value } : result;
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const line = before.split('\n').length;
  const column = before.length - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column };
}

/** Offset and reason of the first JSON syntax error in `text`, or undefined when it is valid JSON. */
export function locateJsonError(text: string): { offset: number; reason: string } | undefined {
  try {
    new JsonScanner(text).document();
    return undefined;
  } catch (e) {
    if (e instanceof JsonSyntax) return { offset: e.offset, reason: e.reason };
    throw e;
  }
}
