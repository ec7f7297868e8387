/**
 * How the actions read AWS SDK errors. Which errors a polling loop may ride out (S7): throttling and transient faults are retried within the
 * deadline with back-off; everything else (ServiceNotFoundException, AccessDeniedException, ClientException...)
 * is the caller's to report.
 */
export type AwsErrorKind = 'throttling' | 'transient' | 'fatal';

const THROTTLING_CODES = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'PriorRequestNotComplete',
]);

const TRANSIENT_CODES = new Set([
  'ServerException',
  'InternalFailure',
  'InternalServerError',
  'InternalError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
]);

const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ECONNABORTED']);

interface SdkErrorShape {
  name?: unknown;
  code?: unknown;
  $retryable?: { throttling?: boolean };
  $metadata?: { httpStatusCode?: number };
}

export function classifyAwsError(e: unknown): AwsErrorKind {
  if (typeof e !== 'object' || e === null) return 'fatal';
  const err = e as SdkErrorShape;
  const name = typeof err.name === 'string' ? err.name : '';
  const status = err.$metadata?.httpStatusCode;
  if (THROTTLING_CODES.has(name) || err.$retryable?.throttling === true || status === 429) return 'throttling';
  if (TRANSIENT_CODES.has(name) || err.$retryable !== undefined) return 'transient';
  if (status !== undefined && status >= 500) return 'transient';
  if (typeof err.code === 'string' && NETWORK_CODES.has(err.code)) return 'transient';
  return 'fatal';
}

export function isThrottlingError(e: unknown): boolean {
  return classifyAwsError(e) === 'throttling';
}

/** True when the error's name (the AWS error code, e.g. `ResourceNotFoundException`) is one of `names`. */
export function hasErrorName(e: unknown, ...names: string[]): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const named = e as { name?: unknown; Code?: unknown; code?: unknown };
  return [named.name, named.Code, named.code].some((v) => typeof v === 'string' && v !== 'Error' && names.includes(v));
}
