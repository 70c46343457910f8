import { InputError, SpecError } from '../../core/errors.ts';
import type { Factor } from '../../numeric/factor.ts';
import type { ResolvedGravitySpec } from './spec.ts';
import type { GravityData, GravityResult, Transform } from './types.ts';

/** A fixed-effect dimension with what each compact level stands for. */
export interface LabelledFactor extends Factor {
  readonly kind: 'origin' | 'destination' | 'period';
  /** Region index (origin/destination) or period index of each level. */
  readonly regionOf: Int32Array;
  /** Period index of each level for per-period constraints, else -1. */
  readonly periodOf: Int32Array;
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
  /** Cluster (origin-destination pair) of each row on panels, else null. */
  readonly clusters: { readonly index: Uint32Array; readonly count: number } | null;
  /**
   * Dense-grid layout (doubly constrained, no periods, at least half the origin x destination
   * cells present): rows are cells in origin-major order and these are the cells with no data
   * (y = 0, kernel forced to 0). Empty when not a grid or when every cell is present.
   */
  readonly padding: Uint32Array;
  readonly warnings: string[];
}

/** Input row of padded grid cells in `rows`. */
export const PADDED_ROW = 0xffffffff;

const pairName = (data: GravityData, r: number): string =>
  `${data.regions[data.origin[r]]} -> ${data.regions[data.destination[r]]} (row ${r + 1})`;

const FINITE = 0;
const NON_NEGATIVE = 1;
const POSITIVE = 2;

/** Marks the rows to use (keep[r] = 1); returns the count of intra rows left out and the first out-of-range row. */
function markRows(origin: Uint32Array, destination: Uint32Array, nRegions: number, intra: boolean, keep: Uint8Array): { intraDropped: number; badRow: number } {
  let intraDropped = 0;
  for (let r = 0; r < origin.length; r++) {
    const o = origin[r];
    const d = destination[r];
    if (o >= nRegions || d >= nRegions) return { intraDropped, badRow: r };
    if (o === d && !intra) intraDropped++;
    else keep[r] = 1;
  }
  return { intraDropped, badRow: -1 };
}

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
    if (a !== undefined && a.length !== n0) throw new InputError(`has ${a.length} rows, flow has ${n0}`, { column: name });
  };
  sameLength('origin', data.origin);
  sameLength('destination', data.destination);
  sameLength('cost', data.cost);
  sameLength('offset', data.offset);
  sameLength('period', data.period);
  for (const t of spec.terms) sameLength(t.column, data.covariates?.[t.column]);
  const warnings: string[] = [];

  // Rows kept: intra-regional rows only if asked; every value checked on the rows used (tight
  // per-column scans first, the message built only for the first bad row).
  let keep = new Uint8Array(n0);
  const scan = markRows(data.origin, data.destination, nRegions, spec.intra, keep);
  if (scan.badRow >= 0) throw new InputError(`region index ${Math.max(data.origin[scan.badRow], data.destination[scan.badRow])} is outside the ${nRegions} regions`, { row: scan.badRow + 1 });
  const intraDropped = scan.intraDropped;
  let bad = firstBad(data.flow, keep, NON_NEGATIVE);
  if (bad >= 0) throw new InputError(`flow ${data.flow[bad]} of ${pairName(data, bad)} is not a finite number >= 0`, { row: bad + 1, column: 'flow' });
  bad = firstBad(data.cost, keep, spec.decay === 'power' ? POSITIVE : FINITE);
  if (bad >= 0) {
    const c = data.cost[bad];
    const why = Number.isFinite(c) ? 'is not positive; power decay takes log(cost)' : 'is not finite';
    throw new InputError(`cost ${c} of ${pairName(data, bad)} ${why}`, { row: bad + 1, column: 'cost' });
  }
  for (const t of spec.terms) {
    const values = data.covariates![t.column];
    bad = firstBad(values, keep, t.transform === 'log' ? POSITIVE : FINITE);
    if (bad >= 0) {
      throw new InputError(`${t.column} = ${values[bad]} for ${pairName(data, bad)} ${t.transform === 'log' ? 'is not positive (the term is logged)' : 'is not finite'}`, { row: bad + 1, column: t.column });
    }
  }
  if (data.offset) {
    bad = firstBad(data.offset, keep, FINITE);
    if (bad >= 0) throw new InputError(`offset ${data.offset[bad]} of ${pairName(data, bad)} is not finite`, { row: bad + 1, column: 'offset' });
  }
  if (data.period && data.periods) {
    for (let r = 0; r < n0; r++) {
      if (keep[r] && data.period[r] >= data.periods.length) {
        throw new InputError(`period index ${data.period[r]} is outside the ${data.periods.length} periods`, { row: r + 1, column: 'period' });
      }
    }
  }
  if (intraDropped > 0) warnings.push(`${intraDropped} intra-regional rows (origin = destination) were left out; set intra: true to keep them`);

  // Fixed-effect dimensions, keyed on raw ids; levels whose flows are all zero would have an
  // effect of -Infinity, so their rows are dropped (R instead reports a huge negative coefficient).
  const nPeriods = data.period ? (data.periods?.length ?? Math.max(0, ...data.period) + 1) : 1;
  const kinds: { kind: LabelledFactor['kind']; raw: (r: number) => number; perPeriod: boolean }[] = [];
  const per = spec.constraintsPerPeriod;
  const periodOfRow = (r: number): number => (data.period ? data.period[r] : 0);
  if (spec.constraint === 'production' || spec.constraint === 'doubly') {
    kinds.push({ kind: 'origin', raw: (r) => (per ? periodOfRow(r) * nRegions : 0) + data.origin[r], perPeriod: per });
  }
  if (spec.constraint === 'attraction' || spec.constraint === 'doubly') {
    kinds.push({ kind: 'destination', raw: (r) => (per ? periodOfRow(r) * nRegions : 0) + data.destination[r], perPeriod: per });
  }
  if (spec.periodEffects && !per) kinds.push({ kind: 'period', raw: (r) => periodOfRow(r), perPeriod: false });
  const rawSize = (k: (typeof kinds)[number]): number => (k.kind === 'period' ? nPeriods : k.perPeriod ? nPeriods * nRegions : nRegions);
  const label = (k: (typeof kinds)[number], raw: number): string => {
    if (k.kind === 'period') return `period "${data.periods?.[raw] ?? raw}"`;
    const region = data.regions[raw % nRegions];
    const p = k.perPeriod ? ` in period "${data.periods?.[Math.floor(raw / nRegions)] ?? Math.floor(raw / nRegions)}"` : '';
    return `${k.kind} "${region}"${p}`;
  };
  const rawIds = kinds.map((k) => {
    if (k.kind === 'origin' && !k.perPeriod) return data.origin;
    if (k.kind === 'destination' && !k.perPeriod) return data.destination;
    const ids = new Uint32Array(n0);
    for (let r = 0; r < n0; r++) ids[r] = k.raw(r);
    return ids;
  });
  kinds.forEach((k, ki) => {
    const ids = rawIds[ki];
    const total = new Float64Array(rawSize(k));
    const rows = new Uint32Array(rawSize(k));
    for (let r = 0; r < n0; r++) {
      if (!keep[r]) continue;
      total[ids[r]] += data.flow[r];
      rows[ids[r]]++;
    }
    const empty: number[] = [];
    for (let l = 0; l < total.length; l++) if (rows[l] > 0 && total[l] === 0) empty.push(l);
    if (empty.length === 0) return;
    const what = k.kind === 'origin' ? 'no outflow' : k.kind === 'destination' ? 'no inflow' : 'no flow';
    for (const l of empty) {
      warnings.push(`${label(k, l)} has ${what}: its ${rows[l]} rows were dropped (its effect would be -Infinity; R's glm reports a huge negative coefficient instead)`);
    }
    const isEmpty = new Uint8Array(total.length);
    for (const l of empty) isEmpty[l] = 1;
    for (let r = 0; r < n0; r++) if (keep[r] && isEmpty[ids[r]]) keep[r] = 0;
  });

  let n = 0;
  for (let r = 0; r < n0; r++) n += keep[r];
  if (n === 0) throw new InputError('no rows left to fit (every row is intra-regional or has zero flow in its group)', { column: 'flow' });
  const rows = new Uint32Array(n);
  for (let r = 0, i = 0; r < n0; r++) if (keep[r]) rows[i++] = r;
  keep = new Uint8Array(0);

  // Compact level numbers per fixed-effect kind, in raw-id order so that level 0 is the first
  // region (R's reference level).
  const levelMaps = kinds.map((k, ki) => {
    const ids = rawIds[ki];
    const map = new Int32Array(rawSize(k)).fill(-1);
    const regionOf: number[] = [];
    const periodOf: number[] = [];
    for (let i = 0; i < n; i++) map[ids[rows[i]]] = 0;
    let levels = 0;
    for (let l = 0; l < map.length; l++) {
      if (map[l] < 0) continue;
      map[l] = levels++;
      regionOf.push(k.kind === 'period' ? l : l % nRegions);
      periodOf.push(k.perPeriod ? Math.floor(l / nRegions) : -1);
    }
    return { kind: k.kind, map, ids, levels, regionOf: Int32Array.from(regionOf), periodOf: Int32Array.from(periodOf) };
  });
  const longFactors = (): LabelledFactor[] =>
    levelMaps.map(({ kind, map, ids, levels, regionOf, periodOf }) => {
      const index = new Uint32Array(n);
      for (let i = 0; i < n; i++) index[i] = map[ids[rows[i]]];
      return { name: kind, kind, index, levels, regionOf, periodOf };
    });
  // Dense-grid layout when it applies; the columns are then built directly in it.
  const layout = gridLayout(levelMaps, rows) ?? { rows, factors: longFactors(), padding: new Uint32Array(0) };
  const order = layout.rows;
  const m = order.length;

  const column = (src: ArrayLike<number>, transform: Transform): Float64Array => {
    const c = new Float64Array(m);
    const log = transform === 'log';
    for (let i = 0; i < m; i++) {
      const r = order[i];
      if (r !== PADDED_ROW) c[i] = log ? Math.log(src[r]) : src[r];
    }
    return c;
  };
  const y = column(data.flow, 'identity');
  let zeros = 0;
  let total = 0;
  for (let i = 0; i < m; i++) {
    if (order[i] === PADDED_ROW) continue;
    if (y[i] === 0) zeros++;
    total += y[i];
  }
  if (total === 0) throw new InputError('every flow is zero: nothing to fit', { column: 'flow' });
  if (zeros > 0) warnings.push(`${zeros} of ${n} rows have zero flow; they are kept (Poisson PML uses zero flows, unlike a log-linear OLS fit)`);

  const columns: Float64Array[] = [];
  const termSpecs: { name: string; column: string | null; transform: Transform; role: 'intercept' | 'cost' | 'origin' | 'destination' | 'pair' }[] = [];
  if (kinds.length === 0) {
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

  let clusters: GravityDesign['clusters'] = null;
  if (data.period) {
    const map = new Map<number, number>();
    const index = new Uint32Array(m);
    for (let i = 0; i < m; i++) {
      const key = data.origin[order[i]] * nRegions + data.destination[order[i]];
      let c = map.get(key);
      if (c === undefined) {
        c = map.size;
        map.set(key, c);
      }
      index[i] = c;
    }
    clusters = { index, count: map.size };
  }
  if (spec.terms.length === 0 && kinds.length === 0 && n < 2) throw new SpecError('needs at least two rows', 'data');
  const offset = data.offset ? column(data.offset, 'identity') : null;
  return { rows: order, y, columns, termSpecs, offset, factors: layout.factors, clusters, padding: layout.padding, warnings };
}

/**
 * Dense origin x destination grid layout for a doubly-constrained design (no periods) when at
 * least half the cells have a row and no pair repeats: the balancing and demeaning kernels then
 * run over contiguous memory. Returns the input row of each cell (PADDED_ROW for empty cells) and
 * the grid factors, or null when it does not apply.
 */
function gridLayout(
  maps: { kind: LabelledFactor['kind']; map: Int32Array; ids: Uint32Array; levels: number; regionOf: Int32Array; periodOf: Int32Array }[],
  rows: Uint32Array,
): { rows: Uint32Array; factors: LabelledFactor[]; padding: Uint32Array } | null {
  if (maps.length !== 2 || maps[0].kind !== 'origin' || maps[1].kind !== 'destination' || maps[0].periodOf[0] >= 0) return null;
  const [o, d] = maps;
  const rowsN = o.levels;
  const cols = d.levels;
  const cells = rowsN * cols;
  const n = rows.length;
  if (n < 0.5 * cells || cells > 2 ** 31) return null;
  const order = new Uint32Array(cells).fill(PADDED_ROW);
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    const p = o.map[o.ids[r]] * cols + d.map[d.ids[r]];
    if (order[p] !== PADDED_ROW) return null; // duplicate pair: keep the long layout
    order[p] = r;
  }
  const padding: number[] = [];
  const oi = new Uint32Array(cells);
  const di = new Uint32Array(cells);
  for (let i = 0, p = 0; i < rowsN; i++) {
    for (let j = 0; j < cols; j++, p++) {
      oi[p] = i;
      di[p] = j;
      if (order[p] === PADDED_ROW) padding.push(p);
    }
  }
  const grid = (axis: 0 | 1) => ({ axis, rows: rowsN, cols });
  return {
    rows: order,
    factors: [
      { name: o.kind, kind: o.kind, index: oi, levels: rowsN, regionOf: o.regionOf, periodOf: o.periodOf, grid: grid(0) },
      { name: d.kind, kind: d.kind, index: di, levels: cols, regionOf: d.regionOf, periodOf: d.periodOf, grid: grid(1) },
    ],
    padding: Uint32Array.from(padding),
  };
}
