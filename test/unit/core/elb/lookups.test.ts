import { beforeEach, describe, expect, it } from '@jest/globals';
import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  DescribeTargetGroupAttributesCommand,
  DescribeTargetGroupsCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { mockClient } from 'aws-sdk-client-mock';
import { ConfigurationError } from '../../../../src/core/errors.js';
import { describeTargetGroup, findListener, findLoadBalancer, findRoute, findRule, listenerArnOfRule } from '../../../../src/core/elb/index.js';
import type { LoadBalancerInfo } from '../../../../src/core/elb/index.js';
import {
  ALB_ARN,
  BLUE_TG,
  GREEN_TG,
  PROD_DEFAULT_RULE,
  PROD_LISTENER,
  PROD_RULE,
  STAGE_LISTENER,
  STAGE_RULE,
  alb,
  awsError,
  forwardTo,
  listener,
  nlb,
  rule,
} from './fixtures.js';
import { rejectionOf } from '../../../helpers/rejection.js';

const elbMock = mockClient(ElasticLoadBalancingV2Client);
const elb = new ElasticLoadBalancingV2Client({ region: 'us-east-1' });
const shop: LoadBalancerInfo = { arn: ALB_ARN, name: 'shop', type: 'application' };
beforeEach(() => {
  elbMock.reset();
});

describe('findLoadBalancer', () => {
  it('looks a name up by Names and an ARN by LoadBalancerArns, and counts the call', async () => {
    elbMock.on(DescribeLoadBalancersCommand).resolves({ LoadBalancers: [alb] });
    const calls: string[] = [];
    expect(await findLoadBalancer(elb, 'shop', { onCall: (op) => calls.push(op) })).toEqual({
      arn: ALB_ARN,
      name: 'shop',
      type: 'application',
      dnsName: 'shop.elb.test',
    });
    await findLoadBalancer(elb, ALB_ARN);
    expect(elbMock.commandCalls(DescribeLoadBalancersCommand).map((c) => c.args[0].input)).toEqual([
      { Names: ['shop'] },
      { LoadBalancerArns: [ALB_ARN] },
    ]);
    expect(calls).toEqual(['DescribeLoadBalancers']);
  });

  it('finds a network load balancer', async () => {
    elbMock.on(DescribeLoadBalancersCommand).resolves({ LoadBalancers: [nlb] });
    expect((await findLoadBalancer(elb, 'tcp-shop')).type).toBe('network');
  });

  it('turns LoadBalancerNotFound and ValidationError into ConfigurationErrors naming the input', async () => {
    elbMock.on(DescribeLoadBalancersCommand).rejects(awsError('LoadBalancerNotFoundException', "Load balancers '[nope]' not found"));
    const missing = await rejectionOf(findLoadBalancer(elb, 'nope', { input: 'load-balancer' }));
    expect(missing).toBeInstanceOf(ConfigurationError);
    expect(missing.message).toBe("input 'load-balancer': load balancer 'nope' not found");

    elbMock.on(DescribeLoadBalancersCommand).rejects(awsError('ValidationError', "The load balancer name 'bad_name' is not valid"));
    const bad = await rejectionOf(findLoadBalancer(elb, 'bad_name', { input: 'load-balancer' }));
    expect(bad).toBeInstanceOf(ConfigurationError);
    expect(bad.message).toContain("The load balancer name 'bad_name' is not valid");
  });

  it('lets other errors through unchanged and refuses a gateway load balancer or an ARN of another kind', async () => {
    const denied = awsError('AccessDenied', 'not authorized to perform: elasticloadbalancing:DescribeLoadBalancers', 403);
    elbMock.on(DescribeLoadBalancersCommand).rejects(denied);
    expect(await rejectionOf(findLoadBalancer(elb, 'shop'))).toBe(denied);

    elbMock.on(DescribeLoadBalancersCommand).resolves({ LoadBalancers: [{ ...alb, Type: 'gateway' }] });
    expect((await rejectionOf(findLoadBalancer(elb, 'shop', { input: 'load-balancer' }))).message).toMatch(/is a gateway; only application and network/);

    elbMock.reset();
    const wrong = await rejectionOf(findLoadBalancer(elb, BLUE_TG, { input: 'load-balancer' }));
    expect(wrong).toBeInstanceOf(ConfigurationError);
    expect(wrong.message).toContain('is a targetgroup ARN, expected a load balancer ARN');
    expect(elbMock.calls()).toHaveLength(0);
  });
});

describe('findListener', () => {
  it('finds a listener by port across pages, and names the ports there are when none matches', async () => {
    elbMock
      .on(DescribeListenersCommand, { LoadBalancerArn: ALB_ARN })
      .resolves({ Listeners: [listener(STAGE_LISTENER, 8080, [forwardTo(GREEN_TG)])], NextMarker: 'm1' })
      .on(DescribeListenersCommand, { LoadBalancerArn: ALB_ARN, Marker: 'm1' })
      .resolves({ Listeners: [listener(PROD_LISTENER, 443, [forwardTo(BLUE_TG)], 'HTTPS')] });
    const found = await findListener(elb, shop, '443');
    expect(found).toMatchObject({ arn: PROD_LISTENER, port: 443, protocol: 'HTTPS' });
    expect(found.defaultActions).toEqual([forwardTo(BLUE_TG)]);
    expect((await findListener(elb, shop, 8080)).arn).toBe(STAGE_LISTENER);

    const missing = await rejectionOf(findListener(elb, shop, 9443, { input: 'stage-listener' }));
    expect(missing).toBeInstanceOf(ConfigurationError);
    expect(missing.message).toBe("input 'stage-listener': load balancer shop has no listener on port 9443 (it listens on 443, 8080)");
  });

  it('finds a listener by ARN and checks it belongs to the load balancer', async () => {
    elbMock.on(DescribeListenersCommand, { ListenerArns: [PROD_LISTENER] }).resolves({ Listeners: [listener(PROD_LISTENER, 80, [])] });
    expect((await findListener(elb, shop, PROD_LISTENER)).port).toBe(80);

    elbMock
      .on(DescribeListenersCommand, { ListenerArns: [PROD_LISTENER] })
      .resolves({ Listeners: [{ ...listener(PROD_LISTENER, 80, []), LoadBalancerArn: 'arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/other/1' }] });
    expect((await rejectionOf(findListener(elb, shop, PROD_LISTENER, { input: 'prod-listener' }))).message).toMatch(
      /^input 'prod-listener': listener '.+' belongs to load balancer '.+other.+', not to shop/,
    );
  });

  it('reports a listener ARN that does not exist, and a reference that is neither ARN nor port', async () => {
    elbMock.on(DescribeListenersCommand).rejects(awsError('ListenerNotFoundException', 'One or more listeners not found'));
    const missing = await rejectionOf(findListener(elb, shop, PROD_LISTENER, { input: 'prod-listener' }));
    expect(missing).toBeInstanceOf(ConfigurationError);
    expect(missing.message).toBe(`input 'prod-listener': listener '${PROD_LISTENER}' of load balancer shop not found`);
    expect((await rejectionOf(findListener(elb, shop, 'https', { input: 'prod-listener' }))).message).toContain(
      "'https' is neither a listener ARN nor a port (1-65535) of load balancer shop",
    );
    expect((await rejectionOf(findListener(elb, shop, '70000'))).message).toContain('neither a listener ARN nor a port');
  });
});

describe('findRule', () => {
  const prod = { arn: PROD_LISTENER, loadBalancerArn: ALB_ARN, port: 80, protocol: 'HTTP', defaultActions: [] };

  it('takes the listener default rule (IsDefault) when no rule ARN is given', async () => {
    elbMock
      .on(DescribeRulesCommand, { ListenerArn: PROD_LISTENER })
      .resolves({ Rules: [rule(PROD_RULE, [forwardTo(GREEN_TG)]), rule(PROD_DEFAULT_RULE, [forwardTo(BLUE_TG)], true)] });
    expect(await findRule(elb, prod, undefined)).toEqual({
      arn: PROD_DEFAULT_RULE,
      listenerArn: PROD_LISTENER,
      isDefault: true,
      priority: 'default',
      actions: [forwardTo(BLUE_TG)],
    });
    expect((await findRule(elb, prod, '  ')).isDefault).toBe(true);
  });

  it('finds a rule by ARN, refuses a rule of another listener before any call, and reports one that is gone', async () => {
    elbMock.on(DescribeRulesCommand, { RuleArns: [PROD_RULE] }).resolves({ Rules: [rule(PROD_RULE, [forwardTo(GREEN_TG)])] });
    expect(await findRule(elb, prod, PROD_RULE)).toMatchObject({ arn: PROD_RULE, isDefault: false, priority: '10' });

    const foreign = await rejectionOf(findRule(elb, prod, STAGE_RULE, { input: 'prod-listener-rule' }));
    expect(foreign.message).toBe(`input 'prod-listener-rule': rule '${STAGE_RULE}' is not a rule of listener '${PROD_LISTENER}' (port 80)`);
    expect(elbMock.commandCalls(DescribeRulesCommand)).toHaveLength(1);

    elbMock.on(DescribeRulesCommand).rejects(awsError('RuleNotFoundException', 'One or more rules not found'));
    const gone = await rejectionOf(findRule(elb, prod, PROD_RULE, { input: 'prod-listener-rule' }));
    expect(gone).toBeInstanceOf(ConfigurationError);
    expect(gone.message).toBe(`input 'prod-listener-rule': rule '${PROD_RULE}' of listener '${PROD_LISTENER}' not found`);
  });

  it('reads the listener of a rule from the rule ARN', () => {
    expect(listenerArnOfRule(PROD_RULE)).toBe(PROD_LISTENER);
    expect(listenerArnOfRule(STAGE_RULE)).toBe(STAGE_LISTENER);
  });
});

describe('findRoute', () => {
  it('finds load balancer, listener and rule, and blames the input of the part that is missing', async () => {
    elbMock.on(DescribeLoadBalancersCommand).resolves({ LoadBalancers: [alb] });
    elbMock.on(DescribeListenersCommand).resolves({ Listeners: [listener(PROD_LISTENER, 80, [forwardTo(BLUE_TG)])] });
    elbMock.on(DescribeRulesCommand).resolves({ Rules: [rule(PROD_DEFAULT_RULE, [forwardTo(BLUE_TG)], true)] });
    const inputs = { loadBalancer: 'load-balancer', listener: 'prod-listener', rule: 'prod-listener-rule' };
    const calls: string[] = [];
    const found = await findRoute(elb, { loadBalancer: 'shop', listener: 80 }, { inputs, onCall: (op) => calls.push(op) });
    expect(found.loadBalancer.name).toBe('shop');
    expect(found.listener.arn).toBe(PROD_LISTENER);
    expect(found.rule.arn).toBe(PROD_DEFAULT_RULE);
    expect(calls).toEqual(['DescribeLoadBalancers', 'DescribeListeners', 'DescribeRules']);

    const noPort = await rejectionOf(findRoute(elb, { loadBalancer: 'shop', listener: 8443 }, { inputs }));
    expect(noPort.message).toMatch(/^input 'prod-listener': load balancer shop has no listener on port 8443/);
  });
});

describe('describeTargetGroup', () => {
  it('reads port, protocol, type, health check and the deregistration delay', async () => {
    elbMock.on(DescribeTargetGroupsCommand, { TargetGroupArns: [BLUE_TG] }).resolves({
      TargetGroups: [
        {
          TargetGroupArn: BLUE_TG,
          TargetGroupName: 'blue',
          Protocol: 'HTTP',
          Port: 8080,
          TargetType: 'ip',
          LoadBalancerArns: [ALB_ARN],
          HealthCheckEnabled: true,
          HealthCheckProtocol: 'HTTP',
          HealthCheckPort: 'traffic-port',
          HealthCheckPath: '/health',
          HealthCheckIntervalSeconds: 10,
          HealthCheckTimeoutSeconds: 5,
          HealthyThresholdCount: 2,
          UnhealthyThresholdCount: 3,
        },
      ],
    });
    elbMock.on(DescribeTargetGroupAttributesCommand, { TargetGroupArn: BLUE_TG }).resolves({
      Attributes: [
        { Key: 'stickiness.enabled', Value: 'false' },
        { Key: 'deregistration_delay.timeout_seconds', Value: '30' },
      ],
    });
    const calls: string[] = [];
    expect(await describeTargetGroup(elb, BLUE_TG, { onCall: (op) => calls.push(op) })).toEqual({
      arn: BLUE_TG,
      name: 'blue',
      port: 8080,
      protocol: 'HTTP',
      targetType: 'ip',
      loadBalancerArns: [ALB_ARN],
      healthCheck: {
        enabled: true,
        protocol: 'HTTP',
        port: 'traffic-port',
        path: '/health',
        intervalSeconds: 10,
        timeoutSeconds: 5,
        healthyThresholdCount: 2,
        unhealthyThresholdCount: 3,
      },
      deregistrationDelaySeconds: 30,
    });
    expect(calls).toEqual(['DescribeTargetGroups', 'DescribeTargetGroupAttributes']);
  });

  it('reports a target group that does not exist, naming the input', async () => {
    elbMock.on(DescribeTargetGroupsCommand).rejects(awsError('TargetGroupNotFoundException', 'One or more target groups not found'));
    const missing = await rejectionOf(describeTargetGroup(elb, GREEN_TG, { input: 'target-group-arn' }));
    expect(missing).toBeInstanceOf(ConfigurationError);
    expect(missing.message).toBe(`input 'target-group-arn': target group '${GREEN_TG}' not found`);
    expect(elbMock.commandCalls(DescribeTargetGroupAttributesCommand)).toHaveLength(0);
  });
});
