/**
 * The one factory for AWS SDK clients. Region: the `region` input, else AWS_REGION, else AWS_DEFAULT_REGION.
 * Credentials come from the SDK's default chain (S12), e.g. what aws-actions/configure-aws-credentials exported.
 * Retries: adaptive mode (client-side rate limiting on throttling errors) with DEFAULT_MAX_ATTEMPTS attempts per
 * call, because deployments poll describe calls that ECS throttles per account; a call that keeps being throttled
 * gets up to THROTTLED_MAX_ATTEMPTS (retry.ts), so a burst of concurrent deployments does not fail on rate limits.
 * Endpoints: no custom logic. The SDK itself honours AWS_ENDPOINT_URL_<SERVICE> (e.g. AWS_ENDPOINT_URL_ECS) and
 * AWS_ENDPOINT_URL, which is how tests point the real SDK at the emulator.
 * Clients are built on first use, so an action that fails validation constructs none.
 */
import { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { ECSClient } from '@aws-sdk/client-ecs';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { ConfigurationError } from '../errors.js';
import { USER_AGENT_SUFFIX } from '../version.js';
import type { RetryStrategyV2 } from '@smithy/types';
import { PatientThrottlingRetryStrategy } from './retry.js';

/**
 * 5 attempts (the SDK's default is 3): with adaptive retry and exponential back-off this rides out a burst of
 * ECS throttling of about 10 s without failing the deployment, and still fails fast on a real outage.
 */
export const DEFAULT_MAX_ATTEMPTS = 5;

export interface AwsClientOptions {
  /** The `region` input; empty or undefined falls back to the environment. */
  region?: string | undefined;
  maxAttempts?: number | undefined;
  /** Attempts for a call that keeps being throttled (default THROTTLED_MAX_ATTEMPTS; tests lower it). */
  throttledMaxAttempts?: number | undefined;
  /** Default REQUEST_TIMEOUTS (tests lower them). */
  requestTimeouts?: RequestTimeouts | undefined;
  env: Readonly<Record<string, string | undefined>>;
}

export interface AwsClients {
  readonly region: string;
  readonly ecs: ECSClient;
  readonly elb: ElasticLoadBalancingV2Client;
  readonly autoscaling: ApplicationAutoScalingClient;
  readonly logs: CloudWatchLogsClient;
  /** CloudWatch (alarms). */
  readonly cloudwatch: CloudWatchClient;
}

/** The configuration every client gets. */
export interface AwsClientConfig {
  region: string;
  maxAttempts: number;
  /** Adaptive retry, patient with throttling (retry.ts); one per client, as the rate limiter is per client. */
  retryStrategy: RetryStrategyV2;
  /** Bounded waits on the network, so a stuck connection cannot outlast the action's deadline (S7). */
  requestHandler: RequestTimeouts & { throwOnRequestTimeout: true };
  customUserAgent: string;
}

export interface RequestTimeouts {
  connectionTimeout: number;
  requestTimeout: number;
}

/** Connecting takes milliseconds; no ECS, ELBv2, Auto Scaling, Logs or CloudWatch call we make answers in more than seconds.
 * A timed-out request fails with TimeoutError, which the retry strategy and the polling loops treat as transient. */
export const REQUEST_TIMEOUTS: RequestTimeouts = { connectionTimeout: 5_000, requestTimeout: 30_000 };

/** How each client is constructed (tests substitute recording constructors). */
export interface AwsClientConstructors {
  ecs(config: AwsClientConfig): ECSClient;
  elb(config: AwsClientConfig): ElasticLoadBalancingV2Client;
  autoscaling(config: AwsClientConfig): ApplicationAutoScalingClient;
  logs(config: AwsClientConfig): CloudWatchLogsClient;
  cloudwatch(config: AwsClientConfig): CloudWatchClient;
}

export const sdkConstructors: AwsClientConstructors = {
  ecs: (c) => new ECSClient(c),
  elb: (c) => new ElasticLoadBalancingV2Client(c),
  autoscaling: (c) => new ApplicationAutoScalingClient(c),
  logs: (c) => new CloudWatchLogsClient(c),
  cloudwatch: (c) => new CloudWatchClient(c),
};

export function resolveRegion(input: string | undefined, env: AwsClientOptions['env']): string {
  for (const candidate of [input, env['AWS_REGION'], env['AWS_DEFAULT_REGION']]) {
    const region = candidate?.trim();
    if (region !== undefined && region !== '') return region;
  }
  throw new ConfigurationError(
    'no AWS region: set this input, or AWS_REGION / AWS_DEFAULT_REGION (aws-actions/configure-aws-credentials sets them)',
    { input: 'region' },
  );
}

export function createAwsClients(
  options: AwsClientOptions,
  constructors: AwsClientConstructors = sdkConstructors,
): AwsClients {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new ConfigurationError(`max attempts must be a whole number of at least 1, got ${maxAttempts}`, {
      input: 'max-attempts',
    });
  }
  const region = resolveRegion(options.region, options.env);
  const config = (): AwsClientConfig => ({
    region,
    maxAttempts,
    retryStrategy: new PatientThrottlingRetryStrategy(maxAttempts, options.throttledMaxAttempts),
    requestHandler: { ...(options.requestTimeouts ?? REQUEST_TIMEOUTS), throwOnRequestTimeout: true },
    customUserAgent: USER_AGENT_SUFFIX,
  });
  let ecs: ECSClient | undefined;
  let elb: ElasticLoadBalancingV2Client | undefined;
  let autoscaling: ApplicationAutoScalingClient | undefined;
  let logs: CloudWatchLogsClient | undefined;
  let cloudwatch: CloudWatchClient | undefined;
  return {
    region,
    get ecs() {
      return (ecs ??= constructors.ecs(config()));
    },
    get elb() {
      return (elb ??= constructors.elb(config()));
    },
    get autoscaling() {
      return (autoscaling ??= constructors.autoscaling(config()));
    },
    get logs() {
      return (logs ??= constructors.logs(config()));
    },
    get cloudwatch() {
      return (cloudwatch ??= constructors.cloudwatch(config()));
    },
  };
}
