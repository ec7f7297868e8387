import { describe, expect, it } from '@jest/globals';
import { JsonScanner, JsonSyntax } from '../../../../src/core/io/json-scanner.js';
import { locateJsonError } from '../../../../src/core/io/structured-text.js';

function scan(text: string): unknown {
  try {
    new JsonScanner(text).document();
    return undefined;
  } catch (e) {
    return e;
  }
}

describe('JsonScanner', () => {
  it('accepts deeply nested valid JSON', () => {
    const text = '[{"a": '.repeat(5000) + '1' + '}]'.repeat(5000);
    expect(() => JSON.parse(text) as unknown).not.toThrow();
    expect(scan(text)).toBeUndefined();
  });

  it('throws a JsonSyntax (an Error) with the offset and reason of the first error', () => {
    const e = scan('[1, 2,]');
    expect(e).toBeInstanceOf(JsonSyntax);
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ offset: 6, reason: 'trailing comma before ]', message: 'trailing comma before ]' });
  });

  it('locates errors however deep the nesting, without overflowing the call stack', () => {
    expect(locateJsonError('['.repeat(200_000))).toEqual({ offset: 200_000, reason: 'unexpected end of input' });
    expect(locateJsonError('{"a":'.repeat(100_000))).toEqual({ offset: 500_000, reason: 'unexpected end of input' });
    const closedTooEarly = '['.repeat(100_000) + ']'.repeat(99_999) + ',';
    expect(locateJsonError(closedTooEarly)).toEqual({ offset: 200_000, reason: 'unexpected end of input' });
  });
});
