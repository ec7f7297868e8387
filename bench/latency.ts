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
 */
import { describeEnd, runTimed, type TimedRun } from './lib/action-run.js';
import type { BenchPlan } from './lib/args.js';
import { isRead, startBenchEmulator, waitForState, type BenchEmulator } from './lib/emulator.js';
import { createServiceDirectly, IMAGE_REPO, rollingInputs, serviceWorkspace } from './lib/fixtures.js';
import type { Figure } from './lib/report.js';
import { max, maxInWindow, median, round } from './lib/stats.js';

/** Steady state comes 1.3 × taskStartMs after the update (see the file comment). */
export const ROLLOUT_FACTOR = 1.3;
const TASKS = 2;

export interface LatencySample {
  durationS: number;
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

async function measure(p: Prepared, timed: TimedRun): Promise<LatencySample> {
  const sample: LatencySample = {
    durationS: p.durationS,
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
  const samples: LatencySample[] = [];
  for (const d of plan.latencyDurationsS) {
    const group = await (prepared.get(d) as Promise<Prepared[]>);
    await Promise.all(
      group.map((p) =>
        waitForState(p.emu, (ecs) => ecs.services.some((s) => s.name === p.service && s.steady), (d * 1000 + PHASE_SPREAD_MS) / ROLLOUT_FACTOR + 60_000, `${p.service} to be steady`),
      ),
    );
    const ws = serviceWorkspace(group.map((p) => p.service), TASKS);
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
    samples.push(...results);
    const ok = results.filter((s) => s.problem === undefined);
    log(
      `  ${d} s rollouts (${ok.length}/${results.length} succeeded): latency median ${round(median(ok.map((s) => s.latencyMs)))} ms, ` +
        `max ${round(max(ok.map((s) => s.latencyMs)))} ms; simulated rollout ${round(median(ok.map((s) => s.rolloutMs)) / 1000, 1)} s; ` +
        `reads ${ok.map((s) => s.reads).join('/')} over ${round(median(ok.map((s) => s.waitMs)) / 1000, 1)} s`,
    );
    for (const s of results) if (s.problem !== undefined) log(`    run ${s.run}: ${s.problem}`);
  }
  return { samples };
}

export function latencyFigures(b: LatencyBenchmark): Figure[] {
  const figures: Figure[] = [];
  const durations = [...new Set(b.samples.map((s) => s.durationS))];
  for (const d of durations) {
    const all = b.samples.filter((s) => s.durationS === d);
    const ok = all.filter((s) => s.problem === undefined);
    const failed = all.length - ok.length;
    const note = `${ok.length} runs${failed > 0 ? `, ${failed} FAILED to deploy (excluded)` : ''}; rollout ${round(median(ok.map((s) => s.rolloutMs)) / 1000, 1)} s`;
    const lat = ok.map((s) => s.latencyMs / 1000);
    figures.push({ benchmark: 'latency', name: `${d} s rollout: steady state → exit, median`, value: ok.length === 0 ? Number.NaN : median(lat), unit: 's', target: 2, note });
    figures.push({ benchmark: 'latency', name: `${d} s rollout: steady state → exit, max`, value: ok.length === 0 ? Number.NaN : max(lat), unit: 's', target: 3, note: `${ok.length} runs` });
  }
  for (const d of durations) {
    const ok = b.samples.filter((s) => s.durationS === d && s.problem === undefined);
    const perOp = new Map<string, number>();
    for (const s of ok) for (const [op, n] of Object.entries(s.readsByOperation)) perOp.set(op, (perOp.get(op) ?? 0) + n);
    const ops = [...perOp].map(([op, n]) => `${op} ${round(n / Math.max(1, ok.length), 1)}`).join(', ');
    figures.push({
      benchmark: 'api-cost',
      name: `${d} s rollout: reads in any 60 s, per deployment (max)`,
      value: ok.length === 0 ? Number.NaN : max(ok.map((s) => s.maxReadsIn60s)),
      unit: '/min',
      target: 30,
      note: `mean per run: ${ops || 'none'}`,
    });
    if (d >= 60) {
      figures.push({
        benchmark: 'api-cost',
        name: `${d} s rollout: reads per minute of waiting (median)`,
        value: ok.length === 0 ? Number.NaN : median(ok.map((s) => s.readsPerMinute)),
        unit: '/min',
        target: 30,
        note: `wait ${round(median(ok.map((s) => s.waitMs)) / 1000, 1)} s (UpdateService → exit)`,
      });
      figures.push({
        benchmark: 'api-cost',
        name: `${d} s rollout: reads per minute, UpdateService → steady state (median)`,
        value: ok.length === 0 ? Number.NaN : median(ok.map((s) => s.readsPerMinuteUntilSteady)),
        unit: '/min',
        target: 30,
        note: 'while the deployment is in progress only',
      });
    }
  }
  return figures;
}
