/**
 * Benchmarks 1 and 2. For each rollout duration D (seconds of real time), `runs` services, each in its own
 * emulator (speed 1, taskStartMs = D / 1.3: a Fargate task is RUNNING after taskStartMs and the replaced task
 * takes 0.3 × taskStartMs to stop, so the update reaches steady state 1.3 × taskStartMs after UpdateService),
 * are created directly with 2 tasks, then updated concurrently by ecs-rolling processes.
 *
 * Run i of n lasts D + 2 s × (i − 1) / n, so the runs meet the action's 2 s poll cadence at evenly spread phases.
 *
 * 1. Notice latency = the action process's exit − the emulator's steady-state moment of the deployed revision
 *    (`steadyStates` in /_emulator/state, simulated ms converted to this process's wall clock).
 * 2. API cost = read calls (Describe*, List*, Get*) the emulator received from that process between its
 *    UpdateService and its exit: the most in any 60 s window, and the average per minute for waits ≥ 60 s.
 *
 * Issue 17 adds a rollout behind a load balancer: the service's tasks are targets of a target group (health checks
 * every 5 s, 2 to be healthy) with a 30 s deregistration delay, and the emulator waits that delay out before it stops
 * an old task (waitForDeregistrationDelay), as ECS does: new tasks run after taskStartMs (4 s + the phase spread),
 * are healthy ~10 s later, the old targets drain for 30 s, and the old tasks stop.
 */
import { describeEnd, runTimed, type TimedRun } from './lib/action-run.js';
import type { BenchPlan } from './lib/args.js';
import { isRead, startBenchEmulator, waitForState, type BenchEmulator } from './lib/emulator.js';
import { createServiceDirectly, createTargetGroup, IMAGE_REPO, rollingInputs, serviceWorkspace } from './lib/fixtures.js';
import type { Figure } from './lib/report.js';
import { max, maxInWindow, median, round } from './lib/stats.js';

/** Steady state comes 1.3 × taskStartMs after the update (see the file comment). */
export const ROLLOUT_FACTOR = 1.3;
const TASKS = 2;

/** The load balancer scenario (issue 17): its deregistration delay and its task start time. */
export const LB_DEREGISTRATION_DELAY_S = 30;
const LB_TASK_START_MS = 4000;
/** The figures' name of the load balancer scenario. */
export const LB_SCENARIO = `rollout behind a load balancer (${LB_DEREGISTRATION_DELAY_S} s deregistration delay)`;

export interface LatencySample {
  /** Rollouts without a load balancer: the nominal duration. The load balancer scenario: its nominal duration too. */
  durationS: number;
  /** 'lb': behind a load balancer with a 30 s deregistration delay. */
  scenario?: 'lb' | undefined;
  run: number;
  exitCode: number | null;
  /** UpdateService → steady state, as the emulator simulated it (should be ≈ durationS). */
  rolloutMs: number;
  /** Steady state → process exit. */
  latencyMs: number;
  /** Read calls between UpdateService and exit, by operation. */
  readsByOperation: Record<string, number>;
  reads: number;
  waitMs: number;
  maxReadsIn60s: number;
  readsPerMinute: number;
  /** Reads between UpdateService and the steady-state moment (the deployment in progress), per minute. */
  readsPerMinuteUntilSteady: number;
  problem?: string;
}

interface Prepared {
  emu: BenchEmulator;
  service: string;
  durationS: number;
  run: number;
  targetGroupArn?: string | undefined;
}

/**
 * The action polls on a fixed cadence from its UpdateService, and the emulator is deterministic, so every run of
 * one duration would meet the same poll phase. Run i of n is made `PHASE_SPREAD_MS × i / n` longer, spreading the
 * steady-state moment evenly over one poll period, as real rollouts (which jitter) do.
 */
const PHASE_SPREAD_MS = 2000;

async function prepare(durationS: number, run: number, runs: number): Promise<Prepared> {
  const rolloutMs = durationS * 1000 + (PHASE_SPREAD_MS * (run - 1)) / runs;
  const emu = await startBenchEmulator({ taskStartMs: Math.round(rolloutMs / ROLLOUT_FACTOR), speed: 1 });
  const service = `web-${durationS}s-${run}`;
  await createServiceDirectly(emu, service, TASKS, `${IMAGE_REPO}:1.0`);
  return { emu, service, durationS, run };
}

/** A service behind a load balancer whose target group drains for LB_DEREGISTRATION_DELAY_S, in its own emulator. */
async function prepareLb(run: number, runs: number): Promise<Prepared> {
  const taskStartMs = Math.round(LB_TASK_START_MS + (PHASE_SPREAD_MS * (run - 1)) / runs);
  const emu = await startBenchEmulator({ taskStartMs, speed: 1, waitForDeregistrationDelay: true });
  const service = `web-lb-${run}`;
  const targetGroupArn = await createTargetGroup(emu, service, LB_DEREGISTRATION_DELAY_S);
  await createServiceDirectly(emu, service, TASKS, `${IMAGE_REPO}:1.0`, targetGroupArn);
  // New tasks run, are healthy after 2 checks 5 s apart, the old targets drain, the old tasks stop (0.3 × start).
  const durationS = Math.round((ROLLOUT_FACTOR * LB_TASK_START_MS) / 1000 + 10 + LB_DEREGISTRATION_DELAY_S);
  return { emu, service, durationS, run, targetGroupArn };
}

async function measure(p: Prepared, timed: TimedRun): Promise<LatencySample> {
  const sample: LatencySample = {
    durationS: p.durationS,
    ...(p.targetGroupArn !== undefined ? { scenario: 'lb' as const } : {}),
    run: p.run,
    exitCode: timed.run.exitCode,
    rolloutMs: Number.NaN,
    latencyMs: Number.NaN,
    readsByOperation: {},
    reads: 0,
    waitMs: Number.NaN,
    maxReadsIn60s: Number.NaN,
    readsPerMinute: Number.NaN,
    readsPerMinuteUntilSteady: Number.NaN,
  };
  const deployed = timed.run.outputs['taskDefinitionArn'];
  const calls = await p.emu.calls(timed.spawnAt);
  const update = calls.find((c) => c.operation === 'UpdateService' && c.status === 200);
  const svc = await p.emu.service(p.service);
  const steady = svc?.steadyStates.find((s) => s.taskDefinition === deployed);
  if (timed.run.exitCode !== 0 || update === undefined || steady === undefined) {
    sample.problem = `${describeEnd(timed)}; UpdateService ${update ? 'seen' : 'not seen'}, steady state of ${deployed ?? '(no output)'} ${steady ? 'seen' : 'not seen'}`;
    return sample;
  }
  const steadyWall = await p.emu.toWall(steady.at);
  sample.rolloutMs = steadyWall - update.time;
  sample.latencyMs = timed.exitAt - steadyWall;
  const reads = calls.filter((c) => isRead(c.operation) && c.time >= update.time && c.time <= timed.exitAt);
  for (const c of reads) sample.readsByOperation[c.operation] = (sample.readsByOperation[c.operation] ?? 0) + 1;
  sample.reads = reads.length;
  sample.waitMs = timed.exitAt - update.time;
  sample.maxReadsIn60s = maxInWindow(reads.map((c) => c.time), 60_000);
  sample.readsPerMinute = reads.length / (sample.waitMs / 60_000);
  sample.readsPerMinuteUntilSteady = reads.filter((c) => c.time <= steadyWall).length / ((steadyWall - update.time) / 60_000);
  return sample;
}

export interface LatencyBenchmark {
  samples: LatencySample[];
}

export async function runLatency(plan: BenchPlan, log: (line: string) => void): Promise<LatencyBenchmark> {
  // Every service is created up front (emulator timers only, no load), so each duration's wait for its
  // pre-existing service to be steady overlaps with the earlier durations.
  const prepared = new Map<number, Promise<Prepared[]>>();
  for (const d of plan.latencyDurationsS) {
    const group = Promise.all(Array.from({ length: plan.latencyRuns }, (_, i) => prepare(d, i + 1, plan.latencyRuns)));
    group.catch(() => undefined); // awaited (and reported) in its turn below
    prepared.set(d, group);
  }
  const lb = plan.latencyLbRuns > 0 ? Promise.all(Array.from({ length: plan.latencyLbRuns }, (_, i) => prepareLb(i + 1, plan.latencyLbRuns))) : undefined;
  lb?.catch(() => undefined);
  const samples: LatencySample[] = [];
  for (const d of plan.latencyDurationsS) samples.push(...(await runGroup(await (prepared.get(d) as Promise<Prepared[]>), `${d} s rollouts`, log)));
  if (lb !== undefined) samples.push(...(await runGroup(await lb, LB_SCENARIO, log)));
  return { samples };
}

/** Waits for each prepared service to be steady, deploys web:2.0 to all of them at once, and measures each run. */
async function runGroup(group: Prepared[], label: string, log: (line: string) => void): Promise<LatencySample[]> {
  const d = Math.max(...group.map((p) => p.durationS));
  await Promise.all(
    group.map((p) =>
      waitForState(p.emu, (ecs) => ecs.services.some((s) => s.name === p.service && s.steady), (d * 1000 + PHASE_SPREAD_MS) / ROLLOUT_FACTOR + 60_000, `${p.service} to be steady`),
    ),
  );
  const targetGroups = new Map(group.map((p) => [p.service, p.targetGroupArn]));
  const ws = serviceWorkspace(group.map((p) => p.service), TASKS, (s) => targetGroups.get(s));
  const results = await Promise.all(
    group.map(async (p) => {
      const files = ws.files.get(p.service);
      if (!files) throw new Error(`no manifests for ${p.service}`);
      const timed = await runTimed('ecs-rolling', {
        inputs: rollingInputs(files, `${IMAGE_REPO}:2.0`),
        env: p.emu.env,
        workspace: ws.dir,
        timeoutMs: d * 1000 + 180_000,
      });
      try {
        return await measure(p, timed);
      } finally {
        await p.emu.stop();
      }
    }),
  );
  const ok = results.filter((s) => s.problem === undefined);
  log(
    `  ${label} (${ok.length}/${results.length} succeeded): latency median ${round(median(ok.map((s) => s.latencyMs)))} ms, ` +
      `max ${round(max(ok.map((s) => s.latencyMs)))} ms; simulated rollout ${round(median(ok.map((s) => s.rolloutMs)) / 1000, 1)} s; ` +
      `reads ${ok.map((s) => s.reads).join('/')} over ${round(median(ok.map((s) => s.waitMs)) / 1000, 1)} s; most in 60 s ${ok.map((s) => s.maxReadsIn60s).join('/')}`,
  );
  for (const s of results) if (s.problem !== undefined) log(`    run ${s.run}: ${s.problem}`);
  return results;
}

/** Issue 17's targets: steady state noticed within 1 s (median) and 2 s (max) at every rollout duration. */
const NOTICE_MEDIAN_TARGET_S = 1;
const NOTICE_MAX_TARGET_S = 2;

interface Group {
  label: string;
  durationS: number;
  samples: LatencySample[];
}

function groupsOf(samples: readonly LatencySample[]): Group[] {
  const groups = new Map<string, Group>();
  for (const s of samples) {
    const key = s.scenario === 'lb' ? 'lb' : `${s.durationS}`;
    const label = s.scenario === 'lb' ? LB_SCENARIO : `${s.durationS} s rollout`;
    const g = groups.get(key) ?? { label, durationS: s.durationS, samples: [] };
    g.samples.push(s);
    groups.set(key, g);
  }
  return [...groups.values()];
}

export function latencyFigures(b: LatencyBenchmark): Figure[] {
  const figures: Figure[] = [];
  const groups = groupsOf(b.samples);
  for (const g of groups) {
    const ok = g.samples.filter((s) => s.problem === undefined);
    const failed = g.samples.length - ok.length;
    const note = `${ok.length} runs${failed > 0 ? `, ${failed} FAILED to deploy (excluded)` : ''}; rollout ${round(median(ok.map((s) => s.rolloutMs)) / 1000, 1)} s`;
    const lat = ok.map((s) => s.latencyMs / 1000);
    figures.push({ benchmark: 'latency', name: `${g.label}: steady state → exit, median`, value: ok.length === 0 ? Number.NaN : median(lat), unit: 's', target: NOTICE_MEDIAN_TARGET_S, note });
    figures.push({ benchmark: 'latency', name: `${g.label}: steady state → exit, max`, value: ok.length === 0 ? Number.NaN : max(lat), unit: 's', target: NOTICE_MAX_TARGET_S, note: `${ok.length} runs` });
  }
  for (const g of groups) {
    const ok = g.samples.filter((s) => s.problem === undefined);
    const perOp = new Map<string, number>();
    for (const s of ok) for (const [op, n] of Object.entries(s.readsByOperation)) perOp.set(op, (perOp.get(op) ?? 0) + n);
    const ops = [...perOp].map(([op, n]) => `${op} ${round(n / Math.max(1, ok.length), 1)}`).join(', ');
    figures.push({
      benchmark: 'api-cost',
      name: `${g.label}: reads in any 60 s, per deployment (max)`,
      value: ok.length === 0 ? Number.NaN : max(ok.map((s) => s.maxReadsIn60s)),
      unit: '/min',
      target: 30,
      note: `each run: ${ok.map((s) => s.maxReadsIn60s).join('/')}; mean per run: ${ops || 'none'}`,
    });
    if (g.durationS >= 60 && g.samples[0]?.scenario !== 'lb') {
      figures.push({
        benchmark: 'api-cost',
        name: `${g.label}: reads per minute of waiting (median)`,
        value: ok.length === 0 ? Number.NaN : median(ok.map((s) => s.readsPerMinute)),
        unit: '/min',
        target: 30,
        note: `wait ${round(median(ok.map((s) => s.waitMs)) / 1000, 1)} s (UpdateService → exit)`,
      });
      figures.push({
        benchmark: 'api-cost',
        name: `${g.label}: reads per minute, UpdateService → steady state (median)`,
        value: ok.length === 0 ? Number.NaN : median(ok.map((s) => s.readsPerMinuteUntilSteady)),
        unit: '/min',
        target: 30,
        note: 'while the deployment is in progress only',
      });
    }
  }
  return figures;
}
