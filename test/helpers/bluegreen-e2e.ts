/**
 * Shared setting for the ecs-bluegreen-swap end-to-end tests: a load balancer (application or network) with a prod
 * and a stage listener, each forwarding to its own target group, manifests whose service definition puts the
 * service behind `<+targetGroupArn>`, one bundle run per job (separate processes passing outputs), and reads of
 * what a user would check afterwards.
 */
import { DescribeServicesCommand, ECSClient, type Service } from '@aws-sdk/client-ecs';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateRuleCommand,
  CreateTargetGroupCommand,
  DescribeListenersCommand,
  DescribeRulesCommand,
  ElasticLoadBalancingV2Client,
  type Action,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { ChildProcess } from 'node:child_process';
import { startTestEmulator, type TestEmulator } from './emulator.js';
import { makeWorkspace, runAction, type ActionRun } from './run-action.js';
import { taskDefinitionJson } from './ecs-rolling-e2e.js';

export type LbType = 'application' | 'network';

export interface BlueGreenWorld {
  lbArn: string;
  lbName: string;
  prodListener: string;
  stageListener: string;
  /** With rules: the rule of each listener the routes use (path /app/*), the default rules forwarding elsewhere. */
  prodRule?: string;
  stageRule?: string;
  /** The target groups prod and stage forward to at the start. */
  tgA: string;
  tgB: string;
}

export function serviceDefinition(fields: Record<string, unknown> = {}): string {
  return JSON.stringify(
    {
      serviceName: 'shop',
      launchType: 'FARGATE',
      desiredCount: 2,
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d'], securityGroups: ['sg-0a1b2c3d'] } },
      loadBalancers: [{ targetGroupArn: '<+targetGroupArn>', containerName: 'web', containerPort: 8080 }],
      deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: false } },
      ...fields,
    },
    null,
    2,
  );
}

export function workspace(image = 'shop:1', extra: Record<string, string> = {}): string {
  return makeWorkspace({ 'taskdef.json': taskDefinitionJson(image), 'service.json': serviceDefinition(), ...extra });
}

export class BlueGreenE2e {
  readonly ecs: ECSClient;
  readonly elb: ElasticLoadBalancingV2Client;
  private constructor(readonly emu: TestEmulator) {
    this.ecs = new ECSClient(emu.clientConfig());
    this.elb = new ElasticLoadBalancingV2Client(emu.clientConfig());
  }

  static async start(): Promise<BlueGreenE2e> {
    return new BlueGreenE2e(await startTestEmulator({ taskStartMs: 1000, speed: 50 }));
  }

  async stop(): Promise<void> {
    this.ecs.destroy();
    this.elb.destroy();
    await this.emu.stop();
  }

  async targetGroup(name: string, type: LbType): Promise<string> {
    const out = await this.elb.send(
      new CreateTargetGroupCommand({
        Name: name,
        Protocol: type === 'application' ? 'HTTP' : 'TCP',
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

  /** Prod listener 80 → A, stage listener 8080 → B; with `rules`, a /app/* rule on each does that instead. */
  async world(type: LbType, opts: { rules?: boolean } = {}): Promise<BlueGreenWorld> {
    const lbName = `shop-${type === 'application' ? 'alb' : 'nlb'}`;
    const subnets = type === 'application' ? ['subnet-1', 'subnet-2'] : ['subnet-1'];
    const lb = await this.elb.send(new CreateLoadBalancerCommand({ Name: lbName, Type: type, Subnets: subnets }));
    const lbArn = lb.LoadBalancers?.[0]?.LoadBalancerArn ?? '';
    const tgA = await this.targetGroup(`${lbName}-a`, type);
    const tgB = await this.targetGroup(`${lbName}-b`, type);
    const protocol = type === 'application' ? 'HTTP' : 'TCP';
    const fallback: Action[] = [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }];
    const listener = async (port: number, tg: string): Promise<string> => {
      const actions = opts.rules === true ? fallback : forward(tg);
      const out = await this.elb.send(new CreateListenerCommand({ LoadBalancerArn: lbArn, Port: port, Protocol: protocol, DefaultActions: actions }));
      return out.Listeners?.[0]?.ListenerArn ?? '';
    };
    const prodListener = await listener(80, tgA);
    const stageListener = await listener(8080, tgB);
    const world: BlueGreenWorld = { lbArn, lbName, prodListener, stageListener, tgA, tgB };
    if (opts.rules !== true) return world;
    const rule = async (l: string, tg: string): Promise<string> => {
      const out = await this.elb.send(
        new CreateRuleCommand({ ListenerArn: l, Priority: 10, Conditions: [{ Field: 'path-pattern', Values: ['/app/*'] }], Actions: forward(tg) }),
      );
      return out.Rules?.[0]?.RuleArn ?? '';
    };
    return { ...world, prodRule: await rule(prodListener, tgA), stageRule: await rule(stageListener, tgB) };
  }

  /** The target groups (weight > 0) a listener's default rule, or a rule, forwards to. */
  async forwardsTo(listenerArn: string, ruleArn?: string): Promise<string[]> {
    let actions: Action[];
    if (ruleArn === undefined) {
      const out = await this.elb.send(new DescribeListenersCommand({ ListenerArns: [listenerArn] }));
      actions = out.Listeners?.[0]?.DefaultActions ?? [];
    } else {
      const out = await this.elb.send(new DescribeRulesCommand({ RuleArns: [ruleArn] }));
      actions = out.Rules?.[0]?.Actions ?? [];
    }
    const fwd = actions.find((a) => a.Type === 'forward');
    const tuples = fwd?.ForwardConfig?.TargetGroups ?? [];
    if (tuples.length > 0) return tuples.filter((t) => (t.Weight ?? 1) > 0).map((t) => t.TargetGroupArn ?? '');
    return fwd?.TargetGroupArn !== undefined ? [fwd.TargetGroupArn] : [];
  }

  async service(name: string): Promise<Service | undefined> {
    const out = await this.ecs.send(new DescribeServicesCommand({ services: [name], include: ['TAGS'] }));
    return out.services?.[0];
  }

  async colour(name: string): Promise<string | undefined> {
    return (await this.service(name))?.tags?.find((t) => t.key === 'BG_VERSION')?.value;
  }

  /** Runs one job of the workflow: the bundle with the load balancer inputs of `world` plus `inputs`. */
  async job(world: BlueGreenWorld, inputs: Record<string, string | undefined>, ws?: string, onStart?: (c: ChildProcess, o: { text(): string }) => void): Promise<ActionRun> {
    return runAction('ecs-bluegreen-swap', {
      inputs: { ...routeInputs(world), ...inputs },
      env: this.emu.env(),
      workspace: ws ?? workspace(),
      ...(onStart !== undefined ? { onStart } : {}),
    });
  }

  async deploy(world: BlueGreenWorld, image: string, extra: Record<string, string> = {}): Promise<ActionRun> {
    return this.job(world, { mode: 'deploy', 'task-definition': 'taskdef.json', 'service-definition': 'service.json', ...extra }, workspace(image));
  }
}

/** The load balancer inputs every mode takes. */
export function routeInputs(world: BlueGreenWorld): Record<string, string> {
  return {
    'load-balancer': world.lbName,
    'prod-listener': world.prodListener,
    'stage-listener': world.stageListener,
    ...(world.prodRule !== undefined ? { 'prod-listener-rule': world.prodRule } : {}),
    ...(world.stageRule !== undefined ? { 'stage-listener-rule': world.stageRule } : {}),
  };
}

/** Deploy's outputs given back to a later job as inputs (B7). */
export function fromDeploy(outputs: Record<string, string>): Record<string, string | undefined> {
  return {
    'stage-service': outputs['stageServiceName'],
    'blue-service': outputs['blueServiceName'] === '' ? undefined : outputs['blueServiceName'],
    'target-group-arn': outputs['targetGroupArn'],
    'prod-target-group-arn': outputs['prodTargetGroupArn'],
  };
}

function forward(tg: string): Action[] {
  return [{ Type: 'forward', TargetGroupArn: tg }];
}
