import { checkedChoices, checkedClusters, checkedColumns, checkedWeights, choiceLayout, type ChoiceLayout } from './check.ts';
import type { ResolvedLogitSpec } from './spec.ts';
import type { ChoiceData } from './types.ts';

/**
 * The checked arrays a likelihood kernel works on. Columns are the caller's typed arrays, not
 * copies: a fit on millions of rows holds the data once.
 */
export interface LogitDesign {
  readonly layout: ChoiceLayout;
  readonly altIndex: Int32Array;
  readonly names: readonly string[];
  readonly columns: readonly Float64Array[];
  readonly offset: Float64Array | null;
  /** Chosen counts per row. */
  readonly y: Float64Array;
  /** Persons per case unit: the case weight (1 by default). */
  readonly weight: Float64Array;
  /** Sum of y over each case's rows. */
  readonly yTotal: Float64Array;
  readonly clusters: { readonly index: Int32Array; readonly count: number } | null;
  /** Sum over cases of weight x yTotal. */
  readonly persons: number;
  /** Equal shares among each case's rows: -sum weight yTotal ln(J). */
  readonly nullLogLikelihood: number;
  /** Cases with one available alternative (they carry no information). */
  readonly singleAlternativeCases: number;
}

export function buildLogitDesign(data: ChoiceData, spec: ResolvedLogitSpec): LogitDesign {
  const layout = choiceLayout(data);
  const y = checkedChoices(data, layout);
  const columns = checkedColumns(data, spec.terms, 'terms');
  const offset = spec.offset === null ? null : checkedColumns(data, [spec.offset], 'offset')[0];
  const weight = checkedWeights(data, layout.nCases);
  const clusters = checkedClusters(data, layout.nCases);
  const yTotal = new Float64Array(layout.nCases);
  let persons = 0;
  let nullLogLikelihood = 0;
  let singleAlternativeCases = 0;
  for (let c = 0; c < layout.nCases; c++) {
    let t = 0;
    for (let r = layout.start[c]; r < layout.end[c]; r++) t += y[r];
    yTotal[c] = t;
    persons += weight[c] * t;
    const size = layout.end[c] - layout.start[c];
    nullLogLikelihood -= weight[c] * t * Math.log(size);
    if (size === 1) singleAlternativeCases++;
  }
  return { layout, altIndex: data.altIndex, names: spec.terms, columns, offset, y, weight, yTotal, clusters, persons, nullLogLikelihood, singleAlternativeCases };
}
