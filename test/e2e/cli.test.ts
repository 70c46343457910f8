import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from '../helpers/workspace.ts';
import { runCli } from '../helpers/cli.ts';
import { assertChinese } from '../helpers/chinese.ts';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'talentflow-cli-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function tf(...args: string[]) {
  return runCli(dir, args);
}
const json = <T>(r: { stdout: string }): T => JSON.parse(r.stdout) as T;

test('importing the China census file by hand gives 31 provinces and every city with its province', () => {
  const w = join(dir, 'census.duckdb');
  const imp = tf('import', 'regions', join(REPO, 'data/china/raw/census_city_2010-2020.csv'), '-w', w, '--json');
  assert.equal(imp.code, 0, imp.stderr);
  const s = json<{ rows: number; notes: string[] }>(imp);
  // 367 cities, Hong Kong, Macao, 31 built provinces and the country CN from the bundled registry.
  assert.equal(s.rows, 401);
  assert.ok(s.notes.some((n) => n.startsWith('built 31 province regions')));
  assert.ok(s.notes.some((n) => n.startsWith('created CN (中国 / China, country)')));
  const provinces = json<{ code: string; name_zh: string }[]>(tf('regions', '--level', 'province', '-w', w, '--json'));
  assert.equal(provinces.length, 31);
  assert.ok(provinces.some((p) => p.code === '210000' && p.name_zh === '辽宁省'));
  const cities = json<{ code: string; parent: string; centroid_lon: number; area_km2: number }[]>(tf('regions', '--level', 'city', '-w', w, '--json'));
  assert.equal(cities.length, 367);
  const codes = new Set(provinces.map((p) => p.code));
  for (const c of cities) {
    assert.ok(codes.has(c.parent), `${c.code} has province ${c.parent}`);
    assert.ok(c.area_km2 > 0 && c.centroid_lon > 70, `${c.code} has a centroid and area from its polygon`);
  }
  const sars = json<{ code: string }[]>(tf('regions', '--level', 'sar', '-w', w, '--json'));
  assert.deepEqual(sars.map((r) => r.code), ['810000', '820000']);
  const liaoning = json<{ code: string }[]>(tf('regions', '--within', '辽宁', '--level', 'city', '-w', w, '--json'));
  assert.equal(liaoning.length, 14);
  const pop = json<{ value: number }[]>(tf('indicators', 'population', '--within', '210000', '--level', 'province', '--period', '2020', '-w', w, '--json'));
  assert.equal(pop[0].value, 42591407, 'Liaoning 2020 = sum of its cities = official census total');
  // A region before its children, children by code: CN first, then its provinces (CN was last, sorted by code).
  const cn = json<{ code: string }[]>(tf('regions', 'CN', '-w', w, '--json')).map((r) => r.code);
  assert.equal(cn[0], 'CN');
  assert.deepEqual(cn.slice(1), [...cn.slice(1)].sort());
  assert.equal(cn.length, 34);
  const table = tf('regions', 'CN', '-w', w).stdout.split('\n');
  assert.match(table[2], /^CN +中国/, table.slice(0, 4).join('\n'));
  // Searched names give the province before its city of the same name, and the whole list is the tree's order.
  assert.deepEqual(json<{ code: string }[]>(tf('regions', '吉林', '-w', w, '--json')).map((r) => r.code), ['220000', '220200']);
  const all = json<{ code: string; parent: string | null }[]>(tf('regions', '-w', w, '--json'));
  assert.equal(all[0].code, 'CN');
  const seen = new Set<string>();
  for (const r of all) {
    assert.ok(r.parent === null || seen.has(r.parent), `${r.code} after its parent ${r.parent}`);
    seen.add(r.code);
  }
});

test('every command has --help listing --json and --workspace, and exits 0', () => {
  for (const cmd of ['init', 'import', 'regions', 'flows', 'indicators', 'export', 'demo']) {
    const r = tf(cmd, '--help');
    assert.equal(r.code, 0, cmd);
    assert.match(r.stdout, /--json/, cmd);
    assert.match(r.stdout, /--workspace/, cmd);
  }
  assert.equal(tf('--help').code, 0);
});

test('exit codes: 1 for a user error with the message on stderr, 1 for usage errors', () => {
  const w = join(dir, 'e.duckdb');
  assert.equal(tf('init', '-w', w).code, 0);
  const p = join(dir, 'bad.csv');
  writeFileSync(p, 'origin,destination,year,count\nA,B,2019,1\n');
  const r = tf('import', 'flows', p, '-w', w);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /error: .*bad\.csv: the workspace has no regions yet/);
  const j = tf('import', 'flows', p, '-w', w, '--json');
  assert.equal(json<{ error: { code: string } }>(j).error.code, 'INPUT');
  assert.equal(tf('import', 'nonsense', p, '-w', w).code, 1);
  assert.equal(tf('frobnicate').code, 1);
  const missing = tf('regions', '-w', join(dir, 'nope.duckdb'));
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /no workspace at .*nope\.duckdb/);
});

test('import --lang zh refuses a boundary\'s unknown or ambiguous name and unclosed ring, flows already stored, repeated flows and cut CSV rows in Chinese, further rows too; English as before', () => {
  const w = join(dir, 'zh.duckdb');
  const put = (name: string, text: string) => (writeFileSync(join(dir, name), text), name);
  assert.equal(tf('init', '-w', w).code, 0);
  assert.equal(tf('import', 'regions', put('zh-regions.csv', 'code,name_zh,name_en,level\n210100,沈阳市,Shenyang,city\n210300,朝阳市,Chaoyang,city\n230100,朝阳市,Chaoyang,city\n'), '-w', w, '--no-registry').code, 0);
  const ring = [[123, 41], [124, 41], [124, 42], [123, 42]];
  const feature = (name: string, coordinates: number[][][]) => JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name }, geometry: { type: 'Polygon', coordinates } }] });
  const flows = 'origin,destination,year,count\n';
  assert.equal(tf('import', 'flows', put('zh-f1.csv', `${flows}210100,210300,2019,5\n`), '-w', w).code, 0);
  const refusals = [
    ['geometry', put('zh-unknown.geojson', feature('沈阳x', [[...ring, ring[0]]]))],
    ['geometry', put('zh-ambiguous.geojson', feature('朝阳市', [[...ring, ring[0]]]))],
    ['geometry', put('zh-open.geojson', feature('沈阳市', [ring]))],
    ['flows', put('zh-f2.csv', `${flows}210100,210300,2019,5\n230100,210100,2019,3\n`)],
    ['flows', put('zh-dup.csv', `${flows}210100,210300,2018,5\n210100,210300,2018,3\n230100,210100,2018,3\n230100,210100,2018,4\n`)],
    ['flows', put('zh-cut.csv', `${flows}210100,210300,2017,5\n210300,210100\n230100,210100,2017,3,4\n`)],
  ];
  const said = (lang: string[]) => refusals.map(([kind, file]) => {
    const r = tf('import', kind, file, '-w', w, ...lang);
    assert.equal(r.code, 1, r.stderr);
    return r.stderr;
  });
  // The two 朝阳市 in either order.
  const zh = said(['--lang', 'zh']).map((l) => l.replace('朝阳市（230100，市级）或朝阳市（210300，市级）', '朝阳市（210300，市级）或朝阳市（230100，市级）'));
  assert.deepEqual(zh, [
    '错误：zh-unknown.geojson，第 1 行，“name”列：没有地区“沈阳x”；最接近的：沈阳市（210100，市级）、朝阳市（210300，市级）、朝阳市（230100，市级）\n',
    '错误：zh-ambiguous.geojson，第 1 行，“name”列：地区“朝阳市”有多个可能：朝阳市（210300，市级）或朝阳市（230100，市级）；请用代码\n',
    '错误：zh-open.geojson，第 1 行，“geometry”列：210100 的边界：第 1 个环：没有闭合：起点为（123 41），终点为（123 42）；请在末尾重复第一个坐标\n',
    '错误：zh-f2.csv：其中 1 条流动已在工作区中（例如 210100 → 210300，2019）；未写入任何内容。如需覆盖请用 --replace\n',
    '错误：zh-dup.csv，第 3 行，“origin”列：重复的流动 210100 → 210300，2018，位于第 2、3 行：请删除重复行，或用 --sum-duplicates 导入\n  另有：第 4 行：其流动在另外 1 行重复出现\n',
    '错误：zh-cut.csv，第 3 行，“year”列：列数不足（应有 4 列，实有 2 列；文件可能在行中被截断）：“210300,210100”\n  另有：第 4 行：列数过多（应有 4 列，实有 5 列；值中是否有未加引号的分隔符？）\n',
  ]);
  // Files, flags with their values and a CSV row's text are no English sentence.
  assertChinese(zh.map((l) => l.replace(/[\w-]+\.(csv|geojson)/g, 'F').replace(/--[\w-]+/g, '')), 'import refusals');
  const en = said([]);
  assert.match(en[0], /^error: zh-unknown\.geojson, row 1, column "name": unknown region "沈阳x"; closest: 沈阳市 \/ Shenyang \(210100, city\)/);
  assert.match(en[1], /^error: zh-ambiguous\.geojson, row 1, column "name": region "朝阳市" is ambiguous: 朝阳市 \/ Chaoyang \(\d{6}, city\) or 朝阳市 \/ Chaoyang \(\d{6}, city\); use the code\n$/);
  assert.equal(en[2], 'error: zh-open.geojson, row 1, column "geometry": boundary of 210100: ring 1: not closed: it starts at (123 41) and ends at (123 42); repeat the first position at the end\n');
  assert.equal(en[3], 'error: zh-f2.csv: 1 of these flows are already in the workspace (e.g. 210100 -> 210300, 2019); nothing was written. Use --replace to overwrite them\n');
  assert.match(en[4], /\n {2}also: row 4: 1 more row repeats its flow\n$/);
  assert.match(en[5], /\n {2}also: row 4: Expected Number of Columns: 4 Found: 5\n$/);
});

test('import --lang zh refuses a flows file\'s unknown, ambiguous and blank region names with their rows and columns, and values or stock tables already stored, in Chinese; English as before but for the region words', () => {
  const w = join(dir, 'zh-names.duckdb');
  const put = (name: string, text: string) => (writeFileSync(join(dir, name), text), name);
  assert.equal(tf('init', '-w', w).code, 0);
  assert.equal(tf('import', 'regions', put('zh-names-regions.csv', 'code,name_zh,name_en,level\n210100,沈阳市,Shenyang,city\n210300,朝阳市,Chaoyang,city\n230100,朝阳市,Chaoyang,city\n'), '-w', w, '--no-registry').code, 0);
  assert.equal(tf('import', 'indicators', put('zh-i1.csv', 'region,year,gdp\n210100,2020,5\n'), '-w', w).code, 0);
  assert.equal(tf('import', 'stocks', put('zh-s1.csv', 'birth,residence,count\n210100,210300,5\n'), '-w', w, '--date', '2010', '--definition', 'by hukou').code, 0);
  const refusals = [
    ['flows', put('zh-names.csv', 'orig,dest,year,count\n沈阳x,210100,2019,5\n朝阳市,210100,2019,3\n210100,Tieling,2019,2\n'), '--map', 'origin=orig,destination=dest'],
    ['flows', put('zh-blank.csv', 'origin,destination,year,count\n210100,,2019,5\n')],
    ['indicators', put('zh-i2.csv', 'region,year,gdp\n210100,2020,6\n')],
    ['indicators', 'zh-i1.csv'],
    ['stocks', put('zh-s2.csv', 'birth,residence,count\n210100,210300,6\n'), '--date', '2010', '--definition', 'by hukou'],
  ];
  const said = (lang: string[]) => refusals.map(([kind, ...args]) => {
    const r = tf('import', kind, ...args, '-w', w, ...lang);
    assert.equal(r.code, 1, r.stderr);
    return r.stderr;
  });
  const closestZh = '沈阳市（210100，市级）、朝阳市（210300，市级）、朝阳市（230100，市级）';
  const zh = said(['--lang', 'zh']).map((l) => l.replace('朝阳市（230100，市级）或朝阳市（210300，市级）', '朝阳市（210300，市级）或朝阳市（230100，市级）'));
  assert.deepEqual(zh.map((l) => l.replace(/#\d+/, '#N').replace(/20\d\d-[-\dT:.]+Z/, 'T')), [
    `错误：zh-names.csv，第 2 行，“orig”列：没有地区“沈阳x”；最接近的：${closestZh}\n`
    + '  另有：第 3 行，“orig”列：地区“朝阳市”有多个可能：朝阳市（210300，市级）或朝阳市（230100，市级）；请用代码\n'
    + `  另有：第 4 行，“dest”列：没有地区“Tieling”；最接近的：${closestZh}\n`,
    '错误：zh-blank.csv，第 2 行，“destination”列：缺少值：需要地区\n',
    '错误：zh-i2.csv：其中 1 个指标数值已在工作区中（例如 210100 在 2020 的“gdp”）；未写入任何内容。如需覆盖请用 --replace\n',
    '错误：zh-i1.csv：同一文件已作为指标导入过（导入 #N，来自 zh-i1.csv，1 行，T）；未写入任何内容。如需用它替换那次导入请用 --replace\n',
    '错误：zh-s2.csv：已存有 2010 年定义为“by hukou”的存量表（导入 #N，1 个单元格）；未写入任何内容。如需覆盖请用 --replace，或用 --definition 给出另一个定义\n',
  ]);
  // Files, flags, a name as written and a definition as given are no English sentence.
  assertChinese(zh.map((l) => l.replace(/[\w-]+\.csv/g, 'F').replace(/--[\w-]+/g, '').replace('by hukou', 'D').replace(/[-\dT:.]+Z/, 'T')), 'import refusals');
  const en = said([]);
  const closest = '沈阳市 / Shenyang (210100, city), 朝阳市 / Chaoyang (210300, city), 朝阳市 / Chaoyang (230100, city)';
  assert.match(en[0], new RegExp(`^error: zh-names\\.csv, row 2, column "orig": unknown region "沈阳x"; closest: ${closest.replace(/[()/]/g, '\\$&')}\n`
    + '  also: row 3, column "orig": region "朝阳市" is ambiguous: 朝阳市 \\/ Chaoyang \\(\\d{6}, city\\) or 朝阳市 \\/ Chaoyang \\(\\d{6}, city\\); use the code\n'
    + `  also: row 4, column "dest": unknown region "Tieling"; closest: ${closest.replace(/[()/]/g, '\\$&')}\n$`));
  assert.equal(en[1], 'error: zh-blank.csv, row 2, column "destination": missing value: a region is required\n');
  assert.equal(en[2], 'error: zh-i2.csv: 1 values are already in the workspace (e.g. gdp of 210100 for 2020); nothing was written. Use --replace to overwrite them\n');
  assert.match(en[3], /^error: zh-i1\.csv: the same file was already imported as indicators \(import #\d+ from zh-i1\.csv, 1 rows, [-\dT:.]+Z\); nothing was written\. Use --replace to import it again in its place\n$/);
  assert.match(en[4], /^error: zh-s2\.csv: a stock table of 2010 defined as "by hukou" is already stored \(import #\d+, 1 cells\); nothing was written\. Use --replace to overwrite it, or give another --definition\n$/);
});

test('demo builds the workspace in one step; flows, roll-ups and export work on it', () => {
  const w = join(dir, 'demo.duckdb');
  const d = tf('demo', '-w', w, '--json');
  assert.equal(d.code, 0, d.stderr);
  const summary = json<{ sets: { country: string; regions: number; flows: number }[] }>(d);
  assert.deepEqual(summary.sets.map((s) => [s.country, s.regions, s.country === 'China' ? 'estimated' : s.flows]), [
    ['Austria', 10, 72], ['China', 401, 'estimated'], ['Korea', 18, 2601], ['United States', 64, 1954],
  ]);
  // China's province flows 2000-2010 are estimated from the census birthplace tables (no observed flows ship).
  assert.ok(summary.sets.find((s) => s.country === 'China')!.flows > 600);
  const again = tf('demo', '-w', w);
  assert.equal(again.code, 0, 'an existing demo workspace is reused');
  // Region names as `flows` gives them: each in its own language by default, or as --lang asks.
  assert.match(again.stdout, /\n서울특별시\s+경기도\s+375,867\n/);
  assert.match(again.stdout, /\n210000\s+辽宁省\s+43,746,323\s/);
  const english = tf('demo', '-w', w, '--lang', 'en');
  assert.match(english.stdout, /\nSeoul\s+Gyeonggi-do\s+375,867\n/);
  assert.match(english.stdout, /\n210000\s+Liaoning\s+43,746,323\s/);
  const f = json<{ rows: { destination: string; count: number }[] }>(tf('flows', '--origin', 'Seoul', '--period', '2019', '--no-intra', '-w', w, '--json'));
  assert.equal(f.rows.length, 16);
  // KOSIS 2019: Seoul -> Gyeonggi-do is the largest corridor in the country.
  assert.equal(f.rows[0].destination, 'KR41');
  const total = json<{ rows: { count: number }[] }>(tf('flows', '--origin', 'KR', '--period', '2019', '--level', 'country', '-w', w, '--json'));
  const all = json<{ rows: { count: number }[] }>(tf('flows', '--origin', 'KR', '--period', '2019', '-w', w, '--json'));
  assert.equal(total.rows[0].count, all.rows.reduce((a, r) => a + r.count, 0), 'roll-up equals the sum of its parts');
  const out = join(dir, 'korea.parquet');
  assert.equal(tf('export', 'flows', out, '--origin', 'KR', '-w', w).code, 0);
  // An exported flow says what it is and where it comes from (a file carries no definition line).
  const flowsCsv = join(dir, 'flows.csv');
  assert.equal(tf('export', 'flows', flowsCsv, '--origin', 'Seoul', '--period', '2019', '-w', w).code, 0);
  const exported = readFileSync(flowsCsv, 'utf8').replace(/^\uFEFF/, '').trim().split('\n');
  assert.equal(exported[0], 'origin,origin_name,destination,destination_name,period,cohort,count,intra,kind,source');
  assert.ok(exported.slice(1).every((l) => l.endsWith(',observed,"Statistics Korea, KOSIS, Internal Migration Statistics (DT_1B26003_A01)"')), exported[1]);
  // Names as the CLI's tables give them: each region in its own language, or as --lang asks.
  assert.ok(exported.some((l) => l.startsWith('KR11,서울특별시,KR41,경기도,2019,')), exported.slice(0, 3).join('\n'));
  assert.equal(tf('export', 'flows', flowsCsv, '--origin', 'Seoul', '--period', '2019', '--lang', 'en', '-w', w).code, 0);
  assert.match(readFileSync(flowsCsv, 'utf8'), /\nKR11,Seoul,KR41,Gyeonggi-do,2019,/);
  const indicatorsCsv = join(dir, 'indicators.csv');
  assert.equal(tf('export', 'indicators', indicatorsCsv, '--within', 'KR', '--period', '2019', '--lang', 'zh', '-w', w).code, 0);
  assert.match(readFileSync(indicatorsCsv, 'utf8'), /\nKR11,首尔,province,2019,/);
  assert.equal(tf('export', 'flows', flowsCsv, '--group', 'northeast', '--level', 'province', '--period', '2000-2010', '-w', w).code, 0);
  const rolled = readFileSync(flowsCsv, 'utf8').trim().split('\n').slice(1);
  assert.ok(rolled.length > 30 && rolled.every((l) => l.includes(',estimated,"flows 2000-2010 estimated from two census birthplace tables')), rolled[0]);
  const csv = join(dir, 'regions.csv');
  assert.equal(tf('export', 'regions', csv, '--within', 'northeast', '--level', 'city', '-w', w).code, 0);
  assert.equal(readFileSync(csv, 'utf8').trim().split('\n').length, 1 + 36);
  // The exported Parquet file imports back into a fresh workspace holding the same regions.
  const w2 = join(dir, 'back.duckdb');
  assert.equal(tf('import', 'regions', join(REPO, 'data/korea/regions.csv'), '-w', w2).code, 0);
  const back = tf('import', 'flows', out, '-w', w2, '--map', 'origin=origin,destination=destination,count=count', '--json');
  assert.equal(back.code, 0, back.stderr);
  assert.equal(json<{ rows: number }>(back).rows, 2601);
  // --lang zh: the listing commands' heads, levels, indicators, units, count lines and notes in Chinese, not only region names.
  const zh = (...args: string[]) => {
    const r = tf(...args, '--lang', 'zh', '-w', w);
    assert.equal(r.code, 0, r.stderr);
    return r.stdout;
  };
  assert.match(zh('regions', '--within', 'northeast', '--level', 'province'), /^代码\s+名称\s+英文名称\s+层级\s+上级\s+经度\s+纬度\s+面积（平方公里）\n[\s\S]*\n210000\s+辽宁省\s+Liaoning\s+省级\s[\s\S]*\n共 3 个地区\n$/);
  assert.match(zh('flows', '--origin', '辽宁', '--period', '2000-2010', '--limit', '2'), /^迁出地\s+名称\s+迁入地\s+名称\s+时期\s+人数\s+地区内部\n[\s\S]*\n…… 另有 \d+ 条流动（用 --limit N 或 --json 查看全部）\n$/);
  assert.match(zh('indicators', 'population', '--within', '辽宁', '--period', '2020', '--limit', '1'), /^地区\s+名称\s+指标\s+时期\s+数值\s+单位\n[\s\S]*\n210000\s+辽宁省\s+人口\s+2020\s+[\d,]+\s+人\n…… 另有/);
  assert.match(zh('indicators'), /^指标\s+单位\s+地区数\s+时期\n/);
  assert.match(zh('stocks'), /^导入\s+日期\s+单元格数\s+地区数\s+单位\s+合计\s+人数（人）\s+对角线\n[\s\S]*抽样（0\.1）[\s\S]*\n共 2 张存量表\n[\s\S]*。来源：/);
  assert.match(zh('regions', '沈阳x'), /\n共 0 个地区\n说明：没有代码、名称或别名与“沈阳x”相符的地区；最接近的：沈阳市/);
  // English as before.
  assert.match(tf('regions', '--within', 'northeast', '--level', 'province', '-w', w).stdout, /^code\s+name\s+name \(zh\)\s+level\s+parent\s+lon\s+lat\s+area km²\n[\s\S]*\n3 regions\n$/);
});
