/**
 * readOptions of ecs-rolling (S3): every input and manifest is checked before any AWS call; each bad value is a
 * ConfigurationError naming the input (and the file, line and field for manifests).
 */
import { describe, expect, it } from '@jest/globals';
import { INPUT_NAMES, readOptions, type DeployOptions } from '../../../../src/actions/ecs-rolling/inputs.js';
import { ConfigurationError } from '../../../../src/core/errors.js';
import { fakeRuntime } from '../../../helpers/fakes.js';
import { makeWorkspace } from '../../../helpers/run-action.js';

const TD_YAML = `family: web
networkMode: awsvpc
requiresCompatibilities: [FARGATE]
cpu: "256"
memory: "512"
containerDefinitions:
  - name: web
    image: <+artifact.image>
    essential: true
`;
const TD_JSON = JSON.stringify(
  {
    family: 'web',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    containerDefinitions: [
      { name: 'web', image: 'nginx:1.27', essential: true },
      { name: 'log', image: 'fluent-bit:3', essential: false },
    ],
  },
  null,
  2,
);
const SERVICE_JSON = JSON.stringify(
  {
    serviceName: 'web',
    cluster: 'shop',
    desiredCount: 2,
    launchType: 'FARGATE',
    networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'], securityGroups: ['sg-1'] } },
  },
  null,
  2,
);
const SERVICE_NO_NAME = `launchType: FARGATE
desiredCount: 3
`;
const TARGET_YAML = `serviceNamespace: ecs
scalableDimension: ecs:service:DesiredCount
minCapacity: 1
maxCapacity: 4
`;
const POLICY_YAML = `policyName: cpu50
policyType: TargetTrackingScaling
targetTrackingScalingPolicyConfiguration:
  targetValue: 50
  predefinedMetricSpecification:
    predefinedMetricType: ECSServiceAverageCPUUtilization
`;
const TD_ARN = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:7';

const FILES: Record<string, string> = {
  'td.yaml': TD_YAML,
  'td.json': TD_JSON,
  'service.json': SERVICE_JSON,
  'service-no-name.yaml': SERVICE_NO_NAME,
  'target.yaml': TARGET_YAML,
  'policy.yaml': POLICY_YAML,
};

async function read(inputs: Record<string, string>, files: Record<string, string> = {}) {
  const fake = fakeRuntime({ inputs, declared: INPUT_NAMES, workspace: makeWorkspace({ ...FILES, ...files }) });
  return { options: await readOptions(fake.rt), fake };
}

async function deploy(inputs: Record<string, string>, files: Record<string, string> = {}): Promise<DeployOptions> {
  const { options } = await read(inputs, files);
  if (options.mode !== 'deploy') throw new Error('expected deploy options');
  return options;
}

async function configError(inputs: Record<string, string>, files: Record<string, string> = {}): Promise<ConfigurationError> {
  try {
    await read(inputs, files);
  } catch (e) {
    if (e instanceof ConfigurationError) return e;
    throw new Error(`expected a ConfigurationError, got ${String(e)}`);
  }
  throw new Error('expected a ConfigurationError, but readOptions succeeded');
}

const base = { 'task-definition': 'td.yaml', 'service-definition': 'service.json', image: 'registry.example.com/web:2' };

describe('readOptions: deploy mode', () => {
  it('reads the manifests with the documented defaults; the image fills <+artifact.image>', async () => {
    const o = await deploy(base);
    expect(o).toMatchObject({
      mode: 'deploy',
      cluster: 'shop',
      serviceName: 'web',
      desiredCount: undefined,
      sameAsRunning: false,
      forceNewDeployment: false,
      waitForSteadyState: true,
      rollbackOnFailure: true,
      dryRun: false,
      timeoutMinutes: 30,
      maxAttempts: 5,
      region: undefined,
      github: undefined,
      scalableTargets: [],
      scalingPolicies: [],
    });
    expect(o.taskDefinition.kind === 'file' && o.taskDefinition.definition.containerDefinitions?.[0]?.image).toBe(
      'registry.example.com/web:2',
    );
    expect(o.serviceDefinition?.desiredCount).toBe(2);
  });

  it('takes the cluster from the input over the service definition, and `default` when neither gives one', async () => {
    expect((await deploy({ ...base, cluster: 'other' })).cluster).toBe('other');
    expect((await deploy({ 'task-definition-arn': TD_ARN, service: 'web' })).cluster).toBe('default');
  });

  it('lets the service input name a service definition that has no serviceName', async () => {
    const o = await deploy({ 'task-definition-arn': TD_ARN, service: 'api', 'service-definition': 'service-no-name.yaml' });
    expect(o).toMatchObject({ serviceName: 'api', cluster: 'default', taskDefinition: { kind: 'registered', ref: TD_ARN, input: 'task-definition-arn' } });
  });

  it('accepts a service ARN, taking the name and the cluster from it', async () => {
    const o = await deploy({ 'task-definition-arn': 'web:7', service: 'arn:aws:ecs:eu-west-1:123456789012:service/shop/web' });
    expect(o).toMatchObject({ serviceName: 'web', cluster: 'shop', taskDefinition: { kind: 'registered', ref: 'web:7', input: 'task-definition-arn' } });
  });

  it('sets the image of the named container (container-name + image) in a file without placeholders', async () => {
    const o = await deploy({ 'task-definition': 'td.json', service: 'web', 'container-name': 'log', image: 'fluent-bit:4' });
    const containers = o.taskDefinition.kind === 'file' ? o.taskDefinition.definition.containerDefinitions : [];
    expect(containers?.map((c) => c.image)).toEqual(['nginx:1.27', 'fluent-bit:4']);
  });

  it('reads the switches, counts and auto scaling manifests', async () => {
    const o = await deploy({
      ...base,
      'desired-count': '0',
      'force-new-deployment': 'true',
      'wait-for-steady-state': 'false',
      'rollback-on-failure': 'False',
      'timeout-minutes': '360',
      'max-attempts': '20',
      region: 'eu-west-1',
      'scalable-targets': 'target.yaml',
      'scaling-policies': 'policy.yaml',
    });
    expect(o).toMatchObject({
      desiredCount: 0,
      forceNewDeployment: true,
      waitForSteadyState: false,
      rollbackOnFailure: false,
      timeoutMinutes: 360,
      maxAttempts: 20,
      region: 'eu-west-1',
      autoScalingSources: { scalableTargets: { input: 'scalable-targets', file: 'target.yaml' } },
    });
    expect(o.scalableTargets).toEqual([{ ServiceNamespace: 'ecs', ScalableDimension: 'ecs:service:DesiredCount', MinCapacity: 1, MaxCapacity: 4 }]);
    expect(o.scalingPolicies.map((p) => p.PolicyName)).toEqual(['cpu50']);
  });

  it('masks the github-token before anything else and records the environment', async () => {
    const { options, fake } = await read({ ...base, 'github-token': 'ghs_abcdefghijklmnop1234', environment: 'staging' });
    expect(fake.sink.secrets).toContain('ghs_abcdefghijklmnop1234');
    expect(options.github).toEqual({ token: 'ghs_abcdefghijklmnop1234', environment: 'staging' });
  });

  it('masks the token even when a later input is wrong', async () => {
    const fake = fakeRuntime({
      inputs: { ...base, 'github-token': 'ghs_abcdefghijklmnop1234', mode: 'nope' },
      declared: INPUT_NAMES,
      workspace: makeWorkspace(FILES),
    });
    await expect(readOptions(fake.rt)).rejects.toThrow(ConfigurationError);
    expect(fake.sink.secrets).toContain('ghs_abcdefghijklmnop1234');
  });
});

describe('readOptions: rollback mode (R7)', () => {
  it('needs only the service; the revision is optional', async () => {
    const { options } = await read({ mode: 'rollback', service: 'web', cluster: 'shop' });
    expect(options).toMatchObject({ mode: 'rollback', serviceName: 'web', cluster: 'shop', taskDefinitionArn: undefined });
    const explicit = await read({ mode: 'rollback', service: 'web', 'task-definition-arn': TD_ARN });
    expect(explicit.options).toMatchObject({ mode: 'rollback', cluster: 'default', taskDefinitionArn: TD_ARN });
  });

  it.each(['task-definition', 'service-definition', 'scalable-targets', 'scaling-policies', 'image', 'container-name', 'desired-count'])(
    'refuses the deploy-only input %s',
    async (name) => {
      const e = await configError({ mode: 'rollback', service: 'web', [name]: name === 'desired-count' ? '2' : 'x' });
      expect(e.location.input).toBe(name);
      expect(e.message).toContain("mode 'rollback' does not use it");
    },
  );

  it('needs the service input', async () => {
    expect((await configError({ mode: 'rollback' })).location.input).toBe('service');
  });

  it('checks the task-definition-arn', async () => {
    const e = await configError({ mode: 'rollback', service: 'web', 'task-definition-arn': 'web' });
    expect(e.location.input).toBe('task-definition-arn');
    expect(e.message).toContain('a revision is required');
  });
});

describe('readOptions: bad inputs name the input (S3)', () => {
  it.each([
    ['mode', 'redeploy', /expected one of 'deploy', 'rollback'/],
    ['desired-count', '-1', /whole number of at least 0/],
    ['desired-count', '1.5', /whole number/],
    ['timeout-minutes', '0', /from 1 to 360/],
    ['timeout-minutes', '361', /from 1 to 360/],
    ['max-attempts', '0', /from 1 to 20/],
    ['max-attempts', '21', /from 1 to 20/],
    ['same-as-running', 'yes', /boolean/],
    ['force-new-deployment', '1', /boolean/],
    ['wait-for-steady-state', 'on', /boolean/],
    ['rollback-on-failure', 'no', /boolean/],
    ['dry-run', 'maybe', /boolean/],
    ['region', 'Europe', /not an AWS region/],
    ['cluster', 'my cluster', /not a cluster name/],
    ['service', 'web/api', /not a service name/],
  ])('%s = %j', async (name, value, message) => {
    const e = await configError({ ...base, [name]: value });
    expect(e.location.input).toBe(name);
    expect(e.message).toMatch(message);
  });

  it('refuses task-definition and task-definition-arn together, naming both', async () => {
    const e = await configError({ ...base, 'task-definition-arn': TD_ARN });
    expect(e.message).toContain("'task-definition'");
    expect(e.message).toContain("'task-definition-arn'");
  });

  it('needs one of task-definition or task-definition-arn to deploy', async () => {
    const e = await configError({ 'service-definition': 'service.json' });
    expect(e.location.input).toBe('task-definition');
    expect(e.message).toContain("'task-definition-arn'");
  });

  it.each([
    ['web', /a revision is required/],
    ['web:0', /not a task definition reference/],
    ['arn:aws:ecs:us-east-1:1234:task-definition/web:1', /expected a task definition ARN/],
    ['arn:aws:ecs:us-east-1:123456789012:service/default/web', /expected a task definition ARN/],
  ])('refuses the malformed task-definition-arn %j', async (value, message) => {
    const e = await configError({ 'task-definition-arn': value, service: 'web' });
    expect(e.location.input).toBe('task-definition-arn');
    expect(e.message).toMatch(message);
  });

  it('refuses same-as-running together with desired-count (a contradiction)', async () => {
    const e = await configError({ ...base, 'same-as-running': 'true', 'desired-count': '3' });
    expect(e.location.input).toBe('desired-count');
    expect(e.message).toContain('same-as-running');
  });

  it('needs a service: the input or serviceName in the service definition', async () => {
    const e = await configError({ 'task-definition-arn': TD_ARN });
    expect(e.location.input).toBe('service');
  });

  it('refuses a service input that names another service than the service definition, naming both', async () => {
    const e = await configError({ ...base, service: 'api' });
    expect(e.location.input).toBe('service');
    expect(e.message).toContain("'api'");
    expect(e.message).toContain("'web'");
    expect(e.message).toContain('service.json:2');
  });

  it('refuses a service ARN in another cluster than the cluster input', async () => {
    const e = await configError({ 'task-definition-arn': TD_ARN, service: 'arn:aws:ecs:us-east-1:123456789012:service/shop/web', cluster: 'prod' });
    expect(e.location.input).toBe('service');
  });

  it('refuses a malformed cluster in the service definition at its line', async () => {
    const e = await configError({ ...base, 'service-definition': 'bad-cluster.yaml' }, { 'bad-cluster.yaml': 'serviceName: web\ncluster: "shop floor"\n' });
    expect(e.location).toMatchObject({ input: 'service-definition', file: 'bad-cluster.yaml', line: 2, field: 'cluster' });
  });

  it('needs the image when container-name is given', async () => {
    expect((await configError({ 'task-definition': 'td.json', service: 'web', 'container-name': 'web' })).location.input).toBe('image');
  });

  it('refuses container-name with task-definition-arn (a registered revision is deployed as registered)', async () => {
    const e = await configError({ 'task-definition-arn': TD_ARN, service: 'web', 'container-name': 'web', image: 'nginx:2' });
    expect(e.location.input).toBe('container-name');
  });

  it('refuses a container-name that is not in the task definition, listing the containers', async () => {
    const e = await configError({ 'task-definition': 'td.json', service: 'web', 'container-name': 'app', image: 'nginx:2' });
    expect(e.location.input).toBe('container-name');
    expect(e.message).toContain("'web', 'log'");
  });

  it('refuses an image that no manifest would use', async () => {
    const e = await configError({ 'task-definition': 'td.json', service: 'web', image: 'nginx:2' });
    expect(e.location.input).toBe('image');
  });
});

describe('readOptions: bad manifests name the file, line and field (S1–S3)', () => {
  it('an unresolved <+artifact.image> (no image input)', async () => {
    const e = await configError({ 'task-definition': 'td.yaml', 'service-definition': 'service.json' });
    expect(e.location).toMatchObject({ input: 'task-definition', file: 'td.yaml', line: 8 });
    expect(e.message).toContain("needs input 'image'");
  });

  it('a missing file', async () => {
    const e = await configError({ ...base, 'task-definition': 'nope.yaml' });
    expect(e.location).toMatchObject({ input: 'task-definition', file: 'nope.yaml' });
    expect(e.message).toContain('file not found');
  });

  it('a YAML syntax error', async () => {
    const e = await configError({ ...base, 'task-definition': 'broken.yaml' }, { 'broken.yaml': 'family: web\ncontainerDefinitions:\n  - name: [web\n' });
    expect(e.location).toMatchObject({ input: 'task-definition', file: 'broken.yaml' });
    expect(e.location.line).toBeGreaterThanOrEqual(3);
  });

  it('a task definition field of the wrong type', async () => {
    const td = TD_JSON.replace('"essential": false', '"essential": "nope"');
    const e = await configError({ 'task-definition': 'td-bad.json', service: 'web' }, { 'td-bad.json': td });
    expect(e.location).toMatchObject({ input: 'task-definition', file: 'td-bad.json', field: 'containerDefinitions[1].essential' });
    expect(e.location.line).toBe(TD_JSON.split('\n').findIndex((l) => l.includes('"essential": false')) + 1);
  });

  it('an unknown service definition field', async () => {
    const e = await configError({ ...base, 'service-definition': 'svc.yaml' }, { 'svc.yaml': 'serviceName: web\ndesiredCount: 2\nlaunchTyp: FARGATE\n' });
    expect(e.location).toMatchObject({ input: 'service-definition', file: 'svc.yaml', line: 3 });
  });

  it('a service definition without serviceName and no service input', async () => {
    const e = await configError({ ...base, 'service-definition': 'service-no-name.yaml' });
    expect(e.location).toMatchObject({ input: 'service-definition', file: 'service-no-name.yaml' });
    expect(e.message).toContain('serviceName');
  });

  it('a scalable target for another service', async () => {
    const other = `${TARGET_YAML}resourceId: service/shop/api\n`;
    const e = await configError({ ...base, 'scalable-targets': 'other.yaml' }, { 'other.yaml': other });
    expect(e.location).toMatchObject({ input: 'scalable-targets', file: 'other.yaml' });
    expect(e.message).toContain('service/shop/api');
  });

  it('a scaling policy without a name', async () => {
    const e = await configError({ ...base, 'scaling-policies': 'nameless.yaml' }, { 'nameless.yaml': POLICY_YAML.replace('policyName: cpu50\n', '') });
    expect(e.location).toMatchObject({ input: 'scaling-policies', file: 'nameless.yaml' });
    expect(e.message).toContain('PolicyName');
  });
});

describe('readOptions: native deployments (N3)', () => {
  it('wait-until: deployed by default, or ecs:<STAGE>', async () => {
    expect((await deploy(base)).waitUntil).toEqual({ kind: 'deployed' });
    expect((await deploy({ ...base, 'wait-until': 'ecs:POST_TEST_TRAFFIC_SHIFT' })).waitUntil).toEqual({ kind: 'stage', stage: 'POST_TEST_TRAFFIC_SHIFT' });
  });

  it.each(['POST_TEST_TRAFFIC_SHIFT', 'ecs:FAILED', 'ecs:post_test_traffic_shift', 'steady'])('refuses wait-until %j, naming the stages', async (value) => {
    const e = await configError({ ...base, 'wait-until': value });
    expect(e.location.input).toBe('wait-until');
    expect(e.message).toContain('RECONCILE_SERVICE, PRE_SCALE_UP');
  });

  it('mode continue needs only the service; hook-id and continue-action are its own', async () => {
    const { options } = await read({ mode: 'continue', service: 'web', cluster: 'shop', 'hook-id': 'hook-1', 'continue-action': 'ROLLBACK' });
    expect(options).toMatchObject({ mode: 'continue', serviceName: 'web', cluster: 'shop', hookId: 'hook-1', continueAction: 'ROLLBACK' });
    const plain = await read({ mode: 'continue', service: 'web' });
    expect(plain.options).toMatchObject({ mode: 'continue', hookId: undefined, continueAction: 'CONTINUE' });
  });

  it.each(['task-definition', 'task-definition-arn', 'service-definition', 'image'])('mode continue refuses %s', async (name) => {
    const e = await configError({ mode: 'continue', service: 'web', [name]: name === 'task-definition-arn' ? TD_ARN : 'x' });
    expect(e.location.input).toBe(name);
    expect(e.message).toContain("mode 'continue' does not use it");
  });

  it('hook-id and continue-action belong to mode continue; a rollback follows its rollback to the end', async () => {
    expect((await configError({ ...base, 'hook-id': 'h' })).location.input).toBe('hook-id');
    expect((await configError({ mode: 'rollback', service: 'web', 'continue-action': 'CONTINUE' })).location.input).toBe('continue-action');
    expect((await configError({ mode: 'rollback', service: 'web', 'wait-until': 'ecs:BAKE_TIME' })).location.input).toBe('wait-until');
    expect((await configError({ mode: 'continue', service: 'web', 'continue-action': 'PROCEED' })).location.input).toBe('continue-action');
  });
});
