import { listValue } from '../duckdb/node-api.ts';
import type { Workspace } from '../workspace.ts';

/**
 * Natural change by region from the workspace's own indicators, for the years of a census
 * interval: crude birth and death rates (`birth_rate`, `death_rate`, per 1,000 residents a year, as
 * NBS publishes 人口出生率 and 人口死亡率), or the natural growth rate alone
 * (`natural_growth_rate`, 人口自然增长率, per 1,000). Each region's rate is the mean over the
 * years from `from` to `to` - 1 it has. Null when any region lacks them: the estimators then fall
 * back to a stated range, never to one silent rate.
 */
export interface NaturalRatesFromData {
  /** Births and deaths per 1,000 a year; for a growth rate alone, births = the rate and deaths = 0. */
  births: Float64Array;
  deaths: Float64Array;
  /** Which indicators, over which years, in words. */
  source: string;
  /** The natural growth rate alone (not births and deaths), and the years averaged ("2000-2009"), for the coded assumption. */
  growth: boolean;
  span: string;
}

export const NATURAL_INDICATORS = { births: 'birth_rate', deaths: 'death_rate', growth: 'natural_growth_rate' } as const;

export async function naturalRatesFromData(ws: Workspace, codes: readonly string[], from: number, to: number): Promise<NaturalRatesFromData | null> {
  const rows = await ws.db.all<{ region: string; name: string; v: number; years: bigint }>(
    `SELECT region, name, avg(value) AS v, count(*) AS years FROM indicators
     WHERE name IN (?, ?, ?) AND list_contains(?::VARCHAR[], region) AND period ~ '^[0-9]{4}$'
       AND CAST(period AS INTEGER) >= ? AND CAST(period AS INTEGER) < ?
     GROUP BY 1, 2`,
    [NATURAL_INDICATORS.births, NATURAL_INDICATORS.deaths, NATURAL_INDICATORS.growth, listValue([...codes]), from, to]);
  const byName = (name: string) => new Map(rows.filter((r) => r.name === name).map((r) => [r.region, r.v]));
  const [b, d, g] = [byName(NATURAL_INDICATORS.births), byName(NATURAL_INDICATORS.deaths), byName(NATURAL_INDICATORS.growth)];
  const span = `${from}-${to - 1}`;
  if (codes.every((c) => b.has(c) && d.has(c))) {
    return {
      births: Float64Array.from(codes, (c) => b.get(c)!), deaths: Float64Array.from(codes, (c) => d.get(c)!),
      source: `indicators ${NATURAL_INDICATORS.births} and ${NATURAL_INDICATORS.deaths} (per 1,000 a year), each region's mean over ${span}`, growth: false, span,
    };
  }
  if (codes.every((c) => g.has(c))) {
    return {
      births: Float64Array.from(codes, (c) => g.get(c)!), deaths: new Float64Array(codes.length),
      source: `indicator ${NATURAL_INDICATORS.growth} (per 1,000 a year), each region's mean over ${span}`, growth: true, span,
    };
  }
  return null;
}
