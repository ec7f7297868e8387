import { describe, expect, it } from '@jest/globals';
import { CreateServiceRequest$ } from '@aws-sdk/client-ecs';
import { ConfigurationError } from '../../../../src/core/errors.js';
import { checkManifest, SERVICE_DEFINITION, TASK_DEFINITION } from '../../../../src/core/manifests/kinds.js';
import { parseManifestText } from '../../../../src/core/manifests/parse.js';
import { ManifestError, MAX_LISTED_PROBLEMS } from '../../../../src/core/manifests/problems.js';
import { checkAgainstSchema } from '../../../../src/core/manifests/schema-check.js';
import { thrown } from './workspace.js';

const taskDef = (text: string) =>
  checkManifest(TASK_DEFINITION, parseManifestText(text, 'deploy/td.yaml', {}, 'task-definition'));
const errorOf = async (text: string): Promise<ConfigurationError> => {
  const e = await thrown(() => taskDef(text));
  expect(e).toBeInstanceOf(ConfigurationError);
  return e as ConfigurationError;
};
const problemsOf = (e: ConfigurationError): readonly ConfigurationError[] => (e instanceof ManifestError ? e.problems : [e]);

const EC2_TD = ['family: web', 'containerDefinitions:', '  - name: web', '    image: nginx', '    memory: 256'];

describe('structural validation against RegisterTaskDefinitionRequest', () => {
  it('accepts a valid task definition and returns the request', () => {
    expect(taskDef(EC2_TD.join('\n'))).toEqual({
      family: 'web',
      containerDefinitions: [{ name: 'web', image: 'nginx', memory: 256 }],
    });
  });

  it('reports an unknown top-level field with its line and a did-you-mean', async () => {
    const e = await errorOf('family: web\ncontainerDefinition:\n  - name: web\n    image: nginx\n');
    const unknown = problemsOf(e).find((p) => p.location.field === 'containerDefinition');
    expect(unknown?.location).toEqual({ input: 'task-definition', file: 'deploy/td.yaml', line: 2, field: 'containerDefinition' });
    expect(unknown?.detail).toMatch(/unknown field `containerDefinition`.*did you mean `containerDefinitions`\?/);
    // The real member is then missing: reported too, in the same error.
    expect(problemsOf(e).some((p) => p.detail === 'missing required field `containerDefinitions`')).toBe(true);
  });

  it('reports an unknown nested field with its full path, e.g. a capitalised `Image`', async () => {
    const e = await errorOf([...EC2_TD, '    Image: nginx:2'].join('\n'));
    expect(e.location).toMatchObject({ line: 6, field: 'containerDefinitions[0].Image' });
    expect(e.detail).toBe('unknown field `Image` (not a member of ContainerDefinition); did you mean `image`?');
  });

  it('gives no hint when nothing is close', async () => {
    const e = await errorOf([...EC2_TD, 'flavour: vanilla'].join('\n'));
    expect(e.detail).toBe('unknown field `flavour` (not a member of RegisterTaskDefinitionRequest)');
  });

  it('reports a wrong type deep inside with the full path and its line', async () => {
    const text = [
      'family: web',
      'containerDefinitions:',
      '  - name: a',
      '    image: nginx',
      '    memory: 128',
      '  - name: b',
      '    image: nginx',
      '    memory: 128',
      '    portMappings:',
      '      - containerPort: "80"',
    ].join('\n');
    const e = await errorOf(text);
    expect(e.location).toEqual({
      input: 'task-definition',
      file: 'deploy/td.yaml',
      line: 10,
      field: 'containerDefinitions[1].portMappings[0].containerPort',
    });
    expect(e.detail).toBe('expected a number, got a string (write the number without quotes)');
    expect(e.message).toBe(
      "input 'task-definition', deploy/td.yaml:10, field containerDefinitions[1].portMappings[0].containerPort: " +
        'expected a number, got a string (write the number without quotes)',
    );
  });

  it('reports wrong types in JSON with their lines too', async () => {
    const text = '{\n  "family": "web",\n  "containerDefinitions": [\n    {\n      "name": "a",\n      "essential": "yes"\n    }\n  ]\n}';
    const e = await errorOf(text);
    expect(e.location).toMatchObject({ line: 6, field: 'containerDefinitions[0].essential' });
    expect(e.detail).toMatch(/expected true or false, got a string/);
  });

  it('reports lists, objects and maps of the wrong shape', async () => {
    const e = await errorOf(
      ['family: web', 'containerDefinitions:', '  name: web', 'volumes: 3', 'tags: {a: b}'].join('\n'),
    );
    const byField = Object.fromEntries(problemsOf(e).map((p) => [p.location.field, p.detail]));
    expect(byField['containerDefinitions']).toBe('expected a list, got an object');
    expect(byField['volumes']).toBe('expected a list, got the number 3');
    expect(byField['tags']).toBe('expected a list, got an object');
    const d = await errorOf([...EC2_TD, '    dockerLabels: [a]'].join('\n'));
    expect(d.detail).toBe('expected a map of names to values, got a list');
    expect(d.location.field).toBe('containerDefinitions[0].dockerLabels');
  });

  it('reports a missing required member at the line of its parent', async () => {
    const e = await errorOf('\n\ncontainerDefinitions:\n  - name: web\n    image: nginx\n    memory: 1\n');
    expect(e.location).toMatchObject({ field: 'family', line: 3 });
    expect(e.detail).toBe('missing required field `family`');
    const nested = await errorOf([...EC2_TD, '    secrets:', '      - name: TOKEN'].join('\n'));
    expect(nested.location).toMatchObject({ field: 'containerDefinitions[0].secrets[0].valueFrom', line: 7 });
  });

  it('collects every problem in the manifest into one error, in document order', async () => {
    const e = await errorOf(
      ['famly: web', 'containerDefinitions:', '  - name: 1', '    image: nginx', '    cpu: lots', '    essentail: true'].join(
        '\n',
      ),
    );
    expect(e).toBeInstanceOf(ManifestError);
    const list = problemsOf(e).map((p) => [p.location.line, p.location.field]);
    expect(list).toEqual([
      [1, 'famly'],
      [5, 'containerDefinitions[0].cpu'],
      [6, 'containerDefinitions[0].essentail'],
      [1, 'family'],
    ]);
    expect(e.message).toMatch(/^input 'task-definition', deploy\/td.yaml:1, field famly: unknown field `famly`/);
    expect(e.message).toContain('4 problems in this manifest');
    expect(e.message).toContain('\n  - deploy/td.yaml:6, field containerDefinitions[0].essentail: unknown field `essentail`');
  });

  it(`lists at most ${MAX_LISTED_PROBLEMS} problems and counts the rest`, async () => {
    const lines = [...EC2_TD, ...Array.from({ length: 30 }, (_, i) => `bogus${i}: 1`)];
    const e = await errorOf(lines.join('\n'));
    expect((e as ManifestError).problems).toHaveLength(30);
    expect(e.message).toContain('... and 10 more');
    expect(e.message.match(/\n {2}- /g)).toHaveLength(MAX_LISTED_PROBLEMS - 1);
  });

  it('drops nulls and writes numbers and booleans given for string members as strings', () => {
    const td = taskDef(
      [
        'family: web',
        'cpu: 256',
        'memory: 512',
        'ipcMode:',
        'containerDefinitions:',
        '  - name: web',
        '    image: nginx',
        '    command: null',
        '    environment:',
        '      - {name: PORT, value: 8080}',
        '      - {name: DEBUG, value: false}',
      ].join('\n'),
    );
    expect(td).toEqual({
      family: 'web',
      cpu: '256',
      memory: '512',
      containerDefinitions: [
        {
          name: 'web',
          image: 'nginx',
          environment: [
            { name: 'PORT', value: '8080' },
            { name: 'DEBUG', value: 'false' },
          ],
        },
      ],
    });
  });

  it('refuses an empty list item and a top level that is not an object', async () => {
    const e = await errorOf([...EC2_TD, '    command:', '      - run', '      -'].join('\n'));
    expect(e.location.field).toBe('containerDefinitions[0].command[1]');
    const top = await errorOf('- family: web\n');
    expect(top.detail).toBe('expected an object (RegisterTaskDefinitionRequest), got a list');
    expect(top.location.line).toBe(1);
  });
});

describe('structural validation of a service definition (CreateServiceRequest)', () => {
  const service = (text: string) => checkManifest(SERVICE_DEFINITION, parseManifestText(text, 'svc.yaml', {}, 'service-definition'));

  it('reports nested unknown fields with their path', async () => {
    const e = (await thrown(() =>
      service('serviceName: web\nnetworkConfiguration:\n  awsvpcConfiguration:\n    subnet: [a]\n'),
    )) as ConfigurationError;
    expect(e.location).toMatchObject({ line: 4, field: 'networkConfiguration.awsvpcConfiguration.subnet' });
    expect(e.detail).toMatch(/did you mean `subnets`\?/);
  });

  it('needs serviceName (the one member CreateService requires)', async () => {
    const e = (await thrown(() => service('desiredCount: 1\n'))) as ConfigurationError;
    expect(e.detail).toBe('missing required field `serviceName`');
  });

  it('passes deployment alarms through and locates a malformed or missing member of them (issue 11)', async () => {
    const alarms = ['serviceName: web', 'deploymentConfiguration:', '  alarms:', '    alarmNames: [web-5xx]', '    enable: true'];
    expect(service([...alarms, '    rollback: true'].join('\n')).deploymentConfiguration?.alarms).toEqual({
      alarmNames: ['web-5xx'],
      enable: true,
      rollback: true,
    });
    const missing = (await thrown(() => service(alarms.join('\n')))) as ConfigurationError;
    expect(missing.location).toMatchObject({ file: 'svc.yaml', line: 3, field: 'deploymentConfiguration.alarms.rollback' });
    expect(missing.detail).toBe('missing required field `rollback`');
    const typed = (await thrown(() => service([...alarms.slice(0, 3), '    alarmNames: web-5xx', '    enable: yes', '    rollback: true'].join('\n')))) as ConfigurationError;
    const problems = problemsOf(typed).map((p) => [p.location.line, p.location.field, p.detail]);
    expect(problems).toEqual([
      [4, 'deploymentConfiguration.alarms.alarmNames', 'expected a list, got a string'],
      [5, 'deploymentConfiguration.alarms.enable', 'expected true or false, got a string'],
    ]);
  });
});

describe('checkAgainstSchema', () => {
  it('treats members the action provides as not required, and can match names case-insensitively', () => {
    expect(checkAgainstSchema(CreateServiceRequest$, {}, { provided: ['serviceName'] }).problems).toEqual([]);
    const r = checkAgainstSchema(CreateServiceRequest$, { ServiceName: 'web', DESIREDCOUNT: 2 }, { caseInsensitiveMembers: true });
    expect(r.problems).toEqual([]);
    expect(r.value).toEqual({ serviceName: 'web', desiredCount: 2 });
  });

  it('prefixes paths with a base path (for lists of requests)', () => {
    const r = checkAgainstSchema(CreateServiceRequest$, { serviceName: 'a', desiredCount: 'x' }, {}, [3]);
    expect(r.problems).toEqual([{ path: [3, 'desiredCount'], detail: 'expected a number, got a string' }]);
  });

  it('reports a member written twice in different cases', () => {
    const r = checkAgainstSchema(CreateServiceRequest$, { serviceName: 'a', ServiceName: 'b' }, { caseInsensitiveMembers: true });
    expect(r.problems).toEqual([{ path: ['ServiceName'], detail: '`ServiceName` repeats `serviceName`' }]);
  });
});
