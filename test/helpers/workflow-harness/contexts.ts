/**
 * The contexts a run starts from: `inputs` (workflow_dispatch and workflow_call inputs checked against their
 * declarations, typed, defaults filled in) and `github` (the basics, overridable by the test).
 */
import type { Value } from './expressions.js';
import type { InputSpec } from './workflow.js';

/** The inputs context of a run, or an error naming the input (as GitHub refuses the run). */
export function resolveInputs(declared: Record<string, InputSpec>, given: Record<string, Value>, where: string): Record<string, Value> {
  for (const name of Object.keys(given)) {
    if (!(name in declared)) throw new Error(`${where}: unexpected input '${name}' (declared: ${Object.keys(declared).join(', ') || 'none'})`);
  }
  const inputs: Record<string, Value> = {};
  for (const [name, spec] of Object.entries(declared)) {
    const raw = given[name] ?? (spec.default as Value | undefined);
    if (raw === undefined || raw === null) {
      if (spec.required === true) throw new Error(`${where}: required input '${name}' was not given`);
      inputs[name] = spec.type === 'boolean' ? false : spec.type === 'number' ? null : '';
      continue;
    }
    inputs[name] = typed(name, spec, raw, where);
  }
  return inputs;
}

function typed(name: string, spec: InputSpec, raw: Value, where: string): Value {
  switch (spec.type) {
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      if (raw === 'true' || raw === 'false') return raw === 'true';
      throw new Error(`${where}: input '${name}' must be a boolean, got ${JSON.stringify(raw)}`);
    case 'number': {
      const n = Number(raw);
      if (Number.isNaN(n)) throw new Error(`${where}: input '${name}' must be a number, got ${JSON.stringify(raw)}`);
      return n;
    }
    case 'choice':
      if (!(spec.options ?? []).map(String).includes(String(raw))) {
        throw new Error(`${where}: input '${name}' must be one of ${(spec.options ?? []).join(', ')}, got ${JSON.stringify(raw)}`);
      }
      return String(raw);
    default:
      return typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
  }
}

/** The github context: what the example workflows read, with values a test can override. */
export function githubContext(event: string, inputs: Record<string, Value>, workspace: string, overrides: Record<string, Value>): Record<string, Value> {
  const eventInputs = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, v === null ? '' : String(v)]));
  return {
    event_name: event,
    event: event === 'workflow_dispatch' ? { inputs: eventInputs } : {},
    sha: '0123456789abcdef0123456789abcdef01234567',
    ref: 'refs/heads/main',
    ref_name: 'main',
    repository: 'acme/shop',
    repository_owner: 'acme',
    actor: 'octocat',
    run_id: '1',
    run_number: '1',
    run_attempt: '1',
    server_url: 'https://github.com',
    workspace,
    token: 'ghs_harness_token_not_a_secret',
    ...overrides,
  };
}

/** The runner's GITHUB_* variables for a step process, from the github context. */
export function githubEnv(github: Record<string, Value>): Record<string, string> {
  const text = (v: Value | undefined): string => (v === undefined || v === null ? '' : String(v));
  return {
    GITHUB_SHA: text(github['sha']),
    GITHUB_REF: text(github['ref']),
    GITHUB_REF_NAME: text(github['ref_name']),
    GITHUB_REPOSITORY: text(github['repository']),
    GITHUB_REPOSITORY_OWNER: text(github['repository_owner']),
    GITHUB_ACTOR: text(github['actor']),
    GITHUB_RUN_ID: text(github['run_id']),
    GITHUB_RUN_NUMBER: text(github['run_number']),
    GITHUB_EVENT_NAME: text(github['event_name']),
    GITHUB_SERVER_URL: text(github['server_url']),
  };
}
