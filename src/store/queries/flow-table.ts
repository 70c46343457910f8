import { listValue } from '@duckdb/node-api';
import type { FlowTable } from '../../core/flow-table.ts';
import { parsePeriod } from '../../core/schema/period.ts';
import { queryTypedColumns } from '../duckdb/typed-columns.ts';
import { type Workspace } from '../workspace.ts';
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
  warnings: string[];
}

export async function loadFlowTable(ws: Workspace, q: FlowSelection = {}): Promise<LoadedFlows> {
  const { sql: filter, params } = await flowFilter(ws, q);
  const stats = await ws.db.one<{ n: bigint; estimated: bigint; periods: string[] | null }>(
    `SELECT count(*) AS n, count(*) FILTER (WHERE f.import_id IN (SELECT id FROM imports WHERE kind = 'estimate')) AS estimated,
            list(DISTINCT f.period ORDER BY f.period) AS periods FROM flows f ${filter}`, params);
  const rows = Number(stats?.n ?? 0);
  const estimated = Number(stats?.estimated ?? 0);
  const periods = stats?.periods ? [...stats.periods] : [];
  const up = q.level
    ? `SELECT ao.ancestor AS o, ad.ancestor AS d, f.count FROM flows f
         JOIN region_ancestors ao ON ao.code = f.origin AND ao.ancestor_level = ?
         JOIN region_ancestors ad ON ad.code = f.destination AND ad.ancestor_level = ? ${filter}`
    : `SELECT f.origin AS o, f.destination AS d, f.count FROM flows f ${filter}`;
  const upParams = q.level ? [q.level, q.level, ...params] : params;
  const include = [...(q.include ?? [])];
  const codes = (await ws.db.all<{ code: string }>(
    `WITH up AS (${up}) SELECT code FROM (SELECT DISTINCT o AS code FROM up UNION SELECT DISTINCT d FROM up${include.length ? ' UNION SELECT unnest(?::VARCHAR[])' : ''}) ORDER BY code`,
    include.length ? [...upParams, listValue(include)] : upParams)).map((r) => r.code);
  // Stored rows go across as they are (no pair aggregation: measures sum duplicate keys
  // themselves), with region indexes joined in SQL (index = position in the sorted codes), so
  // only integer and double columns cross into JavaScript, as raw chunks into typed arrays.
  // (An empty selection asks nothing: DuckDB cannot type an empty list parameter.)
  const read = !codes.length ? { rows: 0, columns: [new Uint32Array(0), new Uint32Array(0), new Float64Array(0)] } : await queryTypedColumns(ws.db.conn,
    `WITH up AS (${up}), idx AS (SELECT code, (row_number() OVER (ORDER BY code) - 1)::UINTEGER AS i FROM unnest(?::VARCHAR[]) t(code))
     SELECT io.i, id.i, up.count::DOUBLE FROM up JOIN idx io ON io.code = up.o JOIN idx id ON id.code = up.d`, [...upParams, listValue(codes)], { expectedRows: rows });
  const [origin, destination, count] = read.columns as [Uint32Array, Uint32Array, Float64Array];
  const table: FlowTable = { regions: codes, origin, destination, count };
  const p = q.period ? parsePeriod(q.period) : periods.length ? parsePeriod(periods[0]) : null;
  const populationYear = q.populationYear ?? p?.start ?? null;
  const populations = populationYear === null ? new Float64Array(codes.length).fill(NaN) : await populationsAt(ws, codes, populationYear);
  const warnings: string[] = [];
  if (!q.period && periods.length > 1) warnings.push(`no --period given: flows of ${periods.length} periods (${periods[0]} … ${periods[periods.length - 1]}) are summed`);
  const dropped = rows - read.rows;
  if (dropped > 0) warnings.push(`${dropped} stored flow row(s) have an end with no ancestor at level ${q.level} and are left out`);
  return { table, populations, populationYear, periods, rows, estimated, dropped, warnings };
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
