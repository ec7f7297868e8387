/**
 * Network load balancer listeners per the ELBv2 API reference: they forward (to TCP-family target groups) and have
 * no rules besides their default one ("CreateRule: The listener must be associated with an Application Load
 * Balancer"); DescribeRules lists that default rule, which changes through ModifyListener.
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import type { ServiceModule, World } from '../../../src/emulator/contracts.js';
import { createElbv2Module } from '../../../src/emulator/elbv2/index.js';
import { asQueryParams, awsError, fakeWorld, invoke } from '../../helpers/emulator/module-harness.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let elb: ServiceModule;
let world: World;
const call = (op: string, params: object = {}): Json => invoke<Json>(elb, world, op, asQueryParams(params) as object);

let lbArn: string;
let tgArn: string;
let listenerArn: string;

beforeEach(() => {
  world = fakeWorld();
  elb = createElbv2Module({ clock: world.clock, region: 'us-east-1', accountId: '123456789012' }).module;
  lbArn = call('CreateLoadBalancer', { Name: 'tcp', Type: 'network', Subnets: ['subnet-1'] })['LoadBalancers'][0]['LoadBalancerArn'];
  tgArn = call('CreateTargetGroup', { Name: 'tcp-blue', Protocol: 'TCP', Port: 5432, VpcId: 'vpc-1', TargetType: 'ip' })['TargetGroups'][0]['TargetGroupArn'];
  listenerArn = call('CreateListener', {
    LoadBalancerArn: lbArn,
    Protocol: 'TCP',
    Port: 5432,
    DefaultActions: [{ Type: 'forward', TargetGroupArn: tgArn }],
  })['Listeners'][0]['ListenerArn'];
});

describe('network load balancer listeners', () => {
  it('describe their default rule, forwarding to the TCP group', () => {
    const rules = call('DescribeRules', { ListenerArn: listenerArn })['Rules'];
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({ IsDefault: true, Priority: 'default', Actions: [{ Type: 'forward', TargetGroupArn: tgArn }] });
  });

  it('refuse CreateRule', () => {
    const err = awsError(() =>
      call('CreateRule', {
        ListenerArn: listenerArn,
        Priority: 1,
        Conditions: [{ Field: 'path-pattern', Values: ['/*'] }],
        Actions: [{ Type: 'forward', TargetGroupArn: tgArn }],
      }),
    );
    expect(err).toMatchObject({ code: 'InvalidConfigurationRequest', status: 400 });
    expect(err.message).toBe("Rules are not supported by load balancers of type 'network'");
    expect(call('DescribeRules', { ListenerArn: listenerArn })['Rules']).toHaveLength(1);
  });

  it('refuse actions other than forward, in CreateListener and ModifyListener', () => {
    const fixed = [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '503' } }];
    const create = awsError(() => call('CreateListener', { LoadBalancerArn: lbArn, Protocol: 'TCP', Port: 6432, DefaultActions: fixed }));
    expect(create).toMatchObject({ code: 'InvalidLoadBalancerAction', status: 400 });
    expect(create.message).toBe("Action type 'fixed-response' is not supported by load balancers of type 'network'");
    const modify = awsError(() => call('ModifyListener', { ListenerArn: listenerArn, DefaultActions: [{ Type: 'redirect', RedirectConfig: { StatusCode: 'HTTP_301' } }] }));
    expect(modify.code).toBe('InvalidLoadBalancerAction');
    expect(call('DescribeListeners', { ListenerArns: [listenerArn] })['Listeners'][0]['DefaultActions'][0]['TargetGroupArn']).toBe(tgArn);
  });
});
