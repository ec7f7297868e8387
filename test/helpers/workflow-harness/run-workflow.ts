/**
 * Runs a workflow file the way the GitHub runner does (what it does not do: README.md beside this file): jobs in
 * `needs` order, job and step `if:` with the status functions, matrix cells as separate runs (include/exclude,
 * max-parallel, fail-fast), reusable workflows (`uses: ./…/x.yml` jobs with `with:` and `secrets:`), job outputs
 * feeding `needs`, and every step of ours as a separate process of its committed bundle.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { classifyUses } from './actions.js';
import { processBundleRunner, type BundleRunner } from './bundle-runner.js';
import { githubContext, githubEnv, resolveInputs } from './contexts.js';
import { condition, evaluateValue, interpolate, type ExpressionContext, type Value } from './expressions.js';
import { cellName, jobStrategy, type Cell } from './matrix.js';
import { runSteps, type StepRun } from './steps.js';
import { ancestorsOf, declaredInputs, jobOrder, loadWorkflow, needsOf, type JobSpec, type WorkflowSpec } from './workflow.js';
import { repoRoot } from '../run-action.js';

export type JobResult = 'success' | 'failure' | 'cancelled' | 'skipped';

export interface WorkflowOptions {
  /** The triggering event: push, workflow_dispatch, workflow_call… (it must be one of the workflow's triggers). */
  event: string;
  /** workflow_dispatch or workflow_call inputs. */
  inputs?: Record<string, Value>;
  secrets?: Record<string, string>;
  vars?: Record<string, string>;
  /** Overrides of the github context (sha, ref, repository…). */
  github?: Record<string, Value>;
  /** Environment of every step process (e.g. the emulator's endpoints and credentials). */
  env?: Record<string, string>;
  /** The checked-out repository every job sees (the manifests the steps name). */
  workspace: string;
  runBundle?: BundleRunner;
  log?: (line: string) => void;
  /** Aborted when a caller's matrix cancels this run (fail-fast). */
  signal?: AbortSignal;
}

export interface CellRun {
  name: string;
  matrix?: Cell;
  result: JobResult;
  outputs: Record<string, string>;
  steps: StepRun[];
  /** For a reusable workflow call: the called workflow's run. */
  workflow?: WorkflowRun;
}

export interface JobRun {
  id: string;
  result: JobResult;
  outputs: Record<string, string>;
  cells: CellRun[];
}

export interface WorkflowRun {
  path: string;
  result: JobResult;
  jobs: Record<string, JobRun>;
  /** `on.workflow_call.outputs`, evaluated. */
  outputs: Record<string, string>;
  log: string[];
}

interface RunState {
  spec: WorkflowSpec;
  path: string;
  options: WorkflowOptions;
  runBundle: BundleRunner;
  base: Record<string, Value>;
  env: Record<string, string>;
  jobs: Record<string, JobRun>;
  log: string[];
}

function say(state: RunState, line: string): void {
  state.log.push(line);
  state.options.log?.(line);
}

/** Runs the workflow at `path` (inside the repository, or absolute) for `options.event`. */
export async function runWorkflow(path: string, options: WorkflowOptions): Promise<WorkflowRun> {
  const { path: full, spec } = loadWorkflow(path);
  const where = relative(repoRoot, full);
  if (!(options.event in spec.on)) throw new Error(`${where} is not triggered by ${options.event} (on: ${Object.keys(spec.on).join(', ')})`);
  const inputs = resolveInputs(declaredInputs(spec, options.event), options.inputs ?? {}, where);
  const github = githubContext(options.event, inputs, options.workspace, options.github ?? {});
  const base: Record<string, Value> = { github, inputs, vars: options.vars ?? {}, secrets: { GITHUB_TOKEN: String(github['token']), ...options.secrets } };
  const env = Object.fromEntries(Object.entries(spec.env ?? {}).map(([k, v]) => [k, interpolate(v, { contexts: { ...base, env: {} } })]));
  const state: RunState = { spec, path: full, options, runBundle: options.runBundle ?? processBundleRunner(), base, env, jobs: {}, log: [] };
  for (const id of jobOrder(spec.jobs)) state.jobs[id] = await runJob(state, id);
  const jobsContext = Object.fromEntries(Object.entries(state.jobs).map(([id, j]) => [id, { result: j.result, outputs: j.outputs }]));
  const declaredOutputs = ((spec.on['workflow_call'] ?? {}) as { outputs?: Record<string, { value?: unknown }> }).outputs ?? {};
  const outputs = Object.fromEntries(
    Object.entries(declaredOutputs).map(([k, o]) => [k, interpolate(o.value ?? '', { contexts: { ...base, jobs: jobsContext } })]),
  );
  const results = Object.values(state.jobs).map((j) => j.result);
  const result: JobResult = results.includes('failure') ? 'failure' : results.includes('cancelled') ? 'cancelled' : 'success';
  say(state, `${where}: ${result}`);
  return { path: full, result, jobs: state.jobs, outputs, log: state.log };
}

async function runJob(state: RunState, id: string): Promise<JobRun> {
  const job = state.spec.jobs[id] as JobSpec;
  const ancestors = ancestorsOf(state.spec.jobs, id).map((a) => state.jobs[a]?.result);
  const needs = Object.fromEntries(needsOf(job).map((n) => [n, { result: state.jobs[n]?.result ?? 'skipped', outputs: state.jobs[n]?.outputs ?? {} }]));
  const cancelled = state.options.signal?.aborted === true;
  const status = { success: ancestors.every((r) => r === 'success'), failure: ancestors.includes('failure'), cancelled };
  const ctx: ExpressionContext = { contexts: { ...state.base, needs }, status };
  if (!condition(job.if, ctx)) {
    say(state, `${id}: skipped (if: ${String(job.if ?? 'success()')} is false)`);
    return { id, result: 'skipped', outputs: {}, cells: [] };
  }
  const strategy = jobStrategy(job.strategy, ctx);
  const cells: (Cell | undefined)[] = strategy?.cells ?? [undefined];
  const maxParallel = strategy?.maxParallel ?? 1;
  const failFast = strategy?.failFast ?? true;
  const controller = new AbortController();
  const signal = state.options.signal ? AbortSignal.any([state.options.signal, controller.signal]) : controller.signal;
  const runs: CellRun[] = new Array<CellRun>(cells.length);
  const completed: CellRun[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < cells.length) {
      const index = next++;
      const matrix = cells[index];
      const name = cellName(id, matrix);
      if (signal.aborted) {
        say(state, `${name}: cancelled before it started (fail-fast)`);
        runs[index] = { name, ...(matrix ? { matrix } : {}), result: 'cancelled', outputs: {}, steps: [] };
        continue;
      }
      const strategyContext = { 'fail-fast': failFast, 'max-parallel': maxParallel, 'job-index': index, 'job-total': cells.length };
      const contexts = { ...state.base, needs, matrix: matrix ?? {}, strategy: strategyContext };
      const run = job.uses !== undefined ? await runCall(state, job, name, contexts, signal) : await runCell(state, job, name, contexts, signal);
      runs[index] = { ...run, ...(matrix ? { matrix } : {}) };
      completed.push(runs[index]);
      if (run.result === 'failure' && failFast && cells.length > 1 && !controller.signal.aborted) {
        say(state, `${name} failed: cancelling the other cells of ${id} (fail-fast)`);
        controller.abort();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(maxParallel, cells.length) }, worker));
  const results = runs.map((r) => r.result);
  const result: JobResult = results.includes('failure') ? 'failure' : results.includes('cancelled') ? 'cancelled' : 'success';
  // Matrix cells' outputs merge by name in completion order; an empty value does not replace one already set.
  const outputs: Record<string, string> = {};
  for (const run of completed) for (const [k, v] of Object.entries(run.outputs)) if (v !== '' || !(k in outputs)) outputs[k] = v;
  if (strategy !== undefined) say(state, `${id}: ${result}`);
  return { id, result, outputs, cells: runs };
}

async function runCell(state: RunState, job: JobSpec, name: string, contexts: Record<string, Value>, signal: AbortSignal): Promise<Omit<CellRun, 'matrix'>> {
  const jobEnv = { ...state.env, ...Object.fromEntries(Object.entries(job.env ?? {}).map(([k, v]) => [k, interpolate(v, { contexts: { ...contexts, env: state.env } })])) };
  const github = state.base['github'] as Record<string, Value>;
  const processEnv = { ...githubEnv(github), ...state.options.env };
  say(state, `${name}: started`);
  const ran = await runSteps(job.steps ?? [], {
    contexts: { ...contexts, job: { status: 'success' }, runner: { os: 'Linux', arch: 'X64', name: 'harness' } },
    env: jobEnv,
    processEnv,
    workspace: state.options.workspace,
    runBundle: state.runBundle,
    log: (line) => say(state, `${name} › ${line}`),
    signal,
  });
  const result: JobResult = ran.failed ? (signal.aborted ? 'cancelled' : 'failure') : 'success';
  const outputsCtx: ExpressionContext = { contexts: { ...contexts, env: jobEnv, steps: ran.stepsContext } };
  const outputs = Object.fromEntries(Object.entries(job.outputs ?? {}).map(([k, v]) => [k, interpolate(v, outputsCtx)]));
  say(state, `${name}: ${result}`);
  return { name, result, outputs, steps: ran.steps };
}

/**
 * A local reusable workflow. `./.github/workflows/x.yml` that the repository lacks is looked up beside the calling
 * workflow: the examples are laid out as they would sit in a user's .github/workflows/.
 */
export function resolveCalledWorkflow(uses: string, callerPath: string): string {
  const ref = classifyUses(uses);
  if (ref.kind !== 'workflow') throw new Error(`job uses: ${uses}: the harness calls only local reusable workflows (./…/x.yml)`);
  const inRepo = join(repoRoot, ref.path);
  if (existsSync(inRepo)) return inRepo;
  const beside = join(dirname(callerPath), basename(ref.path));
  if (ref.path.startsWith('.github/workflows/') && existsSync(beside)) return beside;
  throw new Error(`job uses: ${uses}: no such workflow`);
}

async function runCall(state: RunState, job: JobSpec, name: string, contexts: Record<string, Value>, signal: AbortSignal): Promise<Omit<CellRun, 'matrix'>> {
  const path = resolveCalledWorkflow(job.uses as string, state.path);
  const ctx: ExpressionContext = { contexts };
  const inputs = Object.fromEntries(Object.entries(job.with ?? {}).map(([k, v]) => [k, evaluateValue(v, ctx)]));
  const given = job.secrets === 'inherit' ? (state.options.secrets ?? {}) : Object.fromEntries(Object.entries(job.secrets ?? {}).map(([k, v]) => [k, interpolate(v, ctx)]));
  say(state, `${name}: calls ${relative(repoRoot, path)}`);
  const workflow = await runWorkflow(path, {
    ...state.options,
    event: 'workflow_call',
    inputs,
    secrets: given,
    github: state.base['github'] as Record<string, Value>,
    signal,
    log: (line) => say(state, `${name} › ${line}`),
  });
  return { name, result: workflow.result, outputs: workflow.outputs, steps: [], workflow };
}
