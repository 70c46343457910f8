import { coded, withWarnings, type CodedMessage } from '../core/messages/index.ts';
import type { Normalisation } from './types.ts';

/**
 * Normalises each indicator column after applying its direction (x -> -x for "less is better"),
 * so that higher is always better:
 *   min-max  (x - min) / (max - min), in [0, 1]
 *   z-score  (x - mean) / sd with the sample sd (n - 1), as R's scale()
 *   rank     (average rank - 1) / (n - 1), in [0, 1]; ties share their average rank
 * (OECD/JRC, "Handbook on Constructing Composite Indicators", 2008, section 5). A constant
 * column carries no information: it becomes all 0 and a warning (coded, core/messages) names it.
 */
export function normalise(values: Float64Array, n: number, p: number, directions: readonly number[], method: Normalisation, names: readonly string[]): { z: Float64Array; warnings: string[]; messages: { warnings: CodedMessage[] } } {
  const z = new Float64Array(n * p);
  const warnings: CodedMessage[] = [];
  const col = new Float64Array(n);
  for (let j = 0; j < p; j++) {
    for (let i = 0; i < n; i++) col[i] = directions[j] * values[i * p + j];
    let min = Infinity;
    let max = -Infinity;
    let mean = 0;
    for (let i = 0; i < n; i++) {
      min = Math.min(min, col[i]);
      max = Math.max(max, col[i]);
      mean += col[i] / n;
    }
    if (!(max > min)) {
      warnings.push(coded('rank.constantIndicator', { indicator: names[j] }));
      continue; // column stays 0
    }
    if (method === 'min-max') {
      for (let i = 0; i < n; i++) z[i * p + j] = (col[i] - min) / (max - min);
    } else if (method === 'z-score') {
      let ss = 0;
      for (let i = 0; i < n; i++) ss += (col[i] - mean) ** 2;
      const sd = Math.sqrt(ss / (n - 1));
      for (let i = 0; i < n; i++) z[i * p + j] = (col[i] - mean) / sd;
    } else {
      const r = averageRanks(col);
      for (let i = 0; i < n; i++) z[i * p + j] = (r[i] - 1) / (n - 1);
    }
  }
  return { z, ...withWarnings(warnings) };
}

/** Ranks 1..n ascending, ties given their average rank (R's rank(x, ties.method = "average")). */
export function averageRanks(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a] - x[b]);
  const ranks = new Float64Array(n);
  for (let s = 0; s < n; ) {
    let e = s;
    while (e + 1 < n && x[order[e + 1]] === x[order[s]]) e++;
    const avg = (s + e) / 2 + 1;
    for (let k = s; k <= e; k++) ranks[order[k]] = avg;
    s = e + 1;
  }
  return ranks;
}

/**
 * Competition ranks of scores, 1 = highest ("1224": tied regions share the best rank). Order of
 * equal scores does not matter.
 */
export function rankDescending(scores: ArrayLike<number>, out: Int32Array = new Int32Array(scores.length)): Int32Array {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  for (let k = 0; k < n; k++) out[order[k]] = k > 0 && scores[order[k]] === scores[order[k - 1]] ? out[order[k - 1]] : k + 1;
  return out;
}
