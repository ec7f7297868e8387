/** Classification of AWS SDK errors the task and log loops react to (they match on the error's name/code). */

const THROTTLING_CODES: ReadonlySet<string> = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
]);

function errorName(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const named = e as { name?: unknown; Code?: unknown; code?: unknown };
  for (const v of [named.name, named.Code, named.code]) if (typeof v === 'string' && v !== 'Error') return v;
  return undefined;
}

export function isThrottlingError(e: unknown): boolean {
  const name = errorName(e);
  if (name !== undefined && THROTTLING_CODES.has(name)) return true;
  const retryable = (e as { $retryable?: { throttling?: boolean } } | null)?.$retryable;
  return retryable?.throttling === true;
}

export function hasErrorName(e: unknown, ...names: string[]): boolean {
  const name = errorName(e);
  return name !== undefined && names.includes(name);
}
