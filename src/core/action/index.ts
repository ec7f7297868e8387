/**
 * What every action does around its own logic (docs/architecture.md): the shared inputs, the
 * name checks, the manifest loaders the deploying actions share, the reads made after a deployment, and one path
 * from an outcome to outputs, job summary and GitHub deployment status. An action folder keeps only its own
 * inputs and orchestration.
 */
export {
  DEFAULT_ENVIRONMENT,
  MAX_ATTEMPTS,
  SHARED_INPUT_NAMES,
  TIMEOUT_MINUTES,
  readCluster,
  readEnvironment,
  readGitHubToken,
  readMaxAttempts,
  readRegion,
  readSharedInputs,
  readTimeoutMinutes,
  type GitHubRecordOptions,
  type SecretMask,
  type SharedInputName,
  type SharedInputs,
} from './shared-inputs.js';
export {
  checkImageIsUsed,
  containerImageOf,
  imagePlaceholders,
  readImageChoice,
  refuseContainerNameForRegistered,
  type ImageChoice,
  type ManifestFile,
} from './image.js';
export {
  checkCluster,
  checkRegion,
  checkTaskDefinitionRef,
  parseServiceInput,
  resolveTarget,
  type FieldLocator,
  type Target,
} from './names.js';
export {
  autoScalingSourcesOf,
  loadAutoScalingFiles,
  loadServiceDefinitionFile,
  loadTaskDefinitionFile,
  loadTaskDefinitionSource,
  manifestFiles,
  manifestRoots,
  type AutoScalingFiles,
  type ManifestPaths,
  type ServiceDefinitionFile,
} from './manifests.js';
export { clusterArnOf, imagesOf, labelOf, readAfterFacts, type AfterFacts, type TaskDefinitionLabel } from './facts.js';
export { failureSection, finishAction, summaryOf, type ActionReport, type SummarySection } from './finish.js';
export { recordErrors, startActionRecord, type DeploymentRecord, type RecordRequest } from './record.js';
export { readInputs, rollingDepsOf, runDepsOf } from './rolling-deps.js';
export type { RunDeps } from './rolling-deps.js';
export {
  changeRows,
  deployFailureMessage,
  desiredCountRow,
  durationRow,
  resultRow,
  rollbackRows,
  stoppedTaskListSection,
  stoppedTasksSection,
  taskDefinitionRow,
  wasRolledBack,
} from './deploy-report.js';
