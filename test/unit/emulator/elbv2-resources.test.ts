/**
 * ELBv2 module behaviour (load balancers, target groups, listeners, rules, tags) per the ELBv2 API reference,
 * with handlers called directly and parameters shaped as the Query decoder hands them over.
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import type { ServiceModule, World } from '../../../src/emulator/contracts.js';
import { createElbv2Module } from '../../../src/emulator/elbv2/index.js';
import { asQueryParams, awsError, fakeWorld, invoke } from '../../helpers/emulator/module-harness.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let elb: ServiceModule;
let world: World;
const call = (op: string, params: object = {}): Json => invoke<Json>(elb, world, op, asQueryParams(params) as object);

const createLb = (name = 'web', type = 'application'): Json =>
  call('CreateLoadBalancer', { Name: name, Type: type, Subnets: ['subnet-1', 'subnet-2'], SecurityGroups: ['sg-1'] })['LoadBalancers'][0];
const createTg = (name: string, extra: object = {}): Json =>
  call('CreateTargetGroup', { Name: name, Protocol: 'HTTP', Port: 80, VpcId: 'vpc-1', TargetType: 'ip', ...extra })['TargetGroups'][0];
const forward = (tgArn: string) => [{ Type: 'forward', TargetGroupArn: tgArn }];
const createListener = (lbArn: string, port: number, tgArn: string): Json =>
  call('CreateListener', { LoadBalancerArn: lbArn, Protocol: 'HTTP', Port: port, DefaultActions: forward(tgArn) })['Listeners'][0];
const tgByArn = (arn: string): Json => call('DescribeTargetGroups', { TargetGroupArns: [arn] })['TargetGroups'][0];

beforeEach(() => {
  world = fakeWorld();
  elb = createElbv2Module({ clock: world.clock, region: 'us-east-1', accountId: '123456789012' }).module;
});

describe('load balancers', () => {
  it('creates an application load balancer with the ARN, DNS name and zones AWS reports', () => {
    const lb = createLb();
    expect(lb['LoadBalancerArn']).toMatch(/^arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer\/app\/web\/[0-9a-f]{16}$/);
    expect(lb['DNSName']).toMatch(/^web-\d+\.us-east-1\.elb\.amazonaws\.com$/);
    expect(lb).toMatchObject({ LoadBalancerName: 'web', Type: 'application', Scheme: 'internet-facing', State: { Code: 'active' }, SecurityGroups: ['sg-1'], IpAddressType: 'ipv4' });
    expect(lb['AvailabilityZones'].map((az: Json) => az['SubnetId'])).toEqual(['subnet-1', 'subnet-2']);
    expect(lb['CreatedTime']).toEqual(new Date(world.clock.now()));
    const nlb = createLb('tcp', 'network');
    expect(nlb['LoadBalancerArn']).toMatch(/:loadbalancer\/net\/tcp\/[0-9a-f]{16}$/);
  });

  it('requires two subnets for an application load balancer and a valid name', () => {
    const err = awsError(() => call('CreateLoadBalancer', { Name: 'one', Subnets: ['subnet-1'] }));
    expect(err).toMatchObject({ code: 'ValidationError', status: 400 });
    expect(awsError(() => call('CreateLoadBalancer', { Name: '-bad', Subnets: ['a', 'b'] })).code).toBe('ValidationError');
    expect(awsError(() => call('CreateLoadBalancer', { Subnets: ['a', 'b'] })).message).toBe(
      "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null",
    );
  });

  it('is idempotent for the same settings and refuses the same name with other settings', () => {
    const first = createLb();
    expect(createLb()['LoadBalancerArn']).toBe(first['LoadBalancerArn']);
    const err = awsError(() => call('CreateLoadBalancer', { Name: 'web', Type: 'network', Subnets: ['subnet-1'] }));
    expect(err).toMatchObject({ code: 'DuplicateLoadBalancerName' });
  });

  it('describes by name or ARN, pages, and answers LoadBalancerNotFound for unknown ones', () => {
    const a = createLb('a');
    createLb('b');
    expect(call('DescribeLoadBalancers', { Names: ['a'] })['LoadBalancers'].map((lb: Json) => lb['LoadBalancerArn'])).toEqual([a['LoadBalancerArn']]);
    const page1 = call('DescribeLoadBalancers', { PageSize: 1 });
    expect(page1['LoadBalancers']).toHaveLength(1);
    const page2 = call('DescribeLoadBalancers', { PageSize: 1, Marker: page1['NextMarker'] });
    expect(page2['LoadBalancers'][0]['LoadBalancerName']).toBe('b');
    expect(page2['NextMarker']).toBeUndefined();
    expect(awsError(() => call('DescribeLoadBalancers', { Names: ['nope'] }))).toMatchObject({
      code: 'LoadBalancerNotFound',
      message: "Load balancers '[nope]' not found",
    });
    expect(awsError(() => call('DescribeLoadBalancers', { LoadBalancerArns: [`${a['LoadBalancerArn']}x`] })).code).toBe('LoadBalancerNotFound');
  });

  it('deletes a load balancer with its listeners and frees its target groups; deleting again succeeds', () => {
    const lb = createLb();
    const tg = createTg('blue');
    createListener(lb['LoadBalancerArn'], 80, tg['TargetGroupArn']);
    expect(tgByArn(tg['TargetGroupArn'])['LoadBalancerArns']).toEqual([lb['LoadBalancerArn']]);
    call('DeleteLoadBalancer', { LoadBalancerArn: lb['LoadBalancerArn'] });
    expect(tgByArn(tg['TargetGroupArn'])['LoadBalancerArns']).toEqual([]);
    expect(awsError(() => call('DescribeListeners', { LoadBalancerArn: lb['LoadBalancerArn'] })).code).toBe('LoadBalancerNotFound');
    expect(call('DeleteLoadBalancer', { LoadBalancerArn: lb['LoadBalancerArn'] })).toEqual({});
  });
});

describe('target groups', () => {
  it('fills in the AWS health check defaults for HTTP and TCP target groups', () => {
    const http = call('CreateTargetGroup', { Name: 'h', Protocol: 'HTTP', Port: 8080, VpcId: 'vpc-1' })['TargetGroups'][0];
    expect(http['TargetGroupArn']).toMatch(/^arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup\/h\/[0-9a-f]{16}$/);
    expect(http).toMatchObject({
      TargetType: 'instance',
      HealthCheckProtocol: 'HTTP',
      HealthCheckPort: 'traffic-port',
      HealthCheckEnabled: true,
      HealthCheckPath: '/',
      HealthCheckIntervalSeconds: 30,
      HealthCheckTimeoutSeconds: 5,
      HealthyThresholdCount: 5,
      UnhealthyThresholdCount: 2,
      Matcher: { HttpCode: '200' },
      ProtocolVersion: 'HTTP1',
      LoadBalancerArns: [],
    });
    const tcp = call('CreateTargetGroup', { Name: 't', Protocol: 'TCP', Port: 5432, VpcId: 'vpc-1', TargetType: 'ip' })['TargetGroups'][0];
    expect(tcp).toMatchObject({ HealthCheckProtocol: 'TCP', HealthCheckTimeoutSeconds: 10, HealthCheckIntervalSeconds: 30 });
    expect(tcp['HealthCheckPath']).toBeUndefined();
    expect(tcp['Matcher']).toBeUndefined();
  });

  it('validates required settings and health check ranges', () => {
    expect(awsError(() => call('CreateTargetGroup', { Name: 'x', Port: 80, VpcId: 'v' })).code).toBe('ValidationError');
    expect(awsError(() => createTg('x', { HealthCheckIntervalSeconds: 4 })).code).toBe('ValidationError');
    expect(awsError(() => createTg('x', { HealthCheckIntervalSeconds: 10, HealthCheckTimeoutSeconds: 10 })).code).toBe('ValidationError');
    expect(awsError(() => createTg('x', { HealthCheckEnabled: false })).code).toBe('ValidationError');
  });

  it('is idempotent for identical settings and refuses a duplicate name with other settings', () => {
    const tg = createTg('blue');
    expect(createTg('blue')['TargetGroupArn']).toBe(tg['TargetGroupArn']);
    expect(awsError(() => createTg('blue', { Port: 81 }))).toMatchObject({
      code: 'DuplicateTargetGroupName',
      message: "A target group with the same name 'blue' exists, but with different settings",
    });
  });

  it('describes by names, ARNs or load balancer, never two filters at once', () => {
    const blue = createTg('blue');
    createTg('green');
    const lb = createLb();
    createListener(lb['LoadBalancerArn'], 80, blue['TargetGroupArn']);
    expect(call('DescribeTargetGroups', { Names: ['green'] })['TargetGroups'][0]['TargetGroupName']).toBe('green');
    expect(call('DescribeTargetGroups', { LoadBalancerArn: lb['LoadBalancerArn'] })['TargetGroups'].map((t: Json) => t['TargetGroupName'])).toEqual(['blue']);
    expect(call('DescribeTargetGroups')['TargetGroups']).toHaveLength(2);
    expect(awsError(() => call('DescribeTargetGroups', { Names: ['red'] }))).toMatchObject({
      code: 'TargetGroupNotFound',
      message: 'One or more target groups not found',
    });
    expect(awsError(() => call('DescribeTargetGroups', { Names: ['blue'], TargetGroupArns: [blue['TargetGroupArn']] })).code).toBe('ValidationError');
  });

  it('modifies health check settings and the deregistration delay attribute (default 300)', () => {
    const tg = createTg('blue');
    const modified = call('ModifyTargetGroup', { TargetGroupArn: tg['TargetGroupArn'], HealthCheckPath: '/ping', HealthCheckIntervalSeconds: 10, HealthyThresholdCount: 2 })['TargetGroups'][0];
    expect(modified).toMatchObject({ HealthCheckPath: '/ping', HealthCheckIntervalSeconds: 10, HealthyThresholdCount: 2, HealthCheckTimeoutSeconds: 5 });
    const attr = (a: Json[]) => a.find((x) => x['Key'] === 'deregistration_delay.timeout_seconds')?.['Value'];
    expect(attr(call('DescribeTargetGroupAttributes', { TargetGroupArn: tg['TargetGroupArn'] })['Attributes'])).toBe('300');
    const out = call('ModifyTargetGroupAttributes', { TargetGroupArn: tg['TargetGroupArn'], Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }] });
    expect(attr(out['Attributes'])).toBe('30');
    expect(attr(call('DescribeTargetGroupAttributes', { TargetGroupArn: tg['TargetGroupArn'] })['Attributes'])).toBe('30');
    const bad = awsError(() => call('ModifyTargetGroupAttributes', { TargetGroupArn: tg['TargetGroupArn'], Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '4000' }] }));
    expect(bad.code).toBe('ValidationError');
    expect(awsError(() => call('DescribeTargetGroupAttributes', { TargetGroupArn: 'arn:nope:targetgroup/x/1' })).code).toBe('TargetGroupNotFound');
  });

  it('refuses to delete a target group a listener forwards to (ResourceInUse)', () => {
    const tg = createTg('blue');
    createListener(createLb()['LoadBalancerArn'], 80, tg['TargetGroupArn']);
    expect(awsError(() => call('DeleteTargetGroup', { TargetGroupArn: tg['TargetGroupArn'] })).code).toBe('ResourceInUse');
  });
});

describe('listeners and the listener swap', () => {
  it('stores a forward action the way DescribeListeners returns it and marks the target group in use', () => {
    const lb = createLb();
    const tg = createTg('blue');
    const listener = createListener(lb['LoadBalancerArn'], 80, tg['TargetGroupArn']);
    expect(listener['ListenerArn']).toMatch(new RegExp(`^${lb['LoadBalancerArn'].replace(':loadbalancer/', ':listener/')}/[0-9a-f]{16}$`));
    expect(listener['DefaultActions']).toEqual([
      {
        Type: 'forward',
        TargetGroupArn: tg['TargetGroupArn'],
        ForwardConfig: { TargetGroups: [{ TargetGroupArn: tg['TargetGroupArn'], Weight: 1 }], TargetGroupStickinessConfig: { Enabled: false } },
      },
    ]);
    expect(tgByArn(tg['TargetGroupArn'])['LoadBalancerArns']).toEqual([lb['LoadBalancerArn']]);
  });

  it('swaps the prod and test listeners between blue and green (ModifyListener), visible in listeners, default rules and usage', () => {
    const lb = createLb()['LoadBalancerArn'];
    const blue = createTg('blue')['TargetGroupArn'];
    const green = createTg('green')['TargetGroupArn'];
    const prod = createListener(lb, 80, blue)['ListenerArn'];
    const test = createListener(lb, 8080, green)['ListenerArn'];

    call('ModifyListener', { ListenerArn: prod, DefaultActions: forward(green) });
    call('ModifyListener', { ListenerArn: test, DefaultActions: forward(blue) });

    const listeners = call('DescribeListeners', { LoadBalancerArn: lb })['Listeners'];
    const byPort = Object.fromEntries(listeners.map((l: Json) => [l['Port'], l['DefaultActions'][0]['TargetGroupArn']]));
    expect(byPort).toEqual({ 80: green, 8080: blue });
    const prodRules = call('DescribeRules', { ListenerArn: prod })['Rules'];
    expect(prodRules).toHaveLength(1);
    expect(prodRules[0]).toMatchObject({ Priority: 'default', IsDefault: true, Conditions: [] });
    expect(prodRules[0]['Actions'][0]['TargetGroupArn']).toBe(green);
  });

  it('moves "in use" from the old to the new target group when the only listener switches', () => {
    const lb = createLb()['LoadBalancerArn'];
    const blue = createTg('blue')['TargetGroupArn'];
    const green = createTg('green')['TargetGroupArn'];
    const prod = createListener(lb, 80, blue)['ListenerArn'];
    call('ModifyListener', { ListenerArn: prod, DefaultActions: forward(green) });
    expect(tgByArn(blue)['LoadBalancerArns']).toEqual([]);
    expect(tgByArn(green)['LoadBalancerArns']).toEqual([lb]);
    expect(call('DeleteTargetGroup', { TargetGroupArn: blue })).toEqual({});
  });

  it('keeps a weighted ForwardConfig without a top-level TargetGroupArn; both groups are in use', () => {
    const lb = createLb()['LoadBalancerArn'];
    const blue = createTg('blue')['TargetGroupArn'];
    const green = createTg('green')['TargetGroupArn'];
    const listener = createListener(lb, 80, blue)['ListenerArn'];
    const weighted = { TargetGroups: [{ TargetGroupArn: blue, Weight: 90 }, { TargetGroupArn: green, Weight: 10 }] };
    const out = call('ModifyListener', { ListenerArn: listener, DefaultActions: [{ Type: 'forward', ForwardConfig: weighted }] })['Listeners'][0];
    expect(out['DefaultActions'][0]).toEqual({
      Type: 'forward',
      ForwardConfig: { TargetGroups: weighted.TargetGroups, TargetGroupStickinessConfig: { Enabled: false } },
    });
    expect(tgByArn(green)['LoadBalancerArns']).toEqual([lb]);
    expect(tgByArn(blue)['LoadBalancerArns']).toEqual([lb]);
  });

  it('rejects forwarding to unknown target groups, a second load balancer, duplicate ports and unknown listeners', () => {
    const lb = createLb()['LoadBalancerArn'];
    const other = createLb('other')['LoadBalancerArn'];
    const blue = createTg('blue')['TargetGroupArn'];
    const listener = createListener(lb, 80, blue)['ListenerArn'];
    expect(awsError(() => createListener(lb, 81, `${blue}0`))).toMatchObject({ code: 'TargetGroupNotFound', message: `Target groups '${blue}0' not found` });
    expect(awsError(() => createListener(other, 80, blue)).code).toBe('TargetGroupAssociationLimit');
    const green = createTg('green')['TargetGroupArn'];
    expect(awsError(() => createListener(lb, 80, green)).code).toBe('DuplicateListener');
    expect(createListener(lb, 80, blue)['ListenerArn']).toBe(listener); // identical settings: idempotent
    expect(awsError(() => call('ModifyListener', { ListenerArn: `${listener}0`, DefaultActions: forward(blue) }))).toMatchObject({
      code: 'ListenerNotFound',
      message: 'One or more listeners not found',
    });
    expect(awsError(() => call('DescribeListeners', { ListenerArns: [`${listener}0`] })).code).toBe('ListenerNotFound');
    const tcp = createTg('tcp', { Protocol: 'TCP' })['TargetGroupArn'];
    expect(awsError(() => createListener(lb, 82, tcp)).code).toBe('IncompatibleProtocols');
  });

  it('deletes a listener with its rules', () => {
    const lb = createLb()['LoadBalancerArn'];
    const blue = createTg('blue')['TargetGroupArn'];
    const listener = createListener(lb, 80, blue)['ListenerArn'];
    call('DeleteListener', { ListenerArn: listener });
    expect(call('DescribeListeners', { LoadBalancerArn: lb })['Listeners']).toEqual([]);
    expect(awsError(() => call('DescribeRules', { ListenerArn: listener })).code).toBe('ListenerNotFound');
    expect(awsError(() => call('DeleteListener', { ListenerArn: listener })).code).toBe('ListenerNotFound');
  });
});

describe('rules', () => {
  let lb: string;
  let blue: string;
  let green: string;
  let listener: string;
  beforeEach(() => {
    lb = createLb()['LoadBalancerArn'];
    blue = createTg('blue')['TargetGroupArn'];
    green = createTg('green')['TargetGroupArn'];
    listener = createListener(lb, 80, blue)['ListenerArn'];
  });
  const createRule = (priority: number, tg: string, path = '/api/*'): Json =>
    call('CreateRule', { ListenerArn: listener, Priority: priority, Conditions: [{ Field: 'path-pattern', Values: [path] }], Actions: forward(tg) })['Rules'][0];

  it('lists rules by priority with the default rule last, conditions in both forms', () => {
    const rule = createRule(10, green);
    createRule(5, blue, '/static/*');
    expect(rule['RuleArn']).toMatch(new RegExp(`^${listener.replace(':listener/', ':listener-rule/')}/[0-9a-f]{16}$`));
    const rules = call('DescribeRules', { ListenerArn: listener })['Rules'];
    expect(rules.map((r: Json) => [r['Priority'], r['IsDefault']])).toEqual([['5', false], ['10', false], ['default', true]]);
    expect(rules[1]['Conditions']).toEqual([{ Field: 'path-pattern', Values: ['/api/*'], PathPatternConfig: { Values: ['/api/*'] } }]);
    expect(call('DescribeRules', { RuleArns: [rule['RuleArn']] })['Rules'][0]['Priority']).toBe('10');
    expect(tgByArn(green)['LoadBalancerArns']).toEqual([lb]); // in use through a rule
  });

  it('refuses a priority in use, and modifying or deleting the default rule', () => {
    createRule(10, green);
    expect(awsError(() => createRule(10, blue))).toMatchObject({ code: 'PriorityInUse', message: "Priority '10' is currently in use" });
    const defaultRule = call('DescribeRules', { ListenerArn: listener })['Rules'].find((r: Json) => r['IsDefault'])['RuleArn'];
    expect(awsError(() => call('ModifyRule', { RuleArn: defaultRule, Actions: forward(green) })).code).toBe('OperationNotPermitted');
    expect(awsError(() => call('DeleteRule', { RuleArn: defaultRule })).code).toBe('OperationNotPermitted');
  });

  it('ModifyRule switches a rule to another target group and moves the usage', () => {
    const rule = createRule(10, green);
    const red = createTg('red')['TargetGroupArn'];
    const out = call('ModifyRule', { RuleArn: rule['RuleArn'], Actions: forward(red) })['Rules'][0];
    expect(out['Actions'][0]['TargetGroupArn']).toBe(red);
    expect(out['Conditions'][0]['Values']).toEqual(['/api/*']);
    expect(tgByArn(green)['LoadBalancerArns']).toEqual([]);
    expect(tgByArn(red)['LoadBalancerArns']).toEqual([lb]);
  });

  it('SetRulePriorities can swap two priorities; DeleteRule and RuleNotFound', () => {
    const a = createRule(1, green)['RuleArn'];
    const b = createRule(2, blue, '/b')['RuleArn'];
    call('SetRulePriorities', { RulePriorities: [{ RuleArn: a, Priority: 2 }, { RuleArn: b, Priority: 1 }] });
    expect(call('DescribeRules', { ListenerArn: listener })['Rules'].map((r: Json) => r['RuleArn'])[0]).toBe(b);
    expect(awsError(() => call('SetRulePriorities', { RulePriorities: [{ RuleArn: a, Priority: 1 }] })).code).toBe('PriorityInUse');
    call('DeleteRule', { RuleArn: a });
    expect(awsError(() => call('DescribeRules', { RuleArns: [a] }))).toMatchObject({ code: 'RuleNotFound', message: 'One or more rules not found' });
    expect(awsError(() => call('DeleteRule', { RuleArn: a })).code).toBe('RuleNotFound');
    expect(awsError(() => call('ModifyRule', { RuleArn: a, Actions: forward(blue) })).code).toBe('RuleNotFound');
  });
});

describe('tags', () => {
  it('adds, describes and removes tags on load balancers, target groups, listeners and rules', () => {
    const lb = call('CreateLoadBalancer', { Name: 'web', Subnets: ['a', 'b'], Tags: [{ Key: 'env', Value: 'prod' }] })['LoadBalancers'][0]['LoadBalancerArn'];
    const tg = createTg('blue')['TargetGroupArn'];
    call('AddTags', { ResourceArns: [lb, tg], Tags: [{ Key: 'BG_VERSION', Value: 'BLUE' }] });
    const described = call('DescribeTags', { ResourceArns: [lb, tg] })['TagDescriptions'];
    expect(described).toEqual([
      { ResourceArn: lb, Tags: [{ Key: 'env', Value: 'prod' }, { Key: 'BG_VERSION', Value: 'BLUE' }] },
      { ResourceArn: tg, Tags: [{ Key: 'BG_VERSION', Value: 'BLUE' }] },
    ]);
    call('AddTags', { ResourceArns: [tg], Tags: [{ Key: 'BG_VERSION', Value: 'GREEN' }] });
    expect(call('DescribeTags', { ResourceArns: [tg] })['TagDescriptions'][0]['Tags']).toEqual([{ Key: 'BG_VERSION', Value: 'GREEN' }]);
    call('RemoveTags', { ResourceArns: [lb], TagKeys: ['env'] });
    expect(call('DescribeTags', { ResourceArns: [lb] })['TagDescriptions'][0]['Tags']).toEqual([{ Key: 'BG_VERSION', Value: 'BLUE' }]);
    const listener = createListener(lb, 80, tg)['ListenerArn'];
    call('AddTags', { ResourceArns: [listener], Tags: [{ Key: 'k', Value: 'v' }] });
    expect(call('DescribeTags', { ResourceArns: [listener] })['TagDescriptions'][0]['Tags']).toEqual([{ Key: 'k', Value: 'v' }]);
  });

  it('answers the not-found error of the resource kind', () => {
    const lb = createLb()['LoadBalancerArn'];
    expect(awsError(() => call('DescribeTags', { ResourceArns: [`${lb}0`] })).code).toBe('LoadBalancerNotFound');
    const tg = createTg('blue')['TargetGroupArn'];
    expect(awsError(() => call('AddTags', { ResourceArns: [`${tg}0`], Tags: [{ Key: 'a', Value: 'b' }] })).code).toBe('TargetGroupNotFound');
    expect(awsError(() => call('AddTags', { ResourceArns: [tg], Tags: [{ Key: 'a' }, { Key: 'a' }] })).code).toBe('DuplicateTagKeys');
  });
});

describe('state dump and reset', () => {
  it('dumps load balancers with listeners and target groups, and reset forgets them', () => {
    const lb = createLb()['LoadBalancerArn'];
    const tg = createTg('blue')['TargetGroupArn'];
    createListener(lb, 80, tg);
    const dump = elb.dump() as Json;
    expect(dump['loadBalancers'][0]['Listeners'][0]['DefaultActions'][0]['TargetGroupArn']).toBe(tg);
    expect(dump['targetGroups'][0]['TargetGroupArn']).toBe(tg);
    expect(JSON.parse(JSON.stringify(dump))).toBeTruthy();
    elb.reset();
    expect(call('DescribeTargetGroups')['TargetGroups']).toEqual([]);
    expect(call('DescribeLoadBalancers')['LoadBalancers']).toEqual([]);
  });
});
