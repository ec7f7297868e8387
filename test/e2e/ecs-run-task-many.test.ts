/**
 * ecs-run-task end to end with many tasks (issue 10, rough edges; T3, S9, S10): the step's error and the job summary
 * group the tasks that failed for the same reason, the wait prints one aggregate progress line per change instead of
 * lines per task, and a cancelled run says what it stopped and in which state the tasks were left.
 * Build first: `npm run build`.
 */
import { describe, expect, it } from '@jest/globals';
import { DescribeTasksCommand } from '@aws-sdk/client-ecs';
import { eventually } from '../helpers/emulator.js';
import { errorAnnotation as annotation, useRunTaskE2e } from '../helpers/ecs-run-task-e2e.js';
import { makeWorkspace, runAction, waitForOutput, type ActionRun } from '../helpers/run-action.js';

const IMAGE = 'registry.example.com/jobs/migrate';
const TASK_DEFINITION = JSON.stringify({
  family: 'migrate',
  containerDefinitions: [{ name: 'app', image: '<+artifact.image>', memory: 128, essential: true }],
});

const e = useRunTaskE2e();

function run(inputs: Record<string, string>, extra: Partial<Parameters<typeof runAction>[1]> = {}): Promise<ActionRun> {
  return runAction('ecs-run-task', {
    inputs: { 'task-definition': 'td.json', ...inputs },
    env: e.emu.env(),
    workspace: makeWorkspace({ 'td.json': TASK_DEFINITION }),
    timeoutMs: 90_000,
    ...extra,
  });
}

const taskLines = (stdout: string): string[] => stdout.split('\n').filter((l) => /^Task [0-9a-f]+: /.test(l));

describe('ecs-run-task with many tasks', () => {
  it('200 pull errors: one grouped line with a count and a few task ids, in the error and the summary', async () => {
    const r = await run({ image: `${IMAGE}:pull-error`, count: '200' });
    expect(r.exitCode).toBe(1);
    const error = annotation(r.stdout);
    expect(error.length).toBeLessThan(2_000);
    expect(error).toMatch(/^200 of 200 task\(s\) failed:\n {2}- task did not start: CannotPullContainerError: .*\[200 tasks: [0-9a-f]+, [0-9a-f]+, [0-9a-f]+, …\]$/);
    expect(error.split('\n')).toHaveLength(2);

    // What the summary says about the tasks (the Outputs table after it lists the 200 ARNs, as S5 wants).
    const aboutTasks = r.summary.slice(0, r.summary.indexOf('### Outputs'));
    expect(aboutTasks.length).toBeLessThan(20_000);
    expect(aboutTasks).toMatch(/task did not start: CannotPullContainerError: .*\[200 tasks: /);
    // The per-task table stays, bounded, and says how much it left out.
    expect(r.summary).toMatch(/…and \d+ more row\(s\), omitted\./);
    const taskArns = JSON.parse(r.outputs['taskArns'] ?? '[]') as string[];
    expect(taskArns).toHaveLength(200);
  }, 120_000);

  it('12 tasks whose essential container exits 3 (a sidecar still running): one line for container, exit code and reason', async () => {
    const td = JSON.stringify({
      family: 'mixed',
      containerDefinitions: [
        { name: 'app', image: `${IMAGE}:exit-3`, memory: 128, essential: true },
        { name: 'sidecar', image: `${IMAGE}:latest`, memory: 64, essential: false },
      ],
    });
    const r = await run({ 'task-definition': 'mixed.json', count: '12' }, { workspace: makeWorkspace({ 'mixed.json': td }) });
    expect(r.exitCode).toBe(1);
    const error = annotation(r.stdout);
    expect(error).toMatch(/^12 of 12 task\(s\) failed:\n {2}- container app exited with code 3\b.*\[12 tasks: [0-9a-f]+, [0-9a-f]+, [0-9a-f]+, …\]$/);
  }, 120_000);

  it('prints one aggregate progress line per change for a run of 12 tasks, instead of lines per task', async () => {
    const r = await run({ image: `${IMAGE}:exit-0`, count: '12' });
    expect(r.exitCode).toBe(0);
    expect(taskLines(r.stdout)).toEqual([]);
    const progress = r.stdout.split('\n').filter((l) => /^12 tasks: /.test(l));
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe('12 tasks: 12 STOPPED');
    for (const l of progress) expect(l).toMatch(/^12 tasks: \d+ [A-Z]+(, \d+ [A-Z]+)*$/);
    expect(new Set(progress).size).toBe(progress.length);
  }, 120_000);

  it('a single task keeps its per-task lines', async () => {
    const r = await run({ image: `${IMAGE}:exit-0` });
    expect(r.exitCode).toBe(0);
    expect(taskLines(r.stdout).some((l) => / → STOPPED/.test(l))).toBe(true);
    expect(r.stdout).not.toMatch(/^1 tasks?: /m);
  }, 120_000);

  it('cancelled: says the tasks were stopped and shows the state they were left in, not the one before StopTask', async () => {
    const r = await run(
      { image: `${IMAGE}:latest`, count: '12' },
      {
        onStart: (child, output) => {
          // Every task RUNNING: the aggregate line (or, from a build before it, 12 per-task lines).
          const allRunning = (text: string): boolean => /^12 tasks: 12 RUNNING$/m.test(text) || (text.match(/→ RUNNING/g) ?? []).length >= 12;
          waitForOutput(output, allRunning, 20_000).then(
            () => child.kill('SIGINT'),
            () => child.kill('SIGKILL'),
          );
        },
      },
    );
    expect(r.exitCode).toBe(1);
    const error = annotation(r.stdout);
    expect(error).toMatch(/^The workflow was cancelled \(SIGINT received\) while waiting for the tasks to be STOPPED; the action stopped 12 task\(s\) it started/);
    expect(error).not.toMatch(/^ {2}- task [0-9a-f]+: RUNNING$/m);
    expect(error).toMatch(/^ {2}- stop requested, last status [A-Z]+ \(desired STOPPED\) \[12 tasks: [0-9a-f]+, [0-9a-f]+, [0-9a-f]+, …\]$/m);
    expect(error.length).toBeLessThan(2_000);
    const taskArns = JSON.parse(r.outputs['taskArns'] ?? '[]') as string[];
    const tasks = await eventually('all 12 tasks STOPPED', async () => {
      const described = (await e.ecs.send(new DescribeTasksCommand({ tasks: taskArns }))).tasks ?? [];
      return described.length === 12 && described.every((t) => t.lastStatus === 'STOPPED') ? described : undefined;
    });
    for (const t of tasks) expect(t.stoppedReason).toBe('Stopped by ecs-run-task: the GitHub Actions workflow was cancelled');
  }, 120_000);
});
