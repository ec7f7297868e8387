import { beforeEach, describe, expect, it } from '@jest/globals';
import { DescribeServiceRevisionsCommand, ECSClient, ListServiceDeploymentsCommand } from '@aws-sdk/client-ecs';
import type { Service } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { lastCompletedRevision } from '../../../../src/core/deploy/completed-revision.js';

const ecsMock = mockClient(ECSClient);
const ecs = new ECSClient({ region: 'us-east-1' });
const TD = (n: number): string => `arn:aws:ecs:us-east-1:123456789012:task-definition/web:${n}`;
beforeEach(() => {
  ecsMock.reset();
});

const service = (deployments: Service['deployments']): Service => ({ serviceName: 'web', status: 'ACTIVE', taskDefinition: TD(3), deployments });

describe('lastCompletedRevision (R1, R6)', () => {
  it("is the PRIMARY deployment's revision when it completed", async () => {
    const live = service([{ id: 'ecs-svc/3', status: 'PRIMARY', rolloutState: 'COMPLETED', taskDefinition: TD(3) }]);
    expect(await lastCompletedRevision(ecs, 'demo', live)).toEqual({ taskDefinitionArn: TD(3) });
    expect(ecsMock.calls()).toHaveLength(0);
  });

  it('is the completed ACTIVE deployment when the PRIMARY never rolled out', async () => {
    const live = service([
      { id: 'ecs-svc/3', status: 'PRIMARY', rolloutState: 'FAILED', taskDefinition: TD(3) },
      { id: 'ecs-svc/2', status: 'ACTIVE', rolloutState: 'COMPLETED', taskDefinition: TD(2) },
    ]);
    const target = await lastCompletedRevision(ecs, 'demo', live);
    expect(target.taskDefinitionArn).toBe(TD(2));
    expect(target.note).toBe('the PRIMARY deployment ecs-svc/3 (web:3) is FAILED, not COMPLETED: a rollback goes back to web:2, the last deployment that completed');
  });

  it('reads the last successful deployment from the history when no listed deployment completed', async () => {
    ecsMock.on(ListServiceDeploymentsCommand).resolves({
      serviceDeployments: [
        { serviceDeploymentArn: 'sd-old', status: 'SUCCESSFUL', targetServiceRevisionArn: 'rev-1', finishedAt: new Date(1_000) },
        { serviceDeploymentArn: 'sd-new', status: 'SUCCESSFUL', targetServiceRevisionArn: 'rev-2', finishedAt: new Date(2_000) },
      ],
    });
    ecsMock.on(DescribeServiceRevisionsCommand).resolves({ serviceRevisions: [{ serviceRevisionArn: 'rev-2', taskDefinition: TD(2) }] });
    const live = service([{ id: 'ecs-svc/3', status: 'PRIMARY', rolloutState: 'IN_PROGRESS', taskDefinition: TD(3) }]);
    const target = await lastCompletedRevision(ecs, 'demo', live);
    expect(target.taskDefinitionArn).toBe(TD(2));
    expect(target.note).toContain('the last successful deployment in the service');
    expect(ecsMock.commandCalls(DescribeServiceRevisionsCommand)[0]?.args[0].input).toEqual({ serviceRevisionArns: ['rev-2'] });
  });

  it("falls back to the PRIMARY's revision, and says so, when nothing completed", async () => {
    ecsMock.on(ListServiceDeploymentsCommand).resolves({ serviceDeployments: [] });
    const live = service([{ id: 'ecs-svc/3', status: 'PRIMARY', rolloutState: 'IN_PROGRESS', taskDefinition: TD(3) }]);
    const target = await lastCompletedRevision(ecs, 'demo', live);
    expect(target).toEqual({ taskDefinitionArn: TD(3), note: expect.stringContaining('no completed deployment was found') as unknown as string });
  });
});
