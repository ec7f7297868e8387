/** ecs-rolling's report of an update that started no new deployment (issue 11 item 5): a scale change, said so. */
import { describe, expect, it } from '@jest/globals';
import { rollingReport } from '../../../../src/actions/ecs-rolling/report.js';
import type { DeployOptions } from '../../../../src/actions/ecs-rolling/options.js';
import type { AfterFacts } from '../../../../src/core/action/index.js';
import type { Outcome } from '../../../../src/core/deploy/index.js';

const TD = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:2';

const options = {
  mode: 'deploy',
  cluster: 'demo',
  serviceName: 'web',
  waitForSteadyState: true,
  rollbackOnFailure: true,
} as DeployOptions;

const facts: AfterFacts = {
  service: { serviceName: 'web', desiredCount: 4, runningCount: 4 },
  previous: { arn: TD, revision: 'web:2', images: undefined },
  deployed: { arn: TD, revision: 'web:2', images: undefined },
};

function outcome(patch: Partial<Outcome>): Outcome {
  return {
    status: 'succeeded',
    firstDeployment: false,
    taskDefinitionArn: TD,
    previousTaskDefinitionArn: TD,
    service: { name: 'web' },
    rolledBack: false,
    stoppedTasks: [],
    timings: { startedAt: 0, finishedAt: 1000, totalMs: 1000, waitMs: 900 },
    snapshot: { version: 1, cluster: 'demo', service: 'web', exists: true, draining: false, desiredCount: 2, scalableTargets: [], scalingPolicies: [], seenEventIds: [], serviceConfig: {} },
    ...patch,
  };
}

describe('rollingReport of a scale change', () => {
  const detail = 'no new deployment: only the desired count changed from 2 to 4';

  it('heads and ends with a scale change, not a deployment, and has a Change row', () => {
    const report = rollingReport({ options, outcome: outcome({ change: 'scale', changeDetail: detail, deploymentId: 'ecs-svc/1' }), facts });
    expect(report.heading).toBe('ecs-rolling: ✅ scale change of service web (web:2, no new deployment) succeeded');
    expect(report.status).toBe(`Scaled service web (${detail})`);
    expect(report.rows).toContainEqual(['Change', `scale change, ${detail}`]);
    expect(report.rows).toContainEqual(['Desired count', '2 → 4 (running 4)']);
  });

  it('says when the scale change was not waited for', () => {
    const report = rollingReport({ options, outcome: outcome({ status: 'started', change: 'scale', changeDetail: detail }), facts });
    expect(report.heading).toBe('ecs-rolling: ⏳ scale change of service web (web:2, no new deployment) started (not waited for)');
    expect(report.status).toBe(`Scaled service web (${detail}); not waited for`);
  });

  it('reports a deployment as before', () => {
    const report = rollingReport({ options, outcome: outcome({ change: 'deployment' }), facts });
    expect(report.heading).toBe('ecs-rolling: ✅ deployment of web:2 to service web succeeded');
    expect(report.status).toBe(`Deployed ${TD}`);
    expect(report.rows.map((r) => r[0])).not.toContain('Change');
  });
});

describe('rollingReport of a native deployment (N2, N3)', () => {
  const arn = 'arn:aws:ecs:us-east-1:123456789012:service-deployment/demo/web/AbC';

  it('a deployment stopped at a stage says so, with the service deployment row', () => {
    const r = rollingReport({ options, facts, outcome: outcome({ native: { serviceDeploymentArn: arn, status: 'IN_PROGRESS', lifecycleStage: 'POST_TEST_TRAFFIC_SHIFT', ended: 'stage', ecsRolledBack: false } }) });
    expect(r.status).toBe(`${TD} reached lifecycle stage POST_TEST_TRAFFIC_SHIFT; ECS goes on with the deployment`);
    expect(r.rows).toContainEqual(['Service deployment', `${arn} (IN_PROGRESS, lifecycle stage POST_TEST_TRAFFIC_SHIFT)`]);
  });

  it('a deployment paused on a hook names the hook and mode continue', () => {
    const r = rollingReport({
      options,
      facts,
      outcome: outcome({ native: { serviceDeploymentArn: arn, status: 'IN_PROGRESS', lifecycleStage: 'POST_TEST_TRAFFIC_SHIFT', ended: 'paused', ecsRolledBack: false, pausedHook: { hookId: 'h-1', targetType: 'PAUSE', status: 'AWAITING_ACTION' } } }),
    });
    expect(r.status).toContain('on PAUSE hook h-1: continue it with mode: continue');
    expect(r.rows).toContainEqual(['Paused on', 'lifecycle hook h-1 (continue it with mode: continue)']);
  });
});
