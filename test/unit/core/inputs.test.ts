import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../../../src/core/errors.js';
import { Inputs } from '../../../src/core/inputs.js';

const DECLARED = ['cluster', 'count', 'ratio', 'flag', 'mode', 'overrides', 'spec', 'subnets', 'a', 'b'];

function inputs(values: Record<string, string>): Inputs {
  return new Inputs((name) => values[name] ?? '', DECLARED);
}

/** The ConfigurationError thrown by `fn` (fails the test when it does not throw one). */
function configError(fn: () => unknown): ConfigurationError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigurationError) return e;
    throw new Error(`expected a ConfigurationError, got ${String(e)}`);
  }
  throw new Error('expected a ConfigurationError, nothing was thrown');
}

describe('Inputs', () => {
  it('refuses to read an undeclared input with a plain Error (a programming bug)', () => {
    const i = inputs({ other: 'x' });
    expect(() => i.optional('other')).toThrow(/BUG: input 'other' is read but not declared/);
    expect(() => i.optional('other')).not.toThrow(ConfigurationError);
  });

  describe('required / optional', () => {
    it('returns the trimmed value', () => {
      expect(inputs({ cluster: '  prod \n' }).required('cluster')).toBe('prod');
      expect(inputs({ cluster: 'prod' }).optional('cluster')).toBe('prod');
    });
    it('required names the missing input', () => {
      const e = configError(() => inputs({}).required('cluster'));
      expect(e.location).toEqual({ input: 'cluster' });
      expect(e.message).toBe("input 'cluster': a value is required");
    });
    it('optional is undefined when empty or blank', () => {
      expect(inputs({}).optional('cluster')).toBeUndefined();
      expect(inputs({ cluster: '   ' }).optional('cluster')).toBeUndefined();
      expect(inputs({ cluster: ' ' }).has('cluster')).toBe(false);
      expect(inputs({ cluster: 'x' }).has('cluster')).toBe(true);
    });
  });

  describe('boolean', () => {
    it.each(['true', 'True', 'TRUE'])('accepts %s as true', (v) => {
      expect(inputs({ flag: v }).boolean('flag', false)).toBe(true);
    });
    it.each(['false', 'False', 'FALSE'])('accepts %s as false', (v) => {
      expect(inputs({ flag: v }).boolean('flag', true)).toBe(false);
    });
    it('uses the default when unset', () => {
      expect(inputs({}).boolean('flag', true)).toBe(true);
      expect(inputs({}).boolean('flag', false)).toBe(false);
    });
    it.each(['yes', 'no', '1', '0', 'tRUE', 'on'])('rejects %s, naming the input and the value', (v) => {
      const e = configError(() => inputs({ flag: v }).boolean('flag', false));
      expect(e.location.input).toBe('flag');
      expect(e.message).toBe(`input 'flag': expected a boolean (true or false), got '${v}'`);
    });
  });

  describe('integer', () => {
    it('parses whole numbers within bounds', () => {
      expect(inputs({ count: '3' }).integer('count', { min: 0 })).toBe(3);
      expect(inputs({ count: '+7' }).integer('count')).toBe(7);
      expect(inputs({ count: '0' }).integer('count', { min: 0, max: 10 })).toBe(0);
      expect(inputs({ count: '10' }).integer('count', { min: 0, max: 10 })).toBe(10);
    });
    it('returns the default, or undefined, when unset', () => {
      expect(inputs({}).integer('count', { min: 1, default: 30 })).toBe(30);
      expect(inputs({}).integer('count', { min: 1 })).toBeUndefined();
    });
    it('rejects a negative count, stating the bound', () => {
      const e = configError(() => inputs({ count: '-1' }).integer('count', { min: 0 }));
      expect(e.message).toBe("input 'count': expected a whole number of at least 0, got '-1'");
    });
    it('rejects values out of bounds, stating both bounds', () => {
      expect(() => inputs({ count: '361' }).integer('count', { min: 1, max: 360 })).toThrow(
        "input 'count': expected a whole number from 1 to 360, got '361'",
      );
      expect(() => inputs({ count: '11' }).integer('count', { max: 10 })).toThrow('of at most 10');
    });
    it.each(['1.5', 'abc', '1e3', '0x10', '12abc', '9007199254740993'])('rejects non-integer %s', (v) => {
      const e = configError(() => inputs({ count: v }).integer('count'));
      expect(e.message).toBe(`input 'count': expected a whole number, got '${v}'`);
    });
  });

  describe('number', () => {
    it('parses decimals within bounds', () => {
      expect(inputs({ ratio: '0.25' }).number('ratio', { min: 0, max: 1 })).toBe(0.25);
      expect(inputs({ ratio: '.5' }).number('ratio')).toBe(0.5);
      expect(inputs({ ratio: '1e2' }).number('ratio')).toBe(100);
      expect(inputs({}).number('ratio', { default: 1.5 })).toBe(1.5);
      expect(inputs({}).number('ratio')).toBeUndefined();
    });
    it.each(['abc', 'NaN', 'Infinity', '1,5', '1e999'])('rejects %s', (v) => {
      expect(() => inputs({ ratio: v }).number('ratio')).toThrow(`input 'ratio': expected a number, got '${v}'`);
    });
    it('rejects out of bounds', () => {
      expect(() => inputs({ ratio: '1.5' }).number('ratio', { min: 0, max: 1 })).toThrow(
        "expected a number from 0 to 1, got '1.5'",
      );
    });
  });

  describe('enumValue', () => {
    const allowed = ['deploy', 'rollback'] as const;
    it('returns the allowed value, matching case-insensitively to the canonical spelling', () => {
      expect(inputs({ mode: 'rollback' }).enumValue('mode', allowed, 'deploy')).toBe('rollback');
      expect(inputs({ mode: 'Rollback' }).enumValue('mode', allowed, 'deploy')).toBe('rollback');
      expect(inputs({}).enumValue('mode', allowed, 'deploy')).toBe('deploy');
      expect(inputs({}).enumValue('mode', allowed)).toBeUndefined();
    });
    it('rejects other values, listing the allowed ones', () => {
      const e = configError(() => inputs({ mode: 'canary' }).enumValue('mode', allowed, 'deploy'));
      expect(e.message).toBe("input 'mode': expected one of 'deploy', 'rollback', got 'canary'");
    });
  });

  describe('json', () => {
    it('parses JSON, undefined when unset', () => {
      expect(inputs({ overrides: '{"a": [1, 2]}' }).json('overrides')).toEqual({ a: [1, 2] });
      expect(inputs({}).json('overrides')).toBeUndefined();
    });
    it('names the input and the line of a syntax error', () => {
      const e = configError(() => inputs({ overrides: '{\n  "a": 1,\n  "b": \n}' }).json('overrides'));
      expect(e.location).toEqual({ input: 'overrides' });
      expect(e.message).toMatch(/^input 'overrides': invalid JSON at line 4, column 1: /);
    });
    it('does not accept YAML', () => {
      expect(() => inputs({ overrides: 'a: 1' }).json('overrides')).toThrow(/invalid JSON at line 1/);
    });
  });

  describe('yamlOrJson', () => {
    it('parses YAML and JSON by content', () => {
      expect(inputs({ spec: 'a: 1\nb:\n  - x\n' }).yamlOrJson('spec')).toEqual({ a: 1, b: ['x'] });
      expect(inputs({ spec: '{"a": 1}' }).yamlOrJson('spec')).toEqual({ a: 1 });
      expect(inputs({ spec: '{a: 1}' }).yamlOrJson('spec')).toEqual({ a: 1 });
      expect(inputs({}).yamlOrJson('spec')).toBeUndefined();
    });
    it('names the input and the line of a YAML error', () => {
      const e = configError(() => inputs({ spec: 'a: 1\nb: [1, 2\nc: 3' }).yamlOrJson('spec'));
      expect(e.location.input).toBe('spec');
      expect(e.message).toMatch(/^input 'spec': invalid YAML at line \d+, column \d+: /);
    });
    it('reports a duplicate key with its line', () => {
      expect(() => inputs({ spec: 'a: 1\nb: 2\na: 3' }).yamlOrJson('spec')).toThrow(/invalid YAML at line 3, column 1/);
    });
    it('reports a JSON error when the text starts like JSON', () => {
      expect(() => inputs({ spec: '{\n "a": 1,,\n}' }).yamlOrJson('spec')).toThrow(
        /input 'spec': invalid JSON at line 2, column 9: expected a double-quoted property name/,
      );
    });
  });

  describe('list', () => {
    it('splits on newlines and commas, trims, drops empties', () => {
      expect(inputs({ subnets: 'subnet-1, subnet-2\n\n subnet-3 ,\n,subnet-4' }).list('subnets')).toEqual([
        'subnet-1',
        'subnet-2',
        'subnet-3',
        'subnet-4',
      ]);
      expect(inputs({}).list('subnets')).toEqual([]);
    });
  });

  describe('exclusive', () => {
    it('returns the one that is set', () => {
      expect(inputs({ a: 'x' }).exclusive('a', 'b')).toEqual({ name: 'a', value: 'x' });
      expect(inputs({ b: 'y' }).exclusive('a', 'b')).toEqual({ name: 'b', value: 'y' });
      expect(inputs({}).exclusive('a', 'b')).toBeUndefined();
    });
    it('refuses both', () => {
      const e = configError(() => inputs({ a: 'x', b: 'y' }).exclusive('a', 'b'));
      expect(e.message).toBe("input 'a': give either 'a' or 'b', not both");
    });
    it('with required, refuses neither', () => {
      expect(() => inputs({}).exclusive('a', 'b', { required: true })).toThrow(
        "input 'a': one of 'a' or 'b' is required",
      );
    });
  });
});
