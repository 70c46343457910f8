import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mulberry32 } from '../../../test/helpers/synthetic.ts';
import { feasibleIntervals, type SignedSum } from './intervals.ts';
import { isSmallCell } from './primary.ts';
import { suppressTwoWay, type TwoWaySuppression } from './two-way.ts';

/**
 * Every whole-number value (>= 1: zeros are shown) of the hidden cells consistent with the shown
 * cells and shown margins, by enumeration: the exact range of each hidden cell and of each hidden
 * row and column total, an oracle sharing no code with the suppression. Null when the
 * enumeration would be too long.
 */
function exactRanges(cells: number[][], s: TwoWaySuppression): { cells: Map<string, [number, number]>; rows: Map<number, [number, number]>; cols: Map<number, [number, number]> } | null {
  const R = cells.length;
  const C = cells[0].length;
  const rowSum = cells.map((r) => r.reduce((a, b) => a + b, 0));
  const colSum = cells[0].map((_, j) => cells.reduce((a, r) => a + r[j], 0));
  const T = rowSum.reduce((a, b) => a + b, 0);
  const hidden: [number, number][] = [];
  cells.forEach((r, i) => r.forEach((_, j) => s.cells[i][j] && hidden.push([i, j])));
  // What the shown values leave for the hidden cells of each line (null: the line's total is hidden).
  const rowLeft = cells.map((r, i) => (s.rowTotals[i] ? null : rowSum[i] - r.reduce((a, v, j) => a + (s.cells[i][j] ? 0 : v), 0)));
  const colLeft = colSum.map((v, j) => (s.columnTotals[j] ? null : v - cells.reduce((a, r, i) => a + (s.cells[i][j] ? 0 : r[j]), 0)));
  let totalLeft = T - cells.reduce((a, r, i) => a + r.reduce((b, v, j) => b + (s.cells[i][j] ? 0 : v), 0), 0);
  const rowsToGo = cells.map((_, i) => hidden.filter((h) => h[0] === i).length);
  const colsToGo = colSum.map((_, j) => hidden.filter((h) => h[1] === j).length);
  const out = { cells: new Map<string, [number, number]>(), rows: new Map<number, [number, number]>(), cols: new Map<number, [number, number]>() };
  const widen = <K>(m: Map<K, [number, number]>, key: K, v: number) => {
    const r = m.get(key);
    m.set(key, r ? [Math.min(r[0], v), Math.max(r[1], v)] : [v, v]);
  };
  const value = new Map<string, number>();
  let steps = 0;
  const walk = (n: number): boolean => {
    if (++steps > 300_000) return false;
    if (n === hidden.length) {
      if (totalLeft !== 0 || rowLeft.some((v) => v !== null && v !== 0) || colLeft.some((v) => v !== null && v !== 0)) return true;
      for (const [i, j] of hidden) widen(out.cells, `${i},${j}`, value.get(`${i},${j}`)!);
      for (let i = 0; i < R; i++) if (s.rowTotals[i]) widen(out.rows, i, cells[i].reduce((a, v, j) => a + (s.cells[i][j] ? value.get(`${i},${j}`)! : v), 0));
      for (let j = 0; j < C; j++) if (s.columnTotals[j]) widen(out.cols, j, cells.reduce((a, r, i) => a + (s.cells[i][j] ? value.get(`${i},${j}`)! : r[j]), 0));
      return true;
    }
    const [i, j] = hidden[n];
    rowsToGo[i]--;
    colsToGo[j]--;
    let hi = totalLeft - (hidden.length - n - 1);
    if (rowLeft[i] !== null) hi = Math.min(hi, rowLeft[i]! - rowsToGo[i]);
    if (colLeft[j] !== null) hi = Math.min(hi, colLeft[j]! - colsToGo[j]);
    let lo = 1;
    // The last unknown of a line with a shown total is forced.
    if (rowLeft[i] !== null && rowsToGo[i] === 0) lo = hi = rowLeft[i]!;
    if (colLeft[j] !== null && colsToGo[j] === 0) {
      if (lo === hi && hi !== colLeft[j]!) hi = 0;
      lo = Math.max(lo, colLeft[j]!);
      hi = Math.min(hi, colLeft[j]!);
    }
    let ok = true;
    for (let v = Math.max(1, lo); v <= hi && ok; v++) {
      value.set(`${i},${j}`, v);
      totalLeft -= v;
      if (rowLeft[i] !== null) rowLeft[i]! -= v;
      if (colLeft[j] !== null) colLeft[j]! -= v;
      ok = walk(n + 1);
      totalLeft += v;
      if (rowLeft[i] !== null) rowLeft[i]! += v;
      if (colLeft[j] !== null) colLeft[j]! += v;
    }
    rowsToGo[i]++;
    colsToGo[j]++;
    return ok;
  };
  return walk(0) ? out : null;
}

test('a small home in a home x destination table: its row is hidden, and enough else that no count follows', () => {
  // Home B has 4 graduates (k = 5): its row total and cells hide; column totals must not give them away.
  const cells = [[30, 12, 8], [2, 1, 1], [25, 20, 15]];
  const s = suppressTwoWay(cells, 5);
  assert.equal(s.rowTotals[1], true);
  assert.deepEqual(s.cells[1], [true, true, true]);
  assert.equal(s.total, false);
  const r = exactRanges(cells, s)!;
  for (const [where, [lo, hi]] of [...r.cells, ...r.rows, ...r.cols]) assert.ok(hi > lo, `${where} determined at ${lo}`);
});

test('a grand total under k hides everything non-zero; a table without small counts hides nothing', () => {
  const tiny = suppressTwoWay([[1, 0], [2, 1]], 5);
  assert.deepEqual(tiny, { cells: [[true, false], [true, true]], rowTotals: [true, true], columnTotals: [true, true], total: true });
  const big = suppressTwoWay([[12, 0], [20, 31]], 5);
  assert.deepEqual(big, { cells: [[false, false], [false, false]], rowTotals: [false, false], columnTotals: [false, false], total: false });
});

test('2,000 seeded random tables (2-4 x 2-4, k 3 to 5): no hidden cell or margin is determined by the shown values (exact enumeration)', (t) => {
  const u = mulberry32(2026);
  let attacked = 0;
  for (let n = 0; n < 2000; n++) {
    const k = 3 + Math.floor(u() * 3);
    const R = 2 + Math.floor(u() * 3);
    const C = 2 + Math.floor(u() * 3);
    const cells = Array.from({ length: R }, () => Array.from({ length: C }, () => (u() < 0.15 ? 0 : Math.floor(u() ** 2 * 3 * k))));
    const s = suppressTwoWay(cells, k);
    const rowSum = cells.map((r) => r.reduce((a, b) => a + b, 0));
    const colSum = cells[0].map((_, j) => cells.reduce((a, r) => a + r[j], 0));
    cells.forEach((r, i) => r.forEach((v, j) => {
      if (isSmallCell(v, k)) assert.ok(s.cells[i][j], `${JSON.stringify(cells)} k ${k}: small cell ${i},${j} shown`);
      if (v === 0) assert.ok(!s.cells[i][j], 'a zero hidden');
    }));
    rowSum.forEach((v, i) => isSmallCell(v, k) && assert.ok(s.rowTotals[i], 'a small row total shown'));
    colSum.forEach((v, j) => isSmallCell(v, k) && assert.ok(s.columnTotals[j], 'a small column total shown'));
    if (s.total) continue;
    const r = exactRanges(cells, s);
    if (!r) continue;
    for (const [where, [lo, hi]] of [...r.cells, ...r.rows, ...r.cols]) assert.ok(hi > lo, `${JSON.stringify(cells)} k ${k}: hidden ${where} is determined (${lo})`);
    if (r.cells.size) attacked++;
  }
  assert.ok(attacked > 800, `only ${attacked} tables enumerated`);
  t.diagnostic(`${attacked} tables with hidden cells enumerated exactly: every hidden cell and margin has at least two possible values`);
});

test('differencing on a 31 x 32 table of mostly small cells (bounds propagation over every shown row, column and total) pins no hidden count', () => {
  const u = mulberry32(31);
  const k = 10;
  const cells = Array.from({ length: 31 }, (_, i) => Array.from({ length: 32 }, (_, j) => (i === j ? 200 + Math.floor(u() * 400) : u() < 0.4 ? 0 : Math.floor(u() ** 3 * 60))));
  const s = suppressTwoWay(cells, k);
  const unknown: [number, number][] = [];
  cells.forEach((r, i) => r.forEach((_, j) => s.cells[i][j] && unknown.push([i, j])));
  assert.ok(unknown.length > 100, `${unknown.length} hidden`);
  const index = new Map(unknown.map(([i, j], m) => [`${i},${j}`, m]));
  const eqs: SignedSum[] = [];
  const line = (members: [number, number][], totalHidden: boolean, total: number) => {
    if (totalHidden) return;
    const terms = members.filter(([i, j]) => s.cells[i][j]).map(([i, j]) => index.get(`${i},${j}`)!);
    const shown = members.filter(([i, j]) => !s.cells[i][j]).reduce((a, [i, j]) => a + cells[i][j], 0);
    if (terms.length) eqs.push({ terms, constant: total - shown });
  };
  cells.forEach((r, i) => line(r.map((_, j) => [i, j]), s.rowTotals[i], r.reduce((a, b) => a + b, 0)));
  cells[0].forEach((_, j) => line(cells.map((_, i) => [i, j]), s.columnTotals[j], cells.reduce((a, r) => a + r[j], 0)));
  const T = cells.flat().reduce((a, b) => a + b, 0);
  line(cells.flatMap((r, i) => r.map((_, j) => [i, j] as [number, number])), false, T);
  const iv = feasibleIntervals(unknown.map(() => 1), unknown.map(() => T), eqs);
  assert.ok(iv.consistent);
  iv.lo.forEach((lo, m) => assert.ok(iv.hi[m] > lo, `cell ${unknown[m]} pinned at ${lo}`));
});
