/**
 * S13: what a deployment would change, for `dry-run: true`. Both sides are normalised (diff-normalise.ts), then
 * flattened to `path: value` lines and compared: `- path: old` is live, `+ path: new` is desired. List items that
 * have a `name` are addressed by it (`containerDefinitions[web].environment[LOG_LEVEL].value`), so reordering
 * shows nothing.
 *
 * The service side compares only what an UpdateService would send: the updatable fields the service definition
 * sets, and desiredCount only when the manifest or the desired-count input gives one and same-as-running is off.
 * For a service that does not exist yet, everything the CreateService would send is shown as added.
 */
import type { CreateServiceCommandInput, RegisterTaskDefinitionCommandInput, Service, TaskDefinition } from '@aws-sdk/client-ecs';
import { comparedServiceFields, normaliseService, normaliseTaskDefinition, type JsonObject } from './diff-normalise.js';

export { normaliseService, normaliseTaskDefinition } from './diff-normalise.js';

export interface LiveState {
  /** The live service's task definition (DescribeTaskDefinition); undefined when there is no service. */
  taskDefinition?: TaskDefinition | undefined;
  /** The live service (DescribeServices); undefined when it does not exist (or is INACTIVE). */
  service?: Service | undefined;
}

export interface DesiredState {
  /** The task definition to register, or the described one of a given task-definition-arn. */
  taskDefinition?: RegisterTaskDefinitionCommandInput | TaskDefinition | undefined;
  /** The service definition (CreateService input). */
  service?: CreateServiceCommandInput | undefined;
  /** The desired-count input (wins over the manifest). */
  desiredCount?: number | undefined;
  sameAsRunning?: boolean | undefined;
}

export interface DeploymentDiff {
  changed: boolean;
  taskDefinitionChanged: boolean;
  serviceChanged: boolean;
  /** The readable diff, one section per resource; says "no changes" when there are none. */
  text: string;
}

/** Fields a CreateService request sets that the dry run does not list (they are the action's own). */
const CREATE_IDENTITY_FIELDS = ['cluster', 'serviceName', 'taskDefinition', 'clientToken'];

export function diffDeployment(live: LiveState, desired: DesiredState): DeploymentDiff {
  const sections: string[] = [];
  let taskDefinitionChanged = false;
  if (desired.taskDefinition !== undefined) {
    const before = live.taskDefinition === undefined ? {} : normaliseTaskDefinition(live.taskDefinition);
    const lines = diffLines(flatten(before), flatten(normaliseTaskDefinition(desired.taskDefinition)));
    taskDefinitionChanged = lines.length > 0;
    sections.push(section('task definition', live.taskDefinition?.taskDefinitionArn ?? 'none', lines));
  }
  let serviceChanged = false;
  if (live.service !== undefined || desired.service !== undefined) {
    const lines = diffService(live.service, desired);
    serviceChanged = lines.length > 0;
    const name = live.service?.serviceName ?? desired.service?.serviceName;
    const liveName = live.service?.status === 'ACTIVE' ? (live.service.serviceArn ?? 'ACTIVE') : 'none';
    sections.push(section(name === undefined ? 'service' : `service ${name}`, liveName, lines));
  }
  return {
    changed: taskDefinitionChanged || serviceChanged,
    taskDefinitionChanged,
    serviceChanged,
    text: sections.join('\n\n'),
  };
}

function diffService(live: Service | undefined, desired: DesiredState): string[] {
  const exists = live !== undefined && live.status === 'ACTIVE';
  const count = desired.sameAsRunning === true && exists ? undefined : (desired.desiredCount ?? desired.service?.desiredCount);
  if (!exists) {
    if (desired.service === undefined) return [];
    const create = normaliseService(desired.service, {
      fields: Object.keys(desired.service).filter((k) => !CREATE_IDENTITY_FIELDS.includes(k) && k !== 'desiredCount'),
    });
    if (count !== undefined) create['desiredCount'] = count;
    return diffLines(new Map(), flatten(create));
  }
  const fields = comparedServiceFields(desired.service);
  const before = normaliseService(live, { fields });
  const after = desired.service === undefined ? {} : normaliseService(desired.service, { fields });
  if (count !== undefined) {
    before['desiredCount'] = live.desiredCount ?? 0;
    after['desiredCount'] = count;
  }
  return diffLines(flatten(before), flatten(after));
}

function section(title: string, liveName: string, lines: string[]): string {
  if (lines.length === 0) return `${title}: no changes`;
  return [`--- ${title} (live: ${liveName})`, `+++ ${title} (desired)`, ...lines].join('\n');
}

/** `path → JSON text` in document order. */
export function flatten(value: JsonObject): Map<string, string> {
  const out = new Map<string, string>();
  walk(value, '', out);
  return out;
}

function walk(value: unknown, path: string, out: Map<string, string>): void {
  if (Array.isArray(value)) {
    const keyed = namedKeys(value);
    value.forEach((item, i) => {
      const key = keyed?.[i];
      walk(key === undefined ? item : withoutName(item), `${path}[${key ?? i}]`, out);
    });
    return;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 && path !== '') out.set(path, '{}');
    for (const [k, v] of entries) walk(v, path === '' ? k : `${path}.${k}`, out);
    return;
  }
  out.set(path, JSON.stringify(value));
}

/** When every item is an object with a distinct string `name`, the names (used as path segments). */
function namedKeys(list: unknown[]): string[] | undefined {
  const names = list.map((item) =>
    typeof item === 'object' && item !== null && typeof (item as { name?: unknown }).name === 'string'
      ? (item as { name: string }).name
      : undefined,
  );
  if (names.some((n) => n === undefined) || new Set(names).size !== names.length) return undefined;
  return names as string[];
}

function withoutName(item: unknown): unknown {
  const { name: _name, ...rest } = item as Record<string, unknown>;
  return rest;
}

function diffLines(before: Map<string, string>, after: Map<string, string>): string[] {
  const lines: string[] = [];
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort(comparePaths);
  for (const path of paths) {
    const old = before.get(path);
    const now = after.get(path);
    if (old === now) continue;
    if (old !== undefined) lines.push(`- ${path}: ${old}`);
    if (now !== undefined) lines.push(`+ ${path}: ${now}`);
  }
  return lines;
}

/** Orders paths segment by segment, numeric indexes by number, so `[10]` comes after `[9]`. */
function comparePaths(a: string, b: string): number {
  const sa = a.split(/(?=[.[])/);
  const sb = b.split(/(?=[.[])/);
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    const x = sa[i] ?? '';
    const y = sb[i] ?? '';
    if (x === y) continue;
    const nx = /^\[(\d+)\]$/.exec(x);
    const ny = /^\[(\d+)\]$/.exec(y);
    if (nx !== null && ny !== null) return Number(nx[1]) - Number(ny[1]);
    return x < y ? -1 : 1;
  }
  return sa.length - sb.length;
}
