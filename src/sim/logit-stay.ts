import { ConvergenceError } from '../core/errors.ts';
import type { LogitPersonGroup } from './logit-choice.ts';

/**
 * The constant on staying that makes a mix of logit groups meet a stay share: alpha with
 *   S(alpha) = sum_g w_g P_g(stay; alpha) = s.
 * S rises strictly with alpha (d ln P / d V_stay > 0 for every lambda in (0, 1] and above), so
 * the root is unique. Newton on the log-odds G(alpha) = logit S(alpha) - logit s, linear in alpha
 * for one multinomial group (one step is then exact, the constant adjustment of Train 2009, sec.
 * 2.8), kept inside the bracket found so far and halving it when a step would leave it.
 * s = 0 gives -Infinity (nobody stays), s = 1 gives +Infinity (everybody stays).
 */

/**
 * Writes P_g(j) for every region into `out` under the attribute columns `x`, with `alpha` added
 * to the utility of region `stay`; when `dLogStay` is given, writes d ln P_g(stay) / d alpha to
 * dLogStay[0].
 */
export type GroupProbabilities = (
  x: Readonly<Record<string, Float64Array>>,
  group: LogitPersonGroup,
  stay: number,
  alpha: number,
  out: Float64Array,
  dLogStay?: Float64Array,
) => Float64Array;

const TOLERANCE = 1e-12;
const MAX_ITERATIONS = 200;

export function calibrateStay(
  probabilities: GroupProbabilities,
  x: Readonly<Record<string, Float64Array>>,
  groups: readonly LogitPersonGroup[],
  stay: number,
  share: number,
  scratch: Float64Array,
  region: string,
): number {
  if (share === 0) return -Infinity;
  if (share === 1) return Infinity;
  const target = Math.log(share / (1 - share));
  const d = new Float64Array(1);
  let lo = -Infinity;
  let hi = Infinity;
  let alpha = 0;
  for (let it = 0; it < MAX_ITERATIONS; it++) {
    let s = 0;
    let ds = 0;
    for (const g of groups) {
      const p = probabilities(x, g, stay, alpha, scratch, d)[stay];
      s += g.weight * p;
      ds += g.weight * p * d[0];
    }
    const gap = Math.log(s / (1 - s)) - target;
    if (Math.abs(gap) < TOLERANCE) return alpha;
    if (gap < 0) lo = alpha;
    else hi = alpha;
    // d logit S / d alpha = S' / (S (1 - S)); steps capped at 20 (e^20 in the odds) while unbracketed.
    let next = alpha - gap * (s * (1 - s)) / ds;
    if (!Number.isFinite(next)) next = gap < 0 ? alpha + 20 : alpha - 20;
    next = Math.min(alpha + 20, Math.max(alpha - 20, next));
    if (!(next > lo && next < hi)) next = Number.isFinite(lo) && Number.isFinite(hi) ? (lo + hi) / 2 : gap < 0 ? alpha + 20 : alpha - 20;
    if (next === alpha) return alpha;
    alpha = next;
  }
  throw new ConvergenceError(`the constant on staying in ${region} did not reach its stay share ${share} in ${MAX_ITERATIONS} steps`, MAX_ITERATIONS);
}
