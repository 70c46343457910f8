/**
 * Interaction of categorical columns (R's interaction(), fixest's `a^b`): each distinct
 * combination of levels present in the rows becomes one level. Works pairwise, compacting after each step, so the id space never exceeds the
 * number of rows times one column's levels; past a few million raw combinations a hash map
 * replaces the direct lookup table.
 */
export interface Interaction {
  /** Level of each row in 0..count-1; MISSING where any input is MISSING. */
  readonly index: Uint32Array;
  readonly count: number;
  /** A row in which each level first appears (to label it from the inputs). */
  readonly firstRow: Uint32Array;
}

/** Marks a row whose category is unknown (a missing value). */
export const MISSING = 0xffffffff;

const DIRECT_LIMIT = 1 << 24;

/** Number of levels a level column implies: its largest level plus one (MISSING ignored). */
export function levelCount(index: Uint32Array): number {
  let m = 0;
  for (let r = 0; r < index.length; r++) {
    const v = index[r];
    if (v !== MISSING && v + 1 > m) m = v + 1;
  }
  return m;
}

/**
 * Combined levels of `columns` (each with its number of levels `sizes[i]`), numbered in the
 * order of the inputs' levels, first column slowest (R's interaction(..., lex.order = TRUE)), so
 * level 0 is R's reference level when each input's levels are.
 */
export function interact(columns: readonly Uint32Array[], sizes: readonly number[]): Interaction {
  if (columns.length === 0) throw new Error('interact needs at least one column');
  const out = groupRows(columns, sizes);
  return columns.length === 1 ? sortedSingle(columns[0], out) : sortLexically(columns, out);
}

/** As interact, with levels numbered in order of first appearance (no sorting: for grouping rows). */
export function groupRows(columns: readonly Uint32Array[], sizes: readonly number[]): Interaction {
  if (columns.length === 0) throw new Error('groupRows needs at least one column');
  let out = compact(columns[0], sizes[0]);
  for (let c = 1; c < columns.length; c++) out = combine(out.index, out.count, columns[c], sizes[c]);
  return out;
}

/** One column: its levels in their own order (a renumbering that keeps order). */
function sortedSingle(column: Uint32Array, c: Interaction): Interaction {
  const order = Array.from(c.firstRow.keys()).sort((x, y) => column[c.firstRow[x]] - column[c.firstRow[y]]);
  return renumber(c, order);
}

function sortLexically(columns: readonly Uint32Array[], c: Interaction): Interaction {
  const order = Array.from(c.firstRow.keys()).sort((x, y) => {
    const rx = c.firstRow[x];
    const ry = c.firstRow[y];
    for (const col of columns) if (col[rx] !== col[ry]) return col[rx] - col[ry];
    return 0;
  });
  return renumber(c, order);
}

/** Level order[i] becomes level i. */
function renumber(c: Interaction, order: number[]): Interaction {
  const to = new Uint32Array(c.count);
  order.forEach((old, i) => (to[old] = i));
  const index = new Uint32Array(c.index.length);
  for (let r = 0; r < index.length; r++) index[r] = c.index[r] === MISSING ? MISSING : to[c.index[r]];
  return { index, count: c.count, firstRow: Uint32Array.from(order, (old) => c.firstRow[old]) };
}

/** Renumbers levels in order of first appearance, dropping unused ones. */
function compact(index: Uint32Array, size: number): Interaction {
  const map = new Int32Array(size).fill(-1);
  const out = new Uint32Array(index.length);
  const first: number[] = [];
  for (let r = 0; r < index.length; r++) {
    const v = index[r];
    if (v === MISSING) {
      out[r] = MISSING;
      continue;
    }
    let l = map[v];
    if (l < 0) {
      l = first.length;
      map[v] = l;
      first.push(r);
    }
    out[r] = l;
  }
  return { index: out, count: first.length, firstRow: Uint32Array.from(first) };
}

function combine(a: Uint32Array, na: number, b: Uint32Array, nb: number): Interaction {
  const n = a.length;
  const out = new Uint32Array(n);
  const first: number[] = [];
  const raw = na * nb;
  // A direct table while it is small; a hash map past it (the branch is the same for every row).
  const table = raw <= DIRECT_LIMIT ? new Int32Array(raw).fill(-1) : null;
  const map = table ? null : new Map<number, number>();
  for (let r = 0; r < n; r++) {
    if (a[r] === MISSING || b[r] === MISSING) {
      out[r] = MISSING;
      continue;
    }
    const key = a[r] * nb + b[r];
    let l = table ? table[key] : (map!.get(key) ?? -1);
    if (l < 0) {
      l = first.length;
      if (table) table[key] = l;
      else map!.set(key, l);
      first.push(r);
    }
    out[r] = l;
  }
  return { index: out, count: first.length, firstRow: Uint32Array.from(first) };
}
