/**
 * The GitHub Actions expression language, as much of it as the example workflows use: literals (null, booleans,
 * numbers, 'strings' with '' escapes), context paths (`inputs.task-definition-arn`, `steps.x.outputs['y']`,
 * `needs.*.result`), `!`, `==`, `!=`, `<`, `<=`, `>`, `>=`, `&&`, `||`, parentheses, and the functions contains,
 * startsWith, endsWith, format, join, toJSON, fromJSON and the status checks success(), failure(), always(),
 * cancelled(). Semantics follow GitHub's documentation: loose equality (strings case-insensitive, mixed types
 * compared as numbers), `&&`/`||` return an operand, a missing property is null.
 */
import { Parser, tokenize, type Node } from './expression-parser.js';

export type Value = null | boolean | number | string | Value[] | { [key: string]: Value };

/** The contexts an expression reads, plus the job or step status the status functions answer from. */
export interface ExpressionContext {
  contexts: Record<string, Value>;
  status?: { success: boolean; failure: boolean; cancelled: boolean };
}

/** Property names are case-insensitive in GitHub's contexts. */
function property(target: Value, key: Value): Value {
  if (Array.isArray(target)) return typeof key === 'number' ? (target[key] ?? null) : null;
  if (target === null || typeof target !== 'object') return null;
  const name = String(key);
  if (name in target) return target[name] ?? null;
  const found = Object.keys(target).find((k) => k.toLowerCase() === name.toLowerCase());
  return found === undefined ? null : (target[found] ?? null);
}

export function truthy(v: Value): boolean {
  return !(v === null || v === false || v === 0 || v === '' || (typeof v === 'number' && Number.isNaN(v)));
}

function toNumber(v: Value): number {
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v.trim() === '' ? 0 : Number(v);
  return NaN;
}

/** How a value reads inside a string (`${{ }}` interpolation, format(), INPUT_* values). */
export function toText(v: Value): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return Array.isArray(v) ? 'Array' : 'Object';
}

function equal(a: Value, b: Value): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (a === null || b === null) return a === b;
  if (typeof a === 'object' || typeof b === 'object') return a === b;
  if (typeof a === typeof b) return a === b;
  return toNumber(a) === toNumber(b);
}

function compare(op: string, a: Value, b: Value): boolean {
  const [x, y] = typeof a === 'string' && typeof b === 'string' ? [a.toLowerCase(), b.toLowerCase()] : [toNumber(a), toNumber(b)];
  return op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
}

function format(template: string, args: Value[]): string {
  return template.replace(/\{\{|\}\}|\{(\d+)\}/g, (m, index: string | undefined) =>
    m === '{{' ? '{' : m === '}}' ? '}' : toText(args[Number(index)] ?? null),
  );
}

function call(name: string, args: Value[], ctx: ExpressionContext): Value {
  const status = ctx.status ?? { success: true, failure: false, cancelled: false };
  const [a = null, b = null] = args;
  switch (name.toLowerCase()) {
    case 'success': return status.success && !status.cancelled;
    case 'failure': return status.failure;
    case 'always': return true;
    case 'cancelled': return status.cancelled;
    case 'contains':
      return Array.isArray(a) ? a.some((item) => equal(item, b)) : toText(a).toLowerCase().includes(toText(b).toLowerCase());
    case 'startswith': return toText(a).toLowerCase().startsWith(toText(b).toLowerCase());
    case 'endswith': return toText(a).toLowerCase().endsWith(toText(b).toLowerCase());
    case 'format': return format(toText(a), args.slice(1));
    case 'join': return Array.isArray(a) ? a.map(toText).join(b === null ? ',' : toText(b)) : toText(a);
    case 'tojson': return JSON.stringify(a, null, 2);
    case 'fromjson': return JSON.parse(toText(a)) as Value;
    default: throw new Error(`unsupported function ${name}()`);
  }
}

function evaluateNode(node: Node, ctx: ExpressionContext): Value {
  switch (node.type) {
    case 'lit': return node.value;
    case 'ctx': {
      const value = property(ctx.contexts, node.name);
      if (value === null && !Object.keys(ctx.contexts).some((k) => k.toLowerCase() === node.name.toLowerCase())) {
        throw new Error(`unknown context '${node.name}'`);
      }
      return value;
    }
    case 'prop': {
      const target = evaluateNode(node.target, ctx);
      if (node.key === '*') return Array.isArray(target) ? target : target !== null && typeof target === 'object' ? Object.values(target) : [];
      const key = evaluateNode(node.key, ctx);
      // After a `*`, the rest of the path applies to each element (`needs.*.result` → every need's result).
      if (filtered(node.target) && Array.isArray(target)) return target.map((item) => property(item, key)).filter((v) => v !== null);
      return property(target, key);
    }
    case 'call': return call(node.name, node.args.map((a) => evaluateNode(a, ctx)), ctx);
    case 'not': return !truthy(evaluateNode(node.operand, ctx));
    case 'bin': {
      const left = evaluateNode(node.left, ctx);
      if (node.op === '&&') return truthy(left) ? evaluateNode(node.right, ctx) : left;
      if (node.op === '||') return truthy(left) ? left : evaluateNode(node.right, ctx);
      const right = evaluateNode(node.right, ctx);
      if (node.op === '==') return equal(left, right);
      if (node.op === '!=') return !equal(left, right);
      return compare(node.op, left, right);
    }
  }
}

/** Whether a path went through a `*` (GitHub's object filter). */
function filtered(node: Node): boolean {
  return node.type === 'prop' && (node.key === '*' || filtered(node.target));
}

/** Evaluates one expression (without the `${{ }}`). */
export function evaluate(source: string, ctx: ExpressionContext): Value {
  return evaluateNode(new Parser(tokenize(source), source).parse(), ctx);
}

const WHOLE = /^\s*\$\{\{([\s\S]*?)\}\}\s*$/;
const EMBEDDED = /\$\{\{([\s\S]*?)\}\}/g;

/**
 * A workflow value: a string that is exactly one `${{ }}` keeps the expression's type (`${{ fromJSON(x) }}` → an
 * array); a string with embedded expressions becomes text; objects and arrays are evaluated member by member.
 */
export function evaluateValue(value: unknown, ctx: ExpressionContext): Value {
  if (typeof value === 'string') {
    const whole = WHOLE.exec(value);
    if (whole && !(whole[1] ?? '').includes('}}')) return evaluate(whole[1] ?? '', ctx);
    return value.replace(EMBEDDED, (_m, expr: string) => toText(evaluate(expr, ctx)));
  }
  if (Array.isArray(value)) return value.map((v) => evaluateValue(v, ctx));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluateValue(v, ctx)]));
  }
  return (value ?? null) as Value;
}

/** Interpolates to text (an input value, a run line, an environment variable). */
export function interpolate(value: unknown, ctx: ExpressionContext): string {
  return toText(evaluateValue(value, ctx));
}

const STATUS_CALL = /\b(success|failure|always|cancelled)\s*\(/i;

/**
 * An `if:` condition. As on GitHub, the `${{ }}` is optional, and a condition without a status function is
 * `success() && (condition)`; no condition at all is `success()`.
 */
export function condition(source: unknown, ctx: ExpressionContext): boolean {
  if (source === undefined || source === null) return truthy(call('success', [], ctx));
  if (typeof source === 'boolean') return source && truthy(call('success', [], ctx));
  const text = String(source).trim();
  const whole = WHOLE.exec(text);
  const expr = whole ? (whole[1] ?? '') : text;
  if (!whole && text.includes('${{')) return truthy(evaluateValue(text, ctx));
  return truthy(evaluate(STATUS_CALL.test(expr) ? expr : `success() && (${expr})`, ctx));
}
