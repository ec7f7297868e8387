import { describe, expect, it } from '@jest/globals';
import { FIRST_PAUSE_MS, MAX_PAUSE_MS, ReadLedger, isReadOperation } from '../../../../src/core/aws/read-ledger.js';
import { createAwsClients } from '../../../../src/core/aws/clients.js';
import type { AwsClientConfig, AwsClientConstructors } from '../../../../src/core/aws/clients.js';
import { FakeClock } from '../../../helpers/fakes.js';

describe('ReadLedger (issue 17)', () => {
  it('keeps the reads of the last 60 s', () => {
    const clock = new FakeClock();
    const ledger = new ReadLedger(clock);
    ledger.record();
    clock.advance(30_000);
    ledger.record();
    ledger.record();
    expect(ledger.window()).toHaveLength(3);
    expect(ledger.readsAfter(clock.now() - 10_000)).toBe(2);
    clock.advance(30_000);
    expect(ledger.window()).toHaveLength(2);
  });

  it('opens a pause on throttling that doubles up to its ceiling, and shortens again on success', () => {
    const clock = new FakeClock();
    const ledger = new ReadLedger(clock);
    expect(ledger.pauseMs()).toBe(0);
    ledger.throttled();
    expect(ledger.pauseMs()).toBe(FIRST_PAUSE_MS);
    for (let i = 0; i < 10; i += 1) ledger.throttled();
    expect(ledger.pauseMs()).toBe(MAX_PAUSE_MS);
    clock.advance(MAX_PAUSE_MS);
    expect(ledger.pauseMs()).toBe(0);
    ledger.succeeded();
    ledger.throttled();
    expect(ledger.pauseMs()).toBe(MAX_PAUSE_MS / 2);
  });

  it('counts the reads sent outside the waits from the first change on; a wait\'s reads are its own to count', async () => {
    const clock = new FakeClock();
    const ledger = new ReadLedger(clock);
    ledger.callSent('DescribeServices'); // before any change: the budget starts with the first change
    ledger.callSent('DescribeTaskDefinition');
    expect(ledger.window()).toHaveLength(0);
    ledger.callSent('UpdateService');
    ledger.callSent('DescribeScalableTargets');
    expect(ledger.window()).toHaveLength(1);
    await ledger.insideWait(async () => {
      await Promise.resolve();
      ledger.callSent('DescribeServices'); // counted by the wait's pacer
    });
    expect(ledger.window()).toHaveLength(1);
    ledger.callSent('ListTasks');
    expect(ledger.window()).toHaveLength(2);
  });

  it('counts Describe, List and Get operations as reads', () => {
    expect(['DescribeServices', 'ListTasks', 'GetLogEvents'].every(isReadOperation)).toBe(true);
    expect(['UpdateService', 'RunTask', 'PutScalingPolicy'].some(isReadOperation)).toBe(false);
  });

  it('is told of every throttled attempt by the retry strategy of each client of a run, one ledger for all', async () => {
    const configs: AwsClientConfig[] = [];
    const record = <T>(config: AwsClientConfig): T => {
      configs.push(config);
      return { middlewareStack: { add: () => undefined, addRelativeTo: () => undefined } } as T;
    };
    const ctors: AwsClientConstructors = { ecs: record, elb: record, autoscaling: record, logs: record, cloudwatch: record };
    const clients = createAwsClients({ env: { AWS_REGION: 'eu-west-1' }, clock: new FakeClock() }, ctors);
    void [clients.ecs, clients.elb];
    const [ecsStrategy, elbStrategy] = configs.map((c) => c.retryStrategy);
    if (ecsStrategy === undefined || elbStrategy === undefined) throw new Error('two clients expected');
    const token = await ecsStrategy.acquireInitialRetryToken('scope');
    await ecsStrategy.refreshRetryTokenForRetry(token, { errorType: 'TRANSIENT' });
    expect(clients.reads.pauseMs()).toBe(0);
    await ecsStrategy.refreshRetryTokenForRetry(token, { errorType: 'THROTTLING' });
    expect(clients.reads.pauseMs()).toBe(FIRST_PAUSE_MS);
    const other = await elbStrategy.acquireInitialRetryToken('scope');
    await elbStrategy.refreshRetryTokenForRetry(other, { errorType: 'THROTTLING' });
    expect(clients.reads.pauseMs()).toBe(2 * FIRST_PAUSE_MS);
  });
});
