import { describe, expect, it } from '@jest/globals';
import type { CreateServiceCommandInput } from '@aws-sdk/client-ecs';
import { createOnlyFieldsIn, toCreateServiceInput, toUpdateServiceInput } from '../../../../src/core/deploy/service-request.js';
import { ConfigurationError } from '../../../../src/core/errors.js';

const TD = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:5';

const FULL: CreateServiceCommandInput = {
  cluster: 'other-cluster',
  serviceName: 'other',
  taskDefinition: 'web:1',
  desiredCount: 4,
  launchType: 'EC2',
  schedulingStrategy: 'REPLICA',
  role: 'arn:aws:iam::123456789012:role/ecsServiceRole',
  deploymentController: { type: 'ECS' },
  clientToken: 'abc',
  tags: [{ key: 'k', value: 'v' }],
  loadBalancers: [{ targetGroupArn: 'arn:aws:elasticloadbalancing:tg/a', containerName: 'app', containerPort: 80 }],
  serviceRegistries: [{ registryArn: 'arn:aws:servicediscovery:srv/1' }],
  capacityProviderStrategy: [{ capacityProvider: 'cp', weight: 1 }],
  platformVersion: '1.4.0',
  deploymentConfiguration: { maximumPercent: 150, minimumHealthyPercent: 50 },
  placementConstraints: [{ type: 'distinctInstance' }],
  placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }],
  networkConfiguration: { awsvpcConfiguration: { subnets: ['s-1'] } },
  healthCheckGracePeriodSeconds: 30,
  enableECSManagedTags: true,
  propagateTags: 'SERVICE',
  enableExecuteCommand: false,
};

const opts = { cluster: 'demo', service: 'web', taskDefinitionArn: TD, forceNewDeployment: false, sameAsRunning: false };

describe('toUpdateServiceInput (R3)', () => {
  it('carries every updatable setting and overrides cluster, service and task definition', () => {
    expect(toUpdateServiceInput(FULL, opts)).toEqual({
      cluster: 'demo',
      service: 'web',
      taskDefinition: TD,
      desiredCount: 4,
      loadBalancers: FULL.loadBalancers,
      serviceRegistries: FULL.serviceRegistries,
      capacityProviderStrategy: FULL.capacityProviderStrategy,
      platformVersion: '1.4.0',
      deploymentConfiguration: FULL.deploymentConfiguration,
      placementConstraints: FULL.placementConstraints,
      placementStrategy: FULL.placementStrategy,
      networkConfiguration: FULL.networkConfiguration,
      healthCheckGracePeriodSeconds: 30,
      enableECSManagedTags: true,
      propagateTags: 'SERVICE',
      enableExecuteCommand: false,
      forceNewDeployment: false,
    });
  });

  it('never sends launchType, schedulingStrategy, role, tags, clientToken or deploymentController', () => {
    const input = toUpdateServiceInput(FULL, opts);
    for (const key of ['launchType', 'schedulingStrategy', 'role', 'tags', 'clientToken', 'deploymentController', 'serviceName']) {
      expect(input).not.toHaveProperty(key);
    }
    expect(createOnlyFieldsIn(FULL)).toEqual(['launchType', 'schedulingStrategy', 'role', 'tags', 'deploymentController', 'clientToken']);
  });

  it('chooses the desired count: input over manifest; none with same-as-running (R4) or when nobody gives one', () => {
    expect(toUpdateServiceInput(FULL, { ...opts, desiredCountInput: 7 }).desiredCount).toBe(7);
    expect(toUpdateServiceInput(FULL, { ...opts, sameAsRunning: true, desiredCountInput: 7 })).not.toHaveProperty('desiredCount');
    expect(toUpdateServiceInput({ serviceName: 'web' }, opts)).not.toHaveProperty('desiredCount');
    expect(toUpdateServiceInput(undefined, opts)).toEqual({ cluster: 'demo', service: 'web', taskDefinition: TD, forceNewDeployment: false });
  });

  it('maps force-new-deployment (R5)', () => {
    expect(toUpdateServiceInput(undefined, { ...opts, forceNewDeployment: true }).forceNewDeployment).toBe(true);
  });
});

describe('toCreateServiceInput (R2)', () => {
  it('keeps the definition and overrides cluster, name, task definition and, when given, the desired count', () => {
    const input = toCreateServiceInput(FULL, { cluster: 'demo', serviceName: 'web', taskDefinitionArn: TD, desiredCountInput: 2 });
    expect(input).toMatchObject({ cluster: 'demo', serviceName: 'web', taskDefinition: TD, desiredCount: 2, launchType: 'EC2', role: FULL.role });
  });

  it('needs a desired count for a REPLICA service, not for a DAEMON one', () => {
    expect(() => toCreateServiceInput({ serviceName: 'web' }, { cluster: 'c', serviceName: 'web', taskDefinitionArn: TD })).toThrow(
      ConfigurationError,
    );
    expect(
      toCreateServiceInput({ serviceName: 'web', schedulingStrategy: 'DAEMON' }, { cluster: 'c', serviceName: 'web', taskDefinitionArn: TD }),
    ).not.toHaveProperty('desiredCount');
  });
});
