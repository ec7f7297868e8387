/**
 * The emulator's control API under /_emulator/: the call log, injected faults (AWS errors with their HTTP
 * status, dropped connections, delays, `after` and `count`), throttling with the SDK's retries, state and reset.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  CreateServiceCommand,
  DescribeClustersCommand,
  DescribeServicesCommand,
  ECSClient,
  InvalidParameterException,
  ListClustersCommand,
  RegisterTaskDefinitionCommand,
} from '@aws-sdk/client-ecs';
import { DescribeTargetGroupsCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { eventually, startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';

let emu: TestEmulator;
let ecs: ECSClient;
let once: ECSClient;

beforeAll(async () => {
  emu = await startTestEmulator();
  ecs = new ECSClient(emu.clientConfig());
  once = new ECSClient(emu.clientConfig({ maxAttempts: 1 }));
});
afterAll(async () => {
  ecs.destroy();
  once.destroy();
  await emu.stop();
});
beforeEach(async () => emu.control.reset());

const describeDefault = (client: ECSClient): Promise<unknown> => client.send(new DescribeClustersCommand({ clusters: ['default'] }));

describe('call log', () => {
  it('records every AWS call with its parameters and error, filterable by time', async () => {
    await ecs.send(new DescribeClustersCommand({ clusters: ['default'] }));
    await ecs.send(new DescribeServicesCommand({ cluster: 'nope', services: ['a'] })).catch(() => undefined);
    const [first, second] = await emu.control.calls();
    expect(first).toMatchObject({ service: 'ecs', operation: 'DescribeClusters', parameters: { clusters: ['default'] }, status: 200 });
    expect(first?.error).toBeUndefined();
    expect(second).toMatchObject({ service: 'ecs', operation: 'DescribeServices', error: 'ClusterNotFoundException', status: 400 });
    const since = Date.now() + 1;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await ecs.send(new ListClustersCommand({}));
    const later = await emu.control.calls(since);
    expect(later.map((c) => c.operation)).toEqual(['ListClusters']);
  });
});

describe('faults', () => {
  it('answers an AWS error with its status, after letting `after` calls through, `count` times', async () => {
    await emu.control.addFault({ operation: 'DescribeClusters', error: 'InvalidParameterException', rate: 1, after: 2, count: 1 });
    await describeDefault(once);
    await describeDefault(once);
    const err = await describeDefault(once).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidParameterException);
    await describeDefault(once);
    const calls = await emu.control.calls();
    expect(calls.map((c) => c.error ?? 'ok')).toEqual(['ok', 'ok', 'InvalidParameterException', 'ok']);
    expect(calls[2]?.fault).toBe('error');
  });

  it('uses 500 for InternalFailure and 503 for ServiceUnavailable, which the SDK retries', async () => {
    await emu.control.addFault({ operation: '*', error: 'InternalFailure', rate: 1, count: 1 });
    await expect(describeDefault(once)).rejects.toMatchObject({ name: 'InternalFailure', $metadata: { httpStatusCode: 500 } });
    await emu.control.addFault({ operation: 'ListClusters', error: 'ServiceUnavailable', rate: 1, count: 1 });
    const out = await ecs.send(new ListClustersCommand({}));
    expect(out.clusterArns).toHaveLength(1);
    const listed = (await emu.control.calls()).filter((c) => c.operation === 'ListClusters');
    expect(listed.map((c) => c.status)).toEqual([503, 200]);
  });

  it('drops the connection for "reset" (the SDK retries) and delays for "delay"', async () => {
    await emu.control.addFault({ operation: 'DescribeClusters', error: 'reset', rate: 1, count: 1 });
    await expect(describeDefault(once)).rejects.toBeInstanceOf(Error);
    await emu.control.addFault({ operation: 'DescribeClusters', error: 'reset', rate: 1, count: 1 });
    await expect(describeDefault(ecs)).resolves.toBeDefined();
    expect((await emu.control.calls()).map((c) => c.fault ?? 'none')).toEqual(['reset', 'reset', 'none']);

    await emu.control.addFault({ operation: 'ListClusters', error: 'delay', rate: 1, delayMs: 300, count: 1 });
    const started = Date.now();
    await ecs.send(new ListClustersCommand({}));
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('applies to the Query protocol with an XML error, and never fires at rate 0; DELETE clears', async () => {
    const elb = new ElasticLoadBalancingV2Client(emu.clientConfig({ maxAttempts: 1 }));
    try {
      await emu.control.addFault({ operation: 'ListClusters', error: 'ThrottlingException', rate: 0 });
      for (let i = 0; i < 5; i++) await once.send(new ListClustersCommand({}));
      await emu.control.addFault({ operation: 'DescribeTargetGroups', error: 'ValidationError', rate: 1, message: 'injected' });
      await expect(elb.send(new DescribeTargetGroupsCommand({}))).rejects.toMatchObject({ name: 'ValidationError', message: 'injected' });
      await emu.control.clearFaults();
      await expect(elb.send(new DescribeTargetGroupsCommand({}))).resolves.toMatchObject({ TargetGroups: [] });
    } finally {
      elb.destroy();
    }
  });

  it('refuses a malformed fault', async () => {
    const res = await fetch(`${emu.url}/_emulator/faults`, { method: 'POST', body: JSON.stringify({ operation: 'X', error: 'Y', rate: 2 }) });
    expect(res.status).toBe(400);
  });
});

describe('throttling', () => {
  it('answers ThrottlingException "Rate exceeded" beyond the bucket, and the SDK retry recovers', async () => {
    const throttled = await startTestEmulator({ throttle: true });
    const strict = new ECSClient(throttled.clientConfig({ maxAttempts: 1 }));
    const patient = new ECSClient(throttled.clientConfig({ maxAttempts: 10 }));
    try {
      // 70 at once against a 50-token bucket: some are throttled, the SDK's retries get them through.
      const retried = await Promise.all(Array.from({ length: 70 }, () => describeDefault(patient)));
      expect(retried).toHaveLength(70);
      const calls = await throttled.control.calls();
      expect(calls.filter((c) => c.error === 'ThrottlingException').length).toBeGreaterThan(0);
      expect(calls.filter((c) => c.status === 200)).toHaveLength(70);

      // Without retries the caller sees the error itself.
      const results = await Promise.allSettled(Array.from({ length: 70 }, () => describeDefault(strict)));
      const rejected = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason as Error);
      expect(rejected.length).toBeGreaterThan(0);
      // ECS has no modelled ThrottlingException: the SDK raises its service exception named after the code.
      expect(rejected[0]).toMatchObject({ name: 'ThrottlingException', message: 'Rate exceeded', $metadata: { httpStatusCode: 400 } });
    } finally {
      strict.destroy();
      patient.destroy();
      await throttled.stop();
    }
  });
});

describe('state and reset', () => {
  it('dumps every module, including when each deployment reached steady state', async () => {
    const td = await ecs.send(
      new RegisterTaskDefinitionCommand({ family: 'web', memory: '256', containerDefinitions: [{ name: 'web', image: 'web:1' }] }),
    );
    await ecs.send(new CreateServiceCommand({ serviceName: 'web', taskDefinition: td.taskDefinition?.taskDefinitionArn, desiredCount: 1 }));
    const state = await eventually('steady in state', async () => {
      const s = (await emu.control.state()) as { ecs: { services: { steadyStates: { at: number }[] }[] } };
      return s.ecs.services[0]?.steadyStates.length === 1 ? s : undefined;
    });
    expect(Object.keys(state).sort()).toEqual(['application-autoscaling', 'ecs', 'elasticloadbalancing', 'emulator', 'logs', 'monitoring']);
    const svc = (state as unknown as { ecs: { services: { deployments: { steadyAt?: number }[] }[] } }).ecs.services[0];
    expect(svc?.deployments[0]?.steadyAt).toEqual(expect.any(Number));

    await emu.control.reset();
    const after = (await emu.control.state()) as { ecs: { services: unknown[] } };
    expect(after.ecs.services).toEqual([]);
    expect(await emu.control.calls()).toEqual([]);
  });
});
