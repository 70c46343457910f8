import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoSuite, runCli } from '../helpers/cli.ts';
import { CHINA } from '../helpers/workspace.ts';
import { demoWorkspaceAt } from '../helpers/demo-workspace.ts';

// `talentflow measures` end to end on the demo workspace, built once for this file.
const demo = demoSuite('talentflow-measures-');

function tf(...args: string[]) {
  return runCli(demo.dir, args);
}
interface Result { source: string; definition: string; kind: string; method: string; assumptions: string[]; rows: ({ code: string; name: string | null } & Record<string, number | string | null>)[]; system?: Record<string, number> }
const run = (...args: string[]): Result => {
  const r = tf('measures', ...args, '-w', demo.workspace, '--json');
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as Result;
};
const byCode = (res: Result) => new Map(res.rows.map((r) => [r.code, r]));

test('acceptance: net --level province --within CN --period 2000-2010 returns every province with code and net from the birthplace-table flows', () => {
  const res = run('net', '--level', 'province', '--within', 'CN', '--period', '2000-2010');
  assert.equal(res.rows.length, 31);
  for (const r of res.rows) {
    assert.equal(typeof r.code, 'string');
    assert.equal(typeof r.net, 'number', `${r.code} net is a number`);
  }
  // The demo's China flows 2000-2010 are estimated from the two census birthplace tables: the
  // measure says so, and its nets equal the estimate's own.
  assert.equal(res.source, 'flows');
  assert.equal(res.kind, 'estimated');
  assert.match(res.definition, /^net migration \(in-flows minus out-flows\) of flows 2000-2010 estimated from two census birthplace tables \(Abel 2013, migest ffs_demo, stayers maximised: close to minimum migration\), in persons$/);
  assert.match(res.assumptions.join(' '), /model estimates/);
  const est = JSON.parse(tf('estimate', 'flows-from-stocks', '--method', 'stock-differencing', '--from', '2000', '--to', '2010', '-w', demo.workspace, '--json').stdout) as { net: Record<string, number>; definition: string };
  for (const code of ['210000', '220000', '230000', '440000']) {
    const net = byCode(res).get(code)?.net as number;
    assert.ok(Math.abs(net - est.net[code]) < 1e-6 * Math.abs(net), code);
  }
  assert.ok((byCode(res).get('210000')?.net as number) < 0, 'Liaoning lost people to migration 2000-2010');
});

test('a measure names the sources of the flows it read, not every flow of the workspace: the Northeast without a period is estimated, Korea over all its years observed', () => {
  // Without --period the workspace's flows span China's estimates, Korea, Austria and New York;
  // the Northeast's rows are China's estimates only.
  const ne = run('retention', '--within', 'northeast', '--level', 'province');
  assert.equal(ne.kind, 'estimated');
  assert.doesNotMatch(ne.definition, /KOSIS|Austria|Census Bureau|observed/);
  assert.match(ne.definition, /^retention of flows 2000-2010 estimated from two census birthplace tables .*; flows 2010-2020 estimated from census population change alone/);
  const kr = run('net', '--within', 'KR');
  assert.equal(kr.kind, 'observed');
  assert.equal(kr.definition, 'net migration (in-flows minus out-flows) of observed flows (Statistics Korea, KOSIS, Internal Migration Statistics (DT_1B26003_A01))');
  // `change` names each period's own.
  const ch = run('change', '--within', 'KR', '--from', '2012', '--to', '2019');
  assert.equal(ch.kind, 'observed');
  assert.doesNotMatch(ch.definition, /estimated/);
});

test('without stored flows, net falls back to the censuses (natural change ignored, said so)', async () => {
  const w2 = join(demo.dir, 'census-only.duckdb');
  await demoWorkspaceAt(w2, { noEstimate: true, noCohort: true });
  const r = tf('measures', 'net', '--group', 'northeast', '--level', 'city', '--period', '2010-2020', '-w', w2, '--json');
  const res = JSON.parse(r.stdout) as Result;
  assert.equal(res.source, 'census');
  assert.equal(res.rows.length, 36);
  assert.match(res.assumptions.join(' '), /natural change ignored/);
  assert.equal(byCode(res).get('220700')?.net, 2252994 - 2880086);
  // Population change is never called net migration.
  assert.match(res.definition, /^population change between the censuses 2010 and 2020 .*not net migration/);
  assert.equal(res.kind, 'estimated');
});

test('census-net --losing lists the cities that lost people 2010-2020 in one command (Songyuan, Suihua among them)', () => {
  const res = run('census-net', '--from', '2010', '--to', '2020', '--level', 'city', '--natural-rate', '0', '--losing');
  const codes = res.rows.map((r) => r.code);
  assert.ok(codes.includes('220700') && codes.includes('231200'));
  assert.ok(res.rows.every((r) => (r.net as number) < 0));
  assert.equal(byCode(res).get('231200')?.net, 3756167 - 5418153);
  // A natural-increase rate enters as P2010 ((1 + r)^10 - 1).
  const r = run('census-net', '--from', '2010', '--to', '2020', '--region', '220700', '--natural-rate', '-0.002');
  const natural = 2880086 * (Math.pow(0.998, 10) - 1);
  assert.ok(Math.abs((r.rows[0].net as number) - (2252994 - 2880086 - natural)) < 1e-6);
  const missing = tf('measures', 'census-net', '--from', '2010', '--to', '2020', '--level', 'city', '-w', demo.workspace);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /natural-rate/);
});

test('census-net --natural-indicator takes an indicator named in Chinese with its unit (自然增长（人）): natural change per region from it', () => {
  // A copy, so the indicator added here changes no other test's workspace.
  const w = join(demo.dir, 'natural-indicator.duckdb');
  copyFileSync(demo.workspace, w);
  const file = join(demo.dir, 'natural.csv');
  writeFileSync(file, 'region,period,indicator,value\n松原市,2010-2020,自然增长（人）,-50000\n');
  const imp = tf('import', 'indicators', file, '-w', w);
  assert.equal(imp.code, 0, imp.stderr);
  const r = tf('measures', 'census-net', '--from', '2010', '--to', '2020', '--region', '220700', '--natural-indicator', '自然增长（人）', '-w', w, '--json');
  assert.equal(r.code, 0, r.stderr);
  const res = JSON.parse(r.stdout) as Result;
  assert.equal(res.rows[0].net, 2252994 - 2880086 - -50000);
  assert.match(res.assumptions.join(' '), /indicator "自然增长（人）"/);
});

test('Korea 2019 (KOSIS): net Seoul -49,588, Gyeonggi-do +134,666, Busan -23,354, Sejong +23,724; nets sum to zero', () => {
  const res = run('net', '--period', '2019', '--within', 'KR');
  const net = byCode(res);
  assert.equal(res.source, 'flows');
  assert.equal(res.kind, 'observed');
  // The flows named by the source given at import (the demo's KOSIS line), not the file.
  assert.equal(res.definition, 'net migration (in-flows minus out-flows) of observed flows 2019 (Statistics Korea, KOSIS, Internal Migration Statistics (DT_1B26003_A01))');
  assert.equal(net.get('KR11')?.net, -49588);
  assert.equal(net.get('KR41')?.net, 134666);
  assert.equal(net.get('KR26')?.net, -23354);
  assert.equal(net.get('KR36')?.net, 23724);
  assert.equal(res.rows.length, 17);
  assert.equal(res.rows.reduce((s, r) => s + (r.net as number), 0), 0);
});

test('identities: summed in-flows = corridor total; rolled up to the country, all moves are internal and net is 0', () => {
  const summary = run('summary', '--period', '2019', '--within', 'KR');
  const corridors = run('corridors', '--period', '2019', '--origin', 'KR', '--top', '3');
  const inflow = summary.rows.reduce((s, r) => s + (r.inflow as number), 0);
  const outflow = summary.rows.reduce((s, r) => s + (r.outflow as number), 0);
  assert.equal(inflow, corridors.system?.total);
  assert.equal(outflow, inflow);
  const intra = summary.rows.reduce((s, r) => s + (r.intra as number), 0);
  const country = run('summary', '--period', '2019', '--within', 'KR', '--level', 'country');
  assert.deepEqual(country.rows.map((r) => [r.code, r.net, r.inflow]), [['KR', 0, 0]]);
  assert.equal(country.rows[0].intra, inflow + intra, 'rolled-up flow = sum of its parts');
  // Rates: Seoul's net rate per 1,000 residents of 2019 (population 9,729,107).
  const seoul = byCode(summary).get('KR11');
  assert.ok(Math.abs((seoul?.netRate as number) - (-49588 / 9729107) * 1000) < 1e-9);
  assert.ok(Math.abs((seoul?.efficiency as number) - -49588 / (seoul?.gross as number)) < 1e-12);
});

test('other measures run on Korea: retention, concentration, intensity (ANMR = CMI x MEI / 100), change', () => {
  const retention = run('retention', '--period', '2019', '--within', 'KR');
  for (const r of retention.rows) assert.ok((r.retention as number) > 0 && (r.retention as number) < 1);
  const conc = run('concentration', '--period', '2019', '--within', 'KR');
  assert.equal(conc.rows.length, 17);
  const ix = run('intensity', '--period', '2019', '--within', 'KR').system as Record<string, number>;
  assert.ok(Math.abs(ix.anmr - (ix.cmi * ix.mei) / 100) < 1e-12);
  const ch = run('change', '--from', '2015', '--to', '2019', '--region', 'Seoul');
  assert.equal(ch.rows[0].after, -49588);
  const bad = tf('measures', 'change', '--region', 'Seoul', '-w', demo.workspace);
  assert.equal(bad.code, 1);
});

test('stored flows take precedence over the census fallback and the source says so', () => {
  const w = join(demo.dir, 'flows.duckdb');
  for (const [kind, file] of [['regions', 'regions.csv'], ['groups', 'groups.json'], ['indicators', 'indicators.csv']]) {
    const r = tf('import', kind, join(CHINA, file), '-w', w);
    assert.equal(r.code, 0, r.stderr);
  }
  const flows = join(demo.dir, 'ne-flows.csv');
  writeFileSync(flows, 'origin,destination,period,count\n220700,210100,2010-2020,1000\n210100,110100,2010-2020,400\n');
  assert.equal(tf('import', 'flows', flows, '-w', w).code, 0);
  const r = tf('measures', 'net', '--group', 'northeast', '--level', 'city', '--period', '2010-2020', '-w', w, '--json');
  const res = JSON.parse(r.stdout) as Result;
  assert.equal(res.source, 'flows');
  assert.equal(res.rows.length, 36);
  assert.deepEqual([byCode(res).get('220700')?.net, byCode(res).get('210100')?.net, byCode(res).get('210200')?.net], [-1000, 600, 0]);
});

test('--lang zh says every line in Chinese: the measure, its kind and definition (estimated flows by their Chinese), method, assumptions, heads, system lines and warnings; English as before', () => {
  const zh = (...args: string[]) => {
    const r = tf('measures', ...args, '--level', 'province', '--within', 'CN', '--period', '2000-2010', '--limit', '3', '-w', demo.workspace, '--lang', 'zh');
    assert.equal(r.code, 0, r.stderr);
    return { out: r.stdout, err: r.stderr };
  };
  const net = zh('net').out;
  assert.match(net, /^净迁移（估计）：净迁移（迁入减迁出），基于2000-2010 年的流动，由两次人口普查出生地表估计（Abel 2013 方法，migest ffs_demo；留居者最大化：接近最少迁移），单位：人\n/);
  assert.match(net, /\n方法：净迁移 = 迁入 - 迁出，基于存储的流动（估计的流动）\n/);
  assert.match(net, /\n假设：全部流动是模型估计值（由 `talentflow estimate` 存储），不是观测到的迁移\n/);
  assert.match(net, /\n代码 +名称 +净迁移\n/);
  assert.match(net, /…… 另有 28 个地区/);
  const retention = zh('retention');
  assert.match(retention.out, /\n代码 +名称 +留居者 +队列 +留存率\n/);
  // The cohort is persons from estimated flows: whole persons in the table (issue #12 item 5).
  assert.match(retention.out, /\n110000 +北京市 +0 +38,764 +0\.000\n/);
  assert.match(retention.out, /\n总体：0\n/);
  assert.match(retention.err, /^警告：表中没有迁出地 = 迁入地的行/);
  const corridors = zh('corridors').out;
  assert.match(corridors, /^迁移通道（估计）：/);
  assert.match(corridors, /\n代码 +人数 +占比 +累计占比 +迁出地 +迁入地\n/);
  assert.match(corridors, /\n合计：44,577,587\n/);
  assert.doesNotMatch(`${net}${retention.out}${retention.err}${corridors}`, /method:|assumption:|warning:|overall:|total:|estimated|persons/);
  // English word for word as before.
  const en = tf('measures', 'retention', '--level', 'province', '--within', 'CN', '--period', '2000-2010', '--limit', '3', '-w', demo.workspace);
  assert.match(en.stdout, /^retention \(estimated\): retention of flows 2000-2010 estimated from two census birthplace tables \(Abel 2013, migest ffs_demo, stayers maximised: close to minimum migration\), in persons\nmethod: retention = stayers \(origin = destination\) \/ cohort \(stayers \+ out-flow\) \(estimated flows\)\nassumption: all flow rows are model estimates \(stored by `talentflow estimate`\), not observed moves\ncode +name +stayers +cohort +retention\n/);
  assert.match(en.stdout, /\n110000 +北京市 +0 +38,764 +0\.000\n/);
  assert.match(en.stdout, /\noverall: 0\n/);
  // Every other person count whole too: a region's total out (concentration), the moves of the system (intensity).
  const persons = (m: string) => tf('measures', m, '--level', 'province', '--within', 'CN', '--period', '2000-2010', '--limit', '3', '-w', demo.workspace).stdout;
  assert.match(persons('concentration'), /\n110000 +北京市 +38,764 +11 +0\.998/);
  assert.match(persons('intensity'), /\nmoves: 44,577,587\npopulation: 1,262,280,000\ncmi: 3\.5315\n/);
  assert.doesNotMatch(`${retention.out}${en.stdout}${persons('concentration')}`, /\d\.\d\d(?!\d)/);
  assert.match(en.stderr, /^warning: the table has no origin = destination rows/);
});

test('the demo\'s estimated flows carry what their estimate warned: measures say it last, coded, in English and Chinese; observed flows say nothing more (issue #12)', () => {
  type Coded = { code: string; params: { warnings: { code: string }[] }; message: string };
  const measure = (period: string, level: string, ...more: string[]) => tf('measures', 'net', '--level', level, '--within', 'CN', '--period', period, '--limit', '2', '-w', demo.workspace, ...more);
  const json = JSON.parse(measure('2000-2010', 'province', '--json').stdout) as { warnings: string[]; messages: { warnings: Coded[] } };
  const warned = json.messages.warnings.at(-1)!;
  assert.equal(warned.code, 'stocks.estimateWarned');
  // The birthplace estimate's own warnings (estimate flows-from-stocks prints them): the missing diagonals, minimum migration.
  assert.deepEqual(warned.params.warnings.map((w) => w.code), ['stocks.diagonalFromPopulation', 'stocks.diagonalFromPopulation', 'stocks.minimumMigration']);
  assert.equal(json.warnings.at(-1), warned.message);
  assert.match(warned.message, /^the estimate these flows come from warned: 2000: people living in their region of birth taken as census population minus residents born elsewhere \(the table does not hold them\); 2010: .*; stayerAssumption is true, so the estimate is close to minimum migration/);
  const en = measure('2000-2010', 'province');
  assert.match(en.stderr, /^warning: the estimate these flows come from warned: 2000: people living/m);
  const zh = measure('2000-2010', 'province', '--lang', 'zh');
  assert.match(zh.stderr, /^警告：这些流动所依据的估计曾给出警告：2000：居住在出生地区的人取普查人口减去在其他地区出生的居民（表中没有这些人）；2010：.*；stayerAssumption 为 true，估计接近最小迁移：.*此处 北京市、/m);
  assert.doesNotMatch(zh.stderr, /warned|warning/);
  // The city flows 2010-2020, estimated from the censuses' populations alone, say their estimate's warning too: the cities without both populations (Sansha, Xinjiang's corps cities).
  const city = JSON.parse(measure('2010-2020', 'city', '--json').stdout) as { messages: { warnings: Coded[] } };
  assert.deepEqual(city.messages.warnings.filter((w) => w.code === 'stocks.estimateWarned').map((w) => w.params.warnings.map((x) => x.code)), [['stocks.regionsSkipped']]);
  assert.match(measure('2010-2020', 'city', '--lang', 'zh').stderr, /^警告：这些流动所依据的估计曾给出警告：11 个地区缺少两次普查的人口，未纳入：三沙市、石河子市、/m);
  // Observed flows (Korea 2019, KOSIS): no such warning.
  const kr = tf('measures', 'net', '--within', 'KR', '--period', '2019', '-w', demo.workspace);
  assert.equal(kr.code, 0, kr.stderr);
  assert.doesNotMatch(kr.stderr, /the estimate these flows come from/);
});

test('--lang zh: census net migration\'s method and assumptions in Chinese', () => {
  const r = tf('measures', 'census-net', '--from', '2010', '--to', '2020', '--level', 'province', '--natural-rate', '-0.001', '--limit', '2', '-w', demo.workspace, '--lang', 'zh');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^人口普查净迁移（估计）：2010–2020 年人口普查余量法净迁移/);
  assert.match(r.stdout, /\n方法：2010–2020 年人口普查净迁移：2020 年人口 - 2010 年人口 - 自然增长（余量法，联合国手册 VI）\n/);
  assert.match(r.stdout, /\n假设：自然增长 = 2010 年人口 ×（\(1 \+ -0\.001\)\^10 - 1），各地区采用相同的年增长率\n/);
  assert.match(r.stdout, /\n代码 +名称 +期初人口 +期末人口 +人口变化 +自然增长 +净迁移 +净迁移率（‰）\n/);
  // Refusals in Chinese too (coded: measure.*), English word for word.
  const refused = (...args: string[]) => tf('measures', ...args, '-w', demo.workspace).stderr;
  assert.match(refused('happiness', '--lang', 'zh'), /^错误：measure：没有度量“happiness”；可用：summary、in、out、net/);
  assert.match(refused('happiness'), /^error: measure: unknown measure "happiness"; one of summary, in, out, net/);
  assert.match(refused('census-net', '--from', '2010', '--to', '2020', '--lang', 'zh'), /^错误：natural-rate：人口普查净迁移需要自然增长：--natural-rate R/);
  assert.match(refused('net', '--losing', '--gaining', '--lang', 'zh'), /^错误：losing：--losing 和 --gaining 只能给出一个/);
  assert.match(refused('change', '--from', '2015', '--to', '2019', '--of', 'corridors'), /^error: of: change compares a per-region flow measure \(net, in, out, gross, efficiency, rates\), got "corridors"/);
});
