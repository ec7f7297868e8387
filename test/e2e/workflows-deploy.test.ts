/**
 * Example workflows 1 (build and rolling deploy, smoke test, rollback job) and 4 (workflow_dispatch rollback) run
 * end to end by the workflow harness against the emulator: every step of ours a process of its committed bundle
 * (build first: `npm run build`), the final state read through the SDK.
 *
 * The emulator decides what a container does by its image tag (src/emulator/README.md): the web image is tagged
 * with the commit (github.sha), so a sha containing `crash` is a release whose containers crash; the smoke test
 * image is `…:exit-0` (passes) or `…:crash` (fails).
 */
import { describe, expect, it, jest } from '@jest/globals';
import { exampleCheckout, jobResults, runExample, webAutoScaling, webState, workflowE2eSuite } from '../helpers/workflow-e2e.js';

// Each test runs whole workflows (several deployments in a row) on a machine shared with other work.
jest.setTimeout(240_000);
const w = workflowE2eSuite(['prod']);
const REPO = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/web';

describe('example 1: build-and-deploy.yml', () => {
  it('deploys each push; the first has nothing to roll back to, the second replaces it; the rollback job stays skipped', async () => {
    const workspace = exampleCheckout();
    const first = await runExample(w(), 'build-and-deploy.yml', { sha: '1111111', workspace });
    expect(jobResults(first)).toEqual({ build: 'success', deploy: 'success', rollback: 'skipped' });
    expect(first.jobs['deploy']?.outputs).toMatchObject({ previousTaskDefinitionArn: '', rolledBack: 'false' });
    const v1 = first.jobs['deploy']?.outputs['taskDefinitionArn'];

    const second = await runExample(w(), 'build-and-deploy.yml', { sha: '2222222', workspace });
    expect(jobResults(second)).toEqual({ build: 'success', deploy: 'success', rollback: 'skipped' });
    expect(second.jobs['deploy']?.outputs).toMatchObject({ previousTaskDefinitionArn: v1, rolledBack: 'false' });
    // The smoke test ran as a task of the bundle; the build's docker steps were skipped with a log line.
    expect(second.jobs['deploy']?.cells[0]?.steps.map((s) => `${s.name}:${s.kind}:${s.outcome}`)).toEqual([
      'actions/checkout@v4:skipped-third-party:success',
      'aws-actions/configure-aws-credentials@v4:skipped-third-party:success',
      'OWNER/ecs-delivery-actions/actions/ecs-rolling@v1:ours:success',
      'Smoke test:ours:success',
    ]);
    expect(second.log).toContain('build › Build and push: skipped (a run: script other than echo is not run by the harness)');
    expect(await webState(w().e.ecs, 'prod')).toEqual({
      taskDefinition: second.jobs['deploy']?.outputs['taskDefinitionArn'],
      image: `${REPO}:2222222`,
      running: 2,
      desired: 2,
    });
    expect(await webAutoScaling(w(), 'prod')).toEqual({ targets: ['2-6'], policies: ['cpu60'] });
    // github-token: the deployment record went to the (fake) GitHub API.
    expect(w().github.calls.some((c) => c.path.endsWith('/deployments') && c.body['environment'] === 'production')).toBe(true);
  });

  it('a release that crashes: ecs-rolling rolls back itself, the job fails, the rollback job has nothing left to do', async () => {
    const workspace = exampleCheckout();
    const first = await runExample(w(), 'build-and-deploy.yml', { sha: '1111111', workspace });
    const v1 = first.jobs['deploy']?.outputs['taskDefinitionArn'];

    const crash = await runExample(w(), 'build-and-deploy.yml', { sha: 'crash22', workspace });
    expect(crash.result).toBe('failure');
    expect(jobResults(crash)).toEqual({ build: 'success', deploy: 'failure', rollback: 'skipped' });
    expect(crash.jobs['deploy']?.outputs).toMatchObject({ previousTaskDefinitionArn: v1, rolledBack: 'true' });
    expect(crash.jobs['deploy']?.cells[0]?.steps.map((s) => `${s.name}:${s.outcome}`).slice(2)).toEqual([
      'OWNER/ecs-delivery-actions/actions/ecs-rolling@v1:failure',
      'Smoke test:skipped',
    ]);
    expect(await webState(w().e.ecs, 'prod')).toEqual({ taskDefinition: v1, image: `${REPO}:1111111`, running: 2, desired: 2 });
    // Auto scaling was suspended for the rollout and is back as it was, resumed.
    expect(await webAutoScaling(w(), 'prod')).toEqual({ targets: ['2-6'], policies: ['cpu60'] });
  });

  it('a failing smoke test ends in the rollback job, which puts the previous revision back', async () => {
    const first = await runExample(w(), 'build-and-deploy.yml', { sha: '1111111', workspace: exampleCheckout() });
    const v1 = first.jobs['deploy']?.outputs['taskDefinitionArn'];

    const failing = exampleCheckout({ smokeImage: 'registry.example.com/smoke:crash' });
    const run = await runExample(w(), 'build-and-deploy.yml', { sha: '2222222', workspace: failing });
    expect(jobResults(run)).toEqual({ build: 'success', deploy: 'failure', rollback: 'success' });
    expect(run.jobs['deploy']?.outputs).toMatchObject({ previousTaskDefinitionArn: v1, rolledBack: 'false' });
    const rollback = run.jobs['rollback']?.cells[0]?.steps.at(-1);
    expect(rollback?.inputs).toMatchObject({ mode: 'rollback', cluster: 'prod', service: 'web', 'task-definition-arn': v1 });
    expect(rollback?.run?.outputs).toMatchObject({ taskDefinitionArn: v1 });
    expect(await webState(w().e.ecs, 'prod')).toEqual({ taskDefinition: v1, image: `${REPO}:1111111`, running: 2, desired: 2 });
    expect(await webAutoScaling(w(), 'prod')).toEqual({ targets: ['2-6'], policies: ['cpu60'] });
  });
});

describe('example 4: rollback.yml (workflow_dispatch)', () => {
  it('rolls back to the previous successful deployment, then to the revision given', async () => {
    const workspace = exampleCheckout();
    const arns: string[] = [];
    for (const sha of ['1111111', '2222222', '3333333']) {
      const run = await runExample(w(), 'build-and-deploy.yml', { sha, workspace });
      expect(run.result).toBe('success');
      arns.push(run.jobs['deploy']?.outputs['taskDefinitionArn'] ?? '');
    }
    const [v1, v2, v3] = arns;

    const back = await runExample(w(), 'rollback.yml', { event: 'workflow_dispatch', inputs: { service: 'web' }, sha: 'aaaaaaa', workspace: exampleCheckout() });
    expect(jobResults(back)).toEqual({ rollback: 'success' });
    expect(back.log).toContain(`rollback › Report: web runs ${v2} again (it ran ${v3})`);
    expect(await webState(w().e.ecs, 'prod')).toMatchObject({ taskDefinition: v2, image: `${REPO}:2222222`, running: 2 });

    const given = await runExample(w(), 'rollback.yml', {
      event: 'workflow_dispatch',
      inputs: { service: 'web', 'task-definition-arn': v1 ?? '' },
      sha: 'aaaaaaa',
      workspace: exampleCheckout(),
    });
    expect(given.result).toBe('success');
    expect(await webState(w().e.ecs, 'prod')).toMatchObject({ taskDefinition: v1, image: `${REPO}:1111111`, running: 2 });
  });

  it('fails the job for a service that does not exist, changing nothing', async () => {
    const run = await runExample(w(), 'rollback.yml', { event: 'workflow_dispatch', inputs: { service: 'web' }, sha: 'aaaaaaa', workspace: exampleCheckout() });
    expect(jobResults(run)).toEqual({ rollback: 'failure' });
    expect(run.jobs['rollback']?.cells[0]?.steps.map((s) => s.outcome)).toEqual(['success', 'failure', 'skipped']);
    expect((await w().e.emu.control.calls()).filter((c) => !/^(Describe|List|Get|CreateCluster)/.test(c.operation))).toEqual([]);
  });
});
