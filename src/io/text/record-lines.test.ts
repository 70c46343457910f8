/** Records mapped to their lines during the line scan: DuckDB skips blank lines and joins a quoted value's lines. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanLines } from './line-scan.ts';
import { lineOfDuckdbLine, type RecordLines } from './record-lines.ts';

const dir = mkdtempSync(join(tmpdir(), 'talentflow-test-records-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const records = async (content: string) => {
  const p = join(dir, `f${n++}.csv`);
  writeFileSync(p, content);
  return (await scanLines(p)).records;
};
/** The line of every data record, from the map (record k is on line k + 2 + the last extra at or before k). */
const linesOf = (m: RecordLines, count: number) => Array.from({ length: count }, (_, k) => {
  let extra = 0;
  for (let i = 0; i < m.record.length && m.record[i] <= k; i++) extra = m.extra[i];
  return k + 2 + extra;
});

test('a file without blank lines or quoted line breaks has an empty map', async () => {
  assert.deepEqual(await records('a,b\n1,x\n"2","y"\n'), { record: [], extra: [], blanks: [] });
});

test('blank lines (LF, CRLF, CR; after the header; at the end) shift the records after them', async () => {
  assert.deepEqual(linesOf(await records('a,b\n1,x\n\n2,y\n\n\n3,z\n\n'), 3), [2, 4, 7]);
  assert.deepEqual(linesOf(await records('a,b\r\n\r\n1,x\r\n\r\n2,y'), 2), [3, 5]);
  assert.deepEqual(linesOf(await records('a,b\r\r1,x\r2,y\r'), 2), [3, 4]);
});

test('a quoted value holding line breaks (blank ones too, and doubled quotes) is one record', async () => {
  const m = await records('a,b\n1,"x\ny"\n2,y\n3,"p\n\n""q"""\n4,z\n');
  assert.deepEqual(linesOf(m, 4), [2, 4, 5, 8]);
  assert.deepEqual(m.blanks, [0, 0]);
});

test('a first line that is blank is the header, as DuckDB reads it', async () => {
  assert.deepEqual(await records('\na,b\n1,x\n'), { record: [], extra: [], blanks: [] });
});

test('a quoted value across the 4 MiB chunk boundary keeps its state', async () => {
  const pad = 'y'.repeat((1 << 22) - 12);
  const m = await records(`a,b\n1,"${pad}\n\n"\n2,x\n`);
  assert.deepEqual(linesOf(m, 2), [2, 5]);
});

test("DuckDB's error lines (blank lines counted, a value's line breaks not) become file lines", async () => {
  // Lines: 1 header, 2 blank, 3-4 record 0, 5 blank, 6-7 record 1, 8 record 2.
  const m = await records('a,b\n\n1,"x\ny"\n\n2,"p\nq"\n3,z\n');
  assert.deepEqual(linesOf(m, 3), [3, 6, 8]);
  // DuckDB numbers the records 3, 5 and 6 here (see stage.ts's describeCsvError).
  assert.deepEqual([3, 5, 6].map((l) => lineOfDuckdbLine(m, l)), [3, 6, 8]);
  assert.equal(lineOfDuckdbLine(m, 1), 1);
  assert.equal(lineOfDuckdbLine({ record: [], extra: [], blanks: [] }, 9), 9);
});
