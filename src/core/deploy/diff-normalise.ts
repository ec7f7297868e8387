/**
 * S13: normal forms of a task definition and a service, so that a dry-run diff shows real changes only: lists
 * ECS does not order are sorted, ECS defaults are filled in, read-only, null and empty values are dropped.
 */
import type { CreateServiceCommandInput, RegisterTaskDefinitionCommandInput, Service, TaskDefinition } from '@aws-sdk/client-ecs';
import { hideSensitiveEnvironment } from '../io/sensitive.js';
import { TASK_DEFINITION_READ_ONLY_FIELDS } from '../manifests/sanitise.js';
import { UPDATABLE_SERVICE_FIELDS } from './service-request.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Fields DescribeTaskDefinition returns that are not part of the RegisterTaskDefinition input (tags are compared apart). */
const READ_ONLY_TASK_DEFINITION_FIELDS = [...TASK_DEFINITION_READ_ONLY_FIELDS, 'tags'];

export function normaliseTaskDefinition(td: RegisterTaskDefinitionCommandInput | TaskDefinition): JsonObject {
  const o = toJson(td);
  for (const key of READ_ONLY_TASK_DEFINITION_FIELDS) delete o[key];
  o['networkMode'] ??= 'bridge';
  for (const key of ['cpu', 'memory']) if (typeof o[key] === 'number') o[key] = String(o[key]);
  const networkMode = o['networkMode'];
  o['containerDefinitions'] = sortBy(objects(o['containerDefinitions']).map((c) => normaliseContainer(c, networkMode)), 'name');
  if (Array.isArray(o['requiresCompatibilities'])) o['requiresCompatibilities'] = [...o['requiresCompatibilities']].sort();
  if (Array.isArray(o['volumes'])) o['volumes'] = sortBy(objects(o['volumes']), 'name');
  return prune(o) as JsonObject;
}

function normaliseContainer(c: JsonObject, networkMode: Json | undefined): JsonObject {
  c['essential'] ??= true;
  c['cpu'] ??= 0;
  for (const key of ['environment', 'secrets']) if (Array.isArray(c[key])) c[key] = sortBy(objects(c[key]), 'name');
  // S11: the diff is printed; a password in plain environment shows as a fingerprint (a change is still visible).
  if (Array.isArray(c['environment'])) c['environment'] = hideSensitiveEnvironment(objects(c['environment']));
  if (Array.isArray(c['portMappings'])) {
    const ports = objects(c['portMappings']).map((p) => {
      p['protocol'] ??= 'tcp';
      if (networkMode === 'awsvpc' || networkMode === 'host') p['hostPort'] ??= p['containerPort'] ?? null;
      else if (p['hostPort'] === 0) delete p['hostPort'];
      return p;
    });
    c['portMappings'] = ports.sort((a, b) => portKey(a).localeCompare(portKey(b)));
  }
  return c;
}

function portKey(p: JsonObject): string {
  const n = (v: Json | undefined): string => String(v ?? '').padStart(6, '0');
  return `${n(p['containerPort'])}/${String(p['protocol'])}/${n(p['hostPort'])}/${String(p['containerPortRange'] ?? '')}`;
}

/** Defaults ECS reports for settings a service definition may leave out. */
const SERVICE_DEFAULTS: JsonObject = {
  propagateTags: 'NONE',
  enableECSManagedTags: false,
  enableExecuteCommand: false,
  healthCheckGracePeriodSeconds: 0,
};

export interface ServiceNormalOptions {
  /** Only these top-level fields are kept (an update leaves the others as they are). */
  fields: readonly string[];
}

/** A service (described, or as a CreateService input) reduced to `fields`, with ECS defaults filled in. */
export function normaliseService(s: CreateServiceCommandInput | Service, opts: ServiceNormalOptions): JsonObject {
  const all = toJson(s);
  const o: JsonObject = {};
  for (const key of opts.fields) {
    const value = all[key] ?? SERVICE_DEFAULTS[key];
    if (value !== undefined) o[key] = value;
  }
  const dc = o['deploymentConfiguration'];
  if (isObject(dc)) {
    dc['maximumPercent'] ??= 200;
    dc['minimumHealthyPercent'] ??= 100;
    dc['deploymentCircuitBreaker'] ??= { enable: false, rollback: false };
    dc['alarms'] ??= { enable: false, rollback: false };
  }
  const vpc = isObject(o['networkConfiguration']) ? o['networkConfiguration']['awsvpcConfiguration'] : undefined;
  if (isObject(vpc)) {
    vpc['assignPublicIp'] ??= 'DISABLED';
    for (const key of ['subnets', 'securityGroups']) if (Array.isArray(vpc[key])) vpc[key] = [...(vpc[key] as Json[])].map(String).sort();
  }
  if (Array.isArray(o['loadBalancers'])) {
    const key = (lb: JsonObject): string => `${String(lb['targetGroupArn'] ?? lb['loadBalancerName'] ?? '')}|${String(lb['containerName'])}|${String(lb['containerPort'])}`;
    o['loadBalancers'] = objects(o['loadBalancers']).sort((a, b) => key(a).localeCompare(key(b)));
  }
  // Nothing left (none of `fields` set): an empty object, which the diff can still add desiredCount to.
  return (prune(o) ?? {}) as JsonObject;
}

/** The service fields a dry run compares: every updatable field the definition sets (plus desiredCount). */
export function comparedServiceFields(definition: CreateServiceCommandInput | undefined): string[] {
  if (definition === undefined) return [];
  return UPDATABLE_SERVICE_FIELDS.filter((k) => definition[k] !== undefined && definition[k] !== null);
}

/** A deep copy as plain JSON (Dates become ISO strings; undefined members vanish). */
function toJson(value: unknown): JsonObject {
  return JSON.parse(JSON.stringify(value ?? {})) as JsonObject;
}

function objects(value: Json | undefined): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function sortBy(list: JsonObject[], key: string): JsonObject[] {
  return [...list].sort((a, b) => String(a[key] ?? '').localeCompare(String(b[key] ?? '')));
}

/** Drops null values and empty lists and objects (ECS reports `[]` for lists a manifest leaves out). */
function prune(v: Json): Json | undefined {
  if (v === null) return undefined;
  if (Array.isArray(v)) {
    const items = v.map(prune).filter((x): x is Json => x !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (typeof v === 'object') {
    const out: JsonObject = {};
    for (const [k, child] of Object.entries(v)) {
      const p = prune(child);
      if (p !== undefined) out[k] = p;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return v;
}
