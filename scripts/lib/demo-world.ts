/**
 * The infrastructure the demo deploys into, created through the SDK the way Terraform or CloudFormation would have
 * created it before the first workflow run: cluster `demo`, an Application Load Balancer `web` (listener 80 → target
 * group `web`) for the rolling and canary deployments, and an Application Load Balancer `shop` with a prod (80) and a
 * stage (8080) listener, each forwarding to its own target group, for blue/green.
 */
import type { ECSClient } from '@aws-sdk/client-ecs';
import { CreateClusterCommand } from '@aws-sdk/client-ecs';
import type {
  ElasticLoadBalancingV2Client} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand
} from '@aws-sdk/client-elastic-load-balancing-v2';

export interface DemoWorld {
  webTargetGroupArn: string;
  shop: { loadBalancer: string; prodListenerArn: string; stageListenerArn: string };
}

export interface DemoClients {
  ecs: ECSClient;
  elb: ElasticLoadBalancingV2Client;
}

async function targetGroup(elb: ElasticLoadBalancingV2Client, name: string): Promise<string> {
  const out = await elb.send(
    new CreateTargetGroupCommand({
      Name: name,
      Protocol: 'HTTP',
      Port: 8080,
      VpcId: 'vpc-0a1b2c3d',
      TargetType: 'ip',
      HealthCheckPath: '/healthz',
      HealthCheckIntervalSeconds: 5,
      HealthCheckTimeoutSeconds: 2,
      HealthyThresholdCount: 2,
      UnhealthyThresholdCount: 2,
    }),
  );
  return out.TargetGroups?.[0]?.TargetGroupArn ?? '';
}

async function loadBalancer(elb: ElasticLoadBalancingV2Client, name: string, listeners: Array<[number, string]>): Promise<string[]> {
  const lb = await elb.send(new CreateLoadBalancerCommand({ Name: name, Type: 'application', Subnets: ['subnet-0a1b2c3d', 'subnet-1a2b3c4d'] }));
  const arn = lb.LoadBalancers?.[0]?.LoadBalancerArn ?? '';
  const listenerArns: string[] = [];
  for (const [port, tg] of listeners) {
    const out = await elb.send(
      new CreateListenerCommand({ LoadBalancerArn: arn, Protocol: 'HTTP', Port: port, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }] }),
    );
    listenerArns.push(out.Listeners?.[0]?.ListenerArn ?? '');
  }
  return listenerArns;
}

export async function createDemoWorld(c: DemoClients): Promise<DemoWorld> {
  await c.ecs.send(new CreateClusterCommand({ clusterName: 'demo' }));
  const web = await targetGroup(c.elb, 'web');
  await loadBalancer(c.elb, 'web', [[80, web]]);
  const shopA = await targetGroup(c.elb, 'shop-a');
  const shopB = await targetGroup(c.elb, 'shop-b');
  const [prod = '', stage = ''] = await loadBalancer(c.elb, 'shop', [
    [80, shopA],
    [8080, shopB],
  ]);
  return { webTargetGroupArn: web, shop: { loadBalancer: 'shop', prodListenerArn: prod, stageListenerArn: stage } };
}
