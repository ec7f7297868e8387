/**
 * Example workflow 6 (database migration with ecs-run-task, then ecs-rolling of the revision the migration ran) run
 * end to end by the workflow harness against the emulator; the service is first deployed by example 1. Build first:
 * `npm run build`.
 */
import { describe, expect, it, jest } from '@jest/globals';
import { exampleCheckout, jobResults, runExample, webState, workflowE2eSuite } from '../helpers/workflow-e2e.js';

jest.setTimeout(240_000);
const w = workflowE2eSuite(['prod']);
const REPO = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/web';

describe('example 6: migrate-then-deploy.yml', () => {
  // The emulator cannot run one image that both exits 0 as a migration and keeps serving as a service (its image tag
  // decides), so each run here fails somewhere: what is checked is where it stops and what it leaves behind.
  it('a migration that fails stops the workflow before the deploy: the service keeps its revision', async () => {
    const first = await runExample(w(), 'build-and-deploy.yml', { sha: '1111111', workspace: exampleCheckout() });
    const v1 = first.jobs['deploy']?.outputs['taskDefinitionArn'];

    const run = await runExample(w(), 'migrate-then-deploy.yml', { sha: 'crash66', workspace: exampleCheckout() });
    expect(jobResults(run)).toEqual({ migrate: 'failure', deploy: 'skipped' });
    const migrate = run.jobs['migrate']?.cells[0]?.steps.at(-1);
    expect(migrate?.inputs).toMatchObject({ image: `${REPO}:crash66`, 'task-definition': 'deploy/web-task.yaml', wait: 'stopped' });
    const runTask = (await w().e.emu.control.calls()).filter((c) => c.operation === 'RunTask').at(-1)?.parameters;
    expect(runTask).toMatchObject({ cluster: 'prod', launchType: 'FARGATE', overrides: { containerOverrides: [{ name: 'web', command: ['bin/migrate'] }] } });
    expect(runTask?.['taskDefinition']).toBe(migrate?.run?.outputs['taskDefinitionArn']);
    expect(await webState(w().e.ecs, 'prod')).toEqual({ taskDefinition: v1, image: `${REPO}:1111111`, running: 2, desired: 2 });
  });

  it('the deploy takes the revision the migration ran (no second registration); a release that fails is rolled back', async () => {
    const first = await runExample(w(), 'build-and-deploy.yml', { sha: '1111111', workspace: exampleCheckout() });
    const v1 = first.jobs['deploy']?.outputs['taskDefinitionArn'];

    // `exit-0`: the migration task exits 0; as a service the same containers exit, so the rollout fails.
    const run = await runExample(w(), 'migrate-then-deploy.yml', { sha: 'exit-0', workspace: exampleCheckout() });
    expect(jobResults(run)).toEqual({ migrate: 'success', deploy: 'failure' });
    const migrated = run.jobs['migrate']?.outputs['taskDefinitionArn'];
    expect(migrated).toMatch(/:task-definition\/web:2$/);
    const deploy = run.jobs['deploy']?.cells[0]?.steps.at(-1);
    expect(deploy?.inputs).toMatchObject({ 'task-definition-arn': migrated });
    expect(deploy?.run?.outputs).toMatchObject({ taskDefinitionArn: migrated, previousTaskDefinitionArn: v1, rolledBack: 'true' });
    const registrations = (await w().e.emu.control.calls()).filter((c) => c.operation === 'RegisterTaskDefinition' && c.parameters['family'] === 'web');
    expect(registrations).toHaveLength(2); // v1 by example 1, then the migration's; the deploy registered nothing
    expect(await webState(w().e.ecs, 'prod')).toEqual({ taskDefinition: v1, image: `${REPO}:1111111`, running: 2, desired: 2 });
  });
});
