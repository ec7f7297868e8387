/**
 * Parsing JSON and YAML text with the 1-based line (and column) of the first syntax error, so a message can say
 * "input 'overrides', line 3" or "deploy/td.yaml:12". JSON.parse's messages differ between Node versions and often
 * give no position, so a small strict scanner locates JSON errors itself.
 */
import { parseDocument } from 'yaml';

export type ParseResult =
  | { ok: true; value: unknown }
  | { ok: false; format: 'JSON' | 'YAML'; line: number; column: number; reason: string };

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
  const json = parseJsonText(text);
  if (json.ok) return json;
  const yaml = parseYamlText(text);
  if (yaml.ok) return yaml;
  return /^\s*[[{]/.test(text) ? json : yaml;
}

/** One YAML 1.2 document (duplicate keys and multiple documents are errors). */
export function parseYamlText(text: string): ParseResult {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const err = doc.errors[0];
  if (err !== undefined) {
    const pos = err.linePos?.[0];
    const reason = (err.message.split('\n')[0] ?? err.message).replace(/ at line \d+, column \d+:?$/, '');
    return { ok: false, format: 'YAML', line: pos?.line ?? 1, column: pos?.col ?? 1, reason };
  }
  return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) as unknown };
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const line = before.split('\n').length;
  const column = before.length - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column };
}

class JsonSyntax extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** Offset and reason of the first JSON syntax error in `text`, or undefined when it is valid JSON. */
export function locateJsonError(text: string): { offset: number; reason: string } | undefined {
  let i = 0;
  const fail = (reason: string, at = i): never => {
    throw new JsonSyntax(at, reason);
  };
  const describeHere = (): string =>
    i >= text.length ? 'unexpected end of input' : `unexpected character ${JSON.stringify(text[i])}`;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const expect = (ch: string, what: string): void => {
    ws();
    if (text[i] !== ch) fail(`expected ${what}, found ${describeHere().replace(/^unexpected /, '')}`);
    i++;
  };
  const str = (): void => {
    const start = i;
    i++;
    for (;;) {
      if (i >= text.length) fail('unterminated string', start);
      const c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (c < 0x20) fail('control character (such as a newline) inside a string; write it as an escape like \\n');
      if (c === 0x5c) {
        const esc = text[i + 1];
        if (esc === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('bad \\u escape in string');
          i += 6;
          continue;
        }
        if (esc === undefined || !'"\\/bfnrt'.includes(esc)) fail(`bad escape \\${esc ?? ''} in string`);
        i += 2;
        continue;
      }
      i++;
    }
    i++;
  };
  const num = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`expected a double-quoted property name, found ${describeHere().replace(/^unexpected /, '')}`);
        str();
        expect(':', "':' after the property name");
        value();
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === '}') fail('trailing comma before }');
          continue;
        }
        expect('}', "',' or '}'");
        return;
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === ']') fail('trailing comma before ]');
          continue;
        }
        expect(']', "',' or ']'");
        return;
      }
    }
    if (c === '"') return str();
    for (const lit of ['true', 'false', 'null']) {
      if (text.startsWith(lit, i)) {
        i += lit.length;
        return;
      }
    }
    num.lastIndex = i;
    if (c !== undefined && /[-0-9]/.test(c) && num.test(text)) {
      i = num.lastIndex;
      return;
    }
    fail(describeHere());
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`unexpected ${JSON.stringify(text[i])} after the end of the JSON value`);
    return undefined;
  } catch (e) {
    if (e instanceof JsonSyntax) return { offset: e.offset, reason: e.reason };
    throw e;
  }
}
