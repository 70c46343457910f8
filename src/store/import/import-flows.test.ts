import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { importFlows, queryFlows } from '../index.ts';
import { InputError, ConflictError } from '../../core/errors.ts';
import { chinaWorkspace, count } from '../../../test/helpers/workspace.ts';

let t: Awaited<ReturnType<typeof chinaWorkspace>>;
before(async () => {
  t = await chinaWorkspace();
});
after(() => t.done());

function file(name: string, content: string | Buffer): string {
  const p = join(t.dir, name);
  writeFileSync(p, content);
  return p;
}

/** Runs an import that must fail, checks nothing was written and returns the error. */
async function rejects(p: string, opts = {}): Promise<InputError | ConflictError> {
  const before = await count(t.ws, 'flows');
  const imports = await count(t.ws, 'imports');
  const err = await importFlows(t.ws, p, opts).then(() => null, (e: unknown) => e);
  assert.ok(err instanceof InputError || err instanceof ConflictError, `expected an input/conflict error, got ${err}`);
  assert.equal(await count(t.ws, 'flows'), before, 'nothing written');
  assert.equal(await count(t.ws, 'imports'), imports, 'no import recorded');
  return err as InputError;
}

test('a long table with Chinese headers and names with and without suffixes imports', async () => {
  const p = file('zh.csv', '迁出地,迁入地,年份,人数\n辽宁,北京,2015,120\n沈阳市,大连,2015,"1,200"\n吉林省,广东省,2015,80\n');
  const s = await importFlows(t.ws, p);
  assert.equal(s.rows, 3);
  const rows = (await queryFlows(t.ws, { period: '2015' })).rows;
  assert.deepEqual(rows.map((r) => [r.origin, r.destination, r.count]), [['210100', '210200', 1200], ['210000', '110000', 120], ['220000', '440000', 80]]);
});

test('GB18030 (GBK) is detected and decoded', async () => {
  const text = '迁出地,迁入地,年份,人数\n黑龙江,上海,2016,55\n哈尔滨市,深圳市,2016,33\n';
  const gbk = Buffer.from(new Uint8Array(encodeGb18030(text)));
  const p = file('gbk.csv', gbk);
  const s = await importFlows(t.ws, p);
  assert.equal(s.encoding, 'gb18030');
  assert.equal(s.rows, 2);
});

test('UTF-8 with a byte-order mark and --map for unusual headers', async () => {
  const p = file('bom.csv', '\uFEFFfrom_city;to_city;yr;n\nDalian;Beijing;2017;10\n');
  const s = await importFlows(t.ws, p, { map: 'origin=from_city,destination=to_city,period=yr,count=n' });
  assert.equal(s.rows, 1);
});

test('a wide matrix (one row per origin, one column per destination) with a total column', async () => {
  const p = file('wide.csv', '地区,辽宁,吉林,黑龙江,合计\n辽宁,,5,6,11\n吉林,7,,8,15\n黑龙江,9,10,,19\n');
  const s = await importFlows(t.ws, p, { period: '2018' });
  assert.equal(s.rows, 6);
  assert.ok(s.notes.some((n) => n.includes('wide matrix')));
  assert.ok(s.notes.some((n) => n.includes('合计')));
  const rows = (await queryFlows(t.ws, { period: '2018', origin: '吉林省' })).rows;
  assert.deepEqual(rows.map((r) => [r.destination, r.count]), [['230000', 8], ['210000', 7]]);
});

test('xlsx first sheet and --sheet', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('notes').addRow(['nothing here']);
  const ws = wb.addWorksheet('flows');
  ws.addRow(['origin', 'destination', 'year', 'count']);
  ws.addRow(['长春', '北京', 2019, 44]);
  const p = join(t.dir, 'f.xlsx');
  await wb.xlsx.writeFile(p);
  const s = await importFlows(t.ws, p, { sheet: 'flows' });
  assert.equal(s.rows, 1);
  const e = await rejects(p, { sheet: 'nope' });
  assert.match(e.message, /no sheet named "nope" \(sheets: notes, flows\)/);
});

test('Parquet and JSON lines', async () => {
  await t.ws.db.run(`COPY (SELECT '210100' AS origin, '310000' AS destination, 2014 AS year, 5.0 AS count) TO '${join(t.dir, 'f.parquet')}' (FORMAT parquet)`);
  assert.equal((await importFlows(t.ws, join(t.dir, 'f.parquet'))).rows, 1);
  const p = file('f.jsonl', '{"origin":"210200","destination":"310000","year":2014,"count":6}\n{"origin":"210200","destination":"110000","year":2014,"count":2}\n');
  assert.equal((await importFlows(t.ws, p)).rows, 2);
});

test('missing and misspelt columns name what was found and what to do', async () => {
  const e = await rejects(file('miss.csv', 'origin,destination,year\n辽宁,北京,2015\n'));
  assert.match(e.message, /miss\.csv, row 1: missing count column: found "origin", "destination", "year"/);
  assert.match(e.message, /--map count=COLUMN/);
  const m = await rejects(file('typo.csv', 'orgin,destination,year,count\n辽宁,北京,2015,1\n'));
  assert.match(m.message, /missing origin column/);
  assert.match(m.message, /is "orgin" misspelt\?/);
  assert.equal((m as InputError).column, 'orgin');
});

test('negative and non-numeric counts name the row, column and value', async () => {
  const n = await rejects(file('neg.csv', 'origin,destination,year,count\n辽宁,北京,2015,3\n辽宁,上海,2015,-4\n'));
  assert.match(n.message, /neg\.csv, row 3, column "count": negative value -4: a flow count cannot be negative/);
  const x = await rejects(file('nan.csv', 'origin,destination,year,count\n辽宁,北京,2015,abc\n'));
  assert.match(x.message, /row 2, column "count": "abc" is not a flow count/);
  const b = await rejects(file('blank.csv', 'origin,destination,year,count\n辽宁,北京,2015,\n'));
  assert.match(b.message, /row 2, column "count": missing value/);
});

test('duplicate origin-destination-period rows: an error, or summed with sumDuplicates', async () => {
  const p = file('dup.csv', 'origin,destination,year,count\n大连,北京,2013,3\n大连,北京,2013,4\n');
  const e = await rejects(p);
  // 北京 resolves to the city 110100: the column's other names are cities.
  assert.match(e.message, /row 3, column "origin": duplicate flow 210200 -> 110100, 2013 on rows 2, 3: .*--sum-duplicates/);
  await importFlows(t.ws, p, { sumDuplicates: true });
  const rows = (await queryFlows(t.ws, { period: '2013' })).rows;
  assert.deepEqual(rows.map((r) => r.count), [7]);
});

test('unknown regions list the closest known names; ambiguous names ask for a code', async () => {
  const e = await rejects(file('unk.csv', 'origin,destination,year,count\n沈阳,北京,2012,1\n沈杨,北京,2012,1\n'));
  assert.match(e.message, /unk\.csv, row 3, column "origin": unknown region "沈杨"; closest: 沈阳市 \/ Shenyang \(210100, city\)/);
  const a = await rejects(file('amb.csv', 'origin,destination,year,count\nTaizhou,Beijing,2012,1\n'));
  assert.match(a.message, /region "Taizhou" is ambiguous: 台州市 \/ Taizhou \(331000, city\) or 泰州市 \/ Taizhou \(321200, city\)|region "Taizhou" is ambiguous: 泰州市/);
});

test('origin equal to destination is kept and flagged as intra-regional', async () => {
  const s = await importFlows(t.ws, file('intra.csv', 'origin,destination,year,count\n沈阳,沈阳,2011,100\n沈阳,大连,2011,5\n'));
  assert.ok(s.notes.some((n) => /^1 intra-regional flow \(origin = destination\) kept and flagged/.test(n)));
  const rows = (await queryFlows(t.ws, { period: '2011' })).rows;
  assert.deepEqual(rows.map((r) => [r.count, r.intra]), [[100, true], [5, false]]);
});

test('a file cut off mid-row is refused with its line', async () => {
  const e = await rejects(file('cut.csv', 'origin,destination,year,count\n沈阳,大连,2010,5\n沈阳,北京,20'));
  assert.match(e.message, /cut\.csv, row 3.*expected number of columns: 4 found: 3 \(the file may be cut off mid-row\)/);
  const q = await rejects(file('cutq.csv', 'origin,destination,year,count\n沈阳,大连,2010,5\n"沈阳,北京,2010,3\n'));
  assert.match(q.message, /cutq\.csv, row 3/);
});

test('wrong encoding: a clear error when the given encoding does not fit, detection otherwise', async () => {
  const gbk = Buffer.from(new Uint8Array(encodeGb18030('迁出地,迁入地,年份,人数\n辽宁,北京,2009,1\n')));
  const p = file('wrong.csv', gbk);
  const e = await rejects(p, { encoding: 'utf-8' });
  assert.match(e.message, /wrong\.csv: not valid utf-8 in its first bytes: check --encoding/);
  const bin = file('bin.csv', Buffer.from([0x6f, 0x2c, 0x64, 0x0a, 0xff, 0xfe, 0xfd, 0x80, 0x81, 0xff, 0x0a]));
  const b = await rejects(bin);
  assert.match(b.message, /not valid UTF-8 .* nor GB18030\/GBK; give the encoding with --encoding/);
  const u = await rejects(p, { encoding: 'klingon' });
  assert.match(u.message, /unknown encoding "klingon"/);
});

test('an empty file and a header without rows are refused', async () => {
  assert.match((await rejects(file('empty.csv', ''))).message, /empty\.csv: the file is empty/);
  assert.match((await rejects(file('ws.csv', '\n\n'))).message, /the file is empty/);
  assert.match((await rejects(file('hdr.csv', 'origin,destination,year,count\n'))).message, /header but no data rows/);
});

test('an xlsx with merged header cells is refused, naming the range', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('矩阵');
  ws.addRow(['迁出地', '迁入地', '', '']);
  ws.mergeCells('B1:D1');
  ws.addRow(['辽宁', 1, 2, 3]);
  const p = join(t.dir, 'merged.xlsx');
  await wb.xlsx.writeFile(p);
  const e = await rejects(p);
  assert.match(e.message, /merged\.xlsx, row 1, column "B": sheet "矩阵" has merged header cells B1:D1: unmerge them/);
});

test('importing the same file twice is refused; with replace it replaces, never doubles', async () => {
  const p = file('twice.csv', 'origin,destination,year,count\n沈阳,大连,2008,5\n大连,沈阳,2008,6\n');
  await importFlows(t.ws, p);
  const e = await rejects(p);
  assert.ok(e instanceof ConflictError);
  assert.match(e.message, /already imported as flows \(import #\d+.*nothing was written. Use --replace/);
  const same = file('twice-copy.csv', 'origin,destination,year,count\n沈阳,大连,2008,50\n');
  const o = await rejects(same);
  assert.match(o.message, /1 of these flows are already in the workspace \(e\.g\. 210100 -> 210200, 2008\)/);
  await importFlows(t.ws, p, { replace: true });
  const rows = (await queryFlows(t.ws, { period: '2008' })).rows;
  assert.deepEqual(rows.map((r) => r.count).sort(), [5, 6]);
});

test('an error after valid rows writes nothing (one transaction)', async () => {
  const p = file('late.csv', 'origin,destination,year,count\n' + '沈阳,大连,2007,1\n'.repeat(1) + '大连,北京,2007,2\n' + 'Atlantis,北京,2007,3\n');
  const e = await rejects(p);
  assert.match(e.message, /row 4, column "origin": unknown region "Atlantis"/);
  assert.equal((await queryFlows(t.ws, { period: '2007' })).rows.length, 0);
});

test('bad periods are named', async () => {
  const e = await rejects(file('per.csv', 'origin,destination,year,count\n沈阳,大连,twenty,1\n'));
  assert.match(e.message, /row 2, column "year": "twenty" is not a period/);
});

/** GB18030 encoder for the test (Node has a decoder but no encoder): via iconv in DuckDB? no: a table of the characters used. */
function encodeGb18030(s: string): number[] {
  const out: number[] = [];
  const decoder = new TextDecoder('gb18030');
  const cache = new Map<string, number[]>();
  for (const ch of s) {
    if (ch.charCodeAt(0) < 0x80) {
      out.push(ch.charCodeAt(0));
      continue;
    }
    let bytes = cache.get(ch);
    if (!bytes) {
      // Search the two-byte GBK range for the character; the test strings are short.
      search: for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        if (decoder.decode(new Uint8Array([a, b])) === ch) {
          bytes = [a, b];
          break search;
        }
      }
      if (!bytes) throw new Error(`cannot encode ${ch}`);
      cache.set(ch, bytes);
    }
    out.push(...bytes);
  }
  return out;
}

test('progress is reported from 0 to 1 through the phases (the CLI draws it as a bar)', async () => {
  const seen: [number, string][] = [];
  await importFlows(t.ws, file('prog.csv', 'origin,destination,year,count\n沈阳,大连,2006,1\n'), { onProgress: (f, p) => seen.push([f, p]) });
  assert.deepEqual(seen[0], [0, 'reading']);
  assert.deepEqual(seen[seen.length - 1], [1, 'done']);
  for (let i = 1; i < seen.length; i++) assert.ok(seen[i][0] >= seen[i - 1][0], 'never goes back');
});

test('cohort attributes: the same pair for two education levels is two flows, stored with their cohort', async () => {
  const s = await importFlows(t.ws, file('cohort.csv', 'origin,destination,year,学历,count\n沈阳,北京,2005,本科,10\n沈阳,北京,2005,硕士,4\n'));
  assert.equal(s.rows, 2);
  const rows = (await queryFlows(t.ws, { period: '2005' })).rows;
  assert.deepEqual(rows.map((r) => [r.cohort, r.count]), [['学历=本科', 10], ['学历=硕士', 4]]);
  const one = (await queryFlows(t.ws, { period: '2005', cohort: '学历=硕士' })).rows;
  assert.equal(one.length, 1);
});

test('a blank origin or destination is a missing value with its row', async () => {
  const e = await rejects(file('blank-o.csv', 'origin,destination,year,count\n沈阳,大连,2004,1\n,大连,2004,2\n'));
  assert.match(e.message, /row 3, column "origin": missing value: a region is required/);
});
