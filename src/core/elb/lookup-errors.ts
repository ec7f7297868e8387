/**
 * How a lookup of something the user named fails: a ConfigurationError that names the input (when the caller
 * says which) and what was looked for. ELBv2's own "not found" and ValidationError answers to a lookup are the
 * user's to fix; every other error (access denied, throttling, outages) propagates unchanged.
 */
import { hasErrorName } from '../aws/errors.js';
import { ConfigurationError, describeError } from '../errors.js';
import type { ElbLookupOptions } from './types.js';

export function lookupError(detail: string, opts: ElbLookupOptions): ConfigurationError {
  return new ConfigurationError(detail, opts.input === undefined ? {} : { input: opts.input });
}

/**
 * `e` as the error to throw for a failed lookup of `what` (e.g. `load balancer 'web'`): one of `notFound` (SDK error
 * names) → "<what> not found…"; ValidationError (a malformed name or ARN) → AWS's reason; else `e` itself.
 */
export function lookupFailure(e: unknown, what: string, notFound: readonly string[], opts: ElbLookupOptions): unknown {
  if (hasErrorName(e, ...notFound)) return lookupError(`${what} not found`, opts);
  if (hasErrorName(e, 'ValidationError')) return lookupError(`${what}: ELBv2 refused the name: ${describeError(e)}`, opts);
  return e;
}

const ARN_RE = /^arn:[^:]+:elasticloadbalancing:[^:]*:[^:]*:([a-z-]+)\/.+$/;

export function isArn(ref: string): boolean {
  return ref.startsWith('arn:');
}

/**
 * Checks that `arn` is an ELBv2 ARN of `resource` (`loadbalancer`, `listener`, `listener-rule`, `targetgroup`), so a
 * target group ARN given as a listener is refused with a clear message before any call.
 */
export function checkArnKind(arn: string, resource: string, what: string, opts: ElbLookupOptions): void {
  const kind = ARN_RE.exec(arn)?.[1];
  if (kind === resource) return;
  const seen = kind === undefined ? 'not an Elastic Load Balancing ARN' : `a ${kind} ARN`;
  throw lookupError(`'${arn}' is ${seen}, expected ${what} ARN (…:elasticloadbalancing:…:${resource}/…)`, opts);
}

/**
 * One read of something the user named (`what`), told to `opts.onCall` as `operation`: its ELBv2 "not found"
 * (`notFound`) or ValidationError answer, or no item at all, is a ConfigurationError.
 */
export async function lookupOne<T>(
  what: string,
  operation: string,
  notFound: readonly string[],
  opts: ElbLookupOptions,
  read: () => Promise<T | undefined>,
): Promise<T> {
  let found: T | undefined;
  try {
    opts.onCall?.(operation);
    found = await read();
  } catch (e) {
    throw lookupFailure(e, what, notFound, opts);
  }
  if (found === undefined) throw lookupError(`${what} not found`, opts);
  return found;
}
