import { beforeEach, describe, expect, it } from '@jest/globals';
import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { EcsFailureError } from '../../../../src/core/ecs/failures.js';
import { describeService, describeServiceAnyStatus } from '../../../../src/core/ecs/services.js';
import { CLUSTER, SERVICE, deployment, described, missing, service } from '../../../helpers/ecs-watch-fixtures.js';

const ecsMock = mockClient(ECSClient);
const ecs = new ECSClient({ region: 'us-east-1' });
beforeEach(() => {
  ecsMock.reset();
});

describe('describeService', () => {
  it('returns the ACTIVE or DRAINING service with one DescribeServices call for that service', async () => {
    ecsMock.on(DescribeServicesCommand).resolves(described(service([deployment('ecs-svc/1')])));
    const calls: string[] = [];
    const found = await describeService(ecs, CLUSTER, SERVICE, { onCall: (op) => calls.push(op) });
    expect(found?.serviceName).toBe(SERVICE);
    expect(calls).toEqual(['DescribeServices']);
    expect(ecsMock.commandCalls(DescribeServicesCommand).map((c) => c.args[0].input)).toEqual([{ cluster: CLUSTER, services: [SERVICE] }]);

    ecsMock.on(DescribeServicesCommand).resolves(described(service([], [], { status: 'DRAINING' })));
    expect((await describeService(ecs, CLUSTER, SERVICE))?.status).toBe('DRAINING');
  });

  it('returns undefined for a MISSING service and for an INACTIVE one', async () => {
    ecsMock.on(DescribeServicesCommand).resolves(missing());
    expect(await describeService(ecs, CLUSTER, SERVICE)).toBeUndefined();
    expect(await describeServiceAnyStatus(ecs, CLUSTER, SERVICE)).toBeUndefined();

    ecsMock.on(DescribeServicesCommand).resolves(described(service([], [], { status: 'INACTIVE' })));
    expect(await describeService(ecs, CLUSTER, SERVICE)).toBeUndefined();
    expect((await describeServiceAnyStatus(ecs, CLUSTER, SERVICE))?.status).toBe('INACTIVE');
  });

  it('throws on any other failure entry', async () => {
    ecsMock.on(DescribeServicesCommand).resolves({ services: [], failures: [{ arn: 'bad-arn', reason: 'INVALID_ARN', detail: 'malformed' }] });
    const error = await describeService(ecs, CLUSTER, 'bad-arn').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EcsFailureError);
    expect((error as Error).message).toBe('DescribeServices failed for bad-arn: INVALID_ARN (malformed)');
  });

  it('passes the abort signal to the SDK request', async () => {
    ecsMock.on(DescribeServicesCommand).resolves(missing());
    const controller = new AbortController();
    await describeService(ecs, CLUSTER, SERVICE, { signal: controller.signal });
    expect((ecsMock.commandCalls(DescribeServicesCommand)[0]!.args as unknown[])[1]).toEqual({ abortSignal: controller.signal });
  });
});
