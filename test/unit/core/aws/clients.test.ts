import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { ListClustersCommand } from '@aws-sdk/client-ecs';
import {
  DEFAULT_MAX_ATTEMPTS,
  createAwsClients,
  resolveRegion,
  type AwsClientConfig,
  type AwsClientConstructors,
} from '../../../../src/core/aws/clients.js';
import { ConfigurationError, describeError } from '../../../../src/core/errors.js';
import { USER_AGENT_SUFFIX } from '../../../../src/core/version.js';
import { PatientThrottlingRetryStrategy } from '../../../../src/core/aws/retry.js';

describe('resolveRegion', () => {
  it('prefers the input, then AWS_REGION, then AWS_DEFAULT_REGION, ignoring blanks', () => {
    const env = { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'us-east-1' };
    expect(resolveRegion('ap-south-1', env)).toBe('ap-south-1');
    expect(resolveRegion(undefined, env)).toBe('eu-west-1');
    expect(resolveRegion('  ', env)).toBe('eu-west-1');
    expect(resolveRegion('', { AWS_REGION: '', AWS_DEFAULT_REGION: 'us-east-1' })).toBe('us-east-1');
  });
  it('without any, is a ConfigurationError naming the region input', () => {
    expect(() => resolveRegion(undefined, {})).toThrow(ConfigurationError);
    expect(() => resolveRegion(undefined, {})).toThrow(/^input 'region': no AWS region/);
  });
});

describe('createAwsClients (recording constructors)', () => {
  function recording(): { ctors: AwsClientConstructors; built: [string, AwsClientConfig][]; middleware: string[] } {
    const built: [string, AwsClientConfig][] = [];
    const middleware: string[] = [];
    const record = <T>(name: string) => (config: AwsClientConfig): T => {
      built.push([name, config]);
      const middlewareStack = {
        add: (_m: unknown, options: { step: string; name: string }) => middleware.push(`${name}: ${options.step} ${options.name}`),
        addRelativeTo: (_m: unknown, options: { relation: string; toMiddleware: string; name: string }) =>
          middleware.push(`${name}: ${options.relation} ${options.toMiddleware} ${options.name}`),
      };
      return { name, middlewareStack } as T;
    };
    return {
      built,
      middleware,
      ctors: { ecs: record('ecs'), elb: record('elb'), autoscaling: record('autoscaling'), logs: record('logs'), cloudwatch: record('cloudwatch') },
    };
  }

  it('gives every client the region hint, outside the retries, and the read ledger, inside them (each attempt)', () => {
    const { ctors, middleware } = recording();
    const clients = createAwsClients({ env: { AWS_REGION: 'eu-west-1' } }, ctors);
    void [clients.ecs, clients.elb, clients.autoscaling, clients.logs, clients.ecs];
    expect(middleware).toEqual(
      ['ecs', 'elb', 'autoscaling', 'logs'].flatMap((n) => [`${n}: initialize ecsDeliveryRegionHint`, `${n}: after retryMiddleware ecsDeliveryReadLedger`]),
    );
  });

  it('constructs nothing until a client is used, then each once, with region, adaptive retry and user agent', () => {
    const { ctors, built } = recording();
    const clients = createAwsClients({ env: { AWS_REGION: 'eu-west-1' } }, ctors);
    expect(clients.region).toBe('eu-west-1');
    expect(built).toEqual([]);
    const ecs = clients.ecs;
    expect(clients.ecs).toBe(ecs);
    void clients.logs;
    const expected = { region: 'eu-west-1', maxAttempts: DEFAULT_MAX_ATTEMPTS, retryStrategy: expect.any(PatientThrottlingRetryStrategy), requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000, throwOnRequestTimeout: true }, customUserAgent: USER_AGENT_SUFFIX };
    expect(built).toEqual([
      ['ecs', expected],
      ['logs', expected],
    ]);
    // One retry strategy per client: the adaptive rate limiter is per client.
    expect(built[0]?.[1].retryStrategy).not.toBe(built[1]?.[1].retryStrategy);
    void clients.elb;
    void clients.autoscaling;
    expect(built.map(([n]) => n)).toEqual(['ecs', 'logs', 'elb', 'autoscaling']);
    void clients.cloudwatch;
    void clients.cloudwatch;
    expect(built.map(([n]) => n)).toEqual(['ecs', 'logs', 'elb', 'autoscaling', 'cloudwatch']);
    expect(built[4]?.[1]).toEqual(expected);
  });

  it('fails on a missing region before constructing anything', () => {
    const { ctors, built } = recording();
    expect(() => createAwsClients({ region: undefined, env: {} }, ctors)).toThrow(/input 'region'/);
    expect(built).toEqual([]);
  });

  it('takes max attempts, and refuses a value below 1', () => {
    const { ctors, built } = recording();
    void createAwsClients({ region: 'us-east-1', maxAttempts: 8, env: {} }, ctors).ecs;
    expect(built[0]?.[1].maxAttempts).toBe(8);
    expect(() => createAwsClients({ region: 'us-east-1', maxAttempts: 0, env: {} }, ctors)).toThrow(
      "input 'max-attempts': max attempts must be a whole number of at least 1, got 0",
    );
    expect(() => createAwsClients({ region: 'us-east-1', maxAttempts: 2.5, env: {} }, ctors)).toThrow(ConfigurationError);
  });
});

describe('createAwsClients (real SDK clients)', () => {
  it('configures the SDK clients themselves', async () => {
    const clients = createAwsClients({ region: 'us-west-2', maxAttempts: 7, env: {} });
    for (const client of [clients.ecs, clients.elb, clients.autoscaling, clients.logs, clients.cloudwatch]) {
      expect(await client.config.region()).toBe('us-west-2');
      expect(await client.config.maxAttempts()).toBe(7);
      const strategy = (await client.config.retryStrategy()) as { mode?: string };
      expect(strategy.mode).toBe('adaptive');
    }
  });
});

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A loopback server answering every request with `reply`; records what arrived. */
async function loopback(reply: (r: Received) => { status: number; headers: Record<string, string>; body: string }): Promise<{
  url: string;
  received: Received[];
  close(): Promise<void>;
}> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(r);
      const out = reply(r);
      res.writeHead(out.status, out.headers);
      res.end(out.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** S12: no endpoint logic of ours; the SDK honours AWS_ENDPOINT_URL_<SERVICE> and AWS_ENDPOINT_URL by itself. */
describe('endpoints from the environment (S12)', () => {
  const VARS = [
    'AWS_ENDPOINT_URL',
    'AWS_ENDPOINT_URL_ECS',
    'AWS_ENDPOINT_URL_CLOUDWATCH_LOGS',
    'AWS_ENDPOINT_URL_CLOUDWATCH',
    'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS',
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
    'AWS_PROFILE',
    'AWS_CONFIG_FILE',
    'AWS_SHARED_CREDENTIALS_FILE',
    'AWS_REGION',
    'AWS_DEFAULT_REGION',
  ];
  const saved = new Map<string, string | undefined>();
  beforeEach(() => {
    for (const v of VARS) {
      saved.set(v, process.env[v]);
      delete process.env[v];
    }
    const nowhere = join(tmpdir(), 'ecs-delivery-actions-no-aws-config');
    process.env['AWS_CONFIG_FILE'] = nowhere;
    process.env['AWS_SHARED_CREDENTIALS_FILE'] = nowhere;
    process.env['AWS_ACCESS_KEY_ID'] = 'AKIDEXAMPLETEST';
    process.env['AWS_SECRET_ACCESS_KEY'] = 'dummy-secret-for-loopback-test';
  });
  afterEach(() => {
    for (const [v, value] of saved) {
      if (value === undefined) delete process.env[v];
      else process.env[v] = value;
    }
  });

  const json = (body: unknown, status = 200, requestId = 'loopback-req-1') => ({
    status,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId },
    body: JSON.stringify(body),
  });

  it('sends ECS calls to AWS_ENDPOINT_URL_ECS, signed, with our user agent suffix', async () => {
    const server = await loopback(() => json({ clusterArns: ['arn:aws:ecs:us-west-2:123456789012:cluster/default'] }));
    try {
      process.env['AWS_ENDPOINT_URL_ECS'] = server.url;
      const clients = createAwsClients({ region: 'us-west-2', env: {} });
      const out = await clients.ecs.send(new ListClustersCommand({}));
      expect(out.clusterArns).toEqual(['arn:aws:ecs:us-west-2:123456789012:cluster/default']);
      expect(server.received).toHaveLength(1);
      const [req] = server.received;
      expect(req?.method).toBe('POST');
      expect(req?.headers['x-amz-target']).toBe('AmazonEC2ContainerServiceV20141113.ListClusters');
      expect(req?.headers['user-agent']).toContain(USER_AGENT_SUFFIX);
      expect(req?.headers['authorization']).toContain('Credential=AKIDEXAMPLETEST/');
      expect(req?.headers['authorization']).toContain('/us-west-2/ecs/aws4_request');
    } finally {
      await server.close();
    }
  });

  it('sends other services to the global AWS_ENDPOINT_URL', async () => {
    const server = await loopback(() => json({ logGroups: [] }));
    try {
      process.env['AWS_ENDPOINT_URL'] = server.url;
      const clients = createAwsClients({ env: { AWS_REGION: 'eu-central-1' } });
      await clients.logs.send(new DescribeLogGroupsCommand({}));
      expect(server.received[0]?.headers['x-amz-target']).toBe('Logs_20140328.DescribeLogGroups');
      expect(server.received[0]?.headers['user-agent']).toContain(USER_AGENT_SUFFIX);
    } finally {
      await server.close();
    }
  });

  it('sends CloudWatch calls to AWS_ENDPOINT_URL_CLOUDWATCH in the JSON 1.0 protocol the client speaks', async () => {
    const server = await loopback(() => ({
      status: 200,
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'loopback-cw-1' },
      body: JSON.stringify({ MetricAlarms: [{ AlarmName: 'web-cpu-high', StateValue: 'OK' }] }),
    }));
    try {
      process.env['AWS_ENDPOINT_URL_CLOUDWATCH'] = server.url;
      const clients = createAwsClients({ region: 'us-west-2', env: {} });
      const out = await clients.cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: ['web-cpu-high'] }));
      expect(out.MetricAlarms?.[0]).toMatchObject({ AlarmName: 'web-cpu-high', StateValue: 'OK' });
      expect(server.received[0]?.headers['x-amz-target']).toBe('GraniteServiceVersion20100801.DescribeAlarms');
      expect(server.received[0]?.headers['authorization']).toContain('/us-west-2/monitoring/aws4_request');
    } finally {
      await server.close();
    }
  });

  it('gives up on a request that is never answered after the request timeout, as a TimeoutError', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      process.env['AWS_ENDPOINT_URL_ECS'] = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
      const clients = createAwsClients({
        region: 'us-west-2',
        maxAttempts: 1,
        requestTimeouts: { connectionTimeout: 200, requestTimeout: 300 },
        env: {},
      });
      await expect(clients.ecs.send(new ListClustersCommand({}))).rejects.toMatchObject({ name: 'TimeoutError' });
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('retries other retryable errors up to max attempts', async () => {
    const server = await loopback(() => json({ __type: 'InternalFailure', message: 'boom' }, 500, 'req-500'));
    try {
      process.env['AWS_ENDPOINT_URL_ECS'] = server.url;
      const clients = createAwsClients({ region: 'us-west-2', maxAttempts: 2, throttledMaxAttempts: 4, env: {} });
      await expect(clients.ecs.send(new ListClustersCommand({}))).rejects.toThrow('boom');
      expect(server.received).toHaveLength(2);
    } finally {
      await server.close();
    }
  });

  it('retries throttling longer than max attempts (up to the throttled limit), then surfaces code and request id', async () => {
    const server = await loopback(() =>
      json({ __type: 'ThrottlingException', message: 'Rate exceeded' }, 400, 'throttled-req-9'),
    );
    try {
      process.env['AWS_ENDPOINT_URL_ECS'] = server.url;
      const clients = createAwsClients({ region: 'us-west-2', maxAttempts: 2, throttledMaxAttempts: 3, env: {} });
      const error = await clients.ecs.send(new ListClustersCommand({})).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(server.received).toHaveLength(3);
      expect(describeError(error)).toBe('ThrottlingException: Rate exceeded (HTTP 400, request id throttled-req-9)');
    } finally {
      await server.close();
    }
  });
});
