import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempWorkspace } from '../../test/helpers/workspace.ts';
import { importRegions } from './index.ts';
import { listModels, saveModel } from './models.ts';

// Two countries with provinces and cities, and regions under no country (an analyst's own).
const REGIONS = `code,name_zh,name_en,level,parent
AA,甲国,Aland,country,
AA1,甲一省,A One,province,AA
AA2,甲二省,A Two,province,AA
AA11,甲一市,A One City,city,AA1
AA21,甲二市,A Two City,city,AA2
BB,乙国,Bland,country,
BB1,乙一道,B One,province,BB
BB2,乙二道,B Two,province,BB
X1,某地一,Place One,district,
X2,某地二,Place Two,district,
`;

test('listModels: each model with the level and case of the regions it was fitted to, its result not read out', async () => {
  const t = await tempWorkspace();
  try {
    const file = join(t.dir, 'regions.csv');
    writeFileSync(file, REGIONS);
    await importRegions(t.ws, file, { registry: false, indicators: false });
    const gravity = (regions: string[]) => ({ regions, coefficients: {} });
    await saveModel(t.ws, 'a-provinces', 'gravity', { constraint: 'production' }, gravity(['AA1', 'AA2']));
    await saveModel(t.ws, 'a-cities', 'gravity', { constraint: 'production' }, gravity(['AA11', 'AA21']));
    await saveModel(t.ws, 'b-provinces', 'gravity', {}, gravity(['BB1', 'BB2']));
    await saveModel(t.ws, 'mixed', 'gravity', {}, gravity(['AA1', 'BB1', 'AA11']));
    await saveModel(t.ws, 'own', 'gravity', {}, gravity(['X1', 'X2']));
    // A choice spec names its level; its alternatives (home and outside are not regions) give the case.
    await saveModel(t.ws, 'a-choice', 'choice', { level: 'province', within: 'AA' }, { choiceSet: { alternatives: ['AA1', 'AA2', 'home', 'outside'] } });
    await saveModel(t.ws, 'gone', 'gravity', {}, gravity(['ZZ1']));
    await saveModel(t.ws, 'other', 'radiation', {}, { regions: ['AA1'] });
    const byName = Object.fromEntries((await listModels(t.ws)).map((m) => [m.name, m]));
    const pick = (n: string) => ({ kind: byName[n].kind, level: byName[n].level, case: byName[n].case, regions: byName[n].regions });
    assert.deepEqual(pick('a-provinces'), { kind: 'gravity', level: 'province', case: 'aa', regions: 2 });
    assert.deepEqual(pick('a-cities'), { kind: 'gravity', level: 'city', case: 'aa', regions: 2 });
    assert.deepEqual(pick('b-provinces'), { kind: 'gravity', level: 'province', case: 'bb', regions: 2 });
    assert.deepEqual(pick('mixed'), { kind: 'gravity', level: null, case: null, regions: 3 }, 'two countries and two levels: neither said');
    assert.deepEqual(pick('own'), { kind: 'gravity', level: 'district', case: 'data', regions: 2 }, 'regions under no country: the "your data" case');
    assert.deepEqual(pick('a-choice'), { kind: 'choice', level: 'province', case: 'aa', regions: 2 });
    assert.deepEqual(pick('gone'), { kind: 'gravity', level: null, case: null, regions: 0 }, 'regions the workspace no longer holds');
    assert.deepEqual(pick('other'), { kind: 'radiation', level: null, case: null, regions: 0 });
    assert.deepEqual(Object.keys(byName), ['a-choice', 'a-cities', 'a-provinces', 'b-provinces', 'gone', 'mixed', 'other', 'own'], 'by name');
    assert.ok(!('result' in byName.own) && !('spec' in byName.own));
    assert.match(byName.own.createdAt, /^\d{4}-\d\d-\d\dT/);
  } finally {
    t.done();
  }
});
