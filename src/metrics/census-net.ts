import { InputError, SpecError } from '../core/errors.ts';
import { coded, withWarnings, type CodedMessage } from '../core/messages/index.ts';

/**
 * Net migration from two censuses by the residual (balancing equation) method: the population
 * change not explained by births and deaths,
 *     net_i = P_i(end) - P_i(start) - natural_i.
 * Natural change is either given per region (births - deaths over the interval, e.g. from vital
 * statistics), or estimated from an annual rate r of natural increase compounded over the years:
 *     natural_i = P_i(start) * ((1 + r)^years - 1).
 * The compounded form ignores births to and deaths of the migrants themselves and boundary
 * changes; it is the simple "vital statistics method" of the UN Manual VI (Methods of measuring
 * internal migration, 1970, ch. II). There is no default rate: the caller must choose one.
 * `annualRate: 0` means "ignore natural change": net is then the whole population change, which
 * overstates out-migration where deaths exceed births (most of China's Northeast after ~2015)
 * and understates it where births exceed deaths.
 */
export type NaturalChange = { perRegion: ArrayLike<number> } | { annualRate: number };

export interface CensusNetInput {
  regions: readonly string[];
  start: ArrayLike<number>;
  end: ArrayLike<number>;
  /** Years between the two censuses, e.g. 10 for 2010-2020. */
  years: number;
}

export interface CensusNetRow {
  start: number;
  end: number;
  change: number;
  natural: number;
  net: number;
  /** 1000 * net / start population over the whole interval (not annualised). */
  netRatePer1000: number | null;
}

export interface CensusNetResult {
  years: number;
  natural: { method: 'per-region' } | { method: 'annual-rate'; annualRate: number };
  byRegion: Record<string, CensusNetRow>;
  /** Regions left out because a population or natural change was missing or not finite. */
  skipped: string[];
  warnings: string[];
  /** The warnings coded (core/messages), same order. */
  messages: { warnings: CodedMessage[] };
}

export function censusNetMigration(input: CensusNetInput, natural: NaturalChange): CensusNetResult {
  const { regions, start, end, years } = input;
  const n = regions.length;
  if (start.length !== n || end.length !== n) throw new InputError(`start (${start.length}) and end (${end.length}) populations must be aligned with the ${n} regions`);
  if (!(years > 0) || !Number.isFinite(years)) throw new SpecError(`must be a positive number of years, got ${years}`, 'years');
  let naturalOf: (i: number) => number;
  let method: CensusNetResult['natural'];
  const warnings: CodedMessage[] = [];
  if ('perRegion' in natural) {
    if (natural.perRegion.length !== n) throw new InputError(`natural change has ${natural.perRegion.length} entries for ${n} regions`);
    naturalOf = (i) => natural.perRegion[i];
    method = { method: 'per-region' };
  } else if ('annualRate' in natural) {
    const r = natural.annualRate;
    if (!Number.isFinite(r) || r <= -1) throw new SpecError(`annual rate of natural increase must be a finite number > -1 (e.g. 0.003), got ${r}`, 'annualRate');
    const factor = Math.pow(1 + r, years) - 1;
    naturalOf = (i) => start[i] * factor;
    method = { method: 'annual-rate', annualRate: r };
    if (r === 0) warnings.push(coded('measure.census.naturalIgnored', {}));
  } else {
    throw new SpecError('give natural change per region ({ perRegion }) or an annual rate ({ annualRate }); there is no default', 'natural');
  }
  const byRegion: Record<string, CensusNetRow> = {};
  const skipped: string[] = [];
  for (let i = 0; i < n; i++) {
    const s = start[i];
    const e = end[i];
    const nat = naturalOf(i);
    if (!Number.isFinite(s) || !Number.isFinite(e) || !Number.isFinite(nat) || s < 0 || e < 0) {
      skipped.push(regions[i]);
      continue;
    }
    const net = e - s - nat;
    byRegion[regions[i]] = { start: s, end: e, change: e - s, natural: nat, net, netRatePer1000: s > 0 ? (1000 * net) / s : null };
  }
  if (skipped.length) warnings.push(coded('measure.census.skipped', { count: skipped.length, regions: skipped.slice(0, 10).map((code) => ({ code })) }));
  return { years, natural: method, byRegion, skipped, ...withWarnings(warnings) };
}
