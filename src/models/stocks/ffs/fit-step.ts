/**
 * One logged IPF step of the ffs pipeline: runs mipfp::Ipfp semantics (ipfp.ts) with the run's
 * tolerance and records iterations, convergence and margin error for the result, in the order
 * migest makes its calls.
 */
import { InputError } from '../../../core/errors.ts';
import { compensatedSum } from './compensated-sum.ts';
import { toRowMajor, type DenseArray } from './dense-array.ts';
import { firstInconsistentTarget, ipfp, type IpfpMargin, type IpfpOptions } from './ipfp.ts';
import type { IpfpCall } from './types.ts';

export interface FitContext {
  readonly ipfp: IpfpOptions;
  readonly calls: IpfpCall[];
}

/** Fits `seed` to `margins` and returns the fitted array (row-major over the seed's dims). */
export function fitStep(ctx: FitContext, step: string, seed: DenseArray, margins: readonly IpfpMargin[]): Float64Array {
  const targets = margins.map((m) => toRowMajor(m.target));
  const k = firstInconsistentTarget(targets, ctx.ipfp.marginTolerance);
  if (k > 0) {
    // mipfp would go on with proportions (each table divided by its total, NaN for a zero
    // total) and migest would return shares as if they were counts. Stop and say why instead.
    throw new InputError(
      `${step}: the totals to reconcile differ (${compensatedSum(targets[k - 1])} vs ${compensatedSum(targets[k])}) by more than ${ctx.ipfp.marginTolerance}; the stocks cannot be reconciled at this step (with a loose tolerance, a tighter one may help)`,
    );
  }
  const out = ipfp(seed, margins, ctx.ipfp);
  ctx.calls.push({
    step,
    dims: [...seed.dims],
    margins: margins.map((m) => m.over.map((d) => d + 1).join('+')).join(';'),
    iterations: out.iterations,
    converged: out.converged,
    stoppingCriterion: out.stoppingCriterion,
    maxMarginError: Math.max(0, ...out.marginErrors),
  });
  return out.fit;
}
