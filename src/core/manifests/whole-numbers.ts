/**
 * Fields the ECS API types as Integer. The SDK's schemas say only "number", so 1.5 passes the structural check
 * and would reach ECS; these paths are checked for whole numbers ≥ 0 up front instead (S3).
 * A path segment `*` stands for every item of a list.
 */
import type { Problem } from './problems.js';
import { isPlainObject } from './schema-check.js';

type Path = readonly string[];

export const SERVICE_INTEGER_FIELDS: readonly Path[] = [
  ['desiredCount'],
  ['healthCheckGracePeriodSeconds'],
  ['deploymentConfiguration', 'minimumHealthyPercent'],
  ['deploymentConfiguration', 'maximumPercent'],
  ['loadBalancers', '*', 'containerPort'],
  ['capacityProviderStrategy', '*', 'weight'],
  ['capacityProviderStrategy', '*', 'base'],
];

export const RUN_TASK_INTEGER_FIELDS: readonly Path[] = [
  ['count'],
  ['capacityProviderStrategy', '*', 'weight'],
  ['capacityProviderStrategy', '*', 'base'],
  ['overrides', 'containerOverrides', '*', 'cpu'],
  ['overrides', 'containerOverrides', '*', 'memory'],
  ['overrides', 'containerOverrides', '*', 'memoryReservation'],
];

export const TASK_DEFINITION_INTEGER_FIELDS: readonly Path[] = [
  ['containerDefinitions', '*', 'cpu'],
  ['containerDefinitions', '*', 'memory'],
  ['containerDefinitions', '*', 'memoryReservation'],
  ['containerDefinitions', '*', 'startTimeout'],
  ['containerDefinitions', '*', 'stopTimeout'],
  ['containerDefinitions', '*', 'portMappings', '*', 'containerPort'],
  ['containerDefinitions', '*', 'portMappings', '*', 'hostPort'],
  ['containerDefinitions', '*', 'healthCheck', 'interval'],
  ['containerDefinitions', '*', 'healthCheck', 'timeout'],
  ['containerDefinitions', '*', 'healthCheck', 'retries'],
  ['containerDefinitions', '*', 'healthCheck', 'startPeriod'],
  ['ephemeralStorage', 'sizeInGiB'],
];

/** Problems for every field on `paths` that holds a number that is not a whole number ≥ 0. */
export function checkWholeNumbers(value: unknown, paths: readonly Path[]): Problem[] {
  const problems: Problem[] = [];
  for (const path of paths) visit(value, path, [], problems);
  return problems;
}

function visit(node: unknown, rest: Path, at: (string | number)[], problems: Problem[]): void {
  const [head, ...tail] = rest;
  if (head === undefined) {
    if (typeof node === 'number' && !(Number.isInteger(node) && node >= 0)) {
      problems.push({ path: at, detail: `expected a whole number of at least 0, got ${node}` });
    }
    return;
  }
  if (head === '*') {
    if (Array.isArray(node)) node.forEach((item, i) => visit(item, tail, [...at, i], problems));
    return;
  }
  if (isPlainObject(node) && head in node) visit(node[head], tail, [...at, head], problems);
}
