/**
 * Neumaier's compensated summation (Neumaier 1974, an improvement of Kahan's): the rounding error
 * of each addition is carried separately, so a sum of n terms is accurate to about one rounding of
 * the result instead of n. Used where a line search must tell apart likelihoods that differ in
 * the last digits.
 */
export class CompensatedSum {
  private sum = 0;
  private carry = 0;

  add(x: number): void {
    const t = this.sum + x;
    if (Math.abs(this.sum) >= Math.abs(x)) this.carry += this.sum - t + x;
    else this.carry += x - t + this.sum;
    this.sum = t;
  }

  value(): number {
    return this.sum + this.carry;
  }
}
