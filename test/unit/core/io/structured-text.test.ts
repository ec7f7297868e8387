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

describe('parseJsonText: where each kind of JSON error is reported', () => {
  const cases: Array<[string, string, number, number, string]> = [
    // errors on the last line
    ['object cut off after its last member', '{\n  "a": 1,\n  "b": 2\n', 4, 1, "expected ',' or '}', found end of input"],
    ['array cut off after its last element', '[\n  1,\n  2\n', 4, 1, "expected ',' or ']', found end of input"],
    ['text after the value, on a later line', '{\n  "a": 1\n}\nx', 4, 1, 'unexpected "x" after the end of the JSON value'],
    ['an extra } indented on the last line', '{\n  "a": 1\n}\n\n  }', 5, 3, 'unexpected "}" after the end of the JSON value'],
    ['a lone [', '[', 1, 2, 'unexpected end of input'],
    ['a lone {', '{', 1, 2, 'expected a double-quoted property name, found end of input'],
    ['only whitespace', '  ', 1, 3, 'unexpected end of input'],
    // inside nested arrays and objects
    ['a trailing comma in an inner array', '[[1, 2], [3, 4,]]', 1, 16, 'trailing comma before ]'],
    ['an outer array left open', '[[1, [2, 3]], 4', 1, 16, "expected ',' or ']', found end of input"],
    ['a missing comma between inner arrays', '[[1, 2] [3]]', 1, 9, "expected ',' or ']', found character \"[\""],
    ['a trailing comma three levels down', '{"a": [1, {"b": [2, ]}]}', 1, 21, 'trailing comma before ]'],
    ['} closing an inner array', '{"a": {"b": [1, 2}}', 1, 18, "expected ',' or ']', found character \"}\""],
    ['a missing comma after an inner array', '{"a": [1, 2, 3]\n "b": 4}', 2, 2, "expected ',' or '}', found character \"\\\"\""],
    // unterminated strings (reported where the string starts) and strings broken by a newline
    ['a value string broken by a newline', '{\n  "a": "abc\n}', 2, 12, 'control character (such as a newline) inside a string; write it as an escape like \\n'],
    ['a value string running to the end', '{\n  "name": "unterminated', 2, 11, 'unterminated string'],
    ['an array string running to the end', '["a", "b]', 1, 7, 'unterminated string'],
    ['a raw tab inside a string', '"\t"', 1, 2, 'control character (such as a newline) inside a string; write it as an escape like \\n'],
    // escapes (reported at the backslash)
    ['a \\u escape with a non-hex digit', '"\\u12G4"', 1, 2, 'bad \\u escape in string'],
    ['a \\u escape cut short', '"\\u00e', 1, 2, 'bad \\u escape in string'],
    ['a backslash at the end of the text', '"abc\\', 1, 5, 'bad escape \\ in string'],
    // trailing and doubled commas
    ['a trailing comma before } on the next line', '{"a": 1,\n}', 2, 1, 'trailing comma before }'],
    ['a trailing comma before ] on the last line', '[\n  1,\n  2,\n]', 4, 1, 'trailing comma before ]'],
    ['the inner of two trailing commas', '{\n  "a": [\n    1,\n  ],\n}', 4, 3, 'trailing comma before ]'],
    ['a doubled comma in an object', '{"a": 1,,}', 1, 9, 'expected a double-quoted property name, found character ","'],
    ['a doubled comma in an array', '[1,,2]', 1, 4, 'unexpected character ","'],
    ['a leading comma in an array', '[,1]', 1, 2, 'unexpected character ","'],
    ['a lone comma in an object', '{,}', 1, 2, 'expected a double-quoted property name, found character ","'],
    // numbers, literals, names and colons
    ['a lone minus sign', '{"a":-}', 1, 6, 'unexpected character "-"'],
    ['a number ending in a dot', '{"a": 1.}', 1, 8, "expected ',' or '}', found character \".\""],
    ['a leading zero', '{"a": 01}', 1, 8, "expected ',' or '}', found character \"1\""],
    ['a number starting with a dot', '{"a": .5}', 1, 7, 'unexpected character "."'],
    ['a number starting with +', '{"a": +1}', 1, 7, 'unexpected character "+"'],
    ['NaN', '{"a": NaN}', 1, 7, 'unexpected character "N"'],
    ['a capitalised literal', '{"a": True}', 1, 7, 'unexpected character "T"'],
    ['a single-quoted value', '{"a": \'x\'}', 1, 7, 'unexpected character "\'"'],
    ['an unquoted property name', '{a: 1}', 1, 2, 'expected a double-quoted property name, found character "a"'],
    ['a property without a value', '{"a"}', 1, 5, "expected ':' after the property name, found character \"}\""],
    ['text ending after a colon', '{"a":', 1, 6, 'unexpected end of input'],
    ['a comment after the value', '[1] // comment', 1, 5, 'unexpected "/" after the end of the JSON value'],
    // line breaks and tabs: \r\n counts as one line break, a tab as one column; a byte-order mark is refused
    ['CRLF line endings', '\r\n{\r\n  "a": 1,\r\n}', 4, 1, 'trailing comma before }'],
    ['a tab before the error', '{\n\t"a": \t}', 2, 8, 'unexpected character "}"'],
    ['a byte-order mark', '\ufeff{}', 1, 1, 'unexpected character "\ufeff"'],
  ];

  it.each(cases)('%s: %j is at line %d, column %d', (_what, text, line, column, reason) => {
    expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError);
    expect(parseJsonText(text)).toEqual({ ok: false, format: 'JSON', line, column, reason });
  });

  it('reports JSON-looking text that is no YAML either with the JSON error and its line', () => {
    expect(parseYamlOrJsonText('{\n  "a": [1, 2\n  "b": 3\n}')).toEqual({
      ok: false,
      format: 'JSON',
      line: 3,
      column: 3,
      reason: "expected ',' or ']', found character \"\\\"\"",
    });
    expect(parseYamlOrJsonText('[\n  1,\n  2\n')).toEqual({
      ok: false,
      format: 'JSON',
      line: 4,
      column: 1,
      reason: "expected ',' or ']', found end of input",
    });
  });
});
