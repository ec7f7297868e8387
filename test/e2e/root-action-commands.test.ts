/**
 * The root action (entry dist/index.js on the shared bundle) runs ecs-bluegreen-swap and register-delegate end to end
 * (ecs-rolling and ecs-run-task: root-action.test.ts; ecs-canary: ecs-canary-flow.test.ts), each given every root
 * input, the other commands' ones empty, as a reusable workflow passing its inputs through does; and for every
 * command, the root given only that action's inputs at their action.yml defaults (the rest empty) takes the command:
 * no "not an input of command" refusal, the action's own input check answers. Build first: `npm run build`.
 */
import { CreateClusterCommand, DescribeServicesCommand } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { BlueGreenE2e, routeInputs, serviceDefinition } from '../helpers/bluegreen-e2e.js';
import { failureAnnotation, mutatingCalls, taskDefinitionJson } from '../helpers/ecs-rolling-e2e.js';
import { entryPath, makeWorkspace, repoRoot, ROOT_ACTION, runAction, type ActionRun } from '../helpers/run-action.js';

const COMMANDS = ['register-delegate', 'ecs-rolling', 'ecs-canary', 'ecs-bluegreen-swap', 'ecs-run-task'];

function inputsOf(actionYml: string): Record<string, { default?: unknown }> {
  return (parse(readFileSync(join(repoRoot, actionYml), 'utf8')) as { inputs: Record<string, { default?: unknown }> }).inputs;
}

/** Every input of the root action, empty: what a reusable workflow passing all of them through gives for the unused ones. */
const EMPTY = Object.fromEntries(Object.keys(inputsOf('action.yml')).map((name) => [name, '']));

let bg: BlueGreenE2e;
beforeAll(async () => {
  if (!existsSync(entryPath(ROOT_ACTION))) throw new Error(`${entryPath(ROOT_ACTION)} is missing: run \`npm run build\` first`);
  bg = await BlueGreenE2e.start();
});
afterAll(async () => bg.stop());
beforeEach(async () => bg.emu.control.reset());

function runRoot(inputs: Record<string, string>, files: Record<string, string> = {}): Promise<ActionRun> {
  return runAction(ROOT_ACTION, { inputs: { ...EMPTY, ...inputs }, env: bg.emu.env(), workspace: makeWorkspace(files), timeoutMs: 120_000 });
}

describe('root action: the other commands end to end, every other input empty', () => {
  it('ecs-bluegreen-swap: deploy, then swap from its outputs in another process (B4, B5, B7)', async () => {
    const world = await bg.world('application');
    const files = { 'taskdef.json': taskDefinitionJson('shop:1'), 'service.json': serviceDefinition() };
    const deploy = await runRoot({ command: 'ecs-bluegreen-swap', ...routeInputs(world), 'task-definition': 'taskdef.json', 'service-definition': 'service.json' }, files);
    expect(deploy.exitCode).toBe(0);
    expect(deploy.outputs).toMatchObject({ stageServiceName: 'shop__1', blueServiceName: '', targetGroupArn: world.tgB, prodTargetGroupArn: world.tgA });
    expect(await bg.colour('shop__1')).toBe('GREEN');

    const swap = await runRoot({
      command: 'ecs-bluegreen-swap',
      mode: 'swap',
      'load-balancer': deploy.outputs['loadBalancerArn'] ?? '',
      'prod-listener': deploy.outputs['prodListenerArn'] ?? '',
      'stage-listener': deploy.outputs['stageListenerArn'] ?? '',
      'stage-service': deploy.outputs['stageServiceName'] ?? '',
      'target-group-arn': deploy.outputs['targetGroupArn'] ?? '',
      'prod-target-group-arn': deploy.outputs['prodTargetGroupArn'] ?? '',
    });
    expect(swap.exitCode).toBe(0);
    expect(swap.stdout).toContain('Swapping Successful.');
    expect(await bg.forwardsTo(world.prodListener)).toEqual([world.tgB]);
    expect(await bg.forwardsTo(world.stageListener)).toEqual([world.tgA]);
    expect(await bg.colour('shop__1')).toBe('BLUE');
    expect(await bg.service('shop__1')).toMatchObject({ runningCount: 2, desiredCount: 2 });
  });

  it('register-delegate: installs the delegate service and waits for its tasks (D1, D3, D4)', async () => {
    const ecs = bg.ecs;
    await ecs.send(new CreateClusterCommand({ clusterName: 'ops' }));
    await bg.emu.control.registerContainerInstances({ cluster: 'ops', count: 2, cpu: 4096, memory: 16384 });
    const run = await runRoot({
      command: 'register-delegate',
      cluster: 'ops',
      preset: 'ec2',
      'account-id': 'acct-1234',
      'delegate-token-secret-arn': 'arn:aws:secretsmanager:us-east-1:123456789012:secret:harness/delegate-token-AbCdEf',
      'execution-role-arn': 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
      'manager-host-and-port': 'https://app.harness.io',
      'delegate-name': 'ops-delegate',
      hostname: 'ops-delegate-host',
      image: 'harness/delegate:24.01.82108',
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ runningCount: '1' });
    const service = (await ecs.send(new DescribeServicesCommand({ cluster: 'ops', services: [run.outputs['serviceName'] ?? ''] }))).services?.[0];
    expect(service).toMatchObject({ status: 'ACTIVE', desiredCount: 1, runningCount: 1, taskDefinition: run.outputs['taskDefinitionArn'] });
  });
});

describe("root action: a command given only its own inputs at their action.yml defaults, the rest empty, is taken", () => {
  for (const command of COMMANDS) {
    it(`${command}: no refusal by the root; the action's own check names one of its inputs; nothing changes in AWS`, async () => {
      const own = inputsOf(`actions/${command}/action.yml`);
      const defaults = Object.fromEntries(
        Object.entries(own).flatMap(([name, spec]) => (spec.default === undefined || spec.default === null ? [] : [[name, String(spec.default)]])),
      );
      // (register-delegate declares none: its defaults are in its code, so it gets the command alone.)
      const since = Date.now();
      const run = await runRoot({ command, ...defaults });
      const error = failureAnnotation(run.stdout);
      expect(error).not.toMatch(/not an input of command|not in this build/);
      // Nothing else is given, so the action itself refuses what it lacks, naming an input of its own (S3).
      expect(run.exitCode).toBe(1);
      const input = /^input '([a-z-]+)': /.exec(error)?.[1];
      expect(Object.keys(own)).toContain(input);
      expect(await mutatingCalls(bg.emu, since)).toEqual([]);
    });
  }
});
