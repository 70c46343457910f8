import { listValue, type DuckDBValue } from '../duckdb/node-api.ts';
import type { FlowTable } from '../../core/flow-table.ts';
import { coded, withWarnings, type CodedMessage } from '../../core/messages/index.ts';
import { parsePeriod } from '../../core/schema/period.ts';
import { queryTypedColumns } from '../duckdb/typed-columns.ts';
import { flowIdsWith } from '../flow-rows.ts';
import { type Workspace } from '../workspace.ts';
import { ESTIMATED } from './estimated-rows.ts';
import { flowFilter, type FlowFilterSpec } from './flow-filter.ts';

/**
 * Reads a selection of stored flows into a FlowTable, the columnar form every measure in
 * src/metrics reads, with populations from the `population` indicator aligned with it.
 * The roll-up to a level happens in DuckDB; stored rows come across unaggregated (duplicate
 * keys, e.g. several cohorts, are summed by the measures), with indexes assigned in SQL so no
 * row object or string is built per flow.
 */
export interface FlowSelection extends FlowFilterSpec {
  /** Roll both ends up to their ancestor at this level; ends without one are dropped and counted. */
  level?: string;
  /** Codes added to the table's regions even when they have no flow (their margins are 0). */
  include?: readonly string[];
  /** Year of the populations. Default: the period's first year (population at risk at the start). */
  populationYear?: number;
}

export interface LoadedFlows {
  table: FlowTable;
  /** Population of table.regions[i] in `populationYear`; NaN where none is stored. */
  populations: Float64Array;
  populationYear: number | null;
  /** Distinct stored periods in the selection. */
  periods: string[];
  /** Stored flow rows read (before aggregation). */
  rows: number;
  /** Of these, rows stored by a model (`talentflow estimate ... --save`, import kind 'estimate'), not observed. */
  estimated: number;
  /** Stored rows left out because an end has no ancestor at `level`. */
  dropped: number;
  /** The imports (ids in `imports`) the rows read come from: the sources a result computed from them names (flowProvenance). */
  imports: number[];
  warnings: string[];
  /** The warnings coded (core/messages), same order, for a front-end's language. */
  messages: { warnings: CodedMessage[] };
}

export async function loadFlowTable(ws: Workspace, q: FlowSelection = {}): Promise<LoadedFlows> {
  const include = [...(q.include ?? [])];
  const { rows, estimated, periods, imports, codes, origin, destination, count } = q.level ? await readRolledUp(ws, q, include) : await readStoredIds(ws, q, include);
  const table: FlowTable = { regions: codes, origin, destination, count };
  const p = q.period ? parsePeriod(q.period) : periods.length ? parsePeriod(periods[0]) : null;
  const populationYear = q.populationYear ?? p?.start ?? null;
  const populations = populationYear === null ? new Float64Array(codes.length).fill(NaN) : await populationsAt(ws, codes, populationYear);
  const warnings: CodedMessage[] = [];
  if (!q.period && periods.length > 1) warnings.push(coded('measure.periodsSummed', { periods: periods.length, first: periods[0], last: periods[periods.length - 1] }));
  const dropped = rows - count.length;
  if (dropped > 0) warnings.push(coded('measure.noAncestor', { rows: dropped, level: q.level ?? '' }));
  return { table, populations, populationYear, periods, rows, estimated, dropped, imports, ...withWarnings(warnings) };
}

interface ReadFlows extends IndexedRows {
  rows: number;
  estimated: number;
  periods: string[];
  imports: number[];
}

/**
 * Stored rows as they are: their origin and destination ids cross as raw integer chunks (joined
 * to no dictionary unless the filter names a region, period or cohort), and become indexes into
 * the sorted codes that occur, or are included, in one pass in JavaScript over the small dictionary.
 */
async function readStoredIds(ws: Workspace, q: FlowSelection, include: string[]): Promise<ReadFlows> {
  const { sql: filter, params, columns } = await flowFilter(ws, q);
  const from = `FROM (${flowIdsWith(columns)}) f ${filter}`;
  const stats = await ws.db.one<{ n: bigint; estimated: bigint; periods: number[] | null; imports: number[] | null }>(
    `SELECT count(*) AS n, count(*) FILTER (WHERE ${ESTIMATED}) AS estimated, list(DISTINCT f.period_id) AS periods,
            list(DISTINCT f.import_id ORDER BY f.import_id) AS imports ${from}`, params);
  const periodIds = stats?.periods ? [...stats.periods] : [];
  const periods = periodIds.length
    ? (await ws.db.all<{ period: string }>('SELECT period FROM flow_periods WHERE list_contains(?::INTEGER[], id) ORDER BY period', [listValue(periodIds)])).map((r) => r.period)
    : [];
  const read = await queryTypedColumns(ws.db.conn, `SELECT f.origin_id::UINTEGER, f.destination_id::UINTEGER, f.count::DOUBLE ${from}`, params,
    { stream: true, expectedRows: Number(stats?.n ?? 0) });
  const [origin, destination, count] = read.columns as [Uint32Array, Uint32Array, Float64Array];
  // Every code by name order, with its id (NULL for an included code no flow has ever named).
  const dict = await ws.db.all<{ code: string; id: number | null }>(
    `SELECT code, max(id) AS id FROM (SELECT code, id FROM flow_codes${include.length ? ' UNION ALL SELECT unnest(?::VARCHAR[]), NULL' : ''}) GROUP BY code ORDER BY code`,
    include.length ? [listValue(include)] : []);
  let top = 0;
  for (const d of dict) if (d.id !== null && d.id > top) top = d.id;
  const used = new Uint8Array(top + 1);
  for (let r = 0; r < origin.length; r++) {
    used[origin[r]] = 1;
    used[destination[r]] = 1;
  }
  const wanted = new Set(include);
  const codes: string[] = [];
  const remap = new Uint32Array(top + 1);
  for (const d of dict) {
    if (d.id !== null && used[d.id]) remap[d.id] = codes.push(d.code) - 1;
    else if (wanted.has(d.code)) codes.push(d.code);
  }
  for (let r = 0; r < origin.length; r++) {
    origin[r] = remap[origin[r]];
    destination[r] = remap[destination[r]];
  }
  return { rows: Number(stats?.n ?? 0), estimated: Number(stats?.estimated ?? 0), periods, imports: [...(stats?.imports ?? [])], codes, origin, destination, count };
}

/** Rows rolled up to a level in SQL (region_ancestors), indexed against the codes of that level. */
async function readRolledUp(ws: Workspace, q: FlowSelection, include: string[]): Promise<ReadFlows> {
  const { sql: filter, params } = await flowFilter(ws, q);
  const stats = await ws.db.one<{ n: bigint; estimated: bigint; periods: string[] | null; imports: number[] | null }>(
    `SELECT count(*) AS n, count(*) FILTER (WHERE ${ESTIMATED}) AS estimated,
            list(DISTINCT f.period ORDER BY f.period) AS periods, list(DISTINCT f.import_id ORDER BY f.import_id) AS imports FROM flows f ${filter}`, params);
  const rows = Number(stats?.n ?? 0);
  const up = `SELECT ao.ancestor AS o, ad.ancestor AS d, f.count FROM flows f
         JOIN region_ancestors ao ON ao.code = f.origin AND ao.ancestor_level = ?
         JOIN region_ancestors ad ON ad.code = f.destination AND ad.ancestor_level = ? ${filter}`;
  const upParams = [q.level!, q.level!, ...params];
  const read = (await readAgainstRegions(ws, up, upParams, include, rows)) ?? (await readAgainstOwnCodes(ws, up, upParams, include, rows));
  return { ...read, rows, estimated: Number(stats?.estimated ?? 0), periods: stats?.periods ? [...stats.periods] : [], imports: [...(stats?.imports ?? [])] };
}

interface IndexedRows {
  codes: string[];
  origin: Uint32Array;
  destination: Uint32Array;
  count: Float64Array;
}

/** Index of a row end whose code is in no region (no importer writes one: see the fallback). */
const NO_REGION = 0xffffffff;

/**
 * Stored rows go across as they are (no pair aggregation: measures sum duplicate keys
 * themselves) with their ends as indexes into the sorted codes that occur, or are included. The
 * indexes are joined in SQL against every region code (a small table), and which codes occur is
 * found afterwards from the typed arrays: one pass over the flows, where a DISTINCT of both ends
 * cost as much again. Only integer and double columns cross into JavaScript, as raw chunks.
 * Undefined when a row names a code that is no region, for `readAgainstOwnCodes` to do.
 */
async function readAgainstRegions(ws: Workspace, up: string, params: DuckDBValue[], include: string[], rows: number): Promise<IndexedRows | undefined> {
  const all = (await ws.db.all<{ code: string }>(
    `SELECT code FROM (SELECT code FROM regions${include.length ? ' UNION SELECT unnest(?::VARCHAR[])' : ''}) ORDER BY code`,
    include.length ? [listValue(include)] : [])).map((r) => r.code);
  if (!all.length) return undefined;
  const read = await queryTypedColumns(ws.db.conn,
    `WITH up AS (${up}), idx AS (SELECT code, (row_number() OVER (ORDER BY code) - 1)::UINTEGER AS i FROM unnest(?::VARCHAR[]) t(code))
     SELECT coalesce(io.i, ${NO_REGION}::UINTEGER), coalesce(id.i, ${NO_REGION}::UINTEGER), up.count::DOUBLE
     FROM up LEFT JOIN idx io ON io.code = up.o LEFT JOIN idx id ON id.code = up.d`, [...params, listValue(all)], { expectedRows: rows });
  const [origin, destination, count] = read.columns as [Uint32Array, Uint32Array, Float64Array];
  const used = new Uint8Array(all.length);
  for (let r = 0; r < origin.length; r++) {
    if (origin[r] === NO_REGION || destination[r] === NO_REGION) return undefined;
    used[origin[r]] = 1;
    used[destination[r]] = 1;
  }
  const position = new Map(all.map((c, i) => [c, i]));
  for (const c of include) used[position.get(c)!] = 1;
  const codes: string[] = [];
  const remap = new Uint32Array(all.length);
  all.forEach((c, i) => {
    if (used[i]) remap[i] = codes.push(c) - 1;
  });
  for (let r = 0; r < origin.length; r++) {
    origin[r] = remap[origin[r]];
    destination[r] = remap[destination[r]];
  }
  return { codes, origin, destination, count };
}

/** The same from the distinct codes of the rows themselves (a second pass over them). */
async function readAgainstOwnCodes(ws: Workspace, up: string, params: DuckDBValue[], include: string[], rows: number): Promise<IndexedRows> {
  const codes = (await ws.db.all<{ code: string }>(
    `WITH up AS (${up}) SELECT code FROM (SELECT DISTINCT o AS code FROM up UNION SELECT DISTINCT d FROM up${include.length ? ' UNION SELECT unnest(?::VARCHAR[])' : ''}) ORDER BY code`,
    include.length ? [...params, listValue(include)] : params)).map((r) => r.code);
  // (An empty selection asks nothing more: DuckDB cannot type an empty list parameter.)
  if (!codes.length) return { codes, origin: new Uint32Array(0), destination: new Uint32Array(0), count: new Float64Array(0) };
  const read = await queryTypedColumns(ws.db.conn,
    `WITH up AS (${up}), idx AS (SELECT code, (row_number() OVER (ORDER BY code) - 1)::UINTEGER AS i FROM unnest(?::VARCHAR[]) t(code))
     SELECT io.i, id.i, up.count::DOUBLE FROM up JOIN idx io ON io.code = up.o JOIN idx id ON id.code = up.d`, [...params, listValue(codes)], { expectedRows: rows });
  const [origin, destination, count] = read.columns as [Uint32Array, Uint32Array, Float64Array];
  return { codes, origin, destination, count };
}

/** True when any stored flow matches the selection (cheap check before choosing a source). */
export async function hasFlows(ws: Workspace, q: FlowSelection = {}): Promise<boolean> {
  const { sql, params } = await flowFilter(ws, q);
  return Boolean(await ws.db.one(`SELECT 1 FROM flows f ${sql} LIMIT 1`, params));
}

/** The `population` indicator of each code in one year, aligned with `codes`; NaN where none is stored. */
export async function populationsAt(ws: Workspace, codes: readonly string[], year: number, name = 'population'): Promise<Float64Array> {
  const out = new Float64Array(codes.length).fill(NaN);
  if (!codes.length) return out;
  const rows = await ws.db.all<{ region: string; value: number }>(
    `SELECT region, value FROM indicators WHERE name = ? AND period = ? AND list_contains(?::VARCHAR[], region)`, [name, String(year), listValue([...codes])]);
  const index = new Map(codes.map((c, i) => [c, i]));
  for (const r of rows) out[index.get(r.region) as number] = r.value;
  return out;
}
