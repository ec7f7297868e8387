/**
 * The AWS Query codec checked against the real @aws-sdk/client-elastic-load-balancing-v2: requests are captured
 * from the SDK on a loopback server and decoded with parseQueryBody; XML built by queryResponseXml/queryErrorXml
 * is served back and must come out of the SDK's deserialiser as the right values and exception classes.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  AddTagsCommand,
  CreateTargetGroupCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
  ElasticLoadBalancingV2ServiceException,
  ListenerNotFoundException,
  LoadBalancerNotFoundException,
  ModifyListenerCommand,
  RuleNotFoundException,
  TargetGroupNotFoundException,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { AwsServiceError } from '../../../src/emulator/contracts.js';
import { parseQueryBody, queryErrorXml, queryResponseXml } from '../../../src/emulator/query-protocol.js';
import { dummyCredentials, startLoopbackServer } from '../../helpers/emulator/loopback-server.js';
import type { LoopbackReply, LoopbackServer } from '../../helpers/emulator/loopback-server.js';

const XMLNS = 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/';

describe('parseQueryBody on what the ELBv2 SDK sends', () => {
  let server: LoopbackServer;
  let client: ElasticLoadBalancingV2Client;
  const ok = (action: string): LoopbackReply => ({ status: 200, body: queryResponseXml(action, {}, 'req-1') });

  beforeAll(async () => {
    server = await startLoopbackServer((req) => ok(parseQueryBody(req.body).action));
    client = new ElasticLoadBalancingV2Client({ region: 'us-east-1', endpoint: server.url, credentials: dummyCredentials, maxAttempts: 1 });
  });
  afterAll(async () => {
    client.destroy();
    await server.close();
  });

  const lastRequest = () => {
    const req = server.requests.at(-1);
    if (!req) throw new Error('no request captured');
    return parseQueryBody(req.body);
  };

  it('decodes CreateTargetGroup with a nested structure and a list of tags', async () => {
    await client.send(
      new CreateTargetGroupCommand({
        Name: 'web-blue',
        Protocol: 'HTTP',
        Port: 8080,
        VpcId: 'vpc-1',
        TargetType: 'ip',
        HealthCheckPath: '/health?full=1&x=a b',
        HealthCheckEnabled: true,
        Matcher: { HttpCode: '200-299' },
        Tags: [{ Key: 'team', Value: 'payments' }, { Key: 'env', Value: 'prod' }],
      }),
    );
    const req = lastRequest();
    expect(server.requests.at(-1)?.headers['content-type']).toContain('application/x-www-form-urlencoded');
    expect(req.action).toBe('CreateTargetGroup');
    expect(req.version).toBe('2015-12-01');
    expect(req.params).toEqual({
      Name: 'web-blue',
      Protocol: 'HTTP',
      Port: '8080',
      VpcId: 'vpc-1',
      TargetType: 'ip',
      HealthCheckPath: '/health?full=1&x=a b',
      HealthCheckEnabled: 'true',
      Matcher: { HttpCode: '200-299' },
      Tags: [
        { Key: 'team', Value: 'payments' },
        { Key: 'env', Value: 'prod' },
      ],
    });
  });

  it('decodes ModifyListener with a weighted ForwardConfig of two target groups', async () => {
    await client.send(
      new ModifyListenerCommand({
        ListenerArn: 'arn:l',
        DefaultActions: [
          {
            Type: 'forward',
            ForwardConfig: {
              TargetGroups: [
                { TargetGroupArn: 'arn:tg/blue', Weight: 90 },
                { TargetGroupArn: 'arn:tg/green', Weight: 10 },
              ],
              TargetGroupStickinessConfig: { Enabled: false },
            },
          },
        ],
      }),
    );
    expect(lastRequest().params).toEqual({
      ListenerArn: 'arn:l',
      DefaultActions: [
        {
          Type: 'forward',
          ForwardConfig: {
            TargetGroups: [
              { TargetGroupArn: 'arn:tg/blue', Weight: '90' },
              { TargetGroupArn: 'arn:tg/green', Weight: '10' },
            ],
            TargetGroupStickinessConfig: { Enabled: 'false' },
          },
        },
      ],
    });
  });

  it('decodes AddTags (a list of strings, a tag without value) and DescribeTargetHealth targets', async () => {
    await client.send(new AddTagsCommand({ ResourceArns: ['arn:a', 'arn:b'], Tags: [{ Key: 'k', Value: 'v=1&2' }, { Key: 'flag' }] }));
    expect(lastRequest().params).toEqual({
      ResourceArns: ['arn:a', 'arn:b'],
      Tags: [{ Key: 'k', Value: 'v=1&2' }, { Key: 'flag' }],
    });
    await client.send(new DescribeTargetHealthCommand({ TargetGroupArn: 'arn:tg', Targets: [{ Id: '10.0.0.1', Port: 80 }, { Id: '10.0.0.2' }] }));
    expect(lastRequest().params).toEqual({
      TargetGroupArn: 'arn:tg',
      Targets: [{ Id: '10.0.0.1', Port: '80' }, { Id: '10.0.0.2' }],
    });
  });

  it('keeps list order past nine members and leaves an empty list as the empty string the SDK sends', async () => {
    const arns = Array.from({ length: 12 }, (_, i) => `arn:tg/${i + 1}`);
    await client.send(new DescribeTargetGroupsCommand({ TargetGroupArns: arns }));
    expect(lastRequest().params['TargetGroupArns']).toEqual(arns);
    await client.send(new DescribeRulesCommand({ ListenerArn: 'arn:l', RuleArns: [] }));
    expect(lastRequest().params).toEqual({ ListenerArn: 'arn:l', RuleArns: '' });
  });
});

describe('parseQueryBody on hand-written bodies', () => {
  it('decodes Query maps (entry.N.key / entry.N.value) and flattened lists', () => {
    const parsed = parseQueryBody('Action=X&Version=1&Attrs.entry.1.key=a&Attrs.entry.1.value=1&Attrs.entry.2.key=b&Attrs.entry.2.value=2&Flat.2=y&Flat.1=x');
    expect(parsed.params).toEqual({ Attrs: { a: '1', b: '2' }, Flat: ['x', 'y'] });
  });

  it('ignores keys that would reach the object prototype', () => {
    const parsed = parseQueryBody('Action=X&__proto__.polluted=1&A.constructor.prototype.p=2&Ok=yes');
    expect(parsed.params).toEqual({ Ok: 'yes' });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('queryResponseXml and queryErrorXml as the SDK reads them', () => {
  let reply: LoopbackReply = { status: 200, body: '' };
  let server: LoopbackServer;
  let client: ElasticLoadBalancingV2Client;

  beforeAll(async () => {
    server = await startLoopbackServer(() => reply);
    client = new ElasticLoadBalancingV2Client({ region: 'us-east-1', endpoint: server.url, credentials: dummyCredentials, maxAttempts: 1 });
  });
  afterAll(async () => {
    client.destroy();
    await server.close();
  });

  it('writes the <Action>Response envelope with the ELBv2 namespace and request id', () => {
    const xml = queryResponseXml('DeleteListener', {}, 'abc-123');
    expect(xml).toBe(
      `<DeleteListenerResponse xmlns="${XMLNS}"><DeleteListenerResult></DeleteListenerResult>` +
        '<ResponseMetadata><RequestId>abc-123</RequestId></ResponseMetadata></DeleteListenerResponse>',
    );
  });

  it('serialises lists as <member>, numbers, booleans and escaped text so the SDK gets typed values back', async () => {
    reply = {
      status: 200,
      body: queryResponseXml(
        'DescribeTargetGroups',
        {
          TargetGroups: [
            {
              TargetGroupArn: 'arn:tg/1',
              TargetGroupName: 'a&b<c>"d\'',
              Port: 8080,
              HealthCheckEnabled: true,
              HealthCheckIntervalSeconds: 10,
              Matcher: { HttpCode: '200' },
              LoadBalancerArns: ['arn:lb/1', 'arn:lb/2'],
              HealthCheckPath: undefined,
            },
          ],
          NextMarker: 'm-2',
        },
        'r-1',
      ),
    };
    const out = await client.send(new DescribeTargetGroupsCommand({}));
    expect(out.TargetGroups).toEqual([
      {
        TargetGroupArn: 'arn:tg/1',
        TargetGroupName: 'a&b<c>"d\'',
        Port: 8080,
        HealthCheckEnabled: true,
        HealthCheckIntervalSeconds: 10,
        Matcher: { HttpCode: '200' },
        LoadBalancerArns: ['arn:lb/1', 'arn:lb/2'],
      },
    ]);
    expect(out.NextMarker).toBe('m-2');
  });

  it('writes Dates as ISO 8601 timestamps and empty lists as empty lists', async () => {
    const created = new Date(Date.UTC(2025, 4, 6, 7, 8, 9, 123));
    reply = {
      status: 200,
      body: queryResponseXml('DescribeLoadBalancers', { LoadBalancers: [{ LoadBalancerName: 'lb', CreatedTime: created, SecurityGroups: [] }] }, 'r'),
    };
    const lbs = await client.send(new DescribeLoadBalancersCommand({}));
    expect(lbs.LoadBalancers?.[0]?.CreatedTime?.getTime()).toBe(created.getTime());
    expect(lbs.LoadBalancers?.[0]?.SecurityGroups ?? []).toEqual([]);

    reply = { status: 200, body: queryResponseXml('DescribeTargetHealth', { TargetHealthDescriptions: [] }, 'r') };
    const health = await client.send(new DescribeTargetHealthCommand({ TargetGroupArn: 'arn:tg' }));
    expect(health.TargetHealthDescriptions ?? []).toEqual([]);
  });

  it('nests lists of structures with their own lists (rules with weighted forward actions)', async () => {
    const actions = [
      {
        Type: 'forward',
        ForwardConfig: {
          TargetGroups: [
            { TargetGroupArn: 'arn:tg/blue', Weight: 90 },
            { TargetGroupArn: 'arn:tg/green', Weight: 10 },
          ],
          TargetGroupStickinessConfig: { Enabled: false },
        },
      },
    ];
    reply = {
      status: 200,
      body: queryResponseXml('DescribeRules', { Rules: [{ RuleArn: 'arn:r', Priority: 'default', Conditions: [], Actions: actions, IsDefault: true }] }, 'r'),
    };
    const out = await client.send(new DescribeRulesCommand({ ListenerArn: 'arn:l' }));
    expect(out.Rules?.[0]).toEqual({ RuleArn: 'arn:r', Priority: 'default', Conditions: [], Actions: actions, IsDefault: true });
  });

  const errorCases: [string, new (...args: never[]) => Error][] = [
    ['TargetGroupNotFound', TargetGroupNotFoundException],
    ['ListenerNotFound', ListenerNotFoundException],
    ['RuleNotFound', RuleNotFoundException],
    ['LoadBalancerNotFound', LoadBalancerNotFoundException],
  ];
  it.each(errorCases)('an <ErrorResponse> with code %s becomes the SDK exception class', async (code, cls) => {
    reply = { status: 400, body: queryErrorXml(new AwsServiceError(code, `thing <${code}> & co not found`), 'req-err') };
    const err = await client.send(new DescribeTargetGroupsCommand({})).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(cls);
    expect(err).toMatchObject({ name: `${code}Exception`, message: `thing <${code}> & co not found`, $fault: 'client' });
    // The SDK takes $metadata.requestId from the x-amzn-RequestId header (the server's job), not from the body.
    expect((err as ElasticLoadBalancingV2ServiceException).$metadata).toMatchObject({ httpStatusCode: 400 });
  });

  it('a code without a modelled class (ValidationError) keeps its name; a 500 is a server fault', async () => {
    reply = { status: 400, body: queryErrorXml(new AwsServiceError('ValidationError', 'bad input'), 'r') };
    const validation = await client.send(new DescribeTargetGroupsCommand({})).catch((e: unknown) => e);
    expect(validation).toBeInstanceOf(ElasticLoadBalancingV2ServiceException);
    expect(validation).toMatchObject({ name: 'ValidationError', message: 'bad input', $fault: 'client' });

    const internal = new AwsServiceError('InternalFailure', 'boom', 500);
    expect(queryErrorXml(internal, 'r')).toContain('<Type>Receiver</Type>');
    reply = { status: 500, body: queryErrorXml(internal, 'r') };
    const failure = await client.send(new DescribeTargetGroupsCommand({})).catch((e: unknown) => e);
    expect(failure).toMatchObject({ name: 'InternalFailure', message: 'boom', $fault: 'server' });
  });
});
