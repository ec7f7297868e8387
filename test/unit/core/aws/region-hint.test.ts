import { describe, expect, it } from '@jest/globals';
import { ECSClient, ListClustersCommand } from '@aws-sdk/client-ecs';
import { resolveRegionChoice } from '../../../../src/core/aws/clients.js';
import { classifyAwsError } from '../../../../src/core/aws/errors.js';
import { UnresolvedEndpointError, addRegionHint, withRegionHint } from '../../../../src/core/aws/region-hint.js';
import { describeError } from '../../../../src/core/errors.js';

/** The error Node's getaddrinfo gives for a name that does not resolve, as the SDK's HTTP handler passes it on. */
function dnsError(code: 'ENOTFOUND' | 'EAI_AGAIN', hostname: string): Error {
  return Object.assign(new Error(`getaddrinfo ${code} ${hostname}`), { code, errno: -3008, syscall: 'getaddrinfo', hostname });
}

describe('resolveRegionChoice (S12)', () => {
  it('says where the region came from', () => {
    const env = { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'us-east-1' };
    expect(resolveRegionChoice('ap-south-1', env)).toEqual({ region: 'ap-south-1', source: 'input' });
    expect(resolveRegionChoice(' ', env)).toEqual({ region: 'eu-west-1', source: 'AWS_REGION' });
    expect(resolveRegionChoice(undefined, { AWS_DEFAULT_REGION: 'us-east-1' })).toEqual({ region: 'us-east-1', source: 'AWS_DEFAULT_REGION' });
  });
});

describe('withRegionHint', () => {
  it('an AWS endpoint that does not resolve: the region may be wrong, which one, from where; the original is the cause', () => {
    const original = dnsError('ENOTFOUND', 'ecs.eu-fake-9.amazonaws.com');
    const hinted = withRegionHint(original, { region: 'eu-fake-9', source: 'input' });
    expect(hinted).toBeInstanceOf(UnresolvedEndpointError);
    expect(describeError(hinted)).toBe(
      "cannot resolve ecs.eu-fake-9.amazonaws.com: the AWS region may be wrong — this run used region eu-fake-9, from the 'region' input; " +
        'check it (e.g. us-east-1); caused by: getaddrinfo ENOTFOUND ecs.eu-fake-9.amazonaws.com',
    );
    expect((hinted as Error).cause).toBe(original);
    // A name that does not exist is not worth retrying; a lookup that could not be answered still is.
    expect(classifyAwsError(hinted)).toBe('fatal');
    const again = withRegionHint(dnsError('EAI_AGAIN', 'logs.eu-fake-9.amazonaws.com'), { region: 'eu-fake-9', source: 'AWS_DEFAULT_REGION' });
    expect(classifyAwsError(again)).toBe('transient');
    expect(describeError(again)).toContain('from the AWS_DEFAULT_REGION environment variable');
    expect(describeError(again)).toContain("EAI_AGAIN can also mean that the runner's DNS is not answering");
  });

  it("a logs client made for a container's awslogs-region says so", () => {
    const hinted = withRegionHint(dnsError('ENOTFOUND', 'logs.eu-fake-2.amazonaws.com'), { region: 'eu-fake-2', source: 'awslogs-region' });
    expect(describeError(hinted)).toContain("this run used region eu-fake-2, from the task definition's awslogs-region log option");
  });

  it('the China partition counts too; the host is read from the message when the error does not carry it', () => {
    const bare = Object.assign(new Error('getaddrinfo ENOTFOUND ecs.cn-fake-1.amazonaws.com.cn'), { code: 'ENOTFOUND' });
    expect(withRegionHint(bare, { region: 'cn-fake-1', source: 'AWS_REGION' })).toBeInstanceOf(UnresolvedEndpointError);
  });

  it('leaves other errors alone: another host (a custom endpoint), another code, an AWS error', () => {
    const choice = { region: 'us-east-1', source: 'input' } as const;
    const custom = dnsError('ENOTFOUND', 'ecs.internal.example');
    expect(withRegionHint(custom, choice)).toBe(custom);
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), { code: 'ECONNREFUSED' });
    expect(withRegionHint(refused, choice)).toBe(refused);
    const denied = Object.assign(new Error('not authorized'), { name: 'AccessDeniedException', $metadata: {} });
    expect(withRegionHint(denied, choice)).toBe(denied);
    expect(withRegionHint('text', choice)).toBe('text');
  });

  it('through a real SDK client: the error a call ends with, after the SDK retries, carries the hint', async () => {
    let attempts = 0;
    const client = new ECSClient({
      region: 'eu-fake-9',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      maxAttempts: 2,
      requestHandler: {
        handle: (request: { hostname?: string }) => {
          attempts += 1;
          return Promise.reject(dnsError('EAI_AGAIN', request.hostname ?? '?'));
        },
      },
    });
    addRegionHint(client.middlewareStack, { region: 'eu-fake-9', source: 'AWS_REGION' });
    const error = await client.send(new ListClustersCommand({})).catch((e: unknown) => e);
    expect(attempts).toBe(2);
    expect(error).toBeInstanceOf(UnresolvedEndpointError);
    expect(describeError(error)).toMatch(
      /^cannot resolve ecs\.eu-fake-9\.amazonaws\.com: the AWS region may be wrong — this run used region eu-fake-9, from the AWS_REGION environment variable/,
    );
  });
});
