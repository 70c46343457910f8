/** The header sniffer (issue 13: a CR-only file, headers DuckDB would take as one column). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sniffCsv, splitRecord, uniqueNames } from './csv-header.ts';

test('lines end at LF, CRLF or a lone CR', () => {
  for (const nl of ['\n', '\r\n', '\r']) {
    assert.deepEqual(sniffCsv(`origin;destination;count${nl}a;b;1${nl}c;d;2`), { delimiter: ';', header: ['origin', 'destination', 'count'] }, JSON.stringify(nl));
  }
  assert.deepEqual(sniffCsv('"a\rb",c\r1,2\r').header, ['a\rb', 'c'], 'a CR inside quotes is part of the name');
});

test('names are unique without regard to case, blanks are filled and reserved names kept free', () => {
  assert.deepEqual(uniqueNames(['count', 'Count', 'COUNT_1', '', 'x']), ['count', 'Count_1', 'COUNT_1_1', 'column4', 'x']);
  assert.deepEqual(uniqueNames(['a', 'a', 'a_1']), ['a', 'a_1', 'a_1_1']);
  assert.deepEqual(uniqueNames(['_ROW', 'b'], ['_row']), ['_ROW_1', 'b']);
  assert.deepEqual(uniqueNames(['\uFEFForigin']), ['origin']);
});

test('quotes after text in a field are text, in time linear in the line (fuzz seed 20251201, csv-sniffer input 40154: 10 s)', () => {
  assert.deepEqual(splitRecord('a,b "c" "d",e', ','), ['a', 'b "c" "d"', 'e']);
  assert.deepEqual(splitRecord('  "x, y"  ,z', ','), ['x, y', 'z'], 'a quote after blanks opens a quoted field');
  // Each of the 200,000 quotes used to trim the whole field so far: about 20 billion character steps.
  const line = `神农架林区,${'"'.repeat(200_000)},451200`;
  const t0 = performance.now();
  const text = `origin,destination,count\n${line}\n`;
  assert.deepEqual(sniffCsv(text).header, ['origin', 'destination', 'count']);
  for (const d of ['\t', ';', '|']) assert.equal(splitRecord(line, d).length, 1);
  const ms = performance.now() - t0;
  assert.ok(ms < 2000, `${ms.toFixed(0)} ms`);
});
