/**
 * S13 dry-run of ecs-run-task through main, against a mocked ECS: the normalised task definition diff and the
 * RunTask request are shown in the log and the job summary, the outputs say what would run, and the only call made
 * is DescribeTaskDefinition (a read). DescribeTaskDefinition answers follow the API reference: a bare family
 * resolves to its latest ACTIVE revision; an unknown family or revision is a ClientException.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ClientException, DescribeTaskDefinitionCommand, ECSClient } from '@aws-sdk/client-ecs';
import type { TaskDefinition } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { parse } from 'yaml';
import { splitCount } from '../../../../src/actions/ecs-run-task/dry-run.js';
import { INPUT_NAMES } from '../../../../src/actions/ecs-run-task/inputs.js';
import { main } from '../../../../src/actions/ecs-run-task/main.js';
import { ConfigurationError } from '../../../../src/core/errors.js';
import { fakeRuntime } from '../../../helpers/fakes.js';
import type { FakeRuntime } from '../../../helpers/fakes.js';
import { makeWorkspace } from '../../../helpers/run-action.js';

const ACCOUNT = 'arn:aws:ecs:us-east-1:123456789012';
const LIVE_ARN = `${ACCOUNT}:task-definition/job:4`;

/** What DescribeTaskDefinition answers for `{family: job, containerDefinitions: [{name: app, image: img:1, memory: 64}]}`. */
const LIVE: TaskDefinition = {
  taskDefinitionArn: LIVE_ARN,
  family: 'job',
  revision: 4,
  status: 'ACTIVE',
  containerDefinitions: [
    {
      name: 'app',
      image: 'img:1',
      cpu: 0,
      memory: 64,
      essential: true,
      portMappings: [],
      environment: [],
      mountPoints: [],
      volumesFrom: [],
    },
  ],
  volumes: [],
  placementConstraints: [],
  compatibilities: ['EXTERNAL', 'EC2'],
  requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.docker-remote-api.1.18' }],
  registeredAt: new Date('2024-05-01T10:00:00Z'),
  registeredBy: 'arn:aws:iam::123456789012:user/ci',
};

const FILE_SAME = { family: 'job', containerDefinitions: [{ name: 'app', image: 'img:1', memory: 64 }] };
const FILE_CHANGED = {
  family: 'job',
  containerDefinitions: [{ name: 'app', image: 'img:2', memory: 64, environment: [{ name: 'MODE', value: 'migrate' }] }],
};
const FARGATE_FILE = {
  family: 'job',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '256',
  memory: '512',
  containerDefinitions: [{ name: 'app', image: 'img:1' }],
};

const mockEcs = () => mockClient(ECSClient);
let ecs: ReturnType<typeof mockEcs>;
beforeEach(() => {
  ecs = mockEcs();
});
afterEach(() => ecs.restore());

function runtime(inputs: Record<string, string>, file: object = FILE_CHANGED): FakeRuntime {
  return fakeRuntime({
    inputs: { 'task-definition': 'td.json', 'dry-run': 'true', ...inputs },
    declared: INPUT_NAMES,
    env: { AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 'b' },
    workspace: makeWorkspace({ 'td.json': JSON.stringify(file) }),
  });
}

/** Names of every command sent to ECS, in order. */
function commandsSent(): string[] {
  return ecs.calls().map((c) => (c.args[0] as object).constructor.name);
}

function describedRefs(): unknown[] {
  return ecs.commandCalls(DescribeTaskDefinitionCommand).map((c) => c.args[0].input.taskDefinition);
}

function requestFromSummary(fake: FakeRuntime): Record<string, unknown> {
  const m = /```yaml\n([\s\S]*?)\n```/.exec(fake.summary.join(''));
  if (m === null) throw new Error(`no YAML block in the summary:\n${fake.summary.join('')}`);
  return parse(m[1] ?? '') as Record<string, unknown>;
}

async function failure(fake: FakeRuntime): Promise<Error> {
  try {
    await main(fake.rt);
  } catch (e) {
    if (e instanceof Error) return e;
  }
  throw new Error('expected main to fail');
}

const notFound = () => new ClientException({ message: 'Unable to describe task definition.', $metadata: {} });

describe('ecs-run-task dry-run with a task definition file', () => {
  it('diffs the file against the latest ACTIVE revision of its family and only reads', async () => {
    ecs.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: LIVE });
    const fake = runtime({});
    await main(fake.rt);

    expect(commandsSent()).toEqual(['DescribeTaskDefinitionCommand']);
    expect(describedRefs()).toEqual(['job']);
    const log = fake.log.text();
    expect(log).toContain(`--- task definition (live: ${LIVE_ARN})`);
    expect(log).toContain('- containerDefinitions[app].image: "img:1"');
    expect(log).toContain('+ containerDefinitions[app].image: "img:2"');
    expect(log).toContain('+ containerDefinitions[app].environment[MODE].value: "migrate"');
    // Defaults ECS fills in (cpu 0, essential, empty lists) and read-only fields are not differences.
    expect(log).not.toMatch(/[-+] [^\n]*(cpu|essential|mountPoints|registeredAt|compatibilities|revision)/);
    expect(log).toContain('Would register a new revision of job from td.json: it differs from job:4');
    const summary = fake.summary.join('');
    expect(summary).toContain('```diff');
    expect(summary).toContain('+ containerDefinitions[app].image: "img:2"');
    expect(fake.sink.outputs.get('taskDefinitionArn')).toBe('');
    expect(fake.sink.outputs.get('taskArns')).toBe('[]');
    expect(fake.sink.outputs.get('exitCodes')).toBe('{}');
    expect(fake.sink.outputs.has('clusterArn')).toBe(false);
  });

  it('a file equal to the live revision (after normalisation) shows no changes and outputs the live ARN', async () => {
    ecs.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: LIVE });
    const fake = runtime({}, FILE_SAME);
    await main(fake.rt);

    expect(commandsSent()).toEqual(['DescribeTaskDefinitionCommand']);
    expect(fake.log.text()).toContain('task definition: no changes');
    expect(fake.log.text()).toContain('td.json matches job:4, the latest ACTIVE revision');
    expect(fake.sink.outputs.get('taskDefinitionArn')).toBe(LIVE_ARN);
  });

  it('a family with no ACTIVE revision: would register revision 1, every field shown as added', async () => {
    ecs.on(DescribeTaskDefinitionCommand).rejects(notFound());
    const fake = runtime({});
    await main(fake.rt);

    expect(commandsSent()).toEqual(['DescribeTaskDefinitionCommand']);
    const log = fake.log.text();
    expect(log).toContain('would register revision 1 of job from td.json');
    expect(log).toContain('--- task definition (live: none)');
    expect(log).toContain('+ family: "job"');
    expect(log).toContain('+ containerDefinitions[app].image: "img:2"');
    expect(log).not.toMatch(/^\s*- /m);
    expect(fake.sink.outputs.get('taskDefinitionArn')).toBe('');
  });

  it('any other DescribeTaskDefinition error fails the dry run (it is not "no such family")', async () => {
    const denied = Object.assign(new Error('not authorized to perform: ecs:DescribeTaskDefinition'), {
      name: 'AccessDeniedException',
      $metadata: {},
    });
    ecs.on(DescribeTaskDefinitionCommand).rejects(denied);
    const e = await failure(runtime({}));
    expect(e.name).toBe('AccessDeniedException');
    expect(commandsSent().every((c) => c === 'DescribeTaskDefinitionCommand')).toBe(true);
  });

  it('prints the RunTask request that would be sent, with the count split into calls of at most 10', async () => {
    ecs.on(DescribeTaskDefinitionCommand).rejects(notFound());
    const fake = runtime(
      {
        cluster: 'batch',
        count: '25',
        'launch-type': 'FARGATE',
        subnets: 'subnet-0a1b2c3d',
        'security-groups': 'sg-01234567',
        'container-overrides': '[{"name": "app", "command": ["npm", "run", "migrate"]}]',
        'started-by': 'ci/migrate',
        tags: 'run=42',
      },
      FARGATE_FILE,
    );
    await main(fake.rt);

    expect(commandsSent()).toEqual(['DescribeTaskDefinitionCommand']);
    expect(fake.log.text()).toContain('RunTask would be called 3 times (count 10, 10, 5), each with its own clientToken');
    expect(requestFromSummary(fake)).toEqual({
      cluster: 'batch',
      taskDefinition: '<the new revision of job, registered from td.json>',
      count: 10,
      launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d'], securityGroups: ['sg-01234567'] } },
      overrides: { containerOverrides: [{ name: 'app', command: ['npm', 'run', 'migrate'] }] },
      startedBy: 'ci/migrate',
      tags: [{ key: 'run', value: '42' }],
    });
  });

  it('shows a password in the environment overrides as a fingerprint, never its value (S11)', async () => {
    ecs.on(DescribeTaskDefinitionCommand).rejects(notFound());
    const fake = runtime(
      {
        cluster: 'batch',
        'launch-type': 'FARGATE',
        subnets: 'subnet-0a1b2c3d',
        'container-overrides': '[{"name": "app", "environment": [{"name": "DB_PASSWORD", "value": "hunter2"}, {"name": "MODE", "value": "full"}]}]',
      },
      FARGATE_FILE,
    );
    await main(fake.rt);
    expect(fake.log.text()).not.toContain('hunter2');
    expect(fake.summary.join('')).not.toContain('hunter2');
    expect(requestFromSummary(fake)['overrides']).toEqual({
      containerOverrides: [
        { name: 'app', environment: [{ name: 'DB_PASSWORD', value: expect.stringMatching(/^\*\*\* \(sha256 [0-9a-f]{8}\)$/) }, { name: 'MODE', value: 'full' }] },
      ],
    });
  });

  it('without launch type or capacity providers, says the cluster default strategy applies', async () => {
    ecs.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: LIVE });
    const fake = runtime({});
    await main(fake.rt);
    expect(fake.log.text()).toContain("RunTask would be called once, with count 1; neither a launch type nor a capacity provider strategy, so the default capacity provider strategy of cluster default applies");
    expect(requestFromSummary(fake)).toMatchObject({ cluster: 'default', count: 1, startedBy: 'GitHub-Actions' });
  });

  it('a bad input fails as in a real run, before any AWS call', async () => {
    const e = await failure(runtime({ 'launch-type': 'FARGATE' }, FILE_SAME));
    expect(e).toBeInstanceOf(ConfigurationError);
    expect(e.message).toMatch(/subnets/);
    expect(commandsSent()).toEqual([]);
  });

  it('dry-run must be a boolean', async () => {
    const e = await failure(runtime({ 'dry-run': 'maybe' }));
    expect(e).toBeInstanceOf(ConfigurationError);
    expect(e.message).toMatch(/dry-run/);
    expect(commandsSent()).toEqual([]);
  });
});

describe('ecs-run-task dry-run with a registered revision', () => {
  it('says which revision would run and registers nothing', async () => {
    ecs.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: LIVE });
    const fake = runtime({ 'task-definition': '', 'task-definition-arn': 'job:4' });
    await main(fake.rt);

    expect(commandsSent()).toEqual(['DescribeTaskDefinitionCommand']);
    expect(describedRefs()).toEqual(['job:4']);
    expect(fake.log.text()).toContain(`Would run the registered task definition job:4 (${LIVE_ARN})`);
    expect(fake.summary.join('')).not.toContain('```diff');
    expect(requestFromSummary(fake)).toMatchObject({ taskDefinition: LIVE_ARN, count: 1 });
    expect(fake.sink.outputs.get('taskDefinitionArn')).toBe(LIVE_ARN);
    expect(fake.sink.outputs.get('taskArns')).toBe('[]');
  });

  it('an INACTIVE revision fails the dry run as it fails a real run', async () => {
    ecs.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: { ...LIVE, status: 'INACTIVE' } });
    const e = await failure(runtime({ 'task-definition': '', 'task-definition-arn': 'job:4' }));
    expect(e).toBeInstanceOf(ConfigurationError);
    expect(e.message).toMatch(/INACTIVE/);
    expect(commandsSent()).toEqual(['DescribeTaskDefinitionCommand']);
  });
});

describe('splitCount', () => {
  it('splits a count into RunTask calls of at most 10', () => {
    expect(splitCount(1)).toEqual([1]);
    expect(splitCount(10)).toEqual([10]);
    expect(splitCount(11)).toEqual([10, 1]);
    expect(splitCount(25)).toEqual([10, 10, 5]);
    expect(splitCount(1000)).toEqual(Array(100).fill(10));
  });
});
