import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { closeWorkspace, openWorkspace } from '../../src/store/index.ts';
import { createApp } from '../../src/server/index.ts';
import { assertChinese } from '../helpers/chinese.ts';
import { demoSuite, runCli } from '../helpers/cli.ts';

// `talentflow rank --weights choice:MODEL` and GET /api/rank?weights=choice:MODEL on the demo's
// synthetic graduates, with the choice model of examples/run-northeast.sh.
const demo = demoSuite('talentflow-rank-choice-');

function tf(...args: string[]) {
  return runCli(demo.dir, args);
}
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

before(() => {
  const f = tf('fit', 'choice', '--persons', '--level', 'province', '--within', 'CN', '--alternative-vars', 'income,population_year_end,temperature',
    '--person-vars', 'distance_home,is_home,is_study', '--interactions', 'degree:income', '--save', 'northeast-choice', '--replace', '-w', demo.workspace);
  assert.equal(f.code, 0, f.stderr);
});

test('rank --weights choice:MODEL --json: 31 provinces by revealed utility, contributions add up, the declared rank beside, validation numbers', () => {
  const r = tf('rank', '--weights', 'choice:northeast-choice', '--draws', '200', '--json', '-w', demo.workspace);
  assert.equal(r.code, 0, r.stderr);
  const j: Json = JSON.parse(r.stdout);
  const rows = j.index.rows;
  assert.equal(rows.length, 31);
  assert.equal(j.year, 2016);
  for (let k = 0; k < rows.length; k++) {
    assert.equal(rows[k].rank, k + 1);
    if (k) assert.ok(rows[k].utility <= rows[k - 1].utility);
    const sum = Object.values(rows[k].contributions as Record<string, number>).reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum - rows[k].utility) < 1e-12);
    assert.ok(rows[k].lower < rows[k].utility && rows[k].utility < rows[k].upper);
    assert.ok(rows[k].rankInterval[0] <= rows[k].rank && rows[k].rank <= rows[k].rankInterval[1]);
    assert.ok(rows[k].declaredRank >= 1 && rows[k].declaredRank <= 31);
  }
  assert.deepEqual(j.index.terms.map((t: Json) => t.term).sort(), ['degree[doctor]:log_disposable_income_pc', 'degree[master]:log_disposable_income_pc', 'log_disposable_income_pc', 'log_population_year_end', 'weather_air_temperature']);
  assert.equal(j.index.moneyUnit, 'yuan a month');
  assert.equal(j.model.kind, 'synthetic');
  const v = j.validation;
  assert.equal(v.split, 'graduation years 2016 held out');
  assert.deepEqual(v.rows.map((x: Json) => x.model), ['revealed', 'declared', 'person terms only', 'equal shares']);
  for (const x of v.rows) assert.ok(Number.isFinite(x.logLikelihood) && x.hitRate > 0 && x.hitRate <= 1);
  // The synthetic graduates were drawn from a logit over these attributes: the revealed ranking predicts them better.
  assert.ok(v.logLikelihoodGain > 0, `gain ${v.logLikelihoodGain}`);
  assert.ok(j.rankCorrelation > -1 && j.rankCorrelation < 1);
});

test('rank --weights choice:MODEL: the text table, a random split with a seed, a declared index from --indicators; errors', () => {
  const text = tf('rank', '--weights', 'choice:northeast-choice', '--draws', '50', '--top', '5', '-w', demo.workspace);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /Revealed-preference ranking: model northeast-choice/);
  assert.match(text.stdout, /Out-of-sample validation: graduation years 2016 held out/);
  assert.match(text.stdout, /revealed\s+-[\d,.]+/);
  const args = ['rank', '--weights', 'choice:northeast-choice', '--indicators', 'disposable_income_pc:+', '--holdout-share', '0.25', '--seed', '4', '--draws', '0', '--json', '-w', demo.workspace];
  const a = JSON.parse(tf(...args).stdout);
  assert.equal(a.validation.split, '25% of the graduates held out at random (seed 4)');
  assert.deepEqual(a.declared.indicators, ['disposable_income_pc']);
  assert.equal(a.index.rows[0].rankInterval, null);
  assert.deepEqual(JSON.parse(tf(...args).stdout).validation, a.validation);
  const bad = tf('rank', '--weights', 'choice:china-provinces', '-w', demo.workspace);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /model "china-provinces" is a gravity model; a revealed-preference ranking needs a destination-choice model/);
  assert.match(tf('rank', '--weights', 'choice:northeast-choice', '--level', 'city', '-w', demo.workspace).stderr, /level does not apply to weights choice:MODEL/);
});

test('rank --weights choice:MODEL --lang zh: every line (title, definitions, heads, validation, notes) reads in Chinese, regions by name; English and --json as before', () => {
  const args = ['rank', '--weights', 'choice:northeast-choice', '--draws', '50', '--top', '3', '-w', demo.workspace];
  const zh = tf(...args, '--lang', 'zh');
  assert.equal(zh.code, 0, zh.stderr);
  const lines = zh.stdout.split('\n').filter(Boolean);
  assert.match(lines[0], /^显示性偏好排名：模型 northeast-choice（版本 \w+，合成），中国的省级地区，2016 年的属性$/);
  assert.match(zh.stdout, /^排名 +代码 +名称 +效用 \[95%\] +排名 90% 区间 +元\/月（相对均值） +设定指数排名$/m);
  assert.match(zh.stdout, /^ +1 +310000 +上海市 /m);
  assert.match(zh.stdout, /^样本外验证：留出 2016 年毕业的毕业生；在 [\d,]+ 名毕业生上拟合/m);
  assert.match(zh.stdout, /^模型 +对数似然 +每名毕业生 +rho²（相对等概率） +命中率 +尺度（标准误） +参数个数$/m);
  assert.match(zh.stdout, /^说明：degree\[master\]:log_disposable_income_pc：权重 [\d.]+，即拟合所用毕业生中学历为硕士者的占比$/m);
  assert.deepEqual(lines.filter((l) => /^(note|warning):/.test(l)), []);
  // Nothing English but terms, options and the model's name (the table rows are numbers and names).
  const prose = lines.filter((l) => !/^[-\s]+$/.test(l) && !/^ +\d/.test(l)).map((l) => l.replace(/--[a-z-]+( N)?/g, ''));
  assertChinese(prose, 'revealed ranking');
  // Without --lang the English with each region in its own language (the area too, not CN); with
  // --lang en the regions by their English names.
  const en = tf(...args).stdout;
  assert.match(en, /^Revealed-preference ranking: model northeast-choice \(version \w+, synthetic\), regions at level province in 中国, attributes of 2016\ndestination choice of 15,652 graduates among 31 alternatives \(regions at level province in 中国\), /m);
  assert.match(en, /^ +1 +310000 +上海市 /m);
  assert.match(tf(...args, '--lang', 'en').stdout, /^Revealed-preference ranking: .* in China, attributes of 2016\ndestination choice of 15,652 graduates among 31 alternatives \(regions at level province in China\), /m);
  assert.match(en, /^rank +code +name +utility \[95%\] +rank 90% +yuan a month vs mean +declared rank$/m);
  assert.match(en, /^note: degree\[master\]:log_disposable_income_pc: weight [\d.]+, the share of the fit's graduates with degree master$/m);
  assert.match(en, /^utility: systematic utility of each alternative revealed by the fitted choice model: /m);
  assert.match(tf(...args, '--lang', 'en').stdout, /^ +1 +310000 +Shanghai /m);
  // --json: the English texts as before, each coded beside them.
  const j: Json = JSON.parse(tf(...args, '--json').stdout);
  assert.equal(j.validation.split, 'graduation years 2016 held out');
  assert.equal(j.validation.messages.split.code, 'revealed.splitYears');
  assert.deepEqual(j.messages.notes.map((m: Json) => m.message), j.notes);
  assert.equal(j.declared.messages.description.message, j.declared.description);
  assert.equal(j.model.messages.source.message, j.model.source);
  // Refusals in Chinese too (the field as given); the example index's description from its code.
  const err = (...more: string[]) => tf('rank', '-w', demo.workspace, '--lang', 'zh', ...more).stderr.trim();
  assert.equal(err('--weights', 'choice:china-provinces'), '错误：weights：模型“china-provinces”是引力模型；显示性偏好排名需要去向选择模型（talentflow fit choice --save）');
  assert.equal(err('--weights', 'choice:northeast-choice', '--holdout-years', '1990'), '错误：holdout.years：模型中没有 1990 年毕业的毕业生（毕业年份：2015、2016）');
  assert.equal(err('--weights', 'choice:northeast-choice', '--level', 'city'), '错误：level：level 不适用于 weights choice:MODEL（排名的是模型的地区；其系数抽样给出区间）');
  const example = tf('rank', '--weights', 'choice:northeast-choice', '--example', 'china-cities', '--missing', 'impute-mean', '--draws', '0', '-w', demo.workspace, '--lang', 'zh');
  assert.match(example.stdout, /^中国地级市人口活力（2010 与 2020 年人口普查）：.*；与显示性偏好排名的 Spearman 秩相关系数 /m);
});

test('GET /api/rank?weights=choice:MODEL answers as the CLI', async () => {
  const ws = await openWorkspace(demo.workspace);
  try {
    const { app } = createApp(ws);
    const r = await app.request('/api/rank?weights=choice:northeast-choice&draws=50&top=3&holdoutYears=2015');
    const body: Json = await r.json();
    assert.equal(r.status, 200, JSON.stringify(body));
    assert.equal(body.index.rows.length, 3);
    assert.equal(body.validation.split, 'graduation years 2015 held out');
    const bad = await app.request('/api/rank?weights=choice:nope');
    assert.equal(bad.status, 422);
    assert.match(((await bad.json()) as Json).error.message, /weights: no model named "nope"/);
  } finally {
    closeWorkspace(ws);
  }
});
