/**
 * The text a scalar was written as, read back from a parsed YAML (or JSON, which is YAML 1.2) document. YAML turns
 * `0123`, `1.10`, `1e3` or `True` into a number or a boolean; where the AWS request wants a string, the value the
 * user means is the text they wrote, not JavaScript's rendering of the number ("123", "1.1", "1000", "true").
 */
import { isAlias, isMap, isScalar, isSeq, visit } from 'yaml';
import type { Document, Pair, YAMLMap } from 'yaml';

/** A path into a parsed document: object keys and list indexes. */
export type DocumentPath = readonly (string | number)[];

/**
 * The source text of the number or boolean `value` found at `path`, or undefined when the node there is not a
 * scalar holding that very value (the text cannot be read back, so it must not be guessed).
 */
export type ScalarText = (path: DocumentPath, value: unknown) => string | undefined;

/** A node found at a path: the node itself (an alias is not resolved) and, for an object member, its key. */
export interface FoundNode {
  readonly node: unknown;
  readonly key?: unknown;
}

const MAX_MERGE_DEPTH = 16;

/**
 * Map keys written as numbers or booleans (`dockerLabels: {0042: x}`) keep their text as the key, as every
 * key of a JSON object or AWS string map is a string. Call before `doc.toJS()`.
 */
export function keepKeyText(doc: Document): void {
  visit(doc, {
    Pair(_, pair) {
      const key = pair.key;
      if (!isScalar(key) || typeof key.source !== 'string') return;
      if (typeof key.value === 'number' || typeof key.value === 'boolean') key.value = key.source;
    },
  });
}

/** The ScalarText of `doc` (see ScalarText). */
export function scalarTextOf(doc: Document): ScalarText {
  return (path, value) => {
    const found = nodeAtPath(doc, path);
    const node = isAlias(found?.node) ? found.node.resolve(doc) : found?.node;
    if (!isScalar(node) || typeof node.source !== 'string') return undefined;
    return sameValue(node.value, value) ? node.source : undefined;
  };
}

/** The node at `path`, following aliases and `<<` merge keys as `toJS` does; undefined where nothing is. */
export function nodeAtPath(doc: Document, path: DocumentPath): FoundNode | undefined {
  let found: FoundNode = { node: doc.contents };
  for (const segment of path) {
    const node = isAlias(found.node) ? found.node.resolve(doc) : found.node;
    if (isMap(node)) {
      const pair = member(doc, node, String(segment), 0);
      if (pair === undefined) return undefined;
      found = { node: pair.value, key: pair.key };
    } else if (isSeq(node) && typeof segment === 'number') {
      found = { node: node.items[segment] };
    } else {
      return undefined;
    }
  }
  return found;
}

/**
 * The pair named `name` as `toJS` picks it: the map's own (the last, if two keys name the same thing, like `1` and
 * `"1"`), else from its merge sources in order (the first that has it wins).
 */
function member(doc: Document, map: YAMLMap, name: string, depth: number): Pair | undefined {
  const own = map.items.findLast((p) => !isMergePair(p) && keyName(p.key) === name);
  if (own !== undefined || depth > MAX_MERGE_DEPTH) return own;
  for (const pair of map.items.filter(isMergePair)) {
    const value = isAlias(pair.value) ? pair.value.resolve(doc) : pair.value;
    const sources = isSeq(value) ? value.items : [value];
    for (const source of sources) {
      const resolved = isAlias(source) ? source.resolve(doc) : source;
      const found = isMap(resolved) ? member(doc, resolved, name, depth + 1) : undefined;
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** A `<<` key (only documents parsed with `merge: true` give it a symbol value). */
function isMergePair(pair: Pair): boolean {
  return isScalar(pair.key) && typeof pair.key.value === 'symbol' && pair.key.value.description === '<<';
}

/** The key as `toJS` names it in a plain object. */
function keyName(key: unknown): string {
  if (isScalar(key)) return key.value === null || key.value === undefined ? '' : String(key.value);
  return String(key);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return Object.is(a, b);
}
