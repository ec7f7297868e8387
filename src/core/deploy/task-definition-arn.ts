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
