import { InputError } from '../../core/errors.ts';
import { coded } from '../../core/messages/index.ts';
import { normaliseHeader } from './column-roles.ts';

/** What the counts of a stock table are: persons, or counts of a census sample. */
export type StockUnit = 'persons' | 'sample';

export const STOCK_UNITS: readonly StockUnit[] = ['persons', 'sample'];

/** The definition stored when an import gives none. */
export const DEFAULT_STOCK_DEFINITION = 'population by region of birth and region of residence (birthplace stocks)';

/**
 * Header names recognised for each column of a stock table, in English and Chinese; the first
 * listed name present wins (names before codes, as for flows). Stock tables are printed by
 * censuses as 按现住地和出生地分的人口, so 现住地 / 出生地 are the usual Chinese headers.
 */
export const STOCK_COLUMN_NAMES = {
  birth: [
    'birth', 'birthplace', 'birth_place', 'place_of_birth', 'born', 'birth_region', 'birth_province', 'birth_country',
    'birth_name', 'birth_code', 'birth_region_code', 'birth_province_code', 'birth_country_code',
    '出生地', '出生地区', '出生省份', '出生地省份', '出生地代码',
  ],
  residence: [
    'residence', 'place_of_residence', 'current_residence', 'residence_region', 'residence_province', 'residence_country',
    'residence_name', 'residence_code', 'residence_region_code', 'residence_province_code', 'residence_country_code',
    '现住地', '现居住地', '常住地', '居住地', '现住地省份', '现住地代码',
  ],
  date: ['date', 'census_year', 'census_date', 'census', 'year', 'period', '普查年份', '普查年度', '年份', '年度', '时间', '年'],
  count: [
    'count', 'persons', 'persons_sample', 'sample_persons', 'sample_count', 'stock', 'stocks', 'population', 'people',
    'migrants', 'number', 'n', 'value', 'total', '人数', '人口数', '人口', '样本人数', '数量', '合计',
  ],
} as const satisfies Record<string, readonly string[]>;

/** The role ('birth' or 'residence') a header names, if it is one of the recognised names. */
export function stockRoleOfHeader(header: string): 'birth' | 'residence' | undefined {
  const h = normaliseHeader(header);
  if (STOCK_COLUMN_NAMES.birth.some((n) => normaliseHeader(n) === h)) return 'birth';
  if (STOCK_COLUMN_NAMES.residence.some((n) => normaliseHeader(n) === h)) return 'residence';
  return undefined;
}

/** A census date given as a year ("2010", 2010); anything else is refused. */
export function parseStockDate(value: string | number, what: string, file?: string): number {
  const text = String(value).trim();
  if (!/^\d{4}$/.test(text)) throw new InputError(coded('stocks.notYear', { what, text }), { file });
  return Number(text);
}

/**
 * Sampling rates of sample counts: one number for every date ("0.1") or one per date
 * ("2000=0.095,2010=0.1"). Refused for persons (they need none) and required for samples; each
 * rate is a fraction in (0, 1].
 */
export function parseSamplingRates(spec: number | string | undefined, unit: StockUnit, file: string): { all: number | null; byDate: Map<number, number> } {
  const byDate = new Map<number, number>();
  if (unit === 'persons') {
    if (spec !== undefined && spec !== '') throw new InputError(coded('stocks.rateForPersons', {}), { file });
    return { all: null, byDate };
  }
  if (spec === undefined || spec === '') {
    throw new InputError(coded('stocks.rateNeeded', {}), { file });
  }
  const rate = (text: string): number => {
    const r = Number(text.trim());
    if (!(r > 0 && r <= 1)) throw new InputError(coded('stocks.rateNotFraction', { text: text.trim() }), { file });
    return r;
  };
  if (typeof spec === 'number' || !spec.includes('=')) return { all: rate(String(spec)), byDate };
  for (const part of spec.split(',')) {
    const [date, r] = part.split('=');
    if (r === undefined) throw new InputError(coded('stocks.ratePair', { part }), { file });
    const year = parseStockDate(date, 'sampling-rate date', file);
    if (byDate.has(year)) throw new InputError(coded('stocks.rateTwice', { year }), { file });
    byDate.set(year, rate(r));
  }
  return { all: null, byDate };
}

/** The sampling rate of each date of the file (null for persons); a date without one, or a rate for a date the file lacks, is an error. */
export function ratesForDates(rates: { all: number | null; byDate: Map<number, number> }, unit: StockUnit, dates: readonly number[], file: string): Map<number, number | null> {
  const out = new Map<number, number | null>();
  if (unit === 'sample' && rates.all === null) {
    const missing = dates.filter((d) => !rates.byDate.has(d));
    if (missing.length) throw new InputError(coded('stocks.rateMissing', { missing: missing.map(String), dates: dates.map(String) }), { file });
    const extra = [...rates.byDate.keys()].filter((d) => !dates.includes(d));
    if (extra.length) throw new InputError(coded('stocks.rateExtra', { extra: extra.map(String), dates: dates.map(String) }), { file });
  }
  for (const d of dates) out.set(d, unit === 'persons' ? null : rates.all ?? rates.byDate.get(d)!);
  return out;
}
