import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { importIndicators, indicatorCatalogue, listIndicators } from '../index.ts';
import { ConflictError, InputError } from '../../core/errors.ts';
import { chinaWorkspace, count } from '../../../test/helpers/workspace.ts';
import { encodeGb18030 } from '../../../test/fuzz/gb18030.ts';
import { errorIn } from '../../cli/lang.ts';

let t: Awaited<ReturnType<typeof chinaWorkspace>>;
before(async () => {
  t = await chinaWorkspace();
});
after(() => t.done());

const WAGE = '城镇非私营单位平均工资（元）';
const POP = '年末户籍人口(万人)';

async function xlsx(name: string, rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表1');
  for (const r of rows) ws.addRow(r);
  const p = join(t.dir, name);
  await wb.xlsx.writeFile(p);
  return p;
}
function gbCsv(name: string, lines: string[]): string {
  const p = join(t.dir, name);
  writeFileSync(p, encodeGb18030(lines.join('\r\n') + '\r\n'));
  return p;
}
async function refused(fn: () => Promise<unknown>): Promise<Error> {
  const before = await count(t.ws, 'indicators');
  const err = await fn().then(() => null, (e: unknown) => e as Error);
  assert.ok(err instanceof InputError || err instanceof ConflictError, `expected a user error, got ${err}`);
  assert.equal(await count(t.ws, 'indicators'), before, 'nothing written');
  return err;
}
/** A refusal's code and its words as `import --lang zh` and the page say them (with its file, row and column). */
async function refusedZh(fn: () => Promise<unknown>, code: string): Promise<[string, string]> {
  const e = await refused(fn);
  assert.ok(e instanceof InputError && e.text?.code === code, `${code}: ${e}`);
  return [e.message, errorIn(e, 'zh')];
}

test('a yearbook xlsx (城市, 年份, one column per indicator) imports without --period: the year column is the period, units come from the headers', async () => {
  const p = await xlsx('yearbook.xlsx', [
    ['城市', '年份', WAGE, POP],
    ['沈阳市', 2020, 98000, 760.4],
    ['沈阳市', 2021, 103880, 763.1],
    ['大连市', 2020, 105000, 600.9],
    ['大连市', 2021, 110300, 608.7],
    ['合计', 2021, 214180, 1371.8],
  ]);
  const s = await importIndicators(t.ws, p);
  assert.equal(s.rows, 8, 'two indicators for two cities in two years; the total row is not stored');
  assert.ok(s.notes.some((n) => /one row per region and year: periods from "年份"/.test(n)), s.notes.join('\n'));
  assert.ok(s.notes.some((n) => n === 'skipped 1 total row (合计 row 6): totals are not regions'), s.notes.join('\n'));
  const wages = await listIndicators(t.ws, { name: WAGE });
  assert.deepEqual(wages.map((r) => [r.region, r.period, r.name, r.value, r.unit, r.header]), [
    ['210100', '2020', '城镇非私营单位平均工资', 98000, '元', WAGE],
    ['210200', '2020', '城镇非私营单位平均工资', 105000, '元', WAGE],
    ['210100', '2021', '城镇非私营单位平均工资', 103880, '元', WAGE],
    ['210200', '2021', '城镇非私营单位平均工资', 110300, '元', WAGE],
  ]);
  // The stored name, and the header typed with ASCII brackets, find the same values.
  assert.equal((await listIndicators(t.ws, { name: '城镇非私营单位平均工资' })).length, 4);
  assert.equal((await listIndicators(t.ws, { name: '城镇非私营单位平均工资(元)' })).length, 4);
  const pop = await listIndicators(t.ws, { name: POP, period: '2021' });
  assert.deepEqual(pop.map((r) => [r.region, r.name, r.value, r.unit]), [['210100', '年末户籍人口', 763.1, '万人'], ['210200', '年末户籍人口', 608.7, '万人']]);
  const names = (await indicatorCatalogue(t.ws)).map((c) => c.name);
  assert.ok(!names.includes('年份') && !names.some((n) => /^20\d\d$/.test(n)), `the year column is never an indicator: ${names.join(', ')}`);
  const keys = await t.ws.db.one<{ n: bigint }>('SELECT count(*) AS n FROM (SELECT region, period, name FROM indicators GROUP BY ALL HAVING count(*) > 1)');
  assert.equal(Number(keys!.n), 0, 'no key stored twice');
});

test('the same table as a GB18030 CSV with years written 2020年, and names without suffixes', async () => {
  const p = gbCsv('yearbook-gb.csv', ['地区,年份,城镇居民人均可支配收入（元）,常住人口(万人)', '长春,2020年,"43,269",906.7', '长春,2021年,"46,248",908.7', '全国,2021年,"47,412",141260']);
  const s = await importIndicators(t.ws, p);
  assert.equal(s.encoding, 'gb18030');
  assert.equal(s.rows, 4);
  assert.ok(s.notes.some((n) => n.startsWith('skipped 1 total row (全国 row 4)')), s.notes.join('\n'));
  const rows = await listIndicators(t.ws, { name: '城镇居民人均可支配收入（元）' });
  assert.deepEqual(rows.map((r) => [r.region, r.period, r.value, r.unit]), [['220100', '2020', 43269, '元'], ['220100', '2021', 46248, '元']]);
});

test('a city yearbook headed 统计年度, with its 全市合计 and spaced-out "合  计" rows, imports: the year column is the period, the totals are skipped', async () => {
  const p = await xlsx('city-yearbook.xlsx', [
    ['地区', '统计年度', '地区生产总值（亿元）'],
    ['沈阳', 2020, 6571.6],
    ['沈阳', 2021, 7249.7],
    ['全市合计', 2021, 7249.7],
    ['合\u3000\u3000计', 2021, 7249.7],
  ]);
  const s = await importIndicators(t.ws, p);
  assert.equal(s.rows, 2, s.notes.join('\n'));
  assert.ok(s.notes.some((n) => /periods from "统计年度"/.test(n)), s.notes.join('\n'));
  // One indicator column, in the singular (the note said "from 1 indicator columns").
  assert.ok(s.notes.some((n) => /: 2 values from 1 indicator column \(地区生产总值 \(亿元\)\)$/.test(n)), s.notes.join('\n'));
  assert.ok(s.notes.some((n) => /skipped 2 total rows \(全市合计 row 4, 合\s+计 row 5\)/.test(n)), s.notes.join('\n'));
  const gdp = await listIndicators(t.ws, { name: '地区生产总值' });
  assert.deepEqual(gdp.map((r) => [r.region, r.period, r.value, r.unit]), [['210100', '2020', 6571.6, '亿元'], ['210100', '2021', 7249.7, '亿元']]);
});

test('two rows for one region and year are refused with the file, both rows and the year column', async () => {
  const p = await xlsx('twice.xlsx', [['城市', '年份', WAGE], ['哈尔滨市', 2020, 80000], ['齐齐哈尔市', 2020, 60000], ['哈尔滨', 2020, 81000]]);
  const [e, zh] = await refusedZh(() => importIndicators(t.ws, p), 'imports.wideRowTwice');
  assert.match(e, /twice\.xlsx, row 4, column "年份": 哈尔滨市 \/ 哈尔滨 \(230100\) has 2 rows for 2020 \(rows 2, 4\): a wide file holds one row per region and year, so its values would be stored twice; remove or merge the repeated row$/);
  assert.match(zh, /twice\.xlsx，第 4 行，“年份”列：哈尔滨市 \/ 哈尔滨（230100）在 2020 年有 2 行（第 2、4 行）：宽格式文件每个地区每年只占一行，否则其数值会存储两次；请删除或合并重复的行$/);
  const g = gbCsv('twice-gb.csv', ['城市,年份,在校大学生数(人)', '吉林市,2020,100', '吉林市,2020,120']);
  assert.match((await refused(() => importIndicators(t.ws, g))).message, /row 3, column "年份": 吉林市 \(220200\) has 2 rows for 2020/);
  const y = join(t.dir, 'twice-suffix.csv');
  writeFileSync(y, 'region,gdp_2019\n鞍山,1\n鞍山市,2\n');
  const [ey, zhy] = await refusedZh(() => importIndicators(t.ws, y), 'imports.wideRowTwice');
  assert.match(ey, /row 3, column "region": 鞍山 \/ 鞍山市 \(210300\) has 2 rows \(rows 2, 3\): a wide file holds one row per region, so/);
  assert.match(zhy, /第 3 行，“region”列：鞍山 \/ 鞍山市（210300）有 2 行（第 2、3 行）：宽格式文件每个地区只占一行，/);
});

test('two columns naming one indicator, a word among numbers and --period beside a year column are refused', async () => {
  const c = await xlsx('clash.xlsx', [['城市', '年份', 'GDP（亿元）', 'GDP(万元)'], ['抚顺市', 2020, 1, 10000]]);
  const [clash, clashZh] = await refusedZh(() => importIndicators(t.ws, c), 'imports.columnsClash');
  assert.match(clash, /row 1, column "GDP\(万元\)": columns "GDP（亿元）" and "GDP\(万元\)" are both indicator "gdp": rename one of them$/);
  assert.match(clashZh, /第 1 行，“GDP\(万元\)”列：“GDP（亿元）”列和“GDP\(万元\)”列都是指标“gdp”：请重命名其中一列$/);
  const y = join(t.dir, 'clash-years.csv');
  writeFileSync(y, '城市,gdp_2019,GDP 2019\n抚顺市,1,2\n');
  assert.deepEqual((await refusedZh(() => importIndicators(t.ws, y), 'imports.columnsClash')).map((m) => m.slice(m.indexOf('GDP 2019'))), [
    'GDP 2019": columns "gdp_2019" and "GDP 2019" are both indicator "gdp" for 2019: rename one of them', 'GDP 2019”列：“gdp_2019”列和“GDP 2019”列都是 2019 年的指标“gdp”：请重命名其中一列']);
  const w = await xlsx('word.xlsx', [['城市', '年份', WAGE], ['本溪市', 2020, 70000], ['本溪市', 2021, '七万']]);
  const [word, wordZh] = await refusedZh(() => importIndicators(t.ws, w), 'imports.notIndicatorValue');
  assert.match(word, /row 3, column "城镇非私营单位平均工资（元）": "七万" is not an indicator value \(the other cells of this column are numbers; leave a cell blank or write NA for no value\)$/);
  assert.match(wordZh, /第 3 行，“城镇非私营单位平均工资（元）”列：“七万”不是指标数值（该列其他单元格都是数字；没有数值请留空或写 NA）$/);
  const big = join(t.dir, 'big.csv');
  writeFileSync(big, '城市,年份,工资\n本溪市,2020,1e30\n');
  const [range, rangeZh] = await refusedZh(() => importIndicators(t.ws, big), 'file.outOfRange');
  assert.match(range, /row 2, column "工资": 1e30 is outside the accepted range of an indicator value: -1e18 to 1e18$/);
  assert.match(rangeZh, /第 2 行，“工资”列：1e30 超出指标数值的可接受范围：/);
  const q = await xlsx('both.xlsx', [['城市', '年份', WAGE], ['丹东市', 2020, 70000]]);
  const [both, bothZh] = await refusedZh(() => importIndicators(t.ws, q, { period: '2020' }), 'imports.periodColumnAndFlag');
  assert.match(both, /row 1, column "年份": the file has a period column "年份": --period is only for files without one$/);
  assert.match(bothZh, /第 1 行，“年份”列：文件已有时期列“年份”：--period 只用于没有时期列的文件$/);
  // No year anywhere, and a --period of several years for a wide file.
  const plain = join(t.dir, 'plain.csv');
  writeFileSync(plain, '城市,工资\n丹东市,70000\n');
  assert.deepEqual((await refusedZh(() => importIndicators(t.ws, plain), 'imports.wideNeedsYear')).map((m) => m.slice(m.indexOf('plain.csv'))), [
    'plain.csv, row 1: a wide indicator file needs a year column (年份, year), year-suffixed columns (gdp_2019) or --period; a long one needs indicator and value columns',
    'plain.csv，第 1 行：宽格式指标文件需要年份列（年份、year）、带年份后缀的列（gdp_2019）或 --period；长格式文件需要指标列和数值列']);
  assert.deepEqual((await refusedZh(() => importIndicators(t.ws, plain, { period: '2019-2020' }), 'imports.widePeriodOneYear')).map((m) => m.slice(m.indexOf('plain.csv'))), [
    'plain.csv: --period "2019-2020" must be one year for a wide file', 'plain.csv：宽格式文件的 --period“2019-2020”必须是单个年份']);
});

test('a total row in a long file is left out and said so; text columns of a wide file are listed as left out', async () => {
  const p = join(t.dir, 'long-total.csv');
  writeFileSync(p, 'region,year,indicator,value\n锦州,2020,hospital_beds,20000\n营口,2020,hospital_beds,15000\nTotal,2020,hospital_beds,35000\n');
  const s = await importIndicators(t.ws, p);
  assert.equal(s.rows, 2);
  assert.deepEqual(s.notes, ['skipped 1 total row (Total row 4): totals are not regions']);
  const q = join(t.dir, 'wide-note.csv');
  writeFileSync(q, '城市,年份,备注,专利授权数(件)\n阜新市,2020,初步数,1200\n');
  const w = await importIndicators(t.ws, q);
  assert.equal(w.rows, 1);
  assert.ok(w.notes.includes('left out 1 column without numbers: "备注"'), w.notes.join('\n'));
  assert.deepEqual((await listIndicators(t.ws, { name: '专利授权数' })).map((r) => [r.value, r.unit]), [[1200, '件']]);
});

test('an unknown indicator name is an error suggesting the closest and listing those present', async () => {
  const e = await listIndicators(t.ws, { name: '城镇非私营单位平均公资' }).then(() => null, (x: Error) => x);
  assert.ok(e instanceof InputError);
  assert.match(e.message, /unknown indicator "城镇非私营单位平均公资"; did you mean "城镇非私营单位平均工资"\? Indicators in this workspace: .*hospital_beds/);
});
