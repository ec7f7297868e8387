/**
 * S1: accepting what AWS's describe commands print. A task definition from `aws ecs describe-task-definition`
 * (with or without its `{ taskDefinition, tags }` wrapper) loses its read-only fields and its nulls; the same
 * courtesy is extended to `describe-scalable-targets` / `describe-scaling-policies` output, which Harness's
 * documentation tells users to start from.
 */
import {
  RegisterScalableTargetRequest$,
  PutScalingPolicyRequest$,
  ScalableTarget$,
  ScalingPolicy$,
} from '@aws-sdk/client-application-auto-scaling';
import { RegisterTaskDefinitionRequest$, TaskDefinition$ } from '@aws-sdk/client-ecs';
import type { Manifest } from './parse.js';
import type { FieldPath } from './problems.js';
import { isPlainObject } from './schema-check.js';

/** A manifest after sanitising, with the names of the read-only fields it dropped (for the log). */
export interface SanitisedManifest extends Manifest {
  readonly droppedFields: readonly string[];
  /** For list manifests: the file held one request, not a list (its paths then carry no index). */
  readonly single?: boolean;
}

type Members = readonly unknown[];
const membersOf = (schema: Members): readonly string[] => (schema[4] as string[] | undefined) ?? [];
/** Members of a describe response shape that its request shape does not have: read-only. */
const readOnly = (response: Members, request: Members): readonly string[] =>
  membersOf(response).filter((m) => !membersOf(request).includes(m));

/** The fields S1 names, plus any other member TaskDefinition has and RegisterTaskDefinitionRequest lacks. */
export const TASK_DEFINITION_READ_ONLY_FIELDS: readonly string[] = [
  ...new Set([
    'taskDefinitionArn',
    'revision',
    'status',
    'requiresAttributes',
    'compatibilities',
    'registeredAt',
    'registeredBy',
    'deregisteredAt',
    ...readOnly(TaskDefinition$, RegisterTaskDefinitionRequest$),
  ]),
];
const SCALABLE_TARGET_READ_ONLY = readOnly(ScalableTarget$, RegisterScalableTargetRequest$);
const SCALING_POLICY_READ_ONLY = readOnly(ScalingPolicy$, PutScalingPolicyRequest$);

/** A copy of `value` without null object members, at any depth (null list items stay, for validation to report). */
export function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = dropNulls(v);
  return out;
}

/** The same manifest seen through a new value whose paths map onto the document by `toDocumentPath`. */
export function derive(
  manifest: Manifest,
  value: unknown,
  toDocumentPath: (path: FieldPath) => FieldPath,
  droppedFields: readonly string[] = [],
): SanitisedManifest {
  return {
    value,
    file: manifest.file,
    input: manifest.input,
    lineOf: (path) => manifest.lineOf(toDocumentPath(path)),
    scalarText: (path, written) => manifest.scalarText(toDocumentPath(path), written),
    placeholdersInContent: manifest.placeholdersInContent,
    droppedFields,
  };
}

/** Unwraps `{ taskDefinition, tags }`, drops read-only fields and nulls. Other values pass through unchanged. */
export function sanitiseTaskDefinition(manifest: Manifest): SanitisedManifest {
  const raw = manifest.value;
  if (!isPlainObject(raw)) return derive(manifest, raw, (p) => p);
  const wrapped = isPlainObject(raw['taskDefinition']) && !('containerDefinitions' in raw) && !('family' in raw);
  const inner = wrapped ? (raw['taskDefinition'] as Record<string, unknown>) : raw;
  const { kept, dropped } = withoutFields(inner, TASK_DEFINITION_READ_ONLY_FIELDS, false);
  let tagsFromWrapper = false;
  if (wrapped) {
    // Anything else beside the wrapper is kept under its own name, so validation reports it as unknown.
    for (const [k, v] of Object.entries(raw)) {
      if (k === 'taskDefinition' || v === null) continue;
      if (k === 'tags' && Array.isArray(v) && v.length === 0) continue;
      if (k === 'tags' && kept['tags'] === undefined) tagsFromWrapper = true;
      if (!(k in kept)) kept[k] = v;
    }
  }
  const toDocument = (path: FieldPath): FieldPath => {
    if (!wrapped) return path;
    const top = path[0];
    const fromWrapper = top !== undefined && (top === 'tags' ? tagsFromWrapper : !(top in inner));
    return fromWrapper ? path : ['taskDefinition', ...path];
  };
  return derive(manifest, dropNulls(kept), toDocument, dropped);
}

/**
 * One manifest holding one request or a list of them, or `describe-*` output wrapping a list under
 * `wrapperKey` (any letter case): a list of items with read-only fields and nulls dropped.
 */
export function sanitiseRequestList(
  manifest: Manifest,
  wrapperKey: string,
  readOnlyFields: readonly string[],
): SanitisedManifest {
  const raw = manifest.value;
  const wrapper = isPlainObject(raw)
    ? Object.keys(raw).find((k) => k.toLowerCase() === wrapperKey.toLowerCase() && Array.isArray(raw[k]))
    : undefined;
  let items: unknown[];
  let toDocument: (path: FieldPath) => FieldPath;
  if (wrapper !== undefined && isPlainObject(raw)) {
    items = raw[wrapper] as unknown[];
    toDocument = (path) => [wrapper, ...path];
  } else if (Array.isArray(raw)) {
    items = raw;
    toDocument = (path) => path;
  } else {
    items = [raw];
    toDocument = (path) => path;
  }
  const dropped = new Set<string>();
  const cleaned = items.map((item) => {
    if (!isPlainObject(item)) return item;
    const result = withoutFields(item, readOnlyFields, true);
    result.dropped.forEach((d) => dropped.add(d));
    return dropNulls(result.kept);
  });
  const single = wrapper === undefined && !Array.isArray(raw);
  return { ...derive(manifest, cleaned, toDocument, [...dropped]), single };
}

export const sanitiseScalableTargets = (m: Manifest): SanitisedManifest =>
  sanitiseRequestList(m, 'ScalableTargets', SCALABLE_TARGET_READ_ONLY);
export const sanitiseScalingPolicies = (m: Manifest): SanitisedManifest =>
  sanitiseRequestList(m, 'ScalingPolicies', SCALING_POLICY_READ_ONLY);

function withoutFields(
  value: Record<string, unknown>,
  fields: readonly string[],
  ignoreCase: boolean,
): { kept: Record<string, unknown>; dropped: string[] } {
  const lower = new Set(fields.map((f) => (ignoreCase ? f.toLowerCase() : f)));
  const kept: Record<string, unknown> = {};
  const dropped: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (lower.has(ignoreCase ? k.toLowerCase() : k)) dropped.push(k);
    else kept[k] = v;
  }
  return { kept, dropped };
}
