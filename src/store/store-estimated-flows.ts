import { createHash } from 'node:crypto';
import { InputError } from '../core/errors.ts';
import type { CodedMessage } from '../core/messages/index.ts';
import { parsePeriod } from '../core/schema/period.ts';
import { listValue } from './duckdb/node-api.ts';
import { addFlowCodes, addFlowPeriods } from './flow-rows.ts';
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
    // The rows go in as region indexes through a temporary table, then into flow_rows with the
    // dictionary ids of their codes and period (flow-rows.ts).
    await addFlowCodes(ws.db, 'SELECT unnest(?::VARCHAR[]) AS value', [listValue([...est.regions])]);
    await addFlowPeriods(ws.db, 'SELECT ?::VARCHAR AS text, ?::SMALLINT AS start, ?::SMALLINT AS end_year', [period.text, period.start, period.end]);
    const [codesTable, rowsTable] = [`estimate_codes_${process.pid}`, `estimate_rows_${process.pid}`];
    await ws.db.run(`CREATE OR REPLACE TEMP TABLE ${codesTable} (i INTEGER, code VARCHAR)`);
    await ws.db.run(`CREATE OR REPLACE TEMP TABLE ${rowsTable} (o INTEGER, d INTEGER, flow DOUBLE)`);
    try {
      const codeApp = await ws.db.conn.createAppender(codesTable, 'main', 'temp');
      est.regions.forEach((code, i) => {
        codeApp.appendInteger(i);
        codeApp.appendVarchar(code);
        codeApp.endRow();
      });
      codeApp.closeSync();
      const app = await ws.db.conn.createAppender(rowsTable, 'main', 'temp');
      for (let k = 0; k < est.flow.length; k++) {
        app.appendInteger(est.origin[k]);
        app.appendInteger(est.destination[k]);
        app.appendDouble(est.flow[k]);
        app.endRow();
      }
      app.closeSync();
      await ws.db.run(
        `INSERT INTO flow_rows SELECT ?::INTEGER, co.id, cd.id, (SELECT id FROM flow_periods WHERE period = ?), 0, r.flow
         FROM ${rowsTable} r
         JOIN (SELECT t.i, c.id FROM ${codesTable} t JOIN flow_codes c ON c.code = t.code) co ON co.i = r.o
         JOIN (SELECT t.i, c.id FROM ${codesTable} t JOIN flow_codes c ON c.code = t.code) cd ON cd.i = r.d`, [id, period.text]);
    } finally {
      await ws.db.run(`DROP TABLE IF EXISTS temp.${codesTable}; DROP TABLE IF EXISTS temp.${rowsTable}`);
    }
  });
  return est.flow.length;
}
