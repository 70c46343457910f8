import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../core/errors.ts';
import { MISSING_LEVEL, fitGravity } from '../../models/index.ts';
import { readCodedColumns } from '../read-columns.ts';
import { readGravityFile, type ColumnReader } from './gravity-file.ts';

let dir = '';
before(() => (dir = mkdtempSync(join(tmpdir(), 'tf-gravity-file-'))));
after(() => rmSync(dir, { recursive: true, force: true }));

const cols = { origin: 'o', destination: 'd', flow: 'y', cost: 'km', categories: ['sector'] };

/** readCodedColumns, counting its calls. */
function counting(): { read: ColumnReader; calls: () => number } {
  let n = 0;
  return { read: (file, request, options) => (n++, readCodedColumns(file, request, options)), calls: () => n };
}

test('missing cells of every spelling are read in one pass: NaN numbers, MISSING_LEVEL codes', async () => {
  const file = join(dir, 'na.csv');
  // Lines 2..7: the flow is NA, blank, N/A, NULL in four rows; the sector is NA in one, blank in another.
  writeFileSync(file, ['o,d,y,km,sector', 'A,B,10,100,s1', 'A,C,NA,200,s1', 'B,A,,100,NA', 'B,C,N/A,150,', 'C,A,NULL,200,s2', 'C,B,7,150,s2'].join('\n') + '\n');
  const c = counting();
  const { data } = await readGravityFile(file, cols, {}, c.read);
  assert.equal(c.calls(), 1, 'the file is read once, not again as text for its NA cells');
  assert.deepEqual(Array.from(data.flow, (v) => (Number.isNaN(v) ? 'NaN' : v)), [10, 'NaN', 'NaN', 'NaN', 'NaN', 7]);
  assert.deepEqual(Array.from(data.cost), [100, 200, 100, 150, 200, 150]);
  const sector = data.categories!.sector;
  assert.deepEqual(sector.levels, ['s1', 's2']);
  assert.deepEqual(Array.from(sector.index), [0, 0, MISSING_LEVEL, MISSING_LEVEL, 1, 1]);
  assert.deepEqual(data.regions, ['A', 'B', 'C']);
});

test('a cell that is neither a number nor missing names the file row as the importers count it (header = row 1)', async () => {
  const file = join(dir, 'bad.csv');
  // The third data row is line 4 of the file; an NA elsewhere must not change the row named.
  writeFileSync(file, ['o,d,y,km,sector', 'A,B,10,100,s1', 'A,C,NA,200,s1', 'B,A,abc,100,s2', 'B,C,5,150,s2'].join('\n') + '\n');
  const c = counting();
  await assert.rejects(readGravityFile(file, cols, {}, c.read), (e: unknown) => {
    assert.ok(e instanceof InputError);
    assert.equal(e.row, 4);
    assert.equal(e.column, 'y');
    assert.equal(e.file, file);
    assert.match(e.message, /"abc" is not a number/);
    return true;
  });
  assert.equal(c.calls(), 1);
});

test('the model names rows as the file counts them: a CSV from row 2, JSON lines from row 1', async () => {
  const csv = join(dir, 'rows.csv');
  // The NA flow is on line 4 of the CSV; the duplicate of line 2's key on line 5.
  writeFileSync(csv, ['o,d,y,km', 'A,B,10,100', 'A,C,4,200', 'B,A,NA,100', 'A,B,3,100', 'B,C,5,150'].join('\n') + '\n');
  const { data } = await readGravityFile(csv, { origin: 'o', destination: 'd', flow: 'y', cost: 'km' });
  assert.equal(data.rowNumbers, 2);
  const spec = { constraint: 'unconstrained', decay: 'power', costName: 'km' } as const;
  assert.throws(() => fitGravity(data, { ...spec, na: 'error' }), (e: unknown) => e instanceof InputError && e.row === 4 && e.column === 'flow');
  assert.throws(() => fitGravity(data, spec), (e: unknown) => e instanceof InputError && /rows 2 and 5 are the same observation/.test(e.message) && e.row === 5);
  const jsonl = join(dir, 'rows.jsonl');
  writeFileSync(jsonl, ['{"o":"A","d":"B","y":10,"km":100}', '{"o":"A","d":"C","y":null,"km":200}'].join('\n') + '\n');
  const j = await readGravityFile(jsonl, { origin: 'o', destination: 'd', flow: 'y', cost: 'km' });
  assert.equal(j.data.rowNumbers, 1);
  assert.throws(() => fitGravity(j.data, { ...spec, na: 'error' }), (e: unknown) => e instanceof InputError && e.row === 2);
});
