// China: 31 provinces, Hong Kong and Macao, 367 prefecture-level and province-administered units
// from the 2010/2020 census file (leiii/census) and the derived registry in china-regions/.
import { join } from 'node:path';
import wellknown from 'wellknown';
import type { MultiPolygon, Polygon } from 'geojson';
import { planarArea, polygonCentroid, sphericalArea } from '../../src/core/geometry/index.ts';
import { chinaExtraFiles } from './china-extra.ts';
import { parseCsv } from './csv.ts';
import { cleanAliases, type AreaFeature, type DataSet, type GroupRow, type IndicatorRow, type RegionRow } from './model.ts';
import { simplifyLayer } from './topo.ts';
import type { Read } from './read.ts';

/** Visvalingam threshold and ring cut-off for the China layer (square degrees); see SOURCE.md. */
export const CHINA_SIMPLIFY = { minWeight: 1.5e-3, minRingArea: 2e-3, referenceArea: 1, digits: 4 };

/** Short Chinese forms that dropping 省/市 does not give (autonomous regions, SARs). */
const SHORT_ZH: Record<string, string> = {
  '150000': '内蒙古', '450000': '广西', '540000': '西藏', '640000': '宁夏', '650000': '新疆',
  '810000': '香港', '820000': '澳门',
};
/** Further English forms used in tables. */
const EXTRA_EN: Record<string, string[]> = {
  '540000': ['Tibet', 'Xizang'],
  '150000': ['Nei Mongol'],
  '820000': ['Macau'],
};

const REGION4: Record<string, { code: string; name_zh: string; name_en: string }> = {
  East: { code: 'east', name_zh: '东部地区', name_en: 'East' },
  Central: { code: 'central', name_zh: '中部地区', name_en: 'Central' },
  West: { code: 'west', name_zh: '西部地区', name_en: 'West' },
  Northeast: { code: 'northeast', name_zh: '东北地区', name_en: 'Northeast' },
};

const CENSUS_SOURCE = '2010 and 2020 censuses via leiii/census (MIT)';

export function buildChina(read: Read): DataSet & { check: string[] } {
  const censusPath = join('china-cities', 'census_city_2010-2020.csv');
  const census = parseCsv(read(censusPath), censusPath);
  const cities = parseCsv(read('china-regions/china_cities.csv'), 'china_cities.csv');
  const provinces = parseCsv(read('china-regions/china_provinces.csv'), 'china_provinces.csv');
  const meta = new Map(cities.map((c) => [c.city_code, c]));
  if (census.length !== 369 || cities.length !== 369 || provinces.length !== 33) throw new Error('China inputs: unexpected row counts');

  // Full-resolution polygons from the census WKT: centroids and areas come from these.
  const units = census.map((r) => {
    const geometry = wellknown.parse(r.coord) as Polygon | MultiPolygon | null;
    if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) throw new Error(`${r.city_code}: bad WKT`);
    const m = meta.get(r.city_code);
    if (!m || m.province_code !== r.province_code) throw new Error(`${r.city_code}: not in china_cities.csv`);
    return {
      code: r.city_code, census: r, meta: m, geometry,
      centroid: polygonCentroid(geometry), area: sphericalArea(geometry), planar: planarArea(geometry),
    };
  });

  const regions: RegionRow[] = [
    { code: 'CN', name_zh: '中国', name_en: 'China', level: 'country', parent: null, centroid_lon: null, centroid_lat: null, area_km2: null, aliases: ['中华人民共和国', "People's Republic of China", 'PRC'] },
  ];
  const check: string[] = [];
  const isSar = (code: string) => code === '810000' || code === '820000';

  // Provinces: area = sum of the member units' spherical areas, centroid = planar-area-weighted
  // mean of their centroids: exactly the union's values, since the units tile without overlap.
  for (const p of provinces) {
    const members = units.filter((u) => u.meta.province_code === p.province_code);
    const planar = members.reduce((s, u) => s + u.planar, 0);
    const lon = members.reduce((s, u) => s + u.planar * u.centroid[0], 0) / planar;
    const lat = members.reduce((s, u) => s + u.planar * u.centroid[1], 0) / planar;
    const area = members.reduce((s, u) => s + u.area, 0);
    const shortZh = SHORT_ZH[p.province_code] ?? p.province.replace(/(省|市)$/, '');
    const pinyin = isSar(p.province_code) ? meta.get(p.province_code)?.name_pinyin : undefined;
    regions.push({
      code: p.province_code, name_zh: p.province, name_en: p.name_en,
      level: isSar(p.province_code) ? 'sar' : 'province', parent: 'CN',
      centroid_lon: lon, centroid_lat: lat, area_km2: area,
      aliases: cleanAliases([p.gb_code2, p.iso_3166_2, p.abbr_zh, shortZh, ...(EXTRA_EN[p.province_code] ?? []), pinyin], [p.province, p.name_en]),
    });
    check.push(`province ${p.province_code}: centroid d=${Math.max(Math.abs(lon - +p.centroid_lon), Math.abs(lat - +p.centroid_lat)).toExponential(1)}, area rel=${(area / +p.area_km2 - 1).toExponential(1)}`);
  }

  // Cities. Hong Kong and Macao are one unit each whose city code equals the SAR code: they are
  // the `sar` rows above and get no second row.
  for (const u of units) {
    if (isSar(u.code)) continue;
    const m = u.meta;
    regions.push({
      code: u.code, name_zh: m.city, name_en: m.name_en, level: 'city', parent: m.province_code,
      centroid_lon: u.centroid[0], centroid_lat: u.centroid[1], area_km2: u.area,
      aliases: cleanAliases([m.name_short, m.name_pinyin], [m.city, m.name_en]),
    });
  }

  // Polygons: one topology of all units; provinces are the merge of their units' simplified arcs.
  const unitFeatures: AreaFeature[] = units.map((u) => ({ type: 'Feature', properties: { code: u.code }, geometry: u.geometry }));
  const layer = simplifyLayer(unitFeatures, CHINA_SIMPLIFY);
  const groupsByProvince = new Map<string, string[]>();
  for (const p of provinces) {
    if (isSar(p.province_code)) continue;
    groupsByProvince.set(p.province_code, units.filter((u) => u.meta.province_code === p.province_code).map((u) => u.code));
  }
  const features = [...layer.dissolve(groupsByProvince), ...layer.features];
  const extra = chinaExtraFiles(read, new Set(regions.filter((r) => r.level === 'province').map((r) => r.code)));
  check.push(...extra.check);

  return {
    name: 'china', regions, features,
    indicators: chinaIndicators(units.map((u) => u.census), provinces),
    groups: chinaGroups(provinces),
    raw: [
      [censusPath, 'census_city_2010-2020.csv'],
      ['china-regions/china_cities.csv', 'china_cities.csv'],
      ['china-regions/china_provinces.csv', 'china_provinces.csv'],
    ],
    files: extra.files,
    check,
  };
}

const CITY_INDICATORS = [
  { name: 'population', col: 'popu', unit: 'persons' },
  { name: 'urban_population', col: 'popu_urban', unit: 'persons' },
  { name: 'share_age_15_59', col: 'age_15_59', unit: 'percent' },
  { name: 'share_age_65', col: 'age_65', unit: 'percent' },
] as const;

function chinaIndicators(census: Record<string, string>[], provinces: Record<string, string>[]): IndicatorRow[] {
  const out: IndicatorRow[] = [];
  const num = (s: string | undefined) => (s === undefined || s === '' || s === 'NA' ? null : Number(s));
  for (const r of census) {
    for (const ind of CITY_INDICATORS) {
      for (const year of ['2010', '2020']) {
        const v = num(r[`${ind.col}_${year}`]);
        if (v !== null) out.push({ region: r.city_code, period: year, name: ind.name, value: v, unit: ind.unit, source: CENSUS_SOURCE });
      }
    }
  }
  for (const p of provinces) {
    if (p.province_code === '810000' || p.province_code === '820000') continue; // already written as units
    const members = census.filter((r) => r.province_code === p.province_code);
    for (const year of ['2010', '2020']) {
      // Checked per year: Sansha has a 2020 figure but none for 2010.
      const missingYear = members.filter((r) => num(r[`popu_${year}`]) === null).map((r) => r.city);
      const note = missingYear.length ? `; excludes ${missingYear.join(', ')} (no figure)` : '';
      const sum = members.reduce((s, r) => s + (num(r[`popu_${year}`]) ?? 0), 0);
      if (sum !== Number(p[`popu_${year}_sum`])) throw new Error(`${p.province_code} ${year}: city sum ${sum} differs from china_provinces.csv`);
      out.push({
        region: p.province_code, period: year, name: 'population', value: sum, unit: 'persons',
        source: `sum of city figures, ${CENSUS_SOURCE}${note}`,
      });
      const withPop = members.filter((r) => num(r[`popu_${year}`]) !== null);
      const urban = withPop.map((r) => num(r[`popu_urban_${year}`]));
      if (urban.every((v) => v !== null)) {
        out.push({
          region: p.province_code, period: year, name: 'urban_population', value: Math.round(urban.reduce((s, v) => s + (v ?? 0), 0)), unit: 'persons',
          source: `sum of city figures, ${CENSUS_SOURCE}${note}`,
        });
      }
      for (const ind of CITY_INDICATORS.slice(2)) {
        const shares = withPop.map((r) => num(r[`${ind.col}_${year}`]));
        if (!shares.every((v) => v !== null)) continue;
        const pop = withPop.reduce((s, r) => s + Number(r[`popu_${year}`]), 0);
        const weighted = withPop.reduce((s, r, i) => s + Number(r[`popu_${year}`]) * (shares[i] ?? 0), 0) / pop;
        out.push({
          region: p.province_code, period: year, name: ind.name, value: Math.round(weighted * 100) / 100, unit: 'percent',
          source: `population-weighted mean of city shares, ${CENSUS_SOURCE}${note}`,
        });
      }
    }
  }
  return out;
}

function chinaGroups(provinces: Record<string, string>[]): GroupRow[] {
  return ['northeast', 'east', 'central', 'west'].map((code) => {
    const [key, g] = Object.entries(REGION4).find(([, v]) => v.code === code)!;
    return {
      code, name_zh: g.name_zh, name_en: g.name_en,
      members: provinces.filter((p) => p.region4 === key).map((p) => p.province_code),
      description:
        `${g.name_zh} (${g.name_en}) in the National Bureau of Statistics four-region division ` +
        '(国家统计局《东西中部和东北地区划分方法》, 2011): East 10, Central 6, West 12 and Northeast 3 provinces; ' +
        'Hong Kong and Macao are in none.',
      description_zh: `${g.name_zh}：国家统计局四大地区划分（《东西中部和东北地区划分方法》，2011）之一，东部 10 个、中部 6 个、西部 12 个、东北 3 个省份；香港、澳门不属于任何地区。`,
    };
  });
}
