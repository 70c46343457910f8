/**
 * Hostile and damaged workbooks (issue 13): formula cells read as "[object Object]", truncated
 * sheet XML and zip bombs failed with messages about JavaScript internals ("Cannot set properties
 * of undefined", "Invalid string length"), and a 5.3 MB bomb took the server to 1.94 GB. Each is
 * now an XlsxError naming the cell or part, raised before exceljs inflates anything.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { readXlsx, XlsxError } from './read-xlsx.ts';
import { XLSX_LIMITS } from './zip-budget.ts';
import { sheetXml, xlsx, xlsxParts, zip, type XCell } from '../../../test/fuzz/zip-writer.ts';

const dir = mkdtempSync(join(tmpdir(), 'talentflow-test-xlsx-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const read = (bytes: Buffer) => {
  const p = join(dir, `w${++n}.xlsx`);
  writeFileSync(p, bytes);
  return readXlsx(p);
};
const refused = (message: RegExp, row?: number, column?: string) => (e: unknown) => {
  assert.ok(e instanceof XlsxError, `expected an XlsxError, got ${e}`);
  assert.match(e.message, message);
  assert.equal(e.row, row);
  assert.equal(e.column, column);
  return true;
};
const ROWS: XCell[][] = [['origin', 'destination', 'count'], ['210100', '110000', 5], ['210200', '110000', { formula: 'C2+1', value: 6 }]];

test('a workbook built by hand reads, a formula giving its calculated value', async () => {
  const s = await read(xlsx(ROWS));
  assert.deepEqual(s.header, ['origin', 'destination', 'count']);
  assert.deepEqual(s.rows, [['210100', '110000', '5'], ['210200', '110000', '6']]);
});

test('a formula without a calculated value is refused naming its cell, row and column', async () => {
  await assert.rejects(read(xlsx([...ROWS, ['210300', '110000', { formula: 'SUM(C2:C3)' }]])),
    refused(/cell C4 holds the formula "=SUM\(C2:C3\)" without a calculated value: open and save the workbook in Excel/, 4, 'count'));
});

test('sheet or shared-strings XML cut off before its closing tag is refused', async () => {
  const xml = sheetXml(ROWS);
  await assert.rejects(read(zip(xlsxParts(xml.slice(0, xml.length - 30)))), refused(/the XML of part xl\/worksheets\/sheet1\.xml is cut off/));
  const parts = [...xlsxParts(xml), { name: 'xl/sharedStrings.xml', data: '<?xml version="1.0"?><sst count="1"><si><t>a</t></si>' }];
  await assert.rejects(read(zip(parts)), refused(/part xl\/sharedStrings\.xml is cut off/));
});

test('a cut-off file, a file that is not a zip and a damaged part are refused', async () => {
  const good = xlsx(ROWS);
  await assert.rejects(read(good.subarray(0, good.length - 10)), refused(/the workbook is cut off \(its end-of-archive record is missing\)/));
  await assert.rejects(read(Buffer.from('ID,origin\n1,2\n')), refused(/not an \.xlsx workbook \(not a zip archive\)/));
  const parts = xlsxParts(sheetXml(ROWS));
  parts[4] = { ...parts[4], raw: Buffer.from([0xff, 0xff, 0xff, 0x00]) };
  await assert.rejects(read(zip(parts)), refused(/part xl\/worksheets\/sheet1\.xml cannot be decompressed/));
});

test('a zip bomb is refused at the stated cap, whatever sizes its directory declares', async () => {
  // 200 MiB of spaces inside the sheet, declared as 100 bytes: deflated to about 200 KB.
  const xml = sheetXml(ROWS);
  const cut = xml.indexOf('<sheetData>') + '<sheetData>'.length;
  const bomb = deflateRawSync(Buffer.concat([Buffer.from(xml.slice(0, cut)), Buffer.alloc(200 * 2 ** 20, 0x20), Buffer.from(xml.slice(cut))]), { level: 9 });
  assert.ok(bomb.length < 1e6);
  const parts = xlsxParts(xml);
  parts[4] = { ...parts[4], raw: bomb, declaredSize: 100 };
  const rss = process.memoryUsage().rss;
  await assert.rejects(read(zip(parts)), refused(new RegExp(`expands to more than ${XLSX_LIMITS.maxTotalBytes / 2 ** 20} MiB of XML \\(at part xl/worksheets/sheet1\\.xml\\): save the sheet as CSV`)));
  assert.ok(process.memoryUsage().rss - rss < 150 * 2 ** 20, 'the bomb is not inflated beyond the cap');
});

test('more parts than the cap are refused from the directory alone', async () => {
  const parts = xlsxParts(sheetXml(ROWS));
  for (let i = 0; i <= XLSX_LIMITS.maxEntries; i++) parts.push({ name: `xl/media/p${i}.bin`, data: '' });
  await assert.rejects(read(zip(parts)), refused(/the workbook has \d+ parts, more than the 2000 accepted/));
});

test('error values (#N/A) read as empty cells', async () => {
  const xml = sheetXml([['origin', 'count'], ['a', 1]]).replace('<v>1</v>', '<v>#N/A</v>').replace('<c r="B2">', '<c r="B2" t="e">');
  const s = await read(zip(xlsxParts(xml)));
  assert.deepEqual(s.rows, [['a', null]]);
});

test('XML that is not well formed is named as damaged XML with its line and column', async () => {
  const xml = sheetXml(ROWS).replace('<sheetData>', '<sheetData><row r="9"><c r="A9" t="inlineStr"><is><t>a\u0001b</t></is></c></row>');
  await assert.rejects(read(zip(xlsxParts(xml))), refused(/the workbook's XML is damaged at line \d+, column \d+ of a part \(disallowed character\)/));
});
