/**
 * A workflow file as the harness reads it (the `yaml` package), and the order its jobs run in (`needs`).
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../run-action.js';

export interface StepSpec {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  if?: unknown;
  'continue-on-error'?: unknown;
}

export interface JobSpec {
  name?: string;
  needs?: string | string[];
  if?: unknown;
  strategy?: unknown;
  env?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  steps?: StepSpec[];
  /** A reusable workflow call (`./.github/workflows/x.yml`). */
  uses?: string;
  with?: Record<string, unknown>;
  secrets?: 'inherit' | Record<string, unknown>;
}

export interface InputSpec {
  type?: 'string' | 'boolean' | 'number' | 'choice' | 'environment';
  required?: boolean;
  default?: unknown;
  options?: unknown[];
}

export interface WorkflowSpec {
  name?: string;
  on: Record<string, unknown>;
  env?: Record<string, unknown>;
  jobs: Record<string, JobSpec>;
}

/** Reads a workflow (a path inside the repository, or absolute). `on: push` and `on: [push]` become mappings. */
export function loadWorkflow(path: string): { path: string; spec: WorkflowSpec } {
  const full = isAbsolute(path) ? path : join(repoRoot, path);
  const spec = parse(readFileSync(full, 'utf8')) as WorkflowSpec & { on: unknown };
  const on = spec.on;
  const triggers = typeof on === 'string' ? { [on]: null } : Array.isArray(on) ? Object.fromEntries(on.map((e: string) => [e, null])) : on;
  if (spec.jobs === undefined || typeof spec.jobs !== 'object') throw new Error(`${path}: no jobs`);
  return { path: full, spec: { ...spec, on: (triggers ?? {}) as Record<string, unknown> } };
}

export function needsOf(job: JobSpec): string[] {
  return job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs];
}

/** The jobs in an order where each comes after everything it needs (file order among equals). */
export function jobOrder(jobs: Record<string, JobSpec>): string[] {
  const order: string[] = [];
  const visiting = new Set<string>();
  const visit = (id: string, from: string): void => {
    if (order.includes(id)) return;
    if (!(id in jobs)) throw new Error(`job '${from}' needs '${id}', which does not exist`);
    if (visiting.has(id)) throw new Error(`jobs form a cycle through '${id}'`);
    visiting.add(id);
    for (const need of needsOf(jobs[id] as JobSpec)) visit(need, id);
    order.push(id);
  };
  for (const id of Object.keys(jobs)) visit(id, id);
  return order;
}

/** Every job `id` needs, directly or through others (the jobs `success()` and `failure()` look at). */
export function ancestorsOf(jobs: Record<string, JobSpec>, id: string): string[] {
  const seen = new Set<string>();
  const walk = (j: string): void => {
    for (const n of needsOf(jobs[j] as JobSpec)) {
      if (seen.has(n)) continue;
      seen.add(n);
      walk(n);
    }
  };
  walk(id);
  return [...seen];
}

/** The inputs a trigger declares (`on.workflow_dispatch.inputs`, `on.workflow_call.inputs`). */
export function declaredInputs(spec: WorkflowSpec, trigger: string): Record<string, InputSpec> {
  const t = spec.on[trigger] as { inputs?: Record<string, InputSpec> } | null | undefined;
  return t?.inputs ?? {};
}
