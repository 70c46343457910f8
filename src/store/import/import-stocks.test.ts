import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importStocks, listStockTables, loadStockMatrix, queryStocks, type ImportStocksOptions } from '../index.ts';
import { ConflictError, InputError, NotFoundError, SpecError } from '../../core/errors.ts';
import { chinaWorkspace, count } from '../../../test/helpers/workspace.ts';
import { messageIn } from '../../core/messages/zh.ts';

let t: Awaited<ReturnType<typeof chinaWorkspace>>;
before(async () => {
  t = await chinaWorkspace();
});
after(() => t.done());

function file(name: string, content: string): string {
  const p = join(t.dir, name);
  writeFileSync(p, content);
  return p;
}

/** Runs an import that must fail, checks nothing was written and returns the error. */
async function rejects(p: string, opts: ImportStocksOptions = {}): Promise<InputError | ConflictError> {
  const [stocks, tables, imports] = [await count(t.ws, 'stocks'), await count(t.ws, 'stock_tables'), await count(t.ws, 'imports')];
  const err = await importStocks(t.ws, p, opts).then(() => null, (e: unknown) => e);
  assert.ok(err instanceof InputError || err instanceof ConflictError, `expected an input/conflict error, got ${err}`);
  assert.equal(await count(t.ws, 'stocks'), stocks, 'no cell written');
  assert.equal(await count(t.ws, 'stock_tables'), tables, 'no table written');
  assert.equal(await count(t.ws, 'imports'), imports, 'no import recorded');
  return err as InputError;
}

const CENSUS = 'census lifetime migrants (birthplace -> residence), long-form sample counts';

// The layout of ../shared/data/china-census-migration (English names and two-digit codes).
const LONG = `census_year,birth_province_code,birth_province,residence_province_code,residence_province,persons_sample
2000,37,Shandong,23,Heilongjiang,152553
2000,23,Heilongjiang,37,Shandong,39311
2000,21,Liaoning,11,Beijing,40000
2010,37,Shandong,23,Heilongjiang,74024
2010,23,Heilongjiang,37,Shandong,47498
2010,43,Hunan,44,Guangdong,478115
`;

test('a long table (census_year, birth_province, residence_province, persons_sample) with a sampling rate per date', async () => {
  const s = await importStocks(t.ws, file('long.csv', LONG), { unit: 'sample', samplingRate: '2000=0.095,2010=0.1', definition: CENSUS, source: 'test transcription' });
  assert.equal(s.kind, 'stocks');
  assert.equal(s.rows, 6);
  assert.ok(s.notes.some((n) => n.startsWith('2010: 3 cells, 599,637 sample persons at sampling rate 0.1 (about 5,996,370 persons)')), s.notes.join('\n'));
  assert.ok(s.notes.some((n) => n.includes('no cells with birth = residence')));
  const tables = await listStockTables(t.ws, { definition: CENSUS });
  assert.deepEqual(tables.map((x) => [x.date, x.unit, x.samplingRate, x.cells, x.total, x.regions, x.diagonal, x.source, x.kind]), [
    [2000, 'sample', 0.095, 3, 231864, 4, false, 'test transcription', 'observed'],
    [2010, 'sample', 0.1, 3, 599637, 4, false, 'test transcription', 'observed'],
  ]);
  assert.ok(Math.abs(tables[0].persons - 231864 / 0.095) < 1e-6);
  const { rows } = await queryStocks(t.ws, { date: 2000, birth: '山东' });
  assert.deepEqual(rows.map((r) => [r.birth, r.residence, r.count]), [['370000', '230000', 152553]]);
  assert.ok(Math.abs(rows[0].persons - 152553 / 0.095) < 1e-6);
});

test('Chinese headers (出生地, 现住地, 年份, 人数), names with and without suffix, counts in persons by default', async () => {
  const s = await importStocks(t.ws, file('zh.csv', '出生地,现住地,年份,人数\n辽宁,北京,2020,"1,200"\n吉林省,广东省,2020,80\n黑龙江,辽宁省,2020,7\n'));
  assert.equal(s.rows, 3);
  const [table] = await listStockTables(t.ws, { date: 2020 });
  assert.equal(table.unit, 'persons');
  assert.equal(table.samplingRate, null);
  assert.equal(table.definition, 'population by region of birth and region of residence (birthplace stocks)');
  assert.match(table.source, /zh\.csv$/);
  const { rows } = await queryStocks(t.ws, { date: 2020 });
  assert.deepEqual(rows.map((r) => [r.birth, r.residence, r.count, r.persons]), [['210000', '110000', 1200, 1200], ['220000', '440000', 80, 80], ['230000', '210000', 7, 7]]);
});

test('a wide matrix with residence rows (现住地) is stored by birth and residence; total columns are skipped', async () => {
  const p = file('wide.csv', '现住地,辽宁,吉林,黑龙江,合计\n辽宁,,5,6,11\n吉林,7,,8,15\n黑龙江,9,10,,19\n');
  const s = await importStocks(t.ws, p, { date: 2015 });
  assert.equal(s.rows, 6);
  assert.ok(s.notes.some((n) => n.includes('wide matrix') && n.includes('birth columns, residence regions')), s.notes.join('\n'));
  assert.ok(s.notes.some((n) => n.includes('合计')));
  // Row 吉林, column 辽宁 = 7: people born in Liaoning living in Jilin.
  const { rows } = await queryStocks(t.ws, { date: 2015, residence: '吉林省' });
  assert.deepEqual(rows.map((r) => [r.birth, r.residence, r.count]), [['230000', '220000', 8], ['210000', '220000', 7]]);
});

test('a wide matrix whose first column names neither birth nor residence needs rowsAre', async () => {
  const p = file('wide2.csv', '地区,辽宁,吉林\n辽宁,,3\n吉林,4,\n');
  const e = await rejects(p, { date: 2016 });
  assert.match(e.message, /wide2\.csv, row 1, column "地区": a wide stock table must say what its rows are.*--rows birth or --rows residence/);
  await importStocks(t.ws, p, { date: 2016, rowsAre: 'birth' });
  const { rows } = await queryStocks(t.ws, { date: 2016 });
  assert.deepEqual(rows.map((r) => [r.birth, r.residence, r.count]), [['220000', '210000', 4], ['210000', '220000', 3]]);
});

test('negative and non-numeric counts name the file, row, column and value', async () => {
  const n = await rejects(file('neg.csv', 'birth,residence,year,count\n辽宁,北京,2001,3\n辽宁,上海,2001,-4\n'));
  assert.match(n.message, /neg\.csv, row 3, column "count": negative value -4: a stock count cannot be negative/);
  const x = await rejects(file('nan.csv', 'birth,residence,year,count\n辽宁,北京,2001,abc\n'));
  assert.match(x.message, /nan\.csv, row 2, column "count": "abc" is not a stock count/);
});

test('a cell given twice is refused with its rows', async () => {
  const e = await rejects(file('dup.csv', 'birth,residence,year,count\n辽宁,北京,2002,3\n吉林,北京,2002,1\n辽宁省,北京市,2002,4\n'));
  assert.match(e.message, /dup\.csv, row 4, column "birth": stock 210000 -> 110000 of 2002 is given twice \(rows 2, 4\)/);
});

test('unknown regions list the closest known names', async () => {
  const e = await rejects(file('unk.csv', 'birth,residence,year,count\n辽宁,北京,2003,1\n辽林,北京,2003,1\n'));
  assert.match(e.message, /unk\.csv, row 3, column "birth": unknown region "辽林"; closest: .*辽宁省/);
});

test('a date must be one year; missing columns say what is recognised', async () => {
  const r = await rejects(file('range.csv', 'birth,residence,year,count\n辽宁,北京,2000-2010,1\n'));
  assert.match(r.message, /range\.csv, row 2, column "year": "2000-2010" is a range: a stock table is counted at one date/);
  const m = await rejects(file('nodate.csv', 'birth,residence,count\n辽宁,北京,1\n'));
  assert.match(m.message, /nodate\.csv, row 1: missing date column: .*census_year/);
  assert.match((await rejects(file('d.csv', 'birth,residence,count\n辽宁,北京,1\n'), { date: '2010-2020' })).message, /--date "2010-2020" is not a year/);
});

test('units and sampling rates: sample counts need a rate for every date, persons none', async () => {
  const p = file('rates.csv', LONG.replace(/^2000/gm, '1990').replace(/^2010/gm, '1982'));
  assert.match((await rejects(p, { unit: 'sample' })).message, /sample counts need a sampling rate/);
  assert.match((await rejects(p, { unit: 'persons', samplingRate: 0.1 })).message, /only for sample counts/);
  assert.match((await rejects(p, { unit: 'sample', samplingRate: '1990=0.1' })).message, /no sampling rate for 1982/);
  assert.match((await rejects(p, { unit: 'sample', samplingRate: '1990=0.1,1982=0.1,1964=0.1' })).message, /1964, a date the file does not hold/);
  assert.match((await rejects(p, { unit: 'sample', samplingRate: 10 })).message, /sampling rate "10" is not a fraction/);
  assert.match((await rejects(p, { unit: 'people' as never })).message, /unit "people" is not one of persons, sample/);
});

test('the same file twice, or another table of the same date and definition, is refused; replace overwrites', async () => {
  const p = file('again.csv', 'birth,residence,year,count\n辽宁,北京,2004,3\n吉林,北京,2004,1\n');
  await importStocks(t.ws, p);
  assert.match((await rejects(p)).message, /already imported as stocks/);
  const other = file('other.csv', 'birth,residence,year,count\n辽宁,北京,2004,30\n');
  assert.match((await rejects(other)).message, /other\.csv: a stock table of 2004 defined as ".*" is already stored \(import #\d+, 2 cells\); nothing was written/);
  const s = await importStocks(t.ws, other, { replace: true });
  assert.ok(s.notes.some((n) => n.startsWith('replaced the stored stock table of 2004')));
  assert.deepEqual((await queryStocks(t.ws, { date: 2004 })).rows.map((r) => r.count), [30]);
  // Another definition of the same date is a second table.
  await importStocks(t.ws, file('hukou.csv', 'birth,residence,year,count\n辽宁,北京,2004,2\n'), { definition: 'by hukou province' });
  assert.equal((await listStockTables(t.ws, { date: 2004 })).length, 2);
});

test('a stock table as a dense matrix: rows birth, columns residence, missing cells NaN, in persons on request', async () => {
  const m = await loadStockMatrix(t.ws, { date: 2000, regions: ['山东', 'Heilongjiang', '210000', '北京'] });
  assert.deepEqual(m.regions, ['370000', '230000', '210000', '110000']);
  assert.deepEqual(m.names, ['山东省', '黑龙江省', '辽宁省', '北京市']);
  assert.equal(m.values[0 * 4 + 1], 152553);
  assert.equal(m.values[1 * 4 + 0], 39311);
  assert.equal(m.values[2 * 4 + 3], 40000);
  assert.ok(Number.isNaN(m.values[0]), 'the diagonal is not in the table: NaN, not 0');
  assert.equal(m.diagonal, 'missing');
  assert.equal(m.missing, 16 - 3);
  assert.deepEqual([m.unit, m.samplingRate, m.definition, m.kind], ['sample', 0.095, CENSUS, 'observed']);
  // The warnings coded beside their English, so the CLI and the page can say them in Chinese.
  assert.deepEqual(m.warnings, ['4 of 4 diagonal cells (people living in their region of birth) are not in the table and read as NaN', '9 cells between two regions are not in the table and read as NaN']);
  assert.deepEqual(m.messages.warnings.map((w) => [w.code, w.message, messageIn(w, 'zh')]), [
    ['stocks.matrixDiagonal', m.warnings[0], '4 个对角线单元格（居住在出生地区的人）中有 4 个不在表中，记为缺失值'],
    ['stocks.matrixCells', m.warnings[1], '两地区之间有 9 个单元格不在表中，记为缺失值'],
  ]);

  const p = await loadStockMatrix(t.ws, { date: 2010, definition: CENSUS, persons: true, fill: 0, regions: ['370000', '230000'] });
  assert.equal(p.unit, 'persons');
  assert.ok(Math.abs(p.values[1] - 740240) < 1e-6);
  assert.equal(p.values[0], 0);
  assert.deepEqual(p.outside, { cells: 1, total: 4781150 });
  assert.deepEqual(p.messages.warnings.map((w) => [w.code, w.message, messageIn(w, 'zh')]), [
    ['stocks.matrixDiagonal', '2 of 2 diagonal cells (people living in their region of birth) are not in the table and read as 0', '2 个对角线单元格（居住在出生地区的人）中有 2 个不在表中，记为 0'],
    ['stocks.matrixOutside', '1 stored cells have an end outside the regions asked for and are left out', '1 个已存储的单元格有一端在所选地区之外，未纳入'],
  ]);
  const all = await loadStockMatrix(t.ws, { date: 2010 });
  assert.deepEqual(all.regions, ['230000', '370000', '430000', '440000']);
});

test('matrix of a date without a table, or with several, says what is stored', async () => {
  await assert.rejects(loadStockMatrix(t.ws, { date: 1953 }), (e: unknown) => e instanceof NotFoundError && /no stock table of 1953; the workspace holds stock tables of 2000/.test(e.message));
  await assert.rejects(loadStockMatrix(t.ws, { date: 2004 }), (e: unknown) => e instanceof SpecError && /2 stock tables of 2004: #\d+ ".*", #\d+ "by hukou province"/.test(e.message));
  await assert.rejects(loadStockMatrix(t.ws, { date: 2000, regions: ['山东', '山冬'] }), (e: unknown) => e instanceof InputError && /unknown region "山冬"/.test(e.message));
});
