import { SpecError } from '../../core/errors.ts';

/**
 * Runs a logit fit and, when it refuses the clustering (too few clusters for the coefficients,
 * src/models/logit/check.ts), says what the clusters were made of: the file's column or the
 * persons' university, the thing a user would change.
 */
export function fitNamingClusters<T>(clusteredBy: string | undefined, fit: () => T): T {
  try {
    return fit();
  } catch (e) {
    if (!clusteredBy || !(e instanceof SpecError) || e.field !== 'cluster') throw e;
    throw new SpecError(`clusters by ${clusteredBy}: ${e.message.replace(/^cluster: /, '')}`, 'cluster');
  }
}
