/**
 * ecs-rolling end to end, the settings a rollback puts back (R6, issue 11 item 3): a failed deployment that added a
 * load balancer and changed or added Service Connect leaves the service as it was — the load balancer removed, the
 * earlier Service Connect setting back (DescribeServices reports it per deployment) — whether the action rolls back
 * itself or ECS's circuit breaker did.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Service } from '@aws-sdk/client-ecs';
import { makeWorkspace } from '../helpers/run-action.js';
import {
  deployInputs,
  describeWeb,
  mutatingCalls,
  runRolling,
  serviceDefinitionJson,
  startRollingE2e,
  TASK_DEFINITION_YAML,
  type RollingE2e,
} from '../helpers/ecs-rolling-e2e.js';

let e: RollingE2e;
let elb: ElasticLoadBalancingV2Client;
beforeAll(async () => {
  e = await startRollingE2e();
  elb = new ElasticLoadBalancingV2Client(e.emu.clientConfig());
});
afterAll(async () => {
  elb.destroy();
  await e.stop();
});
beforeEach(async () => e.emu.control.reset());

/** The usual Fargate task definition, its port mapping named so that Service Connect can publish it. */
const TASK_DEFINITION = TASK_DEFINITION_YAML.replace('      - containerPort: 8080', '      - name: http\n        containerPort: 8080');

/** A client-only Service Connect setting: the service calls others in the namespace. */
const CLIENT_ONLY = { enabled: true, namespace: 'internal' };
/** The failed deployment's: the service also publishes its port as web.internal:80. */
const PUBLISHED = { enabled: true, namespace: 'internal', services: [{ portName: 'http', clientAliases: [{ port: 80, dnsName: 'web.internal' }] }] };

const breakerWithoutRollback = { maximumPercent: 200, minimumHealthyPercent: 100, deploymentCircuitBreaker: { enable: true, rollback: false } };
const breakerWithRollback = { maximumPercent: 200, minimumHealthyPercent: 100, deploymentCircuitBreaker: { enable: true, rollback: true } };

/** An ip target group behind a load balancer listener, as ECS requires for a service's load balancer. */
async function targetGroup(): Promise<string> {
  const tg = await elb.send(new CreateTargetGroupCommand({ Name: 'web', Protocol: 'HTTP', Port: 8080, VpcId: 'vpc-1', TargetType: 'ip' }));
  const arn = tg.TargetGroups?.[0]?.TargetGroupArn ?? '';
  const lb = await elb.send(new CreateLoadBalancerCommand({ Name: 'web', Subnets: ['subnet-0a1b2c3d', 'subnet-1a2b3c4d'] }));
  await elb.send(
    new CreateListenerCommand({
      LoadBalancerArn: lb.LoadBalancers?.[0]?.LoadBalancerArn ?? '',
      Protocol: 'HTTP',
      Port: 80,
      DefaultActions: [{ Type: 'forward', TargetGroupArn: arn }],
    }),
  );
  return arn;
}

interface Scenario {
  deploymentConfiguration: Record<string, unknown>;
  /** The Service Connect setting of the service before the failed deployment (undefined: none). */
  before?: Record<string, unknown>;
}

/** Deploys web:1 with the scenario's setting, then web:2 (a crashing image) that adds a load balancer and `PUBLISHED`. */
async function failedDeployment(scenario: Scenario): Promise<{ previous: string; stdout: string; service: Service | undefined }> {
  const tgArn = await targetGroup();
  const loadBalancers = [{ targetGroupArn: tgArn, containerName: 'web', containerPort: 8080 }];
  const workspace = makeWorkspace({
    'taskdef.yaml': TASK_DEFINITION,
    'service.json': serviceDefinitionJson({ deploymentConfiguration: scenario.deploymentConfiguration, serviceConnectConfiguration: scenario.before }),
    'service-v2.json': serviceDefinitionJson({ deploymentConfiguration: scenario.deploymentConfiguration, loadBalancers, serviceConnectConfiguration: PUBLISHED }),
  });
  const good = await runRolling(e.emu, deployInputs('registry.example.com/web:1'), { workspace });
  expect(good.exitCode).toBe(0);
  const before = await describeWeb(e.ecs);
  expect(TASK_DEFINITION).toContain('name: http');
  expect(before?.loadBalancers ?? []).toEqual([]);
  expect(before?.deployments?.[0]?.serviceConnectConfiguration).toEqual(scenario.before);

  const run = await runRolling(e.emu, deployInputs('registry.example.com/web:crash', { 'service-definition': 'service-v2.json' }), { workspace });
  expect(run.exitCode).toBe(1);
  return { previous: good.outputs['taskDefinitionArn'] ?? '', stdout: run.stdout, service: await describeWeb(e.ecs) };
}

function expectBackOn(service: Service | undefined, previous: string): void {
  expect(service).toMatchObject({ taskDefinition: previous, desiredCount: 2, runningCount: 2 });
  expect(service?.deployments).toHaveLength(1);
  expect(service?.deployments?.[0]).toMatchObject({ status: 'PRIMARY', rolloutState: 'COMPLETED', taskDefinition: previous });
  expect(service?.loadBalancers ?? []).toEqual([]);
}

describe('the rollback puts back every setting the failed deployment changed, and removes what it added (R6)', () => {
  it('the action rolls back: the load balancer is removed and the earlier Service Connect setting is back', async () => {
    const { previous, stdout, service } = await failedDeployment({ deploymentConfiguration: breakerWithoutRollback, before: CLIENT_ONLY });

    expect(stdout).toContain('Rollback Successful.');
    expectBackOn(service, previous);
    expect(service?.deployments?.[0]?.serviceConnectConfiguration).toEqual(CLIENT_ONLY);
    expect(stdout).toMatch(/Settings put back: [^\n]*serviceConnectConfiguration/);
    expect(stdout).toContain('Settings removed (the service had none): loadBalancers.');
  });

  it('the action rolls back: Service Connect, which the service did not use, is turned off again', async () => {
    const { previous, stdout, service } = await failedDeployment({ deploymentConfiguration: breakerWithoutRollback });

    expect(stdout).toContain('Rollback Successful.');
    expectBackOn(service, previous);
    expect(service?.deployments?.[0]?.serviceConnectConfiguration).toBeUndefined();
    expect(stdout).toContain('Settings removed (the service had none): loadBalancers, serviceConnectConfiguration.');
  });

  it("ECS's circuit breaker rolls back to the earlier settings, and the action keeps that rollback instead of repeating it", async () => {
    const since = Date.now();
    const { previous, stdout, service } = await failedDeployment({ deploymentConfiguration: breakerWithRollback, before: CLIENT_ONLY });

    expect(stdout).toContain('circuit breaker');
    // Its settings compared equal to the snapshot's (Service Connect back, no load balancer): no update of its own.
    const updates = (await mutatingCalls(e.emu, since)).filter((c) => c === 'ecs:UpdateService');
    expect(updates).toHaveLength(1);
    expectBackOn(service, previous);
    expect(service?.deployments?.[0]?.serviceConnectConfiguration).toEqual(CLIENT_ONLY);
  });
});
