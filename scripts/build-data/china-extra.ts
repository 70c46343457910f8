// China, beyond the census cities: the census birthplace stock tables 2000 and 2010
// (china-census-migration/, copied unchanged), NBS provincial indicators with climate and the 2000
// census populations (china-provinces-nbs/ and china-census-2000.ts, one long indicator file) and
// province adjacency. Sources, licences and caveats: data/china/SOURCE.md.
import { parseCsv, toCsv } from './csv.ts';
import { indicatorsCsv, type IndicatorRow } from './model.ts';
import type { Read } from './read.ts';
import {
  CENSUS_2000_MILITARY_WAN, CENSUS_2000_NATIONAL_WAN, CENSUS_2000_SOURCE, CENSUS_2000_UNDETERMINED_WAN, CENSUS_2000_WAN,
} from './china-census-2000.ts';

export const CENSUS_STOCKS_FILE = 'census_birthplace_2000_2010.csv';
export const NBS_FILE = 'nbs_province_indicators.csv';
export const ADJACENCY_FILE = 'province_adjacency.csv';

const NBS_DIR = 'china-provinces-nbs';
// English in `source` (the Chinese, with the database's own name 分省年度数据, goes to source_zh): the
// English page's footer names no source in Chinese.
const NBS_SOURCE = 'NBS annual data by province via xolarvill/KWL (MIT)';
const WEATHER_SOURCE = 'ISD-Lite station means via xolarvill/KWL (MIT); not NBS';

/**
 * Unit of every series. The KWL exports lost their header rows, so most units are inferred (by
 * the shared data's converter, with the evidence in its indicators_metadata.csv: e.g. column sums
 * equal to published national totals); rows whose file gave no unit say "unit inferred".
 */
const UNITS: Readonly<Record<string, string>> = {
  population_year_end: '10k persons',
  disposable_income_pc: 'yuan per person per year',
  gdp_per_capita: 'yuan per person',
  traffic_accidents: 'accidents',
  park_green_area_per_capita: 'm2 per urban resident',
  daily_domestic_water_per_capita: 'litres per person per day (urban)',
  bus_route_length: 'km',
  urban_rail_transit_length: 'km',
  student_teacher_ratio_primary: 'students per teacher',
  student_teacher_ratio_junior_secondary: 'students per teacher',
  student_teacher_ratio_senior_secondary: 'students per teacher',
  health_institutions: 'institutions',
  health_institution_beds: '10k beds',
  health_technicians_per_10k: 'per 10k residents',
  hospital_avg_length_of_stay: 'days',
  local_fiscal_health_expenditure: '100 million yuan',
  local_fiscal_education_expenditure: '100 million yuan',
  education_funding_total: '10k yuan',
  retail_sales_consumer_goods: '100 million yuan',
  urban_gas_coverage_rate: 'percent',
  urban_water_coverage_rate: 'percent',
  basic_medical_insurance_enrollees: '10k persons',
  public_transport_vehicles_per_10k: 'standard buses per 10k urban residents',
  public_toilets_per_10k: 'per 10k residents',
  mobile_phone_penetration: 'handsets per 100 persons',
  natural_disaster_affected_population: '10k person-times',
  chain_restaurant_stores: 'stores',
  weather_air_temperature_x10: '0.1 degC',
  weather_dew_point_x10: '0.1 degC',
  weather_sea_level_pressure_x10: '0.1 hPa',
  weather_wind_direction_deg: 'degrees (arithmetic mean)',
  weather_wind_speed_x10: '0.1 m/s',
  weather_sky_cover_code: 'ISD sky-cover code (0-10)',
  weather_precip_6h_x10: '0.1 mm per 6-hour record',
};

/** Series of the extra file that repeat a main-file series: left out after checking they agree. */
const REPEATS: Readonly<Record<string, string>> = {
  resident_population_yearend: 'population_year_end',
  // 2013-2023 equal disposable_income_pc; 2005-2012 match no NBS series (see the shared README).
  disposable_income_per_capita: 'disposable_income_pc',
};

export function chinaExtraFiles(read: Read, provinces: ReadonlySet<string>): { files: [string, string][]; check: string[] } {
  const check: string[] = [];
  const code6 = (two: string) => {
    const c = `${two}0000`;
    if (!provinces.has(c)) throw new Error(`province code ${two} is not one of the 31 provinces`);
    return c;
  };

  // Stock tables: copied unchanged; the totals are the shared README's.
  const stocksText = read('china-census-migration/china_birthplace_residence_2000_2010.csv');
  const stocks = parseCsv(stocksText, CENSUS_STOCKS_FILE);
  for (const [year, total] of [['2000', 7305955], ['2010', 10230691]] as const) {
    const rows = stocks.filter((r) => r.census_year === year);
    const sum = rows.reduce((s, r) => s + Number(r.persons_sample), 0);
    if (rows.length !== 930 || sum !== total) throw new Error(`${CENSUS_STOCKS_FILE} ${year}: ${rows.length} rows, total ${sum}`);
    for (const r of rows) {
      code6(r.birth_province_code);
      code6(r.residence_province_code);
    }
    check.push(`stocks ${year}: 930 cells, total ${sum}`);
  }

  const indicators: IndicatorRow[] = [];
  const main = parseCsv(read(`${NBS_DIR}/china_province_indicators_nbs.csv`), 'china_province_indicators_nbs.csv');
  const extra = parseCsv(read(`${NBS_DIR}/china_province_indicators_nbs_extra.csv`), 'china_province_indicators_nbs_extra.csv');
  const weather = parseCsv(read(`${NBS_DIR}/china_province_weather.csv`), 'china_province_weather.csv');
  const mainValue = new Map(main.map((r) => [`${r.province_code}/${r.year}/${r.indicator}`, Number(r.value)]));
  for (const [rows, source] of [[main, NBS_SOURCE], [extra, NBS_SOURCE], [weather, WEATHER_SOURCE]] as const) {
    for (const r of rows) {
      const value = Number(r.value);
      if (r.value === '' || !Number.isFinite(value)) throw new Error(`${r.indicator} ${r.province_code} ${r.year}: value "${r.value}"`);
      const repeats = REPEATS[r.indicator];
      if (repeats) {
        const m = mainValue.get(`${r.province_code}/${r.year}/${repeats}`);
        if (m !== undefined && m !== value) throw new Error(`${r.indicator} ${r.province_code} ${r.year}: ${value}, but ${repeats} is ${m}`);
        if (m === undefined && r.indicator === 'resident_population_yearend') throw new Error(`${r.indicator} ${r.province_code} ${r.year}: not in the main file`);
        continue;
      }
      const unit = UNITS[r.indicator];
      if (!unit) throw new Error(`no unit for ${r.indicator}`);
      indicators.push({
        region: code6(r.province_code), period: r.year, name: r.indicator, value, unit,
        source: r.unit === 'unknown' ? `${source}; unit inferred` : source,
      });
    }
  }
  check.push(`NBS: ${indicators.length} values of ${new Set(indicators.map((i) => i.name)).size} series`);

  // 2000 census populations: the 31 provinces plus military plus undetermined residence make the national total.
  const wan = Object.entries(CENSUS_2000_WAN);
  const sum = wan.reduce((s, [, v]) => s + v, 0);
  if (wan.length !== 31 || sum + CENSUS_2000_MILITARY_WAN + CENSUS_2000_UNDETERMINED_WAN !== CENSUS_2000_NATIONAL_WAN) throw new Error(`2000 census: 31 provinces sum to ${sum}万`);
  for (const [code, v] of wan) {
    if (!provinces.has(code)) throw new Error(`2000 census: unknown province ${code}`);
    indicators.push({ region: code, period: '2000', name: 'population', value: v * 10_000, unit: 'persons', source: CENSUS_2000_SOURCE });
  }
  check.push(`census 2000: 31 provinces ${sum}万 + military ${CENSUS_2000_MILITARY_WAN}万 + undetermined ${CENSUS_2000_UNDETERMINED_WAN}万 = ${CENSUS_2000_NATIONAL_WAN}万`);

  const adjacency = parseCsv(read(`${NBS_DIR}/china_province_adjacency.csv`), 'china_province_adjacency.csv');
  const edges = adjacency.map((r) => [code6(r.province_code_a), code6(r.province_code_b), r.province_name_a, r.province_name_b]);
  return {
    files: [
      [CENSUS_STOCKS_FILE, stocksText],
      [NBS_FILE, indicatorsCsv(indicators)],
      [ADJACENCY_FILE, toCsv(['region_a', 'region_b', 'name_a', 'name_b'], edges)],
    ],
    check,
  };
}
