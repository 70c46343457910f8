/**
 * `talentflow fit choice` as a user runs it: on the demo workspace's synthetic graduates (--persons)
 * and on a long-format file (--data). The numbers are the library's (src/store/choice tests and
 * test/r-live/choice-workspace-vs-r.test.ts check them against R clogit); here: the JSON keys,
 * agreement of the file form with fitChoiceFile to 1e-12, saving, and errors as exit codes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simulateChoices } from '../../src/models/logit/index.ts';
import { fitChoiceFile } from '../../src/store/choice/choice-file.ts';
import { assertChinese, LATIN_SENTENCE } from '../helpers/chinese.ts';
import { demoSuite, runCli } from '../helpers/cli.ts';

const suite = demoSuite('talentflow-choice-');
const tf = (...args: string[]) => runCli(suite.dir, args);

test('fit choice --persons --json: coefficients and standard errors keyed by term, LL, WTP, elasticities, fitSeconds; SYNTHETIC', () => {
  const r = tf('fit', 'choice', '--persons', '-w', suite.workspace, '--level', 'province', '--alternative-vars', 'income,temperature',
    '--person-vars', 'distance_home,is_home', '--interactions', 'degree:income', '--save', 'demo-choice', '--json');
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  const terms = ['log_disposable_income_pc', 'weather_air_temperature', 'distance_home', 'is_home', 'degree[doctor]:log_disposable_income_pc', 'degree[master]:log_disposable_income_pc'];
  assert.deepEqual(Object.keys(j.coefficients), terms);
  assert.deepEqual(Object.keys(j.standardErrors), terms);
  assert.ok(j.logLikelihood < 0 && j.logLikelihood > j.nullLogLikelihood);
  assert.equal(j.wtp.unit, 'yuan a month');
  assert.deepEqual(j.wtp.values.map((v: { term: string }) => v.term), ['weather_air_temperature', 'distance_home', 'is_home']);
  assert.deepEqual(j.elasticities.map((e: { term: string }) => e.term), ['log_disposable_income_pc', 'distance_home']);
  assert.ok(j.fitSeconds > 0 && j.fitSeconds < 10);
  assert.equal(j.kind, 'synthetic');
  assert.equal(j.saved, 'demo-choice');
  assert.equal(j.choiceSet.alternatives.length, 31);
  const models = tf('models', '-w', suite.workspace, '--json');
  assert.equal(models.code, 0, models.stderr);
  assert.ok(JSON.parse(models.stdout).some((m: { name: string; kind: string }) => m.name === 'demo-choice' && m.kind === 'choice'), models.stdout);
});

test('fit choice --persons prints the coefficient table, the WTP table in yuan a month and the left-out counts', () => {
  const r = tf('fit', 'choice', '-w', suite.workspace, '--alternative-vars', 'income', '--person-vars', 'distance_home,is_home', '--nests', 'home,rest', '--year', '2015');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^Nested logit of destination choice -- SYNTHETIC person records/);
  assert.match(r.stdout, /Coefficients:\n.*Estimate +Std\. Error +z value +Pr\(>\|z\|\) +95% interval/);
  assert.match(r.stdout, /lambda_rest/);
  // Each graduate's rest holds the 30 provinces other than their home (the nest lists all 31).
  assert.match(r.stdout, /\nrest +30 +[\d.]+/);
  assert.match(r.stdout, /Willingness to pay \(yuan a month per unit of each term/);
  assert.match(r.stdout, /Left out: [\d,]+ further study/);
  // The workspace's small-cell rule (default k 10) in the shares table and the left-out counts.
  assert.match(r.stdout, /Counts of 1 to 9 graduates, and those that would reveal them, are hidden: \d+ here/);
});

test('fit choice --data FILE --json agrees with fitChoiceFile; nests and cluster from flags', async () => {
  const sim = simulateChoices({ nCases: 300, nAlternatives: 4, coefficients: { time: -1, cost: -0.5 }, seed: 8, clusters: 10 }).data;
  const lines = ['id,mode,chosen,time,cost,grp'];
  for (let r = 0; r < sim.caseIndex.length; r++) {
    lines.push([sim.caseIndex[r], ['car', 'bus', 'train', 'air'][sim.altIndex[r]], sim.chosen[r], sim.columns.time[r], sim.columns.cost[r], sim.cluster![sim.caseIndex[r]]].join(','));
  }
  const file = join(suite.dir, 'modes.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  const r = tf('fit', 'choice', '--data', file, '--case', 'id', '--alternative', 'mode', '--choice', 'chosen', '--vars', 'time,cost', '--cluster', 'grp', '--json');
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  const lib = await fitChoiceFile(file, { case: 'id', alternative: 'mode', choice: 'chosen', vars: ['time', 'cost'], cluster: 'grp' });
  for (const t of ['time', 'cost']) {
    assert.ok(Math.abs(j.coefficients[t] - lib.coefficients[t]) < 1e-12, t);
    assert.ok(Math.abs(j.standardErrors[t] - lib.standardErrors[t]) < 1e-12, t);
  }
  assert.equal(j.vcovType, 'clustered');
  assert.ok('logLikelihood' in j && 'fitSeconds' in j && Array.isArray(j.elasticities));
  const n = tf('fit', 'choice', '--data', file, '--case', 'id', '--alternative', 'mode', '--choice', 'chosen', '--vars', 'time,cost', '--nests', 'ground=car+bus+train');
  assert.equal(n.code, 0, n.stderr);
  assert.match(n.stdout, /lambda_ground/);
});

test('errors: a missing attribute names region, attribute and year; --data without --case says so', () => {
  const r = tf('fit', 'choice', '-w', suite.workspace, '--alternative-vars', 'rail');
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /\(\d{6}\): urban_rail_transit_length has no value for 2015 or an earlier year/);
  const d = tf('fit', 'choice', '--data', 'x.csv', '--vars', 'a');
  assert.notEqual(d.code, 0);
  assert.match(d.stderr, /--data needs --case/);
});

test('fit choice --lang zh: the summary\'s heads, statistics, nests, WTP, holdout, shares, left-out counts and save note read in Chinese; English as before', () => {
  const args = ['fit', 'choice', '-w', suite.workspace, '--alternative-vars', 'income', '--person-vars', 'distance_home,is_home', '--nests', 'home,rest', '--holdout', '2016', '--save', 'zh-choice', '--replace'];
  const zh = tf(...args, '--lang', 'zh');
  assert.equal(zh.code, 0, zh.stderr);
  const lines = zh.stdout.split('\n');
  const own = lines.map((l) => l.replace('docs/privacy.md', 'F'));
  assert.deepEqual(own.filter((l) => LATIN_SENTENCE.test(l)), []);
  const said = own.filter((l) => /[：:]|名毕业生/.test(l) && !/^-+$/.test(l));
  assert.ok(said.length >= 12, said.join('\n'));
  assertChinese(said, 'choice summary');
  for (const head of [/^ +估计值 +标准误 +z 值 +p 值 +95% 置信区间$/m, /^嵌套 +备选项数 +lambda +标准误 +是否一致$/m, /^变量 +元\/月 +标准误 +95% 置信区间$/m, /^去向 +实际 +预测$/m]) assert.match(zh.stdout, head);
  assert.ok(lines.includes('说明：模型已保存为“zh-choice”'), zh.stdout);
  // The choice set's notes and the WTP definition, with the indicators and units by their Chinese names.
  assert.ok(lines.includes('说明：log_disposable_income_pc：人均可支配收入（元/人·年），取对数（默认）'), zh.stdout);
  assert.match(zh.stdout, /^说明：距离：省级地区中心点之间的大圆距离（公里）÷ 100$/m);
  assert.match(zh.stdout, /^（每单位属性变化的价值（元\/月）：与之价值相当的人均可支配收入（元\/人·年）变化量，在各备选地区的均值（[\d.]+）处计算，取对数后进入效用；自动选作收入属性）$/m);
  assert.match(zh.stdout, /^未纳入：[\d,]+ 人继续深造（区外选项：排除）；[\d,]+ 人未就业（区外选项：排除）$/m);
  // The country the alternatives lie in by its Chinese name (it was named by its code, CN).
  assert.match(zh.stdout, /^说明：备选项：中国的省级地区，即(大多数)?毕业生去向所在的国家$/m);
  const en = tf(...args).stdout;
  for (const line of [/^Nested logit of destination choice -- SYNTHETIC person records\n[\d,]+ graduates \(2015, 2016\) in [\d,]+ distinct situations, 31 alternatives \(province in CN\); fitted on [\d,]+$/m,
    /^Log-likelihood: \S+ {3}null: \S+ {3}rho²: \S+ \(adj\. \S+\)\nAIC: \S+ {3}BIC: \S+ {3}parameters: 4$/m, /^Nests \(lambda: McFadden log-sum parameter; 0 < lambda <= 1 is consistent with utility maximisation\):\nnest +alternatives +lambda +Std\. Error +consistent$/m,
    /^term +yuan a month +Std\. Error +95% interval$/m, /^Holdout 2016: [\d,]+ graduates, hit rate \S+% \(chance \S+%\), log-likelihood \S+, rho² \S+$/m,
    /^Largest destinations, observed vs predicted share:\ndestination +observed +predicted$/m, /^Left out: [\d,]+ further study \(outside: exclude\); [\d,]+ not employed \(outside: exclude\)$/m, /^saved as model "zh-choice"$/m, /^note: alternatives: regions at level province in CN, the country of (most of )?the persons' destinations$/m]) assert.match(en, line);
});
