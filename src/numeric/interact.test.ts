import { test } from 'node:test';
import assert from 'node:assert/strict';
import { interact, MISSING } from './interact.ts';

test('interact: levels of the combinations present, lexical order first column slowest (R interaction(a, b, lex.order = TRUE, drop = TRUE))', () => {
  const a = Uint32Array.from([2, 0, 2, 1, 0, 2]);
  const b = Uint32Array.from([1, 1, 0, 1, 1, 1]);
  const x = interact([a, b], [3, 2]);
  // combinations present: (0,1) (1,1) (2,0) (2,1) -> levels 0..3
  assert.equal(x.count, 4);
  assert.deepEqual(Array.from(x.index), [3, 0, 2, 1, 0, 3]);
  assert.deepEqual(Array.from(x.firstRow, (r) => [a[r], b[r]]), [[0, 1], [1, 1], [2, 0], [2, 1]]);
});

test('interact: a missing input makes the row missing; a single column drops unused levels and keeps order', () => {
  const a = Uint32Array.from([4, MISSING, 1, 4]);
  const one = interact([a], [5]);
  assert.equal(one.count, 2);
  assert.deepEqual(Array.from(one.index), [1, MISSING, 0, 1]);
  const two = interact([a, Uint32Array.from([0, 0, MISSING, 1])], [5, 2]);
  assert.deepEqual(Array.from(two.index), [0, MISSING, MISSING, 1]);
});

test('interact: past the direct table (2^24 raw combinations) the hash path gives one level per combination, in lexical order', () => {
  const n = 1000;
  const a = Uint32Array.from({ length: n }, (_, i) => (i * 7919) % 5000);
  const b = Uint32Array.from({ length: n }, (_, i) => (i * 104729) % 4000);
  const x = interact([a, b], [5000, 4000]);
  const seen = new Map<string, number>();
  for (let r = 0; r < n; r++) {
    const key = `${a[r]}|${b[r]}`;
    if (seen.has(key)) assert.equal(x.index[r], seen.get(key));
    seen.set(key, x.index[r]);
  }
  assert.equal(x.count, seen.size);
  for (let l = 1; l < x.count; l++) {
    const p = x.firstRow[l - 1];
    const q = x.firstRow[l];
    assert.ok(a[p] < a[q] || (a[p] === a[q] && b[p] < b[q]), `level ${l} out of order`);
  }
});
