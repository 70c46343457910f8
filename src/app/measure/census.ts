import { SpecError } from '../../core/errors.ts';
import { coded, type CodedMessage } from '../../core/messages/index.ts';
import { parsePeriod } from '../../core/schema/period.ts';
import { censusNetMigration, type NaturalChange } from '../../metrics/index.ts';
import { listIndicators } from '../../store/queries/list-indicators.ts';
import { listRegions } from '../../store/queries/list-regions.ts';
import { populationsAt } from '../../store/queries/flow-table.ts';
import type { Workspace } from '../../store/workspace.ts';
import type { MeasureOptions, Row } from './types.ts';

/**
 * Net migration from two censuses (src/metrics censusNetMigration): population change less
 * natural change, for the selected regions. Natural change comes from --natural-indicator (per
 * region, persons over the interval, stored with period "FROM-TO"), else --natural-rate (annual
 * rate of natural increase per person, compounded), else `defaultRate` when the caller allows
 * a default (the `net` fallback: 0, said in `assumptions`); census-net itself requires a choice.
 */
export interface CensusRows {
  rows: Row[];
  /** Coded (core/messages measure-method.ts); the caller writes their English. */
  method: CodedMessage;
  assumptions: CodedMessage[];
  from: number;
  to: number;
  /** Natural change was not removed: the rows are population change, not migration. */
  naturalZero: boolean;
  /** Coded (core/messages); the caller writes their English. */
  warnings: CodedMessage[];
}

export function censusYears(o: MeasureOptions, period: string | undefined): { from: number; to: number } | null {
  if (o.from !== undefined || o.to !== undefined) {
    const from = Number(o.from);
    const to = Number(o.to);
    if (!Number.isInteger(from) || !Number.isInteger(to) || to <= from) throw new SpecError(coded('measure.census.badYears', { from: String(o.from), to: String(o.to) }), 'from');
    return { from, to };
  }
  const p = period ? parsePeriod(period) : null;
  return p && p.end > p.start ? { from: p.start, to: p.end } : null;
}

export async function hasCensus(ws: Workspace, from: number, to: number, level?: string): Promise<boolean> {
  const n = await ws.db.one<{ n: bigint }>(
    `SELECT count(DISTINCT i.period) AS n FROM indicators i JOIN regions r ON r.code = i.region
     WHERE i.name = 'population' AND i.period IN (?, ?) ${level ? 'AND r.level = ?' : ''}`, level ? [String(from), String(to), level] : [String(from), String(to)]);
  return Number(n?.n ?? 0) === 2;
}

export async function censusNetRows(ws: Workspace, o: MeasureOptions, years: { from: number; to: number }, focus: string[] | null, defaultRate: number | null): Promise<CensusRows> {
  const { from, to } = years;
  const codes = focus ?? (await listRegions(ws, { level: o.level })).map((r) => r.code);
  const start = await populationsAt(ws, codes, from);
  const end = await populationsAt(ws, codes, to);
  const have = codes.map((_, i) => Number.isFinite(start[i]) || Number.isFinite(end[i]));
  const regions = codes.filter((_, i) => have[i]);
  const s = Float64Array.from(start.filter((_, i) => have[i]));
  const e = Float64Array.from(end.filter((_, i) => have[i]));
  const assumptions: CodedMessage[] = [];
  let natural: NaturalChange;
  if (o.naturalIndicator) {
    const values = await listIndicators(ws, { name: o.naturalIndicator, period: `${from}-${to}` });
    if (!values.length) throw new SpecError(coded('measure.census.noNatural', { indicator: o.naturalIndicator, from, to }), 'natural-indicator');
    const byCode = new Map(values.map((v) => [v.region, v.value]));
    natural = { perRegion: regions.map((c) => byCode.get(c) ?? NaN) };
    assumptions.push(coded('measure.assumption.naturalIndicator', { indicator: o.naturalIndicator, from, to }));
  } else {
    const rate = o.naturalRate ?? defaultRate;
    if (rate === null || rate === undefined) throw new SpecError(coded('measure.census.needsNatural', {}), 'natural-rate');
    natural = { annualRate: rate };
    if (rate === 0) {
      assumptions.push(coded('measure.assumption.naturalIgnored', { from, to, byDefault: o.naturalRate === undefined }));
    } else assumptions.push(coded('measure.assumption.naturalRate', { from, to, rate }));
  }
  const r = censusNetMigration({ regions, start: s, end: e, years: to - from }, natural);
  const rows = regions.filter((c) => r.byRegion[c]).map((code) => ({ code, ...r.byRegion[code] }));
  return {
    rows,
    method: coded('measure.method.census', { from, to }),
    assumptions,
    from,
    to,
    naturalZero: !o.naturalIndicator && (o.naturalRate ?? defaultRate) === 0,
    // The natural change left out is said in the assumptions (and the definition), not twice.
    warnings: r.messages.warnings.filter((w) => w.code !== 'measure.census.naturalIgnored'),
  };
}
