import { describe, expect, it } from '@jest/globals';
import type { Service } from '@aws-sdk/client-ecs';
import { createServiceInputFromLive } from '../../../../src/core/ecs/service-from-live.js';

const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef';
const base: Service = {
  serviceName: 'web',
  serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/demo/web',
  status: 'ACTIVE',
  desiredCount: 5,
  runningCount: 5,
  launchType: 'FARGATE',
  platformVersion: '1.4.0',
  schedulingStrategy: 'REPLICA',
  networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a'], securityGroups: ['sg-1'], assignPublicIp: 'DISABLED' } },
  loadBalancers: [{ targetGroupArn: TG, containerName: 'app', containerPort: 8080 }],
  serviceRegistries: [],
  deploymentController: { type: 'ECS' },
  deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 },
  healthCheckGracePeriodSeconds: 30,
  propagateTags: 'SERVICE',
  enableECSManagedTags: true,
  enableExecuteCommand: false,
  roleArn: 'arn:aws:iam::123456789012:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS',
  tags: [{ key: 'team', value: 'shop' }, { key: 'aws:cloudformation:stack-name', value: 'x' }],
  events: [{ id: 'e1', message: 'steady' }],
  deployments: [
    {
      id: 'ecs-svc/1',
      status: 'PRIMARY',
      serviceConnectConfiguration: { enabled: true, namespace: 'shop' },
      volumeConfigurations: [{ name: 'data', managedEBSVolume: { roleArn: 'arn:aws:iam::123456789012:role/ebs', sizeInGiB: 10 } }],
    },
  ],
};

describe('createServiceInputFromLive (C1, B2)', () => {
  it('carries every setting, including the create-only ones and the deployment-level ones', () => {
    const input = createServiceInputFromLive(base, 'demo', { serviceName: 'webCanary', taskDefinition: 'web:8', desiredCount: 1 });
    expect(input).toEqual({
      cluster: 'demo',
      serviceName: 'webCanary',
      taskDefinition: 'web:8',
      desiredCount: 1,
      launchType: 'FARGATE',
      platformVersion: '1.4.0',
      schedulingStrategy: 'REPLICA',
      networkConfiguration: base.networkConfiguration,
      loadBalancers: base.loadBalancers,
      deploymentController: { type: 'ECS' },
      deploymentConfiguration: base.deploymentConfiguration,
      healthCheckGracePeriodSeconds: 30,
      propagateTags: 'SERVICE',
      enableECSManagedTags: true,
      enableExecuteCommand: false,
      tags: [{ key: 'team', value: 'shop' }],
      serviceConnectConfiguration: { enabled: true, namespace: 'shop' },
      volumeConfigurations: base.deployments?.[0]?.volumeConfigurations,
    });
  });

  it('keeps a capacity provider strategy instead of a launch type, and a role that is not the service-linked one', () => {
    const live: Service = {
      ...base,
      launchType: undefined,
      capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }],
      roleArn: 'arn:aws:iam::123456789012:role/ecsServiceRole',
    };
    const input = createServiceInputFromLive(live, 'demo', { serviceName: 'web__2', taskDefinition: 'web:8' });
    expect(input.launchType).toBeUndefined();
    expect(input.capacityProviderStrategy).toEqual([{ capacityProvider: 'FARGATE_SPOT', weight: 1 }]);
    expect(input.role).toBe('arn:aws:iam::123456789012:role/ecsServiceRole');
    expect(input.desiredCount).toBe(5);
  });

  it('overrides load balancers and adds tags over the live ones; a DAEMON service gets no desired count', () => {
    const other = [{ targetGroupArn: `${TG}-green`, containerName: 'app', containerPort: 8080 }];
    const input = createServiceInputFromLive({ ...base, schedulingStrategy: 'DAEMON' }, 'demo', {
      serviceName: 'web__2',
      taskDefinition: 'web:8',
      loadBalancers: other,
      tags: [{ key: 'BG_VERSION', value: 'GREEN' }, { key: 'team', value: 'payments' }],
    });
    expect(input.loadBalancers).toEqual(other);
    expect(input.tags).toEqual([{ key: 'team', value: 'payments' }, { key: 'BG_VERSION', value: 'GREEN' }]);
    expect(input.desiredCount).toBeUndefined();
  });
});
