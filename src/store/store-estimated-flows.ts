import { createHash } from 'node:crypto';
import { InputError } from '../core/errors.ts';
import type { CodedMessage } from '../core/messages/index.ts';
import { parsePeriod } from '../core/schema/period.ts';
import { appendTypedRows } from './duckdb/typed-append.ts';
import { flowCodeIds, flowPeriodIds } from './flow-rows.ts';
import { guardReimport, recordImport, type Workspace } from './workspace.ts';

/** An estimated origin-destination table, ready to be stored as flows of one period. */
export interface EstimatedFlows {
  regions: readonly string[];
  origin: readonly number[];
  destination: readonly number[];
  flow: readonly number[];
}

/**
 * Stores estimated flows as the flows of `period`, marked as an estimate by their import record
 * (kind `estimate`; `options` holds method, source, definition and assumptions, which every
 * measure then names), and the estimate's coded `warnings` go in the record's own column (schema 7),
 * which measures and fits of these flows repeat. An earlier estimate of the same period and regions is replaced, never
 * doubled, and estimates are never mixed with observed flows of the same period.
 */
export async function storeEstimatedFlows(ws: Workspace, est: EstimatedFlows, periodText: string, options: Record<string, unknown>, warnings: readonly CodedMessage[]): Promise<number> {
  const period = parsePeriod(periodText);
  if (!period) throw new InputError(`"${periodText}" is not a period`);
  const sha = createHash('sha256').update(JSON.stringify({ ...options, regions: est.regions })).digest('hex');
  const codes = est.regions.join(',');
  await ws.db.transaction(async () => {
    await guardReimport(ws, 'estimate', sha, 'flows-from-stocks', true, ['flow_rows']);
    await ws.db.run(
      `DELETE FROM flow_rows WHERE period_id IN (SELECT id FROM flow_periods WHERE period = ?)
         AND import_id IN (SELECT id FROM imports WHERE kind = 'estimate')
         AND origin_id IN (SELECT id FROM flow_codes WHERE code IN (SELECT unnest(string_split(?, ','))))`, [period.text, codes]);
    const observed = await ws.db.one<{ n: bigint }>(
      `SELECT count(*) AS n FROM flows WHERE period = ? AND origin IN (SELECT unnest(string_split(?, ',')))`, [period.text, codes]);
    if (Number(observed!.n) > 0) throw new InputError(`the workspace already holds observed flows for ${period.text} between these regions; estimates are not mixed with them`);
    const id = await recordImport(ws, 'estimate', 'flows-from-stocks', sha, est.flow.length, options);
    await ws.db.run('UPDATE imports SET warnings = ? WHERE id = ?', [JSON.stringify(warnings), id]);
    // The rows go in as the dictionary ids of their codes and period (flow-rows.ts), appended as
    // typed columns, as a plain import writes them.
    const codeId = await flowCodeIds(ws.db, est.regions);
    const [periodId] = await flowPeriodIds(ws.db, [period]);
    const n = est.flow.length;
    await appendTypedRows(ws.db.conn, 'flow_rows', [
      { constant: id, type: 'INTEGER' },
      Int32Array.from(est.origin, (i) => codeId[i]),
      Int32Array.from(est.destination, (i) => codeId[i]),
      { constant: periodId, type: 'INTEGER' },
      { constant: 0, type: 'INTEGER' },
      Float64Array.from(est.flow),
    ], n);
  });
  return est.flow.length;
}
