/**
 * register-delegate end to end (issue 14): the bundle dist/register-delegate/index.js runs as the GitHub runner runs
 * it against the embedded emulator, on a cluster with EC2 container instances; the assertions are what a user would
 * check afterwards in the step and in ECS. Build first: `node scripts/build.mjs dist register-delegate`.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateClusterCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  ListTasksCommand,
  type Service,
  type TaskDefinition,
} from '@aws-sdk/client-ecs';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { makeWorkspace, repoRoot, runAction, type ActionRun } from '../helpers/run-action.js';

const BUNDLE = join(repoRoot, 'dist', 'register-delegate', 'index.js');
const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:harness/delegate-token-AbCdEf';
const EXECUTION_ROLE = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';
const MUTATING = ['RegisterTaskDefinition', 'CreateService', 'UpdateService', 'DeleteService', 'DeregisterTaskDefinition'];

let emu: TestEmulator;
let ecs: ECSClient;

beforeAll(async () => {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run \`node scripts/build.mjs dist register-delegate\` first`);
  emu = await startTestEmulator({ taskStartMs: 200, speed: 4 });
  ecs = new ECSClient(emu.clientConfig());
  await ecs.send(new CreateClusterCommand({ clusterName: 'ops' }));
  await emu.control.registerContainerInstances({ cluster: 'ops', count: 3, cpu: 4096, memory: 16384 });
});
afterAll(async () => {
  ecs.destroy();
  await emu.stop();
});

function run(inputs: Record<string, string>, files: Record<string, string> = {}): Promise<ActionRun> {
  return runAction('register-delegate', { inputs, env: emu.env(), workspace: makeWorkspace(files), timeoutMs: 120_000 });
}

const ec2Inputs = (extra: Record<string, string> = {}): Record<string, string> => ({
  cluster: 'ops',
  preset: 'ec2',
  'account-id': 'acct-1234',
  'delegate-token-secret-arn': SECRET_ARN,
  'execution-role-arn': EXECUTION_ROLE,
  'manager-host-and-port': 'https://app.harness.io',
  'delegate-name': 'ops-delegate',
  hostname: 'ops-delegate-host',
  image: 'harness/delegate:24.01.82108',
  replicas: '2',
  ...extra,
});

async function service(cluster: string, name: string): Promise<Service | undefined> {
  return (await ecs.send(new DescribeServicesCommand({ cluster, services: [name] }))).services?.[0];
}

async function taskDefinition(arn: string): Promise<TaskDefinition | undefined> {
  return (await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: arn }))).taskDefinition;
}

/** The log as the runner shows it: `::add-mask::` is consumed by the runner, which then hides the value everywhere. */
const shown = (log: string): string => log.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n');

async function mutatingCallsSince(since: number): Promise<string[]> {
  return (await emu.control.calls(since)).map((c) => c.operation).filter((op) => MUTATING.includes(op));
}

describe('the EC2 preset on a cluster with container instances (D1–D5)', () => {
  it('creates the service with the hostname, host port 8080 and the token only as a secret, and reaches 2 delegates (D1, D2, D4)', async () => {
    const result = await run(ec2Inputs());
    expect(result.stderr + result.stdout).not.toContain('::error::');
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ serviceName: 'harness-delegate', runningCount: '2', changed: 'true' });
    const svc = await service('ops', 'harness-delegate');
    expect(svc).toMatchObject({ launchType: 'EC2', desiredCount: 2, runningCount: 2 });
    expect(result.outputs['serviceArn']).toBe(svc?.serviceArn);
    const td = await taskDefinition(result.outputs['taskDefinitionArn'] ?? '');
    expect(td).toMatchObject({ family: 'harness-delegate-task-spec', requiresCompatibilities: ['EC2'], cpu: '1024', memory: '2048' });
    const container = td?.containerDefinitions?.[0];
    expect(container).toMatchObject({ hostname: 'ops-delegate-host', image: 'harness/delegate:24.01.82108' });
    expect(container?.portMappings).toEqual([expect.objectContaining({ containerPort: 8080, hostPort: 8080 })]);
    expect(container?.secrets).toEqual([{ name: 'DELEGATE_TOKEN', valueFrom: SECRET_ARN }]);
    expect(container?.environment?.map((e) => e.name)).not.toContain('DELEGATE_TOKEN');
    expect(container?.environment).toEqual(
      expect.arrayContaining([
        { name: 'ACCOUNT_ID', value: 'acct-1234' },
        { name: 'MANAGER_HOST_AND_PORT', value: 'https://app.harness.io' },
        { name: 'LOG_STREAMING_SERVICE_URL', value: 'https://app.harness.io/log-service/' },
        { name: 'DELEGATE_NAME', value: 'ops-delegate' },
        { name: 'NEXT_GEN', value: 'true' },
      ]),
    );
    const taskArns = (await ecs.send(new ListTasksCommand({ cluster: 'ops', serviceName: 'harness-delegate' }))).taskArns ?? [];
    const tasks = (await ecs.send(new DescribeTasksCommand({ cluster: 'ops', tasks: taskArns }))).tasks ?? [];
    expect(tasks).toHaveLength(2);
    expect(new Set(tasks.map((t) => t.containerInstanceArn)).size).toBe(2);
    expect(result.stdout).not.toContain('has no registered container instance');
    expect(result.summary).toContain('ops-delegate');
    expect(result.summary).toContain('harness/delegate:24.01.82108');
  });

  it('changes nothing on a re-run with the same inputs: no RegisterTaskDefinition, no UpdateService (D3)', async () => {
    const since = Date.now();
    const result = await run(ec2Inputs());
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('The delegate is up to date');
    expect(result.outputs).toMatchObject({ changed: 'false', runningCount: '2' });
    expect(await mutatingCallsSince(since)).toEqual([]);
  });

  it('rolls the service to a new revision when the image changes (D3)', async () => {
    const before = await service('ops', 'harness-delegate');
    const result = await run(ec2Inputs({ image: 'harness/delegate:24.02.82203' }));
    expect(result.exitCode).toBe(0);
    expect(result.outputs['changed']).toBe('true');
    expect(result.outputs['taskDefinitionArn']).not.toBe(before?.taskDefinition);
    const after = await service('ops', 'harness-delegate');
    expect(after?.taskDefinition).toBe(result.outputs['taskDefinitionArn']);
    expect(after?.deployments).toHaveLength(1);
    expect(after).toMatchObject({ runningCount: 2, desiredCount: 2 });
    expect((await taskDefinition(after?.taskDefinition ?? ''))?.containerDefinitions?.[0]?.image).toBe('harness/delegate:24.02.82203');
    expect(result.summary).toContain('containerDefinitions[delegate].image');
  });

  it('scales to 3 replicas without a new revision or a new deployment (D3)', async () => {
    const before = await service('ops', 'harness-delegate');
    const since = Date.now();
    const result = await run(ec2Inputs({ image: 'harness/delegate:24.02.82203', replicas: '3' }));
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ changed: 'true', runningCount: '3', taskDefinitionArn: before?.taskDefinition });
    const calls = await emu.control.calls(since);
    expect(calls.map((c) => c.operation)).not.toContain('RegisterTaskDefinition');
    const update = calls.find((c) => c.operation === 'UpdateService');
    expect(update?.parameters).toMatchObject({ desiredCount: 3 });
    expect(update?.parameters).not.toHaveProperty('forceNewDeployment', true);
    const after = await service('ops', 'harness-delegate');
    expect(after?.deployments?.map((d) => d.id)).toEqual(before?.deployments?.map((d) => d.id));
    expect(after).toMatchObject({ runningCount: 3, desiredCount: 3 });
  });
});

describe('an EC2 install on a cluster without container instances', () => {
  it('warns that the delegates cannot start until instances join the cluster', async () => {
    await ecs.send(new CreateClusterCommand({ clusterName: 'empty' }));
    const result = await run(ec2Inputs({ cluster: 'empty', replicas: '1', 'dry-run': 'true' }));
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('::warning::cluster empty has no registered container instance: the EC2 delegate tasks cannot start');
  });
});

describe('the Fargate preset with a plain token (D1, D2)', () => {
  const token = 'plain-delegate-token-value-0042';
  it('creates an awsvpc service with no hostname, and the token appears only in the task definition environment', async () => {
    const result = await run({
      cluster: 'ops',
      'service-name': 'fargate-delegate',
      preset: 'fargate',
      'account-id': 'acct-1234',
      'delegate-token': token,
      'execution-role-arn': EXECUTION_ROLE,
      'manager-host-and-port': 'https://app.harness.io/gratis',
      subnets: 'subnet-0a1b2c, subnet-3d4e5f',
      'security-groups': 'sg-0123',
    });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('store the token in AWS Secrets Manager');
    const svc = await service('ops', 'fargate-delegate');
    expect(svc?.launchType).toBe('FARGATE');
    expect(svc?.networkConfiguration?.awsvpcConfiguration?.subnets?.sort()).toEqual(['subnet-0a1b2c', 'subnet-3d4e5f']);
    const td = await taskDefinition(result.outputs['taskDefinitionArn'] ?? '');
    expect(td).toMatchObject({ networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '1024', memory: '6144' });
    expect(td?.containerDefinitions?.[0]?.hostname).toBeUndefined();
    expect(td?.containerDefinitions?.[0]?.environment).toContainEqual({ name: 'DELEGATE_TOKEN', value: token });
    // Never in the step's log, its outputs or its summary.
    expect(result.stdout).toContain(`::add-mask::${token}`);
    expect(shown(result.stdout)).not.toContain(token);
    expect(shown(result.stderr)).not.toContain(token);
    expect(JSON.stringify(result.outputs)).not.toContain(token);
    expect(result.summary).not.toContain(token);
  });

  it('prints a dry-run diff without the token and changes nothing (S13)', async () => {
    const since = Date.now();
    const result = await run({
      cluster: 'ops',
      'service-name': 'fargate-delegate',
      preset: 'fargate',
      'account-id': 'acct-1234',
      'delegate-token': 'another-plain-token-0043',
      'execution-role-arn': EXECUTION_ROLE,
      'manager-host-and-port': 'https://app.harness.io/gratis',
      subnets: 'subnet-0a1b2c, subnet-3d4e5f',
      'security-groups': 'sg-0123',
      'dry-run': 'true',
    });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('containerDefinitions[delegate].environment[DELEGATE_TOKEN].value');
    expect(result.outputs['changed']).toBe('true');
    for (const text of [shown(result.stdout), result.summary, JSON.stringify(result.outputs)]) {
      expect(text).not.toContain('another-plain-token-0043');
      expect(text).not.toContain(token);
    }
    expect(await mutatingCallsSince(since)).toEqual([]);
  });
});

describe('a health check merged over the preset (D1, D4)', () => {
  it('waits until the delegates are healthy, with the file’s health check on the delegate container', async () => {
    const file = `containerDefinitions:
  - name: delegate
    healthCheck:
      command: [CMD-SHELL, "curl -fs http://localhost:3460/api/health || exit 1"]
      interval: 10
`;
    const result = await run(
      {
        cluster: 'ops',
        'service-name': 'checked-delegate',
        preset: 'fargate',
        'task-definition': 'delegate.yaml',
        'account-id': 'acct-1234',
        'delegate-token-secret-arn': SECRET_ARN,
        'execution-role-arn': EXECUTION_ROLE,
        'manager-host-and-port': 'https://app.harness.io',
        subnets: 'subnet-0a1b2c',
      },
      { 'delegate.yaml': file },
    );
    expect(result.exitCode).toBe(0);
    const td = await taskDefinition(result.outputs['taskDefinitionArn'] ?? '');
    expect(td?.containerDefinitions?.[0]?.healthCheck?.command).toEqual(['CMD-SHELL', 'curl -fs http://localhost:3460/api/health || exit 1']);
    expect(td?.containerDefinitions?.[0]?.secrets).toEqual([{ name: 'DELEGATE_TOKEN', valueFrom: SECRET_ARN }]);
    const taskArns = (await ecs.send(new ListTasksCommand({ cluster: 'ops', serviceName: 'checked-delegate' }))).taskArns ?? [];
    const tasks = (await ecs.send(new DescribeTasksCommand({ cluster: 'ops', tasks: taskArns }))).tasks ?? [];
    expect(tasks.map((t) => t.healthStatus)).toEqual(['HEALTHY']);
    expect(result.outputs['runningCount']).toBe('1');
  });
});
