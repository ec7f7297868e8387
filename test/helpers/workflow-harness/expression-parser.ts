/**
 * The parser of the harness's expression language (expressions.ts evaluates): tokens, then a tree by precedence
 * (`||` < `&&` < `==` `!=` < `<` `<=` `>` `>=` < `!` < property access and calls).
 */
import type { Value } from './expressions.js';

type Token = { kind: 'num' | 'str' | 'id' | 'op'; text: string; value?: Value };

const OPERATORS = ['==', '!=', '<=', '>=', '&&', '||', '!', '<', '>', '(', ')', '[', ']', '.', ',', '*'];

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    if (/\s/.test(c)) i++;
    else if (c === "'") {
      let text = '';
      for (i++; ; i++) {
        if (i >= source.length) throw new Error(`unterminated string in expression: ${source}`);
        if (source[i] === "'" && source[i + 1] === "'") {
          text += "'";
          i++;
        } else if (source[i] === "'") break;
        else text += source[i];
      }
      i++;
      tokens.push({ kind: 'str', text, value: text });
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(source[i + 1] ?? ''))) {
      const m = /^-?(0x[0-9a-f]+|[0-9]+(\.[0-9]+)?(e[+-]?[0-9]+)?)/i.exec(source.slice(i)) as RegExpExecArray;
      tokens.push({ kind: 'num', text: m[0], value: Number(m[0]) });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(source.slice(i)) as RegExpExecArray;
      tokens.push({ kind: 'id', text: m[0] });
      i += m[0].length;
    } else {
      const op = OPERATORS.find((o) => source.startsWith(o, i));
      if (op === undefined) throw new Error(`unexpected character '${c}' in expression: ${source}`);
      tokens.push({ kind: 'op', text: op });
      i += op.length;
    }
  }
  return tokens;
}

export type Node =
  | { type: 'lit'; value: Value }
  | { type: 'ctx'; name: string }
  | { type: 'prop'; target: Node; key: Node | '*' }
  | { type: 'call'; name: string; args: Node[] }
  | { type: 'not'; operand: Node }
  | { type: 'bin'; op: string; left: Node; right: Node };

const PRECEDENCE: Record<string, number> = { '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 4, '<=': 4, '>': 4, '>=': 4 };

export class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[], private readonly source: string) {}

  parse(): Node {
    const node = this.binary(1);
    if (this.at < this.tokens.length) this.fail(`unexpected '${this.tokens[this.at]?.text}'`);
    return node;
  }

  private fail(why: string): never {
    throw new Error(`${why} in expression: ${this.source}`);
  }

  private peek(text: string): boolean {
    return this.tokens[this.at]?.kind === 'op' && this.tokens[this.at]?.text === text;
  }

  private expect(text: string): void {
    if (!this.peek(text)) this.fail(`expected '${text}'`);
    this.at++;
  }

  private binary(level: number): Node {
    let left = level > 4 ? this.unary() : this.binary(level + 1);
    for (;;) {
      const t = this.tokens[this.at];
      if (t?.kind !== 'op' || PRECEDENCE[t.text] !== level) return left;
      this.at++;
      left = { type: 'bin', op: t.text, left, right: level === 4 ? this.unary() : this.binary(level + 1) };
    }
  }

  private unary(): Node {
    if (this.peek('!')) {
      this.at++;
      return { type: 'not', operand: this.unary() };
    }
    return this.postfix(this.primary());
  }

  private primary(): Node {
    const t = this.tokens[this.at++];
    if (t === undefined) return this.fail('unexpected end');
    if (t.kind === 'num' || t.kind === 'str') return { type: 'lit', value: t.value ?? null };
    if (t.kind === 'op' && t.text === '(') {
      const inner = this.binary(1);
      this.expect(')');
      return inner;
    }
    if (t.kind !== 'id') return this.fail(`unexpected '${t.text}'`);
    const literal: Record<string, Value> = { null: null, true: true, false: false };
    if (t.text in literal) return { type: 'lit', value: literal[t.text] ?? null };
    if (!this.peek('(')) return { type: 'ctx', name: t.text };
    this.at++;
    const args: Node[] = [];
    while (!this.peek(')')) {
      args.push(this.binary(1));
      if (!this.peek(')')) this.expect(',');
    }
    this.at++;
    return { type: 'call', name: t.text, args };
  }

  private postfix(node: Node): Node {
    for (;;) {
      if (this.peek('.')) {
        this.at++;
        const t = this.tokens[this.at++];
        if (t?.kind === 'op' && t.text === '*') node = { type: 'prop', target: node, key: '*' };
        else if (t?.kind === 'id') node = { type: 'prop', target: node, key: { type: 'lit', value: t.text } };
        else this.fail(`expected a property name after '.'`);
      } else if (this.peek('[')) {
        this.at++;
        const key: Node | '*' = this.peek('*') ? (this.at++, '*') : this.binary(1);
        this.expect(']');
        node = { type: 'prop', target: node, key };
      } else return node;
    }
  }
}
