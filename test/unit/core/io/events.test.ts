import { describe, expect, it } from '@jest/globals';
import { formatAwsEvent, formatUtcTimestamp } from '../../../../src/core/io/events.js';

describe('formatAwsEvent (S6)', () => {
  it('prints the UTC timestamp with milliseconds and the message', () => {
    const at = new Date(Date.UTC(2024, 4, 1, 13, 4, 5, 123));
    expect(formatAwsEvent(at, '(service web) has reached a steady state.')).toBe(
      '# AWS Event: 2024-05-01 13:04:05.123 (service web) has reached a steady state.',
    );
  });
  it('is UTC whatever the offset the date was written with, and pads every field', () => {
    expect(formatUtcTimestamp(new Date('2024-01-02T03:04:05.006+02:00'))).toBe('2024-01-02 01:04:05.006');
    expect(formatUtcTimestamp(new Date(Date.UTC(2025, 11, 31, 23, 59, 59, 999)))).toBe('2025-12-31 23:59:59.999');
  });
  it('throws on an invalid date instead of printing garbage', () => {
    expect(() => formatAwsEvent(new Date('not a date'), 'x')).toThrow(RangeError);
  });
});
