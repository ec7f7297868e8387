/**
 * Weighted forward actions are an Application Load Balancer feature: ELBv2 refuses a forward action with several
 * target groups on a network load balancer's listener ("You cannot specify multiple target groups in a single
 * action with a load balancer of type 'network'"), and accepts them on an application one.
 */
import { beforeEach, expect, it } from '@jest/globals';
import type { ServiceModule, World } from '../../../src/emulator/contracts.js';
import { createElbv2Module } from '../../../src/emulator/elbv2/index.js';
import { asQueryParams, awsError, fakeWorld, invoke } from '../../helpers/emulator/module-harness.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let elb: ServiceModule;
let world: World;
const call = (op: string, params: object = {}): Json => invoke<Json>(elb, world, op, asQueryParams(params) as object);

beforeEach(() => {
  world = fakeWorld();
  elb = createElbv2Module({ clock: world.clock, region: 'us-east-1', accountId: '123456789012' }).module;
});

function listenerWithTwoGroups(type: 'application' | 'network'): { listener: string; blue: string; green: string } {
  const protocol = type === 'application' ? 'HTTP' : 'TCP';
  const subnets = type === 'application' ? ['subnet-1', 'subnet-2'] : ['subnet-1'];
  const lb = call('CreateLoadBalancer', { Name: type, Type: type, Subnets: subnets })['LoadBalancers'][0]['LoadBalancerArn'];
  const group = (name: string): string =>
    call('CreateTargetGroup', { Name: name, Protocol: protocol, Port: 8080, VpcId: 'vpc-1', TargetType: 'ip' })['TargetGroups'][0]['TargetGroupArn'];
  const blue = group(`${type}-blue`);
  const green = group(`${type}-green`);
  const listener = call('CreateListener', { LoadBalancerArn: lb, Protocol: protocol, Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: blue }] })[
    'Listeners'
  ][0]['ListenerArn'];
  return { listener, blue, green };
}

const weighted = (blue: string, green: string): object[] => [
  { Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: blue, Weight: 90 }, { TargetGroupArn: green, Weight: 10 }] } },
];

it('refuses a weighted forward on a network load balancer listener and leaves it as it was', () => {
  const { listener, blue, green } = listenerWithTwoGroups('network');
  const err = awsError(() => call('ModifyListener', { ListenerArn: listener, DefaultActions: weighted(blue, green) }));
  expect(err).toMatchObject({ code: 'ValidationError', status: 400 });
  expect(err.message).toContain("multiple target groups in a single action with a load balancer of type 'network'");
  const now = call('DescribeListeners', { ListenerArns: [listener] })['Listeners'][0];
  expect(now['DefaultActions'][0]['TargetGroupArn']).toBe(blue);
});

it('accepts a weighted forward on an application load balancer listener', () => {
  const { listener, blue, green } = listenerWithTwoGroups('application');
  const out = call('ModifyListener', { ListenerArn: listener, DefaultActions: weighted(blue, green) })['Listeners'][0];
  expect(out['DefaultActions'][0]['ForwardConfig']['TargetGroups']).toEqual([
    { TargetGroupArn: blue, Weight: 90 },
    { TargetGroupArn: green, Weight: 10 },
  ]);
});
