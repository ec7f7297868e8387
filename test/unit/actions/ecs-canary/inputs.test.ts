/**
 * readOptions of ecs-canary (S3, C1, C2): what a valid set of inputs becomes; the refusals are in the bad-input
 * corpus (test/bad-inputs/ecs-canary.cases.ts), a few are repeated here with their exact location.
 */
import { describe, expect, it } from '@jest/globals';
import { INPUT_NAMES, readOptions } from '../../../../src/actions/ecs-canary/inputs.js';
import { ConfigurationError } from '../../../../src/core/errors.js';
import { fakeRuntime } from '../../../helpers/fakes.js';
import { rejectionOf } from '../../../helpers/rejection.js';
import { makeWorkspace } from '../../../helpers/run-action.js';

const TD = JSON.stringify({ family: 'web', containerDefinitions: [{ name: 'web', image: '<+artifact.image>', memory: 256 }] });
const SERVICE = 'serviceName: web\ncluster: prod\ndesiredCount: 4\nlaunchType: FARGATE\n';

function read(inputs: Record<string, string>) {
  const f = fakeRuntime({ inputs, declared: INPUT_NAMES, workspace: makeWorkspace({ 'td.json': TD, 'service.yaml': SERVICE }) });
  return readOptions(f.rt);
}

describe('ecs-canary inputs', () => {
  it('a deploy with the defaults: one canary task, no bake, deleted on failure (C1)', async () => {
    const o = await read({ service: 'web', 'task-definition': 'td.json', image: 'nginx:1.27' });
    expect(o).toMatchObject({
      mode: 'deploy',
      cluster: 'default',
      serviceName: 'web',
      canaryName: 'webCanary',
      size: { kind: 'count', count: 1 },
      bakeSeconds: 0,
      alarms: [],
      waitForSteadyState: true,
      deleteOnFailure: true,
      timeoutMinutes: 30,
    });
    expect(o.mode === 'deploy' && o.taskDefinition.kind === 'file' && o.taskDefinition.definition.containerDefinitions?.[0]?.image).toBe('nginx:1.27');
  });

  it('canary-percent, a bake and alarms one a line (a comma belongs to the name)', async () => {
    const o = await read({ service: 'web', 'task-definition-arn': 'web:7', 'canary-percent': '12.5', 'bake-seconds': '300', alarms: 'web-5xx\n\n  api,errors  \nweb-5xx' });
    expect(o).toMatchObject({ size: { kind: 'percent', percent: 12.5 }, bakeSeconds: 300, alarms: ['web-5xx', 'api,errors'] });
    expect(o.mode === 'deploy' && o.taskDefinition).toEqual({ kind: 'registered', ref: 'web:7', input: 'task-definition-arn' });
  });

  it('the service and cluster from the service definition', async () => {
    const o = await read({ 'task-definition': 'td.json', image: 'nginx:1.27', 'service-definition': 'service.yaml' });
    expect(o).toMatchObject({ serviceName: 'web', cluster: 'prod', canaryName: 'webCanary' });
    expect(o.mode === 'deploy' && o.serviceDefinition?.desiredCount).toBe(4);
  });

  it('mode delete needs only the service (C2)', async () => {
    expect(await read({ mode: 'delete', service: 'web', cluster: 'prod' })).toMatchObject({ mode: 'delete', cluster: 'prod', serviceName: 'web', canaryName: 'webCanary' });
  });

  it("mode delete takes the action.yml defaults the runner sets for every input (bake-seconds '0')", async () => {
    const defaults = { 'bake-seconds': '0', 'wait-for-steady-state': 'true', 'delete-on-failure': 'true', 'timeout-minutes': '30', 'dry-run': 'false' };
    expect(await read({ mode: 'delete', service: 'web', ...defaults })).toMatchObject({ mode: 'delete', canaryName: 'webCanary' });
    const err = await rejectionOf(read({ mode: 'delete', service: 'web', ...defaults, 'bake-seconds': '30' }));
    expect((err as ConfigurationError).location).toEqual({ input: 'bake-seconds' });
  });

  it('refuses a base service name that makes the canary name longer than 255 characters', async () => {
    const err = await rejectionOf(read({ service: 'w'.repeat(250), 'task-definition': 'td.json', image: 'x' }));
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as ConfigurationError).location).toEqual({ input: 'service' });
    expect((err as Error).message).toContain('at most 249 characters');
  });

  it('refuses both canary-count and canary-percent', async () => {
    const err = await rejectionOf(read({ service: 'web', 'task-definition': 'td.json', image: 'x', 'canary-count': '2', 'canary-percent': '10' }));
    expect((err as ConfigurationError).location).toEqual({ input: 'canary-count' });
  });
});
