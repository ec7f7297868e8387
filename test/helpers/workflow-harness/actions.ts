/**
 * Which `uses:` steps are ours, and which committed bundle each one runs.
 *
 * Ours: `./` (the root action), `./actions/<name>`, `<owner>/ecs-delivery-actions@ref` and
 * `<owner>/ecs-delivery-actions/actions/<name>@ref`. Everything else (actions/checkout,
 * aws-actions/configure-aws-credentials, …) is third party and skipped by the harness.
 *
 * THE ROOT ACTION SEAM (`rootActionBundle`): when the repository has its root action.yml, a step of the root action
 * runs the root entry (run-action.ts's ROOT_ACTION, dist/index.js) with every input, `command` included, as the
 * runner would. Without it (a branch from before the root action), `commandBundle` stands in: `command: X` runs
 * `dist/X` with X's own action.yml, as the root action is specified to.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot, ROOT_ACTION } from '../run-action.js';

export const REPOSITORY_NAME = 'ecs-delivery-actions';

/** The commands the root action accepts (issue 15). */
export const ROOT_COMMANDS = ['register-delegate', 'ecs-rolling', 'ecs-canary', 'ecs-bluegreen-swap', 'ecs-run-task'] as const;

export type UsesRef = { kind: 'root' } | { kind: 'action'; name: string } | { kind: 'third-party'; ref: string } | { kind: 'workflow'; path: string };

/** Classifies a step's or job's `uses:`. */
export function classifyUses(uses: string): UsesRef {
  const u = uses.trim();
  if (u === './' || u === '.') return { kind: 'root' };
  const local = /^\.\/actions\/([a-z0-9-]+)\/?$/.exec(u);
  if (local) return { kind: 'action', name: local[1] as string };
  if (u.startsWith('./') && /\.ya?ml$/.test(u)) return { kind: 'workflow', path: u.slice(2) };
  const remote = new RegExp(`^[^/@]+/${REPOSITORY_NAME}(?:/actions/([a-z0-9-]+))?@[^@]+$`).exec(u);
  if (remote) return remote[1] === undefined ? { kind: 'root' } : { kind: 'action', name: remote[1] };
  return { kind: 'third-party', ref: u };
}

export interface ActionYml {
  inputs: Record<string, { default?: unknown; required?: boolean }>;
  outputs: Record<string, unknown>;
}

export function readActionYml(relativePath: string): ActionYml {
  const full = join(repoRoot, relativePath);
  if (!existsSync(full)) throw new Error(`no ${relativePath}: the harness runs only actions of this repository`);
  const doc = parse(readFileSync(full, 'utf8')) as Partial<ActionYml>;
  return { inputs: doc.inputs ?? {}, outputs: doc.outputs ?? {} };
}

export interface BundleCall {
  /** The folder under dist/ whose index.js runs (run-action.ts's `action`). */
  bundle: string;
  /** The action.yml whose defaults and input names apply. */
  actionYml: string;
  inputs: Record<string, string>;
}

/** The seam described above: the root entry when the root action.yml exists, else `commandBundle`. */
export function rootActionBundle(inputs: Record<string, string>): BundleCall {
  if (existsSync(join(repoRoot, 'action.yml'))) return { bundle: ROOT_ACTION, actionYml: 'action.yml', inputs };
  return commandBundle(inputs);
}

/**
 * The stand-in for the root action: `command: X` → dist/X. As the root action is specified (issue 15), an input of
 * another command is an error when it has a value; an empty one counts as not given (a reusable workflow passes
 * every input through, most of them empty).
 */
export function commandBundle(inputs: Record<string, string>): BundleCall {
  const { command, ...rest } = inputs;
  if (command === undefined || command === '') throw new Error('the root action needs the `command` input');
  if (!(ROOT_COMMANDS as readonly string[]).includes(command)) {
    throw new Error(`unknown command '${command}' for the root action (expected one of ${ROOT_COMMANDS.join(', ')})`);
  }
  const actionYml = `actions/${command}/action.yml`;
  const own = readActionYml(actionYml).inputs;
  const root = rootActionInputs();
  const foreign = Object.keys(rest).filter((name) => root.has(name) && !(name in own) && rest[name] !== '');
  if (foreign.length > 0) throw new Error(`root action, command ${command}: input(s) ${foreign.join(', ')} do not belong to ${command}`);
  return { bundle: command, actionYml, inputs: Object.fromEntries(Object.entries(rest).filter(([name]) => name in own)) };
}

/** The inputs the root action declares: its action.yml once it exists, until then `command` and the union of the shipped actions'. */
export function rootActionInputs(): Set<string> {
  if (existsSync(join(repoRoot, 'action.yml'))) return new Set(Object.keys(readActionYml('action.yml').inputs));
  const shipped = ROOT_COMMANDS.filter((c) => existsSync(join(repoRoot, 'actions', c, 'action.yml')));
  return new Set(['command', ...shipped.flatMap((c) => Object.keys(readActionYml(`actions/${c}/action.yml`).inputs))]);
}

/**
 * The bundle a step of ours runs with its inputs as the runner passes them: the `with:` values, plus the default of
 * every input of action.yml the step did not give. Names `with:` gives that action.yml lacks are returned as
 * `unexpected` (the runner warns about them).
 */
export function bundleCall(
  ref: UsesRef & { kind: 'root' | 'action' },
  given: Record<string, string>,
): BundleCall & { unexpected: string[]; declaredBy: string } {
  const call = ref.kind === 'root' ? rootActionBundle(given) : { bundle: ref.name, actionYml: `actions/${ref.name}/action.yml`, inputs: given };
  const yml = readActionYml(call.actionYml);
  const inputs = { ...call.inputs };
  for (const [name, spec] of Object.entries(yml.inputs)) {
    if (!(name in inputs) && spec.default !== undefined && spec.default !== null) inputs[name] = String(spec.default);
  }
  const declared = ref.kind === 'root' ? rootActionInputs() : new Set(Object.keys(yml.inputs));
  const unexpected = Object.keys(given).filter((name) => !declared.has(name));
  return { ...call, inputs, unexpected, declaredBy: ref.kind === 'root' ? 'the root action' : call.actionYml };
}
