/**
 * readOptions of register-delegate (D1, D2, D3, S3): the presets as the seeds give them, a file merged over a
 * preset, the token as a secret or masked, the extra env lines, and the checks that fail before any AWS call.
 */
import { describe, expect, it } from '@jest/globals';
import { INPUT_NAMES, readOptions } from '../../../../src/actions/register-delegate/inputs.js';
import { ConfigurationError } from '../../../../src/core/errors.js';
import { fakeRuntime } from '../../../helpers/fakes.js';
import { makeWorkspace } from '../../../helpers/run-action.js';

const SECRET = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:harness/delegate-token-AbCdEf';
const ROLE = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';
const BASE = {
  cluster: 'tools',
  'account-id': 'acct-1234',
  'delegate-token-secret-arn': SECRET,
  'execution-role-arn': ROLE,
  'manager-host-and-port': 'https://app.harness.io/',
};

function runtime(inputs: Record<string, string>, files: Record<string, string> = {}): ReturnType<typeof fakeRuntime> {
  return fakeRuntime({ inputs: { ...BASE, ...inputs }, declared: INPUT_NAMES, workspace: makeWorkspace(files) });
}

async function rejected(inputs: Record<string, string>, files: Record<string, string> = {}): Promise<ConfigurationError> {
  const err = await readOptions(runtime(inputs, files).rt).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConfigurationError);
  return err as ConfigurationError;
}

describe('the ec2 preset (D1)', () => {
  it('builds the seeds’ EC2 task spec with the hostname, port 8080 and the delegate environment', async () => {
    const o = await readOptions(runtime({ hostname: 'ops-host', 'delegate-name': 'ops', 'delegate-tags': 'a, b', env: 'HTTP_PROXY=http://proxy:3128\n# comment\n' }).rt);
    expect(o).toMatchObject({ cluster: 'tools', serviceName: 'harness-delegate', launchType: 'EC2', networkMode: 'bridge', replicas: 1 });
    const td = o.taskDefinition;
    expect(td).toMatchObject({ family: 'harness-delegate-task-spec', requiresCompatibilities: ['EC2'], cpu: '1024', memory: '2048' });
    expect(td.networkMode).toBeUndefined();
    const c = td.containerDefinitions?.[0];
    expect(c).toMatchObject({ name: 'delegate', image: 'harness/delegate:22.12.77802', hostname: 'ops-host', essential: true, memory: 2048 });
    expect(c?.portMappings).toEqual([{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }]);
    expect(c?.environment).toEqual([
      { name: 'ACCOUNT_ID', value: 'acct-1234' },
      { name: 'DELEGATE_TYPE', value: 'DOCKER' },
      { name: 'INIT_SCRIPT', value: '' },
      { name: 'DEPLOY_MODE', value: 'KUBERNETES' },
      { name: 'MANAGER_HOST_AND_PORT', value: 'https://app.harness.io' },
      { name: 'DELEGATE_NAME', value: 'ops' },
      { name: 'LOG_STREAMING_SERVICE_URL', value: 'https://app.harness.io/log-service/' },
      { name: 'DELEGATE_TAGS', value: 'a,b' },
      { name: 'NEXT_GEN', value: 'true' },
      { name: 'HTTP_PROXY', value: 'http://proxy:3128' },
    ]);
    expect(c?.secrets).toEqual([{ name: 'DELEGATE_TOKEN', valueFrom: SECRET }]);
    // A static host port fits once per instance: the old task may stop before the new one starts.
    expect(o.service).toEqual({
      cluster: 'tools',
      serviceName: 'harness-delegate',
      desiredCount: 1,
      launchType: 'EC2',
      deploymentConfiguration: { minimumHealthyPercent: 0, maximumPercent: 100 },
    });
  });

  it('warns below the 2048 MiB a delegate gets, and keeps the container within the task memory', async () => {
    const { rt, log } = runtime({ memory: '1024' });
    const o = await readOptions(rt);
    expect(o.taskDefinition.memory).toBe('1024');
    expect(o.taskDefinition.containerDefinitions?.[0]?.memory).toBe(1024);
    expect(log.messages('warning').join('\n')).toMatch(/below the 2048 MiB/);
  });

  it('merges a file over the preset: its fields replace the preset’s, the inputs win over it', async () => {
    const file = JSON.stringify({
      family: 'from-file',
      cpu: '2048',
      containerDefinitions: [{ name: 'delegate', image: 'mirror.example.com/harness/delegate:24.01.1', environment: [{ name: 'EXTRA', value: '1' }, { name: 'ACCOUNT_ID', value: 'stale' }] }],
      tags: [{ key: 'team', value: 'platform' }],
    });
    const o = await readOptions(runtime({ 'task-definition': 'td.json', family: 'from-input' }, { 'td.json': file }).rt);
    expect(o.taskDefinition).toMatchObject({ family: 'from-input', cpu: '2048', memory: '2048', tags: [{ key: 'team', value: 'platform' }] });
    const c = o.taskDefinition.containerDefinitions?.[0];
    expect(c).toMatchObject({ image: 'mirror.example.com/harness/delegate:24.01.1', portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }] });
    expect(c?.environment?.filter((e) => e.name === 'ACCOUNT_ID')).toEqual([{ name: 'ACCOUNT_ID', value: 'acct-1234' }]);
    expect(c?.environment).toContainEqual({ name: 'EXTRA', value: '1' });
    expect(o.taskDefinitionSource).toBe('the ec2 preset with td.json');
  });
});

describe('the fargate preset (D1, D3)', () => {
  it('builds an awsvpc FARGATE task of 1024 / 6144 without a hostname, and the network configuration', async () => {
    const o = await readOptions(runtime({ preset: 'fargate', subnets: 'subnet-1\nsubnet-2', 'security-groups': 'sg-1', 'assign-public-ip': 'true' }).rt);
    expect(o.taskDefinition).toMatchObject({ requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '1024', memory: '6144', executionRoleArn: ROLE });
    expect(o.taskDefinition.containerDefinitions?.[0]?.hostname).toBeUndefined();
    expect(o.service).toEqual({
      cluster: 'tools',
      serviceName: 'harness-delegate',
      desiredCount: 1,
      launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1', 'subnet-2'], securityGroups: ['sg-1'], assignPublicIp: 'ENABLED' } },
    });
  });
});

describe('the token (D2)', () => {
  it('masks a plain token before anything else, warns, and puts it only in the environment', async () => {
    const { rt, sink, log } = runtime({ 'delegate-token-secret-arn': '', 'delegate-token': 'tok-value-1' });
    const o = await readOptions(rt);
    expect(sink.secrets).toContain('tok-value-1');
    expect(log.messages('warning').join('\n')).toMatch(/Secrets Manager/);
    const c = o.taskDefinition.containerDefinitions?.[0];
    expect(c?.environment).toContainEqual({ name: 'DELEGATE_TOKEN', value: 'tok-value-1' });
    expect(c?.secrets).toBeUndefined();
    expect(o.token).toEqual({ kind: 'plain' });
  });

  it('masks a plain token even when the inputs are refused for another reason', async () => {
    const { rt, sink } = runtime({ 'delegate-token': 'tok-value-2' });
    await expect(readOptions(rt)).rejects.toThrow(/not both/);
    expect(sink.secrets).toContain('tok-value-2');
  });
});

describe('checks before any AWS call (D1, S3)', () => {
  it.each([
    ['hostname with fargate', { preset: 'fargate', subnets: 's-1', hostname: 'h' }, 'hostname', /awsvpc network mode \(Fargate always uses awsvpc\)/],
    ['fargate without subnets', { preset: 'fargate' }, 'subnets', /awsvpc network mode, which needs the subnets/],
    ['fargate 1024 cpu with 512 MiB', { preset: 'fargate', subnets: 's-1', memory: '512' }, 'memory', /does not fit cpu 1024 on Fargate/],
    ['an http manager', { 'manager-host-and-port': 'http://app.harness.io' }, 'manager-host-and-port', /https URL/],
    ['custom without a file', { preset: 'custom' }, 'task-definition', /needs a task definition file/],
    ['a token secret without an execution role', { 'execution-role-arn': '' }, 'execution-role-arn', /task execution role/],
    ['replicas 101', { replicas: '101' }, 'replicas', /from 0 to 100/],
    ['an env line overriding NEXT_GEN', { env: 'A=1\nNEXT_GEN=false' }, 'env', /NEXT_GEN is set by this action/],
    ['an env line given twice', { env: 'A=1\nA=2' }, 'env', /A is given twice/],
    ['security groups in bridge mode', { 'security-groups': 'sg-1' }, 'security-groups', /only awsvpc network mode/],
  ])('refuses %s', async (_name, inputs, input, message) => {
    const err = await rejected(inputs);
    expect(err.location.input).toBe(input);
    expect(err.message).toMatch(message);
  });

  it('names the line of a bad env entry', async () => {
    const err = await rejected({ env: 'A=1\n\nnot a pair' });
    expect(err.location).toEqual({ input: 'env', line: 3 });
    expect(err.message).toMatch(/line 3 is not KEY=value/);
  });
});
