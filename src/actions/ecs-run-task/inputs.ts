/** Every input declared in actions/ecs-run-task/action.yml (test/unit/action-inputs.test.ts keeps the two equal). */
export const INPUT_NAMES = [
  'cluster',
  'task-definition',
  'task-definition-arn',
  'run-task-request',
  'count',
  'launch-type',
  'subnets',
  'security-groups',
  'assign-public-ip',
  'container-overrides',
  'wait',
  'watch-container',
  'stream-logs',
  'timeout-minutes',
  'started-by',
  'tags',
  'image',
  'container-name',
  'region',
  'max-attempts',
] as const;

export type InputName = (typeof INPUT_NAMES)[number];
