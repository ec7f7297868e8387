import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../../../../src/core/errors.js';
import { fargateMemoryChoices, fargateSizeProblem, parseCpuUnits, parseMemoryMiB } from '../../../../src/core/manifests/fargate.js';
import { checkManifest, RUN_TASK_REQUEST, SERVICE_DEFINITION, TASK_DEFINITION } from '../../../../src/core/manifests/kinds.js';
import { parseManifestText } from '../../../../src/core/manifests/parse.js';
import { ManifestError } from '../../../../src/core/manifests/problems.js';
import { thrown } from './workspace.js';

const taskDef = (lines: string[]) =>
  checkManifest(TASK_DEFINITION, parseManifestText(lines.join('\n'), 'td.yaml', {}, 'task-definition'));
const problems = async (lines: string[]): Promise<Array<[string | undefined, number | undefined, string]>> => {
  const e = await thrown(() => taskDef(lines));
  expect(e).toBeInstanceOf(ConfigurationError);
  const list = e instanceof ManifestError ? e.problems : [e as ConfigurationError];
  return list.map((p) => [p.location.field, p.location.line, p.detail]);
};

const fargate = (cpu: string, memory: string, extra: string[] = []) => [
  'family: web',
  'requiresCompatibilities: [FARGATE]',
  'networkMode: awsvpc',
  `cpu: ${cpu}`,
  `memory: ${memory}`,
  'containerDefinitions:',
  '  - name: web',
  '    image: nginx',
  ...extra,
];

describe('Fargate task sizes (AWS: "Troubleshoot ... invalid CPU or memory errors")', () => {
  it.each([
    ['256', '512'],
    ['256', '2048'],
    ['512', '"1 GB"'],
    ['512', '4096'],
    ['"1 vCPU"', '8192'],
    ['2048', '"16GB"'],
    ['4096', '30720'],
    ['8192', '61440'],
    ['"16 vcpu"', '"120 GB"'],
    ['".25 vCPU"', '"0.5GB"'],
  ])('accepts cpu %s with memory %s', (cpu, memory) => {
    expect(taskDef(fargate(cpu, memory)).family).toBe('web');
  });

  it.each([
    ['256', '4096', 'memory'],
    ['512', '512', 'memory'],
    ['1024', '9216', 'memory'],
    ['2048', '4608', 'memory'],
    ['4096', '31744', 'memory'],
    ['8192', '18432', 'memory'],
    ['16384', '36864', 'memory'],
    ['768', '2048', 'cpu'],
  ])('refuses cpu %s with memory %s, blaming %s', async (cpu, memory, field) => {
    const [[f, line, detail]] = (await problems(fargate(cpu, memory))) as [[string, number, string]];
    expect(f).toBe(field);
    expect(line).toBe(field === 'cpu' ? 4 : 5);
    expect(detail).toMatch(/Fargate/);
  });

  it('says what would fit', () => {
    expect(fargateSizeProblem(256, 4096)).toBe(
      'memory 4096 MiB does not fit cpu 256 on Fargate; with cpu 256 use 512, 1024 or 2048 MiB',
    );
    expect(fargateSizeProblem(8192, 20480)).toBeUndefined();
    expect(fargateSizeProblem(8192, 18432)).toMatch(/16384 to 61440 in steps of 4096/);
    expect(fargateMemoryChoices(512)).toEqual([1024, 2048, 3072, 4096]);
    expect(fargateMemoryChoices(16384)).toHaveLength(12);
  });

  it('parses CPU units / vCPUs and MiB / GB as RegisterTaskDefinition documents them', () => {
    expect(parseCpuUnits('1024')).toBe(1024);
    expect(parseCpuUnits('1 vCPU')).toBe(1024);
    expect(parseCpuUnits('0.5 vcpu')).toBe(512);
    expect(parseCpuUnits('lots')).toBeUndefined();
    expect(parseMemoryMiB('2GB')).toBe(2048);
    expect(parseMemoryMiB('1 GB')).toBe(1024);
    expect(parseMemoryMiB('2 TB')).toBeUndefined();
  });

  it('needs task-level cpu and memory, and the awsvpc network mode', async () => {
    const list = await problems(['family: web', 'requiresCompatibilities: [FARGATE]', 'containerDefinitions:', '  - {name: a, image: b}']);
    expect(list.map(([f]) => f)).toEqual(['networkMode', 'cpu', 'memory']);
    expect(list[0]?.[1]).toBe(1);
    const bridge = await problems(fargate('256', '512').map((l) => l.replace('awsvpc', 'bridge')));
    expect(bridge).toEqual([['networkMode', 3, 'Fargate requires networkMode `awsvpc`, not `bridge`']]);
  });

  it('refuses unreadable sizes', async () => {
    const list = await problems(fargate('big', '"lots of GB"'));
    expect(list.map(([f]) => f)).toEqual(['cpu', 'memory']);
  });
});

describe('container rules', () => {
  it('needs at least one container', async () => {
    expect(await problems(['family: web', 'containerDefinitions: []'])).toEqual([
      ['containerDefinitions', 2, 'a task definition needs at least one container'],
    ]);
  });

  it('needs a name and an image on every container, and unique names', async () => {
    const list = await problems([
      'family: web',
      'containerDefinitions:',
      '  - name: web',
      '    memory: 128',
      '  - image: nginx',
      '    memory: 128',
      '  - name: web',
      '    image: nginx',
      '    memory: 128',
    ]);
    expect(list).toEqual([
      ['containerDefinitions[0].image', 3, 'every container needs an `image`'],
      ['containerDefinitions[1].name', 5, 'every container needs a `name`'],
      ['containerDefinitions[2].name', 7, 'container name `web` is already used by containerDefinitions[0]'],
    ]);
  });

  it('refuses hostname in the awsvpc network mode and a hostPort that differs from containerPort', async () => {
    const list = await problems(
      fargate('256', '512', ['    hostname: web1', '    portMappings:', '      - {containerPort: 80, hostPort: 8080}']),
    );
    expect(list.map(([f, l]) => [f, l])).toEqual([
      ['containerDefinitions[0].hostname', 9],
      ['containerDefinitions[0].portMappings[0].hostPort', 11],
    ]);
  });

  it('allows hostname in the bridge network mode', () => {
    const td = taskDef(['family: web', 'containerDefinitions:', '  - {name: a, image: b, memory: 64, hostname: h}']);
    expect(td.containerDefinitions?.[0]?.hostname).toBe('h');
  });

  it('on EC2 without task memory, needs memory or memoryReservation per container; memory above the reservation', async () => {
    expect(await problems(['family: web', 'containerDefinitions:', '  - {name: a, image: b}'])).toEqual([
      ['containerDefinitions[0].memory', 3, 'on EC2 without a task-level `memory`, every container needs `memory` or `memoryReservation`'],
    ]);
    expect(taskDef(['family: web', 'memory: 512', 'containerDefinitions:', '  - {name: a, image: b}']).memory).toBe('512');
    const list = await problems(['family: web', 'containerDefinitions:', '  - {name: a, image: b, memory: 128, memoryReservation: 256}']);
    expect(list[0]?.[0]).toBe('containerDefinitions[0].memoryReservation');
  });

  it('refuses unknown network modes and compatibilities', async () => {
    const list = await problems(['family: web', 'networkMode: vpc', 'requiresCompatibilities: [EC2, LAMBDA]', 'containerDefinitions:', '  - {name: a, image: b, memory: 64}']);
    expect(list.map(([f]) => f)).toEqual(['networkMode', 'requiresCompatibilities[1]']);
  });
});

describe('launch choice (CreateService, RunTask)', () => {
  it('refuses launchType together with capacityProviderStrategy, and unknown launch types', async () => {
    const text = 'serviceName: web\nlaunchType: FARGATE\ncapacityProviderStrategy:\n  - capacityProvider: FARGATE_SPOT\n';
    const e = (await thrown(() => checkManifest(SERVICE_DEFINITION, parseManifestText(text, 's.yaml', {})))) as ConfigurationError;
    expect(e.location).toMatchObject({ field: 'capacityProviderStrategy', line: 3 });
    const r = (await thrown(() => checkManifest(RUN_TASK_REQUEST, parseManifestText('launchType: LAMBDA', 'r.yaml', {})))) as ConfigurationError;
    expect(r.detail).toMatch(/unknown launch type `LAMBDA`/);
  });
});

describe('Fargate and the awslogs driver', () => {
  it('refuses awslogs without an executionRoleArn, at the container that logs', async () => {
    const found = await problems(
      fargate('256', '512', ['    logConfiguration:', '      logDriver: awslogs', '      options: { awslogs-group: /ecs/web }']),
    );
    expect(found).toEqual([['executionRoleArn', 9, expect.stringMatching(/executionRoleArn.*awslogs.*containerDefinitions\[0\]/)]]);
  });

  it('accepts awslogs with an executionRoleArn', () => {
    const lines = fargate('256', '512', ['    logConfiguration:', '      logDriver: awslogs']);
    expect(() => taskDef(['executionRoleArn: arn:aws:iam::123456789012:role/exec', ...lines])).not.toThrow();
  });
});

describe('whole numbers where ECS expects an Integer', () => {
  const service = (lines: string[]) =>
    checkManifest(SERVICE_DEFINITION, parseManifestText(lines.join('\n'), 'svc.yaml', {}, 'service-definition'));
  const runTask = (lines: string[]) =>
    checkManifest(RUN_TASK_REQUEST, parseManifestText(lines.join('\n'), 'run.yaml', {}, 'run-task-request'));

  it('refuses a fractional desiredCount and a negative grace period in a service definition, with their lines', async () => {
    const e = await thrown(() => service(['serviceName: web', 'desiredCount: 1.5', 'healthCheckGracePeriodSeconds: -3']));
    const list = e instanceof ManifestError ? e.problems : [e as ConfigurationError];
    expect(list.map((p) => [p.location.field, p.location.line])).toEqual([
      ['desiredCount', 2],
      ['healthCheckGracePeriodSeconds', 3],
    ]);
    expect(list[0]?.detail).toMatch(/whole number.*1\.5/);
  });

  it('refuses a fractional container port in a task definition, naming the full path', async () => {
    const found = await problems(fargate('256', '512', ['    portMappings:', '      - containerPort: 80.5']));
    expect(found).toEqual([['containerDefinitions[0].portMappings[0].containerPort', 10, expect.stringMatching(/80\.5/)]]);
  });

  it('refuses a fractional count in a run-task request and accepts whole numbers', async () => {
    const e = await thrown(() => runTask(['count: 2.5']));
    expect((e as ConfigurationError).location.field).toBe('count');
    expect(() => runTask(['count: 2', 'launchType: FARGATE'])).not.toThrow();
  });
});
