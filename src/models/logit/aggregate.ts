import { SpecError } from '../../core/errors.ts';
import { coded } from '../../core/messages/index.ts';
import { checkedChoices, checkedColumns, checkedWeights, choiceLayout } from './check.ts';
import type { ChoiceData } from './types.ts';

export interface AggregateOptions {
  /**
   * 'weights': cases with the same rows (alternatives in the same order, the same values of the
   * compared columns), the same choices and the same cluster become one case whose caseWeight is
   * the sum of theirs. 'counts': cases with the same rows and cluster become one case whose chosen
   * holds the (weighted) number of persons choosing each alternative; fewer cases still. Both give
   * exactly the estimates and standard errors (classical, robust, clustered) of the original data.
   * Default 'weights'.
   */
  readonly mode?: 'weights' | 'counts';
  /** Columns compared and kept. Default all of data.columns (compare only those a fit uses to merge more). */
  readonly columns?: readonly string[];
}

export interface AggregatedChoices {
  readonly data: ChoiceData;
  /** Aggregated case of each original case. */
  readonly caseOf: Int32Array;
  readonly originalCases: number;
  readonly cases: number;
}

/**
 * Merges identical choice situations so a fit's cost grows with distinct situations x
 * alternatives instead of persons x alternatives. Cases are hashed (FNV-1a over the bits of
 * their rows) and compared exactly on a hash match, so merging never depends on a collision.
 */
export function aggregateChoiceSituations(data: ChoiceData, options: AggregateOptions = {}): AggregatedChoices {
  const mode = options.mode ?? 'weights';
  if (mode !== 'weights' && mode !== 'counts') throw new SpecError(coded('logit.aggregateMode', { value: String(mode) }), 'mode');
  const layout = choiceLayout(data);
  const y = checkedChoices(data, layout);
  const names = options.columns ? [...options.columns] : Object.keys(data.columns ?? {});
  const columns = checkedColumns(data, names, 'columns');
  const weight = checkedWeights(data, layout.nCases);
  const cluster = data.cluster;
  const { start, end } = layout;
  const withChoice = mode === 'weights';

  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  const hashCase = (c: number): number => {
    let h = 0x811c9dc5;
    const mix = (x: number): void => {
      h = Math.imul(h ^ (x >>> 0), 0x01000193);
    };
    const mixDouble = (x: number): void => {
      bits[0] = x;
      mix(words[0]);
      mix(words[1]);
    };
    mix(end[c] - start[c]);
    if (cluster) mix(cluster[c]);
    for (let r = start[c]; r < end[c]; r++) {
      mix(data.altIndex[r]);
      if (withChoice) mixDouble(y[r]);
      for (const col of columns) mixDouble(col[r]);
    }
    return h >>> 0;
  };
  const same = (a: number, b: number): boolean => {
    if (end[a] - start[a] !== end[b] - start[b]) return false;
    if (cluster && cluster[a] !== cluster[b]) return false;
    for (let i = 0; i < end[a] - start[a]; i++) {
      const ra = start[a] + i;
      const rb = start[b] + i;
      if (data.altIndex[ra] !== data.altIndex[rb]) return false;
      if (withChoice && y[ra] !== y[rb]) return false;
      for (const col of columns) if (col[ra] !== col[rb]) return false;
    }
    return true;
  };

  const buckets = new Map<number, number[]>();
  const caseOf = new Int32Array(layout.nCases);
  const representative: number[] = [];
  for (let c = 0; c < layout.nCases; c++) {
    const h = hashCase(c);
    let list = buckets.get(h);
    if (!list) buckets.set(h, (list = []));
    let target = list.find((g) => same(representative[g], c));
    if (target === undefined) {
      target = representative.length;
      representative.push(c);
      list.push(target);
    }
    caseOf[c] = target;
  }

  const nCases = representative.length;
  let nRows = 0;
  for (const c of representative) nRows += end[c] - start[c];
  const caseIndex = new Int32Array(nRows);
  const altIndex = new Int32Array(nRows);
  const outColumns = names.map(() => new Float64Array(nRows));
  const rowOf = new Int32Array(nCases);
  let r = 0;
  representative.forEach((c, g) => {
    rowOf[g] = r;
    for (let s = start[c]; s < end[c]; s++, r++) {
      caseIndex[r] = g;
      altIndex[r] = data.altIndex[s];
      columns.forEach((col, j) => (outColumns[j][r] = col[s]));
    }
  });
  const caseWeight = new Float64Array(nCases);
  const counts = new Float64Array(mode === 'counts' ? nRows : 0);
  for (let c = 0; c < layout.nCases; c++) {
    const g = caseOf[c];
    caseWeight[g] += weight[c];
    if (mode === 'counts') for (let s = start[c]; s < end[c]; s++) counts[rowOf[g] + s - start[c]] += weight[c] * y[s];
  }
  let chosen: Float64Array;
  if (mode === 'counts') chosen = counts;
  else {
    chosen = new Float64Array(nRows);
    representative.forEach((c, g) => chosen.set(y.subarray(start[c], end[c]), rowOf[g]));
  }
  const out: ChoiceData = {
    nCases,
    caseIndex,
    altIndex,
    chosen,
    columns: Object.fromEntries(names.map((n, j) => [n, outColumns[j]])),
    ...(mode === 'weights' ? { caseWeight } : {}),
    ...(cluster ? { cluster: Int32Array.from(representative, (c) => cluster[c]) } : {}),
    ...(data.alternatives ? { alternatives: data.alternatives } : {}),
  };
  return { data: out, caseOf, originalCases: layout.nCases, cases: nCases };
}
