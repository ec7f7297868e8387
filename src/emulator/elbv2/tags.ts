/** AddTags, RemoveTags, DescribeTags for load balancers, target groups, listeners and rules. */
import { AwsServiceError } from '../contracts.js';
import type { ElbContext, ElbHandler } from './context.js';
import { missing, reqStr, strList, structList, validationError } from './params.js';
import type { Params } from './params.js';
import type { ElbStore } from './store.js';

const MAX_TAGS = 50;

/** Throws the "not found" error of the resource kind the ARN names. */
export function requireResource(store: ElbStore, arn: string): void {
  if (arn.includes(':loadbalancer/')) {
    if (!store.loadBalancers.has(arn)) throw new AwsServiceError('LoadBalancerNotFound', `Load balancer '${arn}' not found`);
  } else if (arn.includes(':targetgroup/')) {
    if (!store.targetGroups.has(arn)) throw new AwsServiceError('TargetGroupNotFound', `Target groups '${arn}' not found`);
  } else if (arn.includes(':listener-rule/')) {
    if (!store.rules.has(arn) && !store.isDefaultRule(arn)) throw new AwsServiceError('RuleNotFound', 'One or more rules not found');
  } else if (arn.includes(':listener/')) {
    if (!store.listeners.has(arn)) throw new AwsServiceError('ListenerNotFound', 'One or more listeners not found');
  } else {
    throw validationError(`'${arn}' is not a valid load balancer, target group, listener or rule ARN`);
  }
}

/** Reads a Tags parameter into key/value pairs, rejecting duplicate keys and the prefix AWS reserves (`aws:`). */
export function readTags(params: Params): Map<string, string> {
  const tags = new Map<string, string>();
  for (const tag of structList(params, 'Tags')) {
    const key = reqStr(tag, 'Key');
    if (/^aws:/i.test(key)) throw validationError(`Tag key '${key}' cannot start with 'aws:'`);
    if (tags.has(key)) throw new AwsServiceError('DuplicateTagKeys', `Tag key '${key}' specified more than once`);
    tags.set(key, typeof tag['Value'] === 'string' ? tag['Value'] : '');
  }
  return tags;
}

export function applyTags(store: ElbStore, arn: string, tags: Map<string, string>): void {
  const current = store.tags.get(arn) ?? new Map<string, string>();
  const merged = new Map([...current, ...tags]);
  if (merged.size > MAX_TAGS) throw new AwsServiceError('TooManyTags', `Too many tags for resource '${arn}'`);
  store.tags.set(arn, merged);
}

export function tagList(store: ElbStore, arn: string): { Key: string; Value: string }[] {
  return [...(store.tags.get(arn) ?? new Map<string, string>())].map(([Key, Value]) => ({ Key, Value }));
}

export function tagHandlers(ctx: ElbContext): Record<string, ElbHandler> {
  const { store } = ctx;
  const arnsOf = (params: Params): string[] => {
    const arns = strList(params, 'ResourceArns');
    if (arns.length === 0) throw missing('ResourceArns');
    for (const arn of arns) requireResource(store, arn);
    return arns;
  };
  return {
    AddTags: (params) => {
      const arns = arnsOf(params);
      const tags = readTags(params);
      if (tags.size === 0) throw missing('Tags');
      for (const arn of arns) applyTags(store, arn, tags);
      return {};
    },
    RemoveTags: (params) => {
      const arns = arnsOf(params);
      const keys = strList(params, 'TagKeys');
      if (keys.length === 0) throw missing('TagKeys');
      for (const arn of arns) for (const key of keys) store.tags.get(arn)?.delete(key);
      return {};
    },
    DescribeTags: (params) => {
      const arns = arnsOf(params);
      if (arns.length > 20) throw validationError('You can specify up to 20 resource ARNs');
      return { TagDescriptions: arns.map((arn) => ({ ResourceArn: arn, Tags: tagList(store, arn) })) };
    },
  };
}
