/**
 * Benchmark 3, failure notice latency. Each run has its own emulator (speed 1, taskStartMs 1000–1500: simulated time is
 * real time) and a service created directly on web:1.0 with 2 tasks and the demo's circuit breaker (enable,
 * rollback). ecs-rolling deploys web:2.0-crash: each task crashes one taskStartMs after it runs, the breaker
 * fails the deployment after 3 failed tasks, and ECS rolls back to web:1.0.
 *
 * - rollback-on-failure true: first STOPPED task of the crash revision (DescribeTasks stoppedAt) → start of the
 *   action's rollback (the `Rolling Back..` log line or the first mutating call after the breaker's FAILED,
 *   whichever comes first). Split into first stop → FAILED (ECS) and FAILED → rollback start (the action).
 * - rollback-on-failure false: the breaker's FAILED (the `deployment failed` service event) → process exit.
 */
import { DescribeServicesCommand, DescribeTasksCommand, ListTasksCommand } from '@aws-sdk/client-ecs';
import { describeEnd, lineAt, runTimed, type TimedRun } from './lib/action-run.js';
import type { BenchPlan } from './lib/args.js';
import { isRead, startBenchEmulator, waitForState, type BenchEmulator } from './lib/emulator.js';
import { CLUSTER, createServiceDirectly, IMAGE_REPO, rollingInputs, serviceWorkspace } from './lib/fixtures.js';
import type { Figure } from './lib/report.js';
import { max, maxInWindow, median, min, round } from './lib/stats.js';

/**
 * taskStartMs of run i of n: 1000 + 500 × (i − 1) / n. The breaker fails the deployment 4 × taskStartMs after
 * UpdateService, so the runs meet the action's 2 s poll cadence at evenly spread phases (the emulator is
 * deterministic; real crashes jitter).
 */
const TASK_START_MS = 1000;
const TASK_START_SPREAD_MS = 500;
const CRASH_IMAGE = `${IMAGE_REPO}:2.0-crash`;

export interface FailureSample {
  scenario: 'rollback' | 'no-rollback';
  run: number;
  exitCode: number | null;
  outputs: Record<string, string>;
  /** Wall-clock epoch ms. */
  firstStoppedAt: number;
  failedAt: number;
  rollbackLineAt?: number;
  rollbackMutation?: { operation: string; at: number };
  exitAt: number;
  /** The action's DescribeServices just before and just after FAILED, and the other reads between them. */
  pollBeforeFailedAt?: number;
  pollAfterFailedAt?: number;
  readsBetweenPolls: string[];
  /** The most reads (Describe*, List*, Get*) in any 60 s from the action's first change to its exit (issue 17). */
  maxReadsIn60s: number;
  /** First stop → rollback start (rollback) or FAILED → exit (no-rollback). */
  totalMs: number;
  breakerMs: number;
  actionMs: number;
  problem?: string;
}

async function prepare(run: number, runs: number, scenario: FailureSample['scenario']): Promise<{ emu: BenchEmulator; service: string }> {
  const emu = await startBenchEmulator({ taskStartMs: TASK_START_MS + Math.round((TASK_START_SPREAD_MS * (run - 1)) / runs), speed: 1 });
  const service = `crash-${scenario}-${run}`;
  await createServiceDirectly(emu, service, 2, `${IMAGE_REPO}:1.0`);
  await waitForState(emu, (ecs) => ecs.services.some((s) => s.name === service && s.steady), 60_000, `${service} to be steady`);
  return { emu, service };
}

/** Earliest stoppedAt of the service's tasks running the crash image, and the breaker's FAILED event time. */
async function ecsMoments(emu: BenchEmulator, service: string): Promise<{ firstStoppedAt: number; failedAt: number }> {
  const arns = (await emu.ecs.send(new ListTasksCommand({ cluster: CLUSTER, serviceName: service, desiredStatus: 'STOPPED' }))).taskArns ?? [];
  const tasks = arns.length === 0 ? [] : ((await emu.ecs.send(new DescribeTasksCommand({ cluster: CLUSTER, tasks: arns }))).tasks ?? []);
  const stopped = tasks
    .filter((t) => (t.containers ?? []).some((c) => c.image === CRASH_IMAGE) && t.stoppedAt !== undefined)
    .map((t) => (t.stoppedAt as Date).getTime());
  const events = (await emu.ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: [service] }))).services?.[0]?.events ?? [];
  const failed = events.filter((e) => /deployment failed/.test(e.message ?? '') && e.createdAt !== undefined).map((e) => (e.createdAt as Date).getTime());
  return {
    firstStoppedAt: stopped.length === 0 ? Number.NaN : await emu.toWall(min(stopped)),
    failedAt: failed.length === 0 ? Number.NaN : await emu.toWall(min(failed)),
  };
}

/** From the first mutating call (the action's first change) to its exit. */
function readsInAnyMinute(calls: readonly { operation: string; time: number }[], exitAt: number): number {
  const firstChange = calls.find((c) => !isRead(c.operation))?.time ?? Number.POSITIVE_INFINITY;
  return maxInWindow(calls.filter((c) => isRead(c.operation) && c.time >= firstChange && c.time <= exitAt).map((c) => c.time), 60_000);
}

async function measure(scenario: FailureSample['scenario'], run: number, emu: BenchEmulator, service: string, timed: TimedRun): Promise<FailureSample> {
  const calls = await emu.calls(timed.spawnAt);
  const { firstStoppedAt, failedAt } = await ecsMoments(emu, service);
  const sample: FailureSample = {
    scenario,
    run,
    exitCode: timed.run.exitCode,
    outputs: timed.run.outputs,
    firstStoppedAt,
    failedAt,
    exitAt: timed.exitAt,
    totalMs: Number.NaN,
    breakerMs: failedAt - firstStoppedAt,
    actionMs: Number.NaN,
    readsBetweenPolls: [],
    maxReadsIn60s: readsInAnyMinute(calls, timed.exitAt),
  };
  const polls = calls.filter((c) => c.operation === 'DescribeServices' && c.status === 200);
  const before = polls.filter((c) => c.time < failedAt).at(-1);
  const after = polls.find((c) => c.time >= failedAt);
  if (before) sample.pollBeforeFailedAt = before.time;
  if (after) sample.pollAfterFailedAt = after.time;
  if (before && after) {
    sample.readsBetweenPolls = calls.filter((c) => c.time > before.time && c.time < after.time && isRead(c.operation)).map((c) => c.operation);
  }
  const problems: string[] = [];
  if (timed.run.exitCode === 0) problems.push('the step SUCCEEDED for a crashing deployment');
  if (!Number.isFinite(failedAt)) problems.push('the circuit breaker never reported FAILED');
  if (scenario === 'rollback') {
    const line = lineAt(timed, /Rolling Back\.\./);
    if (line !== undefined) sample.rollbackLineAt = line;
    const mutation = calls.find((c) => c.time >= failedAt && !isRead(c.operation));
    if (mutation) sample.rollbackMutation = { operation: mutation.operation, at: mutation.time };
    const start = min([line ?? Number.NaN, mutation?.time ?? Number.NaN].filter((t) => Number.isFinite(t)));
    if (!Number.isFinite(start)) problems.push('no `Rolling Back..` line and no mutation after FAILED');
    sample.totalMs = start - firstStoppedAt;
    sample.actionMs = start - failedAt;
  } else {
    sample.totalMs = timed.exitAt - failedAt;
    sample.actionMs = sample.totalMs;
    if (lineAt(timed, /Rolling Back\.\./) !== undefined) problems.push('rolled back although rollback-on-failure is false');
  }
  if (problems.length > 0) sample.problem = `${problems.join('; ')} (${describeEnd(timed)})`;
  return sample;
}

async function scenarioRuns(scenario: FailureSample['scenario'], runs: number): Promise<FailureSample[]> {
  const prepared = await Promise.all(Array.from({ length: runs }, (_, i) => prepare(i + 1, runs, scenario)));
  const ws = serviceWorkspace(prepared.map((p) => p.service), 2);
  return Promise.all(
    prepared.map(async ({ emu, service }, i) => {
      try {
        const files = ws.files.get(service);
        if (!files) throw new Error(`no manifests for ${service}`);
        const extra = scenario === 'rollback' ? {} : { 'rollback-on-failure': 'false' };
        const timed = await runTimed('ecs-rolling', { inputs: rollingInputs(files, CRASH_IMAGE, extra), env: emu.env, workspace: ws.dir, timeoutMs: 300_000 });
        return await measure(scenario, i + 1, emu, service, timed);
      } finally {
        await emu.stop();
      }
    }),
  );
}

export interface FailureBenchmark {
  samples: FailureSample[];
}

export async function runFailure(plan: BenchPlan, log: (line: string) => void): Promise<FailureBenchmark> {
  const samples: FailureSample[] = [];
  for (const scenario of ['rollback', 'no-rollback'] as const) {
    const results = await scenarioRuns(scenario, plan.failureRuns);
    samples.push(...results);
    const ok = results.filter((s) => s.problem === undefined);
    log(
      `  ${scenario}: ${ok.length}/${results.length} measured; ` +
        (scenario === 'rollback'
          ? `first stop → rollback start median ${round(median(ok.map((s) => s.totalMs)))} ms (breaker ${round(median(ok.map((s) => s.breakerMs)))} ms + action ${round(median(ok.map((s) => s.actionMs)))} ms)`
          : `FAILED → step failure median ${round(median(ok.map((s) => s.totalMs)))} ms`),
    );
    for (const s of results) if (s.problem !== undefined) log(`    run ${s.run}: ${s.problem}`);
  }
  return { samples };
}

function summariseReads(samples: readonly FailureSample[]): string {
  const counts = new Map<string, number>();
  for (const s of samples) for (const op of s.readsBetweenPolls) counts.set(op, (counts.get(op) ?? 0) + 1);
  const n = Math.max(1, samples.length);
  return [...counts].map(([op, c]) => `${op} ${round(c / n, 1)}`).join(', ') || 'none';
}

export function failureFigures(b: FailureBenchmark): Figure[] {
  const pick = (scenario: FailureSample['scenario']): FailureSample[] => b.samples.filter((s) => s.scenario === scenario && s.problem === undefined);
  const bad = (scenario: FailureSample['scenario']): number => b.samples.filter((s) => s.scenario === scenario && s.problem !== undefined).length;
  const note = (scenario: FailureSample['scenario'], n: number): string => `${n} runs${bad(scenario) > 0 ? `, ${bad(scenario)} with problems (excluded, see raw)` : ''}`;
  const secs = (xs: number[]): number[] => xs.map((x) => x / 1000);
  const rb = pick('rollback');
  const nr = pick('no-rollback');
  return [
    { benchmark: 'failure', name: 'crash: first stopped task → rollback start, median', value: median(secs(rb.map((s) => s.totalMs))), unit: 's', target: 3, note: note('rollback', rb.length) },
    { benchmark: 'failure', name: 'crash: first stopped task → rollback start, max', value: max(secs(rb.map((s) => s.totalMs))), unit: 's', target: 3, note: `taskStartMs ${TASK_START_MS}–${TASK_START_MS + TASK_START_SPREAD_MS}` },
    { benchmark: 'failure', name: '  of which first stop → breaker FAILED (ECS), median', value: median(secs(rb.map((s) => s.breakerMs))), unit: 's', note: 'the emulated ECS, not the action' },
    { benchmark: 'failure', name: '  of which FAILED → rollback start (action), median', value: median(secs(rb.map((s) => s.actionMs))), unit: 's', target: 1, note: `max ${round(max(secs(rb.map((s) => s.actionMs))), 2)} s` },
    { benchmark: 'failure', name: 'breaker FAILED → step failure (no rollback), median', value: median(secs(nr.map((s) => s.totalMs))), unit: 's', target: 1, note: note('no-rollback', nr.length) },
    { benchmark: 'failure', name: 'breaker FAILED → step failure (no rollback), max', value: max(secs(nr.map((s) => s.totalMs))), unit: 's', target: 3 },
    {
      benchmark: 'failure',
      name: 'DescribeServices gap around FAILED, median',
      value: median(secs([...rb, ...nr].map((s) => (s.pollAfterFailedAt ?? Number.NaN) - (s.pollBeforeFailedAt ?? Number.NaN)))),
      unit: 's',
      note: `other reads in the gap: ${summariseReads([...rb, ...nr])} (evidence, no target)`,
    },
    ...(['rollback', 'no-rollback'] as const).map((scenario) => {
      const runs = scenario === 'rollback' ? rb : nr;
      return {
        benchmark: 'api-cost',
        name: `crash, ${scenario === 'rollback' ? 'rolled back' : 'no rollback'}: reads in any 60 s, first change → exit (max)`,
        value: max(runs.map((s) => s.maxReadsIn60s)),
        unit: '/min',
        target: 30,
        note: `each run: ${runs.map((s) => s.maxReadsIn60s).join('/')}`,
      };
    }),
  ];
}
