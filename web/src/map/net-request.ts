import { api } from '../api.ts';
import { CASES } from '../state.ts';
import type { NetView } from '../period-level.ts';

/**
 * What the map asks the server for its choropleth: net migration of the period's flows, or over
 * a census interval without flows (the case's population-only periods) population change, the
 * legend calling it that. `flowPeriods`: the workspace's flow periods (GET /api/periods).
 */
export const populationChangeOnly = (s: NetView, flowPeriods: ReadonlySet<string>) => CASES[s.caseId].censusIntervals.includes(s.period) && !flowPeriods.has(s.period);

export function netMeasure(s: NetView, flowPeriods: ReadonlySet<string>): 'net' | 'census-net' {
  return populationChangeOnly(s, flowPeriods) ? 'census-net' : 'net';
}

export function netQuery(s: NetView, flowPeriods: ReadonlySet<string>): Record<string, string | number> {
  const c = CASES[s.caseId];
  const m = /^(\d{4})-(\d{4})$/.exec(s.period);
  const within: Record<string, string> = c.within ? { within: c.within } : {};
  return m && populationChangeOnly(s, flowPeriods) ? { level: s.level, ...within, from: m[1], to: m[2], naturalRate: 0 } : { level: s.level, ...within, period: s.period };
}

/** Whether the map would show at least one value for the period at the level (a failed request: none). */
export async function hasNetValues(s: NetView, flowPeriods: ReadonlySet<string>): Promise<boolean> {
  const rows = await api.measure(netMeasure(s, flowPeriods), netQuery(s, flowPeriods)).then((r) => r.rows, () => []);
  return rows.some((r) => typeof r.net === 'number');
}
