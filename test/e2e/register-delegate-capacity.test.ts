/**
 * register-delegate on a cluster without room (issue 14, D4): two EC2 delegates with host port 8080 on one container
 * instance. The second task cannot be placed; the step prints ECS's placement event and fails at its deadline
 * (timeout-minutes: 1, so this test takes about a minute) with that event as the cause, and removes the service it
 * created (the rollback of a failed first install).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CreateClusterCommand, DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { makeWorkspace, repoRoot, runAction } from '../helpers/run-action.js';

const BUNDLE = join(repoRoot, 'dist', 'register-delegate', 'index.js');

let emu: TestEmulator;
let ecs: ECSClient;

beforeAll(async () => {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run \`node scripts/build.mjs dist register-delegate\` first`);
  emu = await startTestEmulator({ taskStartMs: 200, speed: 4 });
  ecs = new ECSClient(emu.clientConfig());
  await ecs.send(new CreateClusterCommand({ clusterName: 'small' }));
});
afterAll(async () => {
  ecs.destroy();
  await emu.stop();
});

describe('a cluster without room for the delegates (D4)', () => {
  it('fails at the deadline with ECS’s placement event as the cause when port 8080 is taken', async () => {
    const [instance] = await emu.control.registerContainerInstances({ cluster: 'small', count: 1, cpu: 4096, memory: 16384 });
    const instanceId = instance?.split('/').pop() ?? '';
    const result = await runAction('register-delegate', {
      inputs: {
        cluster: 'small',
        'account-id': 'acct-1234',
        'delegate-token-secret-arn': 'arn:aws:secretsmanager:us-east-1:123456789012:secret:harness/token-AbCdEf',
        'execution-role-arn': 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
        'manager-host-and-port': 'https://app.harness.io',
        replicas: '2',
        'timeout-minutes': '1',
      },
      env: emu.env(),
      workspace: makeWorkspace({}),
      timeoutMs: 120_000,
    });
    expect(result.exitCode).toBe(1);
    const event =
      '(service harness-delegate) was unable to place a task because no container instance met all of its requirements. ' +
      `The closest matching (container-instance ${instanceId}) is already using a port required by your task.`;
    // Printed as an AWS event while waiting, then in the step's error.
    expect(result.stdout).toMatch(new RegExp(`# AWS Event: \\S+ \\S+ ${event.replace(/[()[\].?*+^$|\\]/g, '\\$&')}`));
    const error = result.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
    expect(error).toContain('timed out');
    expect(error).toContain(`ECS could not place a task: ${event}`);
    expect(result.summary).toContain('is already using a port required by your task');
    const svc = (await ecs.send(new DescribeServicesCommand({ cluster: 'small', services: ['harness-delegate'] }))).services?.[0];
    expect(['DRAINING', 'INACTIVE']).toContain(svc?.status);
  }, 150_000);
});
