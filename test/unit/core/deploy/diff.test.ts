import { describe, expect, it } from '@jest/globals';
import type { CreateServiceCommandInput, RegisterTaskDefinitionCommandInput, Service, TaskDefinition } from '@aws-sdk/client-ecs';
import { diffDeployment } from '../../../../src/core/deploy/diff.js';

/** A task definition as DescribeTaskDefinition returns it (read-only fields, defaults filled, empty lists). */
const LIVE_TD: TaskDefinition = {
  taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:4',
  family: 'web',
  revision: 4,
  status: 'ACTIVE',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  compatibilities: ['EC2', 'FARGATE'],
  requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.docker-remote-api.1.18' }],
  registeredAt: new Date('2024-05-01T12:00:00Z'),
  registeredBy: 'arn:aws:iam::123456789012:role/deployer',
  cpu: '256',
  memory: '512',
  volumes: [],
  placementConstraints: [],
  containerDefinitions: [
    {
      name: 'app',
      image: 'nginx:1.27',
      cpu: 0,
      essential: true,
      portMappings: [{ containerPort: 80, hostPort: 80, protocol: 'tcp' }],
      environment: [
        { name: 'LOG_LEVEL', value: 'info' },
        { name: 'API_URL', value: 'https://api.example.com' },
      ],
      secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db' }],
      mountPoints: [],
      volumesFrom: [],
      systemControls: [],
    },
  ],
};

/** The same task definition as a user writes it: other order, defaults left out. */
const DESIRED_TD: RegisterTaskDefinitionCommandInput = {
  family: 'web',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '256',
  memory: '512',
  containerDefinitions: [
    {
      name: 'app',
      image: 'nginx:1.27',
      portMappings: [{ containerPort: 80 }],
      secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db' }],
      environment: [
        { name: 'API_URL', value: 'https://api.example.com' },
        { name: 'LOG_LEVEL', value: 'info' },
      ],
    },
  ],
};

const LIVE_SERVICE: Service = {
  serviceName: 'web',
  serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/demo/web',
  status: 'ACTIVE',
  desiredCount: 5,
  launchType: 'FARGATE',
  platformVersion: 'LATEST',
  deploymentConfiguration: {
    maximumPercent: 200,
    minimumHealthyPercent: 100,
    deploymentCircuitBreaker: { enable: false, rollback: false },
  },
  networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-b', 'subnet-a'], securityGroups: ['sg-1'], assignPublicIp: 'DISABLED' } },
  enableECSManagedTags: false,
  enableExecuteCommand: false,
  propagateTags: 'NONE',
  healthCheckGracePeriodSeconds: 0,
};

const DESIRED_SERVICE: CreateServiceCommandInput = {
  serviceName: 'web',
  launchType: 'FARGATE',
  deploymentConfiguration: { maximumPercent: 200 },
  networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a', 'subnet-b'], securityGroups: ['sg-1'] } },
};

describe('diffDeployment (S13)', () => {
  it('finds no change when only order, defaults and read-only fields differ, and ignores an omitted desiredCount', () => {
    const diff = diffDeployment({ taskDefinition: LIVE_TD, service: LIVE_SERVICE }, { taskDefinition: DESIRED_TD, service: DESIRED_SERVICE });
    expect(diff).toMatchObject({ changed: false, taskDefinitionChanged: false, serviceChanged: false });
    expect(diff.text).toBe('task definition: no changes\n\nservice web: no changes');
  });

  it('shows a changed image and environment value by container and variable name', () => {
    const desired: RegisterTaskDefinitionCommandInput = {
      ...DESIRED_TD,
      containerDefinitions: [
        {
          ...DESIRED_TD.containerDefinitions?.[0],
          name: 'app',
          image: 'nginx:1.28',
          environment: [
            { name: 'LOG_LEVEL', value: 'debug' },
            { name: 'API_URL', value: 'https://api.example.com' },
          ],
        },
      ],
    };
    const diff = diffDeployment({ taskDefinition: LIVE_TD }, { taskDefinition: desired });
    expect(diff.taskDefinitionChanged).toBe(true);
    const lines = diff.text.split('\n');
    expect(lines[0]).toBe(`--- task definition (live: ${LIVE_TD.taskDefinitionArn ?? ''})`);
    expect(lines[1]).toBe('+++ task definition (desired)');
    expect(lines.slice(2)).toEqual([
      '- containerDefinitions[app].environment[LOG_LEVEL].value: "info"',
      '+ containerDefinitions[app].environment[LOG_LEVEL].value: "debug"',
      '- containerDefinitions[app].image: "nginx:1.27"',
      '+ containerDefinitions[app].image: "nginx:1.28"',
    ]);
  });

  it('shows a changed password as fingerprints, never its value (S11)', () => {
    const withPassword = (value: string): RegisterTaskDefinitionCommandInput => ({
      ...DESIRED_TD,
      containerDefinitions: [
        { ...DESIRED_TD.containerDefinitions?.[0], name: 'app', environment: [{ name: 'DB_PASSWORD', value }] },
      ],
    });
    const diff = diffDeployment({ taskDefinition: withPassword('hunter2-old') }, { taskDefinition: withPassword('hunter2-new') });
    expect(diff.taskDefinitionChanged).toBe(true);
    expect(diff.text).not.toContain('hunter2');
    expect(diff.text).toMatch(/- containerDefinitions\[app\]\.environment\[DB_PASSWORD\]\.value: "\*\*\* \(sha256 [0-9a-f]{8}\)"/);
    const same = diffDeployment({ taskDefinition: withPassword('same') }, { taskDefinition: withPassword('same') });
    expect(same.taskDefinitionChanged).toBe(false);
  });

  it('compares desiredCount only when the manifest or the input gives one, and not with same-as-running', () => {
    const withCount = diffDeployment({ service: LIVE_SERVICE }, { service: { ...DESIRED_SERVICE, desiredCount: 2 } });
    expect(withCount.serviceChanged).toBe(true);
    expect(withCount.text).toContain('- desiredCount: 5\n+ desiredCount: 2');
    expect(diffDeployment({ service: LIVE_SERVICE }, { service: DESIRED_SERVICE, desiredCount: 5 }).changed).toBe(false);
    expect(diffDeployment({ service: LIVE_SERVICE }, { service: { ...DESIRED_SERVICE, desiredCount: 2 }, sameAsRunning: true }).changed).toBe(false);
  });

  it('compares a desiredCount when none of the compared fields is set on the live service (issue 14)', () => {
    const bridge: Service = { serviceName: 'web', status: 'ACTIVE', desiredCount: 1 };
    const desired: CreateServiceCommandInput = {
      serviceName: 'web',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a'] } },
    };
    const diff = diffDeployment({ service: bridge }, { service: desired, desiredCount: 2 });
    expect(diff.text).toContain('- desiredCount: 1\n+ desiredCount: 2');
    expect(diff.text).toContain('+ networkConfiguration.awsvpcConfiguration.subnets[0]: "subnet-a"');
  });

  it('shows a changed security group', () => {
    const desired: CreateServiceCommandInput = {
      ...DESIRED_SERVICE,
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a', 'subnet-b'], securityGroups: ['sg-2'] } },
    };
    const diff = diffDeployment({ service: LIVE_SERVICE }, { service: desired });
    expect(diff.text).toContain('- networkConfiguration.awsvpcConfiguration.securityGroups[0]: "sg-1"');
    expect(diff.text).toContain('+ networkConfiguration.awsvpcConfiguration.securityGroups[0]: "sg-2"');
  });

  it('for a first deployment shows everything as added, without the action-owned fields', () => {
    const diff = diffDeployment(
      {},
      { taskDefinition: DESIRED_TD, service: { ...DESIRED_SERVICE, cluster: 'demo', desiredCount: 2, taskDefinition: 'web:1' } },
    );
    expect(diff.changed).toBe(true);
    const lines = diff.text.split('\n').filter((l) => /^[-+] /.test(l));
    expect(lines.every((l) => l.startsWith('+ '))).toBe(true);
    expect(lines).toContain('+ containerDefinitions[app].essential: true');
    expect(lines).toContain('+ desiredCount: 2');
    expect(lines).toContain('+ launchType: "FARGATE"');
    expect(lines.some((l) => l.startsWith('+ cluster') || l.startsWith('+ taskDefinition') || l.startsWith('+ serviceName'))).toBe(false);
  });

  it('fills the bridge network mode and treats a dynamic host port of 0 as absent', () => {
    const live: TaskDefinition = {
      family: 'worker',
      networkMode: 'bridge',
      containerDefinitions: [{ name: 'w', image: 'busybox', cpu: 0, essential: true, memory: 128, portMappings: [{ containerPort: 8080, hostPort: 0, protocol: 'tcp' }] }],
    };
    const desired: RegisterTaskDefinitionCommandInput = {
      family: 'worker',
      containerDefinitions: [{ name: 'w', image: 'busybox', memory: 128, portMappings: [{ containerPort: 8080 }] }],
    };
    expect(diffDeployment({ taskDefinition: live }, { taskDefinition: desired }).changed).toBe(false);
  });
});
