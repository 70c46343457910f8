import { SpecError } from '../../core/errors.ts';
import { coded } from '../../core/messages/index.ts';
import { checkedColumns, checkedWeights, choiceLayout, type ChoiceLayout } from './check.ts';
import { nestedCase, nestScratch } from './nested-case.ts';
import type { ChoicePredictionData, LogitResult } from './types.ts';

/**
 * Choice probabilities of a fitted model (conditional or nested logit) on data with possibly
 * changed attributes: the model's utilities from its coefficients and the data's columns, plus the
 * offset column when the data have it (a sampling correction belongs to sampled choice sets only,
 * so full choice sets simply leave it out), then nested-case.ts per case.
 */
export interface ModelProbabilities {
  readonly layout: ChoiceLayout;
  /** Per row. */
  readonly probability: Float64Array;
  /** Per row: the probability within its nest (1 outside nests). */
  readonly withinNest: Float64Array;
  /** Per row: its nest (-1 for none). */
  readonly nest: Int32Array;
  /** Per nest. */
  readonly lambda: Float64Array;
  /** Persons each case stands for: weight x chosen total, or the weight when there are no choices. */
  readonly persons: Float64Array;
}

export function modelProbabilities(result: LogitResult, data: ChoicePredictionData): ModelProbabilities {
  const layout = choiceLayout(data);
  const terms = result.attributeTerms;
  const columns = checkedColumns(data, terms, 'attributeTerms');
  const offset = result.offset !== null && data.columns?.[result.offset] !== undefined ? checkedColumns(data, [result.offset], 'offset')[0] : null;
  const beta = Float64Array.from(terms, (t) => result.coefficients[t]);
  beta.forEach((b, a) => {
    if (!Number.isFinite(b)) throw new SpecError(coded('logit.noCoefficient', { term: terms[a] }), 'result.coefficients');
  });
  const nests = result.model === 'nested-logit' ? result.nests : [];
  const lambda = Float64Array.from(nests, (n) => n.lambda);
  const nestOfAlternative = new Int32Array(layout.nAlternatives).fill(-1);
  nests.forEach((n, m) =>
    n.alternatives.forEach((a) => {
      if (a < layout.nAlternatives) nestOfAlternative[a] = m;
    }),
  );
  const weight = checkedWeights(data, layout.nCases);
  const chosen = data.chosen;
  if (chosen !== undefined && chosen.length !== layout.nRows) throw new SpecError(coded('logit.chosenRows', { rows: chosen.length, expected: layout.nRows }), 'chosen');

  const n = layout.nRows;
  const probability = new Float64Array(n);
  const withinNest = new Float64Array(n);
  const nest = new Int32Array(n);
  const persons = new Float64Array(layout.nCases);
  const v = new Float64Array(layout.maxCaseSize);
  const p = new Float64Array(layout.maxCaseSize);
  const q = new Float64Array(layout.maxCaseSize);
  const nr = new Int32Array(layout.maxCaseSize);
  const scratch = nestScratch(nests.length);
  for (let c = 0; c < layout.nCases; c++) {
    const s = layout.start[c];
    const size = layout.end[c] - s;
    let total = 0;
    for (let i = 0; i < size; i++) {
      let u = offset ? offset[s + i] : 0;
      for (let a = 0; a < terms.length; a++) u += beta[a] * columns[a][s + i];
      v[i] = u;
      nr[i] = nestOfAlternative[data.altIndex[s + i]];
      if (chosen) total += chosen[s + i];
    }
    nestedCase(v, nr, size, lambda, scratch, c, p, q);
    probability.set(p.subarray(0, size), s);
    withinNest.set(q.subarray(0, size), s);
    nest.set(nr.subarray(0, size), s);
    persons[c] = weight[c] * (chosen ? total : 1);
  }
  return { layout, probability, withinNest, nest, lambda, persons };
}
