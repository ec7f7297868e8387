/**
 * A reference to a registered task definition (S4): `task-definition-arn`, or `taskDefinition` in the run-task
 * request. RunTask accepts "the family and revision (family:revision) or full ARN"; this action insists on a
 * revision, so the run is reproducible (a bare family would run whatever revision is latest at that moment).
 */
import { taskDefinitionRefProblem } from '../../core/ecs/task-definition-refs.js';
import { ConfigurationError } from '../../core/errors.js';
import type { ErrorLocation } from '../../core/errors.js';

/** The reference itself, or a ConfigurationError at `where` saying what a valid one looks like. */
export function checkTaskDefinitionRef(ref: string, where: ErrorLocation): string {
  const problem = taskDefinitionRefProblem(ref);
  if (problem !== undefined) throw new ConfigurationError(problem, where);
  return ref;
}
