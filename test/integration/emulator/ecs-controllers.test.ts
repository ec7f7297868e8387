/**
 * Deployment controllers and strategies through the real ECS client: CODE_DEPLOY and EXTERNAL services are
 * accepted and described as ECS describes them (task sets, not deployments; no tasks run), UpdateService refuses
 * what those controllers do not let it change, and an ECS service's deploymentConfiguration.strategy
 * (BLUE_GREEN / LINEAR / CANARY with bake time, lifecycle hooks, linear / canary configuration) is stored and
 * described (the native deployments themselves: ecs-native-*.test.ts).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  ECSClient,
  InvalidParameterException,
  ListServiceDeploymentsCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type CreateServiceCommandInput,
  type Service,
  type UpdateServiceCommandInput,
} from '@aws-sdk/client-ecs';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { eventually, startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { createNativeLoadBalancer, nativeLoadBalancers } from '../../helpers/emulator/native-setup.js';

let emu: TestEmulator;
let ecs: ECSClient;
let elb: ElasticLoadBalancingV2Client;
const ARN = 'arn:aws:ecs:us-east-1:123456789012';

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

const network = { awsvpcConfiguration: { subnets: ['subnet-1'], securityGroups: ['sg-1'] } };

async function registerWeb(image = 'web:1'): Promise<string> {
  const out = await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: 'web',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      containerDefinitions: [{ name: 'web', image, portMappings: [{ containerPort: 8080 }] }],
    }),
  );
  return out.taskDefinition?.taskDefinitionArn ?? '';
}

async function create(input: Partial<CreateServiceCommandInput>): Promise<Service | undefined> {
  return (await ecs.send(new CreateServiceCommand({ serviceName: 'web', desiredCount: 2, ...input }))).service;
}

const codeDeploy = (taskDefinition: string): Partial<CreateServiceCommandInput> => ({
  taskDefinition,
  launchType: 'FARGATE',
  networkConfiguration: network,
  deploymentController: { type: 'CODE_DEPLOY' },
});

async function describe1(name = 'web'): Promise<Service | undefined> {
  return (await ecs.send(new DescribeServicesCommand({ services: [name] }))).services?.[0];
}

async function refusal(send: Promise<unknown>): Promise<string> {
  const err = await send.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(InvalidParameterException);
  return (err as Error).message;
}

const update = (input: Partial<UpdateServiceCommandInput>): Promise<unknown> =>
  ecs.send(new UpdateServiceCommand({ service: 'web', ...input }));

/** A few task-start periods of simulated time (1 s each, at speed 50). */
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 200));

describe('a CODE_DEPLOY service', () => {
  it('is described with its PRIMARY task set and no deployments, and runs no task', async () => {
    const td = await registerWeb();
    const created = await create(codeDeploy(td));
    expect(created).toMatchObject({ deploymentController: { type: 'CODE_DEPLOY' }, taskDefinition: td, status: 'ACTIVE' });
    await settle();
    const service = await describe1();
    expect(service?.deployments ?? []).toEqual([]);
    expect(service?.currentServiceDeployment).toBeUndefined();
    expect(service).toMatchObject({ taskDefinition: td, desiredCount: 2, runningCount: 0, pendingCount: 0, launchType: 'FARGATE' });
    expect(service?.taskSets).toHaveLength(1);
    const taskSet = service?.taskSets?.[0];
    expect(taskSet?.id).toMatch(/^ecs-svc\/\d{19}$/);
    expect(taskSet).toMatchObject({
      taskSetArn: `${ARN}:task-set/default/web/${taskSet?.id}`,
      serviceArn: `${ARN}:service/default/web`,
      status: 'PRIMARY',
      taskDefinition: td,
      computedDesiredCount: 2,
      runningCount: 0,
      pendingCount: 0,
      launchType: 'FARGATE',
      networkConfiguration: network,
      scale: { value: 100, unit: 'PERCENT' },
      stabilityStatus: 'STABILIZING',
    });
    expect((await ecs.send(new ListTasksCommand({ serviceName: 'web' }))).taskArns).toEqual([]);
    expect((await ecs.send(new ListServiceDeploymentsCommand({ service: 'web' }))).serviceDeployments).toEqual([]);
  });

  it('needs a task definition and refuses an ECS-only deployment configuration', async () => {
    const td = await registerWeb();
    const { taskDefinition: _td, ...withoutTaskDefinition } = codeDeploy(td);
    expect(await refusal(create(withoutTaskDefinition))).toBe('TaskDefinition can not be blank.');
    expect(await refusal(create({ ...codeDeploy(td), deploymentConfiguration: { strategy: 'BLUE_GREEN' } }))).toMatch(
      /BLUE_GREEN deployment strategy is only supported for services using the ECS deployment controller/,
    );
    expect(
      await refusal(create({ ...codeDeploy(td), deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } } })),
    ).toMatch(/circuit breaker can only be used for services using the ECS deployment controller/);
    expect(await refusal(create({ ...codeDeploy(td), deploymentConfiguration: { bakeTimeInMinutes: 5 } }))).toMatch(/^bakeTimeInMinutes is only supported/);
    const ec2 = { ...codeDeploy(td), launchType: 'EC2' as const, deploymentConfiguration: { maximumPercent: 150 } };
    expect(await refusal(create(ec2))).toMatch(/custom maximumPercent or minimumHealthyPercent .* CODE_DEPLOY .* EC2 launch type/);
    expect(await describe1()).toBeUndefined();
  });

  it('refuses UpdateService of what a CodeDeploy deployment must change, and takes the rest', async () => {
    const td = await registerWeb();
    await create(codeDeploy(td));
    const td2 = await registerWeb('web:2');
    const advice = 'deployment controller. Use AWS CodeDeploy to trigger a new deployment.';
    expect(await refusal(update({ taskDefinition: td2 }))).toBe(`Unable to update task definition on services with a CODE_DEPLOY ${advice}`);
    expect(await refusal(update({ taskDefinition: td }))).toBe(`Unable to update task definition on services with a CODE_DEPLOY ${advice}`);
    expect(await refusal(update({ networkConfiguration: network }))).toBe(`Unable to update network parameters on services with a CODE_DEPLOY ${advice}`);
    expect(await refusal(update({ loadBalancers: [] }))).toBe(`Unable to update load balancers on services with a CODE_DEPLOY ${advice}`);
    expect(await refusal(update({ forceNewDeployment: true }))).toBe(`Unable to force a new deployment on services with a CODE_DEPLOY ${advice}`);
    expect(await refusal(update({ deploymentController: { type: 'ECS' } }))).toMatch(/changing the deployment controller/);

    await update({ desiredCount: 3, deploymentConfiguration: { maximumPercent: 150 }, healthCheckGracePeriodSeconds: 30 });
    const service = await describe1();
    expect(service).toMatchObject({ taskDefinition: td, desiredCount: 3, healthCheckGracePeriodSeconds: 30 });
    expect(service?.deploymentConfiguration).toMatchObject({ maximumPercent: 150 });
    expect(service?.taskSets?.map((t) => [t.status, t.taskDefinition, t.computedDesiredCount])).toEqual([['PRIMARY', td, 3]]);
    expect(service?.deployments ?? []).toEqual([]);
  });

  it('is deleted like any service: DRAINING, then INACTIVE', async () => {
    await create(codeDeploy(await registerWeb()));
    const deleted = await ecs.send(new DeleteServiceCommand({ service: 'web', force: true }));
    expect(deleted.service).toMatchObject({ status: 'DRAINING', taskSets: [{ status: 'DRAINING' }] });
    await eventually('the service INACTIVE', async () => ((await describe1())?.status === 'INACTIVE' ? true : undefined));
  });
});

describe('an EXTERNAL service', () => {
  const external = { deploymentController: { type: 'EXTERNAL' as const } };

  it('takes only service-level parameters and has no task set and no task definition', async () => {
    const created = await create({ ...external, desiredCount: 1, healthCheckGracePeriodSeconds: 10, propagateTags: 'SERVICE' });
    expect(created).toMatchObject({ deploymentController: { type: 'EXTERNAL' }, desiredCount: 1, taskSets: [] });
    const service = await describe1();
    expect(service?.taskDefinition).toBeUndefined();
    expect(service?.launchType).toBeUndefined();
    expect(service?.deployments ?? []).toEqual([]);
    expect(service).toMatchObject({ taskSets: [], runningCount: 0, healthCheckGracePeriodSeconds: 10, propagateTags: 'SERVICE' });
  });

  it('refuses what belongs to its task sets', async () => {
    const td = await registerWeb();
    expect(await refusal(create({ ...external, taskDefinition: td }))).toBe('TaskDefinition must be blank.');
    expect(await refusal(create({ ...external, networkConfiguration: network }))).toBe('NetworkConfiguration must be null.');
    const lb = { targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef', containerName: 'web', containerPort: 8080 };
    expect(await refusal(create({ ...external, loadBalancers: [lb] }))).toBe('LoadBalancers must be empty or null.');
    expect(await refusal(create({ ...external, launchType: 'FARGATE' }))).toBe('LaunchType must be blank.');
    expect(await describe1()).toBeUndefined();

    await create({ ...external, desiredCount: 1 });
    const advice = /^Unable to update (task definition|deployment configuration) on services with an EXTERNAL deployment controller\. Create a new task set/;
    expect(await refusal(update({ taskDefinition: td }))).toMatch(advice);
    expect(await refusal(update({ deploymentConfiguration: { maximumPercent: 150 } }))).toMatch(advice);
    await update({ desiredCount: 4 });
    expect(await describe1()).toMatchObject({ desiredCount: 4, taskSets: [] });
  });
});

describe('an ECS service with a deployment strategy', () => {
  const fargate = (taskDefinition: string): Partial<CreateServiceCommandInput> => ({ taskDefinition, launchType: 'FARGATE', networkConfiguration: network });
  const hook = { hookTargetArn: 'arn:aws:lambda:us-east-1:123456789012:function:check', roleArn: 'arn:aws:iam::123456789012:role/hooks', lifecycleStages: ['POST_SCALE_UP' as const] };

  it('stores and describes BLUE_GREEN with its bake time and hooks, and still completes its first deployment', async () => {
    const td = await registerWeb();
    await create({ ...fargate(td), deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5, lifecycleHooks: [hook] } });
    const service = await eventually('the first deployment COMPLETED', async () => {
      const s = await describe1();
      return s?.deployments?.[0]?.rolloutState === 'COMPLETED' ? s : undefined;
    });
    expect(service.deploymentConfiguration).toMatchObject({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5, lifecycleHooks: [hook], maximumPercent: 200 });
    expect(service).toMatchObject({ deploymentController: { type: 'ECS' }, runningCount: 2 });
    expect(service.taskSets).toBeUndefined();
    const arn = service.currentServiceDeployment ?? '';
    const sd = (await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }))).serviceDeployments?.[0];
    expect(sd?.deploymentConfiguration).toMatchObject({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5 });
  });

  it('fills in the documented defaults of LINEAR and CANARY, and drops them when the strategy changes', async () => {
    const td = await registerWeb();
    // LINEAR and CANARY need a load balancer with an advancedConfiguration (ECS refuses them without).
    const loadBalancers = nativeLoadBalancers(await createNativeLoadBalancer(elb));
    const linear = await create({ ...fargate(td), loadBalancers, deploymentConfiguration: { strategy: 'LINEAR' } });
    expect(linear?.deploymentConfiguration).toMatchObject({
      strategy: 'LINEAR',
      bakeTimeInMinutes: 15,
      linearConfiguration: { stepPercent: 10, stepBakeTimeInMinutes: 6 },
    });
    await update({ deploymentConfiguration: { strategy: 'CANARY', canaryConfiguration: { canaryPercent: 20 } } });
    const canary = (await describe1())?.deploymentConfiguration;
    expect(canary).toMatchObject({ strategy: 'CANARY', canaryConfiguration: { canaryPercent: 20, canaryBakeTimeInMinutes: 10 } });
    expect(canary?.linearConfiguration).toBeUndefined();
    await update({ deploymentConfiguration: { strategy: 'ROLLING' } });
    const rolling = (await describe1())?.deploymentConfiguration;
    expect(rolling?.strategy).toBe('ROLLING');
    expect(rolling?.canaryConfiguration).toBeUndefined();
  });

  it('refuses configurations the strategy does not take', async () => {
    const td = await registerWeb();
    const withConfig = (deploymentConfiguration: object): Promise<unknown> =>
      create({ ...fargate(td), deploymentConfiguration: deploymentConfiguration as CreateServiceCommandInput['deploymentConfiguration'] });
    expect(await refusal(withConfig({ strategy: 'RED_BLACK' }))).toMatch(/^Invalid deployment strategy: RED_BLACK/);
    expect(await refusal(withConfig({ strategy: 'CANARY', linearConfiguration: { stepPercent: 10 } }))).toBe(
      'linearConfiguration is only valid when the deployment strategy is LINEAR.',
    );
    expect(await refusal(withConfig({ strategy: 'LINEAR', linearConfiguration: { stepPercent: 2 } }))).toMatch(/^linearConfiguration\.stepPercent must be/);
    expect(await refusal(withConfig({ strategy: 'BLUE_GREEN', lifecycleHooks: [{ targetType: 'PAUSE', lifecycleStages: ['PRODUCTION_TRAFFIC_SHIFT'] }] }))).toBe(
      'PAUSE hooks cannot be configured at the PRODUCTION_TRAFFIC_SHIFT stage.',
    );
    expect(await refusal(withConfig({ strategy: 'BLUE_GREEN', lifecycleHooks: [{ lifecycleStages: ['POST_SCALE_UP'] }] }))).toBe(
      'hookTargetArn must be provided for an AWS_LAMBDA lifecycle hook.',
    );
    expect(await describe1()).toBeUndefined();
  });
});
