/**
 * Task ids. A task ARN is `arn:aws:ecs:<region>:<account>:task/<cluster>/<id>` (or the old `task/<id>` form);
 * the id is its last path segment.
 */
export function taskIdFromArn(taskArn: string): string {
  const slash = taskArn.lastIndexOf('/');
  return slash >= 0 ? taskArn.slice(slash + 1) : taskArn;
}

/** The first 8 characters of the task id: enough to tell a run's tasks apart in log prefixes. */
export function shortTaskId(taskArn: string): string {
  return taskIdFromArn(taskArn).slice(0, 8);
}
