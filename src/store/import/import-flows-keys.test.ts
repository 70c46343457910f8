import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFlows, queryFlows } from '../index.ts';
import { bitmapLimit, hasRepeatedKey } from './import-flows.ts';
import { InputError } from '../../core/errors.ts';
import { chinaWorkspace, count } from '../../../test/helpers/workspace.ts';

// The importer skips its region joins when every cell is already a code, and checks duplicate
// keys by a count of distinct key hashes first: the same rows, codes and errors either way.

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

test('a file of codes imports as the codes, intra rows flagged', async () => {
  const s = await importFlows(t.ws, file('codes.csv', 'origin,destination,year,count\n210100,110000,2021,5\n210100,210100,2021,1\n110000,210200,2021,7\n'));
  assert.equal(s.rows, 3);
  assert.ok(s.notes.some((n) => /1 intra-regional/.test(n)));
  const rows = (await queryFlows(t.ws, { period: '2021' })).rows;
  assert.deepEqual(rows.map((r) => [r.origin, r.destination, r.count]).sort(), [['110000', '210200', 7], ['210100', '110000', 5], ['210100', '210100', 1]]);
});

test('a repeated key in a file of codes is refused naming its rows; nothing written', async () => {
  const before = await count(t.ws, 'flows');
  const e = await importFlows(t.ws, file('dup-codes.csv', 'origin,destination,year,count\n210100,110000,2022,5\n110000,210200,2022,7\n210100,110000,2022,6\n')).then(() => null, (x: unknown) => x);
  assert.ok(e instanceof InputError);
  assert.match(e.message, /row 4, column "origin": duplicate flow 210100 -> 110000, 2022 on rows 2, 4/);
  assert.equal(await count(t.ws, 'flows'), before);
});

test('a key repeated under two spellings (code and name) is found on the resolved codes', async () => {
  const e = await importFlows(t.ws, file('dup-names.csv', 'origin,destination,year,count\n210100,210000,2023,5\n沈阳,辽宁,2023,6\n')).then(() => null, (x: unknown) => x);
  assert.ok(e instanceof InputError);
  assert.match(e.message, /duplicate flow 210100 -> 210000, 2023 on rows 2, 3/);
});

test('mixed spellings with padding import to the codes', async () => {
  const s = await importFlows(t.ws, file('mixed.csv', 'origin,destination,year,count\n" 210100",大连,2024,5\n沈阳市,110000,2024,2\n'));
  assert.equal(s.rows, 2);
  const rows = (await queryFlows(t.ws, { period: '2024' })).rows;
  assert.deepEqual(rows.map((r) => [r.origin, r.destination]).sort(), [['210100', '110000'], ['210100', '210200']]);
});

test('repeated keys of written rows: the bitmap count and the distinct count agree, with periods, cohorts and sparse ids', async () => {
  // Rows of a pretend import 900001 written straight into flow_rows (ids need no dictionary here).
  const write = (rows: [number, number, number, number][]) => t.ws.db.run(
    `INSERT INTO flow_rows SELECT 900001, o, d, p, c, 1 FROM (VALUES ${rows.map((r) => `(${r.join(', ')})`).join(', ')}) v(o, d, p, c)`);
  const both = async () => [await hasRepeatedKey(t.ws, 900001), await hasRepeatedKey(t.ws, 900001, () => 0)];
  try {
    await write([[1, 2, 1, 0], [2, 1, 1, 0], [1, 2, 2, 0], [1, 2, 1, 7], [5000, 9000, 3, 0], [9000, 5000, 3, 0]]);
    assert.deepEqual(await both(), [false, false]);
    await write([[5000, 9000, 3, 0]]);
    assert.deepEqual(await both(), [true, true]);
    await t.ws.db.run('DELETE FROM flow_rows WHERE import_id = 900001');
    await write([[1, 2, 1, 0], [1, 2, 1, 7], [1, 2, 1, 0]]);
    assert.deepEqual(await both(), [true, true]);
  } finally {
    await t.ws.db.run('DELETE FROM flow_rows WHERE import_id = 900001');
  }
  assert.equal(bitmapLimit(10), 2 ** 26);
  assert.equal(bitmapLimit(1e7), 3.2e8);
  assert.equal(bitmapLimit(1e9), 2 ** 30);
});
