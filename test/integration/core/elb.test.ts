/**
 * The ELB layer (src/core/elb) against the embedded emulator through the real ELBv2 and ECS SDK clients: routes on
 * an Application Load Balancer (default rule, other rule, weighted forward) and a Network Load Balancer, clear
 * errors for what does not exist, the swap put back when the emulator fails its second change, and the wait for a
 * service's tasks to be healthy targets.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { CreateServiceCommand, ECSClient, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateRuleCommand,
  CreateTargetGroupCommand,
  DeleteRuleCommand,
  DeleteTargetGroupCommand,
  DescribeListenersCommand,
  DescribeRulesCommand,
  ElasticLoadBalancingV2Client,
  ModifyTargetGroupAttributesCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Action } from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  describeTargetGroup,
  findLoadBalancer,
  findRoute,
  forwardOf,
  pointRouteAt,
  RouteSwapError,
  routeForward,
  routeTargetGroup,
  serviceTargets,
  swapRoutes,
  waitForHealthyTargets,
} from '../../../src/core/elb/index.js';
import { ConfigurationError } from '../../../src/core/errors.js';
import { Deadline, realSleep, systemClock } from '../../../src/core/time.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { rejectionOf } from '../../helpers/rejection.js';

let emu: TestEmulator;
let elb: ElasticLoadBalancingV2Client;
let ecs: ECSClient;

beforeAll(async () => {
  emu = await startTestEmulator({ taskStartMs: 1000, speed: 50 });
  elb = new ElasticLoadBalancingV2Client(emu.clientConfig());
  ecs = new ECSClient(emu.clientConfig());
});
afterAll(async () => {
  elb.destroy();
  ecs.destroy();
  await emu.stop();
});
beforeEach(async () => emu.control.reset());

const forward = (arn: string): Action[] => [{ Type: 'forward', TargetGroupArn: arn }];

async function loadBalancer(name: string, type: 'application' | 'network' = 'application'): Promise<string> {
  const subnets = type === 'application' ? ['subnet-1', 'subnet-2'] : ['subnet-1'];
  const out = await elb.send(new CreateLoadBalancerCommand({ Name: name, Type: type, Subnets: subnets }));
  return out.LoadBalancers?.[0]?.LoadBalancerArn ?? '';
}

/** An ip target group checked every 5 s, decided after 2 checks. */
async function targetGroup(name: string, protocol: 'HTTP' | 'TCP' = 'HTTP'): Promise<string> {
  const out = await elb.send(
    new CreateTargetGroupCommand({
      Name: name,
      Protocol: protocol,
      Port: 8080,
      VpcId: 'vpc-1',
      TargetType: 'ip',
      HealthCheckIntervalSeconds: 5,
      HealthCheckTimeoutSeconds: 2,
      HealthyThresholdCount: 2,
      UnhealthyThresholdCount: 2,
    }),
  );
  return out.TargetGroups?.[0]?.TargetGroupArn ?? '';
}

async function listener(lb: string, port: number, actions: Action[], protocol: 'HTTP' | 'TCP' = 'HTTP'): Promise<string> {
  const out = await elb.send(new CreateListenerCommand({ LoadBalancerArn: lb, Port: port, Protocol: protocol, DefaultActions: actions }));
  return out.Listeners?.[0]?.ListenerArn ?? '';
}

async function rule(listenerArn: string, priority: number, path: string, actions: Action[]): Promise<string> {
  const out = await elb.send(
    new CreateRuleCommand({ ListenerArn: listenerArn, Priority: priority, Conditions: [{ Field: 'path-pattern', Values: [path] }], Actions: actions }),
  );
  return out.Rules?.[0]?.RuleArn ?? '';
}

/** What the listener's default actions and the rule forward to now, read back through the SDK. */
async function liveDefault(listenerArn: string): Promise<string | undefined> {
  const out = await elb.send(new DescribeListenersCommand({ ListenerArns: [listenerArn] }));
  return forwardOf(out.Listeners?.[0]?.DefaultActions ?? [])?.targetGroups.map((g) => g.arn).join(',');
}
async function liveRule(ruleArn: string): Promise<string | undefined> {
  const out = await elb.send(new DescribeRulesCommand({ RuleArns: [ruleArn] }));
  return forwardOf(out.Rules?.[0]?.Actions ?? [])?.targetGroups.map((g) => g.arn).join(',');
}

describe('routes of an Application Load Balancer', () => {
  it("finds the listener's default rule by port and its target group, with port, protocol and deregistration delay", async () => {
    const lb = await loadBalancer('shop');
    const blue = await targetGroup('blue');
    await elb.send(new ModifyTargetGroupAttributesCommand({ TargetGroupArn: blue, Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }] }));
    const prod = await listener(lb, 80, forward(blue));

    const route = await findRoute(elb, { loadBalancer: 'shop', listener: '80' });
    expect(route.loadBalancer).toMatchObject({ arn: lb, name: 'shop', type: 'application' });
    expect(route.listener).toMatchObject({ arn: prod, port: 80, protocol: 'HTTP' });
    expect(route.rule).toMatchObject({ listenerArn: prod, isDefault: true, priority: 'default' });
    expect(routeTargetGroup(route)).toBe(blue);
    expect(await describeTargetGroup(elb, blue)).toMatchObject({
      port: 8080,
      protocol: 'HTTP',
      targetType: 'ip',
      loadBalancerArns: [lb],
      deregistrationDelaySeconds: 30,
      healthCheck: { enabled: true, intervalSeconds: 5, healthyThresholdCount: 2 },
    });
  });

  it('finds a non-default rule by ARN and swaps two rules with ModifyRule', async () => {
    const lb = await loadBalancer('shop');
    const [web, blue, green] = [await targetGroup('web'), await targetGroup('api-blue'), await targetGroup('api-green')];
    const prod = await listener(lb, 80, forward(web));
    const stage = await listener(lb, 8080, forward(web));
    const prodRule = await rule(prod, 10, '/api/*', forward(blue));
    const stageRule = await rule(stage, 10, '/api/*', forward(green));

    const prodRoute = await findRoute(elb, { loadBalancer: lb, listener: prod, rule: prodRule });
    const stageRoute = await findRoute(elb, { loadBalancer: prodRoute.loadBalancer, listener: 8080, rule: stageRule });
    expect(prodRoute.rule).toMatchObject({ arn: prodRule, isDefault: false, priority: '10' });
    expect(routeTargetGroup(stageRoute)).toBe(green);

    const since = Date.now();
    await swapRoutes(elb, prodRoute, stageRoute);
    expect([await liveRule(prodRule), await liveRule(stageRule)]).toEqual([green, blue]);
    expect([await liveDefault(prod), await liveDefault(stage)]).toEqual([web, web]);
    const changes = (await emu.control.calls(since)).filter((c) => c.operation.startsWith('Modify')).map((c) => c.operation);
    expect(changes).toEqual(['ModifyRule', 'ModifyRule']);
  });

  it('reads a weighted forward with its stickiness, and shifts its weights keeping both', async () => {
    const lb = await loadBalancer('shop');
    const [blue, green] = [await targetGroup('blue'), await targetGroup('green')];
    const weighted: Action = {
      Type: 'forward',
      ForwardConfig: {
        TargetGroups: [
          { TargetGroupArn: blue, Weight: 100 },
          { TargetGroupArn: green, Weight: 0 },
        ],
        TargetGroupStickinessConfig: { Enabled: true, DurationSeconds: 600 },
      },
    };
    await listener(lb, 80, [weighted]);
    const route = await findRoute(elb, { loadBalancer: 'shop', listener: 80 });
    expect(routeForward(route)).toMatchObject({
      targetGroups: [
        { arn: blue, weight: 100 },
        { arn: green, weight: 0 },
      ],
      stickiness: { enabled: true, durationSeconds: 600 },
    });
    expect(routeTargetGroup(route)).toBe(blue);

    const shift = await pointRouteAt(elb, route, [
      { arn: blue, weight: 90 },
      { arn: green, weight: 10 },
    ]);
    expect(shift.changed).toBe(true);
    const again = await findRoute(elb, { loadBalancer: 'shop', listener: 80 });
    expect(routeForward(again)).toMatchObject({
      targetGroups: [
        { arn: blue, weight: 90 },
        { arn: green, weight: 10 },
      ],
      stickiness: { enabled: true, durationSeconds: 600 },
    });
    expect(() => routeTargetGroup(again)).toThrow(/splits traffic between/);
  });
});

describe('routes of a Network Load Balancer', () => {
  it('finds a TCP listener by port and swaps two listeners with ModifyListener', async () => {
    const lb = await loadBalancer('tcp-shop', 'network');
    const [blue, green] = [await targetGroup('tcp-blue', 'TCP'), await targetGroup('tcp-green', 'TCP')];
    const prod = await listener(lb, 5432, forward(blue), 'TCP');
    const stage = await listener(lb, 6432, forward(green), 'TCP');

    const prodRoute = await findRoute(elb, { loadBalancer: 'tcp-shop', listener: 5432 });
    const stageRoute = await findRoute(elb, { loadBalancer: prodRoute.loadBalancer, listener: stage });
    expect(prodRoute.loadBalancer.type).toBe('network');
    expect(prodRoute.listener).toMatchObject({ arn: prod, protocol: 'TCP' });
    expect(prodRoute.rule.isDefault).toBe(true);
    expect(routeTargetGroup(prodRoute)).toBe(blue);
    expect(await describeTargetGroup(elb, blue)).toMatchObject({ protocol: 'TCP', port: 8080 });

    await swapRoutes(elb, prodRoute, stageRoute);
    expect([await liveDefault(prod), await liveDefault(stage)]).toEqual([green, blue]);
  });
});

describe('what does not exist', () => {
  it('is a ConfigurationError naming the input and what is missing', async () => {
    const lb = await loadBalancer('shop');
    const blue = await targetGroup('blue');
    const prod = await listener(lb, 80, forward(blue));
    const inputs = { loadBalancer: 'load-balancer', listener: 'prod-listener', rule: 'prod-listener-rule' };

    const noLb = await rejectionOf(findLoadBalancer(elb, 'nope', { input: 'load-balancer' }));
    expect(noLb).toBeInstanceOf(ConfigurationError);
    expect(noLb.message).toBe("input 'load-balancer': load balancer 'nope' not found");

    const noPort = await rejectionOf(findRoute(elb, { loadBalancer: 'shop', listener: 443 }, { inputs }));
    expect(noPort).toBeInstanceOf(ConfigurationError);
    expect(noPort.message).toBe("input 'prod-listener': load balancer shop has no listener on port 443 (it listens on 80)");

    const goneListener = `${prod.slice(0, prod.lastIndexOf('/'))}/0123456789abcdef`;
    const noListener = await rejectionOf(findRoute(elb, { loadBalancer: 'shop', listener: goneListener }, { inputs }));
    expect(noListener.message).toBe(`input 'prod-listener': listener '${goneListener}' of load balancer shop not found`);

    const deleted = await rule(prod, 5, '/old/*', forward(blue));
    await elb.send(new DeleteRuleCommand({ RuleArn: deleted }));
    const noRule = await rejectionOf(findRoute(elb, { loadBalancer: 'shop', listener: 80, rule: deleted }, { inputs }));
    expect(noRule).toBeInstanceOf(ConfigurationError);
    expect(noRule.message).toBe(`input 'prod-listener-rule': rule '${deleted}' of listener '${prod}' not found`);

    const green = await targetGroup('green');
    await elb.send(new DeleteTargetGroupCommand({ TargetGroupArn: green }));
    const noTg = await rejectionOf(describeTargetGroup(elb, green, { input: 'target-group-arn' }));
    expect(noTg).toBeInstanceOf(ConfigurationError);
    expect(noTg.message).toBe(`input 'target-group-arn': target group '${green}' not found`);
  });

  it('a rule without a forward action is a clear error', async () => {
    const lb = await loadBalancer('shop');
    await listener(lb, 80, [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }]);
    const route = await findRoute(elb, { loadBalancer: 'shop', listener: 80 });
    expect(() => routeTargetGroup(route, 'prod-listener')).toThrow(
      "input 'prod-listener': the default rule of listener 80 (HTTP) of load balancer shop has no forward action (its actions: fixed-response)",
    );
  });
});

describe('the swap when the second change fails', () => {
  async function twoRoutes() {
    const lb = await loadBalancer('shop');
    const [web, blue, green] = [await targetGroup('web'), await targetGroup('blue'), await targetGroup('green')];
    const prod = await listener(lb, 80, forward(blue));
    const stage = await listener(lb, 8080, forward(web));
    const stageRule = await rule(stage, 10, '/*', forward(green));
    return { prod, stage, stageRule, blue, green, web };
  }

  it('puts the first listener back (fault on ModifyRule)', async () => {
    const { prod, stageRule, blue, green } = await twoRoutes();
    const prodRoute = await findRoute(elb, { loadBalancer: 'shop', listener: 80 });
    const stageRoute = await findRoute(elb, { loadBalancer: 'shop', listener: 8080, rule: stageRule });
    await emu.control.addFault({ operation: 'ModifyRule', error: 'ValidationError', count: 1 });

    const error = await rejectionOf(swapRoutes(elb, prodRoute, stageRoute));
    expect(error).toBeInstanceOf(RouteSwapError);
    expect((error as RouteSwapError).restored).toBe(true);
    expect(error.message).toContain('The first change was put back');
    expect([await liveDefault(prod), await liveRule(stageRule)]).toEqual([blue, green]);
    const modifies = (await emu.control.calls()).filter((c) => c.operation.startsWith('Modify'));
    expect(modifies.map((c) => `${c.operation}${c.fault !== undefined ? ' (fault)' : ''}`)).toEqual([
      'ModifyListener',
      'ModifyRule (fault)',
      'ModifyListener',
    ]);
  });

  it('puts the first listener back (fault on the second ModifyListener)', async () => {
    const { prod, stage, blue, web } = await twoRoutes();
    const prodRoute = await findRoute(elb, { loadBalancer: 'shop', listener: 80 });
    const stageRoute = await findRoute(elb, { loadBalancer: 'shop', listener: 8080 });
    await emu.control.addFault({ operation: 'ModifyListener', error: 'ValidationError', after: 1, count: 1 });

    const error = await rejectionOf(swapRoutes(elb, prodRoute, stageRoute));
    expect(error).toBeInstanceOf(RouteSwapError);
    expect((error as RouteSwapError).failedChange).toBe('second');
    expect([await liveDefault(prod), await liveDefault(stage)]).toEqual([blue, web]);
  });
});

describe('waiting for healthy targets', () => {
  /** A 2-task service behind a new load balancer; ECS leaves unhealthy tasks running for the grace period. */
  async function serviceBehind(image: string, healthCheckGracePeriodSeconds = 0): Promise<string> {
    const lb = await loadBalancer('shop');
    const tg = await targetGroup('web');
    await listener(lb, 80, forward(tg));
    const td = await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: 'web',
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        cpu: '256',
        memory: '512',
        containerDefinitions: [{ name: 'web', image, portMappings: [{ containerPort: 8080 }] }],
      }),
    );
    await ecs.send(
      new CreateServiceCommand({
        serviceName: 'web',
        taskDefinition: td.taskDefinition?.taskDefinitionArn,
        desiredCount: 2,
        launchType: 'FARGATE',
        networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } },
        loadBalancers: [{ targetGroupArn: tg, containerName: 'web', containerPort: 8080 }],
        healthCheckGracePeriodSeconds,
      }),
    );
    return tg;
  }

  const wait = (tg: string, failOnUnhealthy = false) =>
    waitForHealthyTargets(
      { elb, clock: systemClock, sleep: realSleep },
      {
        targetGroupArn: tg,
        targets: serviceTargets(ecs, { cluster: 'default', service: 'web', containerName: 'web', containerPort: 8080 }),
        minimum: 2,
        failOnUnhealthy,
      },
      { deadline: new Deadline(systemClock, 20_000), intervalMs: 100 },
    );

  it("ends when the service's tasks, registered by ECS with their IPs, are healthy", async () => {
    const tg = await serviceBehind('app:v1');
    const end = await wait(tg);
    expect(end.kind).toBe('healthy');
    expect(end.targets).toHaveLength(2);
    expect(end.targets.every((t) => t.state === 'healthy' && /^\d+\.\d+\.\d+\.\d+$/.test(t.id ?? '') && t.port === 8080)).toBe(true);
  });

  it('reports targets failing their health checks', async () => {
    const tg = await serviceBehind('app:unhealthy', 120);
    const end = await wait(tg, true);
    expect(end.kind).toBe('unhealthy');
    expect(end.targets.find((t) => t.state === 'unhealthy')).toMatchObject({ reason: 'Target.FailedHealthChecks' });
  });
});
