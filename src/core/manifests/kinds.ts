/**
 * The five manifest kinds of S1 and one loader per kind: read (in the workspace or RUNNER_TEMP) → placeholders (S2) →
 * sanitise → structural check against the SDK's input shape → ECS rules → the typed SDK input.
 */
import { PutScalingPolicyRequest$, RegisterScalableTargetRequest$ } from '@aws-sdk/client-application-auto-scaling';
import type {
  PutScalingPolicyCommandInput,
  RegisterScalableTargetCommandInput,
} from '@aws-sdk/client-application-auto-scaling';
import { CreateServiceRequest$, RegisterTaskDefinitionRequest$, RunTaskRequest$ } from '@aws-sdk/client-ecs';
import type {
  CreateServiceCommandInput,
  RegisterTaskDefinitionCommandInput,
  RunTaskCommandInput,
} from '@aws-sdk/client-ecs';
import { checkScalableTarget, checkScalingPolicy } from './autoscaling-checks.js';
import { checkRunTaskRequest, checkServiceDefinition, checkTaskDefinition } from './ecs-checks.js';
import { setContainerImage } from './image.js';
import { throwProblems } from './locate.js';
import { loadManifest } from './parse.js';
import type { Manifest } from './parse.js';
import type { ManifestRoots } from './paths.js';
import type { Placeholders } from './placeholders.js';
import type { Problem } from './problems.js';
import type { SanitisedManifest } from './sanitise.js';
import { derive, sanitiseScalableTargets, sanitiseScalingPolicies, sanitiseTaskDefinition } from './sanitise.js';
import { checkAgainstSchema, isPlainObject } from './schema-check.js';
import type { SchemaCheckOptions, StructureSchemaRef } from './schema-check.js';

export type TaskDefinitionManifest = RegisterTaskDefinitionCommandInput;
export type ServiceDefinitionManifest = CreateServiceCommandInput;
export type RunTaskManifest = RunTaskCommandInput;
export type ScalableTargetManifest = RegisterScalableTargetCommandInput;
export type ScalingPolicyManifest = PutScalingPolicyCommandInput;

/** How one kind of manifest is checked. `T` is the SDK input it becomes. */
export interface ManifestKind<T> {
  /** For messages, e.g. `task definition`. */
  readonly title: string;
  readonly schema: StructureSchemaRef;
  /** Required top-level members the action fills in itself, so the manifest may leave them out. */
  readonly provided: readonly string[];
  readonly caseInsensitiveMembers: boolean;
  /** Turns the parsed value into the request (or, for list kinds, the list of requests). */
  readonly sanitise: (manifest: Manifest) => SanitisedManifest;
  /** ECS rules beyond the schema, run once the structure is right. */
  readonly rules: (request: Record<string, unknown>) => Problem[];
  /** Phantom: the SDK input type. */
  readonly _type?: T;
}

const same = (m: Manifest): SanitisedManifest => derive(m, m.value, (p) => p);

export const TASK_DEFINITION: ManifestKind<TaskDefinitionManifest> = {
  title: 'task definition',
  schema: RegisterTaskDefinitionRequest$,
  provided: [],
  caseInsensitiveMembers: false,
  sanitise: sanitiseTaskDefinition,
  rules: checkTaskDefinition,
};

export const SERVICE_DEFINITION: ManifestKind<ServiceDefinitionManifest> = {
  title: 'service definition',
  schema: CreateServiceRequest$,
  provided: [],
  caseInsensitiveMembers: false,
  sanitise: same,
  rules: checkServiceDefinition,
};

/** T1: the action sets the task definition (and cluster) itself. */
export const RUN_TASK_REQUEST: ManifestKind<RunTaskManifest> = {
  title: 'run-task request',
  schema: RunTaskRequest$,
  provided: ['taskDefinition'],
  caseInsensitiveMembers: false,
  sanitise: same,
  rules: checkRunTaskRequest,
};

/**
 * Auto scaling manifests: one request or a list; `describe-*` output accepted; member names in any letter case
 * (Harness documents them as `serviceNamespace`, the API says `ServiceNamespace`). ResourceId
 * (`service/<cluster>/<service>`), ServiceNamespace (`ecs`) and ScalableDimension (`ecs:service:DesiredCount`)
 * are the action's to fill in (src/core/autoscaling bindAutoScaling), so the manifest may leave them out.
 */
const AUTO_SCALING_PROVIDED = ['ServiceNamespace', 'ResourceId', 'ScalableDimension'];

export const SCALABLE_TARGETS: ManifestKind<ScalableTargetManifest> = {
  title: 'scalable target',
  schema: RegisterScalableTargetRequest$,
  provided: AUTO_SCALING_PROVIDED,
  caseInsensitiveMembers: true,
  sanitise: sanitiseScalableTargets,
  rules: checkScalableTarget,
};

export const SCALING_POLICIES: ManifestKind<ScalingPolicyManifest> = {
  title: 'scaling policy',
  schema: PutScalingPolicyRequest$,
  provided: AUTO_SCALING_PROVIDED,
  caseInsensitiveMembers: true,
  sanitise: sanitiseScalingPolicies,
  rules: checkScalingPolicy,
};

export interface CheckOptions {
  /** Overrides the kind's `provided` members. */
  readonly provided?: readonly string[] | undefined;
}

/** Validates one request (task definition, service definition, run-task request); throws every problem found. */
export function checkManifest<T>(kind: ManifestKind<T>, manifest: Manifest, options: CheckOptions = {}): T {
  const sanitised = kind.sanitise(manifest);
  return checkItems(kind, sanitised, [sanitised.value], false, options)[0] as T;
}

/** Validates a manifest holding one request or a list of them (auto scaling); always returns a list. */
export function checkManifestList<T>(kind: ManifestKind<T>, manifest: Manifest, options: CheckOptions = {}): T[] {
  const sanitised = kind.sanitise(manifest);
  const items = Array.isArray(sanitised.value) ? (sanitised.value as unknown[]) : [sanitised.value];
  return checkItems(kind, sanitised, items, sanitised.single !== true, options) as T[];
}

/**
 * Structure first, for every item, all problems together; the kind's rules only once the structure is right
 * (they rely on the types being right, and would otherwise repeat the same complaint).
 */
function checkItems<T>(
  kind: ManifestKind<T>,
  manifest: Manifest,
  items: readonly unknown[],
  indexed: boolean,
  options: CheckOptions,
): unknown[] {
  const prefix = (i: number): (string | number)[] => (indexed ? [i] : []);
  const schemaProblems: Problem[] = [];
  const values = items.map((item, i) => {
    const result = checkAgainstSchema(kind.schema, item, schemaOptions(kind, manifest, options), prefix(i));
    schemaProblems.push(...result.problems);
    return result.value;
  });
  throwProblems(manifest, schemaProblems);
  const ruleProblems = values.flatMap((v, i) =>
    isPlainObject(v) ? kind.rules(v).map((p) => relocate(p, prefix(i))) : [],
  );
  throwProblems(manifest, ruleProblems);
  return values;
}

function relocate(problem: Problem, prefix: readonly (string | number)[]): Problem {
  if (prefix.length === 0) return problem;
  const moved = { path: [...prefix, ...problem.path], detail: problem.detail };
  return problem.at === undefined ? moved : { ...moved, at: [...prefix, ...problem.at] };
}

function schemaOptions<T>(kind: ManifestKind<T>, manifest: Manifest, options: CheckOptions): SchemaCheckOptions {
  return {
    provided: options.provided ?? kind.provided,
    caseInsensitiveMembers: kind.caseInsensitiveMembers,
    scalarText: manifest.scalarText,
  };
}

export interface LoadTaskDefinitionOptions extends CheckOptions {
  /** Inputs `container-name` + `image`: set that container's image after validation (S2). */
  readonly containerImage?: { readonly containerName: string; readonly image: string } | undefined;
}

export async function loadTaskDefinition(
  roots: ManifestRoots,
  userPath: string,
  inputName: string,
  placeholders: Placeholders,
  options: LoadTaskDefinitionOptions = {},
): Promise<TaskDefinitionManifest> {
  const manifest = await loadManifest(roots, userPath, inputName, placeholders);
  const td = checkManifest(TASK_DEFINITION, manifest, options);
  const override = options.containerImage;
  return override === undefined ? td : setContainerImage(td, override.containerName, override.image);
}

export async function loadServiceDefinition(
  roots: ManifestRoots,
  userPath: string,
  inputName: string,
  placeholders: Placeholders,
  options: CheckOptions = {},
): Promise<ServiceDefinitionManifest> {
  return checkManifest(SERVICE_DEFINITION, await loadManifest(roots, userPath, inputName, placeholders), options);
}

export async function loadRunTaskRequest(
  roots: ManifestRoots,
  userPath: string,
  inputName: string,
  placeholders: Placeholders,
  options: CheckOptions = {},
): Promise<RunTaskManifest> {
  return checkManifest(RUN_TASK_REQUEST, await loadManifest(roots, userPath, inputName, placeholders), options);
}

export async function loadScalableTargets(
  roots: ManifestRoots,
  userPath: string,
  inputName: string,
  placeholders: Placeholders,
  options: CheckOptions = {},
): Promise<ScalableTargetManifest[]> {
  return checkManifestList(SCALABLE_TARGETS, await loadManifest(roots, userPath, inputName, placeholders), options);
}

export async function loadScalingPolicies(
  roots: ManifestRoots,
  userPath: string,
  inputName: string,
  placeholders: Placeholders,
  options: CheckOptions = {},
): Promise<ScalingPolicyManifest[]> {
  return checkManifestList(SCALING_POLICIES, await loadManifest(roots, userPath, inputName, placeholders), options);
}
