import { SpecError } from '../../core/errors.ts';
import { coded } from '../../core/messages/index.ts';
import { cholesky, choleskySolve } from '../../numeric/cholesky.ts';

/**
 * Explains a rank-deficient design: which column is absorbed by the fixed effects, or which
 * earlier columns it is a linear combination of. `raw` and `demeaned` are the weighted sums of
 * squares of each column before and after removing the fixed effects; `gram` is the k x k
 * weighted cross-product of the demeaned columns and `column` the first failing pivot.
 */
export function collinearityError(
  names: readonly string[],
  fixedEffects: readonly string[],
  raw: readonly number[],
  demeaned: readonly number[],
  gram: Float64Array,
  column: number,
): SpecError {
  const k = names.length;
  for (let j = 0; j < k; j++) {
    if (demeaned[j] <= 1e-18 * raw[j] || demeaned[j] === 0) {
      return new SpecError(coded('gravity.collinearWithEffects', { term: names[j], effects: fixedEffects }), names[j]);
    }
  }
  // Regress the failing column on the earlier ones to name the combination.
  const sub = new Float64Array(column * column);
  for (let a = 0; a < column; a++) for (let b = 0; b < column; b++) sub[a * column + b] = gram[a * k + b];
  const partners: string[] = [];
  const f = column > 0 ? cholesky(sub, column, 0) : null;
  if (f && f.ok) {
    const rhs = new Float64Array(column);
    for (let a = 0; a < column; a++) rhs[a] = gram[a * k + column];
    const coef = choleskySolve(f.factor, rhs);
    for (let a = 0; a < column; a++) {
      if (Math.abs(coef[a]) * Math.sqrt(gram[a * k + a]) > 1e-6 * Math.sqrt(gram[column * k + column])) partners.push(names[a]);
    }
  }
  return new SpecError(coded('gravity.collinear', { term: names[column], partners }), names[column]);
}
