import { type Workspace } from '../workspace.ts';
import { flowFilter, type FlowFilterSpec } from './flow-filter.ts';
import { importSources } from './flow-provenance.ts';

export interface FlowQuery extends FlowFilterSpec {
  /** Roll both ends up to their ancestor at this level (e.g. province). */
  level?: string;
  /** Keep flows whose two ends fall in the same unit (default true). */
  intra?: boolean;
  limit?: number;
  /** Add each row's `kind` and `source` (FlowProvenanceColumns): for exports, which carry no definition line. */
  provenance?: boolean;
}

/**
 * Where a row comes from, for a file that leaves the workspace (`talentflow export flows`): kind
 * 'observed' (imported flows) or 'estimated' (stored by `talentflow estimate`), 'mixed' for a
 * rolled-up row summing both; source the import's `--source` (its file's name when none was
 * given), or the estimate's own definition; several joined by "; " in a rolled-up row.
 */
export interface FlowProvenanceColumns {
  kind: 'observed' | 'estimated' | 'mixed';
  source: string;
}

export interface FlowRow {
  origin: string;
  origin_name: string | null;
  destination: string;
  destination_name: string | null;
  period: string;
  cohort: string;
  count: number;
  intra: boolean;
}

/**
 * Selects flows with filters and an optional roll-up to a level of the hierarchy. Rolled-up
 * counts are sums of their parts; ends with no ancestor at the level are left out and counted in
 * `dropped`.
 */
export async function queryFlows(ws: Workspace, q: FlowQuery = {}): Promise<{ rows: FlowRow[]; dropped: number }> {
  const { sql: filter, params } = await flowFilter(ws, q);
  const limit = q.limit ?? 1_000_000;
  if (!q.level) {
    const rows = await ws.db.all<FlowRow>(
      `SELECT f.origin, coalesce(ro.name_zh, ro.name_en) AS origin_name, f.destination, coalesce(rd.name_zh, rd.name_en) AS destination_name, f.period, f.cohort, f.count, f.intra
              ${q.provenance ? ', [f.import_id] AS imports' : ''}
       FROM flows f LEFT JOIN regions ro ON ro.code = f.origin LEFT JOIN regions rd ON rd.code = f.destination
       ${filter} ${q.intra === false ? (filter ? 'AND' : 'WHERE') + ' NOT f.intra' : ''}
       ORDER BY f.period, f.count DESC, f.origin, f.destination LIMIT ?`, [...params, limit]);
    return { rows: q.provenance ? await withProvenance(ws, rows) : rows.map(nameFallback), dropped: 0 };
  }
  const sql = `
    WITH sel AS (SELECT f.* FROM flows f ${filter}),
    up AS (
      SELECT ao.ancestor AS origin, ad.ancestor AS destination, sel.period, sel.cohort, sel.count${q.provenance ? ', sel.import_id' : ''}
      FROM sel JOIN region_ancestors ao ON ao.code = sel.origin AND ao.ancestor_level = ?
               JOIN region_ancestors ad ON ad.code = sel.destination AND ad.ancestor_level = ?)
    SELECT up.origin, coalesce(ro.name_zh, ro.name_en) AS origin_name, up.destination, coalesce(rd.name_zh, rd.name_en) AS destination_name, up.period, up.cohort,
           sum(up.count) AS count, up.origin = up.destination AS intra
           ${q.provenance ? ', list(DISTINCT up.import_id ORDER BY up.import_id) AS imports' : ''}
    FROM up LEFT JOIN regions ro ON ro.code = up.origin LEFT JOIN regions rd ON rd.code = up.destination
    ${q.intra === false ? 'WHERE up.origin <> up.destination' : ''}
    GROUP BY ALL ORDER BY up.period, count DESC, up.origin, up.destination LIMIT ?`;
  const rows = await ws.db.all<FlowRow>(sql, [...params, q.level, q.level, limit]);
  const total = await ws.db.one<{ n: bigint }>(`SELECT count(*) AS n FROM flows f ${filter}`, params);
  const kept = await ws.db.one<{ n: bigint }>(
    `SELECT count(*) AS n FROM flows f JOIN region_ancestors ao ON ao.code = f.origin AND ao.ancestor_level = ?
     JOIN region_ancestors ad ON ad.code = f.destination AND ad.ancestor_level = ? ${filter}`, [q.level, q.level, ...params]);
  return { rows: q.provenance ? await withProvenance(ws, rows) : rows.map(nameFallback), dropped: Number(total!.n) - Number(kept!.n) };
}

/** Rows read with the imports they come from (`imports`), with FlowProvenanceColumns in their place. */
async function withProvenance(ws: Workspace, rows: (FlowRow & { imports?: number[] })[]): Promise<(FlowRow & FlowProvenanceColumns)[]> {
  const ids = rows.map((r) => [...(r.imports ?? [])].map(Number));
  const sources = await importSources(ws, [...new Set(ids.flat())]);
  return rows.map(({ imports: _, ...r }, k) => {
    const of = ids[k].map((id) => sources.get(id)!);
    const kind = of.every((x) => x.estimated) ? 'estimated' : of.some((x) => x.estimated) ? 'mixed' : 'observed';
    return { ...nameFallback(r), kind, source: [...new Set(of.map((x) => x.source))].sort().join('; ') };
  });
}

function nameFallback(r: FlowRow): FlowRow {
  return { ...r, count: Number(r.count) };
}
