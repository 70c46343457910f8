// Korea: 17 first-level regions, KOSIS flows 2012-2020 (origin -> destination as KOSIS labels
// them), registered population and regional income per capita. No polygons are available.
import { parseCsv } from './csv.ts';
import { cleanAliases, type DataSet, type FlowRow, type IndicatorRow, type RegionRow } from './model.ts';
import type { Read } from './read.ts';

const NAME_ZH: Record<string, string> = {
  '11': '首尔', '26': '釜山', '27': '大邱', '28': '仁川', '29': '光州', '30': '大田', '31': '蔚山', '36': '世宗',
  '41': '京畿道', '42': '江原道', '43': '忠清北道', '44': '忠清南道', '45': '全罗北道', '46': '全罗南道',
  '47': '庆尚北道', '48': '庆尚南道', '50': '济州',
};
const FIRST = 2012;
const LAST = 2020;
const KOSIS = 'Source: Statistics Korea, KOSIS';

export function buildKorea(read: Read): DataSet {
  const regionsIn = parseCsv(read('korea/korea_regions.csv'), 'korea_regions.csv');
  const regions: RegionRow[] = [
    { code: 'KR', name_zh: '韩国', name_en: 'Korea', level: 'country', parent: null, centroid_lon: null, centroid_lat: null, area_km2: null, aliases: ['South Korea', '대한민국', 'Republic of Korea'] },
    ...regionsIn.map((r) => ({
      code: `KR${r.region_code}`, name_zh: NAME_ZH[r.region_code] ?? null, name_en: r.region, level: 'province', parent: 'KR',
      // WorldPop 2020 population-weighted centroid; GADM 3.6 polygon area.
      centroid_lon: Number(r.pwc_lon), centroid_lat: Number(r.pwc_lat), area_km2: Number(r.gadm_area_km2),
      aliases: cleanAliases([r.name_ko], [r.region]),
    })),
  ];
  if (regions.some((r) => !r.name_zh)) throw new Error('Korea: a region lacks a Chinese name');

  const annual = parseCsv(read('korea/korea_flows_annual_1970_2020.csv'), 'korea_flows_annual_1970_2020.csv');
  const flows: FlowRow[] = annual
    .filter((r) => +r.year >= FIRST && +r.year <= LAST)
    .map((r) => ({ origin: `KR${r.orig_code}`, destination: `KR${r.dest_code}`, period: r.year, count: Number(r.flow) }));

  // Cross-check: korea_gravity_corrected.csv holds the same 2,601 flows in the KOSIS direction.
  const corrected = parseCsv(read('korea/korea_gravity_corrected.csv'), 'korea_gravity_corrected.csv');
  const byKey = new Map(flows.map((f) => [`${f.origin}>${f.destination}@${f.period}`, f.count]));
  if (corrected.length !== flows.length) throw new Error(`Korea: ${flows.length} flows vs ${corrected.length} in korea_gravity_corrected.csv`);
  for (const c of corrected) {
    if (byKey.get(`KR${c.orig_code}>KR${c.dest_code}@${c.year}`) !== Number(c.flow)) throw new Error(`Korea: flow ${c.orig_code}->${c.dest_code} ${c.year} differs`);
  }

  const indicators: IndicatorRow[] = [];
  for (const r of parseCsv(read('korea/korea_population_1992_2020.csv'), 'korea_population_1992_2020.csv')) {
    if (+r.year < FIRST || +r.year > LAST) continue;
    indicators.push({
      region: `KR${r.region_code}`, period: r.year, name: 'population', value: Number(r.population), unit: 'persons',
      source: `${KOSIS}, resident registration population`,
    });
  }
  const income = ['grdp_pc', 'gross_regional_income_pc', 'individual_income_pc', 'private_consumption_pc'];
  for (const r of parseCsv(read('korea/korea_grdp_1985_2021.csv'), 'korea_grdp_1985_2021.csv')) {
    if (r.region_code === '00' || +r.year < FIRST || +r.year > LAST) continue;
    for (const name of income) {
      if (r[name] === '') continue;
      indicators.push({
        region: `KR${r.region_code}`, period: r.year, name, value: Number(r[name]), unit: 'thousand KRW',
        source: `${KOSIS}, Regional Income table DT_1C86 (per capita, current prices)`,
      });
    }
  }
  return {
    name: 'korea', regions, flows, indicators,
    raw: [['korea/korea_gravity_corrected.csv', 'korea_gravity_corrected.csv']],
  };
}
