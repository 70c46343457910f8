/** The header sniffer (issue 13: a CR-only file, headers DuckDB would take as one column). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sniffCsv, uniqueNames } from './csv-header.ts';

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
