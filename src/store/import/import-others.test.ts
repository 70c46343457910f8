import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  importGeometry, importGroups, importIndicators, importPersons, importRegions, listIndicators, listRegions,
} from '../index.ts';
import { ConflictError, InputError } from '../../core/errors.ts';
import { chinaWorkspace, count, tempWorkspace } from '../../../test/helpers/workspace.ts';

let t: Awaited<ReturnType<typeof chinaWorkspace>>;
before(async () => {
  t = await chinaWorkspace();
});
after(() => t.done());
const file = (name: string, content: string) => {
  const p = join(t.dir, name);
  writeFileSync(p, content);
  return p;
};

async function fails(fn: () => Promise<unknown>, table: string): Promise<Error> {
  const before = await count(t.ws, table);
  const err = await fn().then(() => null, (e: unknown) => e as Error);
  assert.ok(err instanceof InputError || err instanceof ConflictError, `expected an input error, got ${err}`);
  assert.equal(await count(t.ws, table), before, 'nothing written');
  return err;
}

test('indicators: long file with units and sources, by name or code', async () => {
  const p = file('wages.csv', 'region,year,indicator,value,unit\n沈阳,2020,avg_wage,"8,120",yuan/month\nDalian,2020,avg_wage,8800,yuan/month\n');
  const s = await importIndicators(t.ws, p, { source: 'test yearbook' });
  assert.equal(s.rows, 2);
  const rows = await listIndicators(t.ws, { name: 'avg_wage' });
  assert.deepEqual(rows.map((r) => [r.region, r.value, r.unit, r.source]), [['210100', 8120, 'yuan/month', 'test yearbook'], ['210200', 8800, 'yuan/month', 'test yearbook']]);
});

test('indicators: wide file with year-suffixed columns and with --period', async () => {
  const p = file('wide-ind.csv', '城市,house_price_2019,house_price_2020\n沈阳市,9500,9800\n长春市,8600,8900\n');
  assert.equal((await importIndicators(t.ws, p, { unit: 'yuan/m2' })).rows, 4);
  const q = file('wide-one.csv', 'region,startups,patents\n哈尔滨,120,3400\n');
  await importIndicators(t.ws, q, { period: '2021' });
  const rows = await listIndicators(t.ws, { name: ['startups', 'patents'] });
  assert.deepEqual(rows.map((r) => [r.name, r.period, r.value]), [['patents', '2021', 3400], ['startups', '2021', 120]]);
});

test('indicators: bad values and repeats are named', async () => {
  const e = await fails(() => importIndicators(t.ws, file('badv.csv', 'region,year,indicator,value\n沈阳,2020,gdp,lots\n')), 'indicators');
  assert.match(e.message, /row 2, column "value": "lots" is not an indicator value/);
  const d = await fails(() => importIndicators(t.ws, file('dupv.csv', 'region,year,indicator,value\n沈阳,2020,gdp,1\n沈阳市,2020,gdp,2\n')), 'indicators');
  assert.match(d.message, /indicator "gdp" of 210100 for 2020 is given twice \(rows 2, 3\)/);
  const o = await fails(() => importIndicators(t.ws, file('again.csv', 'region,year,indicator,value\n大连,2020,avg_wage,1\n')), 'indicators');
  assert.match(o.message, /1 values are already in the workspace \(e\.g\. avg_wage of 210200 for 2020\)/);
});

test('persons: destinations as regions or outcomes in Chinese or English', async () => {
  const p = file('grads.csv', [
    '学号,毕业年份,学校,学历,专业,生源地,就读地,去向,单位性质,月薪',
    'S1,2016,东北大学,本科,计算机,辽宁,沈阳,北京,民营企业,9000',
    'S2,2016,东北大学,硕士,材料,吉林,沈阳,沈阳,国有企业,7000',
    'S3,2016,东北大学,本科,数学,山东,沈阳,升学,,',
    'S4,2016,东北大学,本科,英语,辽宁,沈阳,待就业,,',
  ].join('\n') + '\n');
  const s = await importPersons(t.ws, p, { synthetic: true });
  assert.equal(s.rows, 4);
  const rows = await t.ws.db.all<{ id: string; destination: string; home_region: string; synthetic: boolean }>('SELECT id, destination, home_region, synthetic FROM persons ORDER BY id');
  // The column of destinations is mostly cities (沈阳), so 北京 resolves to the city 110100.
  assert.deepEqual(rows.map((r) => [r.id, r.destination, r.home_region, r.synthetic]), [
    ['S1', '110100', '210000', true], ['S2', '210100', '220000', true], ['S3', 'further_study', '370000', true], ['S4', 'not_employed', '210000', true],
  ]);
  const e = await fails(() => importPersons(t.ws, file('g2.csv', 'id,year,university,destination\nX1,2016,DUT,Dalian\nX1,2016,DUT,Beijing\n')), 'persons');
  assert.match(e.message, /record id "X1" appears twice \(rows 2, 3\)/);
  const y = await fails(() => importPersons(t.ws, file('g3.csv', 'id,year,university,destination\nX1,twenty,DUT,Dalian\n')), 'persons');
  assert.match(y.message, /row 2, column "year": "twenty" is not a graduation year/);
});

test('persons: a 合成数据 or 合成 column marks records as synthetic, as 模拟 and synthetic do, and 合成数据 as a value too', async () => {
  const marked = async (header: string, yes: string) => {
    const p = file(`marked-${header}.csv`, `id,year,university,destination,${header}\nM1,2016,DUT,Dalian,${yes}\nM2,2016,DUT,Dalian,否\n`);
    await importPersons(t.ws, p, { replace: true });
    const rows = await t.ws.db.all<{ id: string; synthetic: boolean }>("SELECT id, synthetic FROM persons WHERE id IN ('M1', 'M2') ORDER BY id");
    return rows.map((r) => r.synthetic);
  };
  for (const header of ['合成数据', '合成', '模拟', 'synthetic']) assert.deepEqual(await marked(header, '是'), [true, false], header);
  for (const value of ['合成数据', '合成']) assert.deepEqual(await marked('synthetic', value), [true, false], value);
});

test('regions: duplicates, bad coordinates, unknown parents and missing levels are refused', async () => {
  const w = await tempWorkspace();
  try {
    const f = (n: string, c: string) => { const p = join(w.dir, n); writeFileSync(p, c); return p; };
    const run = (p: string, o = {}) => importRegions(w.ws, p, o).then(() => null, (e: Error) => e);
    assert.match((await run(f('d.csv', 'code,name,level\nA,甲,city\nA,乙,city\n')))!.message, /row 3, column "code": region code "A" appears twice \(rows 2 and 3\)/);
    assert.match((await run(f('c.csv', 'code,name,level,lon,lat\nA,甲,city,123,95\n')))!.message, /row 2, column "lat": 95 is outside the accepted range of a latitude: -90 to 90 degrees/);
    assert.match((await run(f('p.csv', 'code,name,level,parent\nA,甲,city,ZZ\n')))!.message, /row 2, column "parent": parent "ZZ" of A is not a known region/);
    assert.match((await run(f('l.csv', 'code,name\nA,甲\n')))!.message, /no level column: give the level of these regions with --level/);
    assert.match((await run(f('g.csv', 'code,name,level,wkt\nA,甲,city,"POLYGON((1 2, 3"\n')))!.message, /row 2, column "wkt": cannot parse the geometry/);
    assert.equal(await count(w.ws, 'regions'), 0);
    const ok = await importRegions(w.ws, f('ok.csv', 'code,name,level,wkt\nA,甲,city,"POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))"\n'));
    assert.equal(ok.rows, 1);
    const [r] = await listRegions(w.ws);
    assert.ok(Math.abs(r.area_km2! - 12363.7) < 1, `area of a 1x1 degree cell at the equator: ${r.area_km2}`);
    assert.deepEqual([r.centroid_lon, r.centroid_lat], [0.5, 0.5]);
  } finally {
    w.done();
  }
});

test('geometry and groups attach to known regions only', async () => {
  const g = file('g.geojson', JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: 'Atlantis' }, geometry: { type: 'Point', coordinates: [0, 0] } }] }));
  const e = await importGeometry(t.ws, g).then(() => null, (x: Error) => x);
  assert.match(e!.message, /g\.geojson, row 1, column "code": unknown region "Atlantis"/);
  const j = file('grp.json', JSON.stringify([{ code: 'rust-belt', name_en: 'Rust belt', members: ['210000', '999999'] }]));
  const ge = await importGroups(t.ws, j).then(() => null, (x: Error) => x);
  assert.match(ge!.message, /group rust-belt: unknown member region\(s\) 999999/);
  const bad = file('grp2.json', JSON.stringify([{ code: 'x', members: [] }]));
  assert.match((await importGroups(t.ws, bad).then(() => null, (x: Error) => x))!.message, /members: a group needs at least one member/);
});
