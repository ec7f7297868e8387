/** Assertion helpers for thrown errors. */
import { ConfigurationError } from '../../src/core/errors.js';

/** The ConfigurationError `fn` throws (fails the test if it throws something else, or nothing). */
export function configurationErrorOf(fn: () => unknown): ConfigurationError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigurationError) return e;
    throw e;
  }
  throw new Error('expected a ConfigurationError, but the call succeeded');
}
