/**
 * True when two task definition references name the same revision. A full ARN
 * (`arn:aws:ecs:<region>:<account>:task-definition/web:3`) matches itself and its `family:revision` short form.
 */
export function sameTaskDefinition(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  if (a === b) return true;
  return familyRevision(a) === familyRevision(b) && (!isArn(a) || !isArn(b));
}

function isArn(ref: string): boolean {
  return ref.startsWith('arn:');
}

/** `web:3` from an ARN or a `family:revision`. */
export function familyRevision(ref: string): string {
  const slash = ref.lastIndexOf('/');
  return isArn(ref) && slash >= 0 ? ref.slice(slash + 1) : ref;
}

/** "Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are allowed." (family) */
const FAMILY = '[A-Za-z0-9_-]{1,255}';
const REVISION = '[1-9][0-9]{0,8}';
const FAMILY_REVISION = new RegExp(`^${FAMILY}:${REVISION}$`);
const TASK_DEFINITION_ARN = new RegExp(`^arn:aws[a-z-]*:ecs:[a-z0-9-]+:[0-9]{12}:task-definition/${FAMILY}:${REVISION}$`);

/** True for a full task definition ARN or a `family:revision` (a bare family, whose latest revision changes, is not). */
export function isTaskDefinitionRef(ref: string): boolean {
  return FAMILY_REVISION.test(ref) || TASK_DEFINITION_ARN.test(ref);
}

/** Why `ref` is not a task definition reference (for a ConfigurationError), or undefined when it is one. */
export function taskDefinitionRefProblem(ref: string): string | undefined {
  if (isTaskDefinitionRef(ref)) return undefined;
  const hint = ref.startsWith('arn:')
    ? 'expected a task definition ARN, arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>'
    : /^[A-Za-z0-9_-]+$/.test(ref)
      ? 'a revision is required: write <family>:<revision> (e.g. web:7) or the full task definition ARN'
      : 'expected a task definition ARN (arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>) or <family>:<revision>';
  return `'${ref}' is not a task definition reference: ${hint}`;
}
