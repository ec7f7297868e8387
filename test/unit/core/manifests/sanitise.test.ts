import { describe, expect, it } from '@jest/globals';
import type { ConfigurationError } from '../../../../src/core/errors.js';
import { checkManifest, TASK_DEFINITION } from '../../../../src/core/manifests/kinds.js';
import { parseManifestText } from '../../../../src/core/manifests/parse.js';
import { dropNulls, sanitiseTaskDefinition } from '../../../../src/core/manifests/sanitise.js';
import { fixture, thrown } from './workspace.js';

/** The read-only fields S1 lists (fields of describe-task-definition output that RegisterTaskDefinition refuses). */
const S1_READ_ONLY = [
  'taskDefinitionArn',
  'revision',
  'status',
  'requiresAttributes',
  'compatibilities',
  'registeredAt',
  'registeredBy',
  'deregisteredAt',
];

const parse = (text: string, placeholders = {}) => parseManifestText(text, 'td.json', placeholders, 'task-definition');

describe('sanitising describe-task-definition output (S1)', () => {
  it('unwraps { taskDefinition, tags }, keeps the tags, drops read-only fields and nulls', () => {
    const td = checkManifest(TASK_DEFINITION, parse(fixture('describe-task-definition.json')));
    for (const field of S1_READ_ONLY) expect(td).not.toHaveProperty(field);
    expect(td).not.toHaveProperty('runtimePlatform');
    expect(td.tags).toEqual([{ key: 'team', value: 'payments' }]);
    expect(td.family).toBe('web');
    expect(td.cpu).toBe('512');
    expect(td.requiresCompatibilities).toEqual(['FARGATE']);
    expect(td.containerDefinitions?.[0]?.logConfiguration?.options?.['awslogs-group']).toBe('/ecs/web');
  });

  it('accepts the same output without the wrapper', () => {
    const inner = (JSON.parse(fixture('describe-task-definition.json')) as { taskDefinition: unknown }).taskDefinition;
    const td = checkManifest(TASK_DEFINITION, parse(JSON.stringify(inner, null, 2)));
    for (const field of S1_READ_ONLY) expect(td).not.toHaveProperty(field);
    expect(td).not.toHaveProperty('tags');
    expect(td.networkMode).toBe('awsvpc');
  });

  it('says which read-only fields it dropped', () => {
    const s = sanitiseTaskDefinition(parse(fixture('describe-task-definition.json')));
    expect([...s.droppedFields].sort()).toEqual([...S1_READ_ONLY].sort());
  });

  it('points errors inside the wrapper at the right lines', async () => {
    const text = fixture('describe-task-definition.json').replace('"containerPort": 8080', '"containerPort": "8080"');
    const e = (await thrown(() => checkManifest(TASK_DEFINITION, parse(text)))) as ConfigurationError;
    expect(e.location).toMatchObject({ line: 11, field: 'containerDefinitions[0].portMappings[0].containerPort' });
    const bad = '{\n  "taskDefinition": {\n    "containerDefinitions": []\n  },\n  "extra": 1\n}';
    const e2 = (await thrown(() => checkManifest(TASK_DEFINITION, parse(bad)))) as ConfigurationError & {
      problems?: ConfigurationError[];
    };
    const located = (e2.problems ?? [e2]).map((p) => [p.location.field, p.location.line]);
    expect(located).toContainEqual(['extra', 5]);
    expect(located).toContainEqual(['family', 2]);
  });

  it('loads the Harness tutorial task definition (seed 004), nulls and all', () => {
    const td = checkManifest(TASK_DEFINITION, parse(fixture('harness-tutorial-taskdef.json'), { image: 'nginx:1.27' }));
    expect(td).toEqual({
      executionRoleArn: '<ecsInstanceRole Role ARN>',
      containerDefinitions: [
        {
          portMappings: [{ hostPort: 80, protocol: 'tcp', containerPort: 80 }],
          cpu: 0,
          environment: [],
          mountPoints: [],
          memoryReservation: 128,
          volumesFrom: [],
          image: 'nginx:1.27',
          essential: true,
          name: 'nginx',
        },
      ],
      placementConstraints: [],
      memory: '512',
      taskRoleArn: '<ecsInstanceRole Role ARN>',
      family: 'fargate-task-definition',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '256',
      volumes: [],
    });
  });
});

describe('dropNulls', () => {
  it('removes null members at any depth and leaves list items for validation to judge', () => {
    expect(dropNulls({ a: null, b: { c: null, d: 1 }, e: [{ f: null }, null] })).toEqual({ b: { d: 1 }, e: [{}, null] });
  });
});
