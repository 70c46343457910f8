import { ConflictError, InputError } from '../../core/errors.ts';
import { coded } from '../../core/messages/index.ts';
import { type Workspace } from '../workspace.ts';

/**
 * The key of a stored indicator value is (region, period, name): one number per indicator, region
 * and year. The importers refuse files that would repeat a key with the rows that do; these checks
 * run on what was inserted, inside the import's transaction, so no path can store a key twice.
 */

/** A key repeated inside this import: the importers' own checks missed a case. */
export async function refuseRepeatedKeys(ws: Workspace, id: number, file: string): Promise<void> {
  const d = await ws.db.one<{ region: string; period: string; name: string; n: bigint }>(
    'SELECT region, period, name, count(*) AS n FROM indicators WHERE import_id = ? GROUP BY ALL HAVING count(*) > 1 LIMIT 1', [id]);
  if (d) throw new InputError(coded('imports.indicatorStoredTwice', { name: d.name, region: d.region, period: d.period, times: Number(d.n) }), { file });
}

/** Same region, period and indicator already stored by an earlier import: refuse, or replace. */
export async function refuseOverlap(ws: Workspace, id: number, file: string, replace: boolean): Promise<void> {
  const o = await ws.db.one<{ n: bigint; region: string; name: string; period: string }>(
    `SELECT count(*) AS n, any_value(a.region) AS region, any_value(a.name) AS name, any_value(a.period) AS period
     FROM indicators a JOIN indicators b USING (region, period, name) WHERE a.import_id = ? AND b.import_id <> ?`, [id, id]);
  if (!o || Number(o.n) === 0) return;
  if (!replace) throw new ConflictError(coded('imports.valuesInWorkspace', { file, count: Number(o.n), name: o.name, region: o.region, period: o.period }));
  await ws.db.run(
    `DELETE FROM indicators WHERE import_id <> ? AND (region, period, name) IN (SELECT region, period, name FROM indicators WHERE import_id = ?)`, [id, id]);
}
