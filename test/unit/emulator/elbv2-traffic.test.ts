/**
 * The production and test routes of ECS-native blue/green deployments as ECS reads and moves them through the
 * ElbBackend: a listener rule (or a listener's default rule) of an Application Load Balancer, a Network Load
 * Balancer's listener, their forward weights, and the rewritten forward action DescribeRules / DescribeListeners
 * then show (both groups listed, in use by the load balancer).
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import type { ElbBackend, ServiceModule, World } from '../../../src/emulator/contracts.js';
import { createElbv2Module } from '../../../src/emulator/elbv2/index.js';
import { asQueryParams, fakeWorld, invoke } from '../../helpers/emulator/module-harness.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let elb: ServiceModule;
let backend: ElbBackend;
let world: World;
const call = (op: string, params: object = {}): Json => invoke<Json>(elb, world, op, asQueryParams(params) as object);
const tg = (name: string, protocol = 'HTTP'): string =>
  call('CreateTargetGroup', { Name: name, Protocol: protocol, Port: 80, VpcId: 'vpc-1', TargetType: 'ip' })['TargetGroups'][0]['TargetGroupArn'];

beforeEach(() => {
  world = fakeWorld();
  const created = createElbv2Module({ clock: world.clock, region: 'us-east-1', accountId: '123456789012' });
  elb = created.module;
  backend = created.backend;
});

describe('ALB routes', () => {
  it('read a rule forwarding to one group, then rewrite it with both groups and their weights', () => {
    const blue = tg('blue');
    const green = tg('green');
    const lb = call('CreateLoadBalancer', { Name: 'web', Subnets: ['a', 'b'] })['LoadBalancers'][0]['LoadBalancerArn'];
    const listener = call('CreateListener', { LoadBalancerArn: lb, Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: blue }] })['Listeners'][0];
    const rule = call('CreateRule', {
      ListenerArn: listener['ListenerArn'],
      Priority: 5,
      Conditions: [{ Field: 'path-pattern', Values: ['/*'] }],
      Actions: [{ Type: 'forward', TargetGroupArn: blue }],
    })['Rules'][0]['RuleArn'];
    expect(backend.route(rule)).toEqual({ kind: 'rule', loadBalancerType: 'application', weights: [{ targetGroupArn: blue, weight: 1 }] });
    expect(backend.route(listener['ListenerArn'])?.kind).toBe('listener');
    expect(backend.route(`${rule}0`)).toBeUndefined();

    backend.setRouteWeights(rule, [
      { targetGroupArn: blue, weight: 90 },
      { targetGroupArn: green, weight: 10 },
    ]);
    const action = call('DescribeRules', { RuleArns: [rule] })['Rules'][0]['Actions'][0];
    expect(action['TargetGroupArn']).toBeUndefined();
    expect(action['ForwardConfig']['TargetGroups']).toEqual([
      { TargetGroupArn: blue, Weight: 90 },
      { TargetGroupArn: green, Weight: 10 },
    ]);
    expect(call('DescribeTargetGroups', { TargetGroupArns: [green] })['TargetGroups'][0]['LoadBalancerArns']).toEqual([lb]);
  });

  it('read and move a listener default rule', () => {
    const blue = tg('blue');
    const green = tg('green');
    const lb = call('CreateLoadBalancer', { Name: 'web', Subnets: ['a', 'b'] })['LoadBalancers'][0]['LoadBalancerArn'];
    const listenerArn = call('CreateListener', { LoadBalancerArn: lb, Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: blue }] })['Listeners'][0]['ListenerArn'];
    const defaultRule = call('DescribeRules', { ListenerArn: listenerArn })['Rules'].find((r: Json) => r['IsDefault'] === 'true' || r['IsDefault'] === true)['RuleArn'];
    expect(backend.route(defaultRule)?.kind).toBe('rule');
    backend.setRouteWeights(defaultRule, [
      { targetGroupArn: blue, weight: 0 },
      { targetGroupArn: green, weight: 100 },
    ]);
    const actions = call('DescribeListeners', { ListenerArns: [listenerArn] })['Listeners'][0]['DefaultActions'];
    expect(actions[0]['ForwardConfig']['TargetGroups']).toEqual([
      { TargetGroupArn: blue, Weight: 0 },
      { TargetGroupArn: green, Weight: 100 },
    ]);
  });
});

describe('NLB routes', () => {
  it('are listeners', () => {
    const blue = tg('tcp-blue', 'TCP');
    const lb = call('CreateLoadBalancer', { Name: 'tcp', Type: 'network', Subnets: ['a'] })['LoadBalancers'][0]['LoadBalancerArn'];
    const listenerArn = call('CreateListener', { LoadBalancerArn: lb, Protocol: 'TCP', Port: 5432, DefaultActions: [{ Type: 'forward', TargetGroupArn: blue }] })['Listeners'][0]['ListenerArn'];
    expect(backend.route(listenerArn)).toEqual({ kind: 'listener', loadBalancerType: 'network', weights: [{ targetGroupArn: blue, weight: 1 }] });
  });
});
