/**
 * Builds the Markdown written to the job summary (GITHUB_STEP_SUMMARY): what was deployed, the outcome and the
 * outputs (S5). Pure: the text goes to ActionRuntime.summary.append, which redacts secrets (S11) before writing.
 */
export type Cell = string | number | boolean | undefined;

export class SummaryBuilder {
  private readonly blocks: string[] = [];

  /** `## text` (level 1 to 6). */
  heading(text: string, level: 1 | 2 | 3 | 4 | 5 | 6 = 2): this {
    this.blocks.push(`${'#'.repeat(level)} ${oneLine(text)}`);
    return this;
  }

  paragraph(text: string): this {
    this.blocks.push(text.trim());
    return this;
  }

  /** A two-column table (default headers Name / Value); rows from pairs or a record, in order. */
  keyValueTable(rows: Iterable<readonly [string, Cell]> | Record<string, Cell>, headers: [string, string] = ['Name', 'Value']): this {
    const pairs = isIterable(rows) ? [...rows] : Object.entries(rows);
    return this.table(headers, pairs.map(([k, v]) => [k, v]));
  }

  /** A table with a header row; cells are escaped (`|` and newlines), short rows padded. */
  table(header: readonly Cell[], rows: readonly (readonly Cell[])[]): this {
    const width = Math.max(header.length, ...rows.map((r) => r.length));
    const line = (cells: readonly Cell[]): string =>
      `| ${Array.from({ length: width }, (_, i) => escapeCell(cells[i])).join(' | ')} |`;
    this.blocks.push([line(header), `|${' --- |'.repeat(width)}`, ...rows.map(line)].join('\n'));
    return this;
  }

  /** A fenced code block; the fence is longer than any run of backticks inside `code`. */
  codeBlock(code: string, language = ''): this {
    const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(longest + 1);
    this.blocks.push(`${fence}${language}\n${code.replace(/\n$/, '')}\n${fence}`);
    return this;
  }

  /** A collapsible section; `body` is Markdown (e.g. another builder's toString()). */
  details(summary: string, body: string): this {
    this.blocks.push(`<details><summary>${escapeHtml(oneLine(summary))}</summary>\n\n${body.trim()}\n\n</details>`);
    return this;
  }

  /** Markdown as given. */
  raw(markdown: string): this {
    this.blocks.push(markdown.trim());
    return this;
  }

  isEmpty(): boolean {
    return this.blocks.length === 0;
  }

  toString(): string {
    return this.blocks.length === 0 ? '' : `${this.blocks.join('\n\n')}\n`;
  }
}

/** A table cell: `|` escaped, line breaks as `<br>`, undefined as empty. */
export function escapeCell(value: Cell): string {
  if (value === undefined) return '';
  return String(value)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n|\r/g, '<br>')
    .trim();
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

function isIterable(x: unknown): x is Iterable<readonly [string, Cell]> {
  return typeof x === 'object' && x !== null && Symbol.iterator in x;
}
