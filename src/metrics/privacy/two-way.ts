import { complementTable } from './complementary.ts';
import { isSmallCell } from './primary.ts';

/**
 * Small-cell suppression of a two-way table of person counts shown with its margins (rows x
 * columns, each row's total, each column's total and the grand total): a destination-choice
 * model's observed destinations by home region, for one.
 *
 * Seen as a flow network (source -> row -> column -> sink, the margins on the source and sink
 * arcs), every published relation is conservation at a node, so a reader who knows the shown
 * values and that hidden counts are whole numbers of at least 1 (zeros are shown) can change a
 * hidden count only along a cycle of hidden arcs: +1 on arcs passed forward, -1 on arcs passed
 * backward (which must hold 2 or more). A hidden count is determined exactly when no such cycle
 * passes through it (any other solution differs by a circulation, which splits into such cycles:
 * the table's constraint matrix is totally unimodular). So:
 *   1. primary: cells and margins of 1 to k-1 persons;
 *   2. each row, column and margin vector whose total is shown gets complementary suppression as
 *      a one-way table (complementary.ts: two or more hidden, summing to k or more); a line that
 *      cannot be protected hides its total;
 *   3. the exact check: a hidden count with no cycle through it takes the smallest shown
 *      non-zero count next to it (sharing a row or column; if none is shown, the smallest shown
 *      anywhere) with it; back to 2 until none is left.
 * A grand total under k hides everything. Zeros stay visible.
 */
export interface TwoWaySuppression {
  /** cells[i][j]: hidden. */
  cells: boolean[][];
  rowTotals: boolean[];
  columnTotals: boolean[];
  total: boolean;
}

interface Arc {
  from: number;
  to: number;
  value: number;
  hidden: boolean;
}

export function suppressTwoWay(cells: readonly (readonly number[])[], k: number): TwoWaySuppression {
  const R = cells.length;
  const C = R ? cells[0].length : 0;
  const rowSum = cells.map((r) => r.reduce((a, b) => a + b, 0));
  const colSum = Array.from({ length: C }, (_, j) => cells.reduce((a, r) => a + r[j], 0));
  const total = rowSum.reduce((a, b) => a + b, 0);
  // Nodes: 0 source, 1..R rows, R+1..R+C columns, R+C+1 sink. Arcs: row totals, cells, column totals.
  const S = 0;
  const K = R + C + 1;
  const arcs: Arc[] = [];
  const rowArc = rowSum.map((v, i) => arcs.push({ from: S, to: 1 + i, value: v, hidden: isSmallCell(v, k) }) - 1);
  const cellArc = cells.map((r, i) => r.map((v, j) => arcs.push({ from: 1 + i, to: 1 + R + j, value: v, hidden: isSmallCell(v, k) }) - 1));
  const colArc = colSum.map((v, j) => arcs.push({ from: 1 + R + j, to: K, value: v, hidden: isSmallCell(v, k) }) - 1);
  const result = (all: boolean): TwoWaySuppression => ({
    cells: cellArc.map((r) => r.map((a) => arcs[a].hidden || (all && arcs[a].value > 0))),
    rowTotals: rowArc.map((a) => arcs[a].hidden || (all && arcs[a].value > 0)),
    columnTotals: colArc.map((a) => arcs[a].hidden || (all && arcs[a].value > 0)),
    total: all && total > 0,
  });
  if (isSmallCell(total, k)) return result(true);

  // The lines of step 2: a total (an arc, or the grand total: -1) and its parts.
  const lines: { total: number; parts: number[] }[] = [
    ...rowArc.map((a, i) => ({ total: a, parts: cellArc[i] })),
    ...colArc.map((a, j) => ({ total: a, parts: cellArc.map((r) => r[j]) })),
    { total: -1, parts: rowArc },
    { total: -1, parts: colArc },
  ];
  for (;;) {
    // Step 2 to a fixed point.
    for (let changed = true; changed;) {
      changed = false;
      for (const line of lines) {
        if (line.total >= 0 && arcs[line.total].hidden) continue;
        const c = complementTable(line.parts.map((a) => arcs[a].value), line.parts.map((a) => arcs[a].hidden), k);
        if (!c.complete) {
          if (line.total < 0) return result(true);
          arcs[line.total].hidden = true;
          changed = true;
          continue;
        }
        line.parts.forEach((a, m) => {
          if (c.hidden[m] && !arcs[a].hidden) {
            arcs[a].hidden = true;
            changed = true;
          }
        });
      }
    }
    // Step 3.
    const fixed = determinedArc(arcs, K + 1);
    if (fixed < 0) return result(false);
    const { from, to } = arcs[fixed];
    // The smallest shown non-zero count sharing a row or column with it; failing that (every
    // neighbour hidden, cells of 1 that cannot go lower), the smallest anywhere.
    const smallest = (near: boolean) => {
      let next = -1;
      arcs.forEach((a, i) => {
        const touches = a.from === from || a.to === from || a.from === to || a.to === to;
        if ((touches || !near) && !a.hidden && a.value > 0 && (next < 0 || a.value < arcs[next].value)) next = i;
      });
      return next;
    };
    const next = smallest(true) >= 0 ? smallest(true) : smallest(false);
    if (next < 0) return result(true);
    arcs[next].hidden = true;
  }
}

/**
 * The first hidden arc whose value no cycle of hidden arcs can change (see the head comment), or
 * -1. Increasing arc u->v needs a path v ~> u, decreasing it (value 2 or more) a path u ~> v, in
 * the other hidden arcs, each passable forward always and backward when it holds 2 or more.
 */
function determinedArc(arcs: readonly Arc[], nodes: number): number {
  const out: { arc: number; to: number }[][] = Array.from({ length: nodes }, () => []);
  arcs.forEach((a, i) => {
    if (!a.hidden) return;
    out[a.from].push({ arc: i, to: a.to });
    if (a.value >= 2) out[a.to].push({ arc: i, to: a.from });
  });
  const seen = new Int32Array(nodes);
  let stamp = 0;
  const reaches = (start: number, goal: number, skip: number): boolean => {
    stamp++;
    const stack = [start];
    seen[start] = stamp;
    while (stack.length) {
      const n = stack.pop()!;
      if (n === goal) return true;
      for (const e of out[n]) {
        if (e.arc === skip || seen[e.to] === stamp) continue;
        seen[e.to] = stamp;
        stack.push(e.to);
      }
    }
    return false;
  };
  for (let i = 0; i < arcs.length; i++) {
    const a = arcs[i];
    if (!a.hidden) continue;
    if (reaches(a.to, a.from, i)) continue;
    if (a.value >= 2 && reaches(a.from, a.to, i)) continue;
    return i;
  }
  return -1;
}
