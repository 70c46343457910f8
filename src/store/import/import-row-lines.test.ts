/**
 * Import errors name the line a user sees in an editor, also where DuckDB's record numbers drift
 * from the file's lines: it skips blank lines, and a quoted value may span lines. Each file puts
 * such lines before the bad row and the test asserts that row's exact line.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFlows, importIndicators, queryFlows } from '../index.ts';
import { InputError, ConflictError } from '../../core/errors.ts';
import { chinaWorkspace, count } from '../../../test/helpers/workspace.ts';

let t: Awaited<ReturnType<typeof chinaWorkspace>>;
before(async () => {
  t = await chinaWorkspace();
});
after(() => t.done());

function file(name: string, lines: string[], eol = '\n'): string {
  const p = join(t.dir, name);
  writeFileSync(p, lines.join(eol) + eol);
  return p;
}

async function rejects(p: string, opts = {}): Promise<InputError> {
  const before = await count(t.ws, 'flows');
  const err = await importFlows(t.ws, p, opts).then(() => null, (e: unknown) => e);
  assert.ok(err instanceof InputError || err instanceof ConflictError, `expected an input error, got ${err}`);
  assert.equal(await count(t.ws, 'flows'), before, 'nothing written');
  return err as InputError;
}

const HEADER = 'origin,destination,year,count,note';

test('blank lines before a bad count: the error names the bad row\'s own line', async () => {
  const lines = [HEADER, '沈阳,大连,2015,5,', '', '沈阳,北京,2015,6,', '', '', '沈阳,上海,2015,-4,'];
  const e = await rejects(file('blank.csv', lines));
  assert.equal(e.row, 7);
  assert.match(e.message, /blank\.csv, row 7, column "count": negative value -4/);
  // The same with CRLF line breaks, and with blank lines straight after the header.
  const crlf = await rejects(file('blank-crlf.csv', [HEADER, '', '', '沈阳,大连,2015,5,', '沈阳,上海,2015,abc,'], '\r\n'));
  assert.match(crlf.message, /blank-crlf\.csv, row 5, column "count": "abc" is not a flow count/);
});

test('a quoted value spanning lines (in a column the import does not keep) and blank lines before the bad row', async () => {
  const lines = [HEADER, '沈阳,大连,2014,5,"first line', 'second line"', '', '沈阳,北京,2014,6,"a ""quoted""', '', 'note"', '沈杨,上海,2014,7,'];
  const e = await rejects(file('multi.csv', lines));
  assert.equal(e.row, 8);
  assert.match(e.message, /multi\.csv, row 8, column "origin": unknown region "沈杨"/);
});

test('a blank region after shifted lines names its line', async () => {
  const e = await rejects(file('blank-region.csv', [HEADER, '', '沈阳,大连,2013,1,"x', 'y"', ',大连,2013,2,']));
  assert.match(e.message, /row 5, column "origin": missing value: a region is required/);
});

test('duplicate rows are named by their lines', async () => {
  const e = await rejects(file('dup.csv', [HEADER, '大连,北京,2012,3,', '', '', '大连,上海,2012,1,"a', 'b"', '大连,北京,2012,4,']));
  assert.match(e.message, /row 7, column "origin": duplicate flow 210200 -> 110100, 2012 on rows 2, 7/);
});

test('a row DuckDB cannot read (too many columns) after blank lines and a multi-line value', async () => {
  const e = await rejects(file('wide-row.csv', [HEADER, '', '沈阳,大连,2011,5,"x', 'y"', '', '沈阳,北京,2011,6,,extra']));
  assert.equal(e.row, 6);
  assert.match(e.message, /wide-row\.csv, row 6: expected number of columns: 5 found: 6 \(an unquoted delimiter inside a value\?\): "沈阳,北京,2011,6,,extra"/);
});

test('mixed line endings (read from an LF copy) keep the lines too', async () => {
  const p = join(t.dir, 'mixed.csv');
  writeFileSync(p, `${HEADER}\r\n沈阳,大连,2010,5,\n\r\n\n沈阳,北京,2010,x,\r\n`);
  const e = await rejects(p);
  assert.match(e.message, /mixed\.csv, row 5, column "count": "x" is not a flow count/);
});

test('a file with blank lines and multi-line values that is right imports every row once', async () => {
  const s = await importFlows(t.ws, file('good.csv', [HEADER, '', '沈阳,大连,2009,5,"a', '', 'b"', '', '沈阳,北京,2009,6,']));
  assert.equal(s.rows, 2);
  assert.deepEqual((await queryFlows(t.ws, { period: '2009' })).rows.map((r) => r.count).sort(), [5, 6]);
});

test('other importers read the same lines (an indicator file)', async () => {
  const p = file('ind.csv', ['region,year,population', '', '辽宁,2010,4375', '', '吉林,2010,many']);
  const e = await importIndicators(t.ws, p).then(() => null, (x: unknown) => x);
  assert.ok(e instanceof InputError);
  assert.match(e.message, /ind\.csv, row 5, column "population"/);
});
