/** Reading back the text a scalar was written as (issue 10, defect 1). */
import { describe, expect, it } from '@jest/globals';
import { parseDocument } from 'yaml';
import { keepKeyText, nodeAtPath, scalarTextOf } from '../../../../src/core/io/scalar-text.js';

const doc = (text: string) => parseDocument(text, { merge: true });

describe('scalarTextOf', () => {
  it('gives the source of a number or boolean at a path, through lists and aliases', () => {
    const d = doc('a: [x, 0123]\nb: &b 1.10\nc: *b\nd: True\n');
    const text = scalarTextOf(d);
    expect(text(['a', 1], 123)).toBe('0123');
    expect(text(['c'], 1.1)).toBe('1.10');
    expect(text(['d'], true)).toBe('True');
  });

  it('gives nothing when the node there does not hold that very value, or is not a scalar, or is absent', () => {
    const text = scalarTextOf(doc('a: 0123\nb: {c: 1}\n'));
    expect(text(['a'], 124)).toBeUndefined();
    expect(text(['a'], '0123')).toBeUndefined();
    expect(text(['b'], 1)).toBeUndefined();
    expect(text(['z'], 1)).toBeUndefined();
    expect(text(['a', 0], 123)).toBeUndefined();
  });

  it('reads JSON number tokens as written', () => {
    const text = scalarTextOf(doc('{"a": [{"v": 1.10}, {"v": 12345678901234567890}]}'));
    expect(text(['a', 0, 'v'], 1.1)).toBe('1.10');
    expect(text(['a', 1, 'v'], 12345678901234567890)).toBe('12345678901234567890');
  });
});

describe('nodeAtPath', () => {
  it('prefers a map own member over merged ones, and the first merge source over later ones', () => {
    const d = doc('x: &x {a: 1, b: 2}\ny: &y {b: 3, c: 4}\nz:\n  <<: [*x, *y]\n  a: 5\n');
    const value = (path: (string | number)[]) => (nodeAtPath(d, path)?.node as { value?: unknown } | undefined)?.value;
    expect(value(['z', 'a'])).toBe(5);
    expect(value(['z', 'b'])).toBe(2);
    expect(value(['z', 'c'])).toBe(4);
    expect(nodeAtPath(d, ['z', 'd'])).toBeUndefined();
    expect(d.toJS()).toMatchObject({ z: { a: 5, b: 2, c: 4 } });
  });

  it('takes the last of two keys that name the same member, as toJS does', () => {
    const d = doc('m: {1: 5, "1": 6}\n');
    keepKeyText(d);
    expect(d.toJS()).toEqual({ m: { '1': 6 } });
    expect(scalarTextOf(d)(['m', '1'], 6)).toBe('6');
  });
});

describe('keepKeyText', () => {
  it('keeps number and boolean keys as written; string and null keys are unchanged', () => {
    const d = doc('0042: a\n1.10: b\nTrue: c\nyes: d\n~: e\n');
    keepKeyText(d);
    expect(d.toJS()).toEqual({ '0042': 'a', '1.10': 'b', True: 'c', yes: 'd', '': 'e' });
  });
});
