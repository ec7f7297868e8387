/**
 * Benchmark 5, scale, against one emulator with throttling on (ECS-like token buckets).
 *
 * - Rolling: `services` services are created directly (2 tasks each), then updated at once by as many concurrent
 *   ecs-rolling processes. Each outcome is compared with the emulator's final state: a success must leave the
 *   service steady on the deployed revision with its deployment COMPLETED; a failure must not. Throttling errors
 *   come from the call log; a throttled call counts as retried when the same operation with the same parameters
 *   later succeeded.
 * - Run task: one ecs-run-task process starts `count` tasks (exit-0) and waits for them to stop. DescribeTasks
 *   calls are grouped into polls (calls less than 500 ms apart belong to one poll); peak RSS at exit from the
 *   memory preload.
 */
import { describeEnd, runTimed, type TimedRun } from './lib/action-run.js';
import type { BenchPlan } from './lib/args.js';
import { isThrottle, startBenchEmulator, waitForState, type CallRecord, type ServiceDump } from './lib/emulator.js';
import { CLUSTER, createServiceDirectly, ensureCluster, IMAGE_REPO, rollingInputs, serviceWorkspace, taskDefinitionYaml } from './lib/fixtures.js';
import { describeMemory, kibToMiB, preloadEnv, readPreload } from './lib/preload-client.js';
import type { Figure } from './lib/report.js';
import { burstSizes, max, median, round } from './lib/stats.js';
import { makeWorkspace } from '../test/helpers/run-action.js';

const SCALE_TASK_START_MS = 10_000;
const RUN_TASK_START_MS = 5_000;

export interface ScaleRun {
  service: string;
  exitCode: number | null;
  durationMs: number;
  /** Steady state → exit (NaN when the deployment did not reach steady state). */
  latencyMs: number;
  peakRssMiB: number;
  verdict: 'true success' | 'true failure' | 'FALSE SUCCESS' | 'FALSE FAILURE';
  problem?: string;
}

export interface ThrottleStats {
  calls: number;
  throttled: number;
  retried: number;
  byOperation: Record<string, { calls: number; throttled: number }>;
  /** Throttled calls with no later success of the same call (first 20): operation and parameters. */
  notRetried: { operation: string; time: number; parameters: string }[];
  /** Throttled calls before their service's UpdateService went through (the start-up burst: registering, the
   * snapshot, the update itself) and after it (the waits and what follows them, which pacing decides). */
  byPhase: { beforeUpdate: number; afterUpdate: number };
}

export interface RollingScale {
  services: number;
  wallMs: number;
  runs: ScaleRun[];
  throttling: ThrottleStats;
}

export interface RunTaskScale {
  count: number;
  exitCode: number | null;
  tasksReported: number;
  allExitedZero: boolean;
  wallMs: number;
  describeTasksCalls: number;
  polls: number;
  describeTasksPerPollMax: number;
  throttledDescribeTasks: number;
  callsByOperation: Record<string, number>;
  peakRssMiB: number;
  /** process.memoryUsage() at exit. */
  memoryAtExit: string;
  problem?: string;
}

export interface ScaleBenchmark {
  rolling: RollingScale;
  runTask: RunTaskScale;
}

const key = (c: CallRecord): string => `${c.service}.${c.operation} ${JSON.stringify(c.parameters)}`;

export function throttleStats(calls: readonly CallRecord[]): ThrottleStats {
  const stats: ThrottleStats = { calls: calls.length, throttled: 0, retried: 0, byOperation: {}, notRetried: [], byPhase: { beforeUpdate: 0, afterUpdate: 0 } };
  const lastOk = new Map<string, number>();
  const updated = new Map<string, number>();
  const serviceOf = (c: CallRecord): string | undefined => /svc-\d+/.exec(JSON.stringify(c.parameters))?.[0];
  for (const c of calls) if (c.status === 200) lastOk.set(key(c), Math.max(lastOk.get(key(c)) ?? 0, c.time));
  for (const c of calls) {
    const svc = serviceOf(c);
    if (c.operation === 'UpdateService' && c.status === 200 && svc !== undefined && !updated.has(svc)) updated.set(svc, c.time);
  }
  for (const c of calls) {
    const op = (stats.byOperation[c.operation] ??= { calls: 0, throttled: 0 });
    op.calls++;
    if (!isThrottle(c)) continue;
    op.throttled++;
    stats.throttled++;
    const svc = serviceOf(c);
    const at = svc === undefined ? undefined : updated.get(svc);
    if (at !== undefined && c.time > at) stats.byPhase.afterUpdate++;
    else stats.byPhase.beforeUpdate++;
    if ((lastOk.get(key(c)) ?? -1) >= c.time) stats.retried++;
    else if (stats.notRetried.length < 20) stats.notRetried.push({ operation: c.operation, time: c.time, parameters: JSON.stringify(c.parameters).slice(0, 200) });
  }
  return stats;
}

function judgeOutcome(timed: TimedRun, svc: ServiceDump | undefined): ScaleRun['verdict'] {
  const deployed = timed.run.outputs['taskDefinitionArn'];
  const primary = svc?.deployments[0];
  const onNew =
    svc !== undefined && svc.steady && svc.deployments.length === 1 && primary?.rolloutState === 'COMPLETED' && primary.taskDefinition === deployed;
  if (timed.run.exitCode === 0) return onNew ? 'true success' : 'FALSE SUCCESS';
  return onNew && timed.run.outputs['rolledBack'] !== 'true' ? 'FALSE FAILURE' : 'true failure';
}

async function rollingScale(services: number, log: (line: string) => void): Promise<RollingScale> {
  const emu = await startBenchEmulator({ taskStartMs: SCALE_TASK_START_MS, speed: 1, throttle: true });
  try {
    const names = Array.from({ length: services }, (_, i) => `svc-${String(i + 1).padStart(2, '0')}`);
    for (const n of names) await createServiceDirectly(emu, n, 2, `${IMAGE_REPO}:1.0`);
    await waitForState(emu, (ecs) => names.every((n) => ecs.services.some((s) => s.name === n && s.steady)), 120_000, 'every service to be steady');
    const ws = serviceWorkspace(names, 2);
    log(`  ${services} services steady; starting ${services} ecs-rolling processes at once`);
    const started = Date.now();
    const timedRuns = await Promise.all(
      names.map(async (n) => {
        const files = ws.files.get(n);
        if (!files) throw new Error(`no manifests for ${n}`);
        const mem = preloadEnv();
        const timed = await runTimed('ecs-rolling', {
          inputs: rollingInputs(files, `${IMAGE_REPO}:2.0`),
          env: { ...emu.env, ...mem.env },
          workspace: ws.dir,
          timeoutMs: 900_000,
        });
        return { n, timed, rss: readPreload(mem.file).exit?.maxRssKiB };
      }),
    );
    const wallMs = Date.now() - started;
    const calls = await emu.calls(started);
    const state = (await emu.ecsState()).ecs;
    const runs: ScaleRun[] = [];
    for (const { n, timed, rss } of timedRuns) {
      const svc = state.services.find((s) => s.name === n);
      const steady = svc?.steadyStates.find((s) => s.taskDefinition === timed.run.outputs['taskDefinitionArn']);
      const run: ScaleRun = {
        service: n,
        exitCode: timed.run.exitCode,
        durationMs: timed.exitAt - timed.spawnAt,
        latencyMs: steady ? timed.exitAt - (await emu.toWall(steady.at)) : Number.NaN,
        peakRssMiB: rss === undefined ? Number.NaN : kibToMiB(rss),
        verdict: judgeOutcome(timed, svc),
      };
      if (timed.run.exitCode !== 0 || run.verdict !== 'true success') run.problem = describeEnd(timed);
      runs.push(run);
    }
    return { services, wallMs, runs, throttling: throttleStats(calls) };
  } finally {
    await emu.stop();
  }
}

async function runTaskScale(count: number): Promise<RunTaskScale> {
  const emu = await startBenchEmulator({ taskStartMs: RUN_TASK_START_MS, speed: 1, throttle: true });
  try {
    await ensureCluster(emu);
    const workspace = makeWorkspace({
      'job-task.yaml': taskDefinitionYaml('job'),
      'job-request.yaml': 'launchType: FARGATE\nnetworkConfiguration:\n  awsvpcConfiguration:\n    subnets: [subnet-0a1b2c3d]\n',
    });
    const mem = preloadEnv();
    const timed = await runTimed('ecs-run-task', {
      inputs: { cluster: CLUSTER, 'task-definition': 'job-task.yaml', 'run-task-request': 'job-request.yaml', image: `${IMAGE_REPO}:exit-0`, count },
      env: { ...emu.env, ...mem.env },
      workspace,
      timeoutMs: 600_000,
    });
    const calls = await emu.calls(timed.spawnAt);
    const describe = calls.filter((c) => c.operation === 'DescribeTasks');
    const polls = burstSizes(describe.map((c) => c.time), 500);
    const callsByOperation: Record<string, number> = {};
    for (const c of calls) callsByOperation[c.operation] = (callsByOperation[c.operation] ?? 0) + 1;
    const taskArns = JSON.parse(timed.run.outputs['taskArns'] ?? '[]') as string[];
    const exitCodes = JSON.parse(timed.run.outputs['exitCodes'] ?? '{}') as Record<string, Record<string, number>>;
    const codes = Object.values(exitCodes).flatMap((byContainer) => Object.values(byContainer));
    const result: RunTaskScale = {
      count,
      exitCode: timed.run.exitCode,
      tasksReported: taskArns.length,
      allExitedZero: Object.keys(exitCodes).length === count && codes.every((c) => c === 0),
      wallMs: timed.exitAt - timed.spawnAt,
      describeTasksCalls: describe.length,
      polls: polls.length,
      describeTasksPerPollMax: max(polls),
      throttledDescribeTasks: describe.filter(isThrottle).length,
      callsByOperation,
      peakRssMiB: kibToMiB(readPreload(mem.file).exit?.maxRssKiB ?? Number.NaN),
      memoryAtExit: describeMemory(readPreload(mem.file).exit),
    };
    if (timed.run.exitCode !== 0 || taskArns.length !== count || !result.allExitedZero) result.problem = describeEnd(timed);
    return result;
  } finally {
    await emu.stop();
  }
}

export async function runScale(plan: BenchPlan, log: (line: string) => void): Promise<ScaleBenchmark> {
  const rolling = await rollingScale(plan.scaleServices, log);
  const counts = new Map<string, number>();
  for (const r of rolling.runs) counts.set(r.verdict, (counts.get(r.verdict) ?? 0) + 1);
  log(
    `  rolling: ${[...counts].map(([v, n]) => `${n} ${v}`).join(', ')} in ${round(rolling.wallMs / 1000, 1)} s; ` +
      `${rolling.throttling.throttled} throttled calls (${rolling.throttling.retried} retried) of ${rolling.throttling.calls}`,
  );
  for (const r of rolling.runs) if (r.problem !== undefined) log(`    ${r.service} (${r.verdict}): ${r.problem}`);
  for (const c of rolling.throttling.notRetried) log(`    throttled, never succeeded later: ${c.operation} ${c.parameters.slice(0, 120)}`);
  const runTask = await runTaskScale(plan.runTaskCount);
  log(
    `  run-task count ${runTask.count}: exit ${runTask.exitCode}, ${runTask.describeTasksCalls} DescribeTasks in ${runTask.polls} polls, ` +
      `peak RSS ${round(runTask.peakRssMiB, 1)} MiB; at exit ${runTask.memoryAtExit}${runTask.problem !== undefined ? `; ${runTask.problem}` : ''}`,
  );
  return { rolling, runTask };
}

export function scaleFigures(b: ScaleBenchmark): Figure[] {
  const { rolling, runTask } = b;
  const n = rolling.runs.length;
  const succeeded = rolling.runs.filter((r) => r.exitCode === 0).length;
  const falseResults = rolling.runs.filter((r) => r.verdict === 'FALSE SUCCESS' || r.verdict === 'FALSE FAILURE').length;
  const lat = rolling.runs.map((r) => r.latencyMs / 1000).filter((x) => Number.isFinite(x));
  const t = rolling.throttling;
  return [
    { benchmark: 'scale', name: `${n} concurrent ecs-rolling: steps failed`, value: n - succeeded, unit: '', target: 0, note: `${succeeded}/${n} succeeded in ${round(rolling.wallMs / 1000, 1)} s wall` },
    { benchmark: 'scale', name: `${n} concurrent ecs-rolling: false results`, value: falseResults, unit: '', target: 0, note: 'outcome vs the emulator final state' },
    { benchmark: 'scale', name: `${n} concurrent ecs-rolling: ThrottlingExceptions seen`, value: t.throttled, unit: '', note: `of ${t.calls} calls; ${t.byPhase.beforeUpdate} before the service's UpdateService went through, ${t.byPhase.afterUpdate} after; ${Object.entries(t.byOperation).filter(([, v]) => v.throttled > 0).map(([op, v]) => `${op} ${v.throttled}`).join(', ') || 'none'}` },
    {
      benchmark: 'scale',
      name: `${n} concurrent ecs-rolling: throttled calls not retried`,
      value: t.throttled - t.retried,
      unit: '',
      target: 0,
      note: `${t.retried} retried (same call later succeeded)${t.notRetried.length > 0 ? `; never succeeded: ${[...new Set(t.notRetried.map((c) => c.operation))].join(', ')}` : ''}`,
    },
    { benchmark: 'scale', name: `${n} concurrent ecs-rolling: steady state → exit, median`, value: median(lat), unit: 's', note: `max ${round(max(lat), 2)} s (informative: 2 cores, ${n} processes)` },
    { benchmark: 'scale', name: `${n} concurrent ecs-rolling: peak RSS per process, max`, value: max(rolling.runs.map((r) => r.peakRssMiB)), unit: 'MiB', note: `median ${round(median(rolling.runs.map((r) => r.peakRssMiB)), 1)} MiB` },
    { benchmark: 'scale', name: `run-task count ${runTask.count}: step failed`, value: runTask.exitCode === 0 && runTask.problem === undefined ? 0 : 1, unit: '', target: 0, note: `${runTask.tasksReported} task ARNs, all exit 0: ${runTask.allExitedZero}` },
    { benchmark: 'scale', name: `run-task count ${runTask.count}: DescribeTasks calls per poll, max`, value: runTask.describeTasksPerPollMax, unit: '', target: 1, note: `${runTask.describeTasksCalls} calls in ${runTask.polls} polls, ${runTask.throttledDescribeTasks} throttled` },
    { benchmark: 'scale', name: `run-task count ${runTask.count}: peak RSS`, value: runTask.peakRssMiB, unit: 'MiB', target: 100, note: `wall ${round(runTask.wallMs / 1000, 1)} s; calls ${Object.entries(runTask.callsByOperation).map(([op, c]) => `${op} ${c}`).join(', ')}` },
  ];
}
