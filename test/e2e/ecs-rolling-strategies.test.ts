/**
 * ecs-rolling end to end, deployment controllers it does not run (N1): the path is chosen from the live service,
 * and a CODE_DEPLOY or EXTERNAL service fails the step before any change, with a message that names what the service uses and says
 * what to do instead. The user's manifests are the usual rolling ones: only the live service tells.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  CreateServiceCommand,
  RegisterTaskDefinitionCommand,
  type CreateServiceCommandInput,
  type RegisterTaskDefinitionCommandInput,
} from '@aws-sdk/client-ecs';
import {
  deployInputs,
  describeWeb,
  mutatingCalls,
  runRolling,
  startRollingE2e,
  taskDefinitionJson,
  type RollingE2e,
} from '../helpers/ecs-rolling-e2e.js';
import type { ActionRun } from '../helpers/run-action.js';

let e: RollingE2e;
beforeAll(async () => {
  e = await startRollingE2e();
});
afterAll(async () => e.stop());
beforeEach(async () => e.emu.control.reset());

const network = { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d'], securityGroups: ['sg-0a1b2c3d'], assignPublicIp: 'DISABLED' as const } };
const fargate = { launchType: 'FARGATE' as const, networkConfiguration: network };

/** The `::error::` annotation the runner shows for the failed step (newlines escaped as %0A). */
function failureAnnotation(stdout: string): string {
  const line = stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
  return line.slice('::error::'.length).replace(/%0A/g, '\n');
}

async function register(image: string): Promise<string> {
  const td = JSON.parse(taskDefinitionJson(image)) as RegisterTaskDefinitionCommandInput;
  return (await e.ecs.send(new RegisterTaskDefinitionCommand(td))).taskDefinition?.taskDefinitionArn ?? '';
}

/** Registers `image` and creates service web from it, as the team that owns the service did, through the SDK. */
async function liveService(input: Partial<CreateServiceCommandInput>, image = 'registry.example.com/web:1'): Promise<string> {
  const arn = await register(image);
  await e.ecs.send(new CreateServiceCommand({ serviceName: 'web', desiredCount: 2, taskDefinition: arn, ...fargate, ...input }));
  return arn;
}

/**
 * The step failed before it changed anything: exit code 1, one annotation naming `what` that is the action's own
 * refusal (not an AWS error from an UpdateService it should not have sent), and no mutating call since `since`
 * (a RegisterTaskDefinition is a change too).
 */
async function expectRefusedBeforeAnyChange(run: ActionRun, since: number, what: RegExp): Promise<void> {
  expect(await mutatingCalls(e.emu, since)).toEqual([]);
  expect(run.exitCode).toBe(1);
  const message = failureAnnotation(run.stdout);
  expect(message).toMatch(what);
  expect(message).toMatch(/ecs-bluegreen-swap|ecs-canary|CodeDeploy|instead|not supported|does not support|unsupported/i);
  expect(message).not.toMatch(/Unable to update|InvalidParameterException/);
}

describe('a service whose deployments another controller runs', () => {
  it('CODE_DEPLOY: refused before registering, naming CODE_DEPLOY; the service keeps its task set', async () => {
    const v1 = await liveService({ deploymentController: { type: 'CODE_DEPLOY' } });
    const since = Date.now();
    const run = await runRolling(e.emu, deployInputs('registry.example.com/web:2'));

    await expectRefusedBeforeAnyChange(run, since, /CODE_DEPLOY/);
    const service = await describeWeb(e.ecs);
    expect(service).toMatchObject({ deploymentController: { type: 'CODE_DEPLOY' }, taskDefinition: v1, desiredCount: 2 });
    expect(service?.taskSets?.map((t) => [t.status, t.taskDefinition])).toEqual([['PRIMARY', v1]]);
  });

  it('EXTERNAL: refused before registering, naming EXTERNAL', async () => {
    // An EXTERNAL service has no task definition of its own (its task sets carry one).
    await e.ecs.send(new CreateServiceCommand({ serviceName: 'web', desiredCount: 2, deploymentController: { type: 'EXTERNAL' } }));
    const since = Date.now();
    const run = await runRolling(e.emu, deployInputs('registry.example.com/web:2'));

    await expectRefusedBeforeAnyChange(run, since, /EXTERNAL/);
    const service = await describeWeb(e.ecs);
    expect(service).toMatchObject({ deploymentController: { type: 'EXTERNAL' }, desiredCount: 2, taskSets: [] });
    expect(service?.taskDefinition).toBeUndefined();
  });

  it('mode: rollback of a CODE_DEPLOY service is refused the same way, though an older revision exists', async () => {
    await register('registry.example.com/web:1');
    const v2 = await liveService({ deploymentController: { type: 'CODE_DEPLOY' } }, 'registry.example.com/web:2');
    const since = Date.now();
    const run = await runRolling(e.emu, { mode: 'rollback', cluster: 'default', service: 'web' });

    await expectRefusedBeforeAnyChange(run, since, /CODE_DEPLOY/);
    expect(await describeWeb(e.ecs)).toMatchObject({ taskDefinition: v2, deploymentController: { type: 'CODE_DEPLOY' } });
  });
});

// ECS services with the BLUE_GREEN, LINEAR or CANARY strategy were refused here until issue 16; they are now followed
// as ECS's own service deployments (N2–N4): see ecs-rolling-native.test.ts.
