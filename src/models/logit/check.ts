import { InputError, SpecError } from '../../core/errors.ts';
import { coded } from '../../core/messages/index.ts';
import type { ChoicePredictionData } from './types.ts';

/**
 * Input checks of long-format choice data. Rows are reported 1-based (row 1 = the first entry of
 * the arrays); every message names the array and the bad value.
 */

/** Where each case's rows are: rows start[c] .. end[c] - 1. */
export interface ChoiceLayout {
  readonly nCases: number;
  readonly nRows: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Rows of the largest case. */
  readonly maxCaseSize: number;
  /** 1 + the largest altIndex (or the number of labels when given). */
  readonly nAlternatives: number;
  readonly alternatives: readonly string[];
}

export function choiceLayout(data: ChoicePredictionData): ChoiceLayout {
  if (data === null || typeof data !== 'object') throw new SpecError(coded('logit.data.notObject', {}), 'data');
  const { nCases, caseIndex, altIndex } = data;
  if (!Number.isInteger(nCases) || nCases < 1) throw new InputError(coded('logit.data.nCases', { value: String(nCases) }), { column: 'nCases' });
  if (!(caseIndex instanceof Int32Array)) throw new InputError(coded('logit.data.notIntArray', { array: 'caseIndex' }), { column: 'caseIndex' });
  if (!(altIndex instanceof Int32Array)) throw new InputError(coded('logit.data.notIntArray', { array: 'altIndex' }), { column: 'altIndex' });
  const n = caseIndex.length;
  if (altIndex.length !== n) throw new InputError(coded('logit.data.rowsDiffer', { array: 'altIndex', rows: altIndex.length, expected: n }), { column: 'altIndex' });
  const start = new Int32Array(nCases).fill(-1);
  const end = new Int32Array(nCases).fill(-1);
  let maxAlt = -1;
  let maxCaseSize = 0;
  for (let r = 0; r < n; r++) {
    const c = caseIndex[r];
    if (c < 0 || c >= nCases) throw new InputError(coded('logit.data.caseOutside', { case: c, cases: nCases }), { row: r + 1, column: 'caseIndex' });
    if (r === 0 || caseIndex[r - 1] !== c) {
      if (start[c] >= 0) throw new InputError(coded('logit.data.notContiguous', { case: c }), { row: r + 1, column: 'caseIndex' });
      start[c] = r;
    }
    end[c] = r + 1;
    const a = altIndex[r];
    if (a < 0) throw new InputError(coded('logit.data.alternativeNegative', { alternative: a }), { row: r + 1, column: 'altIndex' });
    if (a > maxAlt) maxAlt = a;
  }
  const labels = data.alternatives;
  if (labels !== undefined && labels.length <= maxAlt) throw new InputError(coded('logit.data.noLabel', { alternative: maxAlt, labels: labels.length }), { column: 'alternatives' });
  const nAlternatives = labels ? labels.length : maxAlt + 1;
  const seen = new Int32Array(nAlternatives).fill(-1);
  for (let c = 0; c < nCases; c++) {
    if (start[c] < 0) throw new InputError(coded('logit.data.emptyCase', { case: c }), { column: 'caseIndex' });
    maxCaseSize = Math.max(maxCaseSize, end[c] - start[c]);
    for (let r = start[c]; r < end[c]; r++) {
      if (seen[altIndex[r]] === c) throw new InputError(coded('logit.data.alternativeTwice', { alternative: altIndex[r], case: c }), { row: r + 1, column: 'altIndex' });
      seen[altIndex[r]] = c;
    }
  }
  const alternatives = labels ? [...labels] : Array.from({ length: nAlternatives }, (_, i) => String(i));
  return { nCases, nRows: n, start, end, maxCaseSize, nAlternatives, alternatives };
}

/** The choices as counts per row, checked: finite, >= 0, a positive total in every case. */
export function checkedChoices(data: ChoicePredictionData, layout: ChoiceLayout): Float64Array {
  const chosen = data.chosen;
  if (!(chosen instanceof Uint8Array || chosen instanceof Float64Array)) throw new InputError(coded('logit.data.chosenType', {}), { column: 'chosen' });
  if (chosen.length !== layout.nRows) throw new InputError(coded('logit.data.rowsDiffer', { array: 'chosen', rows: chosen.length, expected: layout.nRows }), { column: 'chosen' });
  const y = chosen instanceof Float64Array ? chosen : Float64Array.from(chosen);
  for (let c = 0; c < layout.nCases; c++) {
    let total = 0;
    for (let r = layout.start[c]; r < layout.end[c]; r++) {
      if (!(y[r] >= 0) || !Number.isFinite(y[r])) throw new InputError(coded('logit.data.chosenBad', { value: String(y[r]) }), { row: r + 1, column: 'chosen' });
      total += y[r];
    }
    if (!(total > 0)) throw new InputError(coded('logit.data.noChoice', { case: c }), { row: layout.start[c] + 1, column: 'chosen' });
  }
  return y;
}

/** The named columns, checked: present, one finite value per row. */
export function checkedColumns(data: ChoicePredictionData, names: readonly string[], field: string): Float64Array[] {
  const columns = data.columns ?? {};
  return names.map((name, i) => {
    const col = columns[name];
    if (col === undefined) throw new SpecError(coded('logit.data.noColumn', { column: name, columns: Object.keys(columns) }), `${field}[${i}]`);
    if (!(col instanceof Float64Array)) throw new InputError(coded('logit.data.notFloatArray', {}), { column: name });
    if (col.length !== data.caseIndex.length) throw new InputError(coded('logit.data.rowsDiffer', { array: null, rows: col.length, expected: data.caseIndex.length }), { column: name });
    for (let r = 0; r < col.length; r++) if (!Number.isFinite(col[r])) throw new InputError(coded('logit.data.notFinite', { value: String(col[r]) }), { row: r + 1, column: name });
    return col;
  });
}

/** Case weights (default all 1), checked: finite and >= 0. */
export function checkedWeights(data: ChoicePredictionData, nCases: number): Float64Array {
  const w = data.caseWeight;
  if (w === undefined) return new Float64Array(nCases).fill(1);
  if (!(w instanceof Float64Array) || w.length !== nCases) throw new InputError(coded('logit.data.perCase', { array: 'caseWeight', cases: nCases }), { column: 'caseWeight' });
  for (let c = 0; c < nCases; c++) if (!(w[c] >= 0) || !Number.isFinite(w[c])) throw new InputError(coded('logit.data.weightBad', { case: c, value: String(w[c]) }), { column: 'caseWeight' });
  return w;
}

/** Cluster ids as dense indices 0..G-1 per case, or null without data.cluster. */
export function checkedClusters(data: ChoicePredictionData, nCases: number): { index: Int32Array; count: number } | null {
  const cl = data.cluster;
  if (cl === undefined) return null;
  if (!(cl instanceof Int32Array) || cl.length !== nCases) throw new InputError(coded('logit.data.perCase', { array: 'cluster', cases: nCases }), { column: 'cluster' });
  const dense = new Map<number, number>();
  const index = new Int32Array(nCases);
  for (let c = 0; c < nCases; c++) {
    let d = dense.get(cl[c]);
    if (d === undefined) dense.set(cl[c], (d = dense.size));
    index[c] = d;
  }
  return { index, count: dense.size };
}

/**
 * Refuses clustering with too few clusters for the coefficients. The cluster-robust "meat"
 * sum_g S_g S_g' has rank at most G - 1 at the estimate (the cluster scores S_g sum to the
 * gradient, zero there), so the sandwich covariance of K coefficients is singular, not merely
 * imprecise, unless G > K: standard errors of some combinations are zero and anything that
 * inverts or factors the covariance (rank weights, parameter draws) fails. Cameron & Miller
 * (2015, J. Human Resources 50(2), section VI) on why even G somewhat above K is unreliable; that
 * is the FEW_CLUSTERS warning below 30.
 */
export function checkClusterCount(nClusters: number | null, k: number): void {
  if (nClusters === null || nClusters > k) return;
  throw new SpecError(coded('choicefit.tooFewClusters', { clusters: nClusters, coefficients: k, university: false, column: null, file: null }), 'cluster');
}
