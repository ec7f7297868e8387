/**
 * Structural validation of a manifest against the AWS SDK's own input shape (its smithy schema, as exported by
 * the client packages, e.g. `RegisterTaskDefinitionRequest$`), read through @smithy/core's NormalizedSchema.
 * Unknown fields (with a did-you-mean), wrong types and missing required members are all collected, each with
 * the path of the field. The walk also builds the cleaned value: nulls dropped, numbers and booleans given
 * for string members turned into the text they were written as (YAML users write `cpu: 256` and `value: 1.10`;
 * the API wants text, and "1.10" is what they mean, not JavaScript's "1.1").
 */
import { NormalizedSchema } from '@smithy/core/schema';
import type { ScalarText } from '../io/scalar-text.js';
import { closestName } from './did-you-mean.js';
import type { FieldPath, Problem } from './problems.js';

/** A structure schema as the SDK exports it (`RegisterTaskDefinitionRequest$` and friends). */
export type StructureSchemaRef = Parameters<typeof NormalizedSchema.of>[0];

export interface SchemaCheckOptions {
  /** Top-level required members the action fills in itself (e.g. RunTask's taskDefinition): not required here. */
  readonly provided?: readonly string[] | undefined;
  /**
   * Accept member names that differ from the SDK's only in letter case, and rename them (Harness documents the
   * auto scaling manifests in camelCase, `serviceNamespace`, while the API says `ServiceNamespace`).
   */
  readonly caseInsensitiveMembers?: boolean | undefined;
  /**
   * The text a number or boolean was written as, by its path (the manifest's own paths: `basePath` included).
   * With it, such a value given for a string member becomes exactly that text, or a problem when the text cannot
   * be read back; without it (a value built in code, no text), it becomes `String(value)`.
   */
  readonly scalarText?: ScalarText | undefined;
}

export interface SchemaCheckResult {
  /** The cleaned value (only meaningful when there are no problems). */
  readonly value: unknown;
  readonly problems: readonly Problem[];
}

const MAX_DEPTH = 64;

/** Checks `value` against the structure `schema`; paths in problems start at `basePath`. */
export function checkAgainstSchema(
  schema: StructureSchemaRef,
  value: unknown,
  options: SchemaCheckOptions = {},
  basePath: FieldPath = [],
): SchemaCheckResult {
  const problems: Problem[] = [];
  const walker = new Walker(problems, options);
  const cleaned = walker.walk(NormalizedSchema.of(schema), value, basePath, true);
  return { value: cleaned, problems };
}

class Walker {
  constructor(
    private readonly problems: Problem[],
    private readonly options: SchemaCheckOptions,
  ) {}

  walk(ns: NormalizedSchema, value: unknown, path: FieldPath, top = false): unknown {
    if (value === null || value === undefined) return undefined;
    if (path.length > MAX_DEPTH) return this.fail(path, 'the document is nested too deeply');
    if (ns.isStructSchema()) return this.struct(ns, value, path, top);
    if (ns.isListSchema()) return this.list(ns, value, path);
    if (ns.isMapSchema()) return this.map(ns, value, path);
    if (ns.isDocumentSchema() || ns.isUnitSchema()) return value;
    if (ns.isStringSchema()) return this.string(value, path);
    if (ns.isNumericSchema() || ns.isBigIntegerSchema() || ns.isBigDecimalSchema()) return this.number(value, path);
    if (ns.isBooleanSchema()) return this.boolean(value, path);
    if (ns.isTimestampSchema()) {
      if (value instanceof Date || typeof value === 'string' || typeof value === 'number') return value;
      return this.fail(path, `expected a timestamp, got ${describe(value)}`);
    }
    if (ns.isBlobSchema()) {
      if (typeof value === 'string' || value instanceof Uint8Array) return value;
      return this.fail(path, `expected binary data (a string), got ${describe(value)}`);
    }
    return value;
  }

  private struct(ns: NormalizedSchema, value: unknown, path: FieldPath, top: boolean): unknown {
    const shape = ns.getName() ?? 'object';
    if (!isPlainObject(value)) return this.fail(path, `expected an object (${shape}), got ${describe(value)}`);
    const members = new Map<string, NormalizedSchema>();
    for (const [name, member] of ns.structIterator()) members.set(name, member);
    const names = [...members.keys()];
    const out: Record<string, unknown> = {};
    for (const [key, raw] of Object.entries(value)) {
      const name = members.has(key) ? key : this.caseMatch(key, names);
      const member = name === undefined ? undefined : members.get(name);
      if (name === undefined || member === undefined) {
        this.unknown(key, names, shape, [...path, key]);
        continue;
      }
      if (name in out) {
        this.problems.push({ path: [...path, key], detail: `\`${key}\` repeats \`${name}\`` });
        continue;
      }
      const cleaned = this.walk(member, raw, [...path, key]);
      if (cleaned !== undefined) out[name] = cleaned;
    }
    this.required(ns, names, value, path, top);
    if (ns.isUnionSchema() && Object.keys(out).length !== 1) {
      this.fail(path, `exactly one of ${names.map((n) => `\`${n}\``).join(', ')} must be set`);
    }
    return out;
  }

  private required(
    ns: NormalizedSchema,
    names: readonly string[],
    raw: Record<string, unknown>,
    path: FieldPath,
    top: boolean,
  ): void {
    const provided = top ? (this.options.provided ?? []) : [];
    for (const name of names.slice(0, requiredCount(ns))) {
      if (provided.includes(name)) continue;
      // Present but of a wrong type is reported by the walk already: only a truly absent member is "missing".
      const present = Object.entries(raw).some(
        ([k, v]) => v !== null && v !== undefined && (k === name || this.caseMatch(k, [name]) === name),
      );
      if (present) continue;
      this.problems.push({ path: [...path, name], at: path, detail: `missing required field \`${name}\`` });
    }
  }

  private caseMatch(key: string, names: readonly string[]): string | undefined {
    if (this.options.caseInsensitiveMembers !== true) return undefined;
    return names.find((n) => n.toLowerCase() === key.toLowerCase());
  }

  private unknown(key: string, names: readonly string[], shape: string, path: FieldPath): void {
    const guess = closestName(key, names);
    const hint = guess === undefined ? '' : `; did you mean \`${guess}\`?`;
    this.problems.push({ path, detail: `unknown field \`${key}\` (not a member of ${shape})${hint}` });
  }

  private list(ns: NormalizedSchema, value: unknown, path: FieldPath): unknown {
    if (!Array.isArray(value)) return this.fail(path, `expected a list, got ${describe(value)}`);
    const item = ns.getValueSchema();
    return value.map((v: unknown, i) => {
      if (v === null || v === undefined) return this.fail([...path, i], 'a list item is empty (null)');
      return this.walk(item, v, [...path, i]);
    });
  }

  private map(ns: NormalizedSchema, value: unknown, path: FieldPath): unknown {
    if (!isPlainObject(value)) return this.fail(path, `expected a map of names to values, got ${describe(value)}`);
    const item = ns.getValueSchema();
    const out: Record<string, unknown> = {};
    for (const [key, raw] of Object.entries(value)) {
      const cleaned = this.walk(item, raw, [...path, key]);
      if (cleaned !== undefined) out[key] = cleaned;
    }
    return out;
  }

  private string(value: unknown, path: FieldPath): unknown {
    if (typeof value === 'string') return value;
    const wrong = `expected a string, got ${describe(value)}`;
    if (!isWrittenScalar(value)) return this.fail(path, wrong);
    const scalarText = this.options.scalarText;
    if (scalarText === undefined) return plainText(value) ?? this.fail(path, wrong);
    return (
      scalarText(path, value) ??
      this.fail(
        path,
        `${wrong} written without quotes, and the exact text it was written as cannot be read back; ` +
          'put the value in quotes so it is registered exactly as written',
      )
    );
  }

  private number(value: unknown, path: FieldPath): unknown {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    const hint =
      typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))
        ? ' (write the number without quotes)'
        : '';
    return this.fail(path, `expected a number, got ${describe(value)}${hint}`);
  }

  private boolean(value: unknown, path: FieldPath): unknown {
    if (typeof value === 'boolean') return value;
    const hint = value === 'true' || value === 'false' ? ' (write true or false without quotes)' : '';
    return this.fail(path, `expected true or false, got ${describe(value)}${hint}`);
  }

  private fail(path: FieldPath, detail: string): undefined {
    this.problems.push({ path, detail });
    return undefined;
  }
}

/** A scalar YAML or JSON reads as something other than a string (`0123`, `1.10`, `True`, `.inf`, a 1.1 date). */
function isWrittenScalar(value: unknown): boolean {
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || value instanceof Date;
}

/** A value built in code has no written text: a finite number or a boolean becomes `String(value)`. */
function plainText(value: unknown): string | undefined {
  return (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean' ? String(value) : undefined;
}

/** How many members (the first ones) a structure requires: the 7th slot of a static structure schema. */
function requiredCount(ns: NormalizedSchema): number {
  const sc = ns.getSchema() as unknown;
  const count = Array.isArray(sc) ? (sc as unknown[])[6] : undefined;
  return typeof count === 'number' ? count : 0;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** The kind of a value, for messages (never the value of a string: it may be a secret). */
export function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? `the number ${value}` : 'a non-finite number';
  if (typeof value === 'boolean') return `${value}`;
  if (typeof value === 'string') return 'a string';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'object') return 'an object';
  return typeof value;
}
