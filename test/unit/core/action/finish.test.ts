/**
 * The one path from an outcome to what the user sees (src/core/action/finish.ts, record.ts): outputs written,
 * job summary appended, outputs listed in the log, GitHub deployment record finished, failure thrown.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import {
  failureSection,
  finishAction,
  recordErrors,
  startActionRecord,
  type ActionReport,
  type DeploymentRecord,
} from '../../../../src/core/action/index.js';
import type { DeploymentState } from '../../../../src/core/github/deployments.js';
import { fakeRuntime } from '../../../helpers/fakes.js';
import { startFakeGitHub, type FakeGitHub } from '../../../helpers/fake-github.js';

class RecordingRecord implements DeploymentRecord {
  readonly finished: Array<[DeploymentState, string]> = [];
  async finish(state: DeploymentState, description: string): Promise<void> {
    this.finished.push([state, description]);
  }
}

const report = (patch: Partial<ActionReport> = {}): ActionReport => ({
  succeeded: true,
  outputs: [
    ['taskDefinitionArn', 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:3'],
    ['clusterArn', undefined],
    ['taskArns', ['a', 'b']],
    ['firstDeployment', false],
  ],
  heading: 'demo: ✅ done',
  rows: [
    ['Service', 'web'],
    ['Tasks', 2],
  ],
  sections: [(s) => s.heading('Extra', 3).paragraph('more')],
  log: ['2 task(s) done'],
  status: 'Deployed web:3',
  ...patch,
});

const SUMMARY = `## demo: ✅ done

| Name | Value |
| --- | --- |
| Service | web |
| Tasks | 2 |

### Extra

more

### Outputs

| Name | Value |
| --- | --- |
| taskDefinitionArn | arn:aws:ecs:us-east-1:123456789012:task-definition/web:3 |
| taskArns | ["a","b"] |
| firstDeployment | false |
`;

describe('finishAction', () => {
  it('writes the outputs (an undefined one left out), the summary, the log lines and the output list, then finishes the record', async () => {
    const fake = fakeRuntime();
    const record = new RecordingRecord();
    await finishAction(fake.rt, () => report(), record);
    expect([...fake.sink.outputs.entries()]).toEqual([
      ['taskDefinitionArn', 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:3'],
      ['taskArns', '["a","b"]'],
      ['firstDeployment', 'false'],
    ]);
    expect(fake.summary).toEqual([SUMMARY]);
    expect(fake.log.entries.filter((e) => e.level === 'info')).toEqual([
      { level: 'info', message: '2 task(s) done', groups: ['Result'] },
      { level: 'info', message: 'taskDefinitionArn: arn:aws:ecs:us-east-1:123456789012:task-definition/web:3', groups: ['Result'] },
      { level: 'info', message: 'taskArns: ["a","b"]', groups: ['Result'] },
      { level: 'info', message: 'firstDeployment: false', groups: ['Result'] },
    ]);
    expect(record.finished).toEqual([['success', 'Deployed web:3']]);
  });

  it('leaves the GitHub deployment in progress for a deployment only started (no success claimed), and passes', async () => {
    const fake = fakeRuntime();
    const record = new RecordingRecord();
    await finishAction(fake.rt, () => ({ ...report(), startedOnly: true, status: 'Started web:3; not waited for' }), record);
    expect(record.finished).toEqual([['in_progress', 'Started web:3; not waited for']]);
  });

  it('builds the report inside the Result group, so the reads made for it log there', async () => {
    const fake = fakeRuntime();
    await finishAction(fake.rt, async () => {
      fake.rt.log.debug('reading the service for the summary');
      return report();
    });
    expect(fake.log.entries.find((e) => e.level === 'debug')?.groups).toEqual(['Result']);
  });

  it('on a failed outcome, still writes everything, finishes the record as failure, then throws the failure message', async () => {
    const fake = fakeRuntime();
    const record = new RecordingRecord();
    const failed = report({
      succeeded: false,
      heading: 'demo: ❌ failed',
      sections: [failureSection('the deployment failed\nRollback succeeded: back on web:2')],
      failure: 'the deployment failed\nRollback succeeded: back on web:2',
      status: 'the deployment failed',
    });
    await expect(finishAction(fake.rt, () => failed, record)).rejects.toThrow(
      new Error('the deployment failed\nRollback succeeded: back on web:2'),
    );
    expect(fake.sink.outputs.get('firstDeployment')).toBe('false');
    expect(fake.summary[0]).toContain('### Why it failed\n\n```\nthe deployment failed\nRollback succeeded: back on web:2\n```');
    expect(record.finished).toEqual([['failure', 'the deployment failed']]);
  });

  it('throws the heading when a failed report has no message of its own', async () => {
    const fake = fakeRuntime();
    await expect(finishAction(fake.rt, () => report({ succeeded: false, heading: 'demo: ❌ failed' }))).rejects.toThrow('demo: ❌ failed');
  });
});

describe('recordErrors', () => {
  it('passes the outcome through and leaves the record open', async () => {
    const record = new RecordingRecord();
    await expect(recordErrors(record, async () => 42)).resolves.toBe(42);
    expect(record.finished).toEqual([]);
  });

  it('finishes the record as error with the reason when the work throws, and rethrows', async () => {
    const record = new RecordingRecord();
    const refused = new Error('service web is DRAINING');
    await expect(
      recordErrors(record, async () => {
        throw refused;
      }),
    ).rejects.toBe(refused);
    expect(record.finished).toEqual([['error', 'service web is DRAINING']]);
  });
});

describe('startActionRecord', () => {
  let github: FakeGitHub | undefined;
  afterEach(async () => github?.stop());

  it('records nothing without a token', async () => {
    const fake = fakeRuntime();
    expect(await startActionRecord(fake.rt, undefined, { description: 'd', payload: {} })).toBeUndefined();
  });

  it('records the run as a GitHub deployment that finishAction ends with the outcome', async () => {
    github = await startFakeGitHub();
    const fake = fakeRuntime({ env: { GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'acme/shop', GITHUB_SHA: 'abc123' } });
    const record = await startActionRecord(
      fake.rt,
      { token: 'ghs_faketoken', environment: 'staging' },
      { description: 'demo: web.yaml to web', payload: { service: 'web' } },
    );
    await finishAction(fake.rt, () => report(), record);
    expect(github.calls.map((c) => [c.path, c.body['state'] ?? c.body['environment']])).toEqual([
      ['/repos/acme/shop/deployments', 'staging'],
      ['/repos/acme/shop/deployments/1001/statuses', 'in_progress'],
      ['/repos/acme/shop/deployments/1001/statuses', 'success'],
    ]);
    expect(github.calls[0]?.body).toMatchObject({ description: 'demo: web.yaml to web', payload: { service: 'web' } });
    expect(github.calls[2]?.body).toMatchObject({ description: 'Deployed web:3' });
  });
});
