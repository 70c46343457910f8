import { listValue } from '@duckdb/node-api';
import type { FlowTable } from '../../core/flow-table.ts';
import { InputError } from '../../core/errors.ts';
import { parsePeriod } from '../../core/schema/period.ts';
import { type Workspace } from '../workspace.ts';
import { resolveRegionRef, withinCondition } from './resolve-ref.ts';

/**
 * Reads a selection of stored flows into a FlowTable, the columnar form every measure in
 * src/metrics reads, with populations from the `population` indicator aligned with it.
 * Aggregation (roll-up to a level, summing duplicate keys such as several cohorts) happens in
 * DuckDB; indexes are assigned in SQL so no row object is built per flow.
 */
export interface FlowSelection {
  /** A year or a range, matched exactly as stored. Default: every period (summed, with a warning). */
  period?: string;
  /** Cohort attribute as stored (e.g. "education=bachelor"). Default: every cohort, summed. */
  cohort?: string;
  /** Flows leaving this region or group (or any region inside it). */
  origin?: string;
  /** Flows arriving in this region or group. */
  destination?: string;
  /** Flows with either end inside this region or group. */
  group?: string;
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
  const tmp = `flow_sel_${process.pid}_${Date.now()}`;
  await ws.db.run(`CREATE TEMP TABLE ${tmp} AS SELECT o, d, sum(count) AS c, count(*) AS n FROM (${up}) GROUP BY o, d`, upParams);
  try {
    const include = [...(q.include ?? [])];
    const codes = (await ws.db.all<{ code: string }>(
      `SELECT code FROM (SELECT o AS code FROM ${tmp} UNION SELECT d FROM ${tmp}${include.length ? ` UNION SELECT unnest(?::VARCHAR[])` : ''}) ORDER BY code`,
      include.length ? [listValue(include)] : undefined)).map((r) => r.code);
    const index = new Map(codes.map((c, i) => [c, i]));
    const kept = await ws.db.one<{ n: bigint; pairs: bigint }>(`SELECT coalesce(sum(n), 0) AS n, count(*) AS pairs FROM ${tmp}`);
    const pairs = Number(kept?.pairs ?? 0);
    const origin = new Uint32Array(pairs);
    const destination = new Uint32Array(pairs);
    const count = new Float64Array(pairs);
    const result = await ws.db.conn.run(`SELECT o, d, c FROM ${tmp} ORDER BY o, d`);
    let k = 0;
    for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
      const [vo, vd, vc] = [chunk.getColumnVector(0), chunk.getColumnVector(1), chunk.getColumnVector(2)];
      for (let r = 0; r < chunk.rowCount; r++, k++) {
        origin[k] = index.get(vo.getItem(r) as string) as number;
        destination[k] = index.get(vd.getItem(r) as string) as number;
        count[k] = Number(vc.getItem(r));
      }
    }
    const table: FlowTable = { regions: codes, origin, destination, count };
    const p = q.period ? parsePeriod(q.period) : periods.length ? parsePeriod(periods[0]) : null;
    const populationYear = q.populationYear ?? p?.start ?? null;
    const populations = populationYear === null ? new Float64Array(codes.length).fill(NaN) : await populationsAt(ws, codes, populationYear);
    const warnings: string[] = [];
    if (!q.period && periods.length > 1) warnings.push(`no --period given: flows of ${periods.length} periods (${periods[0]} … ${periods[periods.length - 1]}) are summed`);
    const dropped = rows - Number(kept?.n ?? 0);
    if (dropped > 0) warnings.push(`${dropped} stored flow row(s) have an end with no ancestor at level ${q.level} and are left out`);
    return { table, populations, populationYear, periods, rows, estimated, dropped, warnings };
  } finally {
    await ws.db.run(`DROP TABLE IF EXISTS temp.${tmp}`);
  }
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

async function flowFilter(ws: Workspace, q: FlowSelection): Promise<{ sql: string; params: string[] }> {
  const where: string[] = [];
  const params: string[] = [];
  for (const [col, ref] of [['f.origin', q.origin], ['f.destination', q.destination]] as const) {
    if (!ref) continue;
    const c = withinCondition(col, await resolveRegionRef(ws, ref, col.slice(2)));
    where.push(c.sql);
    params.push(...c.params);
  }
  if (q.group) {
    const ref = await resolveRegionRef(ws, q.group, 'group');
    const a = withinCondition('f.origin', ref);
    const b = withinCondition('f.destination', ref);
    where.push(`(${a.sql} OR ${b.sql})`);
    params.push(...a.params, ...b.params);
  }
  if (q.period) {
    const p = parsePeriod(q.period);
    if (!p) throw new InputError(`period "${q.period}" is not a year or a range of years`);
    where.push('f.period = ?');
    params.push(p.text);
  }
  if (q.cohort) {
    where.push('f.cohort = ?');
    params.push(q.cohort);
  }
  return { sql: where.length ? 'WHERE ' + where.join(' AND ') : '', params };
}
