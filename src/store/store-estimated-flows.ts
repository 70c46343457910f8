import { createHash } from 'node:crypto';
import { InputError } from '../core/errors.ts';
import { parsePeriod } from '../core/schema/period.ts';
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
 * measure then names). An earlier estimate of the same period and regions is replaced, never
 * doubled, and estimates are never mixed with observed flows of the same period.
 */
export async function storeEstimatedFlows(ws: Workspace, est: EstimatedFlows, periodText: string, options: Record<string, unknown>): Promise<number> {
  const period = parsePeriod(periodText);
  if (!period) throw new InputError(`"${periodText}" is not a period`);
  const sha = createHash('sha256').update(JSON.stringify({ ...options, regions: est.regions })).digest('hex');
  const codes = est.regions.join(',');
  await ws.db.transaction(async () => {
    await guardReimport(ws, 'estimate', sha, 'flows-from-stocks', true, ['flows']);
    await ws.db.run(
      `DELETE FROM flows WHERE period = ? AND import_id IN (SELECT id FROM imports WHERE kind = 'estimate')
         AND origin IN (SELECT unnest(string_split(?, ',')))`, [period.text, codes]);
    const observed = await ws.db.one<{ n: bigint }>(
      `SELECT count(*) AS n FROM flows WHERE period = ? AND origin IN (SELECT unnest(string_split(?, ',')))`, [period.text, codes]);
    if (Number(observed!.n) > 0) throw new InputError(`the workspace already holds observed flows for ${period.text} between these regions; estimates are not mixed with them`);
    const id = await recordImport(ws, 'estimate', 'flows-from-stocks', sha, est.flow.length, options);
    const app = await ws.db.conn.createAppender('flows');
    for (let k = 0; k < est.flow.length; k++) {
      const o = est.regions[est.origin[k]];
      const d = est.regions[est.destination[k]];
      app.appendInteger(id);
      app.appendVarchar(o);
      app.appendVarchar(d);
      app.appendVarchar(period.text);
      app.appendSmallInt(period.start);
      app.appendSmallInt(period.end);
      app.appendVarchar('');
      app.appendDouble(est.flow[k]);
      app.appendBoolean(o === d);
      app.endRow();
    }
    app.closeSync();
  });
  return est.flow.length;
}
