/**
 * When robust (sandwich) standard errors are many times the model-based ones: overdispersed
 * counts, as migration flows are, make a Poisson variance understate the uncertainty, and the
 * model-based z, p and intervals then overstate the precision. One rule for the CLI's fit
 * summary and the dashboard's coefficient table, so both say it for the same fits.
 */

/** Above this ratio the difference is said (2: the robust interval is at least twice as wide). */
export const ROBUST_RATIO_SAID = 2;

/** The largest ratio of a term's robust standard error to its model-based one, when it is above ROBUST_RATIO_SAID; else null. */
export function robustErrorsLarger(terms: readonly string[], model: Readonly<Record<string, number>>, robust: Readonly<Record<string, number>> | undefined): number | null {
  if (!robust) return null;
  const ratios = terms.map((t) => robust[t] / model[t]).filter((x) => Number.isFinite(x));
  const ratio = ratios.length ? Math.max(...ratios) : null;
  return ratio !== null && ratio > ROBUST_RATIO_SAID ? ratio : null;
}
