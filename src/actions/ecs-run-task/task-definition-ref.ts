/**
 * A reference to a registered task definition (S4): `task-definition-arn`, or `taskDefinition` in the run-task
 * request. RunTask accepts "the family and revision (family:revision) or full ARN"; this action insists on a
 * revision, so the run is reproducible (a bare family would run whatever revision is latest at that moment).
 */
import { ConfigurationError } from '../../core/errors.js';
import type { ErrorLocation } from '../../core/errors.js';

/** "Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are allowed." (family) */
const FAMILY = '[A-Za-z0-9_-]{1,255}';
const REVISION = '[1-9][0-9]{0,8}';
const FAMILY_REVISION = new RegExp(`^${FAMILY}:${REVISION}$`);
const TASK_DEFINITION_ARN = new RegExp(`^arn:aws[a-z-]*:ecs:[a-z0-9-]+:[0-9]{12}:task-definition/${FAMILY}:${REVISION}$`);

export function isTaskDefinitionRef(ref: string): boolean {
  return FAMILY_REVISION.test(ref) || TASK_DEFINITION_ARN.test(ref);
}

/** The reference itself, or a ConfigurationError at `where` saying what a valid one looks like. */
export function checkTaskDefinitionRef(ref: string, where: ErrorLocation): string {
  if (isTaskDefinitionRef(ref)) return ref;
  const hint = ref.startsWith('arn:')
    ? 'expected a task definition ARN, arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>'
    : /^[A-Za-z0-9_-]+$/.test(ref)
      ? 'a revision is required: write <family>:<revision> (e.g. migrate:7) or the full task definition ARN'
      : 'expected a task definition ARN (arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>) or <family>:<revision>';
  throw new ConfigurationError(`'${ref}' is not a task definition reference: ${hint}`, where);
}
