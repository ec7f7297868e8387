/**
 * ecs-run-task in the fault matrix: 12 tasks of an `exit-0` job (two RunTask calls: 10 + 2) in cluster `jobs`,
 * how each phase is targeted, and the invariant: success only if every task this run started exited 0 (and no
 * task was started twice); on failure or cancellation no task is left running, and the cause is named.
 */
import { CreateClusterCommand, DescribeTasksCommand, ECSClient, ListTasksCommand } from '@aws-sdk/client-ecs';
import type { TestEmulator } from '../helpers/emulator.js';
import type { CellRun } from './cell.js';
import { CANCELLED, type Expectation, type Phase, type PhasePlan } from './matrix.js';

export const JOBS_CLUSTER = 'jobs';
export const TASK_COUNT = 12;
export const JOB_IMAGE = 'registry.example.com/jobs/report:exit-0';

export const RUN_TASK_FILES: Record<string, string> = {
  'report-task.yaml': `family: nightly-report
requiresCompatibilities: [FARGATE]
networkMode: awsvpc
cpu: "256"
memory: "512"
executionRoleArn: arn:aws:iam::123456789012:role/ecsTaskExecutionRole
containerDefinitions:
  - name: report
    image: <+artifact.image>
    essential: true
    logConfiguration:
      logDriver: awslogs
      options:
        awslogs-group: /ecs/nightly-report
        awslogs-region: us-east-1
        awslogs-stream-prefix: run
        awslogs-create-group: "true"
`,
  'report-request.yaml': `launchType: FARGATE
networkConfiguration:
  awsvpcConfiguration:
    subnets: [subnet-0a1b2c3d]
    securityGroups: [sg-0a1b2c3d]
`,
};

export const RUN_TASK_INPUTS = {
  cluster: JOBS_CLUSTER,
  'task-definition': 'report-task.yaml',
  'run-task-request': 'report-request.yaml',
  image: JOB_IMAGE,
  count: TASK_COUNT,
  'timeout-minutes': 3,
};

const RUN_FAILED = /RunTask failed: ClientException/;

/**
 * The first mutation is RegisterTaskDefinition; between mutations is the second RunTask call; the wait polls
 * DescribeTasks; the rollback is stopping what started when the second RunTask call fails (a ClientException
 * injected once as the trigger).
 */
export const RUN_TASK_PHASES: Record<Phase, PhasePlan> = {
  'before the first mutation': {
    target: { operation: 'RegisterTaskDefinition', after: 0 },
    marker: /::group::Task definition/,
    stretch: { operation: 'RegisterTaskDefinition', error: 'delay', delayMs: 1500, count: 1 },
    expect: { outcome: 'success' },
    expectCancelled: { outcome: 'failure', cause: CANCELLED },
  },
  'between mutations': {
    target: { operation: 'RunTask', after: 1 },
    marker: /RunTask 1\/2: asked for 10/,
    stretch: { operation: 'RunTask', error: 'delay', delayMs: 1500, after: 1, count: 1 },
    expect: { outcome: 'success' },
    expectCancelled: { outcome: 'failure', cause: CANCELLED },
  },
  'while waiting': {
    target: { operation: 'DescribeTasks', after: 1 },
    marker: /::group::Wait for 12 task\(s\)/,
    expect: { outcome: 'success' },
    expectCancelled: { outcome: 'failure', cause: CANCELLED },
  },
  'during rollback': {
    trigger: [{ operation: 'RunTask', error: 'ClientException', after: 1, count: 1 }],
    target: { operation: 'StopTask', after: 0 },
    marker: /RunTask 2\/2 failed/,
    stretch: { operation: 'StopTask', error: 'delay', delayMs: 1500 },
    expect: { outcome: 'failure', cause: RUN_FAILED },
    expectCancelled: { outcome: 'failure', cause: RUN_FAILED },
  },
};

export async function setupJobsCluster(emu: TestEmulator): Promise<ECSClient> {
  const ecs = new ECSClient(emu.clientConfig({ maxAttempts: 10 }));
  await ecs.send(new CreateClusterCommand({ clusterName: JOBS_CLUSTER }));
  return ecs;
}

async function listTasks(ecs: ECSClient, desiredStatus: 'RUNNING' | 'STOPPED'): Promise<string[]> {
  const arns: string[] = [];
  let nextToken: string | undefined;
  do {
    const out = await ecs.send(new ListTasksCommand({ cluster: JOBS_CLUSTER, desiredStatus, ...(nextToken ? { nextToken } : {}) }));
    arns.push(...(out.taskArns ?? []));
    nextToken = out.nextToken;
  } while (nextToken !== undefined);
  return arns;
}

/** Every violation of the invariant and of the cell's expectation; call it right after the action exited. */
export async function runTaskViolations(ecs: ECSClient, cell: CellRun, expected: Expectation): Promise<string[]> {
  const problems: string[] = [];
  const check = (ok: boolean, what: string): void => {
    if (!ok) problems.push(what);
  };
  const { run } = cell;
  const leftRunning = await listTasks(ecs, 'RUNNING');
  check(leftRunning.length === 0, `${leftRunning.length} task(s) left with desiredStatus RUNNING after the step ended`);
  if (run.exitCode === 0) {
    const taskArns = JSON.parse(run.outputs['taskArns'] ?? '[]') as string[];
    check(taskArns.length === TASK_COUNT, `output taskArns lists ${taskArns.length} tasks, not ${TASK_COUNT}`);
    const all = [...leftRunning, ...(await listTasks(ecs, 'STOPPED'))];
    check(all.length === TASK_COUNT, `${all.length} tasks exist in the cluster: some were started twice`);
    const described = taskArns.length === 0 ? [] : ((await ecs.send(new DescribeTasksCommand({ cluster: JOBS_CLUSTER, tasks: taskArns }))).tasks ?? []);
    for (const t of described) {
      const codes = (t.containers ?? []).map((c) => c.exitCode);
      check(t.lastStatus === 'STOPPED' && codes.every((code) => code === 0), `step succeeded but task ${t.taskArn} is ${t.lastStatus} with exit codes ${JSON.stringify(codes)}`);
    }
    const exitCodes = JSON.parse(run.outputs['exitCodes'] ?? '{}') as Record<string, Record<string, number>>;
    const reported = Object.values(exitCodes).flatMap((byContainer) => Object.values(byContainer));
    check(reported.length === TASK_COUNT && reported.every((code) => code === 0), `output exitCodes ${run.outputs['exitCodes']}`);
    check(cell.errors.length === 0, `step succeeded with errors: ${cell.errors.join(' | ')}`);
  } else {
    check(run.exitCode === 1, `exit code ${run.exitCode} (signal ${run.signal})`);
    check(cell.errors.length > 0, 'step failed without an ::error:: naming the cause');
  }
  check(
    (run.exitCode === 0) === (expected.outcome === 'success'),
    `expected ${expected.outcome}, the step ${run.exitCode === 0 ? 'succeeded' : 'failed'}: ${cell.errors.join(' | ')}`,
  );
  if (expected.cause !== undefined && run.exitCode !== 0) {
    check(expected.cause.test(cell.errors.join('\n')), `the error does not name the cause ${String(expected.cause)}: ${cell.errors.join(' | ')}`);
  }
  return problems;
}
