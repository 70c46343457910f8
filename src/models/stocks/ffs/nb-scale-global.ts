/**
 * Global matching of stocks to natural change (Abel & Sander 2014, supplementary materials;
 * Abel 2018, IMR 52(3)): make the change in the world total of the stock tables equal births
 * minus deaths, so that the system is closed, by changing only the native-born cells (the
 * diagonal), half of the gap at each end of the period.
 */
import { compensatedSum } from './compensated-sum.ts';
import { rescaleIntegerSum, roundHalfEven } from './rescale-integer-sum.ts';
import { diagonal, subtract, withDiagonal } from './square-matrix.ts';

export interface GlobalMatch {
  readonly start: Float64Array;
  readonly end: Float64Array;
  /** Births - deaths minus the change of the stock totals, before the adjustment (migest `dd`). */
  readonly gap: number;
}

/**
 * migest nb_scale_global(m1, m2, b, d), used by ffs_demo with match_global = "before-demo-adjust":
 * dd = sum(b - d) - sum(m2 - m1); natives at the start rescaled (rescale_integer_sum) to total
 * sum(diag(m1)) - dd/2 and at the end to sum(diag(m2)) + dd/2. migest first adds one person to
 * the end natives when round(dd %% 2) == 0 and dd %% 2 != 0 (a non-integer dd just above an even
 * number); this is kept although integer stocks never reach it.
 */
export function nbScaleGlobal(m1: Float64Array, m2: Float64Array, n: number, births: Float64Array, deaths: Float64Array): GlobalMatch {
  const natural = compensatedSum(subtract(births, deaths));
  const tot1 = compensatedSum(diagonal(m1, n));
  let end = m2;
  let dd = natural - compensatedSum(subtract(m2, m1));
  const gap = dd;
  const mod2 = dd - Math.floor(dd / 2) * 2;
  if (roundHalfEven(mod2) === 0 && mod2 !== 0) {
    end = withDiagonal(m2, n, rescaleIntegerSum(diagonal(m2, n), compensatedSum(diagonal(m2, n)) + 1));
    dd = natural - compensatedSum(subtract(end, m1));
  }
  if (dd === 0) return { start: m1, end, gap };
  const tot2 = compensatedSum(diagonal(end, n));
  return {
    start: withDiagonal(m1, n, rescaleIntegerSum(diagonal(m1, n), tot1 - dd / 2)),
    end: withDiagonal(end, n, rescaleIntegerSum(diagonal(end, n), tot2 + dd / 2)),
    gap,
  };
}

/**
 * ffs_demo's match_global = "after-demo-adjust" (inline in migest's ffs_demo, applied after births
 * and deaths are removed): dd = sum(end) - sum(start); each native-born cell at the start grows
 * by dd/2 in proportion to its share of all natives, and each at the end shrinks likewise.
 */
export function scaleNativesProportionally(start: Float64Array, end: Float64Array, n: number): GlobalMatch {
  const dd = compensatedSum(end) - compensatedSum(start);
  const d1 = diagonal(start, n);
  const d2 = diagonal(end, n);
  const s1 = compensatedSum(d1);
  const s2 = compensatedSum(d2);
  return {
    start: withDiagonal(start, n, d1.map((v) => v + ((dd * v) / s1) * 0.5)),
    end: withDiagonal(end, n, d2.map((v) => v - ((dd * v) / s2) * 0.5)),
    gap: -dd,
  };
}
