/**
 * D3: what a run does, from the live service and task definition compared (normalised, as the dry run compares)
 * with the wanted ones: create, roll (new revision), settings (same revision, new deployment), replicas (desired
 * count only) or nothing. The live task definition is written as DescribeTaskDefinition returns it: read-only
 * fields, ECS defaults and another order must not count as a change.
 */
import { describe, expect, it } from '@jest/globals';
import type { RegisterTaskDefinitionCommandInput, Service, TaskDefinition } from '@aws-sdk/client-ecs';
import { INPUT_NAMES, readOptions } from '../../../../src/actions/register-delegate/inputs.js';
import { planChange } from '../../../../src/actions/register-delegate/plan.js';
import type { DelegateOptions } from '../../../../src/actions/register-delegate/options.js';
import { fakeRuntime } from '../../../helpers/fakes.js';

const TD_ARN = 'arn:aws:ecs:us-east-1:123456789012:task-definition/harness-delegate-task-spec:4';
const BASE = {
  cluster: 'tools',
  'account-id': 'acct-1234',
  'delegate-token': 'tok-1',
  'manager-host-and-port': 'https://app.harness.io',
  image: 'harness/delegate:24.01.1',
};

async function options(inputs: Record<string, string> = {}): Promise<DelegateOptions> {
  return readOptions(fakeRuntime({ inputs: { ...BASE, ...inputs }, declared: INPUT_NAMES }).rt);
}

/** What DescribeTaskDefinition answers for a registered `td`: read-only fields, defaults, environment reordered. */
function described(td: RegisterTaskDefinitionCommandInput): TaskDefinition {
  const containers = (td.containerDefinitions ?? []).map((c) => ({
    ...c,
    environment: [...(c.environment ?? [])].reverse(),
    mountPoints: [],
    volumesFrom: [],
    systemControls: [],
  }));
  return {
    ...td,
    containerDefinitions: containers,
    taskDefinitionArn: TD_ARN,
    revision: 4,
    status: 'ACTIVE',
    compatibilities: ['EC2'],
    networkMode: td.networkMode ?? 'bridge',
    volumes: [],
    placementConstraints: [],
    requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.docker-remote-api.1.18' }],
    registeredAt: new Date(),
  } as TaskDefinition;
}

function live(o: DelegateOptions, fields: Partial<Service> = {}): Service {
  return {
    serviceName: o.serviceName,
    serviceArn: `arn:aws:ecs:us-east-1:123456789012:service/tools/${o.serviceName}`,
    status: 'ACTIVE',
    desiredCount: o.replicas,
    runningCount: o.replicas,
    taskDefinition: TD_ARN,
    launchType: o.launchType,
    deploymentConfiguration: {
      minimumHealthyPercent: 0,
      maximumPercent: 100,
      deploymentCircuitBreaker: { enable: false, rollback: false },
    },
    ...(o.service.networkConfiguration !== undefined ? { networkConfiguration: o.service.networkConfiguration } : {}),
    ...fields,
  };
}

describe('planChange (D3)', () => {
  it('changes nothing when the live service runs the wanted task definition with the wanted replicas', async () => {
    const o = await options();
    const change = planChange(o, { described: live(o), taskDefinition: described(o.taskDefinition) });
    expect(change.kind).toBe('none');
    expect(change.diff.changed).toBe(false);
    expect(change.changedFields).toEqual([]);
  });

  it('creates a service that is missing or INACTIVE', async () => {
    const o = await options();
    expect(planChange(o, { described: undefined, taskDefinition: undefined }).kind).toBe('create');
    expect(planChange(o, { described: live(o, { status: 'INACTIVE' }), taskDefinition: undefined }).kind).toBe('create');
  });

  it('rolls to a new revision when the image changes, naming the field but not the values', async () => {
    const before = await options();
    const o = await options({ image: 'harness/delegate:24.02.2' });
    const change = planChange(o, { described: live(o), taskDefinition: described(before.taskDefinition) });
    expect(change.kind).toBe('roll');
    expect(change.changedFields).toEqual(['containerDefinitions[delegate].image']);
  });

  it('rolls when the token changes, and the diff shows a fingerprint, never the token', async () => {
    const before = await options();
    const o = await options({ 'delegate-token': 'tok-2' });
    const change = planChange(o, { described: live(o), taskDefinition: described(before.taskDefinition) });
    expect(change.kind).toBe('roll');
    expect(change.diff.text).not.toMatch(/tok-[12]/);
    expect(change.diff.text).toContain('*** (sha256 ');
  });

  it('changes only the desired count when only replicas differ', async () => {
    const o = await options({ replicas: '3' });
    const change = planChange(o, { described: live(o, { desiredCount: 1, runningCount: 1 }), taskDefinition: described(o.taskDefinition) });
    expect(change.kind).toBe('replicas');
    expect(change.changedFields).toEqual(['desiredCount']);
  });

  it('updates the settings (same revision) when only the Fargate subnets differ', async () => {
    const fargate = { preset: 'fargate', 'execution-role-arn': 'arn:aws:iam::123456789012:role/exec', subnets: 'subnet-1' };
    const before = await options(fargate);
    const o = await options({ ...fargate, subnets: 'subnet-1, subnet-2' });
    const change = planChange(o, { described: live(before), taskDefinition: described(o.taskDefinition) });
    expect(change.kind).toBe('settings');
    expect(change.changedFields).toContain('networkConfiguration.awsvpcConfiguration.subnets[1]');
  });

  it('refuses to move a live EC2 service to the fargate preset, before any change', async () => {
    const ec2 = await options();
    const o = await options({ preset: 'fargate', 'execution-role-arn': 'arn:aws:iam::123456789012:role/exec', subnets: 'subnet-1' });
    expect(() => planChange(o, { described: live(ec2), taskDefinition: described(ec2.taskDefinition) })).toThrow(
      /runs with launch type EC2, and the fargate delegate needs FARGATE: ECS cannot change the launch type of a live service/,
    );
  });
});
