/**
 * The retry strategy every client gets: the SDK's adaptive mode (client-side rate limiting, exponential back-off
 * with jitter), where a throttled call is retried more patiently than other failures. Under an API rate limit
 * (many deployments at once) a mutation such as UpdateService may be throttled many times in a row; failing the
 * deployment after `maxAttempts` throttles would report a problem that waiting a little longer solves. Other
 * retryable errors (5xx, timeouts) keep the `max-attempts` limit.
 */
import { AdaptiveRetryStrategy } from '@smithy/core/retry';
import type { RetryErrorInfo, RetryStrategyV2, RetryToken, StandardRetryToken } from '@smithy/types';
import type { ReadLedger } from './read-ledger.js';

/** Attempts for a call that keeps being throttled: with the SDK's throttling back-off (0.5 s doubling, capped at
 * 20 s, full jitter) twelve attempts wait about a minute in all. */
export const THROTTLED_MAX_ATTEMPTS = 12;

export class PatientThrottlingRetryStrategy implements RetryStrategyV2 {
  readonly mode = 'adaptive';
  private readonly inner: AdaptiveRetryStrategy;
  /** Never fewer attempts for a throttled call than for any other. */
  private readonly throttledMaxAttempts: number;

  constructor(
    private readonly maxAttempts: number,
    throttledMaxAttempts: number = THROTTLED_MAX_ATTEMPTS,
    /** Told of each throttled attempt and each success: the back-off every wait of the run shares (read-ledger.ts). */
    private readonly ledger?: ReadLedger,
  ) {
    this.throttledMaxAttempts = Math.max(maxAttempts, throttledMaxAttempts);
    const ceiling = this.throttledMaxAttempts;
    this.inner = new AdaptiveRetryStrategy(async () => ceiling);
  }

  acquireInitialRetryToken(retryTokenScope: string): Promise<RetryToken> {
    return this.inner.acquireInitialRetryToken(retryTokenScope);
  }

  refreshRetryTokenForRetry(token: RetryToken, errorInfo: RetryErrorInfo): Promise<RetryToken> {
    if (errorInfo.errorType === 'THROTTLING') this.ledger?.throttled();
    const attempts = token.getRetryCount() + 1;
    const limit = errorInfo.errorType === 'THROTTLING' ? this.throttledMaxAttempts : this.maxAttempts;
    if (attempts >= limit) return Promise.reject(new Error('No retry token available'));
    return this.inner.refreshRetryTokenForRetry(token as StandardRetryToken, errorInfo);
  }

  recordSuccess(token: RetryToken): void {
    this.ledger?.succeeded();
    this.inner.recordSuccess(token as StandardRetryToken);
  }
}
