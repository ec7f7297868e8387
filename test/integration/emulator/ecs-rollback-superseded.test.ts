/**
 * A service deployment that ECS is rolling back (circuit breaker with rollback) and that an UpdateService supersedes
 * ends: it is STOPPED at once, keeps its rollback and circuit breaker details, and never goes back to
 * ROLLBACK_IN_PROGRESS or on to ROLLBACK_SUCCESSFUL (issue 11, "Emulator fidelity"). The emulator runs slowly here
 * (T = 1 s of real time) so the rollback is still in progress when the update arrives.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  CreateServiceCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  ECSClient,
  ListServiceDeploymentsCommand,
  UpdateServiceCommand,
  type ServiceDeploymentBrief,
} from '@aws-sdk/client-ecs';
import { eventually, startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { registerWeb } from '../../helpers/emulator/web-service.js';

let emu: TestEmulator;
let ecs: ECSClient;

beforeAll(async () => {
  emu = await startTestEmulator({ taskStartMs: 1000, speed: 1 });
  ecs = new ECSClient(emu.clientConfig());
});
afterAll(async () => {
  ecs.destroy();
  await emu.stop();
});
beforeEach(async () => emu.control.reset());

const register = (image: string): Promise<string> => registerWeb(ecs, image);

const history = async (): Promise<ServiceDeploymentBrief[]> =>
  (await ecs.send(new ListServiceDeploymentsCommand({ service: 'web' }))).serviceDeployments ?? [];

const completed = (): Promise<true> =>
  eventually(
    'the service to complete its deployment',
    async () => {
      const s = (await ecs.send(new DescribeServicesCommand({ services: ['web'] }))).services?.[0];
      return s?.deployments?.length === 1 && s.deployments[0]?.rolloutState === 'COMPLETED' ? true : undefined;
    },
    30_000,
  );

describe('a circuit breaker rollback superseded by UpdateService', () => {
  it('is STOPPED and stays so while the newer deployment completes', async () => {
    const v1 = await register('app:v1');
    const v2 = await register('app:v2-crash');
    const v3 = await register('app:v3');
    await ecs.send(
      new CreateServiceCommand({
        serviceName: 'web',
        taskDefinition: v1,
        desiredCount: 2,
        launchType: 'FARGATE',
        networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } },
        deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
      }),
    );
    await completed();
    await ecs.send(new UpdateServiceCommand({ service: 'web', taskDefinition: v2 }));
    const rollingBack = await eventually(
      'ECS to roll the failed deployment back',
      async () => (await history()).find((d) => d.status === 'ROLLBACK_IN_PROGRESS'),
      30_000,
    );
    await ecs.send(new UpdateServiceCommand({ service: 'web', taskDefinition: v3 }));

    const arn = rollingBack.serviceDeploymentArn ?? '';
    const [superseded] = (await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }))).serviceDeployments ?? [];
    expect(superseded?.status).toBe('STOPPED');
    expect(superseded?.stoppedAt).toBeInstanceOf(Date);
    expect(superseded?.rollback?.serviceRevisionArn).toBeDefined();
    expect(superseded?.deploymentCircuitBreaker?.status).toBe('TRIGGERED');

    await completed();
    const after = await history();
    expect(after.map((d) => d.status)).toEqual(['SUCCESSFUL', 'STOPPED', 'SUCCESSFUL']);
    expect(after[1]?.serviceDeploymentArn).toBe(arn);
    const service = (await ecs.send(new DescribeServicesCommand({ services: ['web'] }))).services?.[0];
    expect(service?.taskDefinition).toBe(v3);
  }, 60_000);
});
