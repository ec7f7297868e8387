/** Command-line flags of bench/run.ts. */

export const BENCHMARKS = ['cold-start', 'latency', 'failure', 'scale'] as const;
export type BenchmarkId = (typeof BENCHMARKS)[number];

/** Other names accepted by --only. */
const ALIASES: Readonly<Record<string, BenchmarkId>> = { 'api-cost': 'latency', coldstart: 'cold-start' };

export interface BenchArgs {
  only: BenchmarkId[];
  quick: boolean;
  /** Where results go; undefined: bench/results.json for a full run, bench/results.partial.json otherwise. */
  out: string | undefined;
  /** The official aws-actions ECS deploy action's dist/index.js: adds a reference row to cold start (none when unset). */
  reference: string | undefined;
  /** Latency scenarios to run instead of the plan's: rollout durations in seconds, and `lb` for the load balancer one. */
  durations: { seconds: number[]; lb: boolean } | undefined;
  help: boolean;
}

export const USAGE = `Usage: npm run bench -- [--only ${BENCHMARKS.join(',')}] [--quick] [--out <file>] [--reference <index.js>]
  --only   run a subset (comma separated). "api-cost" is measured by "latency"; "coldstart" is "cold-start".
  --reference  path of the official aws-actions/amazon-ecs-deploy-task-definition bundle (its dist/index.js):
           cold start measures it as a reference row, and the entry points' targets become its figures.
  --quick  fewer runs and shorter durations, for development (figures are not the issue's figures).
  --durations  latency scenarios only: rollout durations in seconds and/or "lb" (behind a load balancer), e.g. 5,lb.
  --out    results file (default bench/results.json for a full run, bench/results.partial.json otherwise).`;

export function parseArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { only: [...BENCHMARKS], quick: false, out: undefined, reference: undefined, durations: undefined, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    if (flag === '--quick') args.quick = true;
    else if (flag === '--help' || flag === '-h') args.help = true;
    else if (flag === '--out') args.out = value();
    else if (flag === '--reference') args.reference = value();
    else if (flag === '--durations') args.durations = parseDurations(value());
    else if (flag === '--only') {
      const names = value().split(',').map((s) => s.trim()).filter((s) => s !== '').map((s) => ALIASES[s] ?? s);
      const unknown = names.filter((n) => !(BENCHMARKS as readonly string[]).includes(n));
      if (unknown.length > 0) throw new Error(`unknown benchmark(s) ${unknown.join(', ')}\n${USAGE}`);
      args.only = BENCHMARKS.filter((b) => names.includes(b));
    } else throw new Error(`unknown flag ${arg}\n${USAGE}`);
  }
  return args;
}

/** Sizes of each benchmark, full (the figures) or quick. */
export interface BenchPlan {
  latencyDurationsS: number[];
  latencyRuns: number;
  /** Runs of the rollout behind a load balancer with a 30 s deregistration delay (issue 17). */
  latencyLbRuns: number;
  failureRuns: number;
  coldStartRuns: number;
  scaleServices: number;
  runTaskCount: number;
}

function parseDurations(list: string): { seconds: number[]; lb: boolean } {
  const items = list.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const seconds = items.filter((s) => s !== 'lb').map(Number);
  if (seconds.some((n) => !Number.isFinite(n) || n <= 0)) throw new Error(`--durations takes seconds and "lb", got ${list}\n${USAGE}`);
  return { seconds, lb: items.includes('lb') };
}

/** The plan, with the latency scenarios `--durations` chose. */
export function planOf(args: BenchArgs): BenchPlan {
  const plan = planFor(args.quick);
  if (args.durations === undefined) return plan;
  return { ...plan, latencyDurationsS: args.durations.seconds, latencyLbRuns: args.durations.lb ? plan.latencyLbRuns || plan.latencyRuns : 0 };
}

export function planFor(quick: boolean): BenchPlan {
  return quick
    ? { latencyDurationsS: [5, 15], latencyRuns: 3, latencyLbRuns: 2, failureRuns: 2, coldStartRuns: 3, scaleServices: 10, runTaskCount: 20 }
    : { latencyDurationsS: [5, 20, 60, 120], latencyRuns: 5, latencyLbRuns: 5, failureRuns: 5, coldStartRuns: 10, scaleServices: 50, runTaskCount: 100 };
}
