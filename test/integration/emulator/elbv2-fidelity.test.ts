/**
 * ELBv2 answers the emulator once gave differently from AWS (issue 11, "Emulator fidelity"), through the real SDK:
 * a listener protocol the load balancer type does not speak is a ValidationError naming the allowed protocols;
 * listener rules belong to Application Load Balancers and, by source IP address type only, to dual-stack Network
 * Load Balancers; tag keys with the reserved `aws:` prefix are refused.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  AddTagsCommand,
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateRuleCommand,
  CreateTargetGroupCommand,
  DescribeListenersCommand,
  DescribeRulesCommand,
  DescribeTagsCommand,
  ElasticLoadBalancingV2Client,
  ModifyListenerCommand,
  ModifyRuleCommand,
  type RuleCondition,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';

let emu: TestEmulator;
let elb: ElasticLoadBalancingV2Client;

beforeAll(async () => {
  emu = await startTestEmulator();
  elb = new ElasticLoadBalancingV2Client(emu.clientConfig());
});
afterAll(async () => {
  elb.destroy();
  await emu.stop();
});
beforeEach(async () => emu.control.reset());

const rejection = (p: Promise<unknown>): Promise<{ name?: string; message?: string }> =>
  p.then(
    () => ({ name: 'resolved', message: 'expected a refusal' }),
    (e: unknown) => e as { name?: string; message?: string },
  );

async function loadBalancer(name: string, type: 'application' | 'network', ipAddressType: 'ipv4' | 'dualstack' = 'ipv4'): Promise<string> {
  const subnets = type === 'application' ? ['subnet-1', 'subnet-2'] : ['subnet-1'];
  const out = await elb.send(new CreateLoadBalancerCommand({ Name: name, Type: type, Subnets: subnets, IpAddressType: ipAddressType }));
  return out.LoadBalancers?.[0]?.LoadBalancerArn ?? '';
}

async function targetGroup(name: string, protocol: 'HTTP' | 'TCP', ipAddressType: 'ipv4' | 'ipv6' = 'ipv4'): Promise<string> {
  const out = await elb.send(
    new CreateTargetGroupCommand({ Name: name, Protocol: protocol, Port: 8080, VpcId: 'vpc-1', TargetType: 'ip', IpAddressType: ipAddressType }),
  );
  return out.TargetGroups?.[0]?.TargetGroupArn ?? '';
}

const forward = (arn: string) => [{ Type: 'forward' as const, TargetGroupArn: arn }];

describe('listener protocols', () => {
  it('a TCP listener on an application load balancer is a ValidationError naming HTTPS and HTTP', async () => {
    const lb = await loadBalancer('web', 'application');
    const tg = await targetGroup('web', 'HTTP');
    const err = await rejection(elb.send(new CreateListenerCommand({ LoadBalancerArn: lb, Protocol: 'TCP', Port: 80, DefaultActions: forward(tg) })));
    expect(err).toMatchObject({ name: 'ValidationError', message: "Listener protocol 'TCP' must be one of 'HTTPS, HTTP'" });
    expect((await elb.send(new DescribeListenersCommand({ LoadBalancerArn: lb }))).Listeners).toEqual([]);
  });

  it('an HTTP listener on a network load balancer (created or modified) names the NLB protocols', async () => {
    const lb = await loadBalancer('db', 'network');
    const tg = await targetGroup('db', 'TCP');
    const expected = { name: 'ValidationError', message: "Listener protocol 'HTTP' must be one of 'TLS, TCP, TCP_UDP, UDP'" };
    expect(await rejection(elb.send(new CreateListenerCommand({ LoadBalancerArn: lb, Protocol: 'HTTP', Port: 80, DefaultActions: forward(tg) })))).toMatchObject(expected);
    const listener = (await elb.send(new CreateListenerCommand({ LoadBalancerArn: lb, Protocol: 'TCP', Port: 5432, DefaultActions: forward(tg) }))).Listeners?.[0];
    expect(await rejection(elb.send(new ModifyListenerCommand({ ListenerArn: listener?.ListenerArn ?? '', Protocol: 'HTTP' })))).toMatchObject(expected);
  });
});

describe('network load balancer listener rules', () => {
  const path: RuleCondition[] = [{ Field: 'path-pattern', Values: ['/api/*'] }];
  const byType = (type: 'ipv4' | 'ipv6'): RuleCondition[] => [{ Field: 'source-ip', SourceIpConfig: { IpAddressType: type } }];

  async function nlbListener(ipAddressType: 'ipv4' | 'dualstack'): Promise<{ listener: string; v4: string; v6: string }> {
    const lb = await loadBalancer('tcp', 'network', ipAddressType);
    const v4 = await targetGroup('tcp-v4', 'TCP');
    const v6 = await targetGroup('tcp-v6', 'TCP', 'ipv6');
    const out = await elb.send(new CreateListenerCommand({ LoadBalancerArn: lb, Protocol: 'TCP', Port: 5432, DefaultActions: forward(v4) }));
    return { listener: out.Listeners?.[0]?.ListenerArn ?? '', v4, v6 };
  }

  it('refuse a path condition, even on a dual-stack load balancer', async () => {
    const { listener, v4 } = await nlbListener('dualstack');
    const err = await rejection(elb.send(new CreateRuleCommand({ ListenerArn: listener, Priority: 1, Conditions: path, Actions: forward(v4) })));
    expect(err).toMatchObject({ name: 'InvalidConfigurationRequestException', message: "Condition field 'path-pattern' is not supported by load balancers of type 'network'" });
    expect((await elb.send(new DescribeRulesCommand({ ListenerArn: listener }))).Rules).toHaveLength(1);
  });

  it('route by source IP address type on a dual-stack load balancer, and keep to that condition on ModifyRule', async () => {
    const { listener, v6 } = await nlbListener('dualstack');
    const created = await elb.send(new CreateRuleCommand({ ListenerArn: listener, Priority: 10, Conditions: byType('ipv6'), Actions: forward(v6) }));
    const ruleArn = created.Rules?.[0]?.RuleArn ?? '';
    expect(created.Rules?.[0]).toMatchObject({ Priority: '10', IsDefault: false, Conditions: byType('ipv6'), Actions: [{ Type: 'forward', TargetGroupArn: v6 }] });
    const rules = (await elb.send(new DescribeRulesCommand({ ListenerArn: listener }))).Rules ?? [];
    expect(rules.map((r) => r.Priority)).toEqual(['10', 'default']);
    const modify = await rejection(elb.send(new ModifyRuleCommand({ RuleArn: ruleArn, Conditions: path })));
    expect(modify).toMatchObject({ name: 'InvalidConfigurationRequestException' });
    const cidr = await rejection(elb.send(new ModifyRuleCommand({ RuleArn: ruleArn, Conditions: [{ Field: 'source-ip', SourceIpConfig: { Values: ['10.0.0.0/8'] } }] })));
    expect(cidr).toMatchObject({ name: 'InvalidConfigurationRequestException' });
    const still = await elb.send(new DescribeRulesCommand({ RuleArns: [ruleArn] }));
    expect(still.Rules?.[0]?.Conditions).toEqual(byType('ipv6'));
  });

  it('are refused on a load balancer that is not dual-stack, whatever the condition', async () => {
    const { listener, v4 } = await nlbListener('ipv4');
    const err = await rejection(elb.send(new CreateRuleCommand({ ListenerArn: listener, Priority: 1, Conditions: byType('ipv4'), Actions: forward(v4) })));
    expect(err).toMatchObject({ name: 'InvalidConfigurationRequestException', message: "Rules are not supported by load balancers of type 'network'" });
  });
});

describe('tags with the reserved aws: prefix', () => {
  it('are refused by AddTags (and CreateTargetGroup) with ValidationError, leaving the tags as they were', async () => {
    const tg = await targetGroup('web', 'HTTP');
    await elb.send(new AddTagsCommand({ ResourceArns: [tg], Tags: [{ Key: 'team', Value: 'shop' }] }));
    const err = await rejection(elb.send(new AddTagsCommand({ ResourceArns: [tg], Tags: [{ Key: 'aws:cloudformation:stack-name', Value: 'x' }] })));
    expect(err).toMatchObject({ name: 'ValidationError', message: "Tag key 'aws:cloudformation:stack-name' cannot start with 'aws:'" });
    expect((await elb.send(new DescribeTagsCommand({ ResourceArns: [tg] }))).TagDescriptions?.[0]?.Tags).toEqual([{ Key: 'team', Value: 'shop' }]);
    const create = await rejection(
      elb.send(new CreateTargetGroupCommand({ Name: 'api', Protocol: 'HTTP', Port: 80, VpcId: 'vpc-1', Tags: [{ Key: 'AWS:owner', Value: 'me' }] })),
    );
    expect(create).toMatchObject({ name: 'ValidationError', message: "Tag key 'AWS:owner' cannot start with 'aws:'" });
  });
});
