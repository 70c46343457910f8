import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPlainCsv, type PlainCsvSpec } from './plain-csv.ts';
import { sha256OfFile } from '../file-hash.ts';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'plain-csv-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function file(content: string | Buffer): string {
  const p = join(dir, `f${++n}.csv`);
  writeFileSync(p, content);
  return p;
}

const FLOWS: PlainCsvSpec = { delimiter: ',', fields: 4, text: [[0, 1], [2]], numbers: [3] };

/** Each row's cells as the reader gives them back (levels looked up), for comparison with the file's text. */
function cells(r: NonNullable<Awaited<ReturnType<typeof readPlainCsv>>>): (string | number)[][] {
  return Array.from({ length: r.rows }, (_, i) => [
    ...r.text.flatMap((g) => g.codes.map((c) => g.levels[c[i]])), ...r.numbers.map((x) => x[i]),
  ]);
}

test('reads text columns as codes of distinct cells in order of first appearance, numbers as doubles, and hashes the file', async () => {
  const p = file('origin,destination,year,count,note\n辽宁,北京,2020,12,a\n北京,辽宁,2020,0.5,\nR1,北京,2019,007,x y\n');
  const r = await readPlainCsv(p, { delimiter: ',', fields: 5, text: [[0, 1], [2]], numbers: [3], hash: true });
  assert.ok(r);
  assert.equal(r.rows, 3);
  assert.deepEqual(r.text[0].levels, ['辽宁', '北京', 'R1']);
  assert.deepEqual([...r.text[0].codes[0]], [0, 1, 2]);
  assert.deepEqual([...r.text[0].codes[1]], [1, 0, 1]);
  assert.deepEqual(r.text[1].levels, ['2020', '2019']);
  assert.deepEqual([...r.numbers[0]], [12, 0.5, 7]);
  assert.equal(r.sha256, await sha256OfFile(p));
});

test('a last line without its line feed, CRLF line ends and a byte-order mark are read', async () => {
  const r = await readPlainCsv(file('\ufefforigin,destination,year,count\r\nA,B,2020,1\r\nB,A,2020,2\nC,A,2021,3'), FLOWS);
  assert.ok(r);
  assert.deepEqual(cells(r), [['A', 'B', '2020', 1], ['B', 'A', '2020', 2], ['C', 'A', '2021', 3]]);
});

test('lines cut by the reads are joined, and parts read by worker threads join to the same: 300,000 rows equal the text they came from', async () => {
  const rows: string[] = [];
  // Region names appear for the first time all through the file, so later parts bring new levels.
  for (let i = 0; i < 300_000; i++) rows.push(`R${i % 997},区${(i * 7) % (1013 + (i >> 8))},${2000 + (i % 3)},${(i * 37) % 100_000}${i % 5 === 0 ? '.25' : ''}`);
  const p = file('o,d,y,n\n' + rows.join('\n') + '\n');
  const one = await readPlainCsv(p, { ...FLOWS, threads: 1, hash: true });
  assert.ok(one);
  assert.equal(one.rows, rows.length);
  const got = cells(one);
  for (let i = 0; i < rows.length; i++) {
    const [o, d, y, x] = rows[i].split(',');
    if (got[i][0] !== o || got[i][1] !== d || got[i][2] !== y || got[i][3] !== Number(x)) assert.fail(`row ${i}: ${got[i]} for ${rows[i]}`);
  }
  const fractions: number[] = [];
  const three = await readPlainCsv(p, { ...FLOWS, threads: 3, hash: true, onProgress: (f) => fractions.push(f) });
  assert.ok(three);
  assert.deepEqual([one.threads, three.threads], [1, 3]);
  assert.deepEqual({ ...three, threads: 1 }, one);
  assert.ok(fractions.length >= 3 && Math.max(...fractions) === 1, `progress ${fractions}`);
  // A fault in a later part is found there.
  assert.equal(await readPlainCsv(file('o,d,y,n\n' + rows.join('\n') + '\nA,"B",1,2\n'), { ...FLOWS, threads: 3 }), null);
});

test('numbers: every cell equals Number() of its text (correctly rounded, as DuckDB reads them), up to 15 digits by a division, longer by Number()', async () => {
  const r = await readPlainCsv(file('o,d,y,n\nA,B,1,999999999999999\nA,B,1,12345678901234567890\nA,B,1,0.1\nA,B,1,2.675\n'), FLOWS);
  assert.ok(r);
  assert.deepEqual([...r.numbers[0]], [999999999999999, 12345678901234567890, 0.1, 2.675]);
  // 20,000 random decimals of 1 to 20 digits with the point anywhere (leading zeros too).
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const texts = Array.from({ length: 20_000 }, () => {
    const digits = Array.from({ length: 1 + Math.floor(next() * 20) }, () => String(Math.floor(next() * 10))).join('');
    const point = Math.floor(next() * digits.length);
    return point === 0 ? digits : `${digits.slice(0, point)}.${digits.slice(point)}`;
  });
  const many = await readPlainCsv(file('o,d,y,n\n' + texts.map((t) => `A,B,1,${t}`).join('\n') + '\n'), FLOWS);
  assert.ok(many);
  texts.forEach((t, i) => {
    if (!Object.is(many.numbers[0][i], Number(t))) assert.fail(`${t}: ${many.numbers[0][i]} against ${Number(t)}`);
  });
});

test('anything but a plain file gives null, for the careful reader to name the fault', async () => {
  const head = 'o,d,y,n\n';
  const cases: Record<string, string | Buffer> = {
    quote: head + 'A,"B",1,2\n',
    'lone CR': head + 'A,B,1,2\rA,C,1,2\n',
    'blank line': head + 'A,B,1,2\n\nA,C,1,2\n',
    'too few fields': head + 'A,B,1\n',
    'too many fields': head + 'A,B,1,2,3\n',
    'empty text cell': head + 'A,,1,2\n',
    'empty number': head + 'A,B,1,\n',
    exponent: head + 'A,B,1,1e3\n',
    negative: head + 'A,B,1,-1\n',
    'leading space': head + 'A,B,1, 5\n',
    'point without digits after': head + 'A,B,1,5.\n',
    'point first': head + 'A,B,1,.5\n',
    'thousands separator': head + 'A,B,1,1_000\n',
    'a tab in a comma file': head + 'A,B\t,1,2\n',
    'no data rows': head,
    'no line break at all': 'o,d,y,n',
    'invalid UTF-8': Buffer.concat([Buffer.from(head + 'A,'), Buffer.from([0xff, 0xfe]), Buffer.from(',1,2\n')]),
  };
  for (const [what, content] of Object.entries(cases)) assert.equal(await readPlainCsv(file(content), FLOWS), null, what);
  assert.equal(await readPlainCsv(file(head + 'A,' + 'B'.repeat(2000) + ',1,2\n'), { ...FLOWS, maxLineBytes: 1000 }), null, 'a line past the limit');
});

test('a skipped column may be empty or hold anything plain; a tab-separated file reads with its delimiter', async () => {
  const r = await readPlainCsv(file('o,note,d,y,n\nA,,B,1,2\nB,x y z,A,1,3\n'), { delimiter: ',', fields: 5, text: [[0, 2]], numbers: [4] });
  assert.ok(r);
  assert.deepEqual(cells(r), [['A', 'B', 2], ['B', 'A', 3]]);
  const t = await readPlainCsv(file('o\td\ty\tn\nA\tB\t2020\t4\n'), { ...FLOWS, delimiter: '\t' });
  assert.ok(t);
  assert.deepEqual(cells(t), [['A', 'B', '2020', 4]]);
});

test('maxRows: a file with more rows gives null, guessed from its first lines or found while reading', async () => {
  const rows = Array.from({ length: 1000 }, (_, i) => `R${i % 7},R${i % 5},2020,${i}`).join('\n');
  const p = file('o,d,y,n\n' + rows + '\n');
  assert.equal((await readPlainCsv(p, { ...FLOWS, maxRows: 1000 }))?.rows, 1000);
  assert.equal(await readPlainCsv(p, { ...FLOWS, maxRows: 500 }), null);
  // Short first lines, long later ones: the guess lets it through, the reading stops it.
  const uneven = file('o,d,y,n\n' + 'A,B,1,1\n'.repeat(10) + Array.from({ length: 300 }, () => `${'C'.repeat(500)},B,1,1`).join('\n') + '\n');
  assert.equal(await readPlainCsv(uneven, { ...FLOWS, maxRows: 309 }), null);
  assert.equal((await readPlainCsv(uneven, { ...FLOWS, maxRows: 310 }))?.rows, 310);
});
