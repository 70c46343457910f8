/**
 * Flows 2000-2010 from the bundled census birthplace tables through the workspace (issue 10):
 * sample counts to persons, the diagonal from census populations, the stated natural-change
 * range, storage as an estimate that measures name, the distance-prior variant, and the named
 * refusals. The estimator itself is checked against R migest in src/models/stocks/ffs.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, SpecError } from '../core/errors.ts';
import { messageIn } from '../core/messages/zh.ts';
import { CHINA, chinaWorkspace } from '../../test/helpers/workspace.ts';
import { CHINA_CENSUS_STOCKS } from './demo.ts';
import { estimateBirthplaceFlows } from './estimate-birthplace-flows.ts';
import { estimateCensusFlows } from './estimate-census-flows.ts';
import { importIndicators } from './import/import-indicators.ts';
import { importStocks } from './import/import-stocks.ts';
import { flowProvenance } from './queries/flow-provenance.ts';

let t: Awaited<ReturnType<typeof chinaWorkspace>>;
before(async () => {
  t = await chinaWorkspace();
  await importIndicators(t.ws, join(CHINA, 'indicators.csv'));
  await importIndicators(t.ws, join(CHINA, 'nbs_province_indicators.csv'));
  await importStocks(t.ws, join(CHINA, 'census_birthplace_2000_2010.csv'), CHINA_CENSUS_STOCKS);
});
after(() => t.done());

const LN = '210000', GD = '440000';

test('stayers maximised: persons, accounting identities, every Northeast province sends and receives, the natural range is reported', async () => {
  const o = await estimateBirthplaceFlows(t.ws, { from: 2000, to: 2010 });
  const r = o.result;
  assert.equal(r.regions.length, 31);
  assert.equal(o.unit, 'persons');
  // Flows reproduce the adjusted start stocks (orig x birth margin) to well under a person.
  const n = 31;
  for (let o2 = 0; o2 < n; o2++) {
    for (let b = 0; b < n; b++) {
      let s = 0;
      for (let d = 0; d < n; d++) s += r.flowArray[(o2 * n + d) * n + b];
      assert.ok(Math.abs(s - r.adjustedStocks.start[b * n + o2]) < 1e-6 * Math.max(1, s), `start margin ${o2},${b}`);
    }
  }
  assert.ok(r.flow.every((f) => f >= 0));
  const netSum = Object.values(r.net).reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(netSum) < 1e-6 * 1e7, 'nets of a closed system sum to zero');
  for (const c of ['210000', '220000', '230000']) {
    assert.ok(r.outTotals[c] > 1e5 && r.inTotals[c] > 1e4, `${c} sends and receives`);
    assert.ok(r.net[c] < 0, `${c} lost people to migration 2000-2010`);
  }
  assert.ok(r.inTotals[GD] > 1e7, 'Guangdong gained over 10 million');
  assert.ok(o.naturalRange!.every((x) => x.low !== x.high));
  assert.match(r.assumptions.join(' '), /12\.5 and 6\.7 per 1,000 .*low 9\.5\/7\.5, high 15\/6/);
  assert.match(r.warnings.join(' '), /close to minimum migration/);
  // Every warning coded beside its English (the stock matrices', the filled diagonal's and the model's), so a front-end says it in Chinese.
  assert.deepEqual(o.messages.warnings.map((w) => w.message), o.warnings);
  assert.deepEqual(r.messages.warnings, o.messages.warnings);
  assert.deepEqual(o.messages.warnings.map((w) => w.code), ['stocks.diagonalFromPopulation', 'stocks.diagonalFromPopulation', 'stocks.minimumMigration']);
  assert.equal(messageIn(o.messages.warnings[0], 'zh'), '2000：居住在出生地区的人取普查人口减去在其他地区出生的居民（表中没有这些人）');
  assert.match(messageIn(o.messages.warnings[2], 'zh'), /^stayerAssumption 为 true，估计接近最小迁移：.*此处 110000、120000、140000、310000、360000 等 7 个地区的迁出不到其迁入的 1%。/);
  assert.match(o.definition, /2000-2010 estimated from two census birthplace tables/);
  // Total moves: tens of millions of persons (the 2010 census counted 55.0 million inter-provincial migrants in five years).
  const total = r.flow.reduce((a, b) => a + b, 0);
  assert.ok(total > 3e7 && total < 6e7, `total ${total}`);
});

test('stored as an estimate that measures name by method and source', async () => {
  const o = await estimateBirthplaceFlows(t.ws, { from: 2000, to: 2010, store: true });
  assert.equal(o.stored, o.result.flow.length);
  const p = await flowProvenance(t.ws, '2000-2010');
  assert.equal(p.observed.length, 0);
  assert.match(p.estimated[0].method, /census birthplace tables .*stayers maximised/);
  assert.match(p.estimated[0].source ?? '', /census lifetime migrants/);
  const again = await estimateBirthplaceFlows(t.ws, { from: 2000, to: 2010, store: true });
  const rows = await t.ws.db.one<{ n: bigint; s: number }>("SELECT count(*) AS n, sum(count) AS s FROM flows WHERE period = '2000-2010'");
  assert.equal(Number(rows!.n), again.stored, 'a second estimate replaces the first');
  assert.ok(Math.abs(rows!.s - again.result.flow.reduce((a, b) => a + b, 0)) < 1e-3);
});

test('without stayers a distance prior moves the stated total and gaining regions send people; nets are those of the stocks', async () => {
  const min = await estimateBirthplaceFlows(t.ws, { from: 2000, to: 2010, natural: 'none' });
  const o = await estimateBirthplaceFlows(t.ws, { from: 2000, to: 2010, natural: 'none', stayerAssumption: false, prior: { movesFactor: 1.5 } });
  const total = (x: number[]) => x.reduce((a, b) => a + b, 0);
  const ratio = total(o.result.flow) / total(min.result.flow);
  assert.ok(Math.abs(ratio - 1.5) < 1e-3, `ratio ${ratio}`);
  assert.ok(min.result.outTotals[GD] < 1e3 && o.result.outTotals[GD] > 1e5, 'Guangdong sends people under the prior');
  assert.ok(Math.abs(o.result.net[LN] - min.result.net[LN]) < 1e-3 * Math.abs(min.result.net[LN]));
  assert.match(o.result.assumptions.join(' '), /distance\^-1 .*1\.5 times .*an assumption/);
  await assert.rejects(estimateBirthplaceFlows(t.ws, { from: 2000, to: 2010, stayerAssumption: false, prior: { movesFactor: 1 } }), (e: unknown) => e instanceof SpecError && e.field === 'prior');
});

test('named refusals: a missing population, a population below its migrants, a reversed period', async () => {
  await assert.rejects(estimateBirthplaceFlows(t.ws, { from: 2010, to: 2000 }), (e: unknown) => e instanceof SpecError);
  await assert.rejects(estimateBirthplaceFlows(t.ws, { from: 2000, to: 2010, population: 'nothing' }), (e: unknown) => e instanceof InputError && /no "nothing" indicator for 110000 in 2000/.test(e.message));
  await t.ws.db.run("UPDATE indicators SET value = 1000 WHERE region = '310000' AND name = 'population' AND period = '2010'");
  try {
    await assert.rejects(estimateBirthplaceFlows(t.ws, { from: 2000, to: 2010 }), (e: unknown) => e instanceof InputError && /310000 in 2010: population 1000 is smaller than the \d+ residents born in other regions/.test(e.message));
  } finally {
    await t.ws.db.run("UPDATE indicators SET value = 23019196 WHERE region = '310000' AND name = 'population' AND period = '2010'");
  }
});

test('natural change comes from the workspace when every region has birth and death rates (census-residual: growth rates)', async () => {
  const regions = Object.keys((await estimateBirthplaceFlows(t.ws, { from: 2000, to: 2010, natural: 'none' })).result.net);
  const f = join(t.dir, 'rates.csv');
  const lines = ['region,period,name,value,unit'];
  for (const code of regions) {
    for (let y = 2000; y < 2010; y++) {
      const ne = code.startsWith('2');
      lines.push(`${code},${y},birth_rate,${ne ? 7 : 13},per 1000`, `${code},${y},death_rate,${ne ? 6 : 6.5},per 1000`);
    }
  }
  writeFileSync(f, lines.join('\n') + '\n');
  await importIndicators(t.ws, f);
  const o = await estimateBirthplaceFlows(t.ws, { from: 2000, to: 2010 });
  assert.equal(o.naturalRange, null, 'no range when the data give the rates');
  assert.match(o.result.assumptions.join(' '), /births and deaths by region from the workspace's indicators birth_rate and death_rate \(per 1,000 a year\), each region's mean over 2000-2009/);
  const given = await estimateBirthplaceFlows(t.ws, { from: 2000, to: 2010, natural: { births: 13, deaths: 6.5 } });
  assert.notEqual(o.result.net[LN], given.result.net[LN], 'the Northeast\'s own lower rates change its net');
  // Census residual 2010-2020: per-region natural growth rates from the workspace replace the one rate.
  const g = join(t.dir, 'growth.csv');
  const growth = ['region,period,name,value,unit'];
  for (const code of regions) for (let y = 2010; y < 2020; y++) growth.push(`${code},${y},natural_growth_rate,${code.startsWith('2') ? -1 : 5},per 1000`);
  writeFileSync(g, growth.join('\n') + '\n');
  await importIndicators(t.ws, g);
  const c = await estimateCensusFlows(t.ws, { from: 2010, to: 2020, level: 'province', within: 'CN' });
  assert.equal(c.naturalRange, null);
  assert.match(c.result.assumptions.join(' '), /natural change by region from the workspace's indicator natural_growth_rate \(per 1,000 a year\), each region's mean over 2010-2019/);
  await assert.rejects(estimateBirthplaceFlows(t.ws, { from: 2000, to: 2010, natural: 'data', population: 'population' }).then(async () => {
    await t.ws.db.run("DELETE FROM indicators WHERE name = 'death_rate' AND region = '110000'");
    return estimateBirthplaceFlows(t.ws, { from: 2000, to: 2010, natural: 'data' });
  }), (e: unknown) => e instanceof InputError && /natural change from data needs birth_rate and death_rate/.test(e.message));
});

test('the stock matrices\' warnings reach the estimate coded, so --lang zh says them in Chinese (a subset of regions leaves stored cells out)', async () => {
  const o = await estimateBirthplaceFlows(t.ws, { from: 2000, to: 2010, regions: ['210000', '220000', '230000', GD] });
  const outside = o.messages.warnings.filter((w) => w.code === 'stocks.matrixOutside');
  assert.equal(outside.length, 2, 'one for each census table');
  assert.deepEqual(outside.map((w) => w.message), o.warnings.filter((w) => w.includes('outside the regions asked for')));
  assert.match(messageIn(outside[0], 'zh'), /^[\d,]+ 个已存储的单元格有一端在所选地区之外，未纳入$/);
  assert.ok(!o.messages.warnings.some((w) => w.code === 'stocks.matrixDiagonal'), 'the diagonal is filled from populations, which its own warning says');
});
