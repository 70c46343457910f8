import type { CodedMessage } from '../../core/messages/index.ts';
import type { Workspace } from '../workspace.ts';
import { storedWarnings } from './estimate-warnings.ts';
import { flowFilter, type FlowFilterSpec } from './flow-filter.ts';

/** SQL over `flows f` (or rows carrying its import_id): the row was stored by a model (`talentflow estimate ... --save`, import kind 'estimate'), not observed. */
export const ESTIMATED = "f.import_id IN (SELECT id FROM imports WHERE kind = 'estimate')";

/**
 * How many stored flow rows a selection holds, the imports they come from (for flowProvenance),
 * and how many of them are estimates, so a result
 * read from them can say it rests on estimated flows (a gravity fit's notes, model-data.ts), and
 * the coded warnings of each estimate those rows come from (one list per estimate that kept any).
 */
export async function estimatedRows(ws: Workspace, q: FlowFilterSpec): Promise<{ rows: number; estimated: number; warnings: CodedMessage[][]; imports: number[] }> {
  const { sql: filter, params } = await flowFilter(ws, q);
  const n = await ws.db.one<{ n: bigint; estimated: bigint; imports: number[] | null }>(
    `SELECT count(*) AS n, count(*) FILTER (WHERE ${ESTIMATED}) AS estimated, list(DISTINCT f.import_id ORDER BY f.import_id) AS imports FROM flows f ${filter}`, params);
  const estimated = Number(n?.estimated ?? 0);
  const warned = estimated === 0 ? [] : await ws.db.all<{ warnings: string }>(
    `SELECT i.warnings FROM imports i WHERE i.warnings IS NOT NULL
       AND i.id IN (SELECT DISTINCT f.import_id FROM flows f ${filter}${filter ? ' AND' : ' WHERE'} ${ESTIMATED}) ORDER BY i.id`, params);
  return { rows: Number(n?.n ?? 0), estimated, warnings: warned.map((r) => storedWarnings(r.warnings)).filter((w) => w.length > 0), imports: [...(n?.imports ?? [])] };
}
