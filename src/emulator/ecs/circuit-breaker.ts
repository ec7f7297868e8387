/**
 * Deployment circuit breaker settings. The failure threshold (ThresholdConfiguration): BOUNDED_PERCENT (default,
 * value 50) = ceil(value% × desired count) clamped to 3..200; UNBOUNDED_PERCENT = the same without the clamp;
 * COUNT = the value itself.
 */
import type { Json, ServiceRec } from './state.js';

export interface BreakerConfig {
  enable: boolean;
  rollback: boolean;
  resetOnHealthyTask: boolean;
  thresholdType: string;
  thresholdValue: number;
}

export function breakerConfig(service: ServiceRec): BreakerConfig {
  const breaker = (service.deploymentConfiguration['deploymentCircuitBreaker'] as Json | undefined) ?? {};
  const threshold = (breaker['thresholdConfiguration'] as Json | undefined) ?? {};
  return {
    enable: breaker['enable'] === true,
    rollback: breaker['rollback'] === true,
    resetOnHealthyTask: breaker['resetOnHealthyTask'] !== false,
    thresholdType: typeof threshold['type'] === 'string' ? threshold['type'] : 'BOUNDED_PERCENT',
    thresholdValue: typeof threshold['value'] === 'number' ? threshold['value'] : 50,
  };
}

export function breakerThreshold(service: ServiceRec, desiredCount: number): number {
  const { thresholdType, thresholdValue } = breakerConfig(service);
  if (thresholdType === 'COUNT') return Math.max(1, thresholdValue);
  const raw = Math.ceil((thresholdValue / 100) * desiredCount);
  if (thresholdType === 'UNBOUNDED_PERCENT') return Math.max(1, raw);
  return Math.min(200, Math.max(3, raw));
}
