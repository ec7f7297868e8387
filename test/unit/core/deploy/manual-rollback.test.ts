import { beforeEach, describe, expect, it } from '@jest/globals';
import { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling';
import {
  DescribeServiceDeploymentsCommand,
  DescribeServiceRevisionsCommand,
  ECSClient,
  ListServiceDeploymentsCommand,
  ListTaskDefinitionsCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import type { ServiceDeployment, ServiceDeploymentStatus } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { resolveManualRollbackTarget, rollbackService } from '../../../../src/core/deploy/index.js';
import { Deadline } from '../../../../src/core/time.js';
import { REGION_ACCOUNT, T0, tdArn } from '../../../helpers/ecs-watch-fixtures.js';
import { cpuPolicy, rollingWorld, scalableTarget, type RollingWorld } from '../../../helpers/rolling-setup.js';

const ecsMock = mockClient(ECSClient);
const aasMock = mockClient(ApplicationAutoScalingClient);
let w: RollingWorld;
const ecs = (): ECSClient => new ECSClient({ region: 'us-east-1' });

const HOUR = 3_600_000;
const deploymentArn = (n: number): string => `arn:aws:ecs:${REGION_ACCOUNT}:service-deployment/demo/web/sd${n}`;
const revisionArn = (n: number): string => `arn:aws:ecs:${REGION_ACCOUNT}:service-revision/demo/web/rev${n}`;

interface HistoryEntry {
  n: number;
  status: ServiceDeploymentStatus;
  revision: number;
  taskDefinition: string;
  rolledBackTo?: number;
}

/**
 * Serves a service deployment history as ECS does: ListServiceDeployments filters by status (in no particular
 * order here), DescribeServiceDeployments gives the rollback details, DescribeServiceRevisions the task definitions.
 */
function serveHistory(entries: HistoryEntry[], revisions: Record<number, string>): void {
  ecsMock.on(ListServiceDeploymentsCommand).callsFake((input: { status?: string[] }) => ({
    serviceDeployments: entries
      .filter((e) => input.status === undefined || input.status.includes(e.status))
      .map((e) => ({
        serviceDeploymentArn: deploymentArn(e.n),
        status: e.status,
        targetServiceRevisionArn: revisionArn(e.revision),
        createdAt: new Date(T0 + e.n * HOUR),
        finishedAt: new Date(T0 + e.n * HOUR + 600_000),
      }))
      .reverse(),
  }));
  ecsMock.on(DescribeServiceDeploymentsCommand).callsFake((input: { serviceDeploymentArns: string[] }) => ({
    serviceDeployments: input.serviceDeploymentArns.map((arn): ServiceDeployment => {
      const e = entries.find((x) => deploymentArn(x.n) === arn);
      return {
        serviceDeploymentArn: arn,
        status: e?.status,
        targetServiceRevision: { arn: revisionArn(e?.revision ?? 0) },
        ...(e?.rolledBackTo !== undefined
          ? { rollback: { reason: 'circuit breaker', serviceRevisionArn: revisionArn(e.rolledBackTo), startedAt: new Date(T0) } }
          : {}),
      };
    }),
  }));
  ecsMock.on(DescribeServiceRevisionsCommand).callsFake((input: { serviceRevisionArns: string[] }) => ({
    serviceRevisions: input.serviceRevisionArns.map((arn) => {
      const n = Number(arn.slice(arn.lastIndexOf('rev') + 3));
      return { serviceRevisionArn: arn, taskDefinition: revisions[n] };
    }),
  }));
}

beforeEach(() => {
  w = rollingWorld(ecsMock, aasMock);
});

describe('resolveManualRollbackTarget (R7)', () => {
  it('after v1 → v2 → v3 (circuit breaker rolled back to v2) picks v1', async () => {
    w.ecs.seedService('web', tdArn(2), 2);
    serveHistory(
      [
        { n: 1, status: 'SUCCESSFUL', revision: 1, taskDefinition: tdArn(1) },
        { n: 2, status: 'SUCCESSFUL', revision: 2, taskDefinition: tdArn(2) },
        { n: 3, status: 'ROLLBACK_SUCCESSFUL', revision: 3, taskDefinition: tdArn(3), rolledBackTo: 2 },
      ],
      { 1: tdArn(1), 2: tdArn(2), 3: tdArn(3) },
    );
    const target = await resolveManualRollbackTarget(ecs(), 'demo', 'web');
    expect(target.taskDefinitionArn).toBe(tdArn(1));
    expect(target.why).toContain('web:1');
    expect(target.why).toContain(deploymentArn(1));
    expect(target.why).toContain('running web:2');
    const listed = ecsMock.commandCalls(ListServiceDeploymentsCommand)[0]?.args[0].input;
    expect(listed).toMatchObject({ cluster: 'demo', service: 'web', status: ['SUCCESSFUL', 'ROLLBACK_SUCCESSFUL'] });
  });

  it('after v1 → v2 → v3 (failed, our rollback redeployed v2) picks v1', async () => {
    w.ecs.seedService('web', tdArn(2), 2);
    serveHistory(
      [
        { n: 1, status: 'SUCCESSFUL', revision: 1, taskDefinition: tdArn(1) },
        { n: 2, status: 'SUCCESSFUL', revision: 2, taskDefinition: tdArn(2) },
        { n: 3, status: 'STOPPED', revision: 3, taskDefinition: tdArn(3) },
        { n: 4, status: 'SUCCESSFUL', revision: 4, taskDefinition: tdArn(2) },
      ],
      { 1: tdArn(1), 2: tdArn(2), 3: tdArn(3), 4: tdArn(2) },
    );
    expect((await resolveManualRollbackTarget(ecs(), 'demo', 'web')).taskDefinitionArn).toBe(tdArn(1));
  });

  it('an explicit ARN wins without reading anything', async () => {
    const target = await resolveManualRollbackTarget(ecs(), 'demo', 'web', tdArn(7));
    expect(target).toEqual({ taskDefinitionArn: tdArn(7), why: expect.stringContaining('task-definition-arn') as unknown as string });
    expect(w.calls).toEqual([]);
  });

  it('falls back to the previous ACTIVE revision of the family when the history does not say', async () => {
    w.ecs.seedService('web', tdArn(3), 2);
    serveHistory([{ n: 1, status: 'SUCCESSFUL', revision: 1, taskDefinition: tdArn(3) }], { 1: tdArn(3) });
    ecsMock.on(ListTaskDefinitionsCommand).resolves({
      taskDefinitionArns: [`arn:aws:ecs:${REGION_ACCOUNT}:task-definition/web-api:9`, tdArn(4), tdArn(3), tdArn(2), tdArn(1)],
    });
    const target = await resolveManualRollbackTarget(ecs(), 'demo', 'web');
    expect(target.taskDefinitionArn).toBe(tdArn(2));
    expect(target.why).toContain('previous ACTIVE revision of family web');
    expect(ecsMock.commandCalls(ListTaskDefinitionsCommand)[0]?.args[0].input).toMatchObject({
      familyPrefix: 'web',
      status: 'ACTIVE',
      sort: 'DESC',
    });
  });

  it('falls back when the history cannot be read, and says why', async () => {
    w.ecs.seedService('web', tdArn(3), 2);
    ecsMock.on(ListServiceDeploymentsCommand).rejects(Object.assign(new Error('not allowed'), { name: 'AccessDeniedException' }));
    ecsMock.on(ListTaskDefinitionsCommand).resolves({ taskDefinitionArns: [tdArn(3), tdArn(1)] });
    const target = await resolveManualRollbackTarget(ecs(), 'demo', 'web');
    expect(target.taskDefinitionArn).toBe(tdArn(1));
    expect(target.why).toContain('could not be read');
  });

  it('fails when there is nothing older, or no service', async () => {
    w.ecs.seedService('web', tdArn(1), 2);
    serveHistory([], {});
    ecsMock.on(ListTaskDefinitionsCommand).resolves({ taskDefinitionArns: [tdArn(1)] });
    await expect(resolveManualRollbackTarget(ecs(), 'demo', 'web')).rejects.toThrow(/Give task-definition-arn/);
    await expect(resolveManualRollbackTarget(ecs(), 'demo', 'api')).rejects.toThrow(/not ACTIVE/);
  });
});

describe('rollbackService', () => {
  it('rolls back to the chosen revision keeping the live count and the auto scaling, and logs why', async () => {
    w.ecs.knowTaskDefinition(tdArn(1));
    w.ecs.seedService('web', tdArn(2), 4);
    w.aas.seed([scalableTarget({ MinCapacity: 2, MaxCapacity: 6 })], [cpuPolicy('cpu')]);
    serveHistory(
      [
        { n: 1, status: 'SUCCESSFUL', revision: 1, taskDefinition: tdArn(1) },
        { n: 2, status: 'SUCCESSFUL', revision: 2, taskDefinition: tdArn(2) },
      ],
      { 1: tdArn(1), 2: tdArn(2) },
    );
    const outcome = await rollbackService(w.deps(), { cluster: 'demo', service: 'web', deadline: new Deadline(w.time.clock, 600_000) });

    expect(ecsMock.commandCalls(UpdateServiceCommand).map((c) => c.args[0].input)).toEqual([
      { cluster: 'demo', service: 'web', taskDefinition: tdArn(1), forceNewDeployment: true },
    ]);
    // R3 (issue 11): the auto scaling is suspended for the rollout and resumed after it, never deleted.
    const arns = w.aas.policyArns();
    expect(w.mutations()).toEqual([
      'aas:RegisterScalableTarget',
      'ecs:UpdateService',
      expect.stringMatching(/^watch:waitForDeployment/),
      'aas:RegisterScalableTarget',
    ]);
    expect(w.aas.policyNames()).toEqual(['cpu']);
    expect(w.aas.policyArns()).toEqual(arns);
    expect(w.aas.target()).toMatchObject({ MinCapacity: 2, MaxCapacity: 6, SuspendedState: { DynamicScalingInSuspended: false, DynamicScalingOutSuspended: false, ScheduledScalingSuspended: false } });
    expect(outcome).toMatchObject({ status: 'succeeded', taskDefinitionArn: tdArn(1), previousTaskDefinitionArn: tdArn(2) });
    expect(outcome.target.taskDefinitionArn).toBe(tdArn(1));
    expect(w.log.messages().some((m) => m.startsWith('rolling back to web:1:'))).toBe(true);
  });
});
