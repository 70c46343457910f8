import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFlows, importRegions, queryFlows } from '../index.ts';
import { ConflictError, InputError } from '../../core/errors.ts';
import { chinaWorkspace, count, tempWorkspace } from '../../../test/helpers/workspace.ts';

// The plain path (one pass into typed columns) must store what the staged path (DuckDB's reader)
// stores, and hand every file it does not take to that path, whose refusals name row and column.
let plain: Awaited<ReturnType<typeof chinaWorkspace>>;
let staged: Awaited<ReturnType<typeof chinaWorkspace>>;
before(async () => {
  plain = await chinaWorkspace();
  staged = await chinaWorkspace();
});
after(() => {
  plain.done();
  staged.done();
});

let n = 0;
function file(dir: string, content: string): string {
  const p = join(dir, `f${++n}.csv`);
  writeFileSync(p, content);
  return p;
}

async function stored(ws: typeof plain.ws) {
  return (await queryFlows(ws, {})).rows.map((r) => [r.origin, r.destination, r.period, r.count, r.intra].join(' ')).sort();
}

test('a plain file is read in one pass and stores what the staged read stores: names and codes of one region, two periods, intra rows, decimals', async () => {
  const body = '辽宁,北京,2015,120\n210000,上海,2015,7.5\n沈阳市,沈阳,2015,3\n北京,辽宁省,2020,9\n210000,北京,2020,0.25\n';
  const p = await importFlows(plain.ws, file(plain.dir, 'origin,destination,year,count\n' + body));
  // A quoted cell makes the file one the plain path leaves to DuckDB's reader.
  const s = await importFlows(staged.ws, file(staged.dir, 'origin,destination,year,count\n"辽宁",' + body.slice('辽宁,'.length)));
  assert.equal(p.reader, 'plain');
  assert.equal(s.reader, 'staged');
  assert.deepEqual(await stored(plain.ws), await stored(staged.ws));
  assert.equal(p.rows, 5);
  assert.deepEqual([p.rows, p.notes, p.format, p.encoding], [s.rows, s.notes, s.format, s.encoding]);
  assert.deepEqual(p.notes, ['1 intra-regional flow (origin = destination) kept and flagged as intra']);
});

test('a CRLF file, a tab-separated one and one with --period take the plain path', async () => {
  const crlf = await importFlows(plain.ws, file(plain.dir, 'origin,destination,year,count\r\n220000,110000,2016,5\r\n220000,310000,2016,6\r\n'));
  const tabs = await importFlows(plain.ws, file(plain.dir, 'origin\tdestination\tyear\tcount\n230000\t110000\t2016\t7\n'));
  const fixed = await importFlows(plain.ws, file(plain.dir, 'from,to,n\n230000,310000,8\n'), { map: 'origin=from,destination=to,count=n', period: '2017' });
  assert.deepEqual([crlf.reader, tabs.reader, fixed.reader], ['plain', 'plain', 'plain']);
  const rows = (await queryFlows(plain.ws, { period: '2017' })).rows;
  assert.deepEqual(rows.map((r) => [r.origin, r.destination, r.count]), [['230000', '310000', 8]]);
});

test('files the plain path hands over are refused or read by the staged path as before', async () => {
  const { ws, dir } = plain;
  const refused = async (content: string, options = {}) => {
    const [flows, imports] = [await count(ws, 'flows'), await count(ws, 'imports')];
    const e = await importFlows(ws, file(dir, content), options).then(() => null, (x: unknown) => x);
    assert.ok(e instanceof InputError || e instanceof ConflictError, String(e));
    assert.deepEqual([await count(ws, 'flows'), await count(ws, 'imports')], [flows, imports], 'nothing written');
    return e as InputError;
  };
  const unknown = await refused('origin,destination,year,count\n辽宁,北京,2018,1\n辽宁,Atlantis,2018,2\n');
  assert.deepEqual([unknown.row, unknown.column], [3, 'destination']);
  const repeated = await refused('origin,destination,year,count\n辽宁,北京,2018,1\n辽宁省,北京市,2018,2\n');
  assert.match(repeated.message, /row/);
  assert.equal(repeated.row, 3);
  const badPeriod = await refused('origin,destination,year,count\n辽宁,北京,twenty,1\n');
  assert.deepEqual([badPeriod.row, badPeriod.column], [2, 'year']);
  const tooMany = await refused('origin,destination,year,count\n辽宁,北京,2018,20000000000\n');
  assert.equal(tooMany.row, 2);

  const totals = await importFlows(ws, file(dir, 'origin,destination,year,count\n辽宁,北京,2018,1\n合计,北京,2018,1\n'));
  assert.equal(totals.reader, 'staged');
  assert.match(totals.notes.join(' '), /合计 row 3/);
  // The progress bar never steps back when the plain path hands a file over after reading it.
  const seen: number[] = [];
  const summed = await importFlows(ws, file(dir, 'origin,destination,year,count\n吉林,北京,2018,1\n吉林省,北京,2018,2\n'), { sumDuplicates: true, onProgress: (f) => seen.push(f) });
  assert.equal(summed.reader, 'staged');
  assert.ok(seen.some((f) => f >= 0.45), 'the plain path read the file');
  assert.ok(seen.every((f, i) => i === 0 || f >= seen[i - 1]), `progress went back: ${seen.join(' ')}`);
  assert.equal(seen.at(-1), 1);
  assert.deepEqual((await queryFlows(ws, { period: '2018', origin: '220000' })).rows.map((r) => r.count), [3]);
});

test('the plain path refuses a second import of the same file and replaces stored flows when asked, in one transaction', async () => {
  const { ws, dir } = plain;
  const p = file(dir, 'origin,destination,year,count\n辽宁,广东,2019,10\n吉林,广东,2019,11\n');
  assert.equal((await importFlows(ws, p)).reader, 'plain');
  const before = await count(ws, 'flows');
  await assert.rejects(importFlows(ws, p), ConflictError);
  const overlapping = file(dir, 'origin,destination,year,count\n辽宁,广东,2019,12\n');
  await assert.rejects(importFlows(ws, overlapping), ConflictError);
  assert.equal(await count(ws, 'flows'), before);
  const replaced = await importFlows(ws, overlapping, { replace: true });
  assert.equal(replaced.reader, 'plain');
  assert.match(replaced.notes.join(' '), /replaced 1/);
  const rows = (await queryFlows(ws, { period: '2019' })).rows;
  assert.deepEqual(rows.map((r) => [r.origin, r.count]).sort(), [['210000', 12], ['220000', 11]]);
});

test('a key space too large for the bitmap (> 2^26 keys) is checked on the written rows: a repeat is refused, nothing written', async () => {
  // 1,900 regions and 20 periods: 1,900^2 x 20 = 72.2 million possible keys, over the 2^26 the
  // plain path sets bits for, so it writes the rows and asks DuckDB for a repeat (hasRepeatedKey).
  const t = await tempWorkspace();
  try {
    const code = (i: number) => `R${String(i).padStart(4, '0')}`;
    const registry = join(t.dir, 'regions.csv');
    writeFileSync(registry, 'code,name,level\n' + Array.from({ length: 1900 }, (_, i) => `${code(i)},区${i},city\n`).join(''));
    await importRegions(t.ws, registry, { indicators: false });
    const rows = (year0: number) => Array.from({ length: 950 }, (_, i) => `${code(2 * i)},${code(2 * i + 1)},${year0 + (i % 20)},${i + 1}\n`).join('');
    const ok = await importFlows(t.ws, file(t.dir, 'origin,destination,year,count\n' + rows(2001)));
    assert.deepEqual([ok.reader, ok.rows], ['plain', 950]);
    assert.equal(await count(t.ws, 'flows'), 950);
    // The same pattern in other years, with its first key repeated on the last row.
    const e = await importFlows(t.ws, file(t.dir, `origin,destination,year,count\n${rows(2031)}${code(0)},${code(1)},2031,5\n`)).then(() => null, (x: unknown) => x);
    assert.ok(e instanceof InputError, String(e));
    assert.match(e.message, /duplicate flow R0000 -> R0001, 2031 on rows 2, 952/);
    assert.equal(await count(t.ws, 'flows'), 950);
  } finally {
    t.done();
  }
});
