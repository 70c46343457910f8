/** CSV formula injection (issue 13, Medium): the payloads of the audit come out as text. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvCell } from './csv-cell.ts';

test('formula payloads get an apostrophe; numbers and ordinary text do not', () => {
  assert.equal(csvCell('=HYPERLINK("http://x","y")'), `"'=HYPERLINK(""http://x"",""y"")"`);
  assert.equal(csvCell("=cmd|'/c calc'!A1"), "'=cmd|'/c calc'!A1");
  assert.equal(csvCell('+1+cmd'), "'+1+cmd");
  assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvCell('-2+3'), "'-2+3");
  assert.equal(csvCell('\t=1'), "'\t=1");
  assert.equal(csvCell('-4.5'), '-4.5');
  assert.equal(csvCell(-4), '-4');
  assert.equal(csvCell('沈阳市'), '沈阳市');
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell(null), '');
  assert.equal(csvCell(Number.POSITIVE_INFINITY), '');
});
