import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../../../../src/core/errors.js';
import { detectFormat, jsonErrorPosition, loadManifest, parseManifestText } from '../../../../src/core/manifests/parse.js';
import { tempWorkspace, thrown } from './workspace.js';
import type { TempWorkspace } from './workspace.js';

const parse = (text: string) => parseManifestText(text, 'deploy/m.yaml', {}, 'task-definition');
const located = async (fn: () => unknown): Promise<ConfigurationError> => {
  const e = await thrown(fn);
  expect(e).toBeInstanceOf(ConfigurationError);
  return e as ConfigurationError;
};

describe('detectFormat', () => {
  it('decides by content, not extension', () => {
    expect(detectFormat('\uFEFF\n  {"family": "x"}')).toBe('json');
    expect(detectFormat('[1]')).toBe('json');
    expect(detectFormat('family: x\n')).toBe('yaml');
    expect(detectFormat('# {"comment"}\nfamily: x')).toBe('yaml');
  });
});

describe('parseManifestText', () => {
  it('parses YAML and JSON to the same value', () => {
    const y = parse('family: web\ncontainerDefinitions:\n  - name: a\n    cpu: 10\n');
    const j = parse('{"family": "web", "containerDefinitions": [{"name": "a", "cpu": 10}]}');
    expect(y.value).toEqual({ family: 'web', containerDefinitions: [{ name: 'a', cpu: 10 }] });
    expect(j.value).toEqual(y.value);
    expect(y.file).toBe('deploy/m.yaml');
    expect(y.input).toBe('task-definition');
  });

  it('reports an invalid YAML manifest with its line and column', async () => {
    const text = 'family: web\ncontainerDefinitions:\n  - name: a\n   image: b\n';
    const e = await located(() => parse(text));
    expect(e.location).toMatchObject({ input: 'task-definition', file: 'deploy/m.yaml', line: 4 });
    expect(e.message).toMatch(/^input 'task-definition', deploy\/m\.yaml:4: YAML syntax error at line 4, column \d+/);
  });

  it('reports an unterminated YAML flow list at the line where it breaks', async () => {
    const e = await located(() => parse('family: web\nrequiresCompatibilities: [FARGATE\nnetworkMode: awsvpc\n'));
    expect(e.location.line).toBe(3);
  });

  it('reports invalid JSON with its line and column', async () => {
    const text = '{\n  "family": "web",\n  "cpu": "256"\n  "memory": "512"\n}\n';
    const e = await located(() => parse(text));
    expect(e.location).toMatchObject({ file: 'deploy/m.yaml', line: 4 });
    expect(e.detail).toMatch(/^JSON syntax error at line 4, column 3: /);
  });

  it('holds JSON-looking content to JSON rules (a trailing comma is refused, though YAML would accept it)', async () => {
    const e = await located(() => parse('{\n  "family": "web",\n}\n'));
    expect(e.detail).toMatch(/^JSON syntax error at line 3/);
  });

  it('reports truncated JSON at its end', async () => {
    const e = await located(() => parse('{\n  "family": "web",\n  "cpu": "256"\n'));
    expect(e.location.line).toBe(3);
  });

  it('refuses duplicate keys, in JSON as in YAML', async () => {
    const j = await located(() => parse('{\n"family": "a",\n"family": "b"\n}'));
    expect(j.location.line).toBe(3);
    expect(j.message).toMatch(/unique/);
    const y = await located(() => parse('family: a\nfamily: b\n'));
    expect(y.location.line).toBe(2);
  });

  it('refuses several YAML documents in one file and an empty file', async () => {
    expect((await located(() => parse('family: a\n---\nfamily: b\n'))).location.line).toBe(2);
    expect((await located(() => parse('# nothing here\n'))).detail).toMatch(/empty/);
  });

  it('supports YAML anchors and merge keys', () => {
    const m = parse('base: &b\n  cpu: 1\nc:\n  <<: *b\n  memory: 2\n');
    expect(m.value).toEqual({ base: { cpu: 1 }, c: { cpu: 1, memory: 2 } });
  });

  it('knows the line of every field (its key), in YAML', () => {
    const text = [
      '# comment',
      'family: web',
      'containerDefinitions:',
      '  - name: a',
      '    portMappings:',
      '      - containerPort: 80',
      '  - name: b',
      '    portMappings:',
      '      - containerPort: 81',
      '        hostPort: 81',
    ].join('\n');
    const m = parse(text);
    expect(m.lineOf([])).toBe(2);
    expect(m.lineOf(['family'])).toBe(2);
    expect(m.lineOf(['containerDefinitions'])).toBe(3);
    expect(m.lineOf(['containerDefinitions', 0])).toBe(4);
    expect(m.lineOf(['containerDefinitions', 1, 'name'])).toBe(7);
    expect(m.lineOf(['containerDefinitions', 1, 'portMappings', 0, 'hostPort'])).toBe(10);
    expect(m.lineOf(['containerDefinitions', 2])).toBeUndefined();
    expect(m.lineOf(['nope'])).toBeUndefined();
  });

  it('knows the line of every field in JSON too', () => {
    const m = parse('{\n  "family": "web",\n  "containerDefinitions": [\n    {\n      "name": "a",\n      "image": "x"\n    }\n  ]\n}');
    expect(m.lineOf(['family'])).toBe(2);
    expect(m.lineOf(['containerDefinitions', 0])).toBe(4);
    expect(m.lineOf(['containerDefinitions', 0, 'image'])).toBe(6);
  });

  it('substitutes placeholders before parsing, keeping lines', () => {
    const m = parseManifestText('family: web\ncontainerDefinitions:\n  - image: <+artifact.image>\n', 'td.yaml', {
      image: 'nginx:1.27',
    });
    expect(m.value).toEqual({ family: 'web', containerDefinitions: [{ image: 'nginx:1.27' }] });
    expect(m.lineOf(['containerDefinitions', 0, 'image'])).toBe(3);
  });
});

describe('jsonErrorPosition', () => {
  it('reads both the older "at position N" and the newer "(line L column C)" messages', () => {
    expect(jsonErrorPosition('{\n  "a" 1}', 'Unexpected number in JSON at position 8')).toEqual({ line: 2, column: 7 });
    expect(jsonErrorPosition('{\n  "a" 1}', "Expected ':' after property name in JSON at position 8 (line 2 column 7)")).toEqual({
      line: 2,
      column: 7,
    });
    expect(jsonErrorPosition('', 'Unexpected token (line 5 column 2)')).toEqual({ line: 5, column: 2 });
    expect(jsonErrorPosition('{\n "a": 1\n\n', 'Unexpected end of JSON input')).toEqual({ line: 2, column: 8 });
  });
});

describe('loadManifest', () => {
  let ws: TempWorkspace;
  beforeAll(() => {
    ws = tempWorkspace();
  });
  afterAll(() => ws.remove());

  it('reads a file inside the workspace and names it as the user wrote it', async () => {
    ws.write('deploy/service.yml', '{"serviceName": "web"}');
    const m = await loadManifest(ws.roots, 'deploy/service.yml', 'service-definition', {});
    expect(m.value).toEqual({ serviceName: 'web' });
    expect(m.file).toBe('deploy/service.yml');
  });

  it('reports syntax errors of a file with its path and line', async () => {
    ws.write('bad.json', '{\n  "serviceName": "web",\n  "desiredCount": 2,,\n}');
    const e = await located(() => loadManifest(ws.roots, 'bad.json', 'service-definition', {}));
    expect(e.location).toMatchObject({ input: 'service-definition', file: 'bad.json', line: 3 });
  });
});
