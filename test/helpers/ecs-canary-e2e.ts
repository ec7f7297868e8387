/**
 * Shared setting for the ecs-canary end-to-end tests: a base service `web` behind an Application Load Balancer
 * (an ip target group checked every 5 s of simulated time), the bundle run against the emulator, and reads of what
 * a user would check in AWS afterwards (through the real SDK).
 */
import { CloudWatchClient, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { CreateServiceCommand, DescribeServicesCommand, ECSClient, RegisterTaskDefinitionCommand, type Service } from '@aws-sdk/client-ecs';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { ChildProcess } from 'node:child_process';
import { eventually, startTestEmulator, type TestEmulator } from './emulator.js';
import { makeWorkspace, runAction, type ActionRun } from './run-action.js';
import { taskDefinitionJson } from './ecs-rolling-e2e.js';

export { isMutating, mutatingCalls } from './ecs-rolling-e2e.js';

export const NETWORK = { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d'], securityGroups: ['sg-0a1b2c3d'], assignPublicIp: 'DISABLED' as const } };

export interface CanaryWorld {
  emu: TestEmulator;
  ecs: ECSClient;
  elb: ElasticLoadBalancingV2Client;
  cloudwatch: CloudWatchClient;
  stop(): Promise<void>;
}

export async function startCanaryE2e(timing: { taskStartMs: number; speed: number } = { taskStartMs: 1000, speed: 50 }): Promise<CanaryWorld> {
  const emu = await startTestEmulator(timing);
  const ecs = new ECSClient(emu.clientConfig());
  const elb = new ElasticLoadBalancingV2Client(emu.clientConfig());
  const cloudwatch = new CloudWatchClient(emu.clientConfig());
  return {
    emu,
    ecs,
    elb,
    cloudwatch,
    stop: async () => {
      ecs.destroy();
      elb.destroy();
      cloudwatch.destroy();
      await emu.stop();
    },
  };
}

export interface BaseService {
  targetGroupArn: string;
  taskDefinitionArn: string;
}

/** Base service `web` (web:1, `count` tasks) behind a load balancer, steady with every target healthy. */
export async function createBase(w: CanaryWorld, count = 4): Promise<BaseService> {
  const tg = await w.elb.send(
    new CreateTargetGroupCommand({
      Name: 'web',
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
  const targetGroupArn = tg.TargetGroups?.[0]?.TargetGroupArn ?? '';
  const lb = await w.elb.send(new CreateLoadBalancerCommand({ Name: 'web', Subnets: ['subnet-0a1b2c3d', 'subnet-1a2b3c4d'] }));
  await w.elb.send(
    new CreateListenerCommand({
      LoadBalancerArn: lb.LoadBalancers?.[0]?.LoadBalancerArn ?? '',
      Protocol: 'HTTP',
      Port: 80,
      DefaultActions: [{ Type: 'forward', TargetGroupArn: targetGroupArn }],
    }),
  );
  const td = await w.ecs.send(new RegisterTaskDefinitionCommand(JSON.parse(taskDefinitionJson('nginx:1.26')) as never));
  const taskDefinitionArn = td.taskDefinition?.taskDefinitionArn ?? '';
  await w.ecs.send(
    new CreateServiceCommand({
      serviceName: 'web',
      taskDefinition: taskDefinitionArn,
      desiredCount: count,
      launchType: 'FARGATE',
      networkConfiguration: NETWORK,
      loadBalancers: [{ targetGroupArn, containerName: 'web', containerPort: 8080 }],
      tags: [{ key: 'team', value: 'payments' }],
    }),
  );
  await eventually('base service web to be steady with healthy targets', async () => {
    const svc = await describe(w.ecs, 'web');
    const health = await w.elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn }));
    const healthy = (health.TargetHealthDescriptions ?? []).filter((t) => t.TargetHealth?.State === 'healthy').length;
    return svc?.runningCount === count && healthy === count ? true : undefined;
  });
  return { targetGroupArn, taskDefinitionArn };
}

export async function putAlarm(w: CanaryWorld, name: string): Promise<void> {
  await w.cloudwatch.send(
    new PutMetricAlarmCommand({
      AlarmName: name,
      MetricName: 'HTTPCode_Target_5XX_Count',
      Namespace: 'AWS/ApplicationELB',
      Statistic: 'Sum',
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 5,
      ComparisonOperator: 'GreaterThanThreshold',
    }),
  );
}

export async function describe(ecs: ECSClient, name: string): Promise<Service | undefined> {
  const out = await ecs.send(new DescribeServicesCommand({ services: [name], include: ['TAGS'] }));
  return out.services?.[0];
}

/** The status of `webCanary` (ACTIVE, DRAINING, INACTIVE) or `MISSING`. */
export async function canaryStatus(ecs: ECSClient, name = 'webCanary'): Promise<string> {
  return (await describe(ecs, name))?.status ?? 'MISSING';
}

/** The workspace's files: the task definition `taskdef.json` with the image placeholder. */
export function canaryWorkspaceFiles(files: Record<string, string> = {}): Record<string, string> {
  return { 'taskdef.json': taskDefinitionJson('<+artifact.image>'), ...files };
}

export function canaryWorkspace(files: Record<string, string> = {}): string {
  return makeWorkspace(canaryWorkspaceFiles(files));
}

export interface RunCanaryOptions {
  workspace?: string;
  env?: Record<string, string | undefined>;
  onStart?: (child: ChildProcess, output: { text(): string }) => void;
}

export function runCanary(w: CanaryWorld, inputs: Record<string, string | number | boolean | undefined>, options: RunCanaryOptions = {}): Promise<ActionRun> {
  return runAction('ecs-canary', {
    inputs,
    env: { ...w.emu.env(), ...options.env },
    workspace: options.workspace ?? canaryWorkspace(),
    timeoutMs: 90_000,
    ...(options.onStart !== undefined ? { onStart: options.onStart } : {}),
  });
}

/** The inputs of a canary deploy of `image` from the workspace's task definition. */
export function deployInputs(image: string, extra: Record<string, string | number | undefined> = {}): Record<string, string | number | undefined> {
  return { service: 'web', 'task-definition': 'taskdef.json', image, ...extra };
}
