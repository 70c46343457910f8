/**
 * Choice sets from a workspace (test-fixtures.ts: 1,200 records, bundled registry and NBS
 * indicators): shape, exclusion counts against the records themselves, indicator values against
 * the stored ones, missing attributes as an error naming region, attribute and year or as
 * listwise exclusion counted against the records, the outside option, and interactions.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { InputError, SpecError } from '../../core/errors.ts';
import { messageIn } from '../../core/messages/zh.ts';
import type { Workspace } from '../workspace.ts';
import { buildChoiceSet } from './choice-set.ts';
import { choiceWorkspace } from './test-fixtures.ts';

let ws: Workspace;
let done: () => void;
before(async () => ({ ws, done } = await choiceWorkspace()));
after(() => done());

const count = async (sql: string, params: string[] = []): Promise<number> => Number((await ws.db.one<{ n: bigint }>(sql, params))!.n);

test('shape: one case per distinct situation, 31 provinces each, persons and exclusions add up to the records', async () => {
  const cs = await buildChoiceSet(ws, { level: 'province', alternativeVars: ['income', 'temperature'], personTerms: ['distance_home', 'is_home', 'is_study'] });
  assert.equal(cs.alternatives.length, 31);
  assert.equal(cs.within, 'CN');
  assert.deepEqual(cs.terms, ['log_disposable_income_pc', 'weather_air_temperature', 'distance_home', 'is_home', 'is_study']);
  assert.deepEqual(cs.years, [2015, 2016]);
  // Situations: year x university x home x study place among the persons kept.
  const situations = await count(`SELECT count(*) AS n FROM (SELECT DISTINCT year, university, home_region, study_region FROM persons WHERE destination NOT IN ('further_study', 'not_employed', '810000'))`);
  assert.equal(cs.cases, situations);
  assert.equal(cs.data.caseIndex.length, 31 * situations);
  const excluded = Object.fromEntries(cs.excluded.map((e) => [e.reason, e.count]));
  assert.equal(excluded['further study (outside: exclude)'], await count("SELECT count(*) AS n FROM persons WHERE destination = 'further_study'"));
  assert.equal(excluded['not employed (outside: exclude)'], await count("SELECT count(*) AS n FROM persons WHERE destination = 'not_employed'"));
  assert.equal(excluded['destination not a region at level province or inside one'], await count("SELECT count(*) AS n FROM persons WHERE destination = '810000'"));
  assert.equal(cs.persons + cs.excluded.reduce((s, e) => s + e.count, 0), 1200);
  // Each reason coded at its source: the same English, and Chinese from the catalogue (the CLI's --lang zh, the API's clients).
  for (const e of cs.excluded) assert.equal(e.text.message, e.reason);
  const zh = Object.fromEntries(cs.excluded.map((e) => [e.text.code, messageIn(e.text, 'zh')]));
  assert.deepEqual(zh, {
    'choice.leftOut.furtherStudy': '继续深造（区外选项：排除）', 'choice.leftOut.notEmployed': '未就业（区外选项：排除）', 'choice.leftOut.notAtLevel': '去向不是省级地区，也不在其中',
  });
  let chosen = 0;
  for (const x of cs.data.chosen) chosen += x;
  assert.equal(chosen, cs.persons);
  assert.ok(cs.notes.some((n) => n.includes('log_disposable_income_pc: disposable_income_pc (yuan per person per year), log by default')), cs.notes.join('\n'));
  assert.ok(cs.notes.some((n) => n.includes('weather_air_temperature: weather_air_temperature_x10 (0.1 degC), tenths by default')));
  assert.equal(cs.money?.term, 'log_disposable_income_pc');
  assert.equal(cs.synthetic, false);
});

test('attribute values: ln of the stored income of the graduation year, temperature in degrees, distances in 100 km', async () => {
  const cs = await buildChoiceSet(ws, { level: 'province', alternativeVars: ['income', 'temperature'], personTerms: ['distance_home', 'is_home'] });
  const stored = async (name: string, region: string, year: number) => (await ws.db.one<{ value: number }>('SELECT value FROM indicators WHERE name = ? AND region = ? AND period_start = ?', [name, region, year]))!.value;
  const a = cs.alternatives.indexOf('110000');
  let checked = 0;
  for (let r = 0; r < cs.data.altIndex.length && checked < 4; r++) {
    if (cs.data.altIndex[r] !== a) continue;
    const year = cs.caseInfo.year[cs.data.caseIndex[r]];
    assert.equal(cs.data.columns.log_disposable_income_pc[r], Math.log(await stored('disposable_income_pc', '110000', year)));
    assert.equal(cs.data.columns.weather_air_temperature[r], (await stored('weather_air_temperature_x10', '110000', year)) / 10);
    const home = cs.caseInfo.regions[cs.caseInfo.home[cs.data.caseIndex[r]]];
    assert.equal(cs.data.columns.is_home[r], home === '110000' ? 1 : 0);
    if (home === '210000') assert.ok(Math.abs(cs.data.columns.distance_home[r] - 5.35) < 0.3, `Liaoning-Beijing ${cs.data.columns.distance_home[r]} x 100 km`);
    checked++;
  }
  assert.equal(checked, 4);
});

test('a missing attribute is an InputError naming region, attribute and year', async () => {
  await assert.rejects(buildChoiceSet(ws, { level: 'province', alternativeVars: ['rail'] }), (e: unknown) => {
    assert.ok(e instanceof InputError);
    assert.match(e.message, /^column "urban_rail_transit_length": 河北省 \(130000\): urban_rail_transit_length has no value for 2015 or an earlier year \(and \d+ more region-years\); with missing 'listwise'/);
    return true;
  });
});

test('listwise: regions without the attribute leave that year\'s choice sets; their choosers are counted', async () => {
  const cs = await buildChoiceSet(ws, { level: 'province', alternativeVars: ['income', 'rail'], missing: 'listwise' });
  const lacking = await ws.db.all<{ region: string }>(
    `SELECT code AS region FROM regions WHERE level = 'province' AND parent = 'CN' AND code NOT IN
       (SELECT region FROM indicators WHERE name = 'urban_rail_transit_length' AND period_start <= 2015)`);
  assert.ok(lacking.length > 0);
  const codes = lacking.map((l) => l.region);
  const chose = await count(`SELECT count(*) AS n FROM persons p JOIN region_ancestors ra ON ra.code = p.destination AND ra.ancestor_level = 'province'
    WHERE p.year = 2015 AND list_contains(?::VARCHAR[], ra.ancestor)`, [`[${codes.map((c) => `'${c}'`).join(',')}]`]);
  const e = cs.excluded.find((x) => x.reason.startsWith('destination left out of the 2015 choice set'));
  assert.equal(e?.count ?? 0, chose);
  assert.equal(e && messageIn(e.text, 'zh'), '去向不在 2015 年的选择集中（属性缺失；按列表删除）');
  // Each 2015 case has 31 minus the lacking provinces.
  const c2015 = cs.caseInfo.year.indexOf(2015);
  let rows = 0;
  for (const c of cs.data.caseIndex) if (c === c2015) rows++;
  assert.equal(rows, 31 - codes.length);
  assert.ok(cs.notes.some((n) => n.startsWith('listwise: ') && n.includes('left out of the 2015 choice sets')));
});

test('listwise with an indicator no region at the level has: an error, not an empty model', async () => {
  await assert.rejects(buildChoiceSet(ws, { level: 'city', alternativeVars: ['income'], missing: 'listwise' }),
    /0 of \d+ regions at level city have every attribute for 2015 or an earlier year \(none has disposable_income_pc\)/);
});

test('missing home: an error naming the rule and the count (a person\'s id only when asked: nameRecords), or listwise with the count', async () => {
  const t = await choiceWorkspace({ persons: 300, blankHomeEvery: 10 });
  try {
    const blank = Number((await t.ws.db.one<{ n: bigint }>("SELECT count(*) AS n FROM persons WHERE home_region IS NULL AND destination NOT IN ('further_study', 'not_employed', '810000')"))!.n);
    const rule = new RegExp(`^distance_home needs each person's region, which some records cannot give; no home region recorded: ${blank} persons \\(graduation year 2015\\); with missing 'listwise'`);
    await assert.rejects(buildChoiceSet(t.ws, { level: 'province', personTerms: ['distance_home'] }), (e: Error) => rule.test(e.message.replace(/^column "home_region": /, '')) && !/P\d+/.test(e.message));
    await assert.rejects(buildChoiceSet(t.ws, { level: 'province', personTerms: ['distance_home'] }, { nameRecords: true }), /no home region recorded: \d+ persons \(graduation year 2015\), e\.g\. person P\d+/);
    // Coded, so --lang zh and the page say it in Chinese, each rule by its own code.
    await assert.rejects(buildChoiceSet(t.ws, { level: 'province', personTerms: ['distance_home'] }), (e: unknown) => {
      assert.ok(e instanceof InputError && e.text?.code === 'choicefit.missingPlaces', String(e));
      assert.equal(messageIn({ ...e.text, message: e.reason }, 'zh'), `distance_home 需要每个人的地区，但部分记录无法给出：未记录家乡地区：${blank} 人（2015 届）；缺失值处理设为“listwise”时，这些人不纳入`);
      return true;
    });
    const cs = await buildChoiceSet(t.ws, { level: 'province', personTerms: ['distance_home'], missing: 'listwise' });
    const noHome = cs.excluded.find((e) => e.reason === 'no home region recorded');
    assert.equal(noHome?.count, blank);
    assert.equal(noHome && messageIn(noHome.text, 'zh'), '未记录家乡地区');
  } finally {
    t.done();
  }
});

test('persons whose destination lies outside the area are counted, the area named in Chinese by its name (东北地区), in English by the code typed', async () => {
  const cs = await buildChoiceSet(ws, { level: 'province', within: 'northeast', personTerms: ['is_home'] });
  const e = cs.excluded.find((x) => x.text.code === 'choice.leftOut.outsideWithin');
  assert.equal(e?.reason, 'destination outside northeast');
  assert.equal(e && messageIn(e.text, 'zh'), '去向在东北地区之外');
});

test('every person left out (destinations recorded at province level, alternatives cities): an error counting each reason, in Chinese too', async () => {
  await assert.rejects(buildChoiceSet(ws, { level: 'city', within: '540000', personTerms: ['is_home'] }), (e: unknown) => {
    assert.ok(e instanceof InputError && e.text?.code === 'choicefit.allLeftOut', String(e));
    assert.match(e.message, /^every selected person was left out \(destination not a region at level city or inside one: \d+; further study \(outside: exclude\): \d+; not employed \(outside: exclude\): \d+\)$/);
    assert.match(messageIn({ ...e.text, message: e.reason }, 'zh'), /^所选毕业生全部未纳入（去向不是市级地区，也不在其中：[\d,]+ 人；继续深造（区外选项：排除）：[\d,]+ 人；未就业（区外选项：排除）：[\d,]+ 人）$/);
    return true;
  });
});

test('outside option: not employed and further study as one alternative with its constant', async () => {
  const cs = await buildChoiceSet(ws, { level: 'province', alternativeVars: ['income'], outside: 'option' });
  assert.equal(cs.alternatives.at(-1), 'outside');
  assert.deepEqual(cs.terms, ['log_disposable_income_pc', 'asc_outside']);
  const o = cs.alternatives.length - 1;
  let chosen = 0;
  for (let r = 0; r < cs.data.altIndex.length; r++) {
    if (cs.data.altIndex[r] !== o) continue;
    chosen += cs.data.chosen[r];
    assert.equal(cs.data.columns.asc_outside[r], 1);
    assert.equal(cs.data.columns.log_disposable_income_pc[r], 0);
  }
  assert.equal(chosen, await count("SELECT count(*) AS n FROM persons WHERE destination IN ('further_study', 'not_employed')"));
  assert.equal(cs.data.caseIndex.length, cs.cases * 32);
});

test('interactions: dummies of the other categories against the most frequent one', async () => {
  const cs = await buildChoiceSet(ws, { level: 'province', alternativeVars: ['income'], interactions: ['degree:income', 'university:distance_home'] });
  assert.deepEqual(cs.terms, ['log_disposable_income_pc', 'degree[doctor]:log_disposable_income_pc', 'degree[master]:log_disposable_income_pc', 'university[Dalian University of Technology]:distance_home']);
  for (let r = 0; r < cs.data.altIndex.length; r++) {
    const x = cs.data.columns['degree[master]:log_disposable_income_pc'][r];
    assert.ok(x === 0 || x === cs.data.columns.log_disposable_income_pc[r]);
  }
});

test('home-rest nests: the home region labelled home, every other region in nest rest', async () => {
  const cs = await buildChoiceSet(ws, { level: 'province', alternativeVars: ['income'], personTerms: ['distance_home'], nests: ['home-rest'] });
  assert.equal(cs.alternatives[0], 'home');
  assert.equal(cs.alternatives.length, 32);
  assert.deepEqual(cs.nests?.map((n) => [n.name, n.alternatives.length]), [['rest', 31]]);
  // 30 rows a case: the home plus the 30 others.
  assert.equal(cs.data.caseIndex.length, cs.cases * 31);
  for (let r = 0; r < cs.data.altIndex.length; r++) if (cs.data.altIndex[r] === 0) assert.equal(cs.data.columns.distance_home[r], 0);
});

test('unknown indicators and levels are SpecErrors that say what exists', async () => {
  await assert.rejects(buildChoiceSet(ws, { level: 'province', alternativeVars: ['housing_price'] }), /no indicator named "housing_price" in the workspace \(indicators: .*disposable_income_pc/);
  await assert.rejects(buildChoiceSet(ws, { level: 'district', alternativeVars: ['income'] }), /0 regions at level "district" in CN/);
  // In Chinese the area by its name (东北地区, 中国), as the choice model's definition names it; in English the code typed.
  for (const [within, name] of [['northeast', '东北地区'], [undefined, '中国']] as const) {
    await assert.rejects(buildChoiceSet(ws, { level: 'district', within, alternativeVars: ['income'] }), (e: unknown) => {
      assert.ok(e instanceof SpecError && e.text?.code === 'choicefit.tooFewRegions', String(e));
      assert.match(e.message, new RegExp(`^level: 0 regions at level "district" in ${within ?? 'CN'}: a choice needs two or more`));
      assert.match(messageIn({ ...e.text, message: e.message }, 'zh'), new RegExp(`^${name}内只有 0 个“district”层级的地区：选择至少需要两个（该地区内的层级：`));
      return true;
    });
  }
  await assert.rejects(buildChoiceSet(ws, { level: 'province', alternativeVars: ['income'], nests: ['home-rest', 'macro-regions'] }), /'home-rest' cannot be combined/);
  await assert.rejects(buildChoiceSet(ws, { level: 'province', alternativeVars: ['income'], nests: ['macro-regions'], sample: { size: 5 } }), /sample: sampled choice sets .* conditional logit only/);
});
