import { describe, expect, it } from '@jest/globals';
import {
  CancelledError,
  ConfigurationError,
  describeError,
  formatLocated,
  isCancelledError,
  isConfigurationError,
} from '../../../src/core/errors.js';

describe('ConfigurationError', () => {
  it('says where: input, file:line, field', () => {
    expect(new ConfigurationError('a value is required', { input: 'cluster' }).message).toBe(
      "input 'cluster': a value is required",
    );
    const e = new ConfigurationError('expected a number', {
      file: 'deploy/td.yaml',
      line: 12,
      field: 'containerDefinitions[1].portMappings[0].containerPort',
    });
    expect(e.message).toBe(
      'deploy/td.yaml:12, field containerDefinitions[1].portMappings[0].containerPort: expected a number',
    );
    expect(e.detail).toBe('expected a number');
    expect(e.name).toBe('ConfigurationError');
    expect(isConfigurationError(e)).toBe(true);
    expect(isConfigurationError(new Error('x'))).toBe(false);
  });
  it('formatLocated without a location is the detail', () => {
    expect(formatLocated('plain', {})).toBe('plain');
    expect(formatLocated('d', { file: 'f.json' })).toBe('f.json: d');
    expect(formatLocated('d', { input: 'i', field: '' })).toBe("input 'i': d");
  });
});

describe('CancelledError', () => {
  it('names the signal', () => {
    const e = new CancelledError('SIGINT');
    expect(e.message).toBe('The workflow was cancelled (SIGINT received)');
    expect(e.signal).toBe('SIGINT');
    expect(isCancelledError(e)).toBe(true);
    expect(isCancelledError(new Error('x'))).toBe(false);
  });
});

describe('describeError', () => {
  it('gives an AWS SDK error its code, status and request id', () => {
    const e = Object.assign(new Error('Rate exceeded'), {
      name: 'ThrottlingException',
      $metadata: { httpStatusCode: 400, requestId: 'abc-1' },
    });
    expect(describeError(e)).toBe('ThrottlingException: Rate exceeded (HTTP 400, request id abc-1)');
  });
  it('handles an AWS error without a message', () => {
    const e = Object.assign(new Error(''), { name: 'AccessDeniedException', $metadata: {} });
    expect(describeError(e)).toBe('AccessDeniedException: (no message)');
  });
  it('gives a plain Error its message, or its name when the message is empty', () => {
    expect(describeError(new Error('boom'))).toBe('boom');
    expect(describeError(new TypeError(''))).toBe('TypeError');
  });
  it('appends the cause chain, bounded', () => {
    expect(describeError(new Error('outer', { cause: new Error('inner') }))).toBe('outer; caused by: inner');
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    (a as { cause?: unknown }).cause = b;
    expect(describeError(a)).toBe('a; caused by: b; caused by: a; caused by: b');
  });
  it('stringifies strings, objects and values JSON cannot represent', () => {
    expect(describeError('text')).toBe('text');
    expect(describeError({ a: 1 })).toBe('{"a":1}');
    expect(describeError(undefined)).toBe('undefined');
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(describeError(cyclic)).toBe('[object Object]');
    expect(describeError(10n)).toBe('10');
  });
});
