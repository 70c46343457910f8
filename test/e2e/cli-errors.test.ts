import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import stringWidth from 'string-width';
import { BIN, demoSuite, runCli } from '../helpers/cli.ts';
import { REPO } from '../helpers/workspace.ts';
import { assertChinese } from '../helpers/chinese.ts';

// Issue 12 items 2 and 8: a misspelt value is a user error (exit 1) that lists the valid ones, an
// empty result says what exists, a locked workspace exits 1, names print in the region's own
// language, tables fit the terminal, and a yearbook table of indicators imports as the analyst has it.
const demo = demoSuite('talentflow-cli-errors-');
const tf = (...args: string[]) => runCli(demo.dir, [...args, '-w', demo.workspace]);

function userError(r: { code: number; stderr: string }, pattern: RegExp, what: string): void {
  assert.equal(r.code, 1, `${what}: exit 1, got ${r.code}: ${r.stderr}`);
  assert.doesNotMatch(r.stderr, /internal error|\n\s+at /, `${what}: no internal error or stack trace`);
  assert.match(r.stderr, pattern, what);
}

test('a misspelt level is a user error suggesting the level and listing those of the workspace, in every command that takes one', () => {
  const levels = /unknown level "provinec"; did you mean "province"\? Levels (and groups )?in this workspace: country, province, .*city/;
  for (const args of [
    ['flows', '--level', 'provinec'], ['measures', 'net', '--level', 'provinec'], ['regions', '--level', 'provinec'],
    ['indicators', 'population', '--level', 'provinec'], ['rank', '--example', 'china-cities', '--level', 'provinec'],
    ['export', 'flows', join(demo.dir, 'x.csv'), '--level', 'provinec'],
    ['estimate', 'flows-from-stocks', '--method', 'census-residual', '--from', '2010', '--to', '2020', '--level', 'provinec'],
  ]) userError(tf(...args), levels, args.join(' '));
  userError(tf('flows', '--level', 'provnce'), /did you mean "province"\?/, 'flows --level provnce no longer returns 0 flows');
  userError(tf('measures', 'net', '--level', 'northeest', '--period', '2019'), /did you mean "northeast"\? Levels and groups in this workspace: .*northeast/, 'measures: a group as level');
  // A level that exists, but not inside the selection: the levels that are there.
  userError(tf('measures', 'net', '--period', '2019', '--within', 'KR', '--level', 'city'), /no regions of level city inside KR; levels inside KR: country, province/, 'empty selection');
  assert.equal(tf('regions', '--level', 'Province', '--within', 'KR', '--json').code, 0, 'letter case of a level does not matter');
});

test('a period or census date without data lists those that exist; an empty result says what the workspace holds', () => {
  userError(tf('flows', '--period', '2099'), /unknown period "2099"\. Periods with flows in this workspace: 2000-2010, .*2019, 2020/, 'flows --period 2099');
  userError(tf('indicators', 'population', '--period', '2099'), /unknown period "2099"\. Periods with indicators in this workspace: 2000, .*2020/, 'indicators --period 2099');
  userError(tf('stocks', '--date', '2099'), /unknown census date "2099"\. Census dates of stock tables in this workspace: 2000, 2010/, 'stocks --date 2099');
  userError(tf('indicators', 'populaton'), /unknown indicator "populaton"; did you mean "population"\?/, 'indicator name');
  const empty = tf('flows', '--origin', 'Seoul', '--destination', '沈阳', '--period', '2019');
  assert.equal(empty.code, 0, empty.stderr);
  assert.match(empty.stdout, /0 flows\nnote: no flows match these filters; the workspace has flows for periods 2000-2010, .*2019, 2020\n/);
});

test('every enumerated option refuses a misspelt value with exit 1 and the valid values', () => {
  const cases: [string[], RegExp][] = [
    // The measure names are listed (in the words of the measures command's own check).
    [['measures', 'nett', '--period', '2019'], /unknown measure "nett"; one of summary, in, out, net|expected one of "summary"\|"in"\|"out"\|"net"/],
    [['measures', 'change', '--of', 'nett', '--from', '2015', '--to', '2020', '--within', 'KR'], /got "nett"|expected one of "summary"\|"in"\|"out"\|"net"/],
    [['rank', '--example', 'china-citys'], /Allowed choices are china-cities/],
    [['rank', '--example', 'china-cities', '--weighting', 'entrop'], /unknown weighting "entrop" \(equal, entropy, pca or user\)/],
    [['rank', '--example', 'china-cities', '--normalisation', 'minmx'], /unknown normalisation "minmx" \(minmax, zscore or rank\)/],
    [['rank', '--example', 'china-cities', '--missing', 'drop'], /Allowed choices are exclude, impute-mean/],
    [['models', 'korea-2091'], /no model named "korea-2091" \(saved: .*korea-2019/],
    [['export', 'flowz', join(demo.dir, 'y.csv')], /Allowed choices are regions, flows, indicators, persons/],
    [['export', 'flows', join(demo.dir, 'y.csv'), '--format', 'parq'], /Allowed choices are csv, parquet, json, jsonl/],
    [['flows', '--lang', 'fr'], /Allowed choices are en, zh/],
    [['flows', '--origin', 'Seul'], /unknown origin "Seul"; closest: 首尔 \/ Seoul/],
    [['scenario', 'list', 'nosuch-scenario'], /unknown scenario "nosuch-scenario"\. (Scenarios with stored runs in this workspace: |There are no scenarios with stored runs)/],
    [['report', 'graduates', '--university', 'NEU', '--year', '2099'], /unknown graduation year "2099"\. Graduation years of Northeastern University: 20\d\d/],
    [['report', 'graduates', '--degree', 'bachelr'], /unknown degree "bachelr"; did you mean "bachelor"\? Degrees of the 2016 graduates: .*bachelor/],
    [['report', 'graduates', '--major', 'alchemy'], /unknown major "alchemy"\. \d+ majors of the 2016 graduates/],
    [['estimate', 'flows-from-stocks', '--method', 'census-residual', '--from', '2010', '--to', '2020', '--decay', 'linear:1'], /--decay "linear:1": give power:-1\.2 or exponential:-0\.002/],
    // A single-valued option given twice, in any command (commander kept the last one silently).
    [['measures', 'net', '--level', 'province', '--level', 'city', '--period', '2019'], /--level was given twice \(first "province"\); give it once$/m],
    [['rank', '--example', 'china-cities', '--top', '5', '--top', '9'], /--top was given twice \(first "5"\); give it once$/m],
    [['flows', '-w', demo.workspace, '--period', '2019'], /--workspace was given twice/],
  ];
  for (const [args, pattern] of cases) userError(tf(...args), pattern, args.join(' '));
});

test("--lang zh: commander's own refusals and the options' parsers speak Chinese, flags and values as typed; English as before without it (issue #12)", () => {
  const cases: [string[], string, RegExp][] = [
    [['measures', 'net', '--frobnicate'], '错误：未知选项“--frobnicate”', /^error: unknown option '--frobnicate'$/m],
    [['measures', 'net', '--limt', '3'], '错误：未知选项“--limt”\n（是否想用 --limit？）', /^error: unknown option '--limt'\n\(Did you mean --limit\?\)$/m],
    [['measures'], '错误：缺少必需的参数“measure”', /^error: missing required argument 'measure'$/m],
    [['regions', 'a', 'b', 'c'], '错误：参数过多（命令“regions”）：应为 1 个，实际为 3 个。', /^error: too many arguments for 'regions'\. Expected 1 argument but got 3\.$/m],
    [['rank', '--example', 'china-citys'], '错误：选项“--example <name>”的取值“china-citys”无效。可选值：', /^error: option '--example <name>' argument 'china-citys' is invalid\. Allowed choices are /m],
    [['rank', '--example', 'china-cities', '--top', 'abc'], '错误：选项“--top <n>”的取值“abc”无效。“abc”不是非负整数', /^error: option '--top <n>' argument 'abc' is invalid\. "abc" is not a whole number$/m],
    [['fit', 'gravity', '--period', '2019', '--ssc', 'adj=yes'], '--ssc adj=yes：应为 TRUE 或 FALSE', /--ssc adj=yes: expected TRUE or FALSE$/m],
    [['fit', 'gravity', '--period', '2019', '--constraint', 'doubly', '--constraint', 'production'], '--constraint 给出了两次（第一次为“doubly”）；只能给出一次', /--constraint was given twice \(first "doubly"\); give it once$/m],
    [['scenario', 'run', 'examples/korea-regional-income.json', '--amount', '-5'], '“-5”不是大于等于 0 的金额', /"-5" is not an amount >= 0$/m],
    [['mesures', 'net'], '错误：未知命令“mesures”\n（是否想用 measures？）', /^error: unknown command 'mesures'\n\(Did you mean measures\?\)$/m],
    // A choice model without terms names the flags that give them, not the API's field names.
    [['fit', 'choice'], '错误：模型没有任何项：请给出 --alternative-vars、--person-vars 或 --interactions', /^error: the model has no term: give --alternative-vars, --person-vars or --interactions$/m],
  ];
  for (const [args, chinese, english] of cases) {
    const zh = tf(...args, '--lang', 'zh');
    userError(zh, /^错误：/, `${args.join(' ')} --lang zh`);
    assert.ok(zh.stderr.includes(chinese), `${args.join(' ')} --lang zh: ${zh.stderr}`);
    // Every line in Chinese but the flags, values and names as typed.
    assertChinese(zh.stderr.trim().split('\n').map((l) => l.replace(/--[a-z-]+( <[a-z]+>)?|[“"][^”"]*[”"]|[a-z][\w.-]*=\w+|\b(TRUE|FALSE)\b/g, '')), args.join(' '));
    userError(tf(...args), english, args.join(' '));
  }
});

test('a workspace held by another process is a user error (exit 1) that says what to do', async () => {
  // A second process holding the file, as `talentflow serve` does.
  const holder = spawn(process.execPath, ['--input-type=module', '-e', `
    import { DuckDBInstance } from '@duckdb/node-api';
    const db = await DuckDBInstance.create(${JSON.stringify(demo.workspace)});
    await db.connect();
    console.log('holding');
    setInterval(() => {}, 1000);`], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on('data', (d: Buffer) => { if (String(d).includes('holding')) resolve(); });
      holder.on('exit', (c) => reject(new Error(`holder exited ${c}`)));
    });
    const r = tf('regions');
    userError(r, new RegExp(`workspace .*demo\\.duckdb is in use by another process \\(PID ${holder.pid}, .*\\), e\\.g\\. a running talentflow server: stop it, or work on a copy`), 'locked workspace');
    const j = runCli(demo.dir, ['regions', '-w', demo.workspace, '--json']);
    assert.equal(JSON.parse(j.stdout).error.code, 'CONFLICT');
  } finally {
    holder.kill();
    await new Promise((resolve) => holder.once('exit', resolve));
  }
});

test('Korean regions print in Korean, Chinese ones in Chinese; --lang en|zh chooses', () => {
  const own = tf('flows', '--origin', 'Seoul', '--period', '2020', '--no-intra', '--limit', '1');
  assert.equal(own.code, 0, own.stderr);
  assert.match(own.stdout, /KR11\s+서울특별시\s+KR41\s+경기도\s+2020\s+375,867/);
  assert.doesNotMatch(own.stdout, /首尔/);
  assert.match(tf('flows', '--origin', 'Seoul', '--period', '2020', '--no-intra', '--limit', '1', '--lang', 'en').stdout, /KR11\s+Seoul\s+KR41\s+Gyeonggi-do/);
  assert.match(tf('flows', '--origin', 'Seoul', '--period', '2020', '--no-intra', '--limit', '1', '--lang', 'zh').stdout, /KR11\s+首尔\s+KR41\s+京畿道/);
  assert.match(tf('measures', 'net', '--within', 'KR', '--period', '2019', '--limit', '1').stdout, /KR11\s+서울특별시\s+-49,588/);
  assert.match(tf('regions', 'Shenyang').stdout, /210100\s+沈阳市/);
  assert.match(tf('regions', '--within', 'AT', '--level', 'province', '--limit', '2').stdout, /AT12\s+Niederösterreich/);
});

test('the rank table fits the terminal, with numbered indicator columns and their key; --wide prints the full headers', () => {
  const rank = (columns: string, ...extra: string[]) => spawnSync(process.execPath, [BIN, 'rank', '--example', 'china-cities', '--top', '5', '--compare-period', '2010', ...extra, '-w', demo.workspace],
    { cwd: demo.dir, encoding: 'utf8', env: { ...process.env, COLUMNS: columns, TALENTFLOW_WORKSPACE: '' } });
  // The table: from its header line to the line under its rows.
  const widest = (s: string) => {
    const lines = s.split('\n');
    const from = lines.findIndex((l) => l.startsWith('rank '));
    const to = lines.findIndex((l) => l.startsWith('… '));
    assert.ok(from >= 0 && to > from, s);
    return Math.max(...lines.slice(from, to + 1).map((l) => stringWidth(l)));
  };
  const keyed = rank('100');
  assert.equal(keyed.status, 0, keyed.stderr);
  assert.ok(widest(keyed.stdout) <= 100, `table within 100 columns:\n${keyed.stdout}`);
  assert.match(keyed.stdout, /\[n\]: contribution of each indicator to the score \(weight x normalised value\):\n {2}\[1\] growth\(population,2010,2020\)\n {2}\[2\] share_age_15_59@2020/);
  assert.match(keyed.stdout, /rank\s+code\s+name\s+score\s+\[1\]\s+\[2\]\s+\[3\]\s+\[4\]\s+rank 2010\s+change/);
  const narrow = rank('80', '--sensitivity', '20');
  assert.ok(widest(narrow.stdout) <= 80, narrow.stdout);
  assert.match(narrow.stdout, /rank\s+code\s+name\s+score\s+rank 2010\s+change\s+median rank\s+90% interval/);
  assert.match(narrow.stdout, /left out to fit 80 columns: --wide shows them, --json gives every number/);
  const wide = rank('80', '--wide');
  assert.match(wide.stdout, /score\s+growth\(population,2010,2020\)\s+share_age_15_59@2020/);
});

test('a yearbook xlsx of indicators imports without --period and its column name finds the values; a repeated region-year is refused', async () => {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('2021年');
  for (const r of [
    ['城市', '年份', '城镇非私营单位平均工资（元）', '年末户籍人口(万人)'],
    ['沈阳市', 2020, 98000, 760.4], ['沈阳市', 2021, 103880, 763.1], ['大连市', 2020, 105000, 600.9], ['大连市', 2021, 110300, 608.7], ['合计', 2021, 214180, 1371.8],
  ]) sheet.addRow(r);
  const file = join(demo.dir, 'yearbook.xlsx');
  await wb.xlsx.writeFile(file);
  const imp = tf('import', 'indicators', file);
  assert.equal(imp.code, 0, imp.stderr);
  assert.match(imp.stdout, /skipped 1 total row \(合计 row 6\)/);
  const byHeader = tf('indicators', '--name', '城镇非私营单位平均工资（元）', '--json');
  assert.equal(byHeader.code, 0, byHeader.stderr);
  const rows = JSON.parse(byHeader.stdout) as { region: string; period: string; name: string; value: number; unit: string }[];
  assert.deepEqual(rows.map((r) => [r.region, r.period, r.name, r.value, r.unit]), [
    ['210100', '2020', '城镇非私营单位平均工资', 98000, '元'], ['210200', '2020', '城镇非私营单位平均工资', 105000, '元'],
    ['210100', '2021', '城镇非私营单位平均工资', 103880, '元'], ['210200', '2021', '城镇非私营单位平均工资', 110300, '元'],
  ]);
  const table = tf('indicators', '年末户籍人口', '--period', '2021');
  assert.match(table.stdout, /210100\s+沈阳市\s+年末户籍人口\s+2021\s+763\.10\s+万人/);
  const twice = new ExcelJS.Workbook();
  const s2 = twice.addWorksheet('表');
  for (const r of [['城市', '年份', '每万人专利数(件)'], ['鞍山市', 2020, 10], ['抚顺市', 2020, 8], ['鞍山市', 2020, 11]]) s2.addRow(r);
  const bad = join(demo.dir, 'twice.xlsx');
  await twice.xlsx.writeFile(bad);
  userError(tf('import', 'indicators', bad), /twice\.xlsx, row 4, column "年份": 鞍山市 \(210300\) has 2 rows for 2020 \(rows 2, 4\)/, 'repeated region-year');
});

test('--lang zh: a bad choice spec and bad numbers in a flows file are said in Chinese, English as before without it', () => {
  const spec = tf('fit', 'choice', '--persons', '--person-vars', 'distanse_home', '--lang', 'zh');
  userError(spec, /^错误：personTerms\[0\]：可选值：distance_home、distance_study、is_home/, 'bad choice spec');
  assertChinese([spec.stderr.trim()], 'bad choice spec');
  const flows = join(demo.dir, 'bad-number.csv');
  writeFileSync(flows, 'orig,dest,migrants,km\n210100,110000,12,600\n210200,110000,abc,700\n110000,210100,xyz,600\n');
  const fit = ['fit', 'gravity', '--flows', flows, '--origin', 'orig', '--destination', 'dest', '--flow', 'migrants', '--cost', 'km'];
  const zh = tf(...fit, '--lang', 'zh');
  userError(zh, /^错误：\S*bad-number\.csv，第 3 行，“migrants”列：“abc”不是数字\n {2}另有：第 4 行：“xyz”不是数字\n$/, 'bad numbers');
  assertChinese([zh.stderr.replace(flows, '')], 'bad number');
  userError(tf(...fit), /^error: \S*bad-number\.csv, row 3, column "migrants": "abc" is not a number\n {2}also: row 4: "xyz" is not a number\n$/, 'bad numbers in English');
});
