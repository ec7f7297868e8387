/**
 * A strict JSON (RFC 8259) scanner that only finds where text stops being JSON. It walks the text once, builds no
 * value (JSON.parse does that), and throws JsonSyntax at the first error with its offset and a reason a person can act
 * on. structured-text.ts turns the offset into a line and column.
 */

/** The first JSON syntax error: where it is (offset into the text) and why. */
export class JsonSyntax extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const WHITESPACE = ' \t\n\r';
const SINGLE_CHARACTER_ESCAPES = '"\\/bfnrt';
const LITERALS = ['true', 'false', 'null'] as const;

/** The bracket that closes an open object or array. */
type Close = '}' | ']';

/** The scan of one text: the position and the objects and arrays open there. */
export class JsonScanner {
  /** Offset of the next character to read. */
  private at = 0;
  /** The closing bracket of each object and array open at the scan position, innermost last. */
  private readonly open: Close[] = [];
  /** Sticky (`y`), so it matches only at `lastIndex`; one per scanner, as `lastIndex` is state. */
  private readonly numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

  constructor(private readonly text: string) {}

  /** One JSON value with only whitespace around it; throws JsonSyntax at the first error. */
  document(): void {
    this.value();
    this.skipWhitespace();
    if (this.at < this.text.length) this.fail(`unexpected ${JSON.stringify(this.text[this.at])} after the end of the JSON value`);
  }

  /**
   * One value however deeply nested: open objects and arrays are kept on `open` instead of the call stack, so a
   * thousands-deep `[[[[` is located like any other error rather than overflowing the stack.
   */
  private value(): void {
    for (;;) {
      this.skipWhitespace();
      const c = this.text[this.at];
      if (c === '{' || c === '[') {
        if (this.opens(c === '{' ? '}' : ']')) continue;
      } else this.scalar();
      if (!this.nextMember()) return;
    }
  }

  /**
   * From an opening bracket (at the scan position): false when the object or array is empty (and consumed); true when
   * it is now open and its first value is next (for an object, after the property name and colon).
   */
  private opens(close: Close): boolean {
    this.at++;
    this.skipWhitespace();
    if (this.text[this.at] === close) {
      this.at++;
      return false;
    }
    this.open.push(close);
    if (close === '}') this.propertyName();
    return true;
  }

  /**
   * After a complete value: closes the objects and arrays it completes; true when another member's value is next (for
   * an object, after its property name and colon), false when the outermost value is complete.
   */
  private nextMember(): boolean {
    for (;;) {
      const close = this.open.at(-1);
      if (close === undefined) return false;
      this.skipWhitespace();
      if (this.text[this.at] === ',') {
        this.at++;
        this.skipWhitespace();
        if (this.text[this.at] === close) this.fail(`trailing comma before ${close}`);
        if (close === '}') this.propertyName();
        return true;
      }
      this.expect(close, `',' or '${close}'`);
      this.open.pop();
    }
  }

  /** `"name":` inside an object. */
  private propertyName(): void {
    this.skipWhitespace();
    if (this.text[this.at] !== '"') this.fail(`expected a double-quoted property name, found ${this.foundHere()}`);
    this.string();
    this.expect(':', "':' after the property name");
  }

  /** A string, true, false, null or a number at the scan position. */
  private scalar(): void {
    if (this.text[this.at] === '"') return this.string();
    if (this.literal() || this.number()) return;
    this.fail(`unexpected ${this.foundHere()}`);
  }

  private string(): void {
    const start = this.at;
    this.at++;
    for (;;) {
      if (this.at >= this.text.length) this.fail('unterminated string', start);
      const c = this.text.charCodeAt(this.at);
      if (c === 0x22) break;
      if (c < 0x20) this.fail('control character (such as a newline) inside a string; write it as an escape like \\n');
      if (c === 0x5c) this.escape();
      else this.at++;
    }
    this.at++;
  }

  /** A backslash escape inside a string, from its backslash (at the scan position). */
  private escape(): void {
    const esc = this.text[this.at + 1];
    if (esc === 'u') {
      if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.at + 2, this.at + 6))) this.fail('bad \\u escape in string');
      this.at += 6;
      return;
    }
    if (esc === undefined || !SINGLE_CHARACTER_ESCAPES.includes(esc)) this.fail(`bad escape \\${esc ?? ''} in string`);
    this.at += 2;
  }

  /** true, false or null at the scan position (consumed); false when there is none. */
  private literal(): boolean {
    const found = LITERALS.find((lit) => this.text.startsWith(lit, this.at));
    if (found === undefined) return false;
    this.at += found.length;
    return true;
  }

  /** A number at the scan position (consumed); false when there is none. */
  private number(): boolean {
    const c = this.text[this.at];
    if (c === undefined || !/[-0-9]/.test(c)) return false;
    this.numberPattern.lastIndex = this.at;
    if (!this.numberPattern.test(this.text)) return false;
    this.at = this.numberPattern.lastIndex;
    return true;
  }

  private expect(ch: string, what: string): void {
    this.skipWhitespace();
    if (this.text[this.at] !== ch) this.fail(`expected ${what}, found ${this.foundHere()}`);
    this.at++;
  }

  private skipWhitespace(): void {
    while (this.at < this.text.length && WHITESPACE.includes(this.text[this.at] as string)) this.at++;
  }

  /** What is at the scan position, for a message: "end of input" or `character "x"`. */
  private foundHere(): string {
    return this.at >= this.text.length ? 'end of input' : `character ${JSON.stringify(this.text[this.at])}`;
  }

  private fail(reason: string, offset = this.at): never {
    throw new JsonSyntax(offset, reason);
  }
}
