import { InputError, SpecError } from '../../core/errors.ts';
import { coded } from '../../core/messages/index.ts';
import { createRng } from '../../numeric/random/rng.ts';
import { checkedChoices, choiceLayout } from './check.ts';
import type { ChoiceData } from './types.ts';

export interface SampleAlternativesOptions {
  /** Alternatives kept per case, the chosen one included (cases with fewer available keep all). */
  readonly size: number;
  readonly seed: number;
  /**
   * Importance weights by altIndex (> 0 for every alternative that appears). Without: uniform
   * sampling of size - 1 non-chosen alternatives without replacement.
   */
  readonly importance?: ArrayLike<number>;
  /** Column written with ln of McFadden's sampling correction. Default 'ln_sampling_correction'. */
  readonly offsetColumn?: string;
}

export interface SampledChoices {
  /** The sampled choice sets, every input column kept, plus the offset column. */
  readonly data: ChoiceData;
  readonly seed: number;
  readonly method: 'uniform' | 'importance';
  readonly offsetColumn: string;
}

/**
 * Samples alternatives for large choice sets (e.g. 340 cities), keeping the chosen one, and writes
 * ln of McFadden's correction as a column to give the fit as `offset` (McFadden 1978, "Modelling
 * the choice of residential location"; Ben-Akiva & Lerman 1985, sec. 9.3). Estimation on the
 * sampled sets with V_j + ln pi(D | j) is consistent:
 * - uniform: the chosen alternative plus size - 1 others drawn uniformly without replacement;
 *   pi(D | j) is the same for every j in D (uniform conditioning), so the correction is 0.
 * - importance: the chosen alternative plus size - 1 draws with replacement with probability
 *   q_j proportional to the weight among the case's available alternatives; D is the set of
 *   distinct alternatives and pi(D | j) is proportional to k_j / q_j, k_j = times j is in the
 *   multiset (draws plus the chosen one), so the column holds ln(k_j / q_j).
 * Needs one chosen row per case (a person, not aggregated counts). Reproducible from the seed.
 */
export function sampleAlternatives(data: ChoiceData, options: SampleAlternativesOptions): SampledChoices {
  const { size, seed } = options;
  if (!Number.isInteger(size) || size < 2) throw new SpecError(coded('logit.atLeastTwo', { value: String(size) }), 'size');
  const offsetColumn = options.offsetColumn ?? 'ln_sampling_correction';
  if (data.columns?.[offsetColumn] !== undefined) throw new SpecError(coded('logit.sample.columnExists', { column: offsetColumn }), 'offsetColumn');
  const rng = createRng(seed);
  const layout = choiceLayout(data);
  const y = checkedChoices(data, layout);
  const importance = options.importance;
  const chosenRow = new Int32Array(layout.nCases);
  for (let c = 0; c < layout.nCases; c++) {
    let count = 0;
    for (let r = layout.start[c]; r < layout.end[c]; r++) {
      if (y[r] === 0) continue;
      if (y[r] !== 1 || ++count > 1) throw new InputError(coded('logit.sample.notOneChosen', { case: c }), { row: r + 1, column: 'chosen' });
      chosenRow[c] = r;
    }
  }

  /** Uniform: the chosen row and size - 1 others without replacement (partial Fisher-Yates); correction 0. */
  const pool: number[] = [];
  const uniform = (s: number, e: number, chosen: number): Map<number, number> => {
    const kept = new Map<number, number>([[chosen, 0]]);
    pool.length = 0;
    for (let r = s; r < e; r++) if (r !== chosen) pool.push(r);
    const draws = Math.min(size - 1, pool.length);
    for (let i = 0; i < draws; i++) {
      const j = i + rng.int(pool.length - i);
      [pool[i], pool[j]] = [pool[j], pool[i]];
      kept.set(pool[i], 0);
    }
    return kept;
  };
  /** Importance: the chosen row plus size - 1 draws with replacement; correction ln(k_j / q_j). */
  const weighted = (s: number, e: number, chosen: number, weights: ArrayLike<number>): Map<number, number> => {
    const cdf = new Float64Array(e - s);
    let total = 0;
    for (let r = s; r < e; r++) {
      const w = weights[data.altIndex[r]];
      if (!(w > 0) || !Number.isFinite(w)) throw new SpecError(coded('logit.sample.weight', { alternative: data.altIndex[r], value: String(w) }), 'importance');
      total += w;
      cdf[r - s] = total;
    }
    const k = new Map<number, number>([[chosen, 1]]);
    for (let i = 0; i < size - 1; i++) {
      const u = rng.uniform() * total;
      let lo = 0;
      let hi = e - s - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (u < cdf[mid]) hi = mid;
        else lo = mid + 1;
      }
      k.set(s + lo, (k.get(s + lo) ?? 0) + 1);
    }
    for (const [r, times] of k) k.set(r, Math.log(times / (weights[data.altIndex[r]] / total)));
    return k;
  };

  const rows: number[] = [];
  const corrections: number[] = [];
  const caseIndex: number[] = [];
  for (let c = 0; c < layout.nCases; c++) {
    const s = layout.start[c];
    const e = layout.end[c];
    const kept = importance ? weighted(s, e, chosenRow[c], importance) : uniform(s, e, chosenRow[c]);
    for (const r of [...kept.keys()].sort((a, b) => a - b)) {
      rows.push(r);
      caseIndex.push(c);
      corrections.push(kept.get(r)!);
    }
  }

  const pick = (col: Float64Array): Float64Array => Float64Array.from(rows, (r) => col[r]);
  const sampled: ChoiceData = {
    nCases: data.nCases,
    caseIndex: Int32Array.from(caseIndex),
    altIndex: Int32Array.from(rows, (r) => data.altIndex[r]),
    chosen: Uint8Array.from(rows, (r) => (y[r] > 0 ? 1 : 0)),
    columns: { ...Object.fromEntries(Object.entries(data.columns ?? {}).map(([k, v]) => [k, pick(v)])), [offsetColumn]: Float64Array.from(corrections) },
    ...(data.caseWeight ? { caseWeight: data.caseWeight } : {}),
    ...(data.cluster ? { cluster: data.cluster } : {}),
    ...(data.alternatives ? { alternatives: data.alternatives } : {}),
  };
  return { data: sampled, seed, method: importance ? 'importance' : 'uniform', offsetColumn };
}
