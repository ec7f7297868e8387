/**
 * Issue 10, defect 1: a number or boolean written without quotes where the AWS request wants a string is kept as
 * the text the user wrote (`0123` → "0123", `1.10` → "1.10"), never JavaScript's rendering of it ("123", "1.1"),
 * in YAML and JSON manifests, at any depth; fields that want numbers keep their numbers.
 */
import { describe, expect, it } from '@jest/globals';
import { ContainerOverride$ } from '@aws-sdk/client-ecs';
import type { ContainerDefinition, KeyValuePair } from '@aws-sdk/client-ecs';
import { ConfigurationError } from '../../../../src/core/errors.js';
import { Inputs } from '../../../../src/core/inputs.js';
import { RUN_TASK_REQUEST, TASK_DEFINITION, checkManifest } from '../../../../src/core/manifests/kinds.js';
import { parseManifestText } from '../../../../src/core/manifests/parse.js';
import { checkAgainstSchema } from '../../../../src/core/manifests/schema-check.js';

/** Unquoted scalars YAML 1.2 (core schema) reads as numbers or booleans, each with the text that must be kept. */
const WRITTEN: readonly (readonly [string, string])[] = [
  ['LEADING_ZERO', '0123'],
  ['TRAILING_ZERO', '1.10'],
  ['BIG', '12345678901234567890'],
  ['EXPONENT', '1e3'],
  ['CAPITAL_TRUE', 'True'],
  ['LOWER_FALSE', 'false'],
  ['MINUS_ZERO', '-0'],
  ['HEX', '0x1F'],
  ['OCTAL', '0o17'],
  ['PLUS', '+12'],
  ['INFINITY', '.inf'],
  ['NOT_A_NUMBER', '.nan'],
];
const expected = Object.fromEntries(WRITTEN);

const td = (text: string, file = 'deploy/td.yaml') =>
  checkManifest(TASK_DEFINITION, parseManifestText(text, file, {}, 'task-definition'));
const byName = (pairs: readonly KeyValuePair[] | undefined) => Object.fromEntries((pairs ?? []).map((p) => [p.name, p.value]));
const container = (text: string): ContainerDefinition => td(text).containerDefinitions?.[0] ?? {};

const yamlTd = (containerLines: string) => `family: web
cpu: 256
memory: 512
containerDefinitions:
  - name: web
    image: nginx
    memory: 512
${containerLines}`;

describe('YAML task definition', () => {
  it('keeps the written text of every unquoted environment value', () => {
    const env = WRITTEN.map(([name, value]) => `      - name: ${name}\n        value: ${value}\n`).join('');
    expect(byName(container(yamlTd(`    environment:\n${env}`)).environment)).toEqual(expected);
  });

  it('leaves strings alone: yes and on are strings in YAML 1.2, quoted numbers are strings already', () => {
    const env = '      - {name: A, value: yes}\n      - {name: B, value: "0123"}\n      - {name: C, value: \'1.10\'}\n';
    expect(byName(container(yamlTd(`    environment:\n${env}`)).environment)).toEqual({ A: 'yes', B: '0123', C: '1.10' });
  });

  it('fields that want numbers keep numbers; task cpu and memory (strings) are exactly the text written', () => {
    const result = td(yamlTd('    portMappings:\n      - containerPort: 08080\n    cpu: 128\n'));
    expect(result).toMatchObject({ cpu: '256', memory: '512' });
    expect(result.containerDefinitions?.[0]).toMatchObject({ memory: 512, cpu: 128, portMappings: [{ containerPort: 8080 }] });
  });

  it('keeps the text in secrets, dockerLabels (keys too), logConfiguration options and command lists', () => {
    const c = container(
      yamlTd(`    secrets:
      - name: 0123
        valueFrom: 1.10
    dockerLabels:
      build: 0042
      0042: build
    logConfiguration:
      logDriver: json-file
      options:
        max-size: 10e6
        max-file: 03
    command: [run, 1.10, true]
`),
    );
    expect(c.secrets).toEqual([{ name: '0123', valueFrom: '1.10' }]);
    expect(c.dockerLabels).toEqual({ build: '0042', '0042': 'build' });
    expect(c.logConfiguration?.options).toEqual({ 'max-size': '10e6', 'max-file': '03' });
    expect(c.command).toEqual(['run', '1.10', 'true']);
  });

  it('follows anchors, aliases and << merge keys to the text', () => {
    const aliases = yamlTd(`    dockerLabels: {a: &v 1.10, b: &p 0123}
    environment:
      - {name: VERSION, value: *v}
      - {name: PORT, value: *p}
`);
    expect(byName(container(aliases).environment)).toEqual({ VERSION: '1.10', PORT: '0123' });
    const ownWins = yamlTd(`    dockerLabels: &labels {value: 1.10}
    environment:
      - name: V
        <<: *labels
        value: 02.50
`);
    expect(byName(container(ownWins).environment)).toEqual({ V: '02.50' });
    const fromMerge = yamlTd(`    environment:
      - &one {name: A, value: 1.10}
      - <<: *one
        name: B
      - <<: [{value: 0123}, *one]
        name: C
`);
    expect(byName(container(fromMerge).environment)).toEqual({ A: '1.10', B: '1.10', C: '0123' });
  });

  it('drops null values as S1 says (~, null and an empty value are YAML nulls, not text)', () => {
    const c = container(yamlTd('    environment:\n      - {name: A, value: ~}\n      - {name: B, value: null}\n      - {name: C, value: }\n'));
    expect(c.environment).toEqual([{ name: 'A' }, { name: 'B' }, { name: 'C' }]);
  });
});

describe('JSON task definition', () => {
  const json = (environment: string) =>
    `{\n\t"family": "web",\n\t"cpu": 256,\n\t"containerDefinitions": [\n\t\t{ "name": "web", "image": "nginx", "memory": 512,\n\t\t  "environment": [${environment}] }\n\t]\n}`;

  it('keeps the token text of numbers and booleans', () => {
    const env = ['1.10', '1e3', '12345678901234567890', '-0.0', 'true', '1E+2', '0.50'].map((v, i) => `{"name": "V${i}", "value": ${v}}`);
    const result = td(json(env.join(',\n')), 'td.json');
    expect(result.cpu).toBe('256');
    expect(byName(result.containerDefinitions?.[0]?.environment)).toEqual({
      V0: '1.10',
      V1: '1e3',
      V2: '12345678901234567890',
      V3: '-0.0',
      V4: 'true',
      V5: '1E+2',
      V6: '0.50',
    });
  });

  it('keeps the text inside the describe-task-definition wrapper', () => {
    const text = `{"taskDefinition": {"family": "web", "status": "ACTIVE", "containerDefinitions": [
      {"name": "web", "image": "nginx", "memory": 512, "dockerLabels": {"build": 42.0}, "environment": [{"name": "V", "value": 1.10}]}]}}`;
    const c = td(text, 'td.json').containerDefinitions?.[0];
    expect(c?.dockerLabels).toEqual({ build: '42.0' });
    expect(byName(c?.environment)).toEqual({ V: '1.10' });
  });
});

describe('run-task request and container overrides', () => {
  it('keeps the text in a run-task request file (overrides.containerOverrides[].environment)', () => {
    const text = 'overrides:\n  containerOverrides:\n    - name: app\n      memory: 256\n      environment:\n        - {name: V, value: 1.10}\n';
    const request = checkManifest(RUN_TASK_REQUEST, parseManifestText(text, 'run.yaml', {}, 'run-task-request'));
    expect(request.overrides?.containerOverrides?.[0]).toEqual({ name: 'app', memory: 256, environment: [{ name: 'V', value: '1.10' }] });
  });

  it.each([
    ['YAML', '- name: app\n  environment:\n    - {name: V, value: 1.10}\n    - {name: W, value: 0123}\n'],
    ['JSON', '[{"name": "app", "environment": [{"name": "V", "value": 1.10}, {"name": "W", "value": 1e3}]}]'],
  ])('keeps the text of a %s container-overrides input', (format, text) => {
    const document = new Inputs(() => text, ['container-overrides']).yamlOrJsonDocument('container-overrides');
    const items = document?.value as unknown[];
    const result = checkAgainstSchema(ContainerOverride$, items[0], { scalarText: document?.scalarText }, [0]);
    expect(result.problems).toEqual([]);
    const env = byName((result.value as { environment: KeyValuePair[] }).environment);
    expect(env).toEqual(format === 'YAML' ? { V: '1.10', W: '0123' } : { V: '1.10', W: '1e3' });
  });
});

describe('when the written text cannot be read back', () => {
  it('refuses with file:line, the field path and a hint to quote the value', () => {
    const parsed = parseManifestText(yamlTd('    environment:\n      - name: V\n        value: 1.10\n'), 'deploy/td.yaml', {}, 'task-definition');
    let error: unknown;
    try {
      // Only the environment value's text is lost (cpu and memory are read back as usual).
      const scalarText = (path: readonly (string | number)[], value: unknown) =>
        path.at(-1) === 'value' ? undefined : parsed.scalarText(path, value);
      checkManifest(TASK_DEFINITION, { ...parsed, scalarText });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const e = error as ConfigurationError;
    expect(e.location).toMatchObject({ input: 'task-definition', file: 'deploy/td.yaml', line: 10, field: 'containerDefinitions[0].environment[0].value' });
    expect(e.message).toContain('deploy/td.yaml:10');
    expect(e.detail).toMatch(/got the number 1\.1 written without quotes.*put the value in quotes/);
  });

  it('a value built in code (no written text at all) still becomes String(value)', () => {
    const r = checkAgainstSchema(ContainerOverride$, { name: 'app', environment: [{ name: 'V', value: 1.5 }] });
    expect(r.problems).toEqual([]);
    expect(r.value).toEqual({ name: 'app', environment: [{ name: 'V', value: '1.5' }] });
  });
});
