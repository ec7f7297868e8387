/**
 * `strategy.matrix` expanded into cells as GitHub documents it: the product of the array-valued keys, minus every
 * combination an `exclude` entry matches, then each `include` entry merged into every combination whose original
 * values it does not overwrite (or added as a cell of its own when it fits none).
 */
import { evaluateValue, type ExpressionContext, type Value } from './expressions.js';

export type Cell = Record<string, Value>;

export interface Strategy {
  cells: Cell[];
  maxParallel: number;
  failFast: boolean;
}

function matches(cell: Cell, partial: Cell): boolean {
  return Object.entries(partial).every(([k, v]) => k in cell && JSON.stringify(cell[k]) === JSON.stringify(v));
}

export function expandMatrix(matrix: Record<string, Value>): Cell[] {
  const { include = [], exclude = [], ...axes } = matrix;
  let cells: Cell[] = Object.keys(axes).length === 0 ? [] : [{}];
  for (const [key, values] of Object.entries(axes)) {
    if (!Array.isArray(values)) throw new Error(`matrix key '${key}' must be an array`);
    cells = cells.flatMap((cell) => values.map((v) => ({ ...cell, [key]: v })));
  }
  cells = cells.filter((cell) => !(exclude as Cell[]).some((e) => matches(cell, e)));
  // Only the original combinations take includes; a cell an include added is never merged into.
  const originals = cells.map((cell) => ({ ...cell }));
  const added: Cell[] = [];
  for (const entry of include as Cell[]) {
    let merged = false;
    cells.forEach((cell, i) => {
      const original = originals[i] as Cell;
      const overwrites = Object.entries(entry).some(([k, v]) => k in original && JSON.stringify(original[k]) !== JSON.stringify(v));
      if (!overwrites) {
        Object.assign(cell, entry);
        merged = true;
      }
    });
    if (!merged) added.push({ ...entry });
  }
  return [...cells, ...added];
}

/** A job's strategy, its matrix and settings evaluated (a matrix may come from `${{ fromJSON(...) }}`). */
export function jobStrategy(strategy: unknown, ctx: ExpressionContext): Strategy | undefined {
  if (strategy === undefined || strategy === null) return undefined;
  const s = evaluateValue(strategy, ctx) as Record<string, Value>;
  const matrix = s['matrix'];
  if (matrix === null || typeof matrix !== 'object' || Array.isArray(matrix)) throw new Error('strategy.matrix must be a mapping');
  const cells = expandMatrix(matrix);
  if (cells.length === 0) throw new Error('strategy.matrix expands to no cell');
  const maxParallel = s['max-parallel'] === undefined || s['max-parallel'] === null ? cells.length : Number(s['max-parallel']);
  return { cells, maxParallel: Math.max(1, maxParallel), failFast: s['fail-fast'] === undefined ? true : s['fail-fast'] !== false && s['fail-fast'] !== 'false' };
}

/** A cell's name as GitHub shows it: `deploy (eu-west-1, prod-eu)`. */
export function cellName(job: string, cell: Cell | undefined): string {
  if (cell === undefined) return job;
  const values = Object.values(cell).map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)));
  return `${job} (${values.join(', ')})`;
}
