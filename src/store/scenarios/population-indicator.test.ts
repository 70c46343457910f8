/**
 * The population a stay share from flows divides by, on a workspace whose yearbook calls it
 * 年末常住人口 in 万人 (issue 12): named by the request, or found by its name with a note; a
 * wrong name is a user error listing what exists; units that count no one are refused.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../core/errors.ts';
import { chinaWorkspace } from '../../../test/helpers/workspace.ts';
import { personsPerUnit, populationIndicator } from './population-indicator.ts';

let t: Awaited<ReturnType<typeof chinaWorkspace>>;
const REGIONS = ['210000', '220000', '230000'];

async function indicator(name: string, unit: string | null, values: number[], period = '2021'): Promise<void> {
  for (const [k, v] of values.entries()) {
    await t.ws.db.run(`INSERT INTO indicators (import_id, region, period, period_start, period_end, name, value, unit) VALUES (0, ?, ?, ?, ?, ?, ?, ?)`,
      [REGIONS[k], period, Number(period), Number(period), name, v, unit]);
  }
}

before(async () => {
  t = await chinaWorkspace();
  await indicator('城镇非私营单位平均工资', '元', [98000, 85000, 83000]);
  await indicator('人口密度', '人/平方公里', [290, 126, 67]);
  await indicator('年末户籍人口', '万人', [4200, 2400, 3100]);
  await indicator('年末常住人口', '万人', [4229.4, 2375.4, 3099.9]);
  // Only two of the three regions: never the default.
  await indicator('population', 'persons', [42_294_000, 23_754_000]);
});
after(() => t.done());

test('units that count persons: 万人 is 10,000, 人 and persons 1; a wage or a density counts no one', () => {
  assert.equal(personsPerUnit('万人'), 1e4);
  assert.equal(personsPerUnit('(万人)'), 1e4);
  assert.equal(personsPerUnit('persons'), 1);
  assert.equal(personsPerUnit('人'), 1);
  assert.equal(personsPerUnit(null), 1);
  assert.equal(personsPerUnit('thousand persons'), 1e3);
  assert.equal(personsPerUnit('元'), null);
  assert.equal(personsPerUnit('人/平方公里'), null);
});

test('without a name, the resident population is found by its name and the note says which and what else there is', async () => {
  const p = await populationIndicator(t.ws, undefined, '2021', REGIONS, 'baseline.stayShare.population');
  assert.equal(p.name, '年末常住人口');
  assert.equal(p.factor, 1e4);
  assert.equal(p.note?.code, 'scenario.stay.populationFound');
  assert.match(p.note?.message ?? '', /indicator "年末常住人口" \(万人\) in 2021, found by its name \(also there: 年末户籍人口\)/);
});

test('a named indicator is used as named, without a note', async () => {
  const p = await populationIndicator(t.ws, '年末户籍人口', '2021', REGIONS, 'baseline.stayShare.population');
  assert.deepEqual(p, { name: '年末户籍人口', unit: '万人', factor: 1e4, note: null });
});

test('a name the workspace lacks is an input error listing the indicators of that year', async () => {
  await assert.rejects(() => populationIndicator(t.ws, '常住人口', '2021', REGIONS, 'baseline.stayShare.population'), (e: unknown) => {
    assert.ok(e instanceof InputError);
    assert.match(e.message, /^baseline\.stayShare\.population: no indicator "常住人口" in 2021 for the model's 3 regions; indicators there: /);
    for (const name of ['年末常住人口 (万人)', '年末户籍人口 (万人)', '城镇非私营单位平均工资 (元)', 'population (persons) [2 of 3 regions]']) assert.ok(e.message.includes(name), `${name} in ${e.message}`);
    return true;
  });
  await assert.rejects(() => populationIndicator(t.ws, '年末常住人口', '2020', REGIONS, 'f'), /no indicator "年末常住人口" in 2020 .*indicators there: none/);
});

test('an incomplete indicator, or one not counting persons, is refused with the complete ones listed', async () => {
  await assert.rejects(() => populationIndicator(t.ws, 'population', '2021', REGIONS, 'f'), /f: indicator "population" has a value in 2021 for only 2 of the model's 3 regions; complete indicators there: .*年末常住人口/);
  await assert.rejects(() => populationIndicator(t.ws, '城镇非私营单位平均工资', '2021', REGIONS, 'f'), /is in 元, not a count of persons/);
});

test('no indicator named like population: the error asks for one and lists what there is', async () => {
  await assert.rejects(() => populationIndicator(t.ws, undefined, '2021', ['210000', '220000', '230000', '110000'], 'baseline.stayShare.population'),
    /no population indicator in 2021 for the model's 4 regions .*name one of the indicators there: none/);
});
