/**
 * Compensated (Neumaier 1974, "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher
 * Summen", ZAMM 54) summation. R's sum(), rowSums() and colSums(), which migest and mipfp use
 * throughout, accumulate in an 80-bit long double; a plain double loop drifts from them by a few
 * ulps per addition, enough to move an IPF stopping decision that sits near its tolerance. A
 * compensated sum is correct to about one rounding of the result, as R's long double sum is.
 */

/** Sum of `values[start], values[start + stride], ...` (count terms), compensated. */
export function compensatedSum(values: ArrayLike<number>, start = 0, count = values.length, stride = 1): number {
  let s = 0;
  let c = 0;
  for (let k = 0, p = start; k < count; k++, p += stride) {
    const x = values[p];
    const t = s + x;
    c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    s = t;
  }
  return s + c;
}

/**
 * Many compensated sums filled cell by cell: `add(k, x)` adds x to sum k; `value(k)` reads it.
 * Used for the margins of an array, each margin cell collecting the array cells that map to it.
 */
export class CompensatedSums {
  private readonly sum: Float64Array;
  private readonly comp: Float64Array;

  constructor(size: number) {
    this.sum = new Float64Array(size);
    this.comp = new Float64Array(size);
  }

  reset(): void {
    this.sum.fill(0);
    this.comp.fill(0);
  }

  add(k: number, x: number): void {
    const s = this.sum[k];
    const t = s + x;
    this.comp[k] += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    this.sum[k] = t;
  }

  value(k: number): number {
    return this.sum[k] + this.comp[k];
  }

  /** All sums as a new array. */
  values(): Float64Array {
    return Float64Array.from(this.sum, (s, k) => s + this.comp[k]);
  }
}
