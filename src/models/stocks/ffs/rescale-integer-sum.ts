/**
 * migest's rescale_integer_sum(x, tot): scale x to sum to tot, round each element, and add the
 * rounding residual tot - sum(round(...)) to one element, so that the result sums to tot exactly
 * (Abel & Sander 2014, supplementary materials: native-born stocks are adjusted in whole persons).
 *
 * Where the residual goes. migest picks `sample(x = m, size = 1)` with m = which(x == max(abs(x))),
 * meant as "the most extreme element, at random among ties". When m is a single index, R's
 * sample() draws from 1:m instead, so the residual lands on a random element at or before the
 * largest one and the result depends on the RNG state. The reference runs
 * (reference-migest/README.md) fixed the RNG seed so that both draws hit m itself, which is the
 * evident intent; this port therefore adds the residual to the element with the largest |x|
 * (the first one on ties), deterministically. x holds native-born counts (>= 0), so the largest
 * |x| is the largest x, and migest's which(x == max(abs(x))) finds it.
 */
import { compensatedSum } from './compensated-sum.ts';

export function rescaleIntegerSum(x: ArrayLike<number>, total: number): Float64Array {
  const ratio = total / compensatedSum(x);
  const out = Float64Array.from(x, (v) => roundHalfEven(v * ratio));
  const residual = total - compensatedSum(out);
  if (residual !== 0) out[indexOfLargestMagnitude(x)] += residual;
  return out;
}

/** R's round(x) (digits = 0): the nearest integer, halves to the even neighbour (IEC 60559). */
export function roundHalfEven(v: number): number {
  const r = Math.round(v);
  return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function indexOfLargestMagnitude(x: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < x.length; i++) if (Math.abs(x[i]) > Math.abs(x[best])) best = i;
  return best;
}
