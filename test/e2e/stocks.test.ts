// `talentflow import stocks` and `talentflow stocks` as a user runs them: a census birthplace
// table in sample counts, listed with its unit, definition and source; errors exit 1 with the
// file, row and column on stderr.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
  const imp = tf('import', 'stocks', p, '--unit', 'sample', '--sampling-rate', '2000=0.095,2010=0.1', '--definition', DEFINITION, '--definition-zh', '普查终身迁移人口', '--source', 'vis2014/Assignment3', '--json');
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
  // The Chinese definition given beside the English one; no Chinese source given: the stored one.
  assert.match(tf('stocks', '--date', '2010', '--lang', 'zh').stdout, /#\d+ 2010：普查终身迁移人口。来源：vis2014\/Assignment3\n/);
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
  // In Chinese the tables say what they are and where they come from in the lines the demo
  // imports beside the English ones (--definition-zh, --source-zh); in English as before.
  const listed = (...lang: string[]) => runCli(dir, ['stocks', '-w', d, ...lang]).stdout.trim().split('\n').at(-1);
  assert.equal(listed('--lang', 'zh'), '#6 2000、#6 2010：普查终身迁移人口（出生地 → 现住地），长表抽样数。来源：中国 2000 年与 2010 年人口普查（国家统计局）长表：按现住省份与出生省份分的人口，经 vis2014/Assignment3 转录；2010 年合计已与公布的 1.023 亿人核对，各单元格未核对');
  assert.match(listed('--lang', 'en') ?? '', /^#6 2000, #6 2010: census lifetime migrants \(birthplace -> residence\), long-form sample counts\. Source: China 2000 and 2010 censuses/);
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
  // Regions named in Chinese (issue #12 item 7): Burgenland (AT11) first.
  assert.match(runCli(dir, [...residual, '--lang', 'zh']).stdout, /^警告：\d+ 个地区缺少两次普查的人口，未纳入：布尔根兰州、/m);
});

/** Three English words in a row: a sentence left untranslated (a field name such as stayerAssumption is one token). */
const ENGLISH_RUN = /\b[A-Za-z]{2,}\b \b[a-z]{2,}\b \b[a-z]{2,}\b/;

test('estimate flows-from-stocks --lang zh: heads, definition, source, assumptions, IPF line, table and errors in Chinese; English word for word without it', () => {
  // The demo workspace of the test above.
  const d = join(dir, 'demo.duckdb');
  const est = (...args: string[]) => runCli(dir, ['estimate', 'flows-from-stocks', ...args, '-w', d]);
  const birthplace = ['--method', 'birthplace', '--from', '2000', '--to', '2010'];
  const residual = ['--method', 'census-residual', '--from', '2010', '--to', '2020', '--level', 'province'];

  const zh = est(...birthplace, '--lang', 'zh');
  assert.equal(zh.code, 0, zh.stderr);
  const lines = zh.stdout.split('\n');
  // The definition in the words `measures --lang zh` names these flows by once stored (core/messages/flows-zh.ts).
  assert.equal(lines[0], '2000-2010 年的流动，由两次人口普查出生地表估计（Abel 2013 方法，migest ffs_demo；留居者最大化：接近最少迁移），单位：人；31 个地区，686 个流动');
  // The source names the stock tables' Chinese definition and source line (import stocks --definition-zh, --source-zh).
  assert.match(lines[1], /^来源：普查终身迁移人口（出生地 → 现住地），长表抽样数，2000 年和 2010 年（中国 2000 年与 2010 年人口普查（国家统计局）长表：.*），2000 年：抽样人数，抽样比 0\.095；2010 年：抽样人数，抽样比 0\.1；居住在出生地区的人取自普查人口（指标“population”）$/);
  assert.equal(lines[2], '假设：');
  assert.ok(lines.includes('  - 两张表按各地出生人数调整到两者的中间值（Abel 和 Sander 2014）'), zh.stdout);
  assert.ok(lines.includes('  - 自然增长：各地区出生率和死亡率均为每年每千名居民 12.5 和 6.7（给定范围的中间情形：低 9.5/7.5，高 15/6；工作区没有按地区的出生和死亡数据）'), zh.stdout);
  assert.match(zh.stdout, /^IPF：迭代次数 \d+，已收敛（容差 0\.001），最大边际误差 [\d.e+-]+ 人$/m);
  assert.match(zh.stdout, /^估计净迁出与净迁入最多的地区（人）：\n地区 +迁入 +迁出 +净迁移 +净迁移（自然增长取低值） +净迁移（取高值）$/m);
  assert.match(zh.stdout, /^四川省 +127,841 +7,172,478 +-7,044,637/m);
  assert.match(zh.stdout, /^警告：stayerAssumption 为 true，估计接近最小迁移：净迁入地区几乎不迁出任何人。此处 北京市、天津市、/m);
  // No English sentence is left, but for the stored definition of the tables.
  assert.deepEqual(lines.filter((l) => !l.startsWith('来源：') && ENGLISH_RUN.test(l)), []);

  const rz = est(...residual, '--lang', 'zh');
  assert.equal(rz.code, 0, rz.stderr);
  assert.match(rz.stdout, /^由存量估计的流动，2010-2020：31 个地区，930 个估计流动\n方法：两次普查（10 年）的净迁移 -> 迁出\/迁入总量 -> 引力先验的 IPF\n假设：\n  - 各地区自然增长率均为每年 0\.\d{4}%，取使全国净迁移为零的值/);
  assert.match(rz.stdout, /^  - 流动按引力先验 m_i\^1 m_j\^1 d_ij\^-1\.2 调整到总量（衰减固定的双约束引力模型，衰减取自默认值：幂函数 -1\.2，国内迁移距离弹性的典型值）；不含地区内部迁移$/m);
  assert.match(rz.stdout, /^参数：迁出地规模指数 = 1，迁入地规模指数 = 1，衰减形式 = 幂函数 \(d\^β\)，衰减参数 = -1\.2，衰减来源 = 默认值：/m);
  assert.match(rz.stdout, /^IPF：迭代次数 \d+，已收敛，最大边际误差 [\d.e+-]+$/m);
  assert.match(rz.stdout, /^地区 +迁入 +迁出 +净迁移 +净迁移（自然增长率低 0\.4 个百分点） +高 0\.4 个百分点\n-+ .*\n黑龙江省 /m);
  assert.deepEqual(rz.stdout.split('\n').filter((l) => ENGLISH_RUN.test(l)), []);

  // --json carries every text coded beside its unchanged English.
  type Coded = { code: string; message: string };
  const json = JSON.parse(est(...birthplace, '--json').stdout) as { assumptions: string[]; definition: string; source: string; messages: { assumptions: Coded[]; definition: Coded; source: Coded } };
  assert.deepEqual(json.messages.assumptions.map((a) => a.message), json.assumptions);
  assert.deepEqual([json.messages.definition.message, json.messages.source.message], [json.definition, json.source]);
  assert.deepEqual([json.messages.assumptions[0].code, json.messages.definition.code], ['ffs.assumption.closed', 'stocks.birthplace.definition']);
  const rj = JSON.parse(est(...residual, '--json').stdout) as { method: string; assumptions: string[]; messages: { assumptions: Coded[]; method: Coded } };
  assert.deepEqual([rj.messages.assumptions.map((a) => a.message), rj.messages.method.message], [rj.assumptions, rj.method]);

  // English as it has always been printed.
  const en = est(...birthplace).stdout.split('\n');
  assert.equal(en[0], 'flows 2000-2010 estimated from two census birthplace tables (Abel 2013, migest ffs_demo, stayers maximised: close to minimum migration), in persons: 31 regions, 686 flows');
  assert.match(en[1], /^Source: census lifetime migrants \(birthplace -> residence\), long-form sample counts 2000 and 2010 \(China 2000 and 2010 censuses \(NBS\), .*\), 2000: sample counts at rate 0\.095 and 2010: sample counts at rate 0\.1; census populations \(indicator "population"\) for the people living in their region of birth$/);
  assert.equal(en[2], 'Assumptions:');
  assert.equal(en[3], '  - stocks are by place of birth (rows) and place of residence (columns) at the start and at the end of the period; the system is closed apart from births and deaths');
  assert.ok(en.includes('  - sample counts divided by their sampling rate (2000: 0.095; 2010: 0.1)'));
  assert.ok(en.some((l) => /^IPF: \d+ iterations, converged at tolerance 0\.001, largest margin error [\d.e+-]+ persons$/.test(l)));
  assert.ok(en.includes('Largest estimated net losses and gains (persons):'));
  assert.match(en.find((l) => l.startsWith('region'))!, /^region +in +out +net +net, low natural change +net, high$/);
  // Regions by name, each in its own language, as measures and rank print them (issue #12).
  assert.ok(en.some((l) => /^四川省 +127,841/.test(l)));
  assert.match(est(...birthplace).stdout, /^warning: stayerAssumption is true, .* Here 北京市, 天津市, /m);
  assert.match(est(...birthplace, '--lang', 'en').stdout, /^Sichuan +127,841.*\n[^]*Here Beijing, Tianjin, /m);
  const ren = est(...residual).stdout;
  assert.match(ren, /^Flows from stocks, 2010-2020: 31 regions, 930 estimated flows\nMethod: net migration from two censuses \(10 years\) -> out\/in totals -> IPF of a gravity prior\nAssumptions:\n/);
  assert.match(ren, /^Parameters: originExponent = 1, destinationExponent = 1, decayForm = power, decayParameter = -1\.2, decaySource = default: power -1\.2, a typical distance elasticity of internal migration, years = 10, /m);
  assert.match(ren, /^IPF: \d+ iterations, converged, largest margin error [\d.e+-]+\nLargest estimated net losses and gains:\nregion +in +out +net +net, natural change -0\.4 pt +\+0\.4 pt$/m);
  assert.match(ren, /^warning: 26 regions without both populations were left out: Burgenland, Niederösterreich, /m);

  // Refusals: Chinese under --lang zh, the same English without it.
  const refused: [string[], RegExp, RegExp][] = [
    [['--method', 'gravity', '--from', '2000', '--to', '2010'], /^错误：method：可选值：birthplace、stock-differencing、census-residual$/m, /^error: method: Invalid option: expected one of "birthplace"\|"stock-differencing"\|"census-residual"$/m],
    [['--method', 'birthplace', '--from', '2010', '--to', '2020'], /^错误：方法 birthplace 需要 2010 年和 2020 年的存量表；2020 年没有（工作区有 2000、2010 年的存量表）$/m,
      /^error: method birthplace needs a stock table for 2010 and for 2020; there is none for 2020 \(the workspace holds stock tables of 2000, 2010\)$/m],
    [['--from', '2000', '--to', '2010', '--level', 'city'], /^错误：method：--level 只适用于 census-residual 方法，不适用于 birthplace（工作区有 2000 年和 2010 年的普查存量表）$/m,
      /^error: method: --level applies only to the census-residual method, not to birthplace \(the workspace holds census stock tables for both 2000 and 2010\)$/m],
    [['--from', '2010', '--to', '2000'], /^错误：to：应晚于 from（2010）$/m, /^error: to: 2000 must be after from \(2010\)$/m],
    [['--from', '2000', '--to', '2010', '--natural', 'data'], /^错误：由数据取自然增长需要每个地区 2000–2009 年的 birth_rate 和 death_rate（或 natural_growth_rate）/m,
      /^error: natural change from data needs birth_rate and death_rate \(or natural_growth_rate\) for every region in 2000-2009: import them as indicators, or give rates$/m],
    [['--from', '2000', '--to', '2010', '--natural', '5'], /^错误：--natural "5"：应为每年每千人的 出生:死亡/m, /^error: --natural "5": give BIRTHS:DEATHS per 1,000 a year \(e\.g\. 12\.5:6\.7\), none, range or data$/m],
    [['--method', 'census-residual', '--from', '1990', '--to', '2000', '--level', 'province'], /^错误：两次普查 1990 年和 2000 年都有人口的省级地区不足两个$/m,
      /^error: fewer than two province regions have a population for both 1990 and 2000$/m],
  ];
  for (const [args, chinese, english] of refused) {
    const z = est(...args, '--lang', 'zh');
    assert.equal(z.code, 1, args.join(' '));
    assert.match(z.stderr, chinese);
    const e = est(...args);
    assert.equal(e.code, 1, args.join(' '));
    assert.match(e.stderr, english);
  }
});

test('estimate --save keeps its warnings with the flows: measures and a gravity fit of them say what the estimate warned, coded, in English and Chinese (issue #12)', () => {
  // A copy of the demo workspace of the tests above, so they keep theirs without stored 2010-2020 flows.
  const d = join(dir, 'warned.duckdb');
  copyFileSync(join(dir, 'demo.duckdb'), d);
  const saved = runCli(dir, ['estimate', 'flows-from-stocks', '--method', 'census-residual', '--from', '2010', '--to', '2020', '--level', 'province', '--save', '-w', d, '--json']);
  assert.equal(saved.code, 0, saved.stderr);
  const [skipped] = (JSON.parse(saved.stdout) as { warnings: string[] }).warnings;
  assert.match(skipped, /^26 regions without both populations were left out: AT11, AT12, /);
  type Coded = { code: string; params: { warnings: { code: string }[] }; message: string };
  const measure = ['measures', 'net', '--level', 'province', '--within', 'CN', '--period', '2010-2020', '--limit', '2', '-w', d];
  const json = JSON.parse(runCli(dir, [...measure, '--json']).stdout) as { warnings: string[]; messages: { warnings: Coded[] } };
  const warned = json.messages.warnings.filter((w) => w.code === 'stocks.estimateWarned');
  assert.deepEqual(warned.map((w) => [w.params.warnings.map((x) => x.code), w.message]), [[['stocks.regionsSkipped'], `the estimate these flows come from warned: ${skipped}`]]);
  assert.deepEqual(json.messages.warnings.map((w) => w.message), json.warnings);
  assert.match(runCli(dir, measure).stderr, /^warning: the estimate these flows come from warned: 26 regions without both populations were left out: Burgenland, Niederösterreich, /m);
  assert.match(runCli(dir, [...measure, '--lang', 'zh']).stderr, /^警告：这些流动所依据的估计曾给出警告：26 个地区缺少两次普查的人口，未纳入：布尔根兰州、/m);
  // A gravity fit's note that its flows are estimates is followed by what the estimate warned.
  const fit = ['fit', 'gravity', '--period', '2010-2020', '--within', 'CN', '--level', 'province', '--constraint', 'production', '--destination-vars', 'population', '-w', d];
  const f = runCli(dir, [...fit, '--json']);
  assert.equal(f.code, 0, f.stderr);
  const notes = (JSON.parse(f.stdout) as { notes: string[]; messages: { notes: { code: string; message: string }[] } }).messages.notes;
  const at = notes.findIndex((n) => n.code === 'measure.assumption.estimatedRows');
  assert.ok(at >= 0, JSON.stringify(notes));
  // Before it, what the flows are: this workspace's estimate (China's and Austria's stocks are in it; the fit reads China's).
  assert.equal(notes[at - 1].code, 'fit.dataFlows');
  assert.match(notes[at - 1].message, /^data: flows 2010-2020 estimated from census population change alone/);
  assert.deepEqual([notes[at + 1].code, notes[at + 1].message], ['stocks.estimateWarned', `the estimate these flows come from warned: ${skipped}`]);
  assert.match(runCli(dir, fit).stdout, /the estimate these flows come from warned: 26 regions without both populations were left out: AT11, /);
  assert.match(runCli(dir, [...fit, '--lang', 'zh']).stdout, /这些流动所依据的估计曾给出警告：26 个地区缺少两次普查的人口，未纳入：/);
});
