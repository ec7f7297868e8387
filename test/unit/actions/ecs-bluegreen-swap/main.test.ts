/**
 * main's swap against mocked ELBv2 and ECS clients (aws-sdk-client-mock on the client classes, since main builds
 * its own clients) with fake time, for the moment the end-to-end tests cannot hit exactly: the workflow is
 * cancelled while the first listener change is in flight (B5, S10). Both changes are still made, the services are
 * retagged, the old service is not downsized, and the step says so.
 */
import { beforeEach, expect, it } from '@jest/globals';
import { DescribeServicesCommand, ECSClient, TagResourceCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import type { Service } from '@aws-sdk/client-ecs';
import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  ElasticLoadBalancingV2Client,
  ModifyListenerCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Action, Rule } from '@aws-sdk/client-elastic-load-balancing-v2';
import { mockClient } from 'aws-sdk-client-mock';
import { INPUT_NAMES } from '../../../../src/actions/ecs-bluegreen-swap/inputs.js';
import { main } from '../../../../src/actions/ecs-bluegreen-swap/main.js';
import { CancelledError } from '../../../../src/core/errors.js';
import { fakeRuntime } from '../../../helpers/fakes.js';

const P = 'arn:aws:elasticloadbalancing:us-east-1:123456789012';
const LB = `${P}:loadbalancer/app/shop/50dc6c495c0c9188`;
const PROD = `${P}:listener/app/shop/50dc6c495c0c9188/f2f7dc8efc522ab2`;
const STAGE = `${P}:listener/app/shop/50dc6c495c0c9188/a3a7dc8efc522ab3`;
const TG_A = `${P}:targetgroup/a/73e2d6bc24d8a067`;
const TG_B = `${P}:targetgroup/b/83e2d6bc24d8a068`;
const ECS = 'arn:aws:ecs:us-east-1:123456789012:service/default';

const elbMock = mockClient(ElasticLoadBalancingV2Client);
const ecsMock = mockClient(ECSClient);

/** The default actions of each listener as ELBv2 holds them (ModifyListener changes them). */
const live = new Map<string, Action[]>();
const ruleOf = (listener: string): Rule => ({ RuleArn: `${listener.replace(':listener/', ':listener-rule/')}/0`, IsDefault: true, Priority: 'default', Actions: live.get(listener) ?? [] });
const service = (name: string, tg: string, colour: string): Service => ({
  serviceName: name,
  serviceArn: `${ECS}/${name}`,
  status: 'ACTIVE',
  desiredCount: 2,
  runningCount: 2,
  loadBalancers: [{ targetGroupArn: tg, containerName: 'web', containerPort: 8080 }],
  tags: [{ key: 'BG_VERSION', value: colour }],
});

beforeEach(() => {
  elbMock.reset();
  ecsMock.reset();
  live.set(PROD, [{ Type: 'forward', TargetGroupArn: TG_A }]);
  live.set(STAGE, [{ Type: 'forward', TargetGroupArn: TG_B }]);
  elbMock.on(DescribeLoadBalancersCommand).resolves({ LoadBalancers: [{ LoadBalancerArn: LB, LoadBalancerName: 'shop', Type: 'application' }] });
  elbMock.on(DescribeListenersCommand).callsFake(() => ({
    Listeners: [PROD, STAGE].map((arn, i) => ({ ListenerArn: arn, LoadBalancerArn: LB, Port: i === 0 ? 80 : 8080, Protocol: 'HTTP', DefaultActions: live.get(arn) })),
  }));
  elbMock.on(DescribeRulesCommand).callsFake((input: { ListenerArn?: string; RuleArns?: string[] }) => ({
    Rules: input.ListenerArn !== undefined ? [ruleOf(input.ListenerArn)] : [PROD, STAGE].map(ruleOf).filter((r) => input.RuleArns?.includes(r.RuleArn ?? '') === true),
  }));
  ecsMock.on(DescribeServicesCommand).resolves({ services: [service('shop__1', TG_A, 'BLUE'), service('shop__2', TG_B, 'GREEN')] });
  ecsMock.on(TagResourceCommand).resolves({});
  ecsMock.on(UpdateServiceCommand).resolves({});
});

it('finishes both listener changes and retags when cancelled during the first, and skips the downsize (B5, S10)', async () => {
  const f = fakeRuntime({
    inputs: { mode: 'swap', 'load-balancer': 'shop', 'prod-listener': '80', 'stage-listener': '8080', 'stage-service': 'shop__2', 'blue-service': 'shop__1' },
    declared: INPUT_NAMES,
    env: { AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret' },
  });
  elbMock.on(ModifyListenerCommand).callsFake((input: { ListenerArn: string; DefaultActions: Action[] }) => {
    if (input.ListenerArn === PROD) f.cancel(new CancelledError('SIGINT')); // the signal lands while the first change is sent
    live.set(input.ListenerArn, input.DefaultActions);
    return {};
  });
  await expect(main(f.rt)).rejects.toThrow(/cancelled after the swap: the listeners are swapped, but the old service shop__1 was not downsized/);
  expect(live.get(PROD)).toEqual([{ Type: 'forward', TargetGroupArn: TG_B }]);
  expect(live.get(STAGE)).toEqual([{ Type: 'forward', TargetGroupArn: TG_A }]);
  const tags = ecsMock.commandCalls(TagResourceCommand).map((c) => `${c.args[0].input.resourceArn?.split('/').pop() ?? ''}=${c.args[0].input.tags?.[0]?.value ?? ''}`);
  expect(tags).toEqual(['shop__2=BLUE', 'shop__1=GREEN']);
  expect(ecsMock.commandCalls(UpdateServiceCommand)).toHaveLength(0);
  expect(f.log.text()).toContain('Swapping Successful.');
});

it('changes nothing when cancelled before the first change (B5, S10)', async () => {
  const f = fakeRuntime({
    inputs: { mode: 'swap', 'load-balancer': 'shop', 'prod-listener': '80', 'stage-listener': '8080', service: 'shop' },
    declared: INPUT_NAMES,
    env: { AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret' },
  });
  elbMock.on(ModifyListenerCommand).resolves({});
  ecsMock.on(DescribeServicesCommand).callsFake(() => {
    f.cancel(new CancelledError('SIGINT')); // while the services are read
    return { services: [service('shop__1', TG_A, 'BLUE'), service('shop__2', TG_B, 'GREEN')] };
  });
  await expect(main(f.rt)).rejects.toThrow(/cancelled \(SIGINT received\)/);
  expect(elbMock.commandCalls(ModifyListenerCommand)).toHaveLength(0);
  expect(ecsMock.commandCalls(TagResourceCommand)).toHaveLength(0);
});
