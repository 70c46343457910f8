import { SpecError } from '../../core/errors.ts';
import { coded, type ParamsOf } from '../../core/messages/index.ts';

/**
 * Runs a logit fit and, when it refuses the clustering (too few clusters for the coefficients,
 * src/models/logit/check.ts), says what the clusters were made of: the file's column or the
 * persons' university, the thing a user would change.
 */
export function fitNamingClusters<T>(clusteredBy: ClusteredBy | undefined, fit: () => T): T {
  try {
    return fit();
  } catch (e) {
    if (!clusteredBy || !(e instanceof SpecError) || e.field !== 'cluster') throw e;
    if (e.text?.code === 'choicefit.tooFewClusters') {
      const p = e.text.params as ParamsOf<'choicefit.tooFewClusters'>;
      const by = 'university' in clusteredBy ? { university: true } : { column: clusteredBy.column, file: clusteredBy.file };
      throw new SpecError(coded('choicefit.tooFewClusters', { ...p, ...by }), 'cluster');
    }
    throw new SpecError(`clusters by ${'university' in clusteredBy ? 'university (the universities of the selected persons)' : `column "${clusteredBy.column}" of ${clusteredBy.file}`}: ${e.message.replace(/^cluster: /, '')}`, 'cluster');
  }
}

/** What the clusters were made of: the persons' university, or a column of a choice file. */
export type ClusteredBy = { readonly university: true } | { readonly column: string; readonly file: string };
