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
import type { MetadataBearer, MiddlewareStack, RetryStrategyV2 } from '@smithy/types';
import { PatientThrottlingRetryStrategy } from './retry.js';
import { addRegionHint } from './region-hint.js';
import { ReadLedger } from './read-ledger.js';
import { addReadLedger } from './read-middleware.js';
import { realSleep, systemClock } from '../time.js';
import type { Clock, Sleep } from '../time.js';
import type { RegionChoice, RegionSource } from './region-hint.js';

/**
 * 5 attempts (the SDK's default is 3): with adaptive retry and exponential back-off this rides out a burst of
 * ECS throttling of about 10 s without failing the deployment, and still fails fast on a real outage.
 */
export const DEFAULT_MAX_ATTEMPTS = 5;

export interface AwsClientOptions {
  /** The `region` input; empty or undefined falls back to the environment. */
  region?: string | undefined;
  /** Where `region` came from when it is not the `region` input (for the unknown-region hint). */
  regionSource?: 'awslogs-region' | undefined;
  maxAttempts?: number | undefined;
  /** Attempts for a call that keeps being throttled (default THROTTLED_MAX_ATTEMPTS; tests lower it). */
  throttledMaxAttempts?: number | undefined;
  /** Default REQUEST_TIMEOUTS (tests lower them). */
  requestTimeouts?: RequestTimeouts | undefined;
  env: Readonly<Record<string, string | undefined>>;
  /** For the read ledger (its window and shared pause); default the system clock. */
  clock?: Clock | undefined;
  /** How a read waits out the shared pause after throttling; default a real timer. */
  sleep?: Sleep | undefined;
}

export interface AwsClients {
  readonly region: string;
  readonly ecs: ECSClient;
  readonly elb: ElasticLoadBalancingV2Client;
  readonly autoscaling: ApplicationAutoScalingClient;
  readonly logs: CloudWatchLogsClient;
  /** CloudWatch (alarms). */
  readonly cloudwatch: CloudWatchClient;
  /** The run's reads (every wait records its own) and the back-off on throttling all clients share (read-ledger.ts; S7). */
  readonly reads: ReadLedger;
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
  return resolveRegionChoice(input, env).region;
}

/** The region and where it came from: the `region` input, else AWS_REGION, else AWS_DEFAULT_REGION (S12). */
export function resolveRegionChoice(input: string | undefined, env: AwsClientOptions['env']): RegionChoice {
  const candidates: [RegionSource, string | undefined][] = [
    ['input', input],
    ['AWS_REGION', env['AWS_REGION']],
    ['AWS_DEFAULT_REGION', env['AWS_DEFAULT_REGION']],
  ];
  for (const [source, candidate] of candidates) {
    const region = candidate?.trim();
    if (region !== undefined && region !== '') return { region, source };
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
  const resolved = resolveRegionChoice(options.region, options.env);
  const choice: RegionChoice = options.regionSource !== undefined && resolved.source === 'input' ? { ...resolved, source: options.regionSource } : resolved;
  const { region } = choice;
  const reads = new ReadLedger(options.clock ?? systemClock);
  const config = (): AwsClientConfig => ({
    region,
    maxAttempts,
    retryStrategy: new PatientThrottlingRetryStrategy(maxAttempts, options.throttledMaxAttempts, reads),
    requestHandler: { ...(options.requestTimeouts ?? REQUEST_TIMEOUTS), throwOnRequestTimeout: true },
    customUserAgent: USER_AGENT_SUFFIX,
  });
  const sleep = options.sleep ?? realSleep;
  // A region whose endpoints do not resolve is said to be the likely cause (region-hint.ts); every call is told to
  // the run's read ledger (read-middleware.ts).
  const prepare = <I extends object, O extends MetadataBearer>(stack: MiddlewareStack<I, O>): void => {
    addRegionHint(stack, choice);
    addReadLedger(stack, reads, sleep);
  };
  const ecs = lazy(() => constructors.ecs(config()), (c) => prepare(c.middlewareStack));
  const elb = lazy(() => constructors.elb(config()), (c) => prepare(c.middlewareStack));
  const autoscaling = lazy(() => constructors.autoscaling(config()), (c) => prepare(c.middlewareStack));
  const logs = lazy(() => constructors.logs(config()), (c) => prepare(c.middlewareStack));
  const cloudwatch = lazy(() => constructors.cloudwatch(config()), (c) => prepare(c.middlewareStack));
  return {
    region,
    reads,
    get ecs() {
      return ecs();
    },
    get elb() {
      return elb();
    },
    get autoscaling() {
      return autoscaling();
    },
    get logs() {
      return logs();
    },
    get cloudwatch() {
      return cloudwatch();
    },
  };
}

/** Made on first use, then the same one. */
function lazy<C>(make: () => C, prepare: (client: C) => void): () => C {
  let client: C | undefined;
  return () => {
    if (client === undefined) {
      client = make();
      prepare(client);
    }
    return client;
  };
}
