import { InputError } from '../../core/errors.ts';
import { coded, english, type CodedMessage } from '../../core/messages/index.ts';
import { haversineKm } from '../../core/geometry/index.ts';
import { parsePeriod } from '../../core/schema/period.ts';
import type { GravityData } from '../../models/index.ts';
import type { StageOptions } from '../duckdb/stage.ts';
import { readCodedColumns } from '../read-columns.ts';
import type { Workspace } from '../workspace.ts';
import { describeFlows, flowProvenance } from './flow-provenance.ts';
import { estimatedRows } from './estimated-rows.ts';
import { estimateWarnedNotes } from './estimate-warnings.ts';
import { queryFlows } from './query-flows.ts';

/** Which columns of a flow file play which part in a model. */
export interface FlowFileColumns {
  origin: string;
  destination: string;
  flow: string;
  cost?: string;
  /** Per-row covariate columns (values of the origin, the destination or the pair). */
  covariates?: readonly string[];
  period?: string;
}

/**
 * Gravity data from a flow file: one row per pair, region codes as text, flow, cost and covariate
 * columns as numbers. Regions are indexed in order of first appearance (origins, then
 * destinations that are never an origin), periods likewise. `readSeconds` is the reading time
 * (kept out of any reported fit time).
 */
export async function gravityDataFromFile(file: string, cols: FlowFileColumns, options: StageOptions = {}): Promise<{ data: GravityData; readSeconds: number }> {
  const t0 = performance.now();
  const numeric = [cols.flow, ...(cols.cost ? [cols.cost] : []), ...(cols.covariates ?? [])];
  const codes = [[cols.origin, cols.destination], ...(cols.period ? [[cols.period]] : [])];
  const c = await readCodedColumns(file, { codes, numeric: [...new Set(numeric)] }, options);
  const covariates: Record<string, Float64Array> = {};
  for (const v of cols.covariates ?? []) covariates[v] = c.numbers[v];
  const data: GravityData = {
    regions: c.levels[cols.origin], origin: c.codes[cols.origin], destination: c.codes[cols.destination],
    flow: c.numbers[cols.flow], cost: cols.cost ? c.numbers[cols.cost] : new Float64Array(c.rows),
    covariates, ...(cols.period ? { period: c.codes[cols.period], periods: c.levels[cols.period] } : {}),
  };
  return { data, readSeconds: (performance.now() - t0) / 1000 };
}

export interface WorkspaceModelSelection {
  /** One period, or several for a panel. */
  periods: readonly string[];
  /** Flows with both ends inside this region or group (code or name), e.g. KR or northeast. */
  within?: string;
  /** Roll flows up to this level first. */
  level?: string;
  /** Indicators used as origin attributes (named origin_<name>) and destination attributes (destination_<name>). */
  originIndicators?: readonly string[];
  destinationIndicators?: readonly string[];
  /** Add pairs with no stored flow as zero flows among the regions in the selection (default true). */
  fillZeros?: boolean;
  /** An indicator of the origin or the destination returned as data.offset, as stored (the caller may log it). */
  offsetIndicator?: { readonly side: 'origin' | 'destination'; readonly name: string };
}

/**
 * Gravity data from the workspace: flows of the selection, great-circle distance between region
 * centroids (km) as the cost, and indicator values of the flow's period (or, for a range, of its
 * first year) as covariates. Its notes say how many of the stored rows are estimates, where any
 * are, and how many pairs were added as zero flows.
 */
export async function gravityDataFromWorkspace(ws: Workspace, sel: WorkspaceModelSelection): Promise<{ data: GravityData; notes: string[]; messages: { notes: CodedMessage[] } }> {
  const notes: CodedMessage[] = [];
  if (!sel.periods.length) throw new InputError(coded('gravity.input.noPeriods', {}));
  // A misspelt level or a period without flows lists those the workspace has, instead of
  // reading as "no flows within KR" (a level is not checked by the flow query itself).
  // Loaded here, not at the top: this module also serves `fit gravity --flows FILE`, which
  // should not load the spelling-distance package known-values.ts suggests names with.
  const { requireLevel, requirePeriod } = await import('./known-values.ts');
  const level = sel.level === undefined ? undefined : await requireLevel(ws, sel.level);
  const rows: { origin: string; destination: string; period: string; count: number }[] = [];
  const stored = { rows: 0, estimated: 0 };
  const warned: CodedMessage[][] = [];
  const imports = new Set<number>();
  const read: string[] = [];
  for (const period of sel.periods) {
    const p = await requirePeriod(ws, period, 'flows');
    read.push(p);
    const res = await queryFlows(ws, { origin: sel.within, destination: sel.within, period: p, level });
    if (!res.rows.length) throw new InputError(coded('gravity.input.noFlows', { period: p, within: sel.within ?? null }));
    rows.push(...res.rows.map((r) => ({ origin: r.origin, destination: r.destination, period: r.period, count: r.count })));
    const e = await estimatedRows(ws, { origin: sel.within, destination: sel.within, period: p });
    stored.rows += e.rows;
    stored.estimated += e.estimated;
    warned.push(...e.warnings);
    for (const id of e.imports) imports.add(id);
  }
  // What the flows are and where they come from, as a measure of them says it.
  const provenance = await flowProvenance(ws, undefined, [...imports]);
  const when = read.length === 1 ? read[0] : undefined;
  notes.push(coded('fit.dataFlows', { flows: describeFlows(provenance, when), flowsZh: describeFlows(provenance, when, 'zh') }));
  // A fit on flows estimated from census stocks says so, in the words a measure of them uses.
  // and with what the estimate warned, once per estimate (the same one serves every period it covers).
  if (stored.estimated > 0) notes.push(coded('measure.assumption.estimatedRows', stored), ...estimateWarnedNotes(distinct(warned)));
  const regions = [...new Set(rows.flatMap((r) => [r.origin, r.destination]))].sort();
  const idx = new Map(regions.map((r, i) => [r, i]));
  const centroids = await ws.db.all<{ code: string; lon: number | null; lat: number | null }>(
    `SELECT code, centroid_lon AS lon, centroid_lat AS lat FROM regions WHERE code IN (SELECT unnest(string_split(?, ',')))`, [regions.join(',')]);
  const cent = new Map(centroids.map((c) => [c.code, c]));
  const noCentroid = regions.filter((r) => cent.get(r)?.lon == null);
  if (noCentroid.length) throw new InputError(coded('gravity.input.noCentroid', { regions: noCentroid.slice(0, 5).map((code) => ({ code })) }));
  const key = (o: number, d: number, p: string) => `${o}|${d}|${p}`;
  const seen = new Map<string, number>();
  for (const r of rows) seen.set(key(idx.get(r.origin)!, idx.get(r.destination)!, r.period), r.count);
  const allRows: { o: number; d: number; p: string; y: number }[] = [];
  const periodsFound = [...new Set(rows.map((r) => r.period))];
  if (sel.fillZeros !== false) {
    let filled = 0;
    for (const p of periodsFound) for (let o = 0; o < regions.length; o++) for (let d = 0; d < regions.length; d++) {
      const y = seen.get(key(o, d, p));
      if (y === undefined) filled++;
      allRows.push({ o, d, p, y: y ?? 0 });
    }
    if (filled) notes.push(coded('fit.zeroFilled', { pairs: filled }));
  } else {
    for (const r of rows) allRows.push({ o: idx.get(r.origin)!, d: idx.get(r.destination)!, p: r.period, y: r.count });
  }
  const n = allRows.length;
  const origin = new Uint32Array(n);
  const destination = new Uint32Array(n);
  const flow = new Float64Array(n);
  const cost = new Float64Array(n);
  const period = new Uint32Array(n);
  allRows.forEach((r, i) => {
    origin[i] = r.o;
    destination[i] = r.d;
    flow[i] = r.y;
    period[i] = periodsFound.indexOf(r.p);
    const a = cent.get(regions[r.o])!;
    const b = cent.get(regions[r.d])!;
    cost[i] = haversineKm([a.lon!, a.lat!], [b.lon!, b.lat!]);
  });
  const firstYear = (p: string) => String(parsePeriod(p)?.start ?? p);
  // One indicator per row of one end: its value in the flow's period, or for a range in its first year.
  const column = async (name: string, side: 'origin' | 'destination', offset: boolean): Promise<Float64Array> => {
    const vals = await ws.db.all<{ region: string; period: string; value: number }>(
      `SELECT region, period, value FROM indicators WHERE name = ? AND region IN (SELECT unnest(string_split(?, ',')))`, [name, regions.join(',')]);
    const wanted = new Set(periodsFound.flatMap((p) => [p, firstYear(p)]));
    if (!vals.some((v) => wanted.has(v.period))) throw await unknownIndicator(ws, name, { role: side, offset }, regions, [...wanted], sel.within);
    const byKey = new Map(vals.map((v) => [`${v.region}|${v.period}`, v.value]));
    const col = new Float64Array(n);
    // Region and period of each value missing, in order of first meeting.
    const missing = new Map<string, { code: string; period: string }>();
    allRows.forEach((r, i) => {
      const code = regions[side === 'origin' ? r.o : r.d];
      const v = byKey.get(`${code}|${r.p}`) ?? byKey.get(`${code}|${firstYear(r.p)}`);
      if (v === undefined) missing.set(`${code}|${r.p}`, { code, period: r.p });
      col[i] = v ?? NaN;
    });
    if (missing.size) {
      const first = [...missing.values()].slice(0, 5);
      throw new InputError(coded('gravity.input.indicatorMissing', {
        indicator: name, role: side, offset, regions: first.map((m) => ({ code: m.code })), periods: first.map((m) => m.period), count: missing.size,
      }));
    }
    return col;
  };
  const covariates: Record<string, Float64Array> = {};
  for (const name of sel.originIndicators ?? []) covariates[`origin_${name}`] = await column(name, 'origin', false);
  for (const name of sel.destinationIndicators ?? []) covariates[`destination_${name}`] = await column(name, 'destination', false);
  const off = sel.offsetIndicator;
  const offset = off ? await column(off.name, off.side, true) : undefined;
  const data: GravityData = {
    regions, origin, destination, flow, cost, covariates, ...(offset ? { offset } : {}),
    ...(periodsFound.length > 1 ? { period, periods: periodsFound } : {}),
  };
  // English notes for the CLI and API, coded ones (core/messages) for a front-end's language.
  return { data, notes: english(notes), messages: { notes } };
}

/**
 * An indicator the selection has no value of at all: most often a misspelt name, so the error
 * lists the indicators its regions do have for those periods (or, with none there, in any period).
 */
async function unknownIndicator(ws: Workspace, name: string, end: { role: 'origin' | 'destination'; offset: boolean }, regions: readonly string[], periods: readonly string[], within: string | undefined): Promise<InputError> {
  const names = async (inPeriods: boolean) => (await ws.db.all<{ name: string }>(
    `SELECT DISTINCT name FROM indicators WHERE region IN (SELECT unnest(string_split(?, ','))) ${inPeriods ? `AND period IN (SELECT unnest(string_split(?, ',')))` : ''} ORDER BY name`,
    inPeriods ? [regions.join(','), [...new Set(periods)].join(',')] : [regions.join(',')])).map((r) => r.name);
  const inPeriods = await names(true);
  const otherPeriods = inPeriods.length ? [] : await names(false);
  return new InputError(coded('gravity.input.unknownIndicator', { indicator: name, ...end, within: within ?? null, periods: [...new Set(periods)], inPeriods, otherPeriods }));
}

/** Lists of warnings without repeats (one estimate read for two periods warns once). */
function distinct(lists: CodedMessage[][]): CodedMessage[][] {
  const seen = new Set<string>();
  return lists.filter((l) => {
    const key = JSON.stringify(l);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
