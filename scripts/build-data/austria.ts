// Austria: the nine NUTS-2 states and the 72 inter-regional migration flows of Dennett (2012) /
// spint's primer, with polygons from spint's austria.shp.
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { polygonCentroid, sphericalArea } from '../../src/core/geometry/index.ts';
import { parseCsv } from './csv.ts';
import { cleanAliases, type AreaFeature, type DataSet, type RegionRow } from './model.ts';
import { simplifyLayer } from './topo.ts';
import type { Read } from './read.ts';

export const AUSTRIA_SIMPLIFY = { minWeight: 1e-5, minRingArea: 1e-4, referenceArea: 0.1, digits: 4 };

const NAMES: Record<string, [string, string]> = {
  AT11: ['Burgenland', '布尔根兰州'], AT12: ['Lower Austria', '下奥地利州'], AT13: ['Vienna', '维也纳'],
  AT21: ['Carinthia', '克恩顿州'], AT22: ['Styria', '施蒂利亚州'], AT31: ['Upper Austria', '上奥地利州'],
  AT32: ['Salzburg', '萨尔茨堡州'], AT33: ['Tyrol', '蒂罗尔州'], AT34: ['Vorarlberg', '福拉尔贝格州'],
};

export function buildAustria(read: Read): DataSet & { check: string[] } {
  const fc = JSON.parse(read('austria/austria_regions.geojson')) as FeatureCollection<Polygon | MultiPolygon, { NUTS_ID: string; name: string; centroid_lon: number; centroid_lat: number }>;
  const check: string[] = [];
  const regions: RegionRow[] = [
    { code: 'AT', name_zh: '奥地利', name_en: 'Austria', level: 'country', parent: null, centroid_lon: null, centroid_lat: null, area_km2: null, aliases: ['Österreich'] },
  ];
  for (const f of fc.features) {
    const code = f.properties.NUTS_ID;
    const [en, zh] = NAMES[code];
    const c = polygonCentroid(f.geometry);
    check.push(`${code}: centroid d=${Math.max(Math.abs(c[0] - f.properties.centroid_lon), Math.abs(c[1] - f.properties.centroid_lat)).toExponential(1)}`);
    regions.push({
      code, name_zh: zh, name_en: en, level: 'province', parent: 'AT',
      centroid_lon: c[0], centroid_lat: c[1], area_km2: sphericalArea(f.geometry),
      aliases: cleanAliases([f.properties.name], [en, zh]),
    });
  }
  const features: AreaFeature[] = fc.features.map((f) => ({ type: 'Feature', properties: { code: f.properties.NUTS_ID }, geometry: f.geometry }));

  const rows = parseCsv(read('austria/austria.csv'), 'austria.csv');
  const flows = rows
    .filter((r) => r.Origin !== r.Destination)
    .map((r) => ({ origin: r.Origin, destination: r.Destination, period: '2006', count: Number(r.Data) }));
  if (flows.length !== 72) throw new Error(`Austria: ${flows.length} inter-regional flows, expected 72`);

  return {
    name: 'austria', regions, features: simplifyLayer(features, AUSTRIA_SIMPLIFY).features, flows,
    raw: [
      ['austria/austria.csv', 'austria.csv'],
      ['austria/austria_spint_tests.csv', 'austria_spint_tests.csv'],
      ['austria/reference_spint_tests.json', 'reference_spint_tests.json'],
      ['austria/reference_oshan2016_primer.json', 'reference_oshan2016_primer.json'],
    ],
    check,
  };
}
