import { createHash } from 'node:crypto';
import { InputError } from '../core/errors.ts';
import { flowsFromCensus, type DecaySpec, type StocksFlowsResult } from '../models/index.ts';
import { parsePeriod } from '../core/schema/period.ts';
import { resolveRegionRef, withinCondition } from './queries/resolve-ref.ts';
import { guardReimport, recordImport, type Workspace } from './workspace.ts';

export interface CensusFlowsRequest {
  /** Census years, e.g. 2010 and 2020: the `population` indicator must exist for both. */
  from: number;
  to: number;
  /** Level of the regions (e.g. city). */
  level: string;
  /** Only regions inside this region or group. */
  within?: string;
  /** Annual natural change rate; default: the one rate that closes the national total. */
  naturalRate?: number;
  /** Gross migration on top of the net, as a share of population (default 0: minimum migration). */
  grossRate?: number;
  decay?: DecaySpec;
  /** Store the estimated flows in the workspace (period `from-to`), replacing an earlier estimate. */
  store?: boolean;
}

export interface CensusFlowsOutcome {
  result: StocksFlowsResult;
  period: string;
  skipped: string[];
  stored: number;
}

/**
 * Estimates a city-to-city (or any level) flow table for the period between two censuses from
 * the populations alone (src/models/stocks), optionally storing it as flows of the period
 * `from-to`, marked as an estimate by its import record (kind `estimate`, method and assumptions
 * in its options).
 */
export async function estimateCensusFlows(ws: Workspace, req: CensusFlowsRequest): Promise<CensusFlowsOutcome> {
  if (!(req.to > req.from)) throw new InputError(`--to ${req.to} must be after --from ${req.from}`);
  const where = ['r.level = ?', 'r.centroid_lon IS NOT NULL'];
  const params: (string | number)[] = [String(req.from), String(req.to), req.level];
  if (req.within) {
    const c = withinCondition('r.code', await resolveRegionRef(ws, req.within));
    where.push(c.sql);
    params.push(...c.params);
  }
  const rows = await ws.db.all<{ code: string; lon: number; lat: number; p0: number | null; p1: number | null }>(
    `SELECT r.code, r.centroid_lon AS lon, r.centroid_lat AS lat,
       max(i.value) FILTER (WHERE i.period = ?) AS p0, max(i.value) FILTER (WHERE i.period = ?) AS p1
     FROM regions r LEFT JOIN indicators i ON i.region = r.code AND i.name = 'population'
     WHERE ${where.join(' AND ')} GROUP BY ALL ORDER BY r.code`, params);
  const usable = rows.filter((r) => r.p0 !== null && r.p1 !== null && r.p0 > 0 && r.p1 > 0);
  const skipped = rows.filter((r) => !usable.includes(r)).map((r) => r.code);
  if (usable.length < 2) throw new InputError(`fewer than two ${req.level} regions have a population for both ${req.from} and ${req.to}`);
  const result = flowsFromCensus(
    usable.map((r) => r.code),
    Float64Array.from(usable, (r) => r.p0!), Float64Array.from(usable, (r) => r.p1!),
    Float64Array.from(usable, (r) => r.lon), Float64Array.from(usable, (r) => r.lat),
    { years: req.to - req.from, naturalRate: req.naturalRate, grossRate: req.grossRate, decay: req.decay },
  );
  if (skipped.length) result.warnings.push(`${skipped.length} regions without both populations were left out: ${skipped.slice(0, 12).join(', ')}${skipped.length > 12 ? ', ...' : ''}`);
  const period = parsePeriod(`${req.from}-${req.to}`)!;
  let stored = 0;
  if (req.store) {
    const options = { method: result.method, assumptions: result.assumptions, parameters: result.parameters, level: req.level, within: req.within ?? null };
    const sha = createHash('sha256').update(JSON.stringify({ ...options, regions: result.regions })).digest('hex');
    await ws.db.transaction(async () => {
      await guardReimport(ws, 'estimate', sha, 'flows-from-stocks', true, ['flows']);
      // An earlier estimate of the same period and regions is replaced, never doubled.
      await ws.db.run(
        `DELETE FROM flows WHERE period = ? AND import_id IN (SELECT id FROM imports WHERE kind = 'estimate')
           AND origin IN (SELECT unnest(string_split(?, ',')))`, [period.text, result.regions.join(',')]);
      const observed = await ws.db.one<{ n: bigint }>(
        `SELECT count(*) AS n FROM flows WHERE period = ? AND origin IN (SELECT unnest(string_split(?, ',')))`, [period.text, result.regions.join(',')]);
      if (Number(observed!.n) > 0) throw new InputError(`the workspace already holds observed flows for ${period.text} between these regions; estimates are not mixed with them`);
      const id = await recordImport(ws, 'estimate', 'flows-from-stocks', sha, result.flow.length, options);
      const app = await ws.db.conn.createAppender('flows');
      for (let k = 0; k < result.flow.length; k++) {
        const o = result.regions[result.origin[k]];
        const d = result.regions[result.destination[k]];
        app.appendInteger(id);
        app.appendVarchar(o);
        app.appendVarchar(d);
        app.appendVarchar(period.text);
        app.appendSmallInt(period.start);
        app.appendSmallInt(period.end);
        app.appendVarchar('');
        app.appendDouble(result.flow[k]);
        app.appendBoolean(o === d);
        app.endRow();
      }
      app.closeSync();
      stored = result.flow.length;
    });
  }
  return { result, period: period.text, skipped, stored };
}
