import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFlows, importGeometry, importIndicators, importRegions } from '../index.ts';
import { listCases } from './list-cases.ts';
import { tempWorkspace } from '../../../test/helpers/workspace.ts';

test('regions under no country make the "your data" case, with its own level, periods, sources and bounds', async () => {
  const t = await tempWorkspace();
  try {
    const file = (name: string, text: string) => {
      const p = join(t.dir, name);
      writeFileSync(p, text);
      return p;
    };
    // Four districts of an imaginary city, 10 km on a side, under no country.
    await importRegions(t.ws, file('districts.csv', [
      'code,name_en,level,centroid_lon,centroid_lat,area_km2',
      'D1,North,district,10.0,50.0,100', 'D2,South,district,10.1,49.9,100', 'D3,East,district,10.2,50.0,100', 'D4,West,district,9.9,50.0,100',
    ].join('\n') + '\n'));
    await importFlows(t.ws, file('moves.csv', 'origin,destination,period,count\nNorth,South,2015,10\nSouth,East,2016,5\nEast,West,2016,7\n'), { source: 'city register 2015-2016' });
    await importIndicators(t.ws, file('pop.csv', 'region,period,name,value,unit,source\nD1,2010,population,100,persons,census A\nD1,2020,population,120,persons,census A\n'));
    const cases = await listCases(t.ws);
    assert.equal(cases.length, 1);
    const c = cases[0];
    assert.deepEqual([c.id, c.within, c.name_en, c.levels, c.defaultLevel], ['data', null, 'Your data', ['district'], 'district']);
    assert.deepEqual(c.periods.map((p) => `${p.period}:${p.kind}:${p.flows}`), ['2010-2020:population:0', '2015:flows:1', '2016:flows:2']);
    assert.equal(c.defaultPeriod, '2016');
    assert.deepEqual(c.sources.map((s) => `${s.what}: ${s.text}`), ['flows: city register 2015-2016', 'indicators: census A']);
    const [w, s, e, n] = c.bounds!;
    // Centroids 9.9-10.2 E, 49.9-50.0 N widened by half a 10 km side (0.045° of latitude).
    assert.ok(Math.abs(s - (49.9 - 0.045)) < 0.01 && Math.abs(n - 50.045) < 0.01 && w < 9.9 && w > 9.8 && e > 10.2 && e < 10.3, `bounds ${c.bounds}`);
    assert.deepEqual(c.regionCodes, ['D1', 'D2', 'D3', 'D4']);
    // No boundaries stored: the dashboard draws the districts as circles.
    assert.deepEqual(c.boundaries, []);
    // One district's boundary makes the level one with boundaries (the others draw as "no shape").
    const square = (x: number, y: number) => [[[x, y], [x + 0.1, y], [x + 0.1, y + 0.1], [x, y + 0.1], [x, y]]];
    await importGeometry(t.ws, file('d1.geojson', JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: 'D1' }, geometry: { type: 'Polygon', coordinates: square(9.95, 49.95) } }] })));
    assert.deepEqual((await listCases(t.ws))[0].boundaries, ['district']);
  } finally {
    t.done();
  }
});
