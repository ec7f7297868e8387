/**
 * Elastic Load Balancing v2 through the real SDK client against the running emulator: the blue/green listener
 * swap as DescribeListeners / DescribeRules / DescribeTargetGroups show it, target health over (sped-up)
 * simulated time including the SDK's own waiter, the AWS error classes over HTTP, tags, and the endpoint taken
 * from AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  AddTagsCommand,
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateRuleCommand,
  CreateTargetGroupCommand,
  DeregisterTargetsCommand,
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  DescribeTagsCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
  ListenerNotFoundException,
  LoadBalancerNotFoundException,
  ModifyListenerCommand,
  ModifyRuleCommand,
  ModifyTargetGroupAttributesCommand,
  OperationNotPermittedException,
  RegisterTargetsCommand,
  RuleNotFoundException,
  TargetGroupNotFoundException,
  waitUntilTargetInService,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { eventually, startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';

let emu: TestEmulator;
let elb: ElasticLoadBalancingV2Client;

beforeAll(async () => {
  emu = await startTestEmulator({ speed: 50 });
  elb = new ElasticLoadBalancingV2Client(emu.clientConfig());
});
afterAll(async () => {
  elb.destroy();
  await emu.stop();
});
beforeEach(async () => emu.control.reset());

async function loadBalancer(): Promise<string> {
  const out = await elb.send(new CreateLoadBalancerCommand({ Name: 'shop', Subnets: ['subnet-1', 'subnet-2'], SecurityGroups: ['sg-1'] }));
  return out.LoadBalancers?.[0]?.LoadBalancerArn ?? '';
}

/** An ip target group checked every 5 s, healthy after 2 checks; draining takes 5 s. */
async function targetGroup(name: string): Promise<string> {
  const out = await elb.send(
    new CreateTargetGroupCommand({
      Name: name,
      Protocol: 'HTTP',
      Port: 8080,
      VpcId: 'vpc-1',
      TargetType: 'ip',
      HealthCheckPath: '/health',
      HealthCheckIntervalSeconds: 5,
      HealthCheckTimeoutSeconds: 2,
      HealthyThresholdCount: 2,
    }),
  );
  const arn = out.TargetGroups?.[0]?.TargetGroupArn ?? '';
  await elb.send(new ModifyTargetGroupAttributesCommand({ TargetGroupArn: arn, Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '5' }] }));
  return arn;
}

const forward = (TargetGroupArn: string) => [{ Type: 'forward' as const, TargetGroupArn }];

async function listener(lbArn: string, port: number, tgArn: string): Promise<string> {
  const out = await elb.send(new CreateListenerCommand({ LoadBalancerArn: lbArn, Protocol: 'HTTP', Port: port, DefaultActions: forward(tgArn) }));
  return out.Listeners?.[0]?.ListenerArn ?? '';
}

async function usedBy(tgArn: string): Promise<string[]> {
  const out = await elb.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [tgArn] }));
  return out.TargetGroups?.[0]?.LoadBalancerArns ?? [];
}

describe('the blue/green listener swap', () => {
  it('moves the production and test listeners between the target groups', async () => {
    const lb = await loadBalancer();
    const blue = await targetGroup('shop-blue');
    const green = await targetGroup('shop-green');
    const prod = await listener(lb, 80, blue);
    const test = await listener(lb, 8080, green);
    await elb.send(new AddTagsCommand({ ResourceArns: [blue], Tags: [{ Key: 'BG_VERSION', Value: 'BLUE' }] }));
    await elb.send(new AddTagsCommand({ ResourceArns: [green], Tags: [{ Key: 'BG_VERSION', Value: 'GREEN' }] }));

    await elb.send(new ModifyListenerCommand({ ListenerArn: prod, DefaultActions: forward(green) }));
    await elb.send(new ModifyListenerCommand({ ListenerArn: test, DefaultActions: forward(blue) }));

    const listeners = (await elb.send(new DescribeListenersCommand({ LoadBalancerArn: lb }))).Listeners ?? [];
    expect(listeners.map((l) => [l.Port, l.DefaultActions?.[0]?.TargetGroupArn])).toEqual([
      [80, green],
      [8080, blue],
    ]);
    const [defaultRule] = (await elb.send(new DescribeRulesCommand({ ListenerArn: prod }))).Rules ?? [];
    expect(defaultRule).toMatchObject({ IsDefault: true, Priority: 'default' });
    expect(defaultRule?.Actions?.[0]?.ForwardConfig?.TargetGroups).toEqual([{ TargetGroupArn: green, Weight: 1 }]);
    expect(await usedBy(green)).toEqual([lb]);
    expect(await usedBy(blue)).toEqual([lb]);

    const tags = (await elb.send(new DescribeTagsCommand({ ResourceArns: [blue, green] }))).TagDescriptions ?? [];
    expect(tags.map((t) => t.Tags?.[0]?.Value)).toEqual(['BLUE', 'GREEN']);
  });

  it('a non-default rule is swapped with ModifyRule; the default rule refuses it', async () => {
    const lb = await loadBalancer();
    const blue = await targetGroup('shop-blue');
    const green = await targetGroup('shop-green');
    const prod = await listener(lb, 80, blue);
    const rule = await elb.send(
      new CreateRuleCommand({ ListenerArn: prod, Priority: 5, Conditions: [{ Field: 'host-header', Values: ['api.example.com'] }], Actions: forward(blue) }),
    );
    const ruleArn = rule.Rules?.[0]?.RuleArn ?? '';
    await elb.send(new ModifyRuleCommand({ RuleArn: ruleArn, Actions: forward(green) }));
    const [described] = (await elb.send(new DescribeRulesCommand({ RuleArns: [ruleArn] }))).Rules ?? [];
    expect(described?.Actions?.[0]?.TargetGroupArn).toBe(green);
    expect(described?.Conditions).toEqual([{ Field: 'host-header', Values: ['api.example.com'], HostHeaderConfig: { Values: ['api.example.com'] } }]);
    const defaultArn = (await elb.send(new DescribeRulesCommand({ ListenerArn: prod }))).Rules?.find((r) => r.IsDefault)?.RuleArn ?? '';
    await expect(elb.send(new ModifyRuleCommand({ RuleArn: defaultArn, Actions: forward(green) }))).rejects.toBeInstanceOf(OperationNotPermittedException);
  });

  it('the old group stops being in use when the only listener switches away', async () => {
    const lb = await loadBalancer();
    const blue = await targetGroup('shop-blue');
    const green = await targetGroup('shop-green');
    const prod = await listener(lb, 80, blue);
    await elb.send(new ModifyListenerCommand({ ListenerArn: prod, DefaultActions: forward(green) }));
    expect(await usedBy(blue)).toEqual([]);
    expect(await usedBy(green)).toEqual([lb]);
  });
});

describe('target health', () => {
  it('goes initial → healthy (the SDK waiter sees it), then draining → gone after deregistration', async () => {
    const lb = await loadBalancer();
    const tg = await targetGroup('shop-blue');
    await listener(lb, 80, tg);
    const target = { Id: '10.0.3.7', Port: 8080 };
    await elb.send(new RegisterTargetsCommand({ TargetGroupArn: tg, Targets: [target] }));
    const first = (await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: tg }))).TargetHealthDescriptions?.[0];
    expect(first?.TargetHealth?.State).toBe('initial');
    expect(first?.TargetHealth?.Reason).toMatch(/^Elb\.(RegistrationInProgress|InitialHealthChecking)$/);

    const waited = await waitUntilTargetInService({ client: elb, maxWaitTime: 20, minDelay: 1, maxDelay: 1 }, { TargetGroupArn: tg, Targets: [target] });
    expect(waited.state).toBe('SUCCESS');

    await elb.send(new DeregisterTargetsCommand({ TargetGroupArn: tg, Targets: [target] }));
    const draining = (await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: tg }))).TargetHealthDescriptions?.[0]?.TargetHealth;
    expect(draining).toEqual({ State: 'draining', Reason: 'Target.DeregistrationInProgress', Description: 'Target deregistration is in progress' });
    await eventually('target gone', async () => {
      const out = await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: tg }));
      return (out.TargetHealthDescriptions ?? []).length === 0 ? true : undefined;
    });
  });

  it('answers unused / Target.NotInUse while no listener forwards to the group', async () => {
    const tg = await targetGroup('shop-idle');
    await elb.send(new RegisterTargetsCommand({ TargetGroupArn: tg, Targets: [{ Id: '10.0.3.8' }] }));
    const out = await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: tg }));
    expect(out.TargetHealthDescriptions?.[0]?.TargetHealth).toMatchObject({ State: 'unused', Reason: 'Target.NotInUse' });
  });
});

describe('errors and addressing', () => {
  it('answers the AWS error codes, which the SDK raises as its exception classes, with a request id', async () => {
    const lb = await loadBalancer();
    const missingTg = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/missing/0123456789abcdef';
    const tgError = await elb.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [missingTg] })).catch((e: unknown) => e);
    expect(tgError).toBeInstanceOf(TargetGroupNotFoundException);
    expect((tgError as TargetGroupNotFoundException).$metadata.requestId).toMatch(/\S/);
    await expect(elb.send(new CreateListenerCommand({ LoadBalancerArn: lb, Protocol: 'HTTP', Port: 80, DefaultActions: forward(missingTg) }))).rejects.toBeInstanceOf(
      TargetGroupNotFoundException,
    );
    await expect(elb.send(new DescribeListenersCommand({ ListenerArns: [`${lb.replace(':loadbalancer/', ':listener/')}/0123456789abcdef`] }))).rejects.toBeInstanceOf(
      ListenerNotFoundException,
    );
    await expect(
      elb.send(new DescribeRulesCommand({ RuleArns: [`${lb.replace(':loadbalancer/', ':listener-rule/')}/0123456789abcdef/0123456789abcdef`] })),
    ).rejects.toBeInstanceOf(RuleNotFoundException);
    await expect(elb.send(new DescribeLoadBalancersCommand({ Names: ['nope'] }))).rejects.toBeInstanceOf(LoadBalancerNotFoundException);

    const calls = await emu.control.calls();
    const failed = calls.filter((c) => c.service === 'elasticloadbalancing' && c.error !== undefined).map((c) => c.error);
    expect(failed).toEqual(['TargetGroupNotFound', 'TargetGroupNotFound', 'ListenerNotFound', 'RuleNotFound', 'LoadBalancerNotFound']);
  });

  it('is reached through AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2', async () => {
    const saved = process.env['AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2'];
    process.env['AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2'] = emu.url;
    try {
      const { endpoint: _endpoint, ...withoutEndpoint } = emu.clientConfig();
      const fromEnv = new ElasticLoadBalancingV2Client(withoutEndpoint);
      await loadBalancer();
      const out = await fromEnv.send(new DescribeLoadBalancersCommand({ Names: ['shop'] }));
      expect(out.LoadBalancers?.[0]?.LoadBalancerName).toBe('shop');
      fromEnv.destroy();
    } finally {
      if (saved === undefined) delete process.env['AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2'];
      else process.env['AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2'] = saved;
    }
  });
});
