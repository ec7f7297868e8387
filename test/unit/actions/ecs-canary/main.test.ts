/**
 * ecs-canary's orchestration (C1, C2, S10) with the fake ECS of the rolling tests (test/helpers/fake-ecs-service.ts)
 * and fake time: the paths the emulator cannot reach at an exact moment — a canary that never becomes steady until
 * the deadline, a cancel during the wait, delete-on-failure false, and not waiting at all.
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling';
import { CreateServiceCommand, DeleteServiceCommand, ECSClient } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { INPUT_NAMES } from '../../../../src/actions/ecs-canary/inputs.js';
import { main } from '../../../../src/actions/ecs-canary/main.js';
import { CancelledError } from '../../../../src/core/errors.js';
import { tdArn } from '../../../helpers/ecs-watch-fixtures.js';
import { fails, neverCompletes } from '../../../helpers/fake-ecs-rollouts.js';
import { fakeRuntime, type FakeRuntime } from '../../../helpers/fakes.js';
import { rejectionOf } from '../../../helpers/rejection.js';
import { rollingWorld, type RollingWorld } from '../../../helpers/rolling-setup.js';
import { makeWorkspace } from '../../../helpers/run-action.js';

const ecsMock = mockClient(ECSClient);
const aasMock = mockClient(ApplicationAutoScalingClient);
let w: RollingWorld;

const TASK_DEFINITION = JSON.stringify({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.27', memory: 256 }] });

beforeEach(() => {
  w = rollingWorld(ecsMock, aasMock);
  w.ecs.seedService('web', tdArn(1), 4);
});

function runtime(inputs: Record<string, string>): FakeRuntime {
  return fakeRuntime({
    inputs: { cluster: 'demo', service: 'web', 'task-definition': 'td.json', ...inputs },
    declared: INPUT_NAMES,
    time: w.time,
    env: { AWS_REGION: 'us-east-1' },
    workspace: makeWorkspace({ 'td.json': TASK_DEFINITION }),
  });
}

const deleted = (): string[] => ecsMock.commandCalls(DeleteServiceCommand).map((c) => c.args[0].input.service ?? '');

describe('ecs-canary main (C1)', () => {
  it('creates webCanary from the live base service with the circuit breaker on and never touches web', async () => {
    const f = runtime({});
    await main(f.rt);
    const created = ecsMock.commandCalls(CreateServiceCommand).map((c) => c.args[0].input);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      serviceName: 'webCanary',
      desiredCount: 1,
      launchType: 'FARGATE',
      taskDefinition: tdArn(2),
      deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: false } },
    });
    expect(ecsMock.commandCalls(CreateServiceCommand).every((c) => c.args[0].input.serviceName === 'webCanary')).toBe(true);
    expect(w.ecs.services.get('web')).toMatchObject({ desiredCount: 4, taskDefinition: tdArn(1) });
    expect(f.sink.outputs.get('canaryServiceName')).toBe('webCanary');
    expect(f.sink.outputs.get('canaryTaskCount')).toBe('1');
  });

  it('creates the canary from a service definition when one is given, with the canary count', async () => {
    const f = fakeRuntime({
      inputs: { cluster: 'demo', 'task-definition': 'td.json', 'service-definition': 'service.json', 'canary-count': '2' },
      declared: INPUT_NAMES,
      time: w.time,
      env: { AWS_REGION: 'us-east-1' },
      workspace: makeWorkspace({ 'td.json': TASK_DEFINITION, 'service.json': JSON.stringify({ serviceName: 'web', desiredCount: 4, launchType: 'EC2' }) }),
    });
    await main(f.rt);
    const created = ecsMock.commandCalls(CreateServiceCommand).map((c) => c.args[0].input);
    expect(created).toEqual([expect.objectContaining({ cluster: 'demo', serviceName: 'webCanary', desiredCount: 2, launchType: 'EC2', taskDefinition: tdArn(2) })]);
  });

  it('a canary that is not steady by the deadline is deleted, and the step fails with the timeout first', async () => {
    w.ecs.rollouts.push(neverCompletes());
    const f = runtime({ 'timeout-minutes': '3' });
    const err = await rejectionOf(main(f.rt));
    expect((err as Error).message.split('\n')[0]).toMatch(/did not .*within|timed out|timeout/i);
    expect((err as Error).message).toContain('canary service webCanary was deleted');
    expect(deleted()).toEqual(['webCanary']);
    expect(f.sink.outputs.get('canaryTaskCount')).toBe('0');
    expect(f.log.messages('info')).toContain('Canary service webCanary deleted');
  });

  it('a cancel during the wait deletes the canary; the error starts with the cancellation', async () => {
    const f = runtime({});
    w.ecs.rollouts.push(neverCompletes(() => f.cancel(new CancelledError('SIGINT'))));
    const err = await rejectionOf(main(f.rt));
    expect((err as Error).message).toMatch(/^The workflow was cancelled \(SIGINT received\); /);
    expect(deleted()).toEqual(['webCanary']);
  });

  it('with delete-on-failure false a failed canary is left, and the error says so', async () => {
    w.ecs.rollouts.push(fails('tasks failed to start'));
    const f = runtime({ 'delete-on-failure': 'false' });
    const err = await rejectionOf(main(f.rt));
    expect((err as Error).message).toContain('delete-on-failure is false: canary service webCanary was left running.');
    expect(deleted()).toEqual([]);
  });

  it('with wait-for-steady-state false the step ends once the canary is created', async () => {
    w.ecs.rollouts.push(neverCompletes());
    const f = runtime({ 'wait-for-steady-state': 'false' });
    await main(f.rt);
    expect(deleted()).toEqual([]);
    expect(f.summary.join('\n')).toContain('created, not waited for');
  });
});

describe('ecs-canary main, a canary of an earlier run (C1)', () => {
  it('a DRAINING canary is waited out until INACTIVE, then the new one is created (nothing deleted)', async () => {
    w.ecs.seedService('webCanary', tdArn(1), 0, { status: 'DRAINING' });
    const f = runtime({});
    await main(f.rt);
    expect(deleted()).toEqual([]);
    expect(ecsMock.commandCalls(CreateServiceCommand).map((c) => c.args[0].input.serviceName)).toEqual(['webCanary']);
    expect(f.log.entries.some((e) => e.level === 'group' && e.message === 'Wait for the DRAINING service webCanary to become INACTIVE')).toBe(true);
  });

  it('an ACTIVE canary is deleted (force) and waited INACTIVE before the new one is created', async () => {
    w.ecs.seedService('webCanary', tdArn(1), 1);
    const f = runtime({});
    await main(f.rt);
    expect(deleted()).toEqual(['webCanary']);
    expect(ecsMock.commandCalls(DeleteServiceCommand)[0]?.args[0].input.force).toBe(true);
    expect(ecsMock.commandCalls(CreateServiceCommand).map((c) => c.args[0].input.serviceName)).toEqual(['webCanary']);
    expect(f.sink.outputs.get('canaryTaskCount')).toBe('1');
  });
});

describe('ecs-canary main, mode delete (C2)', () => {
  it('deletes an ACTIVE canary and waits until it is INACTIVE', async () => {
    w.ecs.seedService('webCanary', tdArn(2), 1);
    const f = runtime({ mode: 'delete', 'task-definition': '' });
    await main(f.rt);
    expect(deleted()).toEqual(['webCanary']);
    expect(f.log.messages('info')).toEqual(expect.arrayContaining(['Deleting service webCanary..', 'Canary service webCanary deleted']));
    expect(f.sink.outputs.get('canaryDeleted')).toBe('true');
  });
});
