/**
 * The checks CreateService and UpdateService make on BLUE_GREEN, LINEAR and CANARY services in the emulator: an
 * advancedConfiguration on each load balancer (AWS's ClientException), a load balancer for LINEAR and CANARY, a
 * listener rule (not a listener) for an Application Load Balancer, rules forwarding to the service's groups, and
 * the percentages and bake times in range. Nothing is created or changed by a refused request.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  ClientException,
  CreateServiceCommand,
  DescribeServicesCommand,
  ECSClient,
  InvalidParameterException,
  UpdateServiceCommand,
  type CreateServiceCommandInput,
} from '@aws-sdk/client-ecs';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { createNativeLoadBalancer, createNativeService, nativeLoadBalancers, registerWeb, ruleWeights, type NativeSetup } from '../../helpers/emulator/native-setup.js';

let emu: TestEmulator;
let ecs: ECSClient;
let elb: ElasticLoadBalancingV2Client;
let setup: NativeSetup;
let td: string;

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
beforeEach(async () => {
  await emu.control.reset();
  setup = await createNativeLoadBalancer(elb);
  td = await registerWeb(ecs, 'app:v1');
});

function create(input: Partial<CreateServiceCommandInput>): Promise<unknown> {
  return ecs.send(
    new CreateServiceCommand({
      serviceName: 'web',
      taskDefinition: td,
      desiredCount: 1,
      launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } },
      ...input,
    }),
  );
}

async function refusal(send: Promise<unknown>, type: typeof ClientException | typeof InvalidParameterException): Promise<string> {
  const err = await send.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(type);
  return (err as Error).message;
}

const withAdvanced = (advanced: Record<string, unknown> | undefined): CreateServiceCommandInput['loadBalancers'] => {
  const [lb] = nativeLoadBalancers(setup);
  return [{ ...lb, advancedConfiguration: advanced as never }];
};

describe('native strategy checks', () => {
  it('needs an advancedConfiguration on each load balancer and a load balancer for LINEAR and CANARY', async () => {
    const noAdvanced = [{ targetGroupArn: setup.blueTg, containerName: 'web', containerPort: 8080 }];
    expect(await refusal(create({ loadBalancers: noAdvanced, deploymentConfiguration: { strategy: 'LINEAR' } }), ClientException)).toBe(
      'advancedConfiguration field is required for all loadBalancers when using the linear deployment strategy',
    );
    expect(await refusal(create({ loadBalancers: noAdvanced, deploymentConfiguration: { strategy: 'BLUE_GREEN' } }), ClientException)).toMatch(
      /^advancedConfiguration field is required/,
    );
    expect(await refusal(create({ deploymentConfiguration: { strategy: 'CANARY' } }), InvalidParameterException)).toMatch(/requires a load balancer/);
    // BLUE_GREEN without a load balancer is accepted.
    await create({ deploymentConfiguration: { strategy: 'BLUE_GREEN' } });
    const described = await ecs.send(new DescribeServicesCommand({ services: ['web'] }));
    expect(described.services?.[0]?.deploymentConfiguration?.strategy).toBe('BLUE_GREEN');
  });

  it('checks the alternate target group and the listener rules', async () => {
    const cfg = { deploymentConfiguration: { strategy: 'BLUE_GREEN' as const } };
    const advanced = nativeLoadBalancers(setup)[0]?.advancedConfiguration ?? {};
    const bad = async (change: Record<string, unknown>): Promise<string> =>
      refusal(create({ ...cfg, loadBalancers: withAdvanced({ ...advanced, ...change }) }), InvalidParameterException);
    expect(await bad({ alternateTargetGroupArn: undefined })).toMatch(/alternateTargetGroupArn/);
    expect(await bad({ alternateTargetGroupArn: setup.blueTg })).toMatch(/must be different/);
    expect(await bad({ roleArn: undefined })).toMatch(/roleArn/);
    expect(await bad({ productionListenerRule: setup.listeners.production })).toBe(
      `productionListenerRule has an invalid ARN format. Must be RuleArn for ALB or ListenerArn for NLB. Got: ${setup.listeners.production}`,
    );
    expect(await bad({ testListenerRule: `${setup.testRule}0` })).toMatch(/^The testListenerRule .* does not exist\.$/);
    const described = await ecs.send(new DescribeServicesCommand({ services: ['web'] }));
    expect(described.services).toEqual([]);
  });

  it('checks percentages and bake times, and refuses on UpdateService without changing anything', async () => {
    const loadBalancers = nativeLoadBalancers(setup);
    expect(await refusal(create({ loadBalancers, deploymentConfiguration: { strategy: 'CANARY', canaryConfiguration: { canaryPercent: 0 } } }), InvalidParameterException)).toMatch(
      /canaryPercent/,
    );
    expect(await refusal(create({ loadBalancers, deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 1441 } }), InvalidParameterException)).toMatch(
      /bakeTimeInMinutes/,
    );
    await createNativeService(ecs, setup, td, { strategy: 'ROLLING' });
    const v2 = await registerWeb(ecs, 'app:v2');
    const update = ecs.send(
      new UpdateServiceCommand({
        service: 'web',
        taskDefinition: v2,
        loadBalancers: [{ targetGroupArn: setup.blueTg, containerName: 'web', containerPort: 8080 }],
        deploymentConfiguration: { strategy: 'LINEAR' },
      }),
    );
    expect(await refusal(update, ClientException)).toMatch(/^advancedConfiguration field is required/);
    const service = (await ecs.send(new DescribeServicesCommand({ services: ['web'] }))).services?.[0];
    expect(service?.taskDefinition).toBe(td);
    expect(service?.deploymentConfiguration?.strategy).toBe('ROLLING');
    expect(await ruleWeights(elb, setup.productionRule)).toEqual({ [setup.blueTg]: 100, [setup.greenTg]: 0 });
  });
});
