/**
 * Parsing a manifest: JSON or YAML decided by content (JSON when the first non-blank character is `{` or `[`),
 * with line-numbered syntax errors, keeping the document's positions so later checks can name a field's line.
 */
import { readFile } from 'node:fs/promises';
import { LineCounter, isScalar, parseDocument, visit } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { ConfigurationError } from '../errors.js';
import { keepKeyText, nodeAtPath, scalarTextOf } from '../io/scalar-text.js';
import type { ScalarText } from '../io/scalar-text.js';
import { resolveManifestPath, type ManifestRoots } from './paths.js';
import { resolvePlaceholders } from './placeholders.js';
import type { PlaceholderName, Placeholders, ResolvedPlaceholder } from './placeholders.js';
import { throwIfAny } from './problems.js';
import type { FieldPath } from './problems.js';

/** A parsed manifest: its value, the file as the user wrote it, and the line of any field in it. */
export interface Manifest {
  readonly value: unknown;
  readonly file: string;
  /** The input the manifest came from, when known (errors name it). */
  readonly input?: string | undefined;
  /** 1-based line where the field at `path` is written (its key, for object members); undefined if absent. */
  lineOf(path: FieldPath): number | undefined;
  /** The text a number or boolean at `path` was written as (`0123`, `1.10`), for members that want a string. */
  readonly scalarText: ScalarText;
  /**
   * The placeholders replaced inside the document's content (a value, or a key), not in a comment only (S2): an
   * `image` input is used by this manifest when this holds `image`.
   */
  readonly placeholdersInContent: ReadonlySet<PlaceholderName>;
}

export type ManifestFormat = 'json' | 'yaml';

/** JSON when the content starts (after blanks and a BOM) with `{` or `[`, else YAML. */
export function detectFormat(text: string): ManifestFormat {
  const first = /\S/.exec(text.replace(/^\uFEFF/, ''));
  return first !== null && (first[0] === '{' || first[0] === '[') ? 'json' : 'yaml';
}

/**
 * Parses manifest text given inline (or read from a file): placeholders first (S2), then JSON or YAML.
 * `file` is how errors name the source (e.g. `input task-definition` for inline text).
 */
export function parseManifestText(
  text: string,
  file: string,
  placeholders: Placeholders,
  inputName?: string,
): Manifest {
  const { text: substituted, resolved } = resolvePlaceholders(text.replace(/^\uFEFF/, ''), file, placeholders, inputName);
  const base = inputName === undefined ? { file } : { input: inputName, file };
  const format = detectFormat(substituted);
  const lineCounter = new LineCounter();
  const doc = parseDocument(substituted, { lineCounter, merge: true, prettyErrors: true, uniqueKeys: true });
  let value: unknown;
  if (format === 'json') {
    value = parseJson(substituted, base);
  }
  // For JSON, JSON.parse is the judge of syntax; of the YAML parser's complaints only duplicate keys count.
  const errors = format === 'json' ? doc.errors.filter((e) => e.code === 'DUPLICATE_KEY') : doc.errors;
  throwIfAny(
    errors.map((e) => {
      const pos = e.linePos?.[0];
      const what = format === 'json' ? 'JSON' : 'YAML';
      const at = pos === undefined ? '' : ` at line ${pos.line}, column ${pos.col}`;
      const loc = pos === undefined ? base : { ...base, line: pos.line };
      return new ConfigurationError(`${what} syntax error${at}: ${firstLine(e.message)}`, loc);
    }),
  );
  if (format === 'yaml') {
    keepKeyText(doc);
    value = doc.toJS({ maxAliasCount: 1000 });
  }
  if (value === null || value === undefined) {
    throw new ConfigurationError('the manifest is empty', base);
  }
  return {
    value,
    file,
    input: inputName,
    lineOf: (path) => lineOfPath(doc, lineCounter, path),
    scalarText: scalarTextOf(doc),
    placeholdersInContent: inContent(resolved, format === 'json' ? undefined : doc),
  };
}

/**
 * The names of the placeholders whose value stands inside a scalar of `doc`. JSON (no `doc`) has no comments, and
 * JSON.parse accepted the text, so every value there is content; in YAML a value outside every scalar is in a comment.
 */
function inContent(resolved: readonly ResolvedPlaceholder[], doc: Document | undefined): ReadonlySet<PlaceholderName> {
  if (doc === undefined) return new Set(resolved.map((r) => r.name));
  const scalars: (readonly [number, number])[] = [];
  visit(doc, {
    Scalar(_key, node) {
      if (node.range) scalars.push([node.range[0], node.range[1]]);
    },
  });
  const inside = (r: ResolvedPlaceholder): boolean => scalars.some(([start, end]) => r.start >= start && r.end <= end);
  return new Set(resolved.filter(inside).map((r) => r.name));
}

/**
 * Resolves `userPath` in the workspace (or RUNNER_TEMP; anything else is refused), reads it and parses it (see
 * parseManifestText).
 */
export async function loadManifest(
  roots: ManifestRoots,
  userPath: string,
  inputName: string,
  placeholders: Placeholders,
): Promise<Manifest> {
  const real = await resolveManifestPath(roots, userPath, inputName);
  let text: string;
  try {
    text = await readFile(real, 'utf8');
  } catch (e) {
    throw new ConfigurationError(`cannot read the file: ${(e as Error).message}`, { input: inputName, file: userPath });
  }
  return parseManifestText(text, userPath, placeholders, inputName);
}

function parseJson(text: string, base: { input?: string; file: string }): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const message = (e as Error).message;
    const { line, column } = jsonErrorPosition(text, message);
    throw new ConfigurationError(`JSON syntax error at line ${line}, column ${column}: ${stripPosition(message)}`, {
      ...base,
      line,
    });
  }
}

/** Line and column of a JSON.parse error: from `at position N` (any Node), else `(line L column C)`, else the end. */
export function jsonErrorPosition(text: string, message: string): { line: number; column: number } {
  const pos = /at position (\d+)/.exec(message);
  const lc = /\(line (\d+) column (\d+)\)/.exec(message);
  if (pos === null && lc !== null) return { line: Number(lc[1]), column: Number(lc[2]) };
  // An error at the very end (truncated input) is shown on the last line that has content.
  const end = text.trimEnd().length;
  const offset = pos !== null ? Math.min(Number(pos[1]), end) : end;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column };
}

function stripPosition(message: string): string {
  return message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '');
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

function lineOfPath(doc: Document, counter: LineCounter, path: FieldPath): number | undefined {
  const found = nodeAtPath(doc, path);
  const target = (isScalar(found?.key) ? found.key : found?.node) as YamlNode | null | undefined;
  const offset = target?.range?.[0];
  return offset === undefined ? undefined : counter.linePos(offset).line;
}
