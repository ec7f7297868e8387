/**
 * The AWS Query protocol as Elastic Load Balancing v2 speaks it: requests are form-encoded
 * (`Action=CreateTargetGroup&Version=2015-12-01&Tags.member.1.Key=a...`), responses are XML.
 *
 * The decoder is schema-less: every scalar stays a string (handlers coerce numbers and booleans), lists written
 * as `Name.member.N` become arrays, maps written as `Name.entry.N.key/value` become objects, and an empty list,
 * which the SDK serialises as `Name=`, stays the empty string (handlers read it as an empty list).
 */
import type { AwsServiceError } from './contracts.js';

export const ELBV2_XMLNS = 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/';

export interface QueryRequest {
  action: string;
  version: string;
  params: Record<string, unknown>;
}

type Tree = { [key: string]: Tree | string };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function parseQueryBody(body: string): QueryRequest {
  const form = new URLSearchParams(body);
  const root: Tree = {};
  let action = '';
  let version = '';
  for (const [key, value] of form) {
    if (key === 'Action') action = value;
    else if (key === 'Version') version = value;
    else insert(root, key.split('.'), value);
  }
  return { action, version, params: shape(root) as Record<string, unknown> };
}

function insert(root: Tree, path: string[], value: string): void {
  if (path.some((segment) => segment === '' || FORBIDDEN_KEYS.has(segment))) return;
  let node = root;
  for (const [i, segment] of path.entries()) {
    if (i === path.length - 1) {
      // A deeper value already written under this name wins over a bare `Name=` (empty list marker).
      if (typeof node[segment] !== 'object') node[segment] = value;
      return;
    }
    const next = node[segment];
    if (typeof next === 'object') node = next;
    else {
      const created: Tree = {};
      node[segment] = created;
      node = created;
    }
  }
}

const isIndex = (key: string): boolean => /^[1-9][0-9]*$/.test(key);

/** Turns `member`/`entry` subtrees into arrays and maps, recursively. */
function shape(node: Tree | string): unknown {
  if (typeof node === 'string') return node;
  const keys = Object.keys(node);
  if (keys.length === 1 && keys[0] === 'member') {
    const members = node['member'];
    if (typeof members === 'object') return indexed(members);
  }
  if (keys.length === 1 && keys[0] === 'entry') {
    const entries = node['entry'];
    if (typeof entries === 'object' && Object.keys(entries).every(isIndex)) return toMap(entries);
  }
  if (keys.length > 0 && keys.every(isIndex)) return indexed(node); // flattened list: Name.1, Name.2
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = shape(node[key] as Tree | string);
  return out;
}

function indexed(node: Tree): unknown[] {
  return Object.keys(node)
    .filter(isIndex)
    .sort((a, b) => Number(a) - Number(b))
    .map((key) => shape(node[key] as Tree | string));
}

function toMap(entries: Tree): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const entry of indexed(entries)) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { key, value } = entry as { key?: unknown; value?: unknown };
    if (typeof key === 'string' && !FORBIDDEN_KEYS.has(key)) out[key] = value ?? '';
  }
  return out;
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Serialises a result value: arrays as `<member>` items, Dates as ISO 8601, null/undefined omitted. */
function toXml(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) {
    return value
      .filter((item) => item !== undefined && item !== null)
      .map((item) => `<member>${toXml(item)}</member>`)
      .join('');
  }
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => `<${k}>${toXml(v)}</${k}>`)
      .join('');
  }
  return escapeXml(String(value));
}

export function queryResponseXml(action: string, result: unknown, requestId: string, xmlns: string = ELBV2_XMLNS): string {
  return (
    `<${action}Response xmlns="${xmlns}">` +
    `<${action}Result>${toXml(result)}</${action}Result>` +
    `<ResponseMetadata><RequestId>${escapeXml(requestId)}</RequestId></ResponseMetadata>` +
    `</${action}Response>`
  );
}

export function queryErrorXml(err: AwsServiceError, requestId: string, xmlns: string = ELBV2_XMLNS): string {
  return (
    `<ErrorResponse xmlns="${xmlns}">` +
    `<Error><Type>${err.fault}</Type><Code>${escapeXml(err.code)}</Code><Message>${escapeXml(err.message)}</Message></Error>` +
    `<RequestId>${escapeXml(requestId)}</RequestId>` +
    `</ErrorResponse>`
  );
}
