/** The x extent of a coefficient chart: see coefficientDomain. */
export interface Interval { estimate: number; low: number; high: number }

/**
 * The x domain of a coefficient chart: zero (the reference line), every estimate and every
 * interval end, widened by `pad` of the span on each side so a dot (drawn with a radius) at an
 * end stays inside the axis. Plot's own domain ends at the extreme value, so the last tick (16)
 * came before a dot at 17.1 drawn half over the edge (issue #12). Non-finite values are skipped
 * (an interval that could not be computed); with nothing but zero the domain is [-1, 1].
 */
export function coefficientDomain(rows: readonly Interval[], pad = 0.05): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const r of rows) {
    for (const v of [r.estimate, r.low, r.high]) {
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (lo === hi) return [-1, 1];
  const margin = (hi - lo) * pad;
  return [lo - margin, hi + margin];
}
