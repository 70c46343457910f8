/**
 * What a column header of a wide indicator file says: the indicator's name, its unit when the
 * header ends with one in brackets (yearbooks write 城镇非私营单位平均工资（元）, 年末户籍人口(万人),
 * GDP [亿元]) and, for census-style headers (popu_2020, gdp2019), the year.
 *
 * Names are kept as written: full-width brackets, digits and letters are not folded (an earlier
 * NFKC step turned （元） into (元), so the name copied from the file found nothing). ASCII names
 * are snake-cased as before (GDP per capita -> gdp_per_capita), and a few census short names
 * become the workspace's standard names (popu -> population).
 */
export interface IndicatorHeader {
  /** The header exactly as in the file. */
  header: string;
  name: string;
  unit: string | null;
  /** The year a census-style header ends with, or null. */
  year: number | null;
}

const UNIT_RE = /^(.*?)\s*[（(［[【]\s*([^（）()［\]【】[]+?)\s*[）)］\]】]\s*$/u;
const YEAR_RE = /^(.*?)[_\s-]?((?:19|20)\d{2})$/;

/** Splits a trailing bracketed unit off a header; a bracketed year is not a unit. */
export function splitUnit(text: string): { stem: string; unit: string | null } {
  const m = UNIT_RE.exec(text.trim());
  if (!m || !m[1].trim() || /^(?:19|20)\d{2}$/.test(m[2].trim())) return { stem: text.trim(), unit: null };
  return { stem: m[1].trim(), unit: m[2].trim() };
}

/**
 * Reads a header. With `yearSuffix`, a trailing year (popu_2020, GDP（亿元）2019, gdp_2019（亿元）)
 * is the indicator's year; without it (files with a year column or --period) the whole header
 * but its unit is the name.
 */
export function readIndicatorHeader(header: string, opts: { yearSuffix: boolean }): IndicatorHeader {
  let { stem, unit } = splitUnit(header);
  let year: number | null = null;
  if (opts.yearSuffix) {
    const m = YEAR_RE.exec(stem);
    if (m && m[1].trim()) {
      year = Number(m[2]);
      stem = m[1].trim();
      if (unit === null) ({ stem, unit } = splitUnit(stem));
    }
  }
  return { header, name: indicatorName(stem), unit, year };
}

const CANONICAL: Record<string, string> = {
  popu: 'population', pop: 'population', population: 'population', 人口: 'population',
  popu_urban: 'urban_population', popu_rural: 'rural_population',
  household: 'household_size', male_female: 'sex_ratio',
  age_0_14: 'share_age_0_14', age_15_59: 'share_age_15_59', age_60: 'share_age_60', age_65: 'share_age_65',
};

/** ASCII names snake-cased and census short names made standard; other names as written. */
export function indicatorName(stem: string): string {
  const s = stem.trim().replace(/\s+/g, ' ');
  if (!/^[\x20-\x7e]+$/.test(s)) return CANONICAL[s] ?? s;
  const snake = s.toLowerCase().replace(/[\s\-.]+/g, '_').replace(/_+$/, '');
  return CANONICAL[snake] ?? snake;
}

/** The unit of the workspace's standard indicators, when the header gives none. */
export function standardUnit(name: string): string | null {
  if (/population$/.test(name)) return 'persons';
  if (name.startsWith('share_')) return 'percent';
  if (name === 'household_size') return 'persons per household';
  if (name === 'sex_ratio') return 'males per 100 females';
  return null;
}
