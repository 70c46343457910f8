import { test } from 'node:test';
import assert from 'node:assert/strict';
import { feasibleIntervals } from './intervals.ts';

test('one table: a + b = 15 with a, b >= 1 gives [1, 14] each; a + b = 2 gives 1 each (determined)', () => {
  assert.deepEqual(feasibleIntervals([1, 1], [1e9, 1e9], [{ terms: [0, 1], constant: 15 }]), { lo: [1, 1], hi: [14, 14], consistent: true });
  assert.deepEqual(feasibleIntervals([1, 1], [1e9, 1e9], [{ terms: [0, 1], constant: 2 }]).hi, [1, 1]);
});

test('a hierarchy: province p = c1 + c2, p + q = 10, q >= 4 from its own cities: p in [2, 6], c1 in [1, 5]', () => {
  // unknowns: p, q, c1, c2
  const r = feasibleIntervals([1, 4, 1, 1], [1e9, 1e9, 1e9, 1e9], [
    { terms: [0, 1], constant: 10 },
    { terms: [0, 2, 3], signs: [1, -1, -1], constant: 0 },
  ]);
  assert.deepEqual([r.lo, r.hi], [[2, 4, 1, 1], [6, 8, 5, 5]]);
});

test('a change between years pins a hidden count when the other year is shown (this year 12 shown, change +3: last year 9)', () => {
  // unknown: last year's count x; 12 - x = 3
  assert.deepEqual(feasibleIntervals([1], [1e9], [{ terms: [0], signs: [-1], constant: 3 - 12 }]).lo, [9]);
});

test('inconsistent equations are reported', () => {
  assert.equal(feasibleIntervals([1, 1], [1e9, 1e9], [{ terms: [0, 1], constant: 1 }]).consistent, false);
});
