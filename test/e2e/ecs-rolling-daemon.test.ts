/**
 * ecs-rolling end to end on a DAEMON service (N5): the bundle against the emulator's EC2 container instances. No
 * desired count is sent, same-as-running is said to mean nothing, the deployment is steady once the new revision
 * runs on every instance; a failed one is rolled back to the old task definition only.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { CreateClusterCommand, CreateServiceCommand, DescribeServicesCommand, DescribeTasksCommand, ECSClient, ListTasksCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { eventually, startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { runRolling } from '../helpers/ecs-rolling-e2e.js';
import { makeWorkspace } from '../helpers/run-action.js';

let emu: TestEmulator;
let ecs: ECSClient;
let instances: string[];

beforeAll(async () => {
  emu = await startTestEmulator({ taskStartMs: 1000, speed: 50 });
  ecs = new ECSClient(emu.clientConfig());
});
afterAll(async () => {
  ecs.destroy();
  await emu.stop();
});
beforeEach(async () => {
  await emu.control.reset();
  await ecs.send(new CreateClusterCommand({ clusterName: 'ops' }));
  instances = await emu.control.registerContainerInstances({ cluster: 'ops', count: 3, cpu: 2048, memory: 4096 });
});

const agentTaskDefinition = (image: string): string =>
  JSON.stringify({
    family: 'agent',
    cpu: '256',
    memory: '512',
    requiresCompatibilities: ['EC2'],
    containerDefinitions: [{ name: 'agent', image, essential: true, portMappings: [{ containerPort: 2020, hostPort: 2020 }] }],
  });

/** Creates the DAEMON service agent on agent:v1 (through the SDK) and waits until it runs on every instance. */
async function liveDaemon(circuitBreaker = false): Promise<string> {
  const td = JSON.parse(agentTaskDefinition('agent:v1')) as ConstructorParameters<typeof RegisterTaskDefinitionCommand>[0];
  const v1 = (await ecs.send(new RegisterTaskDefinitionCommand(td))).taskDefinition?.taskDefinitionArn ?? '';
  const breaker = circuitBreaker ? { deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: false } } } : {};
  await ecs.send(new CreateServiceCommand({ cluster: 'ops', serviceName: 'agent', taskDefinition: v1, schedulingStrategy: 'DAEMON', ...breaker }));
  await eventually('agent on every instance', async () => ((await ecs.send(new DescribeServicesCommand({ cluster: 'ops', services: ['agent'] }))).services?.[0]?.runningCount === 3 ? true : undefined));
  return v1;
}

async function running(): Promise<{ taskDefinition: string; instance: string }[]> {
  const arns = (await ecs.send(new ListTasksCommand({ cluster: 'ops', serviceName: 'agent', desiredStatus: 'RUNNING' }))).taskArns ?? [];
  if (arns.length === 0) return [];
  const tasks = (await ecs.send(new DescribeTasksCommand({ cluster: 'ops', tasks: arns }))).tasks ?? [];
  return tasks.filter((t) => t.lastStatus === 'RUNNING').map((t) => ({ taskDefinition: t.taskDefinitionArn ?? '', instance: t.containerInstanceArn ?? '' }));
}

const deployAgent = (image: string) =>
  runRolling(
    emu,
    { cluster: 'ops', service: 'agent', 'task-definition': 'agent.json', 'same-as-running': 'true', 'timeout-minutes': '5' },
    { workspace: makeWorkspace({ 'agent.json': agentTaskDefinition(image) }) },
  );

describe('a DAEMON service (N5)', () => {
  it('updates on three container instances: one task of the new revision on each, no desired count sent', async () => {
    await liveDaemon();
    const since = Date.now();
    const run = await deployAgent('agent:v2');

    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('is a DAEMON service');
    expect(run.stdout).toContain('same-as-running means nothing for a DAEMON service');
    const v2 = run.outputs['taskDefinitionArn'] ?? '';
    const tasks = await running();
    expect(tasks.map((t) => t.taskDefinition)).toEqual([v2, v2, v2]);
    expect(tasks.map((t) => t.instance).sort()).toEqual([...instances].sort());
    const update = (await emu.control.calls(since)).find((c) => c.operation === 'UpdateService');
    expect(update?.parameters).not.toHaveProperty('desiredCount');
  });

  it('a failed deployment is rolled back to the old task definition only', async () => {
    // The circuit breaker (without ECS's own rollback) fails the deployment soon; the action rolls it back.
    const v1 = await liveDaemon(true);
    const since = Date.now();
    const run = await deployAgent('agent:crash');

    expect(run.exitCode).toBe(1);
    expect(run.outputs['rolledBack']).toBe('true');
    const updates = (await emu.control.calls(since)).filter((c) => c.operation === 'UpdateService');
    expect(updates).toHaveLength(2);
    expect(updates[1]?.parameters).toMatchObject({ taskDefinition: v1 });
    expect(updates[1]?.parameters).not.toHaveProperty('desiredCount');
    await eventually('back on v1 everywhere', async () => ((await running()).filter((t) => t.taskDefinition === v1).length === 3 ? true : undefined));
  });
});
