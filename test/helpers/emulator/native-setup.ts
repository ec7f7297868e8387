/**
 * A service set up for ECS blue/green, linear and canary deployments in the emulator, through the real SDK: an
 * Application Load Balancer with a production listener (port 80) and a test listener (port 9000), each with a rule
 * forwarding 100 % to the blue target group and 0 % to the green (alternate) one, and a Fargate service whose load
 * balancer names both groups and rules in its advancedConfiguration.
 */
import {
  CreateServiceCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  ListServiceDeploymentsCommand,
  type DeploymentConfiguration,
  type LoadBalancer,
  type ECSClient,
  type Service,
  type ServiceDeployment,
} from '@aws-sdk/client-ecs';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateRuleCommand,
  CreateTargetGroupCommand,
  DescribeRulesCommand,
  type ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { eventually } from '../emulator.js';
import { registerWeb as registerSharedWeb } from './web-service.js';

export interface NativeSetup {
  blueTg: string;
  greenTg: string;
  productionRule: string;
  testRule: string;
  listeners: { production: string; test: string };
}

async function tg(elb: ElasticLoadBalancingV2Client, name: string): Promise<string> {
  const out = await elb.send(
    new CreateTargetGroupCommand({
      Name: name,
      Protocol: 'HTTP',
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

async function listenerWithRule(elb: ElasticLoadBalancingV2Client, lbArn: string, port: number, blueTg: string, greenTg: string) {
  const listener = await elb.send(
    new CreateListenerCommand({
      LoadBalancerArn: lbArn,
      Protocol: 'HTTP',
      Port: port,
      DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }],
    }),
  );
  const listenerArn = listener.Listeners?.[0]?.ListenerArn ?? '';
  const rule = await elb.send(
    new CreateRuleCommand({
      ListenerArn: listenerArn,
      Priority: 1,
      Conditions: [{ Field: 'path-pattern', Values: ['/*'] }],
      Actions: [
        {
          Type: 'forward',
          ForwardConfig: {
            TargetGroups: [
              { TargetGroupArn: blueTg, Weight: 100 },
              { TargetGroupArn: greenTg, Weight: 0 },
            ],
          },
        },
      ],
    }),
  );
  return { listenerArn, ruleArn: rule.Rules?.[0]?.RuleArn ?? '' };
}

export async function createNativeLoadBalancer(elb: ElasticLoadBalancingV2Client): Promise<NativeSetup> {
  const blueTg = await tg(elb, 'web-blue');
  const greenTg = await tg(elb, 'web-green');
  const lb = await elb.send(new CreateLoadBalancerCommand({ Name: 'web', Subnets: ['subnet-1', 'subnet-2'] }));
  const lbArn = lb.LoadBalancers?.[0]?.LoadBalancerArn ?? '';
  const production = await listenerWithRule(elb, lbArn, 80, blueTg, greenTg);
  const test = await listenerWithRule(elb, lbArn, 9000, blueTg, greenTg);
  return {
    blueTg,
    greenTg,
    productionRule: production.ruleArn,
    testRule: test.ruleArn,
    listeners: { production: production.listenerArn, test: test.listenerArn },
  };
}

/** A revision of task definition `web` whose container serves port 8080 (the target groups' port). */
export function registerWeb(ecs: ECSClient, image: string): Promise<string> {
  return registerSharedWeb(ecs, image, { portMappings: [{ containerPort: 8080 }] });
}

export function nativeLoadBalancers(setup: NativeSetup): LoadBalancer[] {
  return [
    {
      targetGroupArn: setup.blueTg,
      containerName: 'web',
      containerPort: 8080,
      advancedConfiguration: {
        alternateTargetGroupArn: setup.greenTg,
        productionListenerRule: setup.productionRule,
        testListenerRule: setup.testRule,
        roleArn: 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers',
      },
    },
  ];
}

export async function describeService(ecs: ECSClient): Promise<Service> {
  const s = (await ecs.send(new DescribeServicesCommand({ services: ['web'] }))).services?.[0];
  if (!s) throw new Error('service web missing');
  return s;
}

/** Creates service `web` (2 tasks) with the strategy and waits for its first deployment to complete. */
export async function createNativeService(ecs: ECSClient, setup: NativeSetup, taskDefinition: string, config: DeploymentConfiguration): Promise<void> {
  await ecs.send(
    new CreateServiceCommand({
      serviceName: 'web',
      taskDefinition,
      desiredCount: 2,
      launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } },
      loadBalancers: nativeLoadBalancers(setup),
      deploymentConfiguration: config,
    }),
  );
  await eventually('first deployment completed', async () => ((await describeService(ecs)).deployments?.[0]?.rolloutState === 'COMPLETED' ? true : undefined));
}

/** The newest service deployment of service web. */
export async function latestDeployment(ecs: ECSClient): Promise<ServiceDeployment> {
  const list = await ecs.send(new ListServiceDeploymentsCommand({ service: 'web' }));
  const arn = list.serviceDeployments?.[0]?.serviceDeploymentArn ?? '';
  const sd = (await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }))).serviceDeployments?.[0];
  if (!sd) throw new Error('no service deployment');
  return sd;
}

/** The weights a listener rule forwards with, by target group ARN. */
export async function ruleWeights(elb: ElasticLoadBalancingV2Client, ruleArn: string): Promise<Record<string, number>> {
  const rule = (await elb.send(new DescribeRulesCommand({ RuleArns: [ruleArn] }))).Rules?.[0];
  const groups = rule?.Actions?.find((a) => a.Type === 'forward')?.ForwardConfig?.TargetGroups ?? [];
  return Object.fromEntries(groups.map((g) => [g.TargetGroupArn ?? '', g.Weight ?? 0]));
}
