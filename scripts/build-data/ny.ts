// New York State: 62 counties, 2011 county-to-county commuting flows (US Census via
// scikit-mobility), county polygons and populations.
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { polygonCentroid, sphericalArea } from '../../src/core/geometry/index.ts';
import { parseCsv } from './csv.ts';
import type { AreaFeature, DataSet, IndicatorRow, RegionRow } from './model.ts';
import { simplifyLayer } from './topo.ts';
import type { Read } from './read.ts';

export const NY_SIMPLIFY = { minWeight: 1e-5, minRingArea: 1e-4, referenceArea: 0.1, digits: 4 };

export function buildNy(read: Read): DataSet & { check: string[] } {
  const fc = JSON.parse(read('ny-commuting/ny_counties_2011.geojson')) as FeatureCollection<Polygon | MultiPolygon, { tile_id: string; population: number }>;
  const counties = new Map(parseCsv(read('ny-commuting/ny_counties_2011.csv'), 'ny_counties_2011.csv').map((r) => [r.tile_id, r]));
  const check: string[] = [];
  const regions: RegionRow[] = [
    { code: 'US', name_zh: '美国', name_en: 'United States', level: 'country', parent: null, centroid_lon: null, centroid_lat: null, area_km2: null, aliases: ['USA', 'United States of America'] },
    { code: 'US-NY', name_zh: '纽约州', name_en: 'New York State', level: 'state', parent: 'US', centroid_lon: null, centroid_lat: null, area_km2: null, aliases: ['New York', 'NY', '36'] },
  ];
  const indicators: IndicatorRow[] = [];
  const sorted = [...fc.features].sort((a, b) => a.properties.tile_id.localeCompare(b.properties.tile_id));
  for (const f of sorted) {
    const code = f.properties.tile_id;
    const county = counties.get(code);
    if (!county) throw new Error(`NY: ${code} not in ny_counties_2011.csv`);
    const c = polygonCentroid(f.geometry);
    check.push(`${code}: centroid d=${Math.max(Math.abs(c[0] - +county.centroid_lon), Math.abs(c[1] - +county.centroid_lat)).toExponential(1)}`);
    regions.push({
      code, name_zh: null, name_en: `${county.county} County`, level: 'county', parent: 'US-NY',
      centroid_lon: c[0], centroid_lat: c[1], area_km2: sphericalArea(f.geometry), aliases: [county.county],
    });
    indicators.push({
      region: code, period: '2011', name: 'population', value: f.properties.population, unit: 'persons',
      source: 'scikit-mobility examples/NY_counties_2011.geojson (US Census county population; vintage not documented, 2011-era estimates)',
    });
  }
  const features: AreaFeature[] = sorted.map((f) => ({ type: 'Feature', properties: { code: f.properties.tile_id }, geometry: f.geometry }));
  const flows = parseCsv(read('ny-commuting/ny_commuting_flows_2011.csv'), 'ny_commuting_flows_2011.csv')
    .map((r) => ({ origin: r.origin, destination: r.destination, period: '2011', count: Number(r.flow) }));
  return {
    name: 'ny', regions, features: simplifyLayer(features, NY_SIMPLIFY).features, flows, indicators,
    raw: [['ny-commuting/ny_commuting_pairs_2011.csv', 'ny_commuting_pairs_2011.csv']],
    check,
  };
}
