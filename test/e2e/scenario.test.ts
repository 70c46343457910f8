import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from '../helpers/workspace.ts';
import { runCli } from '../helpers/cli.ts';
import { apiClient } from '../helpers/api.ts';
import { createApp } from '../../src/server/index.ts';
import { closeWorkspace, openWorkspace } from '../../src/store/index.ts';
import { demoWorkspaceAt } from '../helpers/demo-workspace.ts';

let dir: string;
let w: string;
function tf(...args: string[]) {
  return runCli(dir, args);
}
const isInterval = (v: unknown) => typeof v === 'object' && v !== null && ['median', 'p05', 'p95'].every((k) => k in v);

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'talentflow-scenario-'));
  w = join(dir, 'demo.duckdb');
  await demoWorkspaceAt(w);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('a fresh demo holds the models every example scenario names, so each runs without a fit first', () => {
  const models = JSON.parse(tf('models', '--json', '-w', w).stdout) as { name: string }[];
  const names = new Set(models.map((m) => m.name));
  for (const file of ['korea-regional-income', 'korea-relocation-allowance', 'northeast-stay-subsidy', 'northeast-stay-subsidy-choice']) {
    const doc = JSON.parse(readFileSync(join(REPO, `examples/${file}.json`), 'utf8'));
    assert.ok(names.has(doc.baseline.model), `${file} needs ${doc.baseline.model}; the demo holds ${[...names].join(', ')}`);
  }
  // The table says which map each model fits: level, country, regions fitted.
  const table = tf('models', '-w', w).stdout;
  assert.match(table, /^korea-2019\s+gravity\s+province\s+KR\s+17\s/m, table);
  assert.match(table, /^china-provinces\s+gravity\s+province\s+CN\s+31\s/m, table);
  // --lang zh: heads, kinds and levels in Chinese, and a saved gravity model's summary (it was refused: unknown option '--lang').
  const zh = tf('models', '-w', w, '--lang', 'zh');
  assert.equal(zh.code, 0, zh.stderr);
  assert.match(zh.stdout, /^名称\s+类型\s+层级\s+国家\s+地区数\s+保存时间\n/);
  assert.match(zh.stdout, /^china-provinces\s+引力模型\s+省级\s+CN\s+31\s/m);
  assert.match(zh.stdout, /共 \d+ 个模型/);
  const one = tf('models', 'china-provinces', '-w', w, '--lang', 'zh');
  assert.equal(one.code, 0, one.stderr);
  assert.match(one.stdout, /^模型“china-provinces”（引力模型），保存于 /);
  assert.doesNotMatch(one.stdout, /NaN|Model "|Iterations|Log-likelihood/);
});

test('scenario run --amount N: N a month instead of the document\'s amount, the change scaled with it, the currency after every money figure', () => {
  const file = join(REPO, 'examples/northeast-stay-subsidy.json');
  const base = JSON.parse(tf('scenario', 'run', file, '--draws', '10', '--no-save', '--json', '-w', w).stdout);
  const half = tf('scenario', 'run', file, '--amount', '500', '--draws', '10', '--no-save', '--json', '-w', w);
  assert.equal(half.code, 0, half.stderr);
  const j = JSON.parse(half.stdout);
  assert.equal(j.amountPerYear, 6000);
  assert.equal(j.currency, 'CNY');
  assert.match(j.notes[0], /payment set to 500 yuan a month \(6000 yuan a year; the document had 1000 yuan\): the relative change of destination_gdp_per_capita scaled from 0.156 to 0.078/);
  assert.ok(j.summary.retainedDelta.median < base.summary.retainedDelta.median, `500 a month keeps fewer than 1,000: ${j.summary.retainedDelta.median} vs ${base.summary.retainedDelta.median}`);
  // A cost per person-year of 6,000: the total is 6,000 x the person-years paid, draw by draw.
  assert.ok(Math.abs(j.summary.totalCost.median - 6000 * j.summary.recipients.median) <= 6000 * 0.5 + 1e-6 * j.summary.totalCost.median);
  const text = tf('scenario', 'run', join(REPO, 'examples/korea-regional-income.json'), '--amount', '250000', '--draws', '10', '--no-save', '-w', w);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /cost \(won\)/);
  assert.match(text.stdout, /Total cost: [\d,]+ \[[\d,]+, [\d,]+\] won/);
  assert.match(text.stdout, /Cost per additional retained graduate: [\d,]+ \[[\d,]+, ([\d,]+|n\/a)\] won/);
  assert.equal(tf('scenario', 'run', file, '--amount', '-5', '-w', w).code, 1);
  // --lang zh: the summary lines and the library's notes in Chinese (it was refused: unknown option '--lang').
  const zh = tf('scenario', 'run', file, '--amount', '500', '--draws', '10', '--no-save', '-w', w, '--lang', 'zh');
  assert.equal(zh.code, 0, zh.stderr);
  assert.match(zh.stdout, /^情景 northeast-stay-subsidy：模型 china-provinces（版本 \w+），10 次抽样，种子 1，[\d.]+ 秒\n--amount：补贴设为每月 500 元（每年 6,000 元；文件原为每月 1,000 元）：destination_gdp_per_capita 的相对变化按比例由 0\.156 调整为 0\.078；以下说明和假设是按文件本身的金额写的\n/);
  assert.match(zh.stdout, /\n年份\s+留住人数（基准）\s+留住人数变化\s+净流动变化\s+领取人数\s+成本（元）\n/);
  assert.match(zh.stdout, /\n到 2030 年多留住的毕业生：[\d,]+ \[/);
  assert.match(zh.stdout, /\n总成本：[\d,]+ \[[\d,]+, [\d,]+\] 元；支付的人年：/);
  assert.match(zh.stdout, /\n每多留住一名毕业生的成本：[\d,]+ \[[\d,]+, ([\d,]+|n\/a)\] 元/);
  assert.match(zh.stdout, /\n说明：合成数据：队列规模和留存比例来自 [\d,]+ 条合成毕业生记录（并非真实人员）\n/);
  assert.doesNotMatch(zh.stdout, /note:|Medians|Total cost|retained delta/);
});

test('scenario run --lang zh: each example\'s description and assumptions in Chinese (description_zh, assumptions_zh); in English as written', () => {
  for (const name of ['northeast-stay-subsidy', 'northeast-stay-subsidy-choice', 'korea-regional-income', 'korea-relocation-allowance']) {
    const file = join(REPO, `examples/${name}.json`);
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { description: string; assumptions: string[]; description_zh?: string; assumptions_zh?: string[] };
    assert.equal(typeof doc.description_zh, 'string', `${name}: description_zh`);
    assert.equal(doc.assumptions_zh?.length, doc.assumptions.length, `${name}: one Chinese assumption for each English one`);
    const zh = tf('scenario', 'run', file, '--draws', '3', '--no-save', '-w', w, '--lang', 'zh');
    assert.equal(zh.code, 0, zh.stderr);
    assert.ok(zh.stdout.includes(`\n${doc.description_zh}\n`), zh.stdout);
    for (const a of doc.assumptions_zh!) assert.ok(zh.stdout.includes(`\n假设：${a}\n`), `${name}: 假设：${a}\n${zh.stdout}`);
    // Under 假设： Chinese only (it was the English list): no run of three English words.
    for (const line of zh.stdout.split('\n').filter((l) => /^假设：|^[^\s]/.test(l) && !/^\d|^年份/.test(l))) assert.doesNotMatch(line, /[A-Za-z]+ [a-z]+ [a-z]+ [a-z]+/, `${name}: English in ${line}`);
    assert.ok(!zh.stdout.includes(doc.description), `${name}: the English description under --lang zh`);
  }
  // English: the document's own text, word for word.
  const file = join(REPO, 'examples/northeast-stay-subsidy.json');
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { description: string; assumptions: string[] };
  const en = tf('scenario', 'run', file, '--draws', '3', '--no-save', '-w', w);
  assert.equal(en.code, 0, en.stderr);
  assert.ok(en.stdout.includes(`\n${doc.description}\n`), en.stdout);
  for (const a of doc.assumptions) assert.ok(en.stdout.includes(`\nassumption: ${a}\n`), a);
  assert.doesNotMatch(en.stdout, /假设|[\u4e00-\u9fff]/);
});

test('a saved gravity model records the periods it was fitted to: the demo\'s, and one fitted through the CLI or the API; a file fit without periods records none', async () => {
  const fit = tf('fit', 'gravity', '--period', '2019', '--within', 'KR', '--constraint', 'production', '--destination-vars', 'grdp_pc,population', '--save', 'mine-cli', '-w', w, '--json');
  assert.equal(fit.code, 0, fit.stderr);
  const ws = await openWorkspace(w);
  try {
    const api = apiClient(createApp(ws).app);
    const start = await api.post('/api/models/gravity', { periods: ['2019'], within: 'KR', constraint: 'production', destinationVars: ['grdp_pc'], save: 'mine-api' });
    assert.equal(start.status, 202, JSON.stringify(start.body));
    assert.equal((await api.waitJob(start.body.id)).state, 'done');
    // What the Scenario tab says under its results ("Model china-provinces: …, fitted to 2000-2010"; was "fitted periods not recorded").
    for (const [model, periods] of [['china-provinces', ['2000-2010']], ['korea-2019', ['2019']], ['mine-cli', ['2019']], ['mine-api', ['2019']]] as const) {
      const r = await api.get(`/api/scenarios/models/${model}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(r.body.model.periods, periods, model);
      assert.equal(r.body.model.basePeriodGuessed, false, model);
    }
  } finally {
    closeWorkspace(ws);
  }
  // Flows from a file with no period column: the periods are truly unknown, and the options say so (none recorded, the base period guessed).
  const flows = join(dir, 'kr-flows.csv');
  const rows = (JSON.parse(tf('flows', '--origin', 'KR', '--destination', 'KR', '--period', '2019', '--json', '-w', w).stdout) as { rows: { origin: string; destination: string; count: number }[] }).rows;
  assert.ok(rows.length > 200, `${rows.length} flows`);
  writeFileSync(flows, `origin,destination,flow,distance\n${rows.filter((r) => r.origin !== r.destination).map((r, i) => `${r.origin},${r.destination},${r.count},${100 + (i % 37)}`).join('\n')}\n`);
  const fromFile = tf('fit', 'gravity', '--flows', flows, '--origin', 'origin', '--destination', 'destination', '--flow', 'flow', '--cost', 'distance', '--save', 'mine-file', '-w', w, '--json');
  assert.equal(fromFile.code, 0, fromFile.stderr);
  const ws2 = await openWorkspace(w);
  try {
    const r = await apiClient(createApp(ws2).app).get('/api/scenarios/models/mine-file');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(r.body.model.periods, []);
    assert.equal(r.body.model.basePeriodGuessed, true);
  } finally {
    closeWorkspace(ws2);
  }
});

test('scenario run --json carries the coded notes the API\'s run job answers for the same run (messages.notes)', async () => {
  const file = join(REPO, 'examples/northeast-stay-subsidy.json');
  const cli = JSON.parse(tf('scenario', 'run', file, '--amount', '500', '--draws', '5', '--seed', '4', '--no-save', '--json', '-w', w).stdout);
  const ws = await openWorkspace(w);
  try {
    const api = apiClient(createApp(ws).app);
    const start = await api.post('/api/scenarios/run', { document: JSON.parse(readFileSync(file, 'utf8')), amount: 500, draws: 5, seed: 4 });
    assert.equal(start.status, 202, JSON.stringify(start.body));
    const job = await api.waitJob(start.body.id);
    assert.equal(job.state, 'done', JSON.stringify(job.error));
    assert.ok(job.result.messages.notes.length >= 2, JSON.stringify(job.result.messages));
    assert.deepEqual(cli.messages, job.result.messages);
    assert.deepEqual(cli.notes, job.result.notes);
    assert.equal(cli.messages.notes[0].code, 'scenario.payment.set');
    assert.deepEqual(cli.summary, job.result.result.summary);
  } finally {
    closeWorkspace(ws);
  }
});

test('scenario run --json: a row per year and a summary with retainedDelta and costPerRetained intervals; stored with the model version', () => {
  const r = tf('scenario', 'run', join(REPO, 'examples/korea-regional-income.json'), '--draws', '20', '--seed', '3', '--json', '-w', w);
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.equal(j.years.length, 10);
  assert.equal(j.years[0].year, 2020);
  assert.ok(isInterval(j.summary.retainedDelta) && isInterval(j.summary.costPerRetained));
  assert.ok(j.summary.totalCost.median > 0);
  assert.match(j.model.version, /^[0-9a-f]{16}$/);
  assert.equal(j.seed, 3);
  const again = JSON.parse(tf('scenario', 'run', join(REPO, 'examples/korea-regional-income.json'), '--draws', '20', '--seed', '3', '--json', '-w', w).stdout);
  assert.deepEqual(again.years, j.years);
  const list = JSON.parse(tf('scenario', 'list', '--json', '-w', w).stdout);
  assert.equal(list.length, 2);
  assert.equal(list[0].modelVersion, j.model.version);
  // Each run says what it was run with (the dashboard's and the table's labels).
  assert.deepEqual(list[0].settings, { amountPerYear: 3000000, currency: 'KRW', benefitYears: 3, targets: ['KR26', 'KR27', 'KR29', 'KR30', 'KR31', 'KR36', 'KR42', 'KR43', 'KR44', 'KR45', 'KR46', 'KR47', 'KR48', 'KR50'], eligibility: ['stayers', 'arrivals'], cohorts: { from: 2020, to: 2024 } });
  assert.deepEqual(list[0].targetNames.slice(0, 3), ['부산광역시', '대구광역시', '광주광역시'], 'target names in Korean, the regions\' own language');
  // The table names the targets, in the regions' own language or --lang's.
  assert.match(tf('scenario', 'list', '-w', w).stdout, /korea-regional-income\s+250,000 won\s+3\s+stayers\+arrivals\s+부산광역시, 대구광역시, 광주광역시, … \(14\)/);
  assert.match(tf('scenario', 'list', '--lang', 'en', '-w', w).stdout, /stayers\+arrivals\s+Busan, Daegu, Gwangju, … \(14\)/);
});

test('scenario compare --json holds one entry per scenario', () => {
  const r = tf('scenario', 'compare', join(REPO, 'examples/korea-regional-income.json'), join(REPO, 'examples/korea-relocation-allowance.json'), '--draws', '10', '--json', '--no-save', '-w', w);
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.deepEqual(j.scenarios.map((s: { name: string }) => s.name), ['korea-regional-income', 'korea-relocation-allowance']);
  assert.ok(isInterval(j.scenarios[1].costPerRetained));
  const text = tf('scenario', 'compare', join(REPO, 'examples/korea-regional-income.json'), join(REPO, 'examples/korea-relocation-allowance.json'), '--draws', '5', '--no-save', '-w', w);
  assert.match(text.stdout, /korea-relocation-allowance\s+korea-2019@[0-9a-f]{16}/);
  assert.match(text.stdout, /^scenario\s+model\s+retained delta\s+total cost\s+cost per retained\n[\s\S]*\nMedians with 5-95% intervals over draws; n\/a: no bound/);
  // --lang zh: heads, money words and the legend in Chinese; the stored runs' list too.
  const zh = tf('scenario', 'compare', join(REPO, 'examples/korea-regional-income.json'), join(REPO, 'examples/korea-relocation-allowance.json'), '--draws', '5', '--no-save', '-w', w, '--lang', 'zh');
  assert.equal(zh.code, 0, zh.stderr);
  assert.match(text.stdout, /\nkorea-relocation-allowance .*\[[\d,]+, n\/a\] won\n/);
  assert.match(zh.stdout, /^情景\s+模型\s+留住人数变化\s+总成本\s+每多留住一人的成本\n[\s\S]*韩元[\s\S]*\n各次抽样的中位数及 5%–95% 区间；无：没有界限/);
  // An end without a bound (draws that retain no one more) says so in Chinese too (issue #12 item 7).
  assert.match(zh.stdout, /\nkorea-relocation-allowance .*\[[\d,]+, 无\] 韩元\n/);
  assert.doesNotMatch(zh.stdout, /n\/a/);
  assert.match(tf('scenario', 'list', '-w', w, '--lang', 'zh').stdout, /^运行\s+情景\s+每月\s+年数\s+领取对象\s+目标地区\s+模型\s+版本\s+种子\s+抽样次数\s+时间\n/);
});

test('a bad scenario is refused with the field named (exit 1)', () => {
  const doc = JSON.parse(readFileSync(join(REPO, 'examples/korea-regional-income.json'), 'utf8'));
  doc.interventions[0].term = 'destination_gdp';
  writeFileSync(join(dir, 'bad.json'), JSON.stringify(doc));
  const r = tf('scenario', 'run', 'bad.json', '--draws', '2', '-w', w);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /the gravity model "korea-2019" lacks the variable destination_gdp \(interventions\[0\]\.term\) that this scenario needs \(it has: destination_grdp_pc, destination_population\); fit a model with it first: talentflow fit gravity /);
  doc.interventions[0].term = 'destination_grdp_pc';
  doc.horizon.years = -1;
  writeFileSync(join(dir, 'bad.json'), JSON.stringify(doc));
  assert.match(tf('scenario', 'run', 'bad.json', '-w', w).stderr, /horizon\.years/);
});
