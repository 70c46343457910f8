import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mulberry32 } from '../../../test/helpers/synthetic.ts';
import { checkMinCell, DEFAULT_MIN_CELL } from './min-cell.ts';
import { complementTable } from './complementary.ts';
import { suppressNested } from './hierarchy.ts';
import { isSmallCell } from './primary.ts';
import { suppressTable } from './table.ts';

const hiddenOf = (counts: number[], flags: boolean[]) => counts.filter((_, i) => flags[i]);

test('primary: 1 to k-1 hidden, 0 and k shown', () => {
  assert.deepEqual([0, 1, 9, 10, 11].map((c) => isSmallCell(c, 10)), [false, true, true, false, false]);
});

test('complementary: one small cell takes the next smallest non-zero cell with it; zeros are never chosen', () => {
  // [50, 3, 0, 12]: 3 is small; the smallest visible non-zero cell is 12 (not the 0): hidden 3 + 12 = 15 >= 10.
  assert.deepEqual(suppressTable([50, 3, 0, 12], 10).hidden, [false, true, false, true]);
  // Two small cells summing to less than k (2 + 3 = 5) take the next smallest (30) too.
  assert.deepEqual(hiddenOf([40, 2, 3, 30], suppressTable([40, 2, 3, 30], 10).hidden), [2, 3, 30]);
  // Two small cells summing to k or more (4 + 7 = 11) are enough.
  assert.deepEqual(hiddenOf([40, 4, 7, 30], suppressTable([40, 4, 7, 30], 10).hidden), [4, 7]);
  // Ties: the first of the smallest.
  assert.deepEqual(suppressTable([20, 4, 11, 11], 10).hidden, [false, true, true, false]);
  // Nothing small: nothing hidden.
  assert.deepEqual(suppressTable([10, 25, 0], 10).hidden, [false, false, false]);
});

test('complementary: hidden cells must exceed their known lower bounds (three cells of 1 at k = 3 would each be 1)', () => {
  // [1, 1, 1, 20] at k = 3: the three 1s sum to 3 = k, but each is at least 1, so each would be 1: the 20 hides too.
  assert.deepEqual(suppressTable([1, 1, 1, 20], 3).hidden, [true, true, true, true]);
  // A hidden cell known to hold at least 4 (four hidden rows under it): 4 + 2 = 6 hidden, bounds 4 + 1 = 5: enough.
  assert.deepEqual(complementTable([4, 2, 30], [false, true, false], 3, [4, 1, 1]).hidden, [true, true, false]);
  assert.deepEqual(complementTable([4, 2, 30], [false, true, false], 3, [5, 1, 1]).hidden, [true, true, true]);
});

test('a table that cannot be protected under its shown total says so and hides every non-zero cell', () => {
  // [1, 1, 1] with total 3 at k = 3: no cell left to add; the total must go.
  assert.deepEqual(suppressTable([1, 1, 1], 3), { hidden: [true, true, true], protected: false });
  assert.deepEqual(complementTable([5, 0], [true, false], 10), { hidden: [true, false], complete: false });
  // Under a hidden total every non-zero cell is hidden, zeros shown.
  assert.deepEqual(suppressTable([30, 0, 2], 10, { totalHidden: true }), { hidden: [true, false, true], protected: true });
});

test('nested tables: a hidden parent hides its children; a shown parent protects its hidden children; unprotectable parents are named', () => {
  // Provinces [25, 12 (hidden)]; cities of the first 14 / 11, of the second 12.
  const r = suppressNested([false, true], [14, 11, 12], [0, 0, 1], 10);
  assert.deepEqual(r, { hidden: [false, false, true], unprotected: [] });
  // A shown province of 23 with cities 20 and 3: the 3 takes the 20 with it.
  assert.deepEqual(suppressNested([false], [20, 3], [0, 0], 10).hidden, [true, true]);
  // A shown province of 3 at k = 3 with three cities of 1: cannot be protected while the province is shown.
  assert.deepEqual(suppressNested([false], [1, 1, 1], [0, 0, 0], 3).unprotected, [0]);
});

test('k: default 10; whole numbers of at least 3, else SpecError naming the field', () => {
  assert.equal(DEFAULT_MIN_CELL, 10);
  assert.equal(checkMinCell(3), 3);
  assert.equal(checkMinCell('12'), 12);
  for (const bad of [2, 0, -5, 2.5, 'ten', '', null, undefined, Number.NaN]) {
    assert.throws(() => checkMinCell(bad), (e: Error & { code?: string; field?: string }) => e.code === 'SPEC' && e.field === 'privacy_k', String(bad));
  }
  assert.throws(() => checkMinCell(2, 'k'), /^SpecError: k: must be a whole number of persons, at least 3 \(small-cell suppression\), got 2$/);
});

/**
 * Every value of the hidden cells consistent with the total and the shown cells, by enumeration
 * (whole numbers >= 1, since zeros are shown): the exact ranges, an oracle that shares no code
 * with the suppression.
 */
function exactRanges(counts: number[], hidden: boolean[]): [number, number][] {
  const idx = counts.flatMap((_, i) => (hidden[i] ? [i] : []));
  const R = idx.reduce((s, i) => s + counts[i], 0);
  const lo = idx.map(() => Infinity);
  const hi = idx.map(() => -Infinity);
  const values: number[] = [];
  const walk = (j: number, left: number) => {
    if (j === idx.length - 1) {
      if (left < 1) return;
      values.push(left);
      values.forEach((v, m) => { lo[m] = Math.min(lo[m], v); hi[m] = Math.max(hi[m], v); });
      values.pop();
      return;
    }
    for (let v = 1; v <= left - (idx.length - 1 - j); v++) {
      values.push(v);
      walk(j + 1, left - v);
      values.pop();
    }
  };
  if (idx.length) walk(0, R);
  return idx.map((_, m) => [lo[m], hi[m]]);
}

test('3,000 seeded random tables (k 3 to 20): no hidden cell is determined by total minus shown cells (exact enumeration)', (t) => {
  const u = mulberry32(2016);
  let attacked = 0;
  for (let n = 0; n < 3000; n++) {
    const k = [3, 4, 5, 10, 20][Math.floor(u() * 5)];
    const len = 2 + Math.floor(u() * 7);
    // Mostly small counts, some zeros, a few large: tables of a small selection.
    const counts = Array.from({ length: len }, () => (u() < 0.15 ? 0 : Math.floor(u() ** 2 * 3 * k)));
    const total = counts.reduce((a, b) => a + b, 0);
    if (total < k) continue; // a total under k is itself hidden, and its table with it
    const { hidden, protected: ok } = suppressTable(counts, k);
    const shown = (i: number) => !hidden[i];
    counts.forEach((c, i) => {
      if (isSmallCell(c, k)) assert.ok(hidden[i], `${counts} k ${k}: small cell ${i} shown`);
      if (c === 0) assert.ok(shown(i), `${counts}: a zero hidden`);
    });
    const h = hiddenOf(counts, hidden);
    if (!ok) {
      // Only when no protection exists: every non-zero cell hidden; the caller hides the total.
      assert.deepEqual(hidden, counts.map((c) => c > 0));
      continue;
    }
    if (!h.length) continue;
    assert.ok(h.length >= 2 && h.reduce((a, b) => a + b, 0) >= k, `${counts} k ${k}: hidden ${h}`);
    if (h.reduce((a, b) => a + b, 0) > 40 || h.length > 5) continue; // enumeration kept small
    for (const [lo, hi] of exactRanges(counts, hidden)) assert.ok(hi - lo >= 1, `${counts} k ${k}: a hidden cell is determined`);
    attacked++;
  }
  assert.ok(attacked > 500, `only ${attacked} tables enumerated`);
  t.diagnostic(`${attacked} tables with hidden cells enumerated exactly: every hidden cell has at least two possible values`);
});
