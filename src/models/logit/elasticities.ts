import { SpecError } from '../../core/errors.ts';
import { coded } from '../../core/messages/index.ts';
import { checkedColumns } from './check.ts';
import { modelProbabilities } from './probabilities.ts';
import type { ChoicePredictionData, LogitResult } from './types.ts';

/**
 * Point elasticities of the choice probabilities with respect to one attribute term, averaged
 * over the persons the cases stand for (Train, "Discrete Choice Methods with Simulation", 2nd ed.
 * 2009, sec. 3.6 for the logit and 4.2.3 for the nested logit):
 *   E_ij = d ln P_i / d ln x_j = beta x_j (delta_ij / lambda_m + [i, j in nest m] (lambda_m - 1) / lambda_m q_j - P_j)
 * with lambda = 1 and q_j = 1 outside nests, so the conditional logit gives beta x_i (1 - P_i) own
 * and -beta x_j P_j cross. Own elasticity of alternative i: mean of E_ii over the cases where i is
 * available; cross[i][j]: mean of E_ij over the cases where both are (null when never together).
 * Cost O(sum over cases of J^2): pass a subset of cases for hundreds of alternatives.
 * A term whose column holds ln x (options.logOf) gives elasticities with respect to x: the factor
 * x_j becomes 1, E_ij = beta (delta_ij / lambda_m + ...).
 */
export interface Elasticities {
  readonly term: string;
  readonly coefficient: number;
  readonly alternatives: readonly string[];
  /** Own elasticity by alternative (null when it is never available). */
  readonly own: (number | null)[];
  /** cross[i][j]: elasticity of P_i with respect to alternative j's attribute (diagonal = own). */
  readonly cross: (number | null)[][];
}

export interface ElasticityOptions {
  /** The term's column is the log of the attribute (elasticities with respect to the attribute itself). Default false. */
  readonly logOf?: boolean;
  /** Own elasticities only, in O(rows) instead of O(sum of J^2): cross holds null off the diagonal. Default false. */
  readonly ownOnly?: boolean;
}

export function elasticities(result: LogitResult, data: ChoicePredictionData, term: string, options: ElasticityOptions = {}): Elasticities {
  const a = result.attributeTerms.indexOf(term);
  if (a < 0) throw new SpecError(coded('logit.notAttribute', { term, terms: result.attributeTerms }), 'term');
  const beta = result.coefficients[term];
  const m = modelProbabilities(result, data);
  const x = checkedColumns(data, [term], 'term')[0];
  const { layout, probability: p, withinNest: q, nest, lambda } = m;
  const nAlt = layout.nAlternatives;
  const sum = new Float64Array(nAlt * nAlt);
  const weight = new Float64Array(nAlt * nAlt);
  for (let c = 0; c < layout.nCases; c++) {
    const w = m.persons[c];
    if (w === 0) continue;
    for (let r = layout.start[c]; r < layout.end[c]; r++) {
      const i = data.altIndex[r];
      const mi = nest[r];
      for (let s = options.ownOnly ? r : layout.start[c]; s < (options.ownOnly ? r + 1 : layout.end[c]); s++) {
        const j = data.altIndex[s];
        let d = -p[s];
        if (r === s) d += mi < 0 ? 1 : 1 / lambda[mi];
        if (mi >= 0 && nest[s] === mi) d += ((lambda[mi] - 1) / lambda[mi]) * q[s];
        sum[i * nAlt + j] += w * beta * (options.logOf ? 1 : x[s]) * d;
        weight[i * nAlt + j] += w;
      }
    }
  }
  const mean = (i: number, j: number): number | null => (weight[i * nAlt + j] > 0 ? sum[i * nAlt + j] / weight[i * nAlt + j] : null);
  const cross = Array.from({ length: nAlt }, (_, i) => Array.from({ length: nAlt }, (_, j) => mean(i, j)));
  return { term, coefficient: beta, alternatives: layout.alternatives, own: cross.map((row, i) => row[i]), cross };
}
