import { InputError } from '../core/errors.ts';
import { coded, type CodedMessage } from '../core/messages/index.ts';
import { flowsFromCensus, netMigrationFromCensus, type DecaySpec, type StocksFlowsResult } from '../models/index.ts';
import { parsePeriod } from '../core/schema/period.ts';
import { naturalRatesFromData } from './queries/natural-rates.ts';
import { resolveRegionRef, withinCondition } from './queries/resolve-ref.ts';
import { storeEstimatedFlows } from './store-estimated-flows.ts';
import type { Workspace } from './workspace.ts';

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
  /** What the flows are, in one sentence naming how they were estimated from what. */
  definition: string;
  source: string;
  unit: 'persons';
  /**
   * Net migration per region with the annual natural change rate NATURAL_RATE_SPREAD lower and
   * higher than the one used (the range of China's provincial natural growth rates in the 2010s):
   * the effect of the one assumption a population-only estimate rests on. Null when rates per
   * region were given.
   */
  naturalRange: { code: string; low: number; central: number; high: number }[] | null;
  skipped: string[];
  stored: number;
  /** `definition` and `source` coded, for a front-end in another language. */
  messages: { definition: CodedMessage; source: CodedMessage };
}

/** ± this annual rate bounds the regions' natural change around the one rate used (NBS: about -0.1% to +0.8% a year by province in the 2010s). */
export const NATURAL_RATE_SPREAD = 0.004;

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
  if (usable.length < 2) throw new InputError(coded('stocks.tooFewPopulations', { level: req.level, from: req.from, to: req.to }));
  // Natural change from the workspace's own birth and death rates when every region has them.
  const data = req.naturalRate === undefined ? await naturalRatesFromData(ws, usable.map((r) => r.code), req.from, req.to) : null;
  const naturalRate = data ? Float64Array.from(data.births, (b, i) => (b - data.deaths[i]) / 1000) : req.naturalRate;
  const result = flowsFromCensus(
    usable.map((r) => r.code),
    Float64Array.from(usable, (r) => r.p0!), Float64Array.from(usable, (r) => r.p1!),
    Float64Array.from(usable, (r) => r.lon), Float64Array.from(usable, (r) => r.lat),
    { years: req.to - req.from, naturalRate, grossRate: req.grossRate, decay: req.decay },
  );
  // The result's assumptions in English and coded, the same sentence added to both.
  const assume = (m: CodedMessage) => {
    result.assumptions.push(m.message);
    result.messages?.assumptions?.push(m);
  };
  if (data) assume(coded('census.assumption.naturalData', { growth: data.growth, span: data.span }));
  const codes = usable.map((r) => r.code);
  let naturalRange: CensusFlowsOutcome['naturalRange'] = null;
  if (!data) {
    const p0 = Float64Array.from(usable, (r) => r.p0!);
    const p1 = Float64Array.from(usable, (r) => r.p1!);
    const rate = Number(result.parameters.naturalRate);
    const netAt = (r: number) => netMigrationFromCensus(codes, p0, p1, { years: req.to - req.from, naturalRate: r }).net;
    const [low, high] = [netAt(rate - NATURAL_RATE_SPREAD), netAt(rate + NATURAL_RATE_SPREAD)];
    naturalRange = codes.map((code, i) => ({ code, low: low[i], central: result.net[code], high: high[i] }));
    assume(coded('census.assumption.naturalRange', { rate, closing: req.naturalRate === undefined, spread: NATURAL_RATE_SPREAD }));
  }
  if (skipped.length) {
    const w = coded('stocks.regionsSkipped', { regions: skipped });
    result.warnings.push(w.message);
    result.messages?.warnings.push(w);
  }
  const period = parsePeriod(`${req.from}-${req.to}`)!;
  const codedSource = coded('census.source', { from: req.from, to: req.to });
  const codedDefinition = coded('census.definition', { period: period.text, minimum: req.grossRate === 0 });
  const [source, definition] = [codedSource.message, codedDefinition.message];
  let stored = 0;
  if (req.store) {
    const options = { method: result.method, assumptions: result.assumptions, parameters: result.parameters, level: req.level, within: req.within ?? null, source, definition };
    stored = await storeEstimatedFlows(ws, result, period.text, options, result.messages?.warnings ?? []);
  }
  return { result, period: period.text, definition, source, messages: { definition: codedDefinition, source: codedSource }, unit: 'persons', naturalRange, skipped, stored };
}
