/**
 * Typed readers over the action's inputs. Every reader throws a ConfigurationError naming the input (S3), so an
 * action validates all of its inputs before its first AWS call. Reading a name that is not in the action's declared
 * list (its INPUT_NAMES, kept equal to action.yml by test/unit/action-inputs.test.ts) is a programming bug and throws
 * a plain Error.
 */
import { ConfigurationError } from './errors.js';
import type { ScalarText } from './io/scalar-text.js';
import { parseJsonText, parseYamlOrJsonDocument, type ParseResult } from './io/structured-text.js';

/** Raw input value by name: '' when unset, trimmed (like @actions/core getInput). */
export type InputSource = (name: string) => string;

export interface NumberBounds {
  min?: number;
  max?: number;
}

const TRUE_VALUES = ['true', 'True', 'TRUE'];
const FALSE_VALUES = ['false', 'False', 'FALSE'];

export class Inputs {
  private readonly declared: ReadonlySet<string>;

  constructor(
    private readonly source: InputSource,
    declared: readonly string[],
  ) {
    this.declared = new Set(declared);
  }

  /** The trimmed value, '' when unset. */
  raw(name: string): string {
    if (!this.declared.has(name)) {
      throw new Error(`BUG: input '${name}' is read but not declared (declared: ${[...this.declared].join(', ')})`);
    }
    return this.source(name).trim();
  }

  /** True when the input has a non-empty value. */
  has(name: string): boolean {
    return this.raw(name) !== '';
  }

  required(name: string): string {
    const v = this.raw(name);
    if (v === '') throw new ConfigurationError('a value is required', { input: name });
    return v;
  }

  optional(name: string): string | undefined {
    const v = this.raw(name);
    return v === '' ? undefined : v;
  }

  /** YAML 1.2 core schema booleans, as @actions/core getBooleanInput: true/True/TRUE/false/False/FALSE. */
  boolean(name: string, defaultValue: boolean): boolean {
    const v = this.raw(name);
    if (v === '') return defaultValue;
    if (TRUE_VALUES.includes(v)) return true;
    if (FALSE_VALUES.includes(v)) return false;
    throw new ConfigurationError(`expected a boolean (true or false), got '${v}'`, { input: name });
  }

  /** A whole number within the bounds; the default (or undefined) when unset. */
  integer(name: string, opts: NumberBounds & { default: number }): number;
  integer(name: string, opts?: NumberBounds): number | undefined;
  integer(name: string, opts: NumberBounds & { default?: number } = {}): number | undefined {
    const v = this.raw(name);
    if (v === '') return opts.default;
    const n = /^[+-]?\d+$/.test(v) ? Number(v) : NaN;
    if (!Number.isSafeInteger(n) || !within(n, opts)) {
      throw new ConfigurationError(`expected ${describeBounds('a whole number', opts)}, got '${v}'`, { input: name });
    }
    return n;
  }

  /** A finite decimal number within the bounds; the default (or undefined) when unset. */
  number(name: string, opts: NumberBounds & { default: number }): number;
  number(name: string, opts?: NumberBounds): number | undefined;
  number(name: string, opts: NumberBounds & { default?: number } = {}): number | undefined {
    const v = this.raw(name);
    if (v === '') return opts.default;
    const n = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(v) ? Number(v) : NaN;
    if (!Number.isFinite(n) || !within(n, opts)) {
      throw new ConfigurationError(`expected ${describeBounds('a number', opts)}, got '${v}'`, { input: name });
    }
    return n;
  }

  /** One of `allowed` (an exact match, or else a case-insensitive one, returned as spelled in `allowed`). */
  enumValue<const T extends string>(name: string, allowed: readonly T[], defaultValue: T): T;
  enumValue<const T extends string>(name: string, allowed: readonly T[]): T | undefined;
  enumValue<const T extends string>(name: string, allowed: readonly T[], defaultValue?: T): T | undefined {
    const v = this.raw(name);
    if (v === '') return defaultValue;
    const exact = allowed.find((a) => a === v);
    if (exact !== undefined) return exact;
    const folded = allowed.filter((a) => a.toLowerCase() === v.toLowerCase());
    if (folded.length === 1) return folded[0];
    throw new ConfigurationError(`expected one of ${allowed.map((a) => `'${a}'`).join(', ')}, got '${v}'`, {
      input: name,
    });
  }

  /** Parsed JSON, undefined when unset. Syntax errors give the line within the input's value. */
  json(name: string): unknown {
    const v = this.raw(name);
    return v === '' ? undefined : unwrap(name, parseJsonText(v));
  }

  /** Parsed JSON or YAML (by content), undefined when unset. Syntax errors give the line within the value. */
  yamlOrJson(name: string): unknown {
    return this.yamlOrJsonDocument(name)?.value;
  }

  /** As yamlOrJson, with the text each number or boolean was written as (`1.10`), for members that want a string. */
  yamlOrJsonDocument(name: string): { value: unknown; scalarText: ScalarText } | undefined {
    const v = this.raw(name);
    if (v === '') return undefined;
    const parsed = parseYamlOrJsonDocument(v);
    const value = unwrap(name, parsed);
    return { value, scalarText: parsed.ok ? parsed.scalarText : () => undefined };
  }

  /** Items separated by newlines and/or commas, trimmed, empty items dropped; [] when unset. */
  list(name: string): string[] {
    return this.raw(name)
      .split(/[\n,]/)
      .map((s) => s.trim())
      .filter((s) => s !== '');
  }

  /**
   * For "give one of a / b, not both" pairs (e.g. `task-definition` / `task-definition-arn`): the one that is set,
   * undefined when neither is (or an error with `required: true`), an error when both are.
   */
  exclusive<A extends string, B extends string>(
    a: A,
    b: B,
    opts: { required: true },
  ): { name: A | B; value: string };
  exclusive<A extends string, B extends string>(
    a: A,
    b: B,
    opts?: { required?: boolean },
  ): { name: A | B; value: string } | undefined;
  exclusive<A extends string, B extends string>(
    a: A,
    b: B,
    opts: { required?: boolean } = {},
  ): { name: A | B; value: string } | undefined {
    const va = this.raw(a);
    const vb = this.raw(b);
    if (va !== '' && vb !== '') {
      throw new ConfigurationError(`give either '${a}' or '${b}', not both`, { input: a });
    }
    if (va !== '') return { name: a, value: va };
    if (vb !== '') return { name: b, value: vb };
    if (opts.required === true) {
      throw new ConfigurationError(`one of '${a}' or '${b}' is required`, { input: a });
    }
    return undefined;
  }
}

function within(n: number, b: NumberBounds): boolean {
  return (b.min === undefined || n >= b.min) && (b.max === undefined || n <= b.max);
}

function describeBounds(what: string, b: NumberBounds): string {
  if (b.min !== undefined && b.max !== undefined) return `${what} from ${b.min} to ${b.max}`;
  if (b.min !== undefined) return `${what} of at least ${b.min}`;
  if (b.max !== undefined) return `${what} of at most ${b.max}`;
  return what;
}

function unwrap(name: string, r: ParseResult): unknown {
  if (r.ok) return r.value;
  throw new ConfigurationError(`invalid ${r.format} at line ${r.line}, column ${r.column}: ${r.reason}`, {
    input: name,
  });
}
