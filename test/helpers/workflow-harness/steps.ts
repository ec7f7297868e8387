/**
 * The steps of one job (one matrix cell) in order, as the runner runs them: `if:` with the job's status so far,
 * step `env`, `with:` evaluated, ours run as bundle processes, outputs read back into `steps.<id>.outputs`,
 * GITHUB_ENV lines carried to the following steps, `continue-on-error`.
 */
import { classifyUses, bundleCall } from './actions.js';
import type { BundleRun, BundleRunner } from './bundle-runner.js';
import { parseEchoScript, keyValues } from './echo.js';
import { condition, interpolate, type ExpressionContext, type Value } from './expressions.js';
import type { StepSpec } from './workflow.js';

export type StepResult = 'success' | 'failure' | 'cancelled' | 'skipped';

export interface StepRun {
  id: string;
  name: string;
  /** ours: a bundle process; echo: an echo-only run script; skipped-*: not run by the harness (assumed to succeed). */
  kind: 'ours' | 'echo' | 'skipped-third-party' | 'skipped-run' | 'not-run';
  outcome: StepResult;
  conclusion: StepResult;
  outputs: Record<string, string>;
  /** For steps of ours: the bundle and the INPUT_* values it got, and its run. */
  bundle?: string;
  inputs?: Record<string, string>;
  run?: BundleRun;
}

export interface CellSetting {
  /** Contexts of the job (github, env, vars, secrets, inputs, matrix, needs, strategy, job, runner). */
  contexts: Record<string, Value>;
  /** The job's environment (workflow `env` + job `env`, evaluated) and the harness's process environment. */
  env: Record<string, string>;
  processEnv: Record<string, string>;
  workspace: string;
  runBundle: BundleRunner;
  log: (line: string) => void;
  signal: AbortSignal;
}

function stepName(step: StepSpec, index: number): string {
  if (step.name !== undefined) return step.name;
  if (step.uses !== undefined) return step.uses;
  return `Run ${(step.run ?? '').trim().split('\n')[0] ?? ''}`.slice(0, 80) || `step ${index + 1}`;
}

function textMap(values: Record<string, unknown> | undefined, ctx: ExpressionContext): Record<string, string> {
  return Object.fromEntries(Object.entries(values ?? {}).map(([k, v]) => [k, interpolate(v, ctx)]));
}

type Ran = Pick<StepRun, 'kind' | 'outputs' | 'bundle' | 'inputs' | 'run'> & { ok: boolean; env: Record<string, string> };

async function runUses(step: StepSpec, name: string, ctx: ExpressionContext, env: Record<string, string>, cell: CellSetting): Promise<Ran> {
  const ref = classifyUses(step.uses as string);
  const given = textMap(step.with, ctx);
  if (ref.kind === 'third-party') {
    // configure-aws-credentials exports the region it was given; the credentials come from the harness environment.
    const region = ref.ref.startsWith('aws-actions/configure-aws-credentials@') ? given['aws-region'] : undefined;
    cell.log(`${name}: skipped (third-party action ${ref.ref}, not run by the harness${region ? `; AWS_REGION=${region} exported as it would` : ''})`);
    return { kind: 'skipped-third-party', outputs: {}, ok: true, env: region ? { AWS_REGION: region, AWS_DEFAULT_REGION: region } : {} };
  }
  if (ref.kind === 'workflow') throw new Error(`${name}: a reusable workflow is called by a job, not a step`);
  const call = bundleCall(ref, given);
  for (const input of call.unexpected) cell.log(`${name}: warning: unexpected input '${input}' (not in ${call.declaredBy})`);
  const run = await cell.runBundle({ bundle: call.bundle, inputs: call.inputs, env, workspace: cell.workspace, signal: cell.signal });
  cell.log(`${name}: dist/${call.bundle} exited ${String(run.exitCode)}`);
  return { kind: 'ours', outputs: run.outputs, bundle: call.bundle, inputs: call.inputs, run, ok: run.exitCode === 0, env: run.env };
}

function runScript(step: StepSpec, name: string, ctx: ExpressionContext, cell: CellSetting): Ran {
  const lines = parseEchoScript(interpolate(step.run, ctx));
  if (lines === undefined) {
    cell.log(`${name}: skipped (a run: script other than echo is not run by the harness)`);
    return { kind: 'skipped-run', outputs: {}, ok: true, env: {} };
  }
  for (const l of lines) if (l.target === 'stdout') cell.log(`${name}: ${l.text}`);
  return { kind: 'echo', outputs: keyValues(lines, 'GITHUB_OUTPUT'), ok: true, env: keyValues(lines, 'GITHUB_ENV') };
}

/** Runs the steps; returns them and whether the job failed (a step concluded failure). */
export async function runSteps(steps: StepSpec[], cell: CellSetting): Promise<{ steps: StepRun[]; failed: boolean; stepsContext: Record<string, Value> }> {
  const runs: StepRun[] = [];
  const stepsContext: Record<string, Value> = {};
  const githubEnv: Record<string, string> = {};
  let failed = false;
  for (const [index, step] of steps.entries()) {
    const id = step.id ?? `__step${index}`;
    const name = stepName(step, index);
    const envNow = { ...cell.env, ...githubEnv };
    const status = { success: !failed, failure: failed, cancelled: cell.signal.aborted };
    const base: ExpressionContext = { contexts: { ...cell.contexts, steps: stepsContext, env: envNow }, status };
    const stepEnv = { ...envNow, ...textMap(step.env, base) };
    const ctx: ExpressionContext = { ...base, contexts: { ...base.contexts, env: stepEnv } };
    let record: StepRun;
    if (!condition(step.if, ctx)) {
      cell.log(`${name}: skipped (if: ${String(step.if ?? 'success()')} is false)`);
      record = { id, name, kind: 'not-run', outcome: 'skipped', conclusion: 'skipped', outputs: {} };
    } else {
      const processEnv = { ...cell.processEnv, ...stepEnv };
      const ran = step.uses !== undefined ? await runUses(step, name, ctx, processEnv, cell) : runScript(step, name, ctx, cell);
      Object.assign(githubEnv, ran.env);
      const outcome: StepResult = ran.ok ? 'success' : cell.signal.aborted ? 'cancelled' : 'failure';
      const continueOnError = step['continue-on-error'] === true || interpolate(step['continue-on-error'] ?? false, ctx) === 'true';
      const conclusion: StepResult = outcome === 'failure' && continueOnError ? 'success' : outcome;
      if (conclusion !== 'success') failed = true;
      const { ok: _ok, env: _env, ...rest } = ran;
      record = { id, name, ...rest, outcome, conclusion };
    }
    runs.push(record);
    stepsContext[id] = { outputs: record.outputs, outcome: record.outcome, conclusion: record.conclusion };
  }
  return { steps: runs, failed, stepsContext };
}
