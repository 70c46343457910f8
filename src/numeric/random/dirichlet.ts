import { SpecError } from '../../core/errors.ts';
import { gamma } from './gamma.ts';
import type { Rng } from './rng.ts';

/**
 * Dirichlet(alpha) draw as normalised independent Gamma(alpha_j, 1) deviates (e.g. Devroye,
 * "Non-Uniform Random Variate Generation", 1986, ch. XI.4). Components with alpha_j = 0 are
 * always 0; at least one alpha_j must be positive.
 */
export function dirichlet(rng: Rng, alpha: ArrayLike<number>): Float64Array {
  const out = new Float64Array(alpha.length);
  let sum = 0;
  for (let j = 0; j < alpha.length; j++) {
    out[j] = gamma(rng, alpha[j]);
    sum += out[j];
  }
  if (!(sum > 0)) throw new SpecError('a Dirichlet needs at least one positive concentration', 'alpha');
  for (let j = 0; j < out.length; j++) out[j] /= sum;
  return out;
}
