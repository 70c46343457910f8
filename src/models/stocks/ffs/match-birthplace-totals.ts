/**
 * Equal birthplace totals at both ends (Abel 2013, section 3; Abel & Sander 2014, supplementary
 * materials): once births and deaths are removed, the people born in each place must be the same
 * at the start and the end of the period for flows to move them between residences. migest's
 * match_birthplace_tot(m1, m2, method).
 */
import { rowMajor } from './dense-array.ts';
import { fitStep, type FitContext } from './fit-step.ts';
import { colSums, rowSums, subtract } from './square-matrix.ts';
import type { BirthplaceMatchMethod } from './types.ts';

export interface BirthplaceMatch {
  readonly start: Float64Array;
  readonly end: Float64Array;
  /** Persons entering the system between the two tables (migest in_mat; zeros for 'rescale'). */
  readonly entered: Float64Array;
  /** Persons leaving it (migest out_mat; zeros for 'rescale'). */
  readonly left: Float64Array;
}

/**
 * dd = rowSums(start) - rowSums(end) per birthplace.
 * - 'rescale' (Science 2014): both tables meet halfway, start fitted to rows rowSums - dd/2 and
 *   its own column sums, end to rowSums + dd/2 and its own column sums.
 * - 'open' (the improved Demographic Research 2013 version): a surplus at the start left the
 *   system, spread like the end stocks' row (migest fits m2 to pmax(dd, 0)); a surplus at the
 *   end entered it, spread like the start stocks' row.
 * - 'open-dr' (Demographic Research 2013 as published): the same with the two spreads swapped.
 */
export function matchBirthplaceTotals(ctx: FitContext, start: Float64Array, end: Float64Array, n: number, method: BirthplaceMatchMethod): BirthplaceMatch {
  const r1 = rowSums(start, n);
  const r2 = rowSums(end, n);
  const dd = Float64Array.from(r1, (v, i) => v - r2[i]);
  const byRow = (t: Float64Array) => ({ over: [0], target: rowMajor([n], t) });
  if (method === 'rescale') {
    const half = (m: Float64Array, rows: Float64Array, which: string): Float64Array =>
      fitStep(ctx, `match_birthplace_tot: ${which}`, rowMajor([n, n], m), [byRow(rows), { over: [1], target: rowMajor([n], colSums(m, n)) }]);
    const zeros = new Float64Array(n * n);
    return {
      start: half(start, Float64Array.from(r1, (v, i) => v - dd[i] / 2), 'stockStart'),
      end: half(end, Float64Array.from(r2, (v, i) => v + dd[i] / 2), 'stockEnd'),
      entered: zeros,
      left: zeros,
    };
  }
  const surplusEnd = dd.map((v) => Math.max(-v, 0));
  const surplusStart = dd.map((v) => Math.max(v, 0));
  const [enterShape, leaveShape] = method === 'open' ? [start, end] : [end, start];
  const entered = fitStep(ctx, 'match_birthplace_tot: entering the system', rowMajor([n, n], enterShape), [byRow(surplusEnd)]);
  const left = fitStep(ctx, 'match_birthplace_tot: leaving the system', rowMajor([n, n], leaveShape), [byRow(surplusStart)]);
  return { start: subtract(start, left), end: subtract(end, entered), entered, left };
}
