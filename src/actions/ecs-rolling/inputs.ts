/** Every input declared in actions/ecs-rolling/action.yml (test/unit/action-inputs.test.ts keeps the two equal). */
export const INPUT_NAMES = [
  'cluster',
  'service',
  'task-definition',
  'task-definition-arn',
  'service-definition',
  'scalable-targets',
  'scaling-policies',
  'image',
  'container-name',
  'same-as-running',
  'force-new-deployment',
  'desired-count',
  'wait-for-steady-state',
  'timeout-minutes',
  'rollback-on-failure',
  'mode',
  'dry-run',
  'region',
  'max-attempts',
  'github-token',
  'environment',
] as const;

export type InputName = (typeof INPUT_NAMES)[number];
