/** Manifests (S1–S3): load JSON/YAML by content, placeholders, sanitise, validate against the SDK's input shapes. */
export { resolveManifestPath } from './paths.js';
export type { ManifestRoots } from './paths.js';
export { loadManifest, parseManifestText, detectFormat } from './parse.js';
export type { Manifest, ManifestFormat } from './parse.js';
export { substitutePlaceholders, KNOWN_PLACEHOLDERS } from './placeholders.js';
export type { PlaceholderName, Placeholders } from './placeholders.js';
export { setContainerImage } from './image.js';
export {
  sanitiseTaskDefinition,
  sanitiseScalableTargets,
  sanitiseScalingPolicies,
  dropNulls,
  TASK_DEFINITION_READ_ONLY_FIELDS,
} from './sanitise.js';
export type { SanitisedManifest } from './sanitise.js';
export { ManifestError, formatFieldPath, MAX_LISTED_PROBLEMS } from './problems.js';
export type { FieldPath, Problem } from './problems.js';
export { checkAgainstSchema } from './schema-check.js';
export { fargateSizeProblem, parseCpuUnits, parseMemoryMiB } from './fargate.js';
export {
  TASK_DEFINITION,
  SERVICE_DEFINITION,
  RUN_TASK_REQUEST,
  SCALABLE_TARGETS,
  SCALING_POLICIES,
  checkManifest,
  checkManifestList,
  loadTaskDefinition,
  loadServiceDefinition,
  loadRunTaskRequest,
  loadScalableTargets,
  loadScalingPolicies,
} from './kinds.js';
export type {
  ManifestKind,
  CheckOptions,
  LoadTaskDefinitionOptions,
  TaskDefinitionManifest,
  ServiceDefinitionManifest,
  RunTaskManifest,
  ScalableTargetManifest,
  ScalingPolicyManifest,
} from './kinds.js';
