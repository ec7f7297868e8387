import { describe, expect, it } from '@jest/globals';
import {
  lineAndColumn,
  locateJsonError,
  parseJsonText,
  parseYamlOrJsonText,
  parseYamlText,
} from '../../../../src/core/io/structured-text.js';

describe('locateJsonError', () => {
  it('finds nothing in valid JSON (agreeing with JSON.parse)', () => {
    for (const text of ['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"]} ', '"s"', '0']) {
      expect(() => JSON.parse(text) as unknown).not.toThrow();
      expect(locateJsonError(text)).toBeUndefined();
    }
  });

  it.each([
    ['{"a": }', 6, 'unexpected character "}"'],
    ['{"a": 1,}', 8, 'trailing comma before }'],
    ['[1, 2,]', 6, 'trailing comma before ]'],
    ['{"a" 1}', 5, "expected ':' after the property name"],
    ["{'a': 1}", 1, 'expected a double-quoted property name'],
    ['{"a": tru}', 6, 'unexpected character "t"'],
    ['[1 2]', 3, "expected ',' or ']'"],
    ['{"a": 1', 7, "expected ',' or '}', found end of input"],
    ['"abc', 0, 'unterminated string'],
    ['"a\nb"', 2, 'control character'],
    ['"a\\x"', 2, 'bad escape \\x'],
    ['01', 1, 'after the end of the JSON value'],
    ['', 0, 'unexpected end of input'],
  ])('%j fails at offset %d (%s)', (text, offset, reason) => {
    expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError);
    const found = locateJsonError(text);
    expect(found?.offset).toBe(offset);
    expect(found?.reason).toContain(reason);
  });
});

describe('lineAndColumn', () => {
  it('is 1-based', () => {
    expect(lineAndColumn('abc', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab\n', 3)).toEqual({ line: 2, column: 1 });
  });
});

describe('parseJsonText', () => {
  it('returns the value', () => {
    expect(parseJsonText('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
  });
  it('gives the line and column of the first error', () => {
    expect(parseJsonText('{\n  "family": "web",\n  "cpu": 256\n  "memory": 512\n}')).toEqual({
      ok: false,
      format: 'JSON',
      line: 4,
      column: 3,
      reason: "expected ',' or '}', found character \"\\\"\"",
    });
  });
});

describe('parseYamlText / parseYamlOrJsonText', () => {
  it('parses YAML 1.2 (yes stays a string)', () => {
    expect(parseYamlText('a: yes\nb: 2')).toEqual({ ok: true, value: { a: 'yes', b: 2 } });
  });
  it('reports the line of a YAML error without the pretty-printed context', () => {
    const r = parseYamlText('a:\n  b: 1\n c: 2');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.format).toBe('YAML');
    expect(r.line).toBe(3);
    expect(r.reason).not.toMatch(/\n/);
    expect(r.reason).not.toMatch(/at line/);
  });
  it('refuses several documents', () => {
    const r = parseYamlText('a: 1\n---\nb: 2\n');
    expect(r).toMatchObject({ ok: false, format: 'YAML', line: 2 });
  });
  it('takes JSON first, YAML otherwise, and reports JSON errors for JSON-looking text', () => {
    expect(parseYamlOrJsonText('{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseYamlOrJsonText('- a\n- b')).toEqual({ ok: true, value: ['a', 'b'] });
    expect(parseYamlOrJsonText('[1, 2')).toMatchObject({ ok: false, format: 'JSON', line: 1 });
    expect(parseYamlOrJsonText('a: [1, 2')).toMatchObject({ ok: false, format: 'YAML' });
  });
});
