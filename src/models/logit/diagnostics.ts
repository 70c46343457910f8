import { dependsOn } from '../../numeric/linear-dependency.ts';
import type { ChoiceLayout } from './check.ts';
import { CollinearityError, NotIdentifiedError, SeparationError } from './errors.ts';

/**
 * Why a choice model's information matrix is singular, and whether its coefficients diverge.
 *
 * Identification: the negative Hessian of a logit is sum_c Y_c sum_j P_j (x_j - xbar_c)(...)'
 * with every P_j > 0, so its rank is that of the attributes' variation within cases. A zero
 * diagonal means a term constant within every case; otherwise the failing Cholesky pivot is a
 * term that is a combination of earlier ones, named by regressing it on them.
 *
 * Separation (Albert & Anderson 1984, "On the existence of maximum likelihood estimates in
 * logistic regression models", Biometrika 71): the estimate does not exist iff some direction d
 * keeps every chosen row's x'd at the top of its case, with some row below it in some case (that
 * case's likelihood then rises without limit along d; complete separation when the chosen rows
 * are strictly on top everywhere, quasi-complete otherwise, e.g. an alternative never chosen). Newton's steps then converge to such a direction (the likelihood rises like 1 - e^-t
 * along it), so the last step and the total move are tested as candidates.
 */
export function identificationError(
  names: readonly string[],
  columns: readonly Float64Array[],
  negHessian: Float64Array,
  failedColumn: number,
  persons: number,
): NotIdentifiedError | CollinearityError {
  const k = names.length;
  for (let j = 0; j < k; j++) {
    const col = columns[j];
    let raw = 0;
    for (let r = 0; r < col.length; r++) raw += col[r] * col[r];
    raw /= Math.max(col.length, 1);
    if (raw === 0 || negHessian[j * k + j] / persons <= 1e-20 * raw) return new NotIdentifiedError(names[j]);
  }
  const partners = dependsOn(negHessian, k, Math.max(failedColumn, 0));
  return new CollinearityError(names[Math.max(failedColumn, 0)], partners.map((a) => names[a]));
}

export interface SeparationCheck {
  readonly layout: ChoiceLayout;
  readonly names: readonly string[];
  readonly columns: readonly Float64Array[];
  readonly y: Float64Array;
}

/**
 * Throws SeparationError when a direction of recession of the likelihood is found: first along
 * single terms (+-e_a, so the error names only the terms that separate), then the given directions.
 */
export function checkSeparation(data: SeparationCheck, directions: readonly (Float64Array | null)[], iterations: number): void {
  const k = data.columns.length;
  const rms = data.columns.map((col) => {
    let sum = 0;
    for (let r = 0; r < col.length; r++) sum += col[r] * col[r];
    return Math.sqrt(sum / Math.max(col.length, 1));
  });
  const axes: Float64Array[] = [];
  for (let a = 0; a < k; a++) for (const sign of [1, -1]) axes.push(Float64Array.from({ length: k }, (_, b) => (a === b ? sign : 0)));
  for (const d of [...axes, ...directions]) {
    if (d === null) continue;
    const found = recession(data, d, rms);
    if (found) throw new SeparationError(found.terms, found.affected, found.perfectlyPredicted, iterations);
  }
}

/** rms: root mean square of each column, the scale of a direction's components. */
function recession(data: SeparationCheck, d: Float64Array, rms: readonly number[]): { terms: string[]; affected: number; perfectlyPredicted: number } | null {
  const { layout, columns, y, names } = data;
  const k = columns.length;
  let size = 0;
  for (let a = 0; a < k; a++) size = Math.max(size, Math.abs(d[a]) * rms[a]);
  if (!(size > 0) || !Number.isFinite(size)) return null;
  const tol = 1e-7 * size;
  let affected = 0;
  let perfectlyPredicted = 0;
  const t = new Float64Array(layout.maxCaseSize);
  for (let c = 0; c < layout.nCases; c++) {
    const s = layout.start[c];
    const n = layout.end[c] - s;
    if (n === 1) continue;
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let a = 0; a < k; a++) v += d[a] * columns[a][s + i];
      t[i] = v;
    }
    let lowestChosen = Infinity;
    let highestOther = -Infinity;
    let highest = -Infinity;
    let lowest = Infinity;
    for (let i = 0; i < n; i++) {
      highest = Math.max(highest, t[i]);
      lowest = Math.min(lowest, t[i]);
      if (y[s + i] > 0) lowestChosen = Math.min(lowestChosen, t[i]);
      else highestOther = Math.max(highestOther, t[i]);
    }
    // Along d every chosen row must stay at the top; the case gains where some row falls below.
    if (lowestChosen < highest - tol) return null;
    if (lowest < highest - tol) affected++;
    if (highestOther > -Infinity && lowestChosen > highestOther + tol) perfectlyPredicted++;
  }
  if (affected === 0) return null;
  const terms = names.filter((_, a) => Math.abs(d[a]) * rms[a] >= 1e-3 * size);
  return { terms, affected, perfectlyPredicted };
}
