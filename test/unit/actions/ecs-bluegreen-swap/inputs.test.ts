/**
 * readOptions of ecs-bluegreen-swap (S3, B3, B7): what each mode reads, the service definition's stage target group
 * placeholder, and the traffic steps; the port check of the stage target group (B3).
 */
import { describe, expect, it } from '@jest/globals';
import { INPUT_NAMES, readOptions } from '../../../../src/actions/ecs-bluegreen-swap/inputs.js';
import { checkPort } from '../../../../src/actions/ecs-bluegreen-swap/deploy-plan.js';
import { STAGE_TARGET_GROUP_SENTINEL } from '../../../../src/actions/ecs-bluegreen-swap/options.js';
import { readTrafficSteps } from '../../../../src/actions/ecs-bluegreen-swap/swap-inputs.js';
import { ConfigurationError } from '../../../../src/core/errors.js';
import { fakeRuntime } from '../../../helpers/fakes.js';
import { makeWorkspace, repoRoot } from '../../../helpers/run-action.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const TASK = JSON.stringify({
  family: 'shop',
  containerDefinitions: [{ name: 'web', image: '<+artifact.image>', essential: true, memory: 512, portMappings: [{ containerPort: 8080 }] }],
});
const SERVICE = JSON.stringify({
  serviceName: 'shop',
  cluster: 'prod',
  desiredCount: 2,
  loadBalancers: [{ targetGroupArn: '<+targetGroupArn>', containerName: 'web', containerPort: 8080 }],
});
const ROUTES = { 'load-balancer': 'shop', 'prod-listener': '443', 'stage-listener': '8443' };

function runtime(inputs: Record<string, string>): ReturnType<typeof fakeRuntime>['rt'] {
  const workspace = makeWorkspace({ 'task.json': TASK, 'service.json': SERVICE });
  return fakeRuntime({ inputs, declared: INPUT_NAMES, workspace }).rt;
}

describe('readOptions', () => {
  it('reads a deploy: base name and cluster from the service definition, <+targetGroupArn> held for later (B3)', async () => {
    const o = await readOptions(runtime({ ...ROUTES, 'task-definition': 'task.json', 'service-definition': 'service.json', image: 'shop:7' }));
    expect(o.mode).toBe('deploy');
    if (o.mode !== 'deploy') return;
    expect(o.baseName).toBe('shop');
    expect(o.cluster).toBe('prod');
    expect(o.serviceDefinition.loadBalancers?.[0]?.targetGroupArn).toBe(STAGE_TARGET_GROUP_SENTINEL);
    expect(o.routes).toEqual({ loadBalancer: 'shop', prodListener: '443', stageListener: '8443', prodRule: undefined, stageRule: undefined });
  });

  it("reads a swap from deploy's outputs: the base name from the stage service (B7)", async () => {
    const o = await readOptions(runtime({ ...ROUTES, mode: 'swap', 'stage-service': 'shop__2', 'blue-service': 'shop__1', 'traffic-steps': '10, 50,100' }));
    expect(o).toMatchObject({ mode: 'swap', baseName: 'shop', cluster: 'default', trafficSteps: [10, 50, 100], downsizeOldService: true, stepBakeSeconds: 60 });
  });

  it.each(['deploy', 'swap', 'rollback'])("accepts every default the runner sets from action.yml in mode %s (S3)", async (mode) => {
    const yml = parse(readFileSync(join(repoRoot, 'actions', 'ecs-bluegreen-swap', 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> };
    const defaults = Object.fromEntries(Object.entries(yml.inputs).flatMap(([k, v]) => (v.default === undefined ? [] : [[k, String(v.default)]])));
    const given = mode === 'deploy'
      ? { 'task-definition': 'task.json', 'service-definition': 'service.json', image: 'shop:7' }
      : { 'stage-service': 'shop__2', 'blue-service': 'shop__1' };
    const o = await readOptions(runtime({ ...defaults, ...ROUTES, ...given, mode }));
    expect(o.mode).toBe(mode);
    await expect(readOptions(runtime({ ...defaults, ...ROUTES, ...given, mode, 'downsize-old-service': mode === 'swap' ? 'true' : 'false' })))[mode === 'swap' ? 'resolves' : 'rejects'].toBeDefined();
  });

  it('refuses a rollback without a service or the outputs of deploy', async () => {
    await expect(readOptions(runtime({ ...ROUTES, mode: 'rollback' }))).rejects.toThrow(/input 'service'/);
  });
});

describe('readTrafficSteps', () => {
  it('accepts rising percentages ending at 100', () => {
    expect(readTrafficSteps('5,25,100')).toEqual([5, 25, 100]);
    expect(readTrafficSteps('100')).toEqual([100]);
    expect(readTrafficSteps(undefined)).toEqual([]);
  });
  it.each(['0,100', '10,10,100', '10,50', '10,,100', '150'])('refuses %s', (text) => {
    expect(() => readTrafficSteps(text)).toThrow(ConfigurationError);
  });
});

describe('checkPort (B3)', () => {
  const arn = 'arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/stage/1';
  it('accepts a container or host port equal to the target group port', () => {
    expect(() => checkPort([{ portMappings: [{ containerPort: 80 }, { containerPort: 8080 }] }], 8080, arn)).not.toThrow();
    expect(() => checkPort([{ portMappings: [{ containerPort: 80, hostPort: 8080 }] }], 8080, arn)).not.toThrow();
  });
  it("refuses with Harness's message when no container maps it", () => {
    expect(() => checkPort([{ portMappings: [{ containerPort: 9090 }] }, {}], 8080, arn)).toThrow(
      `No container definition has port mapping that matches the target port: 8080 for target group: ${arn}`,
    );
  });
});
