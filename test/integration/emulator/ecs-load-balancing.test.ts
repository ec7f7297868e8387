/**
 * ECS services behind an Application Load Balancer, through the real ECS and ELBv2 clients: target registration
 * and deregistration as DescribeTargetHealth shows them, the events ECS writes, ELB health check failures
 * replacing tasks, healthCheckGracePeriodSeconds, and the load balancer checks CreateService makes.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  CreateServiceCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ECSClient,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type Service,
} from '@aws-sdk/client-ecs';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { eventually, startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';

let emu: TestEmulator;
let ecs: ECSClient;
let elb: ElasticLoadBalancingV2Client;

beforeAll(async () => {
  emu = await startTestEmulator({ taskStartMs: 1000, speed: 50 });
  ecs = new ECSClient(emu.clientConfig());
  elb = new ElasticLoadBalancingV2Client(emu.clientConfig());
});
afterAll(async () => {
  ecs.destroy();
  elb.destroy();
  await emu.stop();
});
beforeEach(async () => emu.control.reset());

const network = { awsvpcConfiguration: { subnets: ['subnet-1'] } };

/** A load balancer with a listener forwarding to an ip target group checked every 5 s (2 checks to decide). */
async function targetGroup(attach = true): Promise<string> {
  const tg = await elb.send(
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
  const tgArn = tg.TargetGroups?.[0]?.TargetGroupArn ?? '';
  if (attach) {
    const lb = await elb.send(new CreateLoadBalancerCommand({ Name: 'web', Subnets: ['subnet-1', 'subnet-2'] }));
    await elb.send(
      new CreateListenerCommand({
        LoadBalancerArn: lb.LoadBalancers?.[0]?.LoadBalancerArn ?? '',
        Protocol: 'HTTP',
        Port: 80,
        DefaultActions: [{ Type: 'forward', TargetGroupArn: tgArn }],
      }),
    );
  }
  return tgArn;
}

async function register(image: string): Promise<string> {
  const out = await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: 'web',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '512',
      memory: '1024',
      containerDefinitions: [{ name: 'web', image, portMappings: [{ containerPort: 8080 }] }],
    }),
  );
  return out.taskDefinition?.taskDefinitionArn ?? '';
}

async function service(): Promise<Service> {
  const s = (await ecs.send(new DescribeServicesCommand({ services: ['web'] }))).services?.[0];
  if (!s) throw new Error('service missing');
  return s;
}

function create(taskDefinition: string, targetGroupArn: string, desiredCount: number, grace?: number): Promise<unknown> {
  return ecs.send(
    new CreateServiceCommand({
      serviceName: 'web',
      taskDefinition,
      desiredCount,
      launchType: 'FARGATE',
      networkConfiguration: network,
      loadBalancers: [{ targetGroupArn, containerName: 'web', containerPort: 8080 }],
      ...(grace !== undefined ? { healthCheckGracePeriodSeconds: grace } : {}),
    }),
  );
}

async function targets(tgArn: string): Promise<{ id: string; state: string }[]> {
  const out = await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: tgArn }));
  return (out.TargetHealthDescriptions ?? []).map((d) => ({ id: d.Target?.Id ?? '', state: d.TargetHealth?.State ?? '' }));
}

async function taskIps(desiredStatus: 'RUNNING' | 'STOPPED' = 'RUNNING'): Promise<string[]> {
  const arns = (await ecs.send(new ListTasksCommand({ serviceName: 'web', desiredStatus }))).taskArns ?? [];
  if (arns.length === 0) return [];
  const tasks = (await ecs.send(new DescribeTasksCommand({ tasks: arns }))).tasks ?? [];
  return tasks.map((t) => t.containers?.[0]?.networkInterfaces?.[0]?.privateIpv4Address ?? '');
}

describe('a service behind a load balancer', () => {
  it('registers its tasks, waits for healthy targets, and deregisters tasks it stops', async () => {
    const tgArn = await targetGroup();
    await create(await register('app:v1'), tgArn, 2);
    const steady = await eventually('steady', async () => {
      const s = await service();
      return s.deployments?.[0]?.rolloutState === 'COMPLETED' ? s : undefined;
    });
    const ips = await taskIps();
    const health = await targets(tgArn);
    expect(health.map((t) => t.id).sort()).toEqual([...ips].sort());
    expect(health.every((t) => t.state === 'healthy')).toBe(true);
    const registered = (steady.events ?? [])
      .map((e) => new RegExp(`^\\(service web\\) registered (\\d+) targets in \\(target-group ${tgArn.replace(/[/.]/g, '\\$&')}\\)$`).exec(e.message ?? ''))
      .filter((m) => m !== null)
      .reduce((n, m) => n + Number(m[1]), 0);
    expect(registered).toBe(2);
    expect(steady.loadBalancers).toEqual([{ targetGroupArn: tgArn, containerName: 'web', containerPort: 8080 }]);

    await ecs.send(new UpdateServiceCommand({ service: 'web', desiredCount: 1 }));
    const scaled = await eventually('deregistered event', async () => {
      const s = await service();
      return s.events?.some((e) => e.message === `(service web) deregistered 1 targets in (target-group ${tgArn})`) ? s : undefined;
    });
    expect(scaled.events?.some((e) => e.message === '(service web) has begun draining connections on 1 tasks.')).toBe(true);
    const [stoppedIp] = await taskIps('STOPPED');
    const after = await targets(tgArn);
    expect(after.find((t) => t.id === stoppedIp)?.state ?? 'gone').toMatch(/^(draining|gone)$/);
    expect(after.filter((t) => t.state === 'healthy')).toHaveLength(1);
  });

  it('replaces a task whose target fails the ELB health checks', async () => {
    const tgArn = await targetGroup();
    await create(await register('app:unhealthy'), tgArn, 1);
    const s = await eventually('unhealthy event', async () => {
      const svc = await service();
      return svc.events?.some((e) => e.message?.includes('is unhealthy in')) ? svc : undefined;
    });
    const message = s.events?.find((e) => e.message?.includes('is unhealthy in'))?.message ?? '';
    expect(message).toMatch(
      new RegExp(`^\\(service web\\) \\(task [0-9a-f]{32}\\) \\(port 8080\\) is unhealthy in \\(target-group ${tgArn.replace(/[/.]/g, '\\$&')}\\) due to \\(reason Health checks failed\\)\\.$`),
    );
    const arns = (await ecs.send(new ListTasksCommand({ serviceName: 'web', desiredStatus: 'STOPPED' }))).taskArns ?? [];
    const [task] = (await ecs.send(new DescribeTasksCommand({ tasks: arns }))).tasks ?? [];
    expect(task?.stoppedReason).toBe(`Task failed ELB health checks in (target-group ${tgArn})`);
    expect(task?.stopCode).toBe('ServiceSchedulerInitiated');
  });

  it('leaves an unhealthy task running during healthCheckGracePeriodSeconds', async () => {
    const tgArn = await targetGroup();
    await create(await register('app:unhealthy'), tgArn, 1, 3600);
    await eventually('target unhealthy', async () => ((await targets(tgArn)).some((t) => t.state === 'unhealthy') ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 300)); // 15 simulated seconds more
    const s = await service();
    expect(s.runningCount).toBe(1);
    expect(s.events?.some((e) => e.message?.includes('is unhealthy in'))).toBe(false);
    expect(s.deployments?.[0]?.rolloutState).toBe('IN_PROGRESS');
  });
});

describe('CreateService load balancer checks', () => {
  it('refuses a target group no load balancer uses, and a container port the task does not expose', async () => {
    const td = await register('app:v1');
    const lonely = await targetGroup(false);
    await expect(create(td, lonely, 1)).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: `The target group with targetGroupArn ${lonely} does not have an associated load balancer.`,
    });
    const tgArn = await targetGroup();
    await expect(
      ecs.send(
        new CreateServiceCommand({
          serviceName: 'web',
          taskDefinition: td,
          desiredCount: 1,
          launchType: 'FARGATE',
          networkConfiguration: network,
          loadBalancers: [{ targetGroupArn: tgArn, containerName: 'web', containerPort: 9090 }],
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterException', message: 'The container web did not have a container port 9090 defined.' });
  });
});
