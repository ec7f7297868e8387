/**
 * EmulatorOptions.waitForDeregistrationDelay (issue 17's benchmark): as in AWS, ECS keeps a task it stops DEACTIVATING
 * for its target group's deregistration delay before it stops it, so a rollout behind a load balancer reaches its
 * steady state only once the old targets have drained. Off by default (the old task stops after a short DEACTIVATING).
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import {
  CreateServiceCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ECSClient,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  ElasticLoadBalancingV2Client,
  ModifyTargetGroupAttributesCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { eventually, startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';

let emu: TestEmulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

/** Rolls a one-task service behind a target group with a 20 s deregistration delay from v1 to v2; returns how long
 * (simulated ms) the v1 task took from the stop request to STOPPED. */
async function drainOfOldTask(waitForDeregistrationDelay: boolean): Promise<number> {
  emu = await startTestEmulator({ taskStartMs: 1000, speed: 50, waitForDeregistrationDelay });
  const ecs = new ECSClient(emu.clientConfig());
  const elb = new ElasticLoadBalancingV2Client(emu.clientConfig());
  try {
    const tg = await elb.send(new CreateTargetGroupCommand({ Name: 'web', Protocol: 'HTTP', Port: 8080, VpcId: 'vpc-1', TargetType: 'ip' }));
    const tgArn = tg.TargetGroups?.[0]?.TargetGroupArn ?? '';
    await elb.send(new ModifyTargetGroupAttributesCommand({ TargetGroupArn: tgArn, Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '20' }] }));
    const lb = await elb.send(new CreateLoadBalancerCommand({ Name: 'web', Subnets: ['subnet-1', 'subnet-2'] }));
    const forward = [{ Type: 'forward' as const, TargetGroupArn: tgArn }];
    await elb.send(new CreateListenerCommand({ LoadBalancerArn: lb.LoadBalancers?.[0]?.LoadBalancerArn ?? '', Protocol: 'HTTP', Port: 80, DefaultActions: forward }));
    const register = async (image: string): Promise<string> =>
      (
        await ecs.send(
          new RegisterTaskDefinitionCommand({
            family: 'web',
            networkMode: 'awsvpc',
            requiresCompatibilities: ['FARGATE'],
            cpu: '256',
            memory: '512',
            containerDefinitions: [{ name: 'web', image, portMappings: [{ containerPort: 8080 }] }],
          }),
        )
      ).taskDefinition?.taskDefinitionArn ?? '';
    const network = { awsvpcConfiguration: { subnets: ['subnet-1'] } };
    const loadBalancers = [{ targetGroupArn: tgArn, containerName: 'web', containerPort: 8080 }];
    await ecs.send(new CreateServiceCommand({ serviceName: 'web', taskDefinition: await register('app:v1'), desiredCount: 1, launchType: 'FARGATE', networkConfiguration: network, loadBalancers }));
    const completed = async (): Promise<true | undefined> => {
      const s = (await ecs.send(new DescribeServicesCommand({ services: ['web'] }))).services?.[0];
      return s?.deployments?.length === 1 && s.deployments[0]?.rolloutState === 'COMPLETED' ? true : undefined;
    };
    await eventually('v1 steady', completed);
    const v1 = (await ecs.send(new ListTasksCommand({ serviceName: 'web' }))).taskArns ?? [];
    await ecs.send(new UpdateServiceCommand({ service: 'web', taskDefinition: await register('app:v2') }));
    await eventually('v2 steady', completed);
    const old = (await ecs.send(new DescribeTasksCommand({ tasks: v1 }))).tasks?.[0];
    expect(old?.lastStatus).toBe('STOPPED');
    return (old?.stoppedAt?.getTime() ?? 0) - (old?.stoppingAt?.getTime() ?? 0);
  } finally {
    ecs.destroy();
    elb.destroy();
  }
}

describe('ECS and the deregistration delay', () => {
  it('waits it out before stopping a deregistered task when asked to', async () => {
    expect(await drainOfOldTask(true)).toBeGreaterThanOrEqual(20_000);
  });

  it('by default stops the task after a short DEACTIVATING (the target drains in ELBv2 alone)', async () => {
    expect(await drainOfOldTask(false)).toBeLessThan(5_000);
  });
});
