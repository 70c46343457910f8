// `talentflow import stocks` and `talentflow stocks` as a user runs them: a census birthplace
// table in sample counts, listed with its unit, definition and source; errors exit 1 with the
// file, row and column on stderr.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHINA } from '../helpers/workspace.ts';
import { runCli } from '../helpers/cli.ts';

let dir: string;
let w: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'talentflow-stocks-'));
  w = join(dir, 'w.duckdb');
  const r = runCli(dir, ['import', 'regions', join(CHINA, 'regions.csv'), '--no-indicators', '-w', w]);
  assert.equal(r.code, 0, r.stderr);
});
after(() => rmSync(dir, { recursive: true, force: true }));

const tf = (...args: string[]) => runCli(dir, [...args, '-w', w]);
const DEFINITION = 'census lifetime migrants (birthplace -> residence), long-form sample counts';

test('import stocks with unit, sampling rates and definition; stocks lists tables and cells with them', () => {
  const p = join(dir, 'birthplace.csv');
  writeFileSync(p, [
    'census_year,birth_province_code,birth_province,residence_province_code,residence_province,persons_sample',
    '2000,37,Shandong,23,Heilongjiang,152553', '2000,23,Heilongjiang,37,Shandong,39311',
    '2010,37,Shandong,23,Heilongjiang,74024', '2010,23,Heilongjiang,37,Shandong,47498', '2010,43,Hunan,44,Guangdong,478115',
  ].join('\n') + '\n');
  const imp = tf('import', 'stocks', p, '--unit', 'sample', '--sampling-rate', '2000=0.095,2010=0.1', '--definition', DEFINITION, '--source', 'vis2014/Assignment3', '--json');
  assert.equal(imp.code, 0, imp.stderr);
  const s = JSON.parse(imp.stdout) as { kind: string; rows: number; notes: string[] };
  assert.deepEqual([s.kind, s.rows], ['stocks', 5]);

  const list = tf('stocks', '--json');
  assert.equal(list.code, 0, list.stderr);
  const all = JSON.parse(list.stdout) as { tables: { date: number; unit: string; samplingRate: number; definition: string; source: string; total: number }[]; rows: unknown[] };
  assert.deepEqual(all.tables.map((x) => [x.date, x.unit, x.samplingRate, x.definition, x.source, x.total]), [
    [2000, 'sample', 0.095, DEFINITION, 'vis2014/Assignment3', 191864], [2010, 'sample', 0.1, DEFINITION, 'vis2014/Assignment3', 599637],
  ]);
  assert.deepEqual(all.rows, [], 'cells only with a filter');

  const cells = JSON.parse(tf('stocks', '--date', '2010', '--residence', '黑龙江', '--json').stdout) as { tables: { date: number }[]; rows: { birth: string; count: number; persons: number }[] };
  assert.deepEqual(cells.tables.map((x) => x.date), [2010]);
  assert.deepEqual(cells.rows.map((r) => [r.birth, r.count, r.persons]), [['370000', 74024, 740240]]);

  const text = tf('stocks', '--date', '2010');
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /sample \(0\.1\)/);
  assert.match(text.stdout, /#\d+ 2010: census lifetime migrants \(birthplace -> residence\), long-form sample counts\. Source: vis2014\/Assignment3/);
  assert.match(text.stdout, /湖南省 +440000 +广东省 +2010 +478,115 +4,781,150/);
});

test('a bad stock file exits 1 naming file, row and column; nothing is written', () => {
  const p = join(dir, 'neg.csv');
  writeFileSync(p, '出生地,现住地,年份,人数\n辽宁,北京,2020,5\n吉林,北京,2020,-3\n');
  const r = tf('import', 'stocks', p);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /error: .*neg\.csv, row 3, column "人数": negative value -3: a stock count cannot be negative/);
  const missingRate = tf('import', 'stocks', join(dir, 'neg.csv'), '--unit', 'sample');
  assert.equal(missingRate.code, 1);
  assert.match(missingRate.stderr, /sample counts need a sampling rate/);
  // Nothing of 2020 was written: asking for that date lists the dates there are instead.
  const none = tf('stocks', '--date', '2020');
  assert.equal(none.code, 1);
  assert.match(none.stderr, /unknown census date "2020"\. Census dates of stock tables in this workspace: 2000, 2010\n/);
  const help = tf('stocks', '--help');
  assert.equal(help.code, 0);
  assert.match(help.stdout, /--json/);
});

test('the demo carries both census birthplace tables, labelled, and the 2000 census and NBS indicators with their sources', () => {
  const d = join(dir, 'demo.duckdb');
  const built = runCli(dir, ['demo', '-w', d, '--no-estimate', '--no-cohort', '--json']);
  assert.equal(built.code, 0, built.stderr);
  const { tables } = JSON.parse(runCli(dir, ['stocks', '-w', d, '--json']).stdout) as { tables: { date: number; unit: string; samplingRate: number; definition: string; source: string; total: number; cells: number }[] };
  assert.deepEqual(tables.map((x) => [x.date, x.unit, x.samplingRate, x.cells, x.total, x.definition]), [
    [2000, 'sample', 0.095, 930, 7305955, DEFINITION], [2010, 'sample', 0.1, 930, 10230691, DEFINITION],
  ]);
  assert.match(tables[0].source, /vis2014\/Assignment3/);
  const pop = JSON.parse(runCli(dir, ['indicators', 'population', '--period', '2000', '--level', 'province', '-w', d, '--json']).stdout) as { value: number; source: string }[];
  assert.equal(pop.length, 31);
  assert.equal(pop.reduce((s, p) => s + p.value, 0), 1_262_280_000);
  assert.match(pop[0].source, /^Communiqué on Major Figures of the 2000 Population Census \(No\. 2\)/);
  const income = JSON.parse(runCli(dir, ['indicators', 'disposable_income_pc', '--within', '辽宁', '--period', '2020', '-w', d, '--json']).stdout) as { value: number; unit: string; source: string }[];
  assert.deepEqual(income.map((i) => [i.value, i.unit]), [[32738, 'yuan per person per year']]);
  assert.match(income[0].source, /^NBS .*xolarvill\/KWL \(MIT\)/);
  // The flows estimated from the two tables: warnings coded in --json, in Chinese under --lang zh (issue #12 item 7).
  const est = ['estimate', 'flows-from-stocks', '--method', 'birthplace', '--from', '2000', '--to', '2010', '-w', d];
  const json = JSON.parse(runCli(dir, [...est, '--json']).stdout) as { warnings: string[]; messages: { warnings: { code: string; message: string }[] } };
  assert.deepEqual(json.messages.warnings.map((x) => x.message), json.warnings);
  assert.deepEqual(json.messages.warnings.map((x) => x.code), ['stocks.diagonalFromPopulation', 'stocks.diagonalFromPopulation', 'stocks.minimumMigration']);
  const zh = runCli(dir, [...est, '--lang', 'zh']);
  assert.equal(zh.code, 0, zh.stderr);
  assert.deepEqual(zh.stdout.split('\n').filter((l) => l.startsWith('警告：')).map((l) => l.slice(0, 40)), [
    '警告：2000：居住在出生地区的人取普查人口减去在其他地区出生的居民（表中没有这些人）',
    '警告：2010：居住在出生地区的人取普查人口减去在其他地区出生的居民（表中没有这些人）',
    '警告：stayerAssumption 为 true，估计接近最小迁移：净迁入地区几乎不',
  ].map((l) => l.slice(0, 40)));
  assert.doesNotMatch(zh.stdout, /^warning: /m);
  assert.match(runCli(dir, est).stdout, /^warning: 2000: people living in their region of birth taken as census population minus residents born elsewhere \(the table does not hold them\)$/m);
  // The census-residual estimator's warnings too: regions of the other countries have no 2010 and 2020 populations.
  const residual = ['estimate', 'flows-from-stocks', '--method', 'census-residual', '--from', '2010', '--to', '2020', '--level', 'province', '-w', d];
  const rj = JSON.parse(runCli(dir, [...residual, '--json']).stdout) as { warnings: string[]; messages: { warnings: { code: string; message: string }[] } };
  assert.deepEqual(rj.messages.warnings.map((x) => [x.code, x.message]), [['stocks.regionsSkipped', rj.warnings[0]]]);
  assert.match(runCli(dir, [...residual, '--lang', 'zh']).stdout, /^警告：\d+ 个地区缺少两次普查的人口，未纳入：AT11、/m);
});
