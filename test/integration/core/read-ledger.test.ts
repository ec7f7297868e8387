/**
 * The run's read ledger through the real SDK clients against the emulator (issue 17): the middleware every client
 * gets counts the reads sent outside the waits from the first change, a wait's rounds are counted once (by its
 * pacer), and a read waits out the pause a throttled call opened.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CreateClusterCommand, DescribeClustersCommand, ListClustersCommand } from '@aws-sdk/client-ecs';
import { DescribeLoadBalancersCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { createAwsClients, sdkConstructors } from '../../../src/core/aws/clients.js';
import type { AwsClientConstructors } from '../../../src/core/aws/clients.js';
import { poll } from '../../../src/core/poll/index.js';
import { Deadline, realSleep, systemClock } from '../../../src/core/time.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';

let emulator: TestEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});

afterAll(async () => {
  await emulator.stop();
});

/** The production constructors, pointed at the emulator. */
function clients(sleeps: number[] = []) {
  const at = emulator.clientConfig();
  const point = { endpoint: at.endpoint, credentials: at.credentials };
  const ctors: AwsClientConstructors = {
    ecs: (c) => sdkConstructors.ecs({ ...c, ...point } as typeof c),
    elb: (c) => sdkConstructors.elb({ ...c, ...point } as typeof c),
    autoscaling: (c) => sdkConstructors.autoscaling({ ...c, ...point } as typeof c),
    logs: (c) => sdkConstructors.logs({ ...c, ...point } as typeof c),
    cloudwatch: (c) => sdkConstructors.cloudwatch({ ...c, ...point } as typeof c),
  };
  const sleep = async (ms: number): Promise<void> => {
    sleeps.push(ms);
    await realSleep(Math.min(ms, 5));
  };
  return createAwsClients({ env: { AWS_REGION: at.region }, sleep }, ctors);
}

describe('the read ledger on the real SDK clients (emulator)', () => {
  it('counts every read outside the waits from the first change, and each read of a wait once', async () => {
    const aws = clients();
    await aws.ecs.send(new ListClustersCommand({}));
    expect(aws.reads.window()).toHaveLength(0); // before the first change
    await aws.ecs.send(new CreateClusterCommand({ clusterName: 'ledger' }));
    await aws.ecs.send(new DescribeClustersCommand({ clusters: ['ledger'] }));
    await aws.ecs.send(new ListClustersCommand({}));
    expect(aws.reads.window()).toHaveLength(2);
    const deadline = new Deadline(systemClock, 10_000);
    let rounds = 0;
    await poll({ clock: systemClock, sleep: realSleep, reads: aws.reads }, { deadline, intervalMs: 10 }, async () => {
      rounds += 1;
      await aws.ecs.send(new DescribeClustersCommand({ clusters: ['ledger'] }));
      return rounds === 3 ? true : undefined;
    });
    // Three rounds of one read each, counted by the pacer, not again by the middleware.
    expect(aws.reads.window()).toHaveLength(5);
  });

  it('makes a read wait out the pause a throttled call anywhere in the run opened; a change does not wait', async () => {
    const sleeps: number[] = [];
    const aws = clients(sleeps);
    aws.reads.throttled();
    await aws.ecs.send(new CreateClusterCommand({ clusterName: 'paused' }));
    expect(sleeps).toEqual([]);
    await aws.elb.send(new DescribeLoadBalancersCommand({}));
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(0);
    expect(sleeps[0]).toBeLessThanOrEqual(500);
  });
});
