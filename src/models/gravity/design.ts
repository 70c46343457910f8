import { InputError, SpecError } from '../../core/errors.ts';
import { coded, type CodedMessage } from '../../core/messages/index.ts';
import { rowNumber } from './row-number.ts';
import type { Factor } from '../../numeric/factor.ts';
import { MISSING } from '../../numeric/interact.ts';
import { dimensionLevels, type Dimension, type DimensionLevels } from './dimensions.ts';
import { resolveDuplicates } from './duplicates.ts';
import { dropMissing, type UsedColumn } from './missing.ts';
import { scanCoreRows } from './row-scan.ts';
import type { ResolvedGravitySpec } from './spec.ts';
import type { GravityData, GravityResult, Transform } from './types.ts';

/** A fixed-effect dimension with what each compact level stands for. */
export interface LabelledFactor extends Factor {
  /** The constraint's origin / destination effects, the period effects, or a further dimension. */
  readonly kind: Dimension['role'];
  /** Label of each level: region code, period, `region@period`, `a^b`... */
  readonly labels: readonly string[];
}

/** The fitting problem after validation, row filtering and transforms. */
export interface GravityDesign {
  /** Input row of each design row. */
  readonly rows: Uint32Array;
  readonly y: Float64Array;
  readonly columns: Float64Array[];
  readonly termSpecs: GravityResult['termSpecs'];
  readonly offset: Float64Array | null;
  readonly factors: LabelledFactor[];
  /** Cluster dimensions of the clustered covariance (MISSING on padded grid cells); empty for none. */
  readonly clusters: readonly { readonly name: string; readonly index: Uint32Array; readonly count: number }[];
  /** Rows left out for missing values, in total and by column. */
  readonly dropped: { readonly missing: number; readonly byColumn: Record<string, number> };
  /** Rows whose flow was added to an earlier duplicate. */
  readonly duplicatesSummed: number;
  /**
   * Dense-grid layout (doubly constrained, no periods, at least half the origin x destination
   * cells present): rows are cells in origin-major order and these are the cells with no data
   * (y = 0, kernel forced to 0). Empty when not a grid or when every cell is present.
   */
  readonly padding: Uint32Array;
  /** Coded (core/messages); the fit writes their English. */
  readonly warnings: CodedMessage[];
}

/** Input row of padded grid cells in `rows`. */
export const PADDED_ROW = 0xffffffff;

/** The row's pair and row number, as the coded data errors take them. */
const pairOf = (data: GravityData, r: number) => ({ origin: { code: data.regions[data.origin[r]] }, destination: { code: data.regions[data.destination[r]] }, row: rowNumber(data, r) });

const FINITE = 0;
const NON_NEGATIVE = 1;
const POSITIVE = 2;

/** First kept row whose value is not finite (FINITE), negative (NON_NEGATIVE) or not positive (POSITIVE); -1 if none. */
function firstBad(values: ArrayLike<number>, keep: Uint8Array, mode: number): number {
  for (let r = 0; r < keep.length; r++) {
    if (!keep[r]) continue;
    const v = values[r];
    if (v - v !== 0 || (mode === NON_NEGATIVE && v < 0) || (mode === POSITIVE && !(v > 0))) return r;
  }
  return -1;
}

export function buildGravityDesign(data: GravityData, spec: ResolvedGravitySpec): GravityDesign {
  const n0 = data.flow.length;
  const nRegions = data.regions.length;
  const sameLength = (name: string, a: ArrayLike<number> | undefined): void => {
    if (a !== undefined && a.length !== n0) throw new InputError(coded('arrays.rowsDiffer', { rows: a.length, against: 'flow', expected: n0 }), { column: name });
  };
  sameLength('origin', data.origin);
  sameLength('destination', data.destination);
  sameLength('cost', data.cost);
  sameLength('offset', data.offset);
  sameLength('period', data.period);
  for (const t of spec.terms) sameLength(t.column, data.covariates?.[t.column]);
  for (const [name, c] of Object.entries(data.categories ?? {})) sameLength(name, c.index);
  const warnings: CodedMessage[] = [];

  // Rows kept: intra-regional rows only if asked; then rows with a missing value in a column
  // the model uses (dropped or refused, spec.na); every value checked on the rows used (tight
  // per-column scans first, the message built only for the first bad row).
  // The four columns every table has are scanned once (row-scan.ts); each later step whose
  // answer that scan already holds uses it while no row has left since (`sameRows`).
  let keep = new Uint8Array(n0);
  const scan = scanCoreRows(data.origin, data.destination, data.flow, data.cost, nRegions, spec.intra, spec.decay === 'power', keep);
  if (scan.badRow >= 0) throw new InputError(coded('arrays.regionIndex', { index: Math.max(data.origin[scan.badRow], data.destination[scan.badRow]), regions: nRegions }), { row: rowNumber(data, scan.badRow) });
  const intraDropped = scan.intraDropped;
  // usedColumns lists the four first: without a missing value among them only the rest are scanned.
  const used = usedColumns(data, spec);
  const dropped = dropMissing(scan.missing ? used : used.slice(4), keep, spec.na, (r) => rowNumber(data, r));
  if (dropped.missing > 0) {
    warnings.push(coded('fit.missingLeftOut', { rows: dropped.missing, byColumn: Object.entries(dropped.byColumn).map(([c, k]) => `${c} ${k}`) }));
  }
  let sameRows = !scan.missing && dropped.missing === 0;
  let bad = sameRows ? scan.badFlow : firstBad(data.flow, keep, NON_NEGATIVE);
  if (bad >= 0) throw new InputError(coded('gravity.data.flowBad', { value: String(data.flow[bad]), ...pairOf(data, bad) }), { row: rowNumber(data, bad), column: 'flow' });
  bad = sameRows ? scan.badCost : firstBad(data.cost, keep, spec.decay === 'power' ? POSITIVE : FINITE);
  if (bad >= 0) {
    const c = data.cost[bad];
    throw new InputError(coded('gravity.data.costBad', { value: String(c), ...pairOf(data, bad), power: Number.isFinite(c) }), { row: rowNumber(data, bad), column: 'cost' });
  }
  for (const t of spec.terms) {
    const values = data.covariates![t.column];
    bad = firstBad(values, keep, t.transform === 'log' ? POSITIVE : FINITE);
    if (bad >= 0) {
      throw new InputError(coded('gravity.data.termBad', { term: t.column, value: String(values[bad]), ...pairOf(data, bad), logged: t.transform === 'log' }), { row: rowNumber(data, bad), column: t.column });
    }
  }
  if (data.offset) {
    bad = firstBad(data.offset, keep, FINITE);
    if (bad >= 0) throw new InputError(coded('gravity.data.offsetBad', { value: String(data.offset[bad]), ...pairOf(data, bad) }), { row: rowNumber(data, bad), column: 'offset' });
  }
  if (data.period && data.periods) {
    for (let r = 0; r < n0; r++) {
      if (keep[r] && data.period[r] >= data.periods.length) {
        throw new InputError(coded('arrays.periodIndex', { index: data.period[r], periods: data.periods.length }), { row: rowNumber(data, r), column: 'period' });
      }
    }
  }
  if (intraDropped > 0) warnings.push(coded('fit.intraLeftOut', { rows: intraDropped }));
  const numericColumns = [
    { name: 'cost', values: data.cost },
    ...spec.terms.map((t) => ({ name: t.column, values: data.covariates![t.column] })),
    ...(data.offset ? [{ name: 'offset', values: data.offset }] : []),
  ];
  // With no period or category a row's key is its pair, which the scan checked over a superset of the rows kept now.
  const pairKey = !data.period && Object.keys(data.categories ?? {}).length === 0;
  const { flow, summed: duplicatesSummed } = pairKey && scan.pairsUnique === true ? { flow: data.flow, summed: 0 } : resolveDuplicates(data, keep, spec.duplicates, numericColumns);
  if (duplicatesSummed > 0) warnings.push(coded('fit.duplicatesSummed', { rows: duplicatesSummed }));
  if (duplicatesSummed > 0) sameRows = false;

  // Fixed-effect dimensions, on raw levels; levels whose flows are all zero would have an effect
  // of -Infinity, so their rows are dropped (R instead reports a huge negative coefficient).
  // One pass suffices: the rows dropped have zero flow, so no other level's total changes.
  const dims = spec.dimensions;
  const raw = dimensionLevels(dims, data);
  const sums = (dim: Dimension): LevelSums | null => {
    if (!sameRows || dim.atoms.length !== 1) return null;
    if (dim.atoms[0] === 'origin') return { total: scan.originTotal, count: scan.originCount };
    return dim.atoms[0] === 'destination' ? { total: scan.destinationTotal, count: scan.destinationCount } : null;
  };
  dims.forEach((dim, di) => {
    if (dropEmptyLevels(dim, raw[di], flow, keep, warnings, sums(dim))) sameRows = false;
  });

  let n = 0;
  if (sameRows) n = scan.kept;
  else for (let r = 0; r < n0; r++) n += keep[r];
  if (n === 0) throw new InputError(coded('gravity.data.noRowsLeft', {}), { column: 'flow' });
  const rows = markedRows(keep, n);
  keep = new Uint8Array(0);

  // Compact level numbers per dimension, in raw-level order so that level 0 is the first region
  // or category (R's reference level).
  const levelMaps = dims.map((dim, di) => compactLevels(dim, raw[di], rows, sums(dim)?.count ?? null));
  const longFactors = (): LabelledFactor[] =>
    levelMaps.map(({ name, kind, map, ids, levels, labels }) => {
      const index = new Uint32Array(n);
      for (let i = 0; i < n; i++) index[i] = map[ids[rows[i]]];
      return { name, kind, index, levels, labels };
    });
  // Dense-grid layout when it applies; the columns are then built directly in it.
  const layout = gridLayout(levelMaps, rows) ?? { rows, factors: longFactors(), padding: new Uint32Array(0), inOrder: n === n0 };
  const order = layout.rows;
  const m = order.length;

  const column = (src: ArrayLike<number>, transform: Transform): Float64Array => designColumn(src, transform === 'log', order, layout.inOrder);
  const y = column(flow, 'identity');
  const { zeros, total } = zerosAndTotal(y, order);
  if (total === 0) throw new InputError(coded('gravity.data.allZero', {}), { column: 'flow' });
  if (zeros > 0) warnings.push(coded('fit.zeroFlows', { zeros, rows: n }));

  const columns: Float64Array[] = [];
  const termSpecs: { name: string; column: string | null; transform: Transform; role: 'intercept' | 'cost' | 'origin' | 'destination' | 'pair' }[] = [];
  if (dims.length === 0) {
    columns.push(new Float64Array(m).fill(1));
    termSpecs.push({ name: '(Intercept)', column: null, transform: 'identity', role: 'intercept' });
  }
  for (const t of spec.terms) {
    columns.push(column(data.covariates![t.column], t.transform));
    termSpecs.push({ name: t.name, column: t.column, transform: t.transform, role: t.role });
  }
  const costTransform: Transform = spec.decay === 'power' ? 'log' : 'identity';
  columns.push(column(data.cost, costTransform));
  termSpecs.push({ name: spec.costName, column: 'cost', transform: costTransform, role: 'cost' });

  const clusterRaw = dimensionLevels(spec.cluster, data);
  const clusters = spec.cluster.map((dim, ci) => clusterIndex(dim.name, clusterRaw[ci], order));
  if (spec.terms.length === 0 && dims.length === 0 && n < 2) throw new SpecError(coded('gravity.data.tooFewRows', {}), 'data');
  const offset = data.offset ? column(data.offset, 'identity') : null;
  return { rows: order, y, columns, termSpecs, offset, factors: layout.factors, clusters, padding: layout.padding, warnings, dropped, duplicatesSummed };
}

/** The kept rows (keep[r] = 1), `n` of them, in order. */
function markedRows(keep: Uint8Array, n: number): Uint32Array {
  const rows = new Uint32Array(n);
  for (let r = 0, i = 0; r < keep.length; r++) if (keep[r]) rows[i++] = r;
  return rows;
}

/**
 * A design column: src at each design row's input row (`order`; padded cells 0), logged or not.
 * With `inOrder` design row i is input row i (a full table, or a full grid listed in the grid's
 * order): a straight copy, with no gather through `order`. Row loops sit in functions of their
 * own (see kernels.ts).
 */
function designColumn(src: ArrayLike<number>, log: boolean, order: Uint32Array, inOrder: boolean): Float64Array {
  const m = order.length;
  const c = new Float64Array(m);
  if (inOrder) {
    if (!log && src instanceof Float64Array) c.set(src.subarray(0, m));
    else if (log) for (let i = 0; i < m; i++) c[i] = Math.log(src[i]);
    else for (let i = 0; i < m; i++) c[i] = src[i];
    return c;
  }
  for (let i = 0; i < m; i++) {
    const r = order[i];
    if (r !== PADDED_ROW) c[i] = log ? Math.log(src[r]) : src[r];
  }
  return c;
}

/** Zero flows and the total flow over the observed cells. */
function zerosAndTotal(y: Float64Array, order: Uint32Array): { zeros: number; total: number } {
  let zeros = 0;
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    if (order[i] === PADDED_ROW) continue;
    if (y[i] === 0) zeros++;
    total += y[i];
  }
  return { zeros, total };
}

/** The columns whose missing values matter: the outcome, cost, terms, offset, and every atom of a dimension or cluster. */
function usedColumns(data: GravityData, spec: ResolvedGravitySpec): UsedColumn[] {
  const cols: UsedColumn[] = [
    { name: 'origin', kind: 'level', values: data.origin },
    { name: 'destination', kind: 'level', values: data.destination },
    { name: 'flow', kind: 'number', values: data.flow },
    { name: 'cost', kind: 'number', values: data.cost },
    ...spec.terms.map((t): UsedColumn => ({ name: t.column, kind: 'number', values: data.covariates![t.column] })),
  ];
  if (data.offset) cols.push({ name: 'offset', kind: 'number', values: data.offset });
  if (data.period) cols.push({ name: 'period', kind: 'level', values: data.period });
  const atoms = new Set([...spec.dimensions, ...spec.cluster].flatMap((d) => d.atoms));
  for (const a of atoms) if (data.categories && a in data.categories && !['origin', 'destination', 'period', 'pair'].includes(a)) cols.push({ name: a, kind: 'level', values: data.categories[a].index });
  return cols;
}

/** A level of a dimension as a message names it: its role, the factor's name, the value and (region by period) the period. */
const describeLevel = (dim: Dimension, raw: DimensionLevels, l: number): { role: string; name: string; value: string; period: string | null } => {
  const label = raw.label(l);
  if (dim.role !== 'other' && dim.atoms.length === 2) {
    const [region, period] = label.split('@');
    return { role: dim.role, name: dim.name, value: region, period };
  }
  return { role: dim.role, name: dim.name, value: label, period: null };
};

/** Flow total and row count of each raw level over the rows kept. */
interface LevelSums {
  readonly total: Float64Array;
  readonly count: Uint32Array;
}

function levelSums(raw: DimensionLevels, flow: Float64Array, keep: Uint8Array): LevelSums {
  const ids = raw.index;
  const total = new Float64Array(raw.count);
  const count = new Uint32Array(raw.count);
  for (let r = 0; r < keep.length; r++) {
    if (!keep[r]) continue;
    total[ids[r]] += flow[r];
    count[ids[r]]++;
  }
  return { total, count };
}

/** Drops the rows of levels whose flows are all zero, with a warning for each; returns whether any row left. `known`: the sums when already taken. */
function dropEmptyLevels(dim: Dimension, raw: DimensionLevels, flow: Float64Array, keep: Uint8Array, warnings: CodedMessage[], known: LevelSums | null): boolean {
  const ids = raw.index;
  const { total, count } = known ?? levelSums(raw, flow, keep);
  const empty: number[] = [];
  for (let l = 0; l < total.length; l++) if (count[l] > 0 && total[l] === 0) empty.push(l);
  if (empty.length === 0) return false;
  const none = dim.role === 'origin' ? 'outflow' : dim.role === 'destination' ? 'inflow' : 'flow';
  const shown = empty.slice(0, 20);
  for (const l of shown) {
    warnings.push(coded('fit.emptyLevel', { ...describeLevel(dim, raw, l), none, rows: count[l] }));
  }
  if (empty.length > shown.length) warnings.push(coded('fit.emptyLevelsMore', { more: empty.length - shown.length, name: dim.name, none }));
  const isEmpty = new Uint8Array(total.length);
  for (const l of empty) isEmpty[l] = 1;
  for (let r = 0; r < keep.length; r++) if (keep[r] && isEmpty[ids[r]]) keep[r] = 0;
  return true;
}

interface LevelMap {
  readonly name: string;
  readonly kind: Dimension['role'];
  readonly perPeriod: boolean;
  readonly map: Int32Array;
  readonly ids: Uint32Array;
  readonly levels: number;
  readonly labels: string[];
}

/** Numbers the levels that occur in `rows` (`count`: each raw level's rows when already known). */
function compactLevels(dim: Dimension, raw: DimensionLevels, rows: Uint32Array, count: Uint32Array | null): LevelMap {
  const ids = raw.index;
  const map = new Int32Array(raw.count).fill(-1);
  if (count) for (let l = 0; l < count.length; l++) map[l] = count[l] > 0 ? 0 : -1;
  else for (let i = 0; i < rows.length; i++) map[ids[rows[i]]] = 0;
  const labels: string[] = [];
  let levels = 0;
  for (let l = 0; l < map.length; l++) {
    if (map[l] < 0) continue;
    map[l] = levels++;
    labels.push(raw.label(l));
  }
  return { name: dim.name, kind: dim.role, perPeriod: dim.role !== 'other' && dim.atoms.length === 2, map, ids, levels, labels };
}

/** A cluster dimension over the design rows, numbered over the observed rows (padding: MISSING). */
function clusterIndex(name: string, raw: DimensionLevels, order: Uint32Array): { name: string; index: Uint32Array; count: number } {
  const map = new Int32Array(raw.count).fill(-1);
  const index = new Uint32Array(order.length);
  let count = 0;
  for (let i = 0; i < order.length; i++) {
    const r = order[i];
    if (r === PADDED_ROW) {
      index[i] = MISSING;
      continue;
    }
    const v = raw.index[r];
    if (map[v] < 0) map[v] = count++;
    index[i] = map[v];
  }
  return { name, index, count };
}

/**
 * Dense origin x destination grid layout for a doubly-constrained design (no periods) when at
 * least half the cells have a row and no pair repeats: the balancing and demeaning kernels then
 * run over contiguous memory. Returns the input row of each cell (PADDED_ROW for empty cells) and
 * the grid factors, or null when it does not apply.
 *
 * The grid runs in the input's own order where it can: a table listed destination by destination
 * (R's expand.grid(o, d), a census matrix read by columns) is laid out destination-major, its
 * destination factor the grid's rows. Copying the columns into the grid is then a sequential read;
 * laid out the other way it is a read with a stride of one region count per cell, a cache miss
 * each (most of the design's time at 9 million cells). The factors' order changes only which
 * margin a balancing sweep fits first; the fit it converges to is the same.
 */
function gridLayout(maps: readonly LevelMap[], rows: Uint32Array): { rows: Uint32Array; factors: LabelledFactor[]; padding: Uint32Array; inOrder: boolean } | null {
  if (maps.length !== 2 || maps[0].kind !== 'origin' || maps[1].kind !== 'destination' || maps[0].perPeriod) return null;
  const [major, minor] = destinationMajor(maps[0], maps[1], rows) ? [maps[1], maps[0]] : [maps[0], maps[1]];
  const rowsN = major.levels;
  const cols = minor.levels;
  const cells = rowsN * cols;
  const n = rows.length;
  if (n < 0.5 * cells || cells > 2 ** 31) return null;
  const order = new Uint32Array(cells).fill(PADDED_ROW);
  const placed = placeCells(rows, major.map, major.ids, minor.map, minor.ids, cols, order);
  if (placed < 0) return null; // duplicate pair: keep the long layout
  const inOrder = n === cells && placed === 1;
  const padding = emptyCells(order, cells - n);
  const factor = (m: LevelMap, axis: 0 | 1): LabelledFactor => {
    // The kernels read a grid factor's level from the cell's place; its index (a 4-byte level
    // per cell, 36 MB at 9 million cells) is made only if something asks for it.
    let index: Uint32Array | null = null;
    return {
      name: m.name, kind: m.kind, levels: axis === 0 ? rowsN : cols, labels: m.labels, grid: { axis, rows: rowsN, cols },
      get index() {
        return (index ??= gridIndex(rowsN, cols, axis));
      },
    };
  };
  return { rows: order, factors: [factor(major, 0), factor(minor, 1)], padding, inOrder };
}

/**
 * Puts each row in its grid cell (order[cell] = row): -1 if two rows share a cell, else 1 when
 * every row sits in the cell of its own number (the input already in the grid's order), 0 if not.
 */
function placeCells(rows: Uint32Array, aMap: Int32Array, aIds: Uint32Array, bMap: Int32Array, bIds: Uint32Array, cols: number, order: Uint32Array): number {
  let inOrder = 1;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const p = aMap[aIds[r]] * cols + bMap[bIds[r]];
    if (order[p] !== PADDED_ROW) return -1;
    order[p] = r;
    if (p !== r) inOrder = 0;
  }
  return inOrder;
}

/** The cells no row was put in (`count` of them), ascending. */
function emptyCells(order: Uint32Array, count: number): Uint32Array {
  const padding = new Uint32Array(count);
  for (let p = 0, k = 0; p < order.length; p++) if (order[p] === PADDED_ROW) padding[k++] = p;
  return padding;
}

/** Level of each cell of a row-major rows x cols grid along one axis. */
function gridIndex(rows: number, cols: number, axis: 0 | 1): Uint32Array {
  const index = new Uint32Array(rows * cols);
  for (let i = 0, p = 0; i < rows; i++) for (let j = 0; j < cols; j++, p++) index[p] = axis === 0 ? i : j;
  return index;
}

/** Whether consecutive rows more often share their destination than their origin (a sample of the first rows tells). */
function destinationMajor(o: LevelMap, d: LevelMap, rows: Uint32Array): boolean {
  let sameOrigin = 0;
  let sameDestination = 0;
  for (let i = 1; i < Math.min(rows.length, 100_000); i++) {
    const a = rows[i - 1];
    const b = rows[i];
    if (o.ids[a] === o.ids[b]) sameOrigin++;
    if (d.ids[a] === d.ids[b]) sameDestination++;
  }
  return sameDestination > sameOrigin;
}
