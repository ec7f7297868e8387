/**
 * Example workflows 5 (a reusable workflow taking `strategy`, calling the root action, and its caller) and 8 (a
 * multi-region rollout with a canary wave and a coordinated rollback) run end to end by the workflow harness against
 * the emulator. Build first: `npm run build`.
 *
 * The reusable workflow's step is the root action (`OWNER/ecs-delivery-actions@v1`): the harness runs its entry,
 * dist/index.js, with `command` choosing ecs-rolling or ecs-run-task (test/helpers/workflow-harness/actions.ts).
 * The emulator is one endpoint and does not key its state by region (every ARN says us-east-1), so example 8's two
 * regions are told apart by their clusters, prod-eu and prod-us, as the workflow names them.
 */
import { describe, expect, it, jest } from '@jest/globals';
import { TASK_DEFINITION_YAML } from '../helpers/ecs-rolling-e2e.js';
import { exampleCheckout, jobResults, runExample, webState, workflowE2eSuite } from '../helpers/workflow-e2e.js';

jest.setTimeout(240_000);
const w = workflowE2eSuite(['prod', 'prod-eu', 'prod-us']);
const WEB = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/web';

describe('example 5: call-reusable-deploy.yml → reusable-deploy.yml', () => {
  it('deploys through the reusable workflow (ecs-rolling), smoke-tests through it (ecs-run-task), skips the rollback', async () => {
    const workspace = exampleCheckout();
    const first = await runExample(w(), 'call-reusable-deploy.yml', { sha: '1111111', workspace });
    expect(jobResults(first)).toEqual({ deploy: 'success', 'smoke-test': 'success', rollback: 'skipped' });
    const v1 = first.jobs['deploy']?.outputs['taskDefinitionArn'];

    const second = await runExample(w(), 'call-reusable-deploy.yml', { sha: '2222222', workspace });
    expect(jobResults(second)).toEqual({ deploy: 'success', 'smoke-test': 'success', rollback: 'skipped' });
    expect(second.jobs['deploy']?.outputs).toMatchObject({ previousTaskDefinitionArn: v1, rolledBack: 'false' });
    // The called workflow's step ran the root action's entry with the command the caller chose.
    const steps = ['deploy', 'smoke-test'].map((job) => second.jobs[job]?.cells[0]?.workflow?.jobs['deliver']?.cells[0]?.steps.at(-1));
    expect(steps.map((s) => [s?.bundle, s?.inputs?.['command'], s?.run?.exitCode])).toEqual([
      ['root', 'ecs-rolling', 0],
      ['root', 'ecs-run-task', 0],
    ]);
    expect(await webState(w().e.ecs, 'prod')).toEqual({
      taskDefinition: second.jobs['deploy']?.outputs['taskDefinitionArn'],
      image: `${WEB}:2222222`,
      running: 2,
      desired: 2,
    });
  });

  it('a failing smoke test ends in the rollback job: the reusable workflow in mode rollback restores the previous revision', async () => {
    const first = await runExample(w(), 'call-reusable-deploy.yml', { sha: '1111111', workspace: exampleCheckout() });
    const v1 = first.jobs['deploy']?.outputs['taskDefinitionArn'];

    const run = await runExample(w(), 'call-reusable-deploy.yml', { sha: '2222222', workspace: exampleCheckout({ smokeImage: 'registry.example.com/smoke:crash' }) });
    expect(run.result).toBe('failure');
    expect(jobResults(run)).toEqual({ deploy: 'success', 'smoke-test': 'failure', rollback: 'success' });
    expect(run.jobs['rollback']?.outputs).toMatchObject({ taskDefinitionArn: v1 });
    expect(await webState(w().e.ecs, 'prod')).toEqual({ taskDefinition: v1, image: `${WEB}:1111111`, running: 2, desired: 2 });
  });
});

/** Region us-east-1's task definition with an essential sidecar whose image crashes: only that region fails. */
const CRASHING_SIDECAR = `${TASK_DEFINITION_YAML}  - name: log-router
    image: public.ecr.aws/aws-observability/aws-for-fluent-bit:crash
    essential: true
`;

const REGIONS = { 'eu-west-1': {}, 'us-east-1': {} };
const image = (region: string, sha: string): string => `123456789012.dkr.ecr.${region}.amazonaws.com/web:${sha}`;

describe('example 8: multi-region.yml', () => {
  it('records the live revisions, deploys the canary region, then the others; no rollback', async () => {
    const workspace = exampleCheckout({ regions: REGIONS });
    const first = await runExample(w(), 'multi-region.yml', { sha: '1111111', workspace });
    expect(jobResults(first)).toEqual({ plan: 'success', canary: 'success', rollout: 'success', rollback: 'skipped' });
    // First deployment: nothing was live.
    expect(first.jobs['plan']?.outputs).toEqual({ 'eu-west-1': '', 'us-east-1': '' });

    const second = await runExample(w(), 'multi-region.yml', { sha: '2222222', workspace });
    expect(jobResults(second)).toEqual({ plan: 'success', canary: 'success', rollout: 'success', rollback: 'skipped' });
    const eu1 = (await webState(w().e.ecs, 'prod-eu')).taskDefinition;
    expect(second.jobs['plan']?.outputs).toEqual({ 'eu-west-1': first.jobs['canary']?.outputs['taskDefinitionArn'], 'us-east-1': first.jobs['rollout']?.outputs['taskDefinitionArn'] });
    expect(await webState(w().e.ecs, 'prod-eu')).toEqual({ taskDefinition: eu1, image: image('eu-west-1', '2222222'), running: 2, desired: 2 });
    expect(await webState(w().e.ecs, 'prod-us')).toMatchObject({ image: image('us-east-1', '2222222'), running: 2, desired: 2 });
    // The canary wave finished before the rollout started.
    const started = (job: string): number => second.log.findIndex((l) => l.startsWith(`${job} (`) && l.endsWith(': calls examples/workflows/reusable-deploy.yml'));
    const canaryDone = second.log.indexOf('canary: success');
    expect(started('canary')).toBeLessThan(canaryDone);
    expect(started('rollout')).toBeGreaterThan(canaryDone);
  });

  it('the second region fails: it rolls itself back, and the coordinated rollback restores the canary region', async () => {
    const first = await runExample(w(), 'multi-region.yml', { sha: '1111111', workspace: exampleCheckout({ regions: REGIONS }) });
    expect(first.result).toBe('success');
    const before = { eu: await webState(w().e.ecs, 'prod-eu'), us: await webState(w().e.ecs, 'prod-us') };

    const failing = exampleCheckout({ regions: { 'eu-west-1': {}, 'us-east-1': { task: CRASHING_SIDECAR } } });
    const run = await runExample(w(), 'multi-region.yml', { sha: '2222222', workspace: failing });
    expect(jobResults(run)).toEqual({ plan: 'success', canary: 'success', rollout: 'failure', rollback: 'success' });
    expect(run.jobs['rollout']?.outputs).toMatchObject({ rolledBack: 'true' });
    // eu-west-1 ran the new revision: rolled back to the one plan recorded. us-east-1 rolled itself back: left alone.
    const steps = (cell: number) => run.jobs['rollback']?.cells[cell]?.steps.map((s) => `${s.name}:${s.outcome}`);
    expect(run.jobs['rollback']?.cells.map((c) => c.name)).toEqual(['rollback (eu-west-1, prod-eu)', 'rollback (us-east-1, prod-us)']);
    expect(steps(0)).toEqual(['aws-actions/configure-aws-credentials@v4:success', 'Read the live revision (a dry run changes nothing):success', 'Roll back:success']);
    expect(steps(1)).toEqual(['aws-actions/configure-aws-credentials@v4:success', 'Read the live revision (a dry run changes nothing):success', 'Roll back:skipped']);
    expect(await webState(w().e.ecs, 'prod-eu')).toEqual({ ...before.eu, image: image('eu-west-1', '1111111') });
    expect(await webState(w().e.ecs, 'prod-us')).toEqual({ ...before.us, image: image('us-east-1', '1111111') });
  });
});
