// Cross-check of src/core/geometry against the published China registry: centroids and areas
// computed here from the census polygons (data/china/raw/census_city_2010-2020.csv, WKT) agree
// with china_cities.csv / china_provinces.csv (shapely centroids, areas on a sphere of radius
// 6371.0088 km, as documented in their README) within 1e-3 degrees and 0.1 %.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import wellknown from 'wellknown';
import { planarArea, polygonCentroid, sphericalArea, type AreaGeometry } from '../../src/core/geometry/index.ts';
import { csv, features } from './load.ts';

const census = csv('china', 'raw/census_city_2010-2020.csv');
const units = census.map((r) => {
  const g = wellknown.parse(r.coord) as AreaGeometry | null;
  assert.ok(g && (g.type === 'Polygon' || g.type === 'MultiPolygon'), `${r.city_code}: WKT`);
  return { code: r.city_code, province: r.province_code, g, c: polygonCentroid(g), area: sphericalArea(g), planar: planarArea(g) };
});

const within = (code: string, lon: number, lat: number, area: number, ref: Record<string, string>) => {
  assert.ok(Math.abs(lon - Number(ref.centroid_lon)) <= 1e-3, `${code}: lon ${lon} vs ${ref.centroid_lon}`);
  assert.ok(Math.abs(lat - Number(ref.centroid_lat)) <= 1e-3, `${code}: lat ${lat} vs ${ref.centroid_lat}`);
  assert.ok(Math.abs(area / Number(ref.area_km2) - 1) <= 1e-3, `${code}: area ${area} vs ${ref.area_km2}`);
};

test('every city: centroid within 1e-3° and area within 0.1 % of china_cities.csv', () => {
  const ref = new Map(csv('china', 'raw/china_cities.csv').map((r) => [r.city_code, r]));
  assert.equal(units.length, 369);
  for (const u of units) within(u.code, u.c[0], u.c[1], u.area, ref.get(u.code)!);
});

test('every province (union of its cities): centroid within 1e-3° and area within 0.1 % of china_provinces.csv', () => {
  // The units tile their province without overlap, so the union's area is the sum of theirs and
  // its centroid the planar-area-weighted mean of theirs.
  const provinces = csv('china', 'raw/china_provinces.csv');
  assert.equal(provinces.length, 33);
  for (const p of provinces) {
    const m = units.filter((u) => u.province === p.province_code);
    const w = m.reduce((s, u) => s + u.planar, 0);
    const lon = m.reduce((s, u) => s + u.planar * u.c[0], 0) / w;
    const lat = m.reduce((s, u) => s + u.planar * u.c[1], 0) / w;
    within(p.province_code, lon, lat, m.reduce((s, u) => s + u.area, 0), p);
  }
});

test('regions.csv carries these values (5-decimal centroids, 1-decimal areas)', () => {
  const regions = new Map(csv('china', 'regions.csv').map((r) => [r.code, r]));
  for (const u of units) {
    const r = regions.get(u.code);
    if (!r || r.level !== 'city') continue;
    assert.equal(r.centroid_lon, u.c[0].toFixed(5));
    assert.equal(r.centroid_lat, u.c[1].toFixed(5));
    assert.equal(r.area_km2, u.area.toFixed(1));
  }
});

test('the simplified polygons keep each unit\'s area within 7 % and its centroid within 0.02° (Sansha: 30 %, 0.4°)', () => {
  // Islets below the ring cut-off are dropped (see SOURCE.md). Sansha is 208 reefs and islets
  // spread over the South China Sea, so it loses most; Zhoushan (59 islands) loses 6 %.
  const simplified = new Map(features('china').map((f) => [f.properties.code, f.geometry]));
  for (const u of units) {
    const [maxRel, maxShift] = u.code === '460300' ? [0.3, 0.4] : [0.07, 0.02];
    const g = simplified.get(u.code)!;
    const c = polygonCentroid(g);
    const rel = Math.abs(sphericalArea(g) / u.area - 1);
    assert.ok(rel < maxRel, `${u.code}: simplified area off by ${(rel * 100).toFixed(1)} %`);
    assert.ok(Math.abs(c[0] - u.c[0]) < maxShift && Math.abs(c[1] - u.c[1]) < maxShift, `${u.code}: centroid moved to ${c}`);
  }
});
