import type { Workspace } from '../workspace.ts';
import { flowFilter, type FlowFilterSpec } from './flow-filter.ts';

/** SQL over `flows f` (or rows carrying its import_id): the row was stored by a model (`talentflow estimate ... --save`, import kind 'estimate'), not observed. */
export const ESTIMATED = "f.import_id IN (SELECT id FROM imports WHERE kind = 'estimate')";

/**
 * How many stored flow rows a selection holds and how many of them are estimates, so a result
 * read from them can say it rests on estimated flows (a gravity fit's notes, model-data.ts).
 */
export async function estimatedRows(ws: Workspace, q: FlowFilterSpec): Promise<{ rows: number; estimated: number }> {
  const { sql: filter, params } = await flowFilter(ws, q);
  const n = await ws.db.one<{ n: bigint; estimated: bigint }>(`SELECT count(*) AS n, count(*) FILTER (WHERE ${ESTIMATED}) AS estimated FROM flows f ${filter}`, params);
  return { rows: Number(n?.n ?? 0), estimated: Number(n?.estimated ?? 0) };
}
