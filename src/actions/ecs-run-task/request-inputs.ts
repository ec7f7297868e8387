/**
 * The inputs that are shortcuts over the RunTask request (network, container overrides, tags, startedBy, count),
 * each checked against the limits the RunTask API reference states, so a bad value fails before any AWS call (S3).
 */
import { ContainerOverride$ } from '@aws-sdk/client-ecs';
import type { ContainerOverride, Tag } from '@aws-sdk/client-ecs';
import { ConfigurationError } from '../../core/errors.js';
import type { Inputs } from '../../core/inputs.js';
import { checkAgainstSchema, formatFieldPath } from '../../core/manifests/index.js';
import { RUN_TASK_MAX_COUNT } from '../../core/tasks/index.js';

/** The most tasks one run of this action starts (see readCount). */
export const MAX_TASKS_PER_RUN = 1000;
/** AwsVpcConfiguration: "There's a limit of 16 subnets" / "a limit of 5 security groups". */
export const MAX_SUBNETS = 16;
export const MAX_SECURITY_GROUPS = 5;
/** Tag restrictions: at most 50 per resource, keys 1..128 characters, values up to 256. */
export const MAX_TAGS = 50;
const MAX_TAG_KEY = 128;
const MAX_TAG_VALUE = 256;
/** RunTask startedBy: "Up to 128 letters (uppercase and lowercase), numbers, hyphens (-), forward slash (/), and underscores (_)". */
const STARTED_BY = /^[A-Za-z0-9_/-]{1,128}$/;

/**
 * A count of tasks, from input `count` or the request's `count`. AWS starts at most 10 per RunTask call, so
 * larger counts become several calls; one run is capped at 1000 tasks (100 calls) to keep a step's API traffic,
 * log and summary bounded, and to catch a mistyped count before it starts thousands of billable tasks.
 */
export function checkCount(count: number, where: { input: string; file?: string; field?: string }): number {
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new ConfigurationError(`expected a whole number of tasks of at least 1, got ${count}`, where);
  }
  if (count > MAX_TASKS_PER_RUN) {
    const calls = MAX_TASKS_PER_RUN / RUN_TASK_MAX_COUNT;
    throw new ConfigurationError(
      `${count} tasks is more than this action starts in one run (at most ${MAX_TASKS_PER_RUN}: AWS starts at most ` +
        `${RUN_TASK_MAX_COUNT} per RunTask call, and ${calls} calls is the cap that keeps one step's API traffic, log ` +
        'and summary bounded); split the work over several steps',
      where,
    );
  }
  return count;
}

export function readCount(inputs: Inputs): number | undefined {
  const v = inputs.raw('count');
  if (v === '') return undefined;
  if (!/^[+-]?\d+$/.test(v)) throw new ConfigurationError(`expected a whole number of tasks, got '${v}'`, { input: 'count' });
  return checkCount(Number(v), { input: 'count' });
}

/** Subnet or security group ids: each `<prefix><hex>`, at most `max` of them, no duplicates. */
export function readIds(inputs: Inputs, name: 'subnets' | 'security-groups', prefix: string, max: number): string[] {
  const ids = inputs.list(name);
  const bad = ids.filter((id) => !new RegExp(`^${prefix}[0-9a-f]{1,32}$`).test(id));
  if (bad.length > 0) {
    throw new ConfigurationError(
      `${bad.map((b) => `'${b}'`).join(', ')} ${bad.length === 1 ? 'is' : 'are'} not ${prefix}… ids ` +
        '(give ids, comma or newline separated, not names)',
      { input: name },
    );
  }
  if (ids.length > max) throw new ConfigurationError(`at most ${max} are allowed, got ${ids.length}`, { input: name });
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup !== undefined) throw new ConfigurationError(`'${dup}' is listed twice`, { input: name });
  return ids;
}

/** `container-overrides`: a JSON or YAML list of ContainerOverride objects, each naming its container once. */
export function readContainerOverrides(inputs: Inputs): ContainerOverride[] {
  const name = 'container-overrides';
  const document = inputs.yamlOrJsonDocument(name);
  if (document === undefined) return [];
  const { value, scalarText } = document;
  if (!Array.isArray(value)) {
    throw new ConfigurationError(
      'expected a list of container overrides, e.g. [{"name": "app", "command": ["npm", "run", "migrate"]}]',
      { input: name },
    );
  }
  const overrides: ContainerOverride[] = [];
  const problems: string[] = [];
  value.forEach((item: unknown, i) => {
    const result = checkAgainstSchema(ContainerOverride$, item, { scalarText }, [i]);
    for (const p of result.problems) problems.push(`${formatFieldPath(p.path)}: ${p.detail}`);
    if (result.problems.length === 0) overrides.push(result.value as ContainerOverride);
  });
  if (problems.length > 0) {
    const text = problems.length === 1 ? (problems[0] ?? '') : `${problems.length} problems:\n  - ${problems.join('\n  - ')}`;
    throw new ConfigurationError(text, { input: name });
  }
  overrides.forEach((o, i) => {
    if (o.name === undefined || o.name === '') {
      throw new ConfigurationError('every container override needs the `name` of its container', {
        input: name,
        field: `[${i}].name`,
      });
    }
    if (overrides.findIndex((x) => x.name === o.name) !== i) {
      throw new ConfigurationError(`container '${o.name}' is overridden twice`, { input: name, field: `[${i}].name` });
    }
  });
  return overrides;
}

/**
 * `tags`: `key=value` items, one per line (then a value may contain commas) or comma separated on one line.
 * An empty value (`key=`) is allowed; a tag "consists of a key and an optional value".
 */
export function readTags(inputs: Inputs): Tag[] {
  const raw = inputs.raw('tags');
  if (raw === '') return [];
  const items = (raw.includes('\n') ? raw.split('\n') : raw.split(','))
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const tags: Tag[] = [];
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new ConfigurationError(`'${item}' is not key=value`, { input: 'tags' });
    const tag = { key: item.slice(0, eq).trim(), value: item.slice(eq + 1).trim() };
    const problem = tagProblem(tag);
    if (problem !== undefined) throw new ConfigurationError(problem, { input: 'tags' });
    if (tags.some((t) => t.key === tag.key)) {
      throw new ConfigurationError(`tag '${tag.key}' is given twice`, { input: 'tags' });
    }
    tags.push(tag);
  }
  return tags;
}

/** Why a tag breaks ECS's tag restrictions, or undefined. */
export function tagProblem(tag: Tag): string | undefined {
  const key = tag.key ?? '';
  const value = tag.value ?? '';
  if (key === '' || [...key].length > MAX_TAG_KEY) return `tag key '${key}' must be 1 to ${MAX_TAG_KEY} characters`;
  if ([...value].length > MAX_TAG_VALUE) return `the value of tag '${key}' is longer than ${MAX_TAG_VALUE} characters`;
  if (/^aws:/i.test(key) || /^aws:/i.test(value)) {
    return `tag '${key}': the prefix aws: is reserved for AWS use, in keys and values`;
  }
  return undefined;
}

/** Request tags, then input tags (an input tag replaces a request tag with the same key); at most 50. */
export function mergeTags(fromRequest: readonly Tag[], fromInput: readonly Tag[]): Tag[] {
  const merged = new Map<string, Tag>();
  for (const t of [...fromRequest, ...fromInput]) merged.set(t.key ?? '', t);
  const tags = [...merged.values()];
  if (tags.length > MAX_TAGS) {
    throw new ConfigurationError(`a task can have at most ${MAX_TAGS} tags; with the request's tags there are ${tags.length}`, {
      input: 'tags',
    });
  }
  return tags;
}

export function checkStartedBy(value: string, where: { input: string; file?: string; field?: string }): string {
  if (STARTED_BY.test(value)) return value;
  throw new ConfigurationError(
    `'${value}' is not a valid startedBy: up to 128 letters, numbers, hyphens (-), forward slashes (/) and underscores (_)`,
    where,
  );
}
