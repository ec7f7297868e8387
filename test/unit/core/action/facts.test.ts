/** The reads made after a deployment for the summary (src/core/action/facts.ts): best effort, through src/core/ecs. */
import { beforeEach, describe, expect, it } from '@jest/globals';
import { DescribeServicesCommand, DescribeTaskDefinitionCommand, ECSClient } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { clusterArnOf, labelOf, readAfterFacts } from '../../../../src/core/action/index.js';
import { RecordingLogger } from '../../../helpers/fakes.js';

const ecsMock = mockClient(ECSClient);
const ecs = new ECSClient({ region: 'us-east-1' });
const ARN = (rev: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/web:${rev}`;
const SERVICE_ARN = 'arn:aws:ecs:us-east-1:123456789012:service/shop/web';
const live = () => new AbortController().signal;

beforeEach(() => {
  ecsMock.reset();
});

describe('labelOf', () => {
  it('labels a revision with its images (DescribeTaskDefinition)', async () => {
    ecsMock.on(DescribeTaskDefinitionCommand).resolves({
      taskDefinition: { containerDefinitions: [{ name: 'web', image: 'nginx:1.27' }, { name: 'log', image: 'fluent-bit:3' }] },
    });
    expect(await labelOf(ecs, new RecordingLogger(), ARN(3), live())).toEqual({
      arn: ARN(3),
      revision: 'web:3',
      images: 'web=nginx:1.27, log=fluent-bit:3',
    });
    expect(ecsMock.commandCalls(DescribeTaskDefinitionCommand).map((c) => c.args[0].input)).toEqual([{ taskDefinition: ARN(3) }]);
  });

  it('leaves the images out when the read fails (a debug line says why), and reads nothing once cancelled', async () => {
    ecsMock.on(DescribeTaskDefinitionCommand).rejects(new Error('throttled'));
    const log = new RecordingLogger();
    expect(await labelOf(ecs, log, ARN(3), live())).toEqual({ arn: ARN(3), revision: 'web:3', images: undefined });
    expect(log.messages('debug')).toEqual([`Reading task definition ${ARN(3)} for the summary failed: throttled`]);

    ecsMock.reset();
    const cancelled = new AbortController();
    cancelled.abort();
    expect(await labelOf(ecs, log, ARN(3), cancelled.signal)).toEqual({ arn: ARN(3), revision: 'web:3', images: undefined });
    expect(ecsMock.calls()).toHaveLength(0);
  });
});

describe('readAfterFacts', () => {
  it('reads the service and both revisions, but not what is already known', async () => {
    ecsMock.on(DescribeServicesCommand).resolves({ services: [{ serviceName: 'web', serviceArn: SERVICE_ARN, status: 'ACTIVE', desiredCount: 2 }] });
    ecsMock.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: { containerDefinitions: [{ name: 'web', image: 'nginx:1.26' }] } });
    const where = { cluster: 'shop', serviceName: 'web' };
    const facts = await readAfterFacts(ecs, new RecordingLogger(), where, { previous: ARN(2), deployed: ARN(3) }, live(), {
      deployedImages: 'web=nginx:1.27',
    });
    expect(facts.service?.desiredCount).toBe(2);
    expect(facts.previous).toEqual({ arn: ARN(2), revision: 'web:2', images: 'web=nginx:1.26' });
    expect(facts.deployed).toEqual({ arn: ARN(3), revision: 'web:3', images: 'web=nginx:1.27' });
    expect(ecsMock.commandCalls(DescribeTaskDefinitionCommand).map((c) => c.args[0].input.taskDefinition)).toEqual([ARN(2)]);
  });

  it('after a successful wait reads nothing: the service from the last poll, both revisions known (issue 17)', async () => {
    const where = { cluster: 'shop', serviceName: 'web' };
    const steady = { serviceName: 'web', serviceArn: SERVICE_ARN, status: 'ACTIVE', desiredCount: 2 };
    const facts = await readAfterFacts(ecs, new RecordingLogger(), where, { previous: ARN(2), deployed: ARN(3) }, live(), {
      deployedImages: 'web=nginx:1.27',
      previousImages: 'web=nginx:1.26',
      service: steady,
    });
    expect(facts).toEqual({
      service: steady,
      previous: { arn: ARN(2), revision: 'web:2', images: 'web=nginx:1.26' },
      deployed: { arn: ARN(3), revision: 'web:3', images: 'web=nginx:1.27' },
    });
    expect(ecsMock.calls()).toHaveLength(0);
  });
});

describe('clusterArnOf', () => {
  it('derives the cluster ARN from a service ARN', () => {
    expect(clusterArnOf(SERVICE_ARN)).toBe('arn:aws:ecs:us-east-1:123456789012:cluster/shop');
    expect(clusterArnOf('web')).toBeUndefined();
  });
});
