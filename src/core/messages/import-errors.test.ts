// What the imports refuse in a regions, groups, boundaries, flows, indicators or persons file and
// in the stock sampling options (import-errors.ts): the English they wrote before codes, word for
// word, now coded; every code reads in Chinese with no English sentence left (a boundary check's
// finding too), as `import --lang zh` and the page say them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertChinese } from '../../../test/helpers/chinese.ts';
import { tempWorkspace } from '../../../test/helpers/workspace.ts';
import { ConflictError, InputError, NotFoundError, SpecError } from '../errors.ts';
import { alsoIn, errorIn } from '../../cli/lang.ts';
import { parseSamplingRates, ratesForDates } from '../../store/import/stock-options.ts';
import { importFlows } from '../../store/import/import-flows.ts';
import { importIndicators } from '../../store/import/import-indicators.ts';
import { importStocks } from '../../store/import/import-stocks.ts';
import { loadStockMatrix } from '../../store/queries/stock-matrix.ts';
import { flowTableFromRows } from '../flow-table.ts';
import { importGeometry } from '../../store/import/import-geometry.ts';
import { importGroups } from '../../store/import/import-groups.ts';
import { importRegions } from '../../store/import/import-regions.ts';
import { IMPORT_ERROR_MESSAGES } from './import-errors.ts';
import { renderMessage, type MessageCode } from './index.ts';
import { messageIn } from './zh.ts';

const refusal = (e: unknown, code: string): InputError => {
  assert.ok(e instanceof InputError && e.text?.code === code, String(e));
  return e;
};
const zh = (e: InputError) => messageIn({ ...e.text!, message: e.reason } as never, 'zh');

test('a repeated region code, a group field of the wrong type and sampling rates given twice or missing keep their English, coded', async () => {
  assert.throws(() => parseSamplingRates('2000=0.1,2000=0.2', 'sample', 'f.csv'), (e: unknown) => {
    assert.equal(refusal(e, 'stocks.rateTwice').reason, 'sampling rate of 2000 is given twice');
    assert.equal(zh(e as InputError), '2000 年的抽样比例给出了两次');
    return true;
  });
  assert.throws(() => ratesForDates({ all: null, byDate: new Map([[2000, 0.1]]) }, 'sample', [2000, 2010], 'f.csv'), (e: unknown) => {
    assert.equal(refusal(e, 'stocks.rateMissing').reason, 'no sampling rate for 2010: give one for every date of the file (2000, 2010)');
    return true;
  });
  const t = await tempWorkspace();
  try {
    const file = join(t.dir, 'd.csv');
    writeFileSync(file, 'code,name,level\nA,甲,city\nA,乙,city\n');
    await assert.rejects(importRegions(t.ws, file), (e: unknown) => {
      const r = refusal(e, 'regions.codeTwice');
      assert.equal(r.reason, 'region code "A" appears twice (rows 2 and 3)');
      assert.equal(r.row, 3);
      assert.equal(zh(r), '地区代码“A”出现了两次（第 2 行和第 3 行）');
      return true;
    });
    // A group's field that fails the schema: the path below the group, then zod's problem.
    const groups = join(t.dir, 'g.json');
    writeFileSync(groups, '[{"code":"g","name_zh":"组","members":"A"}]');
    await assert.rejects(importGroups(t.ws, groups), (e: unknown) => {
      const r = refusal(e, 'imports.groupField');
      assert.equal(r.reason, 'members: Invalid input: expected array, received string');
      assert.equal([r.row, r.column].join(), '1,members');
      assertChinese([zh(r)], 'group field');
      return true;
    });
  } finally {
    t.done();
  }
});

test('a boundaries file\'s unknown and ambiguous names and bad boundaries, flows already stored and further repeated flows: coded, English as before, whole in Chinese', async () => {
  const t = await tempWorkspace();
  const write = (name: string, text: string) => {
    writeFileSync(join(t.dir, name), text);
    return join(t.dir, name);
  };
  const feature = (name: string, geometry: unknown) => JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name }, geometry }] });
  const square = { type: 'Polygon', coordinates: [[[123, 41], [124, 41], [124, 42], [123, 42], [123, 41]]] };
  const refused = async (run: Promise<unknown>, code: string) => refusal(await run.then(() => null, (e: unknown) => e), code);
  try {
    await importRegions(t.ws, write('r.csv', 'code,name_zh,name_en,level\n210100,沈阳市,Shenyang,city\n210300,朝阳市,Chaoyang,city\n230100,朝阳市,Chaoyang,city\n'), { registry: false });
    const unknown = await refused(importGeometry(t.ws, write('u.geojson', feature('沈阳x', square))), 'region.unknown');
    assert.equal(unknown.reason, 'unknown region "沈阳x"; closest: 沈阳市 / Shenyang (210100, city), 朝阳市 / Chaoyang (210300, city), 朝阳市 / Chaoyang (230100, city)');
    assert.equal(zh(unknown), '没有地区“沈阳x”；最接近的：沈阳市（210100，市级）、朝阳市（210300，市级）、朝阳市（230100，市级）');
    const ambiguous = await refused(importGeometry(t.ws, write('a.geojson', feature('朝阳市', square))), 'region.ambiguous');
    assert.match(ambiguous.reason, /^region "朝阳市" is ambiguous: 朝阳市 \/ Chaoyang \((210300|230100), city\) or .*; use the code$/);
    assert.match(zh(ambiguous), /^地区“朝阳市”有多个可能：朝阳市（\d+，市级）或朝阳市（\d+，市级）；请用代码$/);
    // The boundary check's finding, with its polygon, ring and position, in Chinese too.
    const open = { type: 'MultiPolygon', coordinates: [square.coordinates, [square.coordinates[0].slice(0, 4)]] };
    const bad = await refused(importGeometry(t.ws, write('b.geojson', feature('沈阳市', open))), 'regions.badBoundary');
    assert.equal(bad.reason, 'boundary of 210100: polygon 2, ring 1: not closed: it starts at (123 41) and ends at (123 42); repeat the first position at the end');
    assert.equal(zh(bad), '210100 的边界：第 2 个多边形，第 1 个环：没有闭合：起点为（123 41），终点为（123 42）；请在末尾重复第一个坐标');
    const wkt = await refused(importRegions(t.ws, write('w.csv', 'code,name_zh,level,geometry\n990100,测试市,city,"POLYGON((1 2, 3 4, 200 1, 1 2))"\n'), { registry: false }), 'regions.badBoundary');
    assert.equal(wkt.reason, 'boundary of 990100: ring 1: position 3: longitude 200 is outside the accepted range -180 to 180 degrees');
    assert.equal(zh(wkt), '990100 的边界：第 1 个环：第 3 个坐标：经度 200 超出可接受的范围 -180 至 180 度');

    const flows = 'origin,destination,year,count\n';
    await importFlows(t.ws, write('f1.csv', `${flows}210100,210300,2019,5\n`));
    const f2 = write('f2.csv', `${flows}210100,210300,2019,5\n230100,210100,2019,3\n`);
    const stored = await importFlows(t.ws, f2).then(() => null, (e: unknown) => e);
    assert.ok(stored instanceof ConflictError && stored.text?.code === 'imports.flowsInWorkspace', String(stored));
    assert.equal(stored.message, `${f2}: 1 of these flows are already in the workspace (e.g. 210100 -> 210300, 2019); nothing was written. Use --replace to overwrite them`);
    assert.equal(errorIn(stored, 'zh'), `${f2}：其中 1 条流动已在工作区中（例如 210100 → 210300，2019）；未写入任何内容。如需覆盖请用 --replace`);
    const repeats = await refused(importFlows(t.ws, write('d.csv', `${flows}210100,210300,2018,5\n210100,210300,2018,3\n230100,210100,2018,3\n230100,210100,2018,4\n230100,210100,2018,1\n`)), 'imports.duplicateFlow');
    assert.deepEqual(repeats.more, ['row 4: 2 more rows repeat its flow']);
    assert.deepEqual(alsoIn(repeats, 'zh'), ['第 4 行：其流动在另外 2 行重复出现']);
  } finally {
    t.done();
  }
});

test('a flows file\'s unknown, ambiguous and missing region names, a workspace without regions, values and stock tables already stored, a stock matrix\'s regions: coded, English as before but for the region words, whole in Chinese', async () => {
  const t = await tempWorkspace();
  const empty = await tempWorkspace();
  const write = (name: string, text: string) => {
    writeFileSync(join(t.dir, name), text);
    return join(t.dir, name);
  };
  const refused = async (run: Promise<unknown>, code: string) => refusal(await run.then(() => null, (e: unknown) => e), code);
  const conflict = async (run: Promise<unknown>, code: string) => {
    const e = await run.then(() => null, (x: unknown) => x);
    assert.ok(e instanceof ConflictError && e.text?.code === code, String(e));
    return e;
  };
  try {
    await importRegions(t.ws, write('r.csv', 'code,name_zh,name_en,level\n210100,沈阳市,Shenyang,city\n210300,朝阳市,Chaoyang,city\n230100,朝阳市,Chaoyang,city\n'), { registry: false });
    // Seven bad names: the first, four further ones with row and column, and a count of the rest.
    const names = ['沈阳x', '朝阳市', 'Tieling', 'a1', 'a2', 'a3', 'a4'];
    const bad = await refused(importFlows(t.ws, write('f.csv', `orig,dest,year,count\n${names.map((n, i) => `${i === 4 ? '210100' : n},${i === 4 ? n : '210100'},2019,${i + 1}`).join('\n')}\n`), { map: 'origin=orig,destination=dest' }), 'region.unknown');
    const closest = '沈阳市 / Shenyang (210100, city), 朝阳市 / Chaoyang (210300, city), 朝阳市 / Chaoyang (230100, city)';
    const closestZh = '沈阳市（210100，市级）、朝阳市（210300，市级）、朝阳市（230100，市级）';
    assert.equal(bad.message, `${join(t.dir, 'f.csv')}, row 2, column "orig": unknown region "沈阳x"; closest: ${closest}`);
    assert.equal(zh(bad), `没有地区“沈阳x”；最接近的：${closestZh}`);
    assert.match(bad.more[0], /^row 3, column "orig": region "朝阳市" is ambiguous: 朝阳市 \/ Chaoyang \(\d{6}, city\) or 朝阳市 \/ Chaoyang \(\d{6}, city\); use the code$/);
    assert.deepEqual(bad.more.slice(1), [`row 4, column "orig": unknown region "Tieling"; closest: ${closest}`, `row 5, column "orig": unknown region "a1"; closest: ${closest}`,
      `row 6, column "dest": unknown region "a2"; closest: ${closest}`, 'and 2 more unrecognised names']);
    const also = alsoIn(bad, 'zh');
    assert.match(also[0], /^第 3 行，“orig”列：地区“朝阳市”有多个可能：朝阳市（\d{6}，市级）或朝阳市（\d{6}，市级）；请用代码$/);
    assert.deepEqual(also.slice(1), [`第 4 行，“orig”列：没有地区“Tieling”；最接近的：${closestZh}`, `第 5 行，“orig”列：没有地区“a1”；最接近的：${closestZh}`,
      `第 6 行，“dest”列：没有地区“a2”；最接近的：${closestZh}`, '还有 2 个名称无法识别']);
    const blank = await refused(importFlows(t.ws, write('b.csv', 'origin,destination,year,count\n210100,,2019,5\n')), 'imports.regionMissing');
    assert.deepEqual([blank.reason, errorIn(blank, 'zh')], ['missing value: a region is required', `${join(t.dir, 'b.csv')}，第 2 行，“destination”列：缺少值：需要地区`]);
    const none = await refused(importFlows(empty.ws, write('n.csv', 'origin,destination,year,count\n210100,210300,2019,5\n')), 'imports.noRegions');
    assert.equal(none.reason, 'the workspace has no regions yet: import regions first (talentflow import regions FILE) or run talentflow demo');
    assert.equal(zh(none), '工作区中还没有地区：请先导入地区（talentflow import regions FILE）或运行 talentflow demo');

    const i1 = write('i1.csv', 'region,year,gdp\n210100,2020,5\n');
    await importIndicators(t.ws, i1);
    // The same bytes again: named with the earlier import, its rows and time.
    const same = await conflict(importIndicators(t.ws, i1), 'imports.sameFile');
    assert.match(same.message, new RegExp(`^${i1}: the same file was already imported as indicators \\(import #\\d+ from ${i1}, 1 rows, 20\\d\\d-[-\\dT:.]+Z\\); nothing was written\\. Use --replace to import it again in its place$`));
    assert.match(errorIn(same, 'zh'), new RegExp(`^${i1}：同一文件已作为指标导入过（导入 #\\d+，来自 ${i1}，1 行，20\\d\\d-[-\\dT:.]+Z）；未写入任何内容。如需用它替换那次导入请用 --replace$`));
    const i2 = write('i2.csv', 'region,year,gdp\n210100,2020,6\n');
    const values = await conflict(importIndicators(t.ws, i2), 'imports.valuesInWorkspace');
    assert.equal(values.message, `${i2}: 1 values are already in the workspace (e.g. gdp of 210100 for 2020); nothing was written. Use --replace to overwrite them`);
    assert.equal(errorIn(values, 'zh'), `${i2}：其中 1 个指标数值已在工作区中（例如 210100 在 2020 的“gdp”）；未写入任何内容。如需覆盖请用 --replace`);
    await importStocks(t.ws, write('s1.csv', 'birth,residence,count\n210100,210300,5\n'), { date: 2010, definition: 'by hukou' });
    const s2 = write('s2.csv', 'birth,residence,count\n210100,210300,6\n');
    const table = await conflict(importStocks(t.ws, s2, { date: 2010, definition: 'by hukou' }), 'stocks.tableStored');
    assert.match(table.message, new RegExp(`^${s2}: a stock table of 2010 defined as "by hukou" is already stored \\(import #\\d+, 1 cells\\); nothing was written\\. Use --replace to overwrite it, or give another --definition$`));
    assert.match(errorIn(table, 'zh'), new RegExp(`^${s2}：已存有 2010 年定义为“by hukou”的存量表（导入 #\\d+，1 个单元格）；未写入任何内容。如需覆盖请用 --replace，或用 --definition 给出另一个定义$`));

    // A stock matrix's regions, asked for by name (a library call's option, no file).
    const matrix = (regions: string[], code: string) => refused(loadStockMatrix(t.ws, { date: 2010, regions }), code);
    const unknown = await matrix(['沈阳x'], 'region.unknown');
    assert.equal(unknown.message, `column "regions": unknown region "沈阳x"; closest: ${closest}`);
    assert.equal(errorIn(unknown, 'zh'), `“regions”列：没有地区“沈阳x”；最接近的：${closestZh}`);
    assert.match(zh(await matrix(['朝阳市'], 'region.ambiguous')), /^地区“朝阳市”有多个可能：朝阳市（\d{6}，市级）或朝阳市（\d{6}，市级）；请用代码$/);
    // A date without a table, and a date with two (the second another definition).
    const absent = await loadStockMatrix(t.ws, { date: 1953 }).then(() => null, (e: unknown) => e);
    assert.ok(absent instanceof NotFoundError && absent.text?.code === 'stocks.noTable', String(absent));
    assert.deepEqual([absent.message, errorIn(absent, 'zh')], ['no stock table of 1953; the workspace holds stock tables of 2010', '没有 1953 年的存量表；工作区中有 2010 年的存量表']);
    await importStocks(t.ws, write('s3.csv', 'birth,residence,count\n210100,210300,7\n'), { date: 2010, definition: 'by birthplace' });
    const two = await loadStockMatrix(t.ws, { date: 2010 }).then(() => null, (e: unknown) => e);
    assert.ok(two instanceof SpecError && two.text?.code === 'stocks.tablesOfDate', String(two));
    assert.match(two.message, /^definition: 2 stock tables of 2010: #\d+ "by hukou", #\d+ "by birthplace"; choose one by definition or import$/);
    assert.match(errorIn(two, 'zh'), /^definition：2010 年有 2 个存量表：#\d+“by hukou”、#\d+“by birthplace”；请按定义或导入选择其一$/);
    const matrixOf = (regions: string[], code: string) => refused(loadStockMatrix(t.ws, { date: 2010, definition: 'by hukou', regions }), code);
    const twice = await matrixOf(['沈阳市', '210100'], 'stocks.regionTwice');
    assert.deepEqual([twice.reason, zh(twice)], ['region 210100 is asked for twice', '地区 210100 给出了两次']);
    // A FlowTable over given regions: a code outside them.
    assert.throws(() => flowTableFromRows([{ origin: 'A', destination: 'C', count: 1 }], ['A', 'B']), (e: unknown) => {
      assert.deepEqual([refusal(e, 'region.unknown').message, zh(e as InputError)], ['row 1, column "destination": unknown region "C"', '没有地区“C”']);
      return true;
    });
  } finally {
    t.done();
    empty.done();
  }
});

test('a stock table\'s unknown unit, wide rows that say neither birth nor residence, a date range and a cell given twice: coded, English as before, whole in Chinese', async () => {
  const t = await tempWorkspace();
  const write = (name: string, text: string) => {
    writeFileSync(join(t.dir, name), text);
    return join(t.dir, name);
  };
  const said = async (run: Promise<unknown>, code: string) => {
    const e = refusal(await run.then(() => null, (x: unknown) => x), code);
    return [e.reason, zh(e)];
  };
  try {
    await importRegions(t.ws, write('r.csv', 'code,name_zh,name_en,level\n210000,辽宁省,Liaoning,province\n110000,北京市,Beijing,province\n'), { registry: false });
    const cells = write('s.csv', 'birth,residence,count\n210000,110000,5\n');
    assert.deepEqual(await said(importStocks(t.ws, cells, { date: 2010, unit: 'people' as never }), 'stocks.notUnit'),
      ['unit "people" is not one of persons, sample', '单位“people”不是 persons、sample 之一']);
    assert.deepEqual(await said(importStocks(t.ws, write('w.csv', '地区,辽宁,北京\n辽宁,1,2\n北京,3,4\n'), { date: 2010, wide: true }), 'stocks.wideRows'), [
      'a wide stock table must say what its rows are: the first column "地区" names neither birth (出生地) nor residence (现住地); give --rows birth or --rows residence',
      '宽格式存量表须说明其各行是什么：第一列“地区”既不是出生地也不是现住地；请给出 --rows birth 或 --rows residence']);
    assert.deepEqual(await said(importStocks(t.ws, write('y.csv', 'birth,residence,year,count\n210000,110000,2000-2010,5\n')), 'stocks.dateRange'),
      ['"2000-2010" is a range: a stock table is counted at one date, give the census year', '“2000-2010”是一个区间：存量表按一个时点计数，请给出普查年份']);
    assert.deepEqual(await said(importStocks(t.ws, write('d.csv', 'birth,residence,count\n辽宁,北京,5\n210000,110000,6\n'), { date: 2010 }), 'stocks.cellTwice'),
      ['stock 210000 -> 110000 of 2010 is given twice (rows 2, 3): remove the repeats', '出生于 210000、现住 110000 的 2010 年存量给出了两次（第 2、3 行）：请删除重复行']);
    // A wide matrix with nothing but a total after its first column.
    assert.deepEqual(await said(importStocks(t.ws, write('o.csv', '出生地,合计\n辽宁,5\n'), { date: 2010, wide: true }), 'imports.wideMatrixNoColumns'),
      ['a wide matrix needs one column per destination after the origin column', '宽格式矩阵在迁出地列之后须有每个迁入地各一列']);
  } finally {
    t.done();
  }
});

test('every import refusal reads in Chinese', () => {
  const codes = Object.keys(IMPORT_ERROR_MESSAGES) as (MessageCode & keyof typeof IMPORT_ERROR_MESSAGES)[];
  assertChinese(codes.map((code) => {
    const params: Record<string, unknown> = IMPORT_ERROR_MESSAGES[code].example;
    const text = messageIn({ code, params: params as never, message: renderMessage(code, params as never) }, 'zh');
    // A flag with its value as typed, a file's name, a command to type and a stock table's
    // definition as its import gave it (the examples' "by ...") are no sentence of ours.
    return text.replace(/--[\w-]+ [\w=.,-]+/g, '').replace(/[\w/-]+\.(csv|xlsx|geojson)/g, 'F').replace(/talentflow [a-z ]+( FILE)?/g, 'C')
      .replace(/“by [a-z ]+”/g, 'D');
  }), 'import refusals');
});
