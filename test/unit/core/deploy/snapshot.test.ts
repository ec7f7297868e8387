import { beforeEach, describe, expect, it } from '@jest/globals';
import { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling';
import { ECSClient } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { parseSnapshot, serializeSnapshot, takeSnapshot } from '../../../../src/core/deploy/snapshot.js';
import { event, T0, tdArn } from '../../../helpers/ecs-watch-fixtures.js';
import { cpuPolicy, rollingWorld, scalableTarget, type RollingWorld } from '../../../helpers/rolling-setup.js';

const ecsMock = mockClient(ECSClient);
const aasMock = mockClient(ApplicationAutoScalingClient);
let w: RollingWorld;
const clients = (): { ecs: ECSClient; autoscaling: ApplicationAutoScalingClient } => ({
  ecs: new ECSClient({ region: 'us-east-1' }),
  autoscaling: new ApplicationAutoScalingClient({ region: 'us-east-1' }),
});

beforeEach(() => {
  w = rollingWorld(ecsMock, aasMock);
});

describe('takeSnapshot (R1)', () => {
  it('keeps the task definition, desired count, settings, auto scaling and event ids of an ACTIVE service', async () => {
    w.ecs.seedService('web', tdArn(4), 3, {
      events: [event('e2', T0 - 1000, 'has reached a steady state.'), event('e1', T0 - 5000, 'has started 3 tasks')],
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a'] } },
      loadBalancers: [{ targetGroupArn: 'arn:aws:elasticloadbalancing:tg/web', containerName: 'app', containerPort: 80 }],
    });
    w.aas.seed([scalableTarget({ MinCapacity: 2, MaxCapacity: 5 })], [cpuPolicy('cpu', 65)]);

    const s = await takeSnapshot(clients(), 'demo', 'web');

    expect(s).toMatchObject({
      version: 1,
      cluster: 'demo',
      service: 'web',
      exists: true,
      draining: false,
      taskDefinitionArn: tdArn(4),
      desiredCount: 3,
      seenEventIds: ['e2', 'e1'],
      scalableTargets: [scalableTarget({ MinCapacity: 2, MaxCapacity: 5 })],
      scalingPolicies: [cpuPolicy('cpu', 65)],
    });
    expect(s.serviceArn).toContain(':service/demo/web');
    expect(s.serviceConfig).toEqual({
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a'] } },
      loadBalancers: [{ targetGroupArn: 'arn:aws:elasticloadbalancing:tg/web', containerName: 'app', containerPort: 80 }],
    });
    expect(parseSnapshot(serializeSnapshot(s))).toEqual(s);
  });

  it('reads Service Connect and volume configurations from the PRIMARY deployment, and notes the settings the service had none of (issue 11)', async () => {
    const connect = { enabled: true, namespace: 'internal', services: [{ portName: 'http', clientAliases: [{ port: 80 }] }] };
    const volumes = [{ name: 'data', managedEBSVolume: { roleArn: 'arn:aws:iam::123456789012:role/ebs', sizeInGiB: 10 } }];
    const live = w.ecs.seedService('web', tdArn(4), 3, { loadBalancers: [] });
    Object.assign(live.deployments?.[0] ?? {}, { serviceConnectConfiguration: connect, volumeConfigurations: volumes });

    const s = await takeSnapshot(clients(), 'demo', 'web');

    expect(s.serviceConfig).toEqual({ loadBalancers: [], serviceConnectConfiguration: connect, volumeConfigurations: volumes });
    expect(s.unsetFields).toContain('serviceRegistries');
    expect(s.unsetFields).toContain('placementConstraints');
    expect(s.unsetFields).not.toContain('loadBalancers');
    expect(s.unsetFields).not.toContain('serviceConnectConfiguration');
    expect(parseSnapshot(serializeSnapshot(s))).toEqual(s);
  });

  it('reads them from the deployment that last completed when the PRIMARY did not complete (R1)', async () => {
    const live = w.ecs.seedService('web', tdArn(5), 3);
    const completed = { ...w.ecs.newDeployment(tdArn(4), 3, 'COMPLETED'), status: 'ACTIVE', serviceConnectConfiguration: { enabled: true, namespace: 'old' } };
    const failed = { ...w.ecs.newDeployment(tdArn(5), 3, 'IN_PROGRESS'), rolloutState: 'FAILED' as const, serviceConnectConfiguration: { enabled: true, namespace: 'new' } };
    live.deployments = [failed, completed];

    const s = await takeSnapshot(clients(), 'demo', 'web');

    expect(s.taskDefinitionArn).toBe(tdArn(4));
    expect(s.serviceConfig.serviceConnectConfiguration).toEqual({ enabled: true, namespace: 'old' });
    expect(s.unsetFields).toContain('volumeConfigurations');
  });

  it('marks a missing service as a first deployment without reading auto scaling', async () => {
    const s = await takeSnapshot(clients(), 'demo', 'web');
    expect(s).toMatchObject({ exists: false, draining: false, scalableTargets: [], scalingPolicies: [], seenEventIds: [] });
    expect(s.taskDefinitionArn).toBeUndefined();
    expect(w.calls).toEqual(['ecs:DescribeServices']);
  });

  it('treats INACTIVE as a first deployment and notices DRAINING', async () => {
    w.ecs.seedService('web', tdArn(1), 0, { status: 'INACTIVE' });
    expect(await takeSnapshot(clients(), 'demo', 'web')).toMatchObject({ exists: false, draining: false });
    w.ecs.seedService('web', tdArn(1), 0, { status: 'DRAINING' });
    expect(await takeSnapshot(clients(), 'demo', 'web')).toMatchObject({ exists: false, draining: true });
  });
});

describe('parseSnapshot', () => {
  it('refuses what is not a snapshot', () => {
    expect(() => parseSnapshot('{"version":2}')).toThrow(/version 1/);
    expect(() =>
      parseSnapshot(
        JSON.stringify({ version: 1, cluster: 'c', service: 's', exists: true, draining: false, scalableTargets: [], scalingPolicies: [], seenEventIds: [], serviceConfig: {} }),
      ),
    ).toThrow(/taskDefinitionArn/);
    expect(() => parseSnapshot(JSON.stringify({ version: 1, cluster: 'c', service: 's', exists: false, draining: false }))).toThrow(
      /scalableTargets/,
    );
    const lists = { scalableTargets: [], scalingPolicies: [], seenEventIds: [], serviceConfig: {} };
    expect(() =>
      parseSnapshot(JSON.stringify({ version: 1, cluster: 'c', service: 's', exists: false, draining: false, ...lists, unsetFields: 'loadBalancers' })),
    ).toThrow(/unsetFields/);
  });
});
