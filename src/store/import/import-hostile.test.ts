/**
 * Findings of the bad-input audit (issue 13) through the importers: each refusal is an InputError
 * naming file, row (or feature) and column, nothing is written; valid data with mixed line endings
 * imports.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../core/errors.ts';
import { chinaWorkspace, count } from '../../../test/helpers/workspace.ts';
import { xlsx } from '../../../test/fuzz/zip-writer.ts';
import { encodeGb18030 } from '../../../test/fuzz/gb18030.ts';
import { importFlows, importGeometry, importGroups, importIndicators, importPersons, importRegions, importStocks } from '../index.ts';

let t: Awaited<ReturnType<typeof chinaWorkspace>>;
before(async () => {
  t = await chinaWorkspace();
});
after(() => t.done());
const file = (name: string, content: string | Buffer) => {
  const p = join(t.dir, name);
  writeFileSync(p, content);
  return p;
};
const TABLES = ['regions', 'region_groups', 'flows', 'indicators', 'imports'];
async function refused(run: () => Promise<unknown>, where: { row?: number; column?: string }, message: RegExp): Promise<void> {
  const before = await Promise.all(TABLES.map((x) => count(t.ws, x)));
  const e = await run().then(() => null, (x: unknown) => x);
  assert.ok(e instanceof InputError, `expected an InputError, got ${e}`);
  assert.match(e.message, message);
  assert.ok(e.file && e.message.startsWith(e.file), 'the message names the file');
  assert.deepEqual({ row: e.row, column: e.column }, where);
  assert.deepEqual(await Promise.all(TABLES.map((x) => count(t.ws, x))), before, 'nothing written');
}
const fc = (...features: object[]) => JSON.stringify({ type: 'FeatureCollection', features });
const feature = (properties: object, geometry: object | null) => ({ type: 'Feature', properties, geometry });
const SQUARE = { type: 'Polygon', coordinates: [[[120, 40], [121, 40], [121, 41], [120, 41], [120, 40]]] };

test('geometry errors name the file, the row or feature and the column', async () => {
  // A hole as large as its polygon: every ring is valid, the area is 0 ("polygon area is 0" before, with no place).
  const ring = 'POLYGON((0 0, 1 0, 1 1, 0 1, 0 0), (0 0, 1 0, 1 1, 0 1, 0 0))';
  await refused(() => importRegions(t.ws, file('zero.csv', `code,name,level,parent,wkt\nZ1,甲,city,210000,"${ring}"\n`)),
    { row: 2, column: 'wkt' }, /boundary of Z1: its holes cover as much as its exterior ring or more/);
  const g = file('zero.geojson', fc(feature({ code: '210100' }, SQUARE), feature({ code: '210200' }, { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]], [[0, 0], [1, 0], [1, 1], [0, 0]]] })));
  await refused(() => importGeometry(t.ws, g), { row: 2, column: 'geometry' }, /boundary of 210200: its holes cover/);
  await refused(() => importRegions(t.ws, file('flat.csv', 'code,name,level,parent,wkt\nZ1,甲,city,210000,"POLYGON((0 0, 1 1, 2 2, 0 0))"\n')),
    { row: 2, column: 'wkt' }, /boundary of Z1: ring 1: no area \(its positions lie on one line\)/);
});

test('unclosed rings are refused, not closed silently', async () => {
  await refused(() => importRegions(t.ws, file('open.csv', 'code,name,level,parent,wkt\nZ2,甲,city,210000,"POLYGON((0 0, 1 0, 1 1, 0 1))"\n')),
    { row: 2, column: 'wkt' }, /boundary of Z2: ring 1: not closed: it starts at \(0 0\) and ends at \(0 1\)/);
  const g = file('open.geojson', fc(feature({ code: '210100' }, SQUARE), feature({ code: '210200' }, { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] })));
  await refused(() => importGeometry(t.ws, g), { row: 2, column: 'geometry' }, /boundary of 210200: ring 1: not closed/);
});

test('Point and null boundaries are refused for regions and geometry', async () => {
  const pt = file('pt.geojson', fc(feature({ code: 'Z3', name: '甲', level: 'city', parent: '210000' }, { type: 'Point', coordinates: [120, 40] })));
  await refused(() => importRegions(t.ws, pt), { row: 1, column: 'geometry' }, /boundary of Z3: a Point is not a boundary/);
  const nul = file('null.geojson', fc(feature({ code: 'Z4', name: '甲', level: 'city', parent: '210000' }, SQUARE), feature({ code: 'Z5', name: '乙', level: 'city', parent: '210000' }, null)));
  await refused(() => importRegions(t.ws, nul), { row: 2, column: 'geometry' }, /boundary of Z5: no geometry/);
  await refused(() => importGeometry(t.ws, file('gpt.geojson', fc(feature({ code: '210100' }, { type: 'Point', coordinates: [120, 40] })))),
    { row: 1, column: 'geometry' }, /boundary of 210100: a Point is not a boundary/);
  await refused(() => importGeometry(t.ws, file('gnull.geojson', fc(feature({ code: '210100' }, null)))), { row: 1, column: 'geometry' }, /no geometry/);
  await refused(() => importRegions(t.ws, file('wktpt.csv', 'code,name,level,parent,wkt\nZ6,甲,city,210000,POINT(120 40)\n')), { row: 2, column: 'wkt' }, /a Point is not a boundary/);
});

test('two features for one region are refused, naming both', async () => {
  const g = file('dup.geojson', fc(feature({ code: '210100' }, SQUARE), feature({ code: '沈阳' }, SQUARE)));
  await refused(() => importGeometry(t.ws, g), { row: 2, column: 'code' }, /features 1 and 2 are both the boundary of 210100: keep one/);
});

test('a name_zh without Chinese characters is refused, not stored as null', async () => {
  await refused(() => importRegions(t.ws, file('nz.csv', 'code,name_zh,name_en,level,parent\nZ7,赤峰二,Chifeng2,city,150000\nZ8,Shenyang2,Shenyang2,city,210000\n')),
    { row: 3, column: 'name_zh' }, /"Shenyang2" has no Chinese characters: name_zh holds the Chinese name/);
  // A plain name column may hold either script; Han beyond the basic block counts as Chinese.
  const ok = await importRegions(t.ws, file('names.csv', 'code,name,level,parent\nZ9,Shenyang Three,city,210000\nZ10,𠀀村,city,210000\n'));
  assert.equal(ok.rows, 2);
  const rows = await t.ws.db.all<{ code: string; name_zh: string | null; name_en: string | null }>("SELECT code, name_zh, name_en FROM regions WHERE code IN ('Z9', 'Z10') ORDER BY code");
  assert.deepEqual(rows.map((r) => [r.code, r.name_zh, r.name_en]), [['Z10', '𠀀村', null], ['Z9', null, 'Shenyang Three']]);
});

test('CR-only and mixed CRLF/LF files import with the right values', async () => {
  const cr = await importFlows(t.ws, file('cr.csv', 'origin,destination,year,count\r210100,110000,2014,6\r210200,310000,2014,5\r'));
  assert.equal(cr.rows, 2);
  const mixed = await importFlows(t.ws, file('mixed.csv', 'origin,destination,year,count\r\n210100,110000,2015,6\n210200,310000,2015,"5"\r\n"210300","310000",2015,7\n'));
  assert.equal(mixed.rows, 3);
  const gbk = await importFlows(t.ws, file('mixed-gbk.csv', encodeGb18030('迁出地,迁入地,年份,人数\r\n辽宁,北京,2015,3\n吉林,北京,2015,4\r\n')));
  assert.deepEqual([gbk.encoding, gbk.rows], ['gb18030', 2]);
  const flows = await t.ws.db.all<{ origin: string; count: number }>("SELECT origin, count FROM flows WHERE period = '2015' ORDER BY origin, destination");
  assert.deepEqual(flows.map((f) => [f.origin, f.count]), [['210000', 3], ['210100', 6], ['210200', 5], ['210300', 7], ['220000', 4]]);
});

test('a line over the 16 MB bound (one huge cell) is refused before DuckDB reads it', async () => {
  const big = file('big.csv', `origin,destination,year,count,note\n210100,110000,2016,6,x\n210200,110000,2016,7,"${'x'.repeat(17_000_000)}"\n`);
  await refused(() => importFlows(t.ws, big), { row: 3, column: undefined }, /a line of 17\.0 MB, over the 16 MB a line of a table may have/);
});

test('workbooks: a formula without its value, a damaged workbook and a bomb name the file and the place', async () => {
  const f = file('formula.xlsx', xlsx([['origin', 'destination', 'year', 'count'], ['210100', '110000', 2017, 5], ['210200', '110000', 2017, { formula: 'D2*2' }]]));
  await refused(() => importFlows(t.ws, f), { row: 3, column: 'count' }, /cell D3 holds the formula "=D2\*2" without a calculated value/);
  const good = xlsx([['origin', 'destination', 'year', 'count'], ['210100', '110000', 2017, 5]]);
  await refused(() => importFlows(t.ws, file('cut.xlsx', good.subarray(0, good.length - 30))), { row: undefined, column: undefined }, /the workbook is cut off/);
});

test('headers that clash with the staging row column or differ only in case are renamed, not a crash', async () => {
  const x = file('row.xlsx', xlsx([['origin', 'destination', 'year', 'count', '_row', 'COUNT'], ['210100', '110000', 2018, 5, 1, 2]]));
  assert.equal((await importFlows(t.ws, x)).rows, 1);
  const c = file('case.csv', 'origin,destination,year,count,Count\n210100,110000,2019,6,1\n');
  assert.equal((await importFlows(t.ws, c)).rows, 1);
});

test('JSON documents over the size cap are refused before they are read', async () => {
  const p = join(t.dir, 'huge.json');
  writeFileSync(p, '');
  truncateSync(p, 129 * 2 ** 20);
  await refused(() => importGroups(t.ws, p), { row: undefined, column: undefined }, /129 MiB is over the 128 MiB a JSON document may have/);
  const g = join(t.dir, 'huge.geojson');
  writeFileSync(g, '');
  truncateSync(g, 129 * 2 ** 20);
  await refused(() => importGeometry(t.ws, g), { row: undefined, column: undefined }, /over the 128 MiB a JSON document may have/);
});

// Found by the fuzz suite (test/fuzz): each failed before its fix.

test('numeric headers (region codes heading a matrix) keep their columns: the staging struct kept object key order', async () => {
  const s = await importFlows(t.ws, file('codes.csv', 'origin,110000,120000\n210100,5,7\n210200,11,13\n'), { wide: true, period: '2011' });
  assert.equal(s.rows, 4);
  const rows = await t.ws.db.all<{ origin: string; destination: string; count: number }>("SELECT origin, destination, count FROM flows WHERE period = '2011' ORDER BY ALL");
  assert.deepEqual(rows.map((r) => [r.origin, r.destination, r.count]), [['210100', '110000', 5], ['210100', '120000', 7], ['210200', '110000', 11], ['210200', '120000', 13]]);
  const long = await importFlows(t.ws, file('numeric-head.csv', 'origin,2012,destination,count\n210100,x,110000,3\n'), { period: '2012' });
  assert.equal(long.rows, 1);
});

test('a repeated row of a wide matrix is a duplicate flow naming its rows, not a database error', async () => {
  await refused(() => importFlows(t.ws, file('dup-wide.csv', 'origin,110000,120000\n210100,5,7\n210100,5,7\n'), { wide: true, period: '2013' }),
    { row: 3, column: 'origin' }, /duplicate flow 210100 -> 110000, 2013 on rows 2, 3/);
});

test('JSON lines: a count given as a number in one line and as text in another is read as the number', async () => {
  const s = await importFlows(t.ws, file('mixed.jsonl', '{"origin":"210100","destination":"110000","year":2016,"count":9}\n{"origin":"210200","destination":"110000","year":"2016","count":"70"}\n'));
  assert.equal(s.rows, 2);
  const rows = await t.ws.db.all<{ count: number }>("SELECT count FROM flows WHERE period = '2016' AND destination = '110000' ORDER BY count");
  assert.deepEqual(rows.map((r) => r.count), [9, 70]);
});

test('malformed JSON lines name the line, without the engine\'s prefix or the path', async () => {
  await refused(() => importFlows(t.ws, file('bad.jsonl', '{"origin":"210100","destination":"110000","year":2017,"count":9}\n{"origin":"210100",\n')),
    { row: 3, column: undefined }, /^\S+bad\.jsonl, row 3: cannot read: malformed JSON: unexpected end of data \(at byte \d+ of the line\)$/);
});

test('a first data row with too many columns is named with its row (was "CSV Error on Line: 2")', async () => {
  await refused(() => importFlows(t.ws, file('wide-extra.csv', 'origin,110000,120000\n210100,5,7,,"x"\n'), { wide: true, period: '2018' }),
    { row: 2, column: undefined }, /expected number of columns: 3 found: \d \(an unquoted delimiter inside a value\?\)/);
});

test('wide indicator values beyond the accepted range are refused (1e308 was stored)', async () => {
  await refused(() => importIndicators(t.ws, file('wide-big.csv', 'region,population_2020\n210100,1418405\n210200,1e308\n')),
    { row: 3, column: 'population_2020' }, /1e308 is outside the accepted range of an indicator value: -1e18 to 1e18/);
});

test('holes larger than their exterior ring are refused (a negative area was stored)', async () => {
  await refused(() => importRegions(t.ws, file('hole.csv', 'code,name,level,parent,wkt\nZ11,甲,city,210000,"POLYGON((0 0, 1 0, 1 1, 0 1, 0 0), (0 0, 4 0, 4 4, 0 4, 0 0))"\n')),
    { row: 2, column: 'wkt' }, /boundary of Z11: its holes cover as much as its exterior ring or more/);
});

test('a JSON document that is null, a number or an array is not GeoJSON (was a TypeError)', async () => {
  for (const [i, text] of ['null', '5', '[]', '"x"'].entries()) {
    await refused(() => importRegions(t.ws, file(`odd${i}.geojson`, text)), { row: undefined, column: undefined }, /expected a GeoJSON FeatureCollection or Feature/);
  }
});

test('a group code given twice in one file is refused naming both (was a key violation at the final write)', async () => {
  const g = file('twice.json', JSON.stringify([{ code: 'g1', members: ['210000'] }, { code: 'g1', members: ['220000'] }]));
  await refused(() => importGroups(t.ws, g), { row: 2, column: 'code' }, /group g1 is given twice \(groups 1 and 2\)/);
});

test('a region without a level in a file with a level column is refused (was a TypeError at the final write)', async () => {
  const g = file('nolevel.geojson', fc(feature({ code: 'Z12', name: '甲', parent: '210000' }, SQUARE), feature({ code: 'Z13', name: '乙', level: 'city', parent: '210000' }, SQUARE)));
  await refused(() => importRegions(t.ws, g), { row: 1, column: 'level' }, /missing value: a level is required/);
  await refused(() => importRegions(t.ws, file('nolevel.csv', 'code,name,level,parent\nZ12,甲,,210000\n')), { row: 2, column: 'level' }, /missing value: a level is required/);
});

test('a column of 20,000 distinct unknown names is refused in seconds, naming the first row (took 75 s)', async () => {
  const rows = Array.from({ length: 20_000 }, (_, i) => `place-${(i * 7919) % 20_000}-${'abcdefghij'.repeat(3)},110000,2010,${i}`);
  const t0 = performance.now();
  await refused(() => importFlows(t.ws, file('unknown.csv', `origin,destination,year,count\n${rows.join('\n')}\n`)),
    { row: 2, column: 'origin' }, /unknown region "place-0-abcdefghij\S*"; closest: /);
  assert.ok(performance.now() - t0 < 10_000, `took ${performance.now() - t0} ms`);
});

test('text in no known encoding names its row; bad UTF-8 past the sampled first MiB too, in our words', async () => {
  const bad = Buffer.concat([Buffer.from('origin,destination,year,count\n210100,110000,2019,1\n'), Buffer.from([0xff, 0xff]), Buffer.from(',110000,2019,2\n')]);
  await refused(() => importFlows(t.ws, file('bad-bytes.csv', bad)), { row: 3, column: undefined }, /not valid UTF-8 \(first bad byte at offset 51\) nor GB18030\/GBK/);
  const body = '210100,110000,2019,1\n'.repeat(60_000);
  const late = Buffer.concat([Buffer.from('origin,destination,year,count\n' + body), Buffer.from([0xc3, 0x28]), Buffer.from(',110000,2019,2\n')]);
  await refused(() => importFlows(t.ws, file('late-bytes.csv', late), { sumDuplicates: true }), { row: 60_002, column: undefined },
    /invalid UTF-8 text \(first bad byte at offset 1260030\): give the right --encoding/);
});

test('a byte that is not UTF-8 in one of the columns read no longer invalidates the workspace (a DuckDB internal error did)', async () => {
  // Found by the long fuzz run: DuckDB 1.5, asked for some columns of a CSV, failed with "Attempted
  // to access index 4 within vector of size 4" and every later statement with "database has been invalidated".
  // A byte-order mark makes detection trust the file to be UTF-8 without looking further.
  const bad = Buffer.concat([Buffer.from('\ufeffbirth,residence,date,note,count\n110000,120000,2010,,'), Buffer.from([0xfe]), Buffer.from('027\n')]);
  await refused(() => importStocks(t.ws, file('stock-bytes.csv', bad), { definition: 'bytes' }), { row: 2, column: undefined }, /invalid UTF-8 text/);
  assert.ok((await count(t.ws, 'regions')) > 0, 'the workspace still answers');
});

test('a JSON-lines record over the 16 MB line bound is refused with its line', async () => {
  const big = file('big.jsonl', `{"origin":"210100","destination":"110000","year":2016,"count":1}\n{"origin":"${'x'.repeat(17_000_000)}","destination":"110000","year":2016,"count":1}\n`);
  await refused(() => importFlows(t.ws, big), { row: 2, column: undefined }, /a line of 17\.0 MB, over the 16 MB a line of a table may have/);
});

// Fuzz run of seed 20250603 (inputs flows-long 5650, persons 5184, 6227, 6311, xlsx 2126): a cell
// that JavaScript's trim() empties but DuckDB's trim() (spaces only) does not, a tab, a carriage
// return, a byte-order mark, passed the SQL blank checks and was skipped by the region matcher.
test('a region cell of only a tab, CR or byte-order mark is a missing region naming its row, not a TypeError or a dropped row', async () => {
  // Two such rows were a duplicate whose key found no region (TypeError reading 'origin'), with or without replace.
  const dup = 'origin|destination|year|count\n210100|110000|2011|5\n"  \t "|110000|2011|7\n"  \t "|110000|2011|7\n';
  for (const replace of [false, true]) {
    await refused(() => importFlows(t.ws, file('tab-dup.csv', dup), { replace }), { row: 3, column: 'origin' }, /missing value: a region is required/);
  }
  // One such row was left out of the import without a word (the join to the region map dropped it).
  await refused(() => importFlows(t.ws, file('tab-one.csv', 'origin,destination,year,count\n210100,110000,2011,5\n210200,"\u3000",2011,4\n')),
    { row: 3, column: 'destination' }, /missing value: a region is required/);
  await refused(() => importStocks(t.ws, file('tab-stock.csv', 'residence,birthplace,year,count\n"\t",210000,2010,5\n'), { definition: 'birthplace' }),
    { row: 2, column: 'residence' }, /missing value: a region is required/);
});

test('person records: a blank id or university and a destination of only a CR or a byte-order mark are refused naming row and column (were NOT NULL constraint errors)', async () => {
  const head = 'id,year,university,degree,major,home_region,study_region,destination,monthly_salary\n';
  const rows = (bad: string) => `${head}S0,2003,NEU,本科,math,210000,210000,110000,6367\n${bad}\nS2,2006,NEU,,,230700,410500,341300,14729\n`;
  const personTables = async () => Promise.all(['persons', 'imports'].map((x) => count(t.ws, x)));
  const before = await personTables();
  const cases: [string, string, RegExp][] = [
    [',2002,NEU,本科,math,Shannan,Handan,659009,', 'id', /missing value: a record id is required/],
    [' \t,2002,NEU,本科,math,Shannan,Handan,659009,', 'id', /missing value: a record id is required/],
    ['S1,2002,"\u3000",本科,math,Shannan,Handan,659009,', 'university', /missing value: a university is required/],
    ['S1,2017,NEU,,math,370700,410500,"\r",19993', 'destination', /missing value: a region is required/],
    ['S1,2016,NEU,,math,Dingan,110000,\ufeff,14971', 'destination', /missing value: a region is required/],
  ];
  for (const [bad, column, message] of cases) {
    await refused(() => importPersons(t.ws, file('graduates.csv', rows(bad))), { row: 3, column }, message);
  }
  // The same in a workbook: an empty id cell names its Excel row.
  const book = xlsx([head.trim().split(','), ['S0', 2003, 'NEU', '本科', 'math', '210000', '210000', '110000', 6367], ['', 2004, 'NEU', '', '', '', '', '110000', '']]);
  await refused(() => importPersons(t.ws, file('graduates.xlsx', book)), { row: 3, column: 'id' }, /missing value: a record id is required/);
  assert.deepEqual(await personTables(), before, 'nothing written');
  // Valid data: such blanks in optional region columns are missing values; an outcome with a tab around it is the outcome.
  const ok = await importPersons(t.ws, file('graduates-ok.csv', `${head}S0,2003,NEU,本科,math,"\u3000","\t",110000,6367\nS1,2004,NEU,,,210000,210000,"further study\t",\n`));
  assert.equal(ok.rows, 2);
  const stored = await t.ws.db.all<{ id: string; home_region: string | null; study_region: string | null; destination: string }>(
    'SELECT id, home_region, study_region, destination FROM persons WHERE import_id = ? ORDER BY id', [ok.importId]);
  assert.deepEqual(stored.map((p) => [p.id, p.home_region, p.study_region, p.destination]), [['S0', null, null, '110000'], ['S1', '210000', '210000', 'further_study']]);
});
