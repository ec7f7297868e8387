/**
 * readOptions (S3): every input and manifest of ecs-run-task is checked before any AWS call, and each bad value is a
 * ConfigurationError naming the input (and file/field for manifests). Limits follow the RunTask API reference:
 * count ≤ 10 per call (split by the action), startedBy ≤ 128 of [A-Za-z0-9-/_], ≤ 16 subnets, ≤ 5 security groups,
 * ≤ 50 tags (no aws: prefix), overrides ≤ 8192 characters of JSON.
 */
import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../../../../src/core/errors.js';
import { INPUT_NAMES, readOptions } from '../../../../src/actions/ecs-run-task/inputs.js';
import { fakeRuntime } from '../../../helpers/fakes.js';
import { makeWorkspace } from '../../../helpers/run-action.js';

const EC2_TD = JSON.stringify({
  family: 'migrate',
  containerDefinitions: [
    { name: 'app', image: 'registry.example.com/app:1', memory: 256, essential: true },
    { name: 'sidecar', image: 'registry.example.com/sidecar:1', memory: 64, essential: false },
  ],
});
const PLACEHOLDER_TD = `family: migrate
containerDefinitions:
  - name: app
    image: <+artifact.image>
    memory: 256
`;
const FARGATE_TD = `family: job
networkMode: awsvpc
requiresCompatibilities: [FARGATE]
cpu: 256
memory: 512
containerDefinitions:
  - name: app
    image: registry.example.com/app:1
`;
const AWSVPC_EC2_TD = JSON.stringify({
  family: 'job',
  networkMode: 'awsvpc',
  containerDefinitions: [{ name: 'app', image: 'registry.example.com/app:1', memory: 256 }],
});
const TD_ARN = 'arn:aws:ecs:us-east-1:123456789012:task-definition/migrate:7';

const FILES = {
  'td.json': EC2_TD,
  'placeholder.yaml': PLACEHOLDER_TD,
  'fargate.yaml': FARGATE_TD,
  'awsvpc.json': AWSVPC_EC2_TD,
};

async function read(inputs: Record<string, string>, files: Record<string, string> = {}) {
  const workspace = makeWorkspace({ ...FILES, ...files });
  const fake = fakeRuntime({ inputs, declared: INPUT_NAMES, workspace });
  const options = await readOptions(fake.rt);
  return { options, fake };
}

/** The ConfigurationError readOptions throws for these inputs. */
async function configError(inputs: Record<string, string>, files: Record<string, string> = {}): Promise<ConfigurationError> {
  try {
    await read(inputs, files);
  } catch (e) {
    if (e instanceof ConfigurationError) return e;
    throw new Error(`expected a ConfigurationError, got ${String(e)}`);
  }
  throw new Error('expected a ConfigurationError, but readOptions succeeded');
}

const withTd = (extra: Record<string, string>) => ({ 'task-definition': 'td.json', ...extra });

describe('readOptions: valid inputs', () => {
  it('reads a task definition file with the documented defaults', async () => {
    const { options } = await read({ 'task-definition': 'td.json' });
    expect(options.taskDefinition).toMatchObject({ kind: 'file', path: 'td.json' });
    expect(options.taskDefinition.kind === 'file' && options.taskDefinition.definition.family).toBe('migrate');
    expect(options).toMatchObject({
      cluster: 'default',
      count: 1,
      wait: 'stopped',
      streamLogs: true,
      timeoutMinutes: 30,
      maxAttempts: 5,
      watchContainer: undefined,
      region: undefined,
    });
    expect(options.request).toEqual({ startedBy: 'GitHub-Actions' });
  });

  it('lays the shortcut inputs over the run-task request (inputs win) and keeps the rest of the request', async () => {
    const request = {
      cluster: 'jobs',
      taskDefinition: TD_ARN,
      count: 3,
      capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }],
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0aaa'], securityGroups: ['sg-0aaa'] } },
      overrides: { containerOverrides: [{ name: 'app', command: ['migrate'], environment: [{ name: 'A', value: '1' }] }] },
      tags: [{ key: 'team', value: 'data' }, { key: 'env', value: 'dev' }],
      startedBy: 'nightly',
      placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }],
    };
    const { options, fake } = await read(
      {
        'run-task-request': 'request.json',
        count: '25',
        'launch-type': 'fargate',
        subnets: 'subnet-0bbb, subnet-0ccc',
        'assign-public-ip': 'ENABLED',
        'container-overrides': '- name: app\n  command: [migrate, --dry-run]\n',
        tags: 'env=prod\nowner=ci, nightly',
        'started-by': 'GitHub-Actions',
      },
      { 'request.json': JSON.stringify(request) },
    );
    expect(options.cluster).toBe('jobs');
    expect(options.count).toBe(25);
    expect(options.taskDefinition).toEqual({ kind: 'registered', ref: TD_ARN, input: 'run-task-request' });
    expect(options.request.launchType).toBe('FARGATE');
    expect(options.request.capacityProviderStrategy).toBeUndefined();
    expect(options.request.networkConfiguration).toEqual({
      awsvpcConfiguration: { subnets: ['subnet-0bbb', 'subnet-0ccc'], securityGroups: ['sg-0aaa'], assignPublicIp: 'ENABLED' },
    });
    expect(options.request.overrides?.containerOverrides).toEqual([
      { name: 'app', command: ['migrate', '--dry-run'], environment: [{ name: 'A', value: '1' }] },
    ]);
    expect(options.request.tags).toEqual([
      { key: 'team', value: 'data' },
      { key: 'env', value: 'prod' },
      { key: 'owner', value: 'ci, nightly' },
    ]);
    expect(options.request.startedBy).toBe('GitHub-Actions');
    expect(options.request.placementStrategy).toEqual(request.placementStrategy);
    expect(options.request).not.toHaveProperty('cluster');
    expect(options.request).not.toHaveProperty('taskDefinition');
    expect(options.request).not.toHaveProperty('count');
    expect(fake.log.messages('info').join('\n')).toMatch(/replaces the request's capacityProviderStrategy/);
  });

  it('container-overrides: unquoted numbers and booleans are kept as written (issue 10)', async () => {
    const overrides = '- name: app\n  memory: 128\n  environment:\n    - {name: A, value: 0123}\n    - {name: B, value: 1.10}\n    - {name: C, value: True}\n';
    const { options } = await read(withTd({ 'container-overrides': overrides }));
    expect(options.request.overrides?.containerOverrides).toEqual([
      { name: 'app', memory: 128, environment: [{ name: 'A', value: '0123' }, { name: 'B', value: '1.10' }, { name: 'C', value: 'True' }] },
    ]);
  });

  it('accepts family:revision, resolves <+artifact.image> and sets a container image with container-name', async () => {
    expect((await read({ 'task-definition-arn': 'migrate:12' })).options.taskDefinition).toEqual({
      kind: 'registered',
      ref: 'migrate:12',
      input: 'task-definition-arn',
    });
    const viaPlaceholder = await read({ 'task-definition': 'placeholder.yaml', image: 'registry.example.com/app:2' });
    const def1 = viaPlaceholder.options.taskDefinition;
    expect(def1.kind === 'file' && def1.definition.containerDefinitions?.[0]?.image).toBe('registry.example.com/app:2');
    const viaName = await read(withTd({ image: 'registry.example.com/app:3', 'container-name': 'app' }));
    const def2 = viaName.options.taskDefinition;
    expect(def2.kind === 'file' && def2.definition.containerDefinitions?.map((c) => c.image)).toEqual([
      'registry.example.com/app:3',
      'registry.example.com/sidecar:1',
    ]);
  });

  it("uses the request's startedBy when the input is empty, else GitHub-Actions", async () => {
    const fromFile = await read(withTd({ 'run-task-request': 'r.json' }), { 'r.json': '{"startedBy": "nightly/report"}' });
    expect(fromFile.options.request.startedBy).toBe('nightly/report');
    const fromInput = await read(withTd({ 'run-task-request': 'r.json', 'started-by': 'ci' }), { 'r.json': '{"startedBy": "x"}' });
    expect(fromInput.options.request.startedBy).toBe('ci');
  });

  it('accepts Fargate with subnets, and count up to 1000', async () => {
    const { options } = await read({ 'task-definition': 'fargate.yaml', subnets: 'subnet-0a1b2c3d', count: '1000' });
    expect(options.count).toBe(1000);
    expect(options.request.networkConfiguration?.awsvpcConfiguration?.subnets).toEqual(['subnet-0a1b2c3d']);
  });
});

describe('readOptions: every bad input is a ConfigurationError naming it', () => {
  it('task-definition and task-definition-arn together: names both', async () => {
    const e = await configError({ 'task-definition': 'td.json', 'task-definition-arn': TD_ARN });
    expect(e.location.input).toBe('task-definition');
    expect(e.message).toContain("'task-definition-arn'");
  });

  it('no task definition at all', async () => {
    const e = await configError({ cluster: 'jobs' });
    expect(e.location.input).toBe('task-definition');
    expect(e.message).toMatch(/task-definition-arn/);
  });

  it.each([
    ['arn:aws:ecs:us-east-1:1234:task-definition/migrate:7', /task definition ARN/],
    ['arn:aws:ecs:us-east-1:123456789012:service/jobs/web', /task definition ARN/],
    ['migrate', /revision is required/],
    ['migrate:0', /not a task definition reference/],
    ['mi grate:1', /not a task definition reference/],
  ])('malformed task-definition-arn %s', async (arn, why) => {
    const e = await configError({ 'task-definition-arn': arn });
    expect(e.location.input).toBe('task-definition-arn');
    expect(e.message).toMatch(why);
  });

  it('a malformed taskDefinition in the run-task request names the input and field', async () => {
    const e = await configError({ 'run-task-request': 'r.json' }, { 'r.json': '{"taskDefinition": "latest"}' });
    expect(e.location).toMatchObject({ input: 'run-task-request', field: 'taskDefinition' });
  });

  it.each([
    ['0', /at least 1/],
    ['-3', /at least 1/],
    ['2.5', /whole number/],
    ['many', /whole number/],
  ])('count %s', async (count, why) => {
    const e = await configError(withTd({ count }));
    expect(e.location.input).toBe('count');
    expect(e.message).toMatch(why);
  });

  it('count above 1000 says why there is a cap', async () => {
    const e = await configError(withTd({ count: '1001' }));
    expect(e.location.input).toBe('count');
    expect(e.message).toMatch(/at most 1000/);
    expect(e.message).toMatch(/10 per RunTask call/);
  });

  it('count in the run-task request is checked too', async () => {
    const e = await configError(withTd({ 'run-task-request': 'r.json' }), { 'r.json': '{"count": 5000}' });
    expect(e.location).toMatchObject({ input: 'run-task-request', field: 'count' });
  });

  it.each([
    ['launch-type', 'LAMBDA'],
    ['assign-public-ip', 'YES'],
    ['wait', 'forever'],
    ['stream-logs', 'yes please'],
    ['timeout-minutes', '0'],
    ['timeout-minutes', '361'],
    ['max-attempts', '0'],
    ['max-attempts', '21'],
    ['region', 'Europe'],
    ['cluster', 'my cluster'],
  ])('%s: %s', async (input, value) => {
    const e = await configError(withTd({ [input]: value }));
    expect(e.location.input).toBe(input);
    expect(e.message).toContain(value);
  });

  it.each([
    ['subnets', 'private-a', /not subnet-/],
    ['subnets', 'subnet-0a, subnet-0a', /twice/],
    ['subnets', Array.from({ length: 17 }, (_, i) => `subnet-0${i.toString(16)}a`).join(','), /at most 16/],
    ['security-groups', 'web', /not sg-/],
    ['security-groups', Array.from({ length: 6 }, (_, i) => `sg-0${i}`).join('\n'), /at most 5/],
  ])('%s: %s', async (input, value, why) => {
    const e = await configError({ 'task-definition': 'awsvpc.json', subnets: 'subnet-0f', [input]: value });
    expect(e.location.input).toBe(input);
    expect(e.message).toMatch(why);
  });

  it('security groups without subnets: the network configuration needs subnets', async () => {
    const e = await configError({ 'task-definition': 'awsvpc.json', 'security-groups': 'sg-0a' });
    expect(e.location.input).toBe('subnets');
  });

  it.each([
    ['{"name": "app"}', /expected a list/],
    ['[{"name": "app", "comand": ["x"]}]', /\[0\]\.comand: unknown field `comand`.*did you mean `command`/],
    ['[{"name": "app", "cpu": "lots"}]', /\[0\]\.cpu: expected a number/],
    ['[{"command": ["x"]}]', /needs the `name`/],
    ['[{"name": "app"}, {"name": "app"}]', /overridden twice/],
    ['[{"name": "app"', /invalid (JSON|YAML) at line 1/],
    ['[{"name": "worker"}]', /not a container of task definition td\.json; its containers are 'app', 'sidecar'/],
  ])('container-overrides %s', async (value, why) => {
    const e = await configError(withTd({ 'container-overrides': value }));
    expect(e.location.input).toBe('container-overrides');
    expect(e.message).toMatch(why);
  });

  it('container-overrides over 8192 characters of JSON', async () => {
    const big = JSON.stringify([{ name: 'app', command: ['x'.repeat(8200)] }]);
    const e = await configError(withTd({ 'container-overrides': big }));
    expect(e.location.input).toBe('container-overrides');
    expect(e.message).toMatch(/8192/);
  });

  it.each([
    ['no =', 'team', /not key=value/],
    ['empty key', '=x', /not key=value/],
    ['aws: key', 'aws:owner=me', /reserved/],
    ['aws: value', 'owner=aws:me', /reserved/],
    ['129-character key', `${'k'.repeat(129)}=v`, /1 to 128/],
    ['257-character value', `k=${'v'.repeat(257)}`, /longer than 256/],
    ['same key twice', 'a=1,a=2', /twice/],
    ['51 tags', Array.from({ length: 51 }, (_, i) => `k${i}=v`).join('\n'), /at most 50/],
  ])('tags: %s', async (_label, value, why) => {
    const e = await configError(withTd({ tags: value }));
    expect(e.location.input).toBe('tags');
    expect(e.message).toMatch(why);
  });

  it.each([
    ['a space', 'deploy bot'],
    ['129 characters', 'x'.repeat(129)],
    ['an @', 'ci@github'],
  ])('started-by with %s', async (_label, value) => {
    const e = await configError(withTd({ 'started-by': value }));
    expect(e.location.input).toBe('started-by');
    expect(e.message).toMatch(/up to 128 letters/);
  });

  it('accepts a 128-character started-by with slashes', async () => {
    const value = `gh/${'a'.repeat(125)}`;
    expect((await read(withTd({ 'started-by': value }))).options.request.startedBy).toBe(value);
  });

  it('Fargate by launch type without subnets', async () => {
    const e = await configError({ 'task-definition': 'fargate.yaml', 'launch-type': 'FARGATE' });
    expect(e.location.input).toBe('subnets');
    expect(e.message).toMatch(/Fargate tasks use the awsvpc network mode/);
  });

  it('Fargate by requiresCompatibilities (FARGATE only) without subnets', async () => {
    const e = await configError({ 'task-definition': 'fargate.yaml' });
    expect(e.location.input).toBe('subnets');
  });

  it('a Fargate capacity provider strategy without subnets', async () => {
    const request = '{"capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}]}';
    const e = await configError({ 'task-definition': 'awsvpc.json', 'run-task-request': 'r.json' }, { 'r.json': request });
    expect(e.location.input).toBe('subnets');
    expect(e.message).toMatch(/Fargate/);
  });

  it('awsvpc on EC2 without subnets', async () => {
    const e = await configError({ 'task-definition': 'awsvpc.json', 'launch-type': 'EC2' });
    expect(e.location.input).toBe('subnets');
    expect(e.message).toMatch(/awsvpc network mode/);
  });

  it('subnets for a task definition in bridge mode', async () => {
    const e = await configError(withTd({ subnets: 'subnet-0a' }));
    expect(e.location.input).toBe('subnets');
    expect(e.message).toMatch(/only applies to the awsvpc network mode/);
  });

  it('container-name matching no container names the input and lists the containers', async () => {
    const e = await configError(withTd({ 'container-name': 'worker', image: 'img:1' }));
    expect(e.location.input).toBe('container-name');
    expect(e.message).toMatch(/'app', 'sidecar'/);
  });

  it('container-name without image', async () => {
    expect((await configError(withTd({ 'container-name': 'app' }))).location.input).toBe('image');
  });

  it('container-name with task-definition-arn', async () => {
    const e = await configError({ 'task-definition-arn': TD_ARN, 'container-name': 'app', image: 'img:2' });
    expect(e.location.input).toBe('container-name');
  });

  it('image that no placeholder uses and no container-name selects', async () => {
    const e = await configError(withTd({ image: 'img:2' }));
    expect(e.location.input).toBe('image');
    expect(e.message).toMatch(/would not be used/);
  });

  it('an unresolved placeholder names the file and line', async () => {
    const e = await configError({ 'task-definition': 'placeholder.yaml' });
    expect(e.location).toMatchObject({ input: 'task-definition', file: 'placeholder.yaml', line: 4 });
  });

  it('watch-container matching no container', async () => {
    const e = await configError(withTd({ 'watch-container': 'worker' }));
    expect(e.location.input).toBe('watch-container');
  });

  it('a bad field in the run-task request names file, line and field', async () => {
    const e = await configError(withTd({ 'run-task-request': 'r.yaml' }), { 'r.yaml': 'launchType: EC2\nplatformVerison: LATEST\n' });
    expect(e.location).toMatchObject({ input: 'run-task-request', file: 'r.yaml', line: 2, field: 'platformVerison' });
  });

  it('a missing task definition file', async () => {
    const e = await configError({ 'task-definition': 'nope.json' });
    expect(e.location).toMatchObject({ input: 'task-definition', file: 'nope.json' });
  });
});
