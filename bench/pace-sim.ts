/**
 * Simulates the pacing of a rollout wait against the latency benchmark's rollouts (issue 17), in a second instead of
 * ten minutes: the real RolloutPace (src/core/deploy/watch/rollout-pace.ts) and PollPacer (src/core/poll) on one
 * ReadLedger and a fake clock, fed the DescribeServices answers the emulator gives over a rollout (bench/README.md,
 * "Steady-state notice latency"). Prints, per scenario, the steady state → notice figures the benchmark measures
 * (plus a fixed NOTICE_OVERHEAD_MS for what the action does after noticing, as measured on the 5 s rollout) and the
 * most reads in any 60 s. Figures, never assertions; the benchmark (`npm run bench`) is what counts.
 *
 *   npm run compile && node .build/bench/pace-sim.js [runs per scenario, default 50]
 */
import type { Deployment, Service, ServiceEvent } from '@aws-sdk/client-ecs';
import type { ECSClient } from '@aws-sdk/client-ecs';
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { RolloutPace } from '../src/core/deploy/watch/rollout-pace.js';
import type { PollIo } from '../src/core/deploy/watch/service-poll.js';
import { PollPacer } from '../src/core/poll/pacer.js';
import { ReadLedger } from '../src/core/aws/read-ledger.js';
import { DEFAULT_POLL_INTERVAL_MS } from '../src/core/poll/poll.js';
import { median } from './lib/stats.js';

/** What the action does after noticing, before it exits (scaling registration, outputs, summary): measured. */
const NOTICE_OVERHEAD_MS = 170;
/** One DescribeServices round trip to the emulator. */
const ROUND_TRIP_MS = 15;

interface Scenario {
  name: string;
  /** taskStartMs of the emulator for run i of n. */
  taskStartMs(i: number, n: number): number;
  /** Behind a target group: health checks until healthy, deregistration delay. */
  lb?: { healthyAfterMs: number; delayMs: number; drainsMs?: number };
}

/** The emulator's rollout of 2 tasks (min 100 %, max 200 %): when each thing happens, ms after UpdateService. */
interface Timeline {
  running: number;
  stopStart: number;
  drainStart?: number;
  drainEnd?: number;
  end: number;
}

function timeline(s: Scenario, T: number): Timeline {
  if (s.lb === undefined) return { running: T, stopStart: T, end: T + 0.3 * T };
  const drainStart = T + s.lb.healthyAfterMs;
  const drainEnd = drainStart + Math.max(0.3 * T, s.lb.drainsMs ?? s.lb.delayMs);
  return { running: T, stopStart: drainStart, drainStart, drainEnd, end: drainEnd + 0.3 * T };
}

function serviceAt(t: number, tl: Timeline): Service {
  const done = t >= tl.end;
  const ours: Deployment = {
    id: 'ecs-svc/new',
    status: 'PRIMARY',
    createdAt: new Date(0),
    desiredCount: 2,
    runningCount: t >= tl.running ? 2 : 0,
    pendingCount: t >= tl.running ? 0 : 2,
    failedTasks: 0,
    rolloutState: done ? 'COMPLETED' : 'IN_PROGRESS',
    taskDefinition: 'arn:aws:ecs:us-east-1:1:task-definition/web:2',
  };
  const old: Deployment = {
    id: 'ecs-svc/old',
    status: 'ACTIVE',
    createdAt: new Date(-600_000),
    desiredCount: 0,
    runningCount: t >= tl.stopStart ? 0 : 2,
    pendingCount: 0,
    taskDefinition: 'arn:aws:ecs:us-east-1:1:task-definition/web:1',
  };
  const events: ServiceEvent[] = [{ id: 'e0', createdAt: new Date(0), message: '(service web) has started 2 tasks: (task a) (task b).' }];
  if (t >= tl.stopStart) events.unshift({ id: 'e1', createdAt: new Date(tl.stopStart), message: '(service web) has stopped 2 running tasks: (task c) (task d).' });
  if (tl.drainStart !== undefined && t >= tl.drainStart) {
    events.unshift({ id: 'e2', createdAt: new Date(tl.drainStart), message: '(service web) has begun draining connections on 2 tasks.' });
  }
  if (tl.drainEnd !== undefined && t >= tl.drainEnd) {
    events.unshift({ id: 'e3', createdAt: new Date(tl.drainEnd), message: '(service web) deregistered 2 targets in (target-group arn:tg)' });
  }
  return {
    serviceName: 'web',
    loadBalancers: tl.drainStart !== undefined ? [{ targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/web/1', containerName: 'web', containerPort: 80 }] : [],
    deployments: done ? [ours] : [ours, old],
    events,
  };
}

function fakeElb(s: Scenario): ElasticLoadBalancingV2Client {
  const send = async (command: object): Promise<unknown> => {
    if (command.constructor.name === 'DescribeTargetGroupsCommand') {
      const hc = s.lb?.healthyAfterMs ?? 0;
      return { TargetGroups: [{ TargetGroupArn: 'arn:tg', TargetGroupName: 'web', HealthCheckIntervalSeconds: hc / 2000, HealthyThresholdCount: 2, TargetType: 'ip' }] };
    }
    return { Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: String((s.lb?.delayMs ?? 300_000) / 1000) }] };
  };
  return { send } as unknown as ElasticLoadBalancingV2Client;
}

function fakeEcs(): ECSClient {
  const send = async (): Promise<unknown> => ({ taskDefinition: { containerDefinitions: [{ name: 'web', essential: true }] } });
  return { send } as unknown as ECSClient;
}

interface RunFigures {
  latencyMs: number;
  maxReadsIn60s: number;
}

async function simulate(s: Scenario, T: number, trace = false): Promise<RunFigures> {
  const tl = timeline(s, T);
  let now = 50; // the first DescribeServices right after UpdateService
  const clock = { now: () => now };
  const ledger = new ReadLedger(clock);
  const pacer = new PollPacer(clock, { baseIntervalMs: DEFAULT_POLL_INTERVAL_MS, ledger });
  const pace = new RolloutPace(fakeElb(s), fakeEcs());
  const reads: number[] = [];
  const io: PollIo = {
    signal: undefined,
    onCall: () => {
      reads.push(now);
      pacer.readMade();
    },
    pace: (h) => pacer.pace(h),
    startedAt: now,
    now: () => now,
  };
  for (;;) {
    now += pacer.delayMs();
    reads.push(now);
    pacer.pollStarted();
    now += ROUND_TRIP_MS;
    const service = serviceAt(now - ROUND_TRIP_MS / 2, tl);
    if (trace) console.log(`${(now / 1000).toFixed(2)} s  end in ${((tl.end - now) / 1000).toFixed(2)} s`);
    const ours = service.deployments?.[0];
    if ((service.deployments ?? []).length === 1) break;
    pacer.pace(await pace.hint(service, ours, io));
    pacer.succeeded();
  }
  const exit = now + NOTICE_OVERHEAD_MS;
  let maxReads = 0;
  for (const r of reads) maxReads = Math.max(maxReads, reads.filter((x) => x >= r && x < r + 60_000).length);
  return { latencyMs: exit - tl.end, maxReadsIn60s: maxReads };
}

const rollout = (D: number) => (i: number, n: number): number => (D + (2000 * i) / n) / 1.3;
const SCENARIOS: Scenario[] = [
  { name: '5 s rollout', taskStartMs: rollout(5000) },
  { name: '20 s rollout', taskStartMs: rollout(20_000) },
  { name: '60 s rollout', taskStartMs: rollout(60_000) },
  { name: '120 s rollout', taskStartMs: rollout(120_000) },
  { name: 'load balancer, 30 s delay', taskStartMs: (i, n) => 4000 + (2000 * i) / n, lb: { healthyAfterMs: 10_000, delayMs: 30_000 } },
  { name: 'load balancer, 300 s delay, drain ends at once', taskStartMs: (i, n) => 4000 + (2000 * i) / n, lb: { healthyAfterMs: 10_000, delayMs: 300_000, drainsMs: 0 } },
];

const runs = Number(process.argv[2] ?? 50);
for (const s of SCENARIOS) {
  const figures: RunFigures[] = [];
  for (let i = 0; i < runs; i++) figures.push(await simulate(s, s.taskStartMs(i, runs)));
  const lat = figures.map((f) => f.latencyMs / 1000);
  const reads = Math.max(...figures.map((f) => f.maxReadsIn60s));
  console.log(`${s.name.padEnd(48)} median ${median(lat).toFixed(2)} s  max ${Math.max(...lat).toFixed(2)} s  reads in any 60 s ≤ ${reads}`);
}
if (process.env['PACE_TRACE'] !== undefined) {
  const [name, i] = process.env['PACE_TRACE'].split(':');
  const s = SCENARIOS.find((x) => x.name.startsWith(name ?? ''));
  if (s !== undefined) console.log(JSON.stringify(await simulate(s, s.taskStartMs(Number(i ?? 0), runs), true)));
}
