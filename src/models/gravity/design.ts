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
  readonly warnings: string[];
}

const pairName = (data: GravityData, r: number): string =>
  `${data.regions[data.origin[r]]} -> ${data.regions[data.destination[r]]} (row ${r + 1})`;

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

  // Rows kept: intra-regional rows only if asked; every value checked on the rows used.
  let keep = new Uint8Array(n0);
  let intraDropped = 0;
  for (let r = 0; r < n0; r++) {
    const o = data.origin[r];
    const d = data.destination[r];
    if (o >= nRegions || d >= nRegions) throw new InputError(`region index ${Math.max(o, d)} is outside the ${nRegions} regions`, { row: r + 1 });
    if (o === d && !spec.intra) {
      intraDropped++;
      continue;
    }
    const f = data.flow[r];
    if (!(Number.isFinite(f) && f >= 0)) throw new InputError(`flow ${f} of ${pairName(data, r)} is not a finite number >= 0`, { row: r + 1, column: 'flow' });
    const c = data.cost[r];
    if (!Number.isFinite(c)) throw new InputError(`cost ${c} of ${pairName(data, r)} is not finite`, { row: r + 1, column: 'cost' });
    if (spec.decay === 'power' && !(c > 0)) {
      throw new InputError(`cost ${c} of ${pairName(data, r)} is not positive; power decay takes log(cost)`, { row: r + 1, column: 'cost' });
    }
    for (const t of spec.terms) {
      const v = data.covariates![t.column][r];
      if (!Number.isFinite(v) || (t.transform === 'log' && !(v > 0))) {
        throw new InputError(`${t.column} = ${v} for ${pairName(data, r)} ${t.transform === 'log' ? 'is not positive (the term is logged)' : 'is not finite'}`, { row: r + 1, column: t.column });
      }
    }
    if (data.offset && !Number.isFinite(data.offset[r])) throw new InputError(`offset ${data.offset[r]} of ${pairName(data, r)} is not finite`, { row: r + 1, column: 'offset' });
    if (data.period && data.periods && data.period[r] >= data.periods.length) {
      throw new InputError(`period index ${data.period[r]} is outside the ${data.periods.length} periods`, { row: r + 1, column: 'period' });
    }
    keep[r] = 1;
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
  for (const k of kinds) {
    const total = new Float64Array(rawSize(k));
    const rows = new Uint32Array(rawSize(k));
    for (let r = 0; r < n0; r++) {
      if (!keep[r]) continue;
      total[k.raw(r)] += data.flow[r];
      rows[k.raw(r)]++;
    }
    const empty: number[] = [];
    for (let l = 0; l < total.length; l++) if (rows[l] > 0 && total[l] === 0) empty.push(l);
    if (empty.length === 0) continue;
    const what = k.kind === 'origin' ? 'no outflow' : k.kind === 'destination' ? 'no inflow' : 'no flow';
    for (const l of empty) {
      warnings.push(`${label(k, l)} has ${what}: its ${rows[l]} rows were dropped (its effect would be -Infinity; R's glm reports a huge negative coefficient instead)`);
    }
    const isEmpty = new Uint8Array(total.length);
    for (const l of empty) isEmpty[l] = 1;
    for (let r = 0; r < n0; r++) if (keep[r] && isEmpty[k.raw(r)]) keep[r] = 0;
  }

  let n = 0;
  for (let r = 0; r < n0; r++) n += keep[r];
  if (n === 0) throw new InputError('no rows left to fit (every row is intra-regional or has zero flow in its group)', { column: 'flow' });
  const rows = new Uint32Array(n);
  for (let r = 0, i = 0; r < n0; r++) if (keep[r]) rows[i++] = r;
  keep = new Uint8Array(0);

  const y = new Float64Array(n);
  let zeros = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    y[i] = data.flow[rows[i]];
    if (y[i] === 0) zeros++;
    total += y[i];
  }
  if (total === 0) throw new InputError('every flow is zero: nothing to fit', { column: 'flow' });
  if (zeros > 0) warnings.push(`${zeros} of ${n} rows have zero flow; they are kept (Poisson PML uses zero flows, unlike a log-linear OLS fit)`);

  const column = (get: (r: number) => number, transform: Transform): Float64Array => {
    const c = new Float64Array(n);
    for (let i = 0; i < n; i++) c[i] = transform === 'log' ? Math.log(get(rows[i])) : get(rows[i]);
    return c;
  };
  const columns: Float64Array[] = [];
  const termSpecs: { name: string; column: string | null; transform: Transform; role: 'intercept' | 'cost' | 'origin' | 'destination' | 'pair' }[] = [];
  if (kinds.length === 0) {
    columns.push(new Float64Array(n).fill(1));
    termSpecs.push({ name: '(Intercept)', column: null, transform: 'identity', role: 'intercept' });
  }
  for (const t of spec.terms) {
    const src = data.covariates![t.column];
    columns.push(column((r) => src[r], t.transform));
    termSpecs.push({ name: t.name, column: t.column, transform: t.transform, role: t.role });
  }
  const costTransform: Transform = spec.decay === 'power' ? 'log' : 'identity';
  columns.push(column((r) => data.cost[r], costTransform));
  termSpecs.push({ name: spec.costName, column: 'cost', transform: costTransform, role: 'cost' });

  const factors: LabelledFactor[] = kinds.map((k) => {
    const map = new Int32Array(rawSize(k)).fill(-1);
    const index = new Uint32Array(n);
    const regionOf: number[] = [];
    const periodOf: number[] = [];
    // Levels are numbered in raw-id order so that level 0 is the first region (R's reference level).
    for (let i = 0; i < n; i++) map[k.raw(rows[i])] = 0;
    let levels = 0;
    for (let l = 0; l < map.length; l++) {
      if (map[l] < 0) continue;
      map[l] = levels++;
      regionOf.push(k.kind === 'period' ? l : l % nRegions);
      periodOf.push(k.perPeriod ? Math.floor(l / nRegions) : -1);
    }
    for (let i = 0; i < n; i++) index[i] = map[k.raw(rows[i])];
    return { name: k.kind, kind: k.kind, index, levels, regionOf: Int32Array.from(regionOf), periodOf: Int32Array.from(periodOf) };
  });

  let clusters: GravityDesign['clusters'] = null;
  if (data.period) {
    const map = new Map<number, number>();
    const index = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const key = data.origin[rows[i]] * nRegions + data.destination[rows[i]];
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
  const offset = data.offset ? column((r) => data.offset![r], 'identity') : null;
  return { rows, y, columns, termSpecs, offset, factors, clusters, warnings };
}
