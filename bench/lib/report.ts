/**
 * Figures and the printed report. A figure is a measured value with an optional target (`≤`); pass/fail is
 * information for the reader, never an assertion: the benchmark exits 0 whatever the figures are.
 */

export interface Figure {
  /** Benchmark id: latency, api-cost, failure, cold-start, scale. */
  benchmark: string;
  name: string;
  value: number;
  unit: string;
  /** Upper bound the issue sets for this figure. */
  target?: number;
  /** Extra words shown after the value (e.g. the sample size). */
  note?: string;
}

export interface FigureRow extends Figure {
  verdict: 'pass' | 'FAIL' | '';
}

export function judged(figures: readonly Figure[]): FigureRow[] {
  return figures.map((f) => ({
    ...f,
    verdict: f.target === undefined ? '' : Number.isFinite(f.value) && f.value <= f.target ? 'pass' : 'FAIL',
  }));
}

function show(value: number, unit: string): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (unit === 's') return `${value.toFixed(2)} s`;
  if (unit === 'ms') return `${Math.round(value)} ms`;
  if (unit === 'MiB') return `${value.toFixed(1)} MiB`;
  if (unit === 'bytes') return `${value.toLocaleString('en-US')} B`;
  if (unit === '/min') return `${value.toFixed(1)} /min`;
  return `${Number.isInteger(value) ? value : value.toFixed(2)}${unit === '' ? '' : ` ${unit}`}`;
}

/** The report as a text table: benchmark, figure, value, target, verdict, note. */
export function renderTable(rows: readonly FigureRow[]): string {
  const cells = rows.map((r) => [
    r.benchmark,
    r.name,
    show(r.value, r.unit),
    r.target === undefined ? '' : `≤ ${show(r.target, r.unit)}`,
    r.verdict,
    r.note ?? '',
  ]);
  const header = ['benchmark', 'figure', 'value', 'target', '', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]): string => c.map((v, i) => (i === c.length - 1 ? v : v.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  const out = [line(header), line(widths.map((w) => '-'.repeat(w)))];
  let last = '';
  for (const c of cells) {
    if (c[0] !== last && last !== '') out.push('');
    last = c[0] ?? '';
    out.push(line(c));
  }
  return out.join('\n');
}
