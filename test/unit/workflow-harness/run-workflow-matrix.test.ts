/**
 * The workflow harness's matrix and reusable workflow semantics with a fake bundle runner: cells as separate runs,
 * max-parallel, fail-fast, merged matrix outputs, workflow_call inputs/outputs/secrets, a matrix of calls.
 */
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import type { BundleRequest, BundleRun } from '../../helpers/workflow-harness/bundle-runner.js';
import { runWorkflow } from '../../helpers/workflow-harness/run-workflow.js';
import { fakeBundles, workflowFiles } from '../../helpers/workflow-harness/testing.js';

const MATRIX = (strategy: string): string => `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    strategy:
${strategy}
    outputs:
      a: \${{ steps.record.outputs.a }}
      b: \${{ steps.record.outputs.b }}
      c: \${{ steps.record.outputs.c }}
    steps:
      - uses: ./actions/ecs-rolling
        with: { cluster: '\${{ matrix.cluster }}' }
      - id: record
        run: echo "\${{ matrix.cluster }}=deployed" >> "$GITHUB_OUTPUT"
  after:
    needs: deploy
    if: always()
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ needs.deploy.result }} a=\${{ needs.deploy.outputs.a }} b=\${{ needs.deploy.outputs.b }} c=\${{ needs.deploy.outputs.c }}"
`;

/** A runner whose bundles take `ms` and fail for the clusters in `failing`; it records the highest concurrency. */
function timedBundles(failing: string[], ms = 30) {
  let running = 0;
  let peak = 0;
  const fake = fakeBundles();
  const runBundle = async (r: BundleRequest): Promise<BundleRun> => {
    running++;
    peak = Math.max(peak, running);
    await new Promise((res) => setTimeout(res, ms));
    running--;
    return fake.runBundle(r).then((run) => ({ ...run, exitCode: failing.includes(r.inputs['cluster'] ?? '') ? 1 : 0 }));
  };
  return { calls: fake.calls, runBundle, peak: () => peak };
}

/** Cluster `a` fails at once; every other bundle runs until the runner aborts it (then exits 130, as on SIGINT). */
function abortingBundles() {
  const aborted: string[] = [];
  const fake = fakeBundles();
  const runBundle = async (r: BundleRequest): Promise<BundleRun> => {
    if (r.inputs['cluster'] === 'a') return fake.runBundle(r).then((x) => ({ ...x, exitCode: 1 }));
    await new Promise<void>((res) => r.signal?.addEventListener('abort', () => res(), { once: true }));
    aborted.push(r.inputs['cluster'] ?? '');
    return fake.runBundle(r).then((x) => ({ ...x, exitCode: 130 }));
  };
  return { aborted, runBundle };
}

describe('matrix jobs', () => {
  it('run each cell as its own run, at most max-parallel at a time; outputs merge by name', async () => {
    const dir = workflowFiles({ 'w.yml': MATRIX(`      max-parallel: 2\n      matrix:\n        cluster: [a, b, c]`) });
    const bundles = timedBundles([]);
    const run = await runWorkflow(join(dir, 'w.yml'), { event: 'push', workspace: '/tmp', runBundle: bundles.runBundle });
    expect(bundles.calls.map((c) => c.inputs['cluster'])).toEqual(['a', 'b', 'c']);
    expect(bundles.peak()).toBe(2);
    expect(run.jobs['deploy']?.cells.map((c) => c.name)).toEqual(['deploy (a)', 'deploy (b)', 'deploy (c)']);
    expect(run.jobs['deploy']?.outputs).toEqual({ a: 'deployed', b: 'deployed', c: 'deployed' });
    expect(run.log.filter((l) => l.startsWith('after › ')).at(-1)).toMatch(/: success a=deployed b=deployed c=deployed$/);
  });

  it('fail-fast cancels the cells that have not started; the job fails; the outputs of the cells that ran are kept', async () => {
    const dir = workflowFiles({ 'w.yml': MATRIX(`      max-parallel: 1\n      matrix:\n        cluster: [a, b, c]`) });
    const bundles = timedBundles(['b']);
    const run = await runWorkflow(join(dir, 'w.yml'), { event: 'push', workspace: '/tmp', runBundle: bundles.runBundle });
    expect(bundles.calls.map((c) => c.inputs['cluster'])).toEqual(['a', 'b']);
    expect(run.jobs['deploy']?.cells.map((c) => c.result)).toEqual(['success', 'failure', 'cancelled']);
    expect(run.jobs['deploy']?.result).toBe('failure');
    expect(run.jobs['deploy']?.outputs).toEqual({ a: 'deployed', b: '', c: '' });
  });

  it('with fail-fast: false every cell runs', async () => {
    const dir = workflowFiles({ 'w.yml': MATRIX(`      fail-fast: false\n      max-parallel: 1\n      matrix:\n        cluster: [a, b, c]`) });
    const bundles = timedBundles(['a']);
    const run = await runWorkflow(join(dir, 'w.yml'), { event: 'push', workspace: '/tmp', runBundle: bundles.runBundle });
    expect(run.jobs['deploy']?.cells.map((c) => c.result)).toEqual(['failure', 'success', 'success']);
    expect(run.jobs['after']?.result).toBe('success');
  });

  it('fail-fast aborts the cells still running (the runner cancels them)', async () => {
    const dir = workflowFiles({ 'w.yml': MATRIX(`      matrix:\n        cluster: [a, b]`) });
    const { aborted, runBundle } = abortingBundles();
    const run = await runWorkflow(join(dir, 'w.yml'), { event: 'push', workspace: '/tmp', runBundle });
    expect(aborted).toEqual(['b']);
    expect(run.jobs['deploy']?.cells.map((c) => c.result)).toEqual(['failure', 'cancelled']);
    expect(run.jobs['deploy']?.cells[1]?.steps.map((s) => s.outcome)).toEqual(['cancelled', 'skipped']);
  });

  it('in a cancelled cell, if: cancelled() and always() steps still run, success() ones do not', async () => {
    const dir = workflowFiles({
      'w.yml': `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        cluster: [a, b]
    steps:
      - uses: ./actions/ecs-rolling
        with: { cluster: '\${{ matrix.cluster }}' }
      - run: echo next
      - if: cancelled()
        run: echo "cancelled \${{ matrix.cluster }}"
      - if: always()
        run: echo "cleanup \${{ matrix.cluster }}"
`,
    });
    const run = await runWorkflow(join(dir, 'w.yml'), { event: 'push', workspace: '/tmp', runBundle: abortingBundles().runBundle });
    expect(run.jobs['deploy']?.cells[0]?.steps.map((s) => s.outcome)).toEqual(['failure', 'skipped', 'skipped', 'success']);
    expect(run.jobs['deploy']?.cells[1]?.steps.map((s) => s.outcome)).toEqual(['cancelled', 'skipped', 'success', 'success']);
    expect(run.log).toContain('deploy (b) › Run echo "cancelled ${{ matrix.cluster }}": cancelled b');
  });
});

describe('reusable workflows', () => {
  const CALLED = `on:
  workflow_call:
    inputs:
      cluster: { type: string, required: true }
      dry: { type: boolean, default: false }
    secrets:
      token: { required: true }
    outputs:
      arn:
        value: \${{ jobs.deploy.outputs.arn }}
jobs:
  deploy:
    runs-on: ubuntu-latest
    outputs:
      arn: \${{ steps.roll.outputs.taskDefinitionArn }}
    steps:
      - id: roll
        uses: ./actions/ecs-rolling
        with:
          cluster: \${{ inputs.cluster }}
          dry-run: \${{ inputs.dry }}
          github-token: \${{ secrets.token }}
`;

  it('a job calls a workflow with inputs and secrets, per matrix cell; its outputs come back through needs', async () => {
    const dir = workflowFiles({
      'called.yml': CALLED,
      'caller.yml': `on: push
jobs:
  rollout:
    strategy:
      matrix:
        cluster: [eu, us]
    uses: ./.github/workflows/called.yml
    with:
      cluster: \${{ matrix.cluster }}
      dry: true
    secrets:
      token: \${{ secrets.DEPLOY_TOKEN }}
  report:
    needs: rollout
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ needs.rollout.outputs.arn }}"
`,
    });
    const fake = fakeBundles((r) => ({ outputs: { taskDefinitionArn: `arn:${r.inputs['cluster'] ?? ''}` } }));
    const run = await runWorkflow(join(dir, 'caller.yml'), { event: 'push', workspace: '/tmp', runBundle: fake.runBundle, secrets: { DEPLOY_TOKEN: 'tok' } });
    expect(run.result).toBe('success');
    expect(fake.calls.map((c) => [c.inputs['cluster'], c.inputs['dry-run'], c.inputs['github-token']])).toEqual([
      ['eu', 'true', 'tok'],
      ['us', 'true', 'tok'],
    ]);
    expect(run.jobs['rollout']?.cells.map((c) => c.workflow?.outputs)).toEqual([{ arn: 'arn:eu' }, { arn: 'arn:us' }]);
    expect(run.jobs['rollout']?.outputs).toEqual({ arn: 'arn:us' });
  });

  it('passes every secret on with secrets: inherit, and reads vars and the caller\'s github context', async () => {
    const dir = workflowFiles({
      'called.yml': CALLED,
      'caller.yml': `on: push
jobs:
  deploy:
    uses: ./.github/workflows/called.yml
    with:
      cluster: \${{ vars.CLUSTER }}-\${{ github.event_name }}
    secrets: inherit
`,
    });
    const fake = fakeBundles();
    const run = await runWorkflow(join(dir, 'caller.yml'), {
      event: 'push',
      workspace: '/tmp',
      runBundle: fake.runBundle,
      vars: { CLUSTER: 'prod' },
      secrets: { token: 'inherited' },
    });
    expect(run.result).toBe('success');
    expect(fake.calls[0]?.inputs).toMatchObject({ cluster: 'prod-push', 'github-token': 'inherited', 'dry-run': 'false' });
  });

  it('refuses a call without a required input, and a workflow that is not there', async () => {
    const dir = workflowFiles({
      'called.yml': CALLED,
      'caller.yml': `on: push\njobs:\n  c:\n    uses: ./.github/workflows/called.yml\n    secrets: inherit\n`,
      'missing.yml': `on: push\njobs:\n  c:\n    uses: ./.github/workflows/nowhere.yml\n`,
    });
    await expect(runWorkflow(join(dir, 'caller.yml'), { event: 'push', workspace: '/tmp', runBundle: fakeBundles().runBundle })).rejects.toThrow(
      "required input 'cluster' was not given",
    );
    await expect(runWorkflow(join(dir, 'missing.yml'), { event: 'push', workspace: '/tmp' })).rejects.toThrow('no such workflow');
  });
});
