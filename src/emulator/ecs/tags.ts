/** Resource tags: validation, merging, and TagResource / UntagResource / ListTagsForResource. */
import { AwsServiceError } from '../contracts.js';
import { lastSegment, type EcsContext } from './context.js';
import { invalid, optList, reqStr, strList } from './params.js';
import type { Json, Tag } from './state.js';

/** The prefix AWS reserves for its own tags, in any case (`aws:`, `AWS:`, `Aws:` …), for keys and values alike. */
const RESERVED = /^aws:/i;

/** Reads a `tags` member ([{key, value}]), enforcing the ECS limits and the reserved `aws:` prefix. */
export function readTags(p: Json, name = 'tags'): Tag[] {
  const list = optList<Json>(p, name) ?? [];
  if (list.length > 50) throw invalid('Too many tags: a resource can have at most 50 tags.');
  return list.map((t) => {
    const key = t['key'];
    const value = t['value'] ?? '';
    if (typeof key !== 'string' || key.length < 1 || key.length > 128) {
      throw invalid('Tag keys must be between 1 and 128 characters.');
    }
    if (typeof value !== 'string' || value.length > 256) throw invalid('Tag values must be at most 256 characters.');
    if (RESERVED.test(key)) throw invalid('Tag key must not start with aws:');
    if (RESERVED.test(value)) throw invalid('Tag value must not start with aws:');
    return { key, value };
  });
}

export function mergeTags(existing: Tag[], added: Tag[]): Tag[] {
  const map = new Map(existing.map((t) => [t.key, t.value]));
  for (const t of added) map.set(t.key, t.value);
  return [...map].map(([key, value]) => ({ key, value }));
}

/** The record holding tags for an ECS ARN: cluster, service, task definition or task. */
function tagHolder(ctx: EcsContext, arn: string): { tags: Tag[] } {
  const match = /^arn:aws[a-z-]*:ecs:[^:]*:[^:]*:([a-z-]+)\/(.+)$/.exec(arn);
  const notFound = (): AwsServiceError => invalid('The specified resource could not be found.');
  if (!match) throw invalid(`Invalid resource ARN: ${arn}`);
  const [, type, rest = ''] = match;
  const { state } = ctx;
  switch (type) {
    case 'cluster': {
      const cluster = state.clusters.get(rest);
      if (!cluster) throw new AwsServiceError('ClusterNotFoundException', 'Cluster not found.');
      return cluster;
    }
    case 'service': {
      const parts = rest.split('/');
      const key = parts.length === 2 ? rest : `default/${rest}`;
      const service = state.services.get(key);
      if (!service || service.status === 'INACTIVE') throw new AwsServiceError('ServiceNotFoundException', 'Service not found.');
      return service;
    }
    case 'task-definition': {
      const [family = '', revision = ''] = rest.split(':');
      const rec = state.taskDefs.get(family)?.[Number(revision) - 1];
      if (!rec) throw notFound();
      return rec;
    }
    case 'task': {
      for (const task of state.tasks.values()) if (task.id === lastSegment(rest)) return task;
      throw notFound();
    }
    default:
      throw notFound();
  }
}

export const tagOperations = {
  TagResource(ctx: EcsContext, p: Json): Json {
    const holder = tagHolder(ctx, reqStr(p, 'resourceArn'));
    holder.tags = mergeTags(holder.tags, readTags(p));
    if (holder.tags.length > 50) throw invalid('Too many tags: a resource can have at most 50 tags.');
    return {};
  },
  UntagResource(ctx: EcsContext, p: Json): Json {
    const holder = tagHolder(ctx, reqStr(p, 'resourceArn'));
    const keys = new Set(strList(p, 'tagKeys') ?? []);
    holder.tags = holder.tags.filter((t) => !keys.has(t.key));
    return {};
  },
  ListTagsForResource(ctx: EcsContext, p: Json): Json {
    return { tags: tagHolder(ctx, reqStr(p, 'resourceArn')).tags.map((t) => ({ ...t })) };
  },
};
