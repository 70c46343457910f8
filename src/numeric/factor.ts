/**
 * A categorical dimension over the rows of a long table (origin, destination, period...): row r
 * belongs to level `index[r]` in 0..levels-1. Fixed effects, balancing factors and weighted
 * demeaning all work on a list of these, never on dummy columns.
 */
export interface Factor {
  readonly name: string;
  readonly index: Uint32Array;
  readonly levels: number;
  /**
   * Set when the rows form a dense rows x cols grid in row-major order (row r is cell
   * (floor(r / cols), r % cols)) and this factor is its row (axis 0) or column (axis 1) index.
   * Kernels then loop over contiguous memory instead of gathering through `index` (~2.5x faster).
   */
  readonly grid?: { readonly axis: 0 | 1; readonly rows: number; readonly cols: number };
}

/** True when the two factors are the row and column of one dense grid. */
export function isGridPair(factors: readonly Factor[]): boolean {
  return factors.length === 2 && factors[0].grid?.axis === 0 && factors[1].grid?.axis === 1;
}

/** Sum of `values` per level (a grid factor's by rows or columns of the grid, without its index). */
export function sumByLevel(f: Factor, values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(f.levels);
  if (f.grid && f.grid.rows * f.grid.cols === values.length) {
    const { rows, cols, axis } = f.grid;
    for (let i = 0, p = 0; i < rows; i++) {
      if (axis === 0) {
        let s = 0;
        for (let j = 0; j < cols; j++, p++) s += values[p];
        out[i] = s;
      } else {
        for (let j = 0; j < cols; j++, p++) out[j] += values[p];
      }
    }
    return out;
  }
  const idx = f.index;
  for (let r = 0; r < idx.length; r++) out[idx[r]] += values[r];
  return out;
}

/** Number of rows per level. */
export function countByLevel(f: Factor): Uint32Array {
  const out = new Uint32Array(f.levels);
  const idx = f.index;
  for (let r = 0; r < idx.length; r++) out[idx[r]]++;
  return out;
}

/**
 * Connected components of the graph whose nodes are all levels of all factors and whose rows
 * join their levels. For two factors, the rank of the fixed-effect design is sum(levels) minus
 * this count.
 */
export function factorComponents(factors: readonly Factor[]): number {
  // A full grid (padded cells included in the indexes) joins every row level to every column level.
  if (isGridPair(factors)) return factors[0].levels > 0 && factors[1].levels > 0 ? 1 : 0;
  const offsets: number[] = [];
  let total = 0;
  for (const f of factors) {
    offsets.push(total);
    total += f.levels;
  }
  const parent = new Int32Array(total);
  for (let i = 0; i < total; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const n = factors.length ? factors[0].index.length : 0;
  for (let r = 0; r < n; r++) {
    const a = find(offsets[0] + factors[0].index[r]);
    for (let d = 1; d < factors.length; d++) {
      const b = find(offsets[d] + factors[d].index[r]);
      if (a !== b) parent[b] = a;
    }
  }
  let c = 0;
  for (let i = 0; i < total; i++) if (find(i) === i) c++;
  return c;
}
