import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { duckdbApi } from './duckdb/node-api.ts';
import { InputError } from '../core/errors.ts';
import { encodeGb18030 } from '../../test/fuzz/gb18030.ts';
import { gravityDataFromFile } from './queries/model-data.ts';
import { MISSING_CODE, readCodedColumns, readColumns } from './read-columns.ts';

let dir: string;
before(() => void (dir = mkdtempSync(join(tmpdir(), 'talentflow-read-columns-'))));
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

/** The reference: split lines, trim text, factor in first-seen order down each column in turn. */
function reference(lines: string[][], textCols: number[], numCols: number[]) {
  const levels: string[] = [];
  const index = new Map<string, number>();
  const codes = textCols.map((c) => lines.map((l) => {
    const v = l[c].trim();
    if (!index.has(v)) index.set(v, levels.push(v) - 1);
    return index.get(v)!;
  }));
  const numbers = numCols.map((c) => lines.map((l) => (l[c].trim() === '' ? NaN : Number(l[c].replace(/,/g, '')))));
  return { levels, codes, numbers };
}

test('codes and numbers of a shuffled 5,000-row file (three chunks) match a plain JavaScript factoring, blank cells included', async () => {
  // Pseudo-random rows: padded codes, integer-like codes, a blank origin, an empty flow.
  const codes = ['R1', ' R1', 'R2 ', '110000', '北京', 'x'];
  const lines: string[][] = [];
  let seed = 7;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
  for (let r = 0; r < 5000; r++) lines.push([codes[rnd(6)], codes[rnd(5) + 1], String(rnd(1000)), (rnd(100000) / 100).toString()]);
  lines[17][0] = '';
  lines[4321][2] = '';
  const p = file('shuffled.csv', 'o,d,flow,dist\n' + lines.map((l) => l.join(',')).join('\n') + '\n');
  const got = await readCodedColumns(p, { codes: [['o', 'd']], numeric: ['flow', 'dist'] });
  const want = reference(lines, [0, 1], [2, 3]);
  assert.equal(got.rows, 5000);
  assert.deepEqual(got.levels.o, want.levels);
  assert.equal(got.levels.d, got.levels.o, 'one dictionary for the group');
  assert.deepEqual([...got.codes.o], want.codes[0]);
  assert.deepEqual([...got.codes.d], want.codes[1]);
  assert.ok(Number.isNaN(got.numbers.flow[4321]), 'an empty number is NaN');
  assert.deepEqual([...got.numbers.flow].map((v) => (Number.isNaN(v) ? 'NaN' : v)), want.numbers[0].map((v) => (Number.isNaN(v) ? 'NaN' : v)));
  assert.deepEqual([...got.numbers.dist], want.numbers[1]);
  assert.ok(got.codes.o instanceof Uint32Array && got.numbers.dist instanceof Float64Array);
});

test('integer codes (coded by a cast and a lookup) give the same levels and codes as text codes, blanks and look-alikes included', async () => {
  let seed = 11;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
  const cases: [string, string[]][] = [
    ['plain', ['110000', '21', '0', '7', '16777215', '230100']],
    ['look-alikes', ['7', '007', '+7', '7.0', '21', ' 21']],
    ['too large', ['16777216', '21', '3', '4294967295']],
  ];
  for (const [name, codes] of cases) {
    const lines: string[][] = [];
    for (let r = 0; r < 3000; r++) lines.push([codes[rnd(codes.length)], codes[rnd(codes.length)], String(rnd(50))]);
    lines[5][1] = '';
    const p = file(`int-${name}.csv`, 'o,d,flow\n' + lines.map((l) => l.map((c) => (c.startsWith(' ') || c.startsWith('+') ? `"${c}"` : c)).join(',')).join('\n') + '\n');
    const got = await readCodedColumns(p, { codes: [['o', 'd']], numeric: ['flow'] });
    const want = reference(lines, [0, 1], [2]);
    assert.deepEqual(got.levels.o, want.levels, name);
    assert.deepEqual([...got.codes.o], want.codes[0], name);
    assert.deepEqual([...got.codes.d], want.codes[1], name);
    const na = await readCodedColumns(p, { codes: [['o', 'd']], numeric: ['flow'], missing: true });
    assert.equal(na.codes.d[5], MISSING_CODE, name);
    assert.deepEqual(na.levels.o, want.levels.filter((v) => v !== ''), name);
    assert.deepEqual([...na.codes.o].map((k) => na.levels.o[k]), lines.map((l) => l[0].trim()), name);
  }
  // Read in one pass (plain codes), then through the staged table (a blank line), the same;
  // a cell that is not a number is named by row and column either way.
  const plain = 'o,d,flow\n110000,21,5\n21,110000,3\n,7,1\n';
  const once = await readCodedColumns(file('int-once.csv', plain), { codes: [['o', 'd']], numeric: ['flow'] });
  const staged = await readCodedColumns(file('int-staged.csv', plain.replace('\n21,', '\n\n21,')), { codes: [['o', 'd']], numeric: ['flow'] });
  assert.equal(once.rowNumbers, 2);
  for (const got of [once, staged]) {
    assert.deepEqual(got.levels.o, ['110000', '21', '', '7']);
    assert.deepEqual([...got.codes.o], [0, 1, 2]);
    assert.deepEqual([...got.codes.d], [1, 0, 3]);
    assert.deepEqual([...got.numbers.flow], [5, 3, 1]);
  }
  const bad = await readCodedColumns(file('int-bad.csv', plain.replace(',3\n', ',three\n')), { codes: [['o', 'd']], numeric: ['flow'] }).then(() => null, (e: unknown) => e);
  assert.ok(bad instanceof InputError);
  assert.equal(bad.row, 3);
  assert.equal(bad.column, 'flow');
  // A Parquet file whose codes are stored as integers.
  const con = await (await duckdbApi().DuckDBInstance.create(':memory:')).connect();
  const parquet = join(dir, 'int-codes.parquet');
  await con.run(`COPY (SELECT * FROM (VALUES (110000, 21, 5.0), (21, 110000, 3.0), (21, 7, 1.0)) t(o, d, flow)) TO '${parquet}' (FORMAT parquet)`);
  const pq = await readCodedColumns(parquet, { codes: [['o', 'd']], numeric: ['flow'] });
  assert.deepEqual(pq.levels.o, ['110000', '21', '7']);
  assert.deepEqual([...pq.codes.o], [0, 1, 1]);
  assert.deepEqual([...pq.codes.d], [1, 0, 2]);
});

test('a plain CSV read by JavaScript gives the levels, codes and numbers of DuckDB\'s readers: names padded or not, integer codes, decimals, a region first seen as a destination', async () => {
  let seed = 5;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
  for (const codes of [['R1', ' R1', 'R2 ', '北京', 'x y'], ['110000', '21', '7', '230100']]) {
    const lines: string[][] = [];
    for (let r = 0; r < 4000; r++) lines.push([codes[rnd(codes.length - 1)], codes[rnd(codes.length)], String(rnd(1000)), (rnd(10_000_000) / 1000).toString()]);
    const body = lines.map((l) => l.join(',')).join('\n') + '\n';
    const request = { codes: [['o', 'd']], numeric: ['flow', 'dist'] };
    const plain = await readCodedColumns(file(`plain-${codes[0]}.csv`, 'o,d,flow,dist\n' + body), request);
    // The same rows with a quoted header cell after the first line: not plain, so DuckDB reads them.
    // The same rows and one more with a quoted cell: not plain, so DuckDB's readers read them.
    const other = await readCodedColumns(file(`duck-${codes[0]}.csv`, 'o,d,flow,dist\n' + body + `${codes[0]},"${codes[1]}",1,1\n`), request);
    assert.equal(plain.reader, 'plain');
    assert.equal(other.reader, 'duckdb');
    const want = reference(lines, [0, 1], [2, 3]);
    assert.deepEqual(plain.levels.o, want.levels);
    assert.deepEqual([...plain.codes.o], want.codes[0]);
    assert.deepEqual([...plain.codes.d], want.codes[1]);
    assert.deepEqual([...plain.numbers.flow], want.numbers[0]);
    assert.deepEqual([...plain.numbers.dist], want.numbers[1]);
    assert.deepEqual(other.levels.o.slice(0, plain.levels.o.length), plain.levels.o);
    assert.deepEqual([...other.codes.d.subarray(0, plain.rows)], [...plain.codes.d]);
    assert.deepEqual([...other.numbers.dist.subarray(0, plain.rows)], [...plain.numbers.dist]);
  }
});

test('readColumns keeps its shape: one string per row, lenient numbers ("1,234") parsed', async () => {
  const p = file('lenient.csv', 'o,d,n\nA,B,"1,234"\n B ,A, 5 \nA,C,7\n');
  const c = await readColumns(p, { text: ['o', 'd'], numeric: ['n'] });
  assert.deepEqual(c.text, { o: ['A', 'B', 'A'], d: ['B', 'A', 'C'] });
  assert.deepEqual([...c.numbers.n], [1234, 5, 7]);
});

test('a GB18030 file gives the decoded names as levels', async () => {
  const p = file('gbk.csv', encodeGb18030('迁出地,迁入地,人数\n黑龙江,上海,55\n哈尔滨市,深圳市,33\n上海,黑龙江,4\n'));
  const c = await readCodedColumns(p, { codes: [['迁出地', '迁入地']], numeric: ['人数'] });
  assert.deepEqual(c.levels['迁出地'], ['黑龙江', '哈尔滨市', '上海', '深圳市']);
  assert.deepEqual([...c.codes['迁入地']], [2, 3, 0]);
  assert.deepEqual([...c.numbers['人数']], [55, 33, 4]);
});

test('Parquet and JSON lines give the same columns as the CSV', async () => {
  const csv = file('same.csv', 'o,d,y,year\nA,B,1.5,2019\nB,C,2,2020\nC,A,,2019\n');
  // missing: a blank number is NaN in every format (without it only a CSV read as numbers allows one).
  const want = await readCodedColumns(csv, { codes: [['o', 'd'], ['year']], numeric: ['y'], missing: true });
  const con = await (await duckdbApi().DuckDBInstance.create(':memory:')).connect();
  const parquet = join(dir, 'same.parquet');
  const jsonl = join(dir, 'same.jsonl');
  await con.run(`COPY (SELECT * FROM read_csv('${csv}', all_varchar = true)) TO '${parquet}' (FORMAT parquet)`);
  writeFileSync(jsonl, '{"o":"A","d":"B","y":1.5,"year":"2019"}\n{"o":"B","d":"C","y":2,"year":"2020"}\n{"o":"C","d":"A","y":null,"year":"2019"}\n');
  for (const f of [parquet, jsonl]) {
    const got = await readCodedColumns(f, { codes: [['o', 'd'], ['year']], numeric: ['y'], missing: true });
    assert.deepEqual(got.levels, want.levels, f);
    assert.deepEqual(got.codes, want.codes, f);
    assert.deepEqual([...got.numbers.y].map(String), [...want.numbers.y].map(String), f);
  }
  assert.deepEqual(want.levels.year, ['2019', '2020']);
});

test('gravity data from a file: regions in order of first appearance (origins, then destinations), periods coded', async () => {
  const p = file('gravity.csv', 'from,to,flow,km,year\nC,A,10,5,2020\nA,C,3,5,2019\nA,D,4,7,2020\n');
  const { data } = await gravityDataFromFile(p, { origin: 'from', destination: 'to', flow: 'flow', cost: 'km', period: 'year' });
  assert.deepEqual(data.regions, ['C', 'A', 'D']);
  assert.deepEqual([...data.origin], [0, 1, 1]);
  assert.deepEqual([...data.destination], [1, 0, 2]);
  assert.deepEqual(data.periods, ['2020', '2019']);
  assert.deepEqual([...data.period!], [0, 1, 0]);
  assert.deepEqual([...data.cost], [5, 5, 7]);
});

test('a missing column or a cell that is not a number is an InputError naming file, row and column', async () => {
  const p = file('bad.csv', 'o,d,flow\nA,B,1\nB,A,abc\n');
  const err = await readCodedColumns(p, { codes: [['o', 'd']], numeric: ['flow'] }).then(() => null, (e: unknown) => e);
  assert.ok(err instanceof InputError);
  assert.equal(err.file, p);
  assert.equal(err.row, 3);
  assert.equal(err.column, 'flow');
  assert.match(err.message, /"abc" is not a number/);
  const missing = await readCodedColumns(p, { codes: [['o', 'dest']], numeric: ['flow'] }).then(() => null, (e: unknown) => e);
  assert.ok(missing instanceof InputError);
  assert.match(missing.message, /no column "dest": the file has "o", "d", "flow"/);
  assert.equal(missing.column, 'dest');
});

test('missing: true reads blank codes as MISSING_CODE and blank, NA and NaN numbers as NaN, in every format', async () => {
  const csv = file('na.csv', 'o,d,y\nA,B,NA\n,A,2\nNA,B,\nB,A,nan\n');
  const got = await readCodedColumns(csv, { codes: [['o', 'd']], numeric: ['y'], missing: true });
  assert.deepEqual(got.levels.o, ['A', 'NA', 'B'], 'NA is a code (Namibia), a blank is not');
  assert.deepEqual([...got.codes.o], [0, MISSING_CODE, 1, 2]);
  assert.deepEqual([...got.numbers.y].map(String), ['NaN', '2', 'NaN', 'NaN']);
  const jsonl = file('na.jsonl', '{"o":"A","d":"B","y":"NA"}\n{"o":null,"d":"A","y":2}\n');
  const j = await readCodedColumns(jsonl, { codes: [['o', 'd']], numeric: ['y'], missing: true });
  assert.deepEqual([...j.codes.o], [0, MISSING_CODE]);
  assert.deepEqual([...j.numbers.y].map(String), ['NaN', '2']);
  // Without the option NA is no number, and the error says where.
  const err = await readCodedColumns(csv, { codes: [['o', 'd']], numeric: ['y'] }).then(() => null, (e: unknown) => e);
  assert.ok(err instanceof InputError);
  assert.equal(err.row, 2);
  assert.match(err.message, /"NA" is not a number/);
});
