import { SpecError } from '../core/errors.ts';
import { coded, english, type CodedMessage } from '../core/messages/index.ts';
import { quantiles } from '../metrics/quantile.ts';
import { createRng, normalQuantile } from '../numeric/index.ts';
import { mvNormalSampler } from '../numeric/mvnormal.ts';
import { rankDescending } from './normalise.ts';

/**
 * Revealed-preference index: the alternatives of a fitted destination-choice logit ranked by the
 * systematic utility its choosers reveal, V_j = sum_t w_t beta_t (x_tj - mean_k x_tk), the part
 * of the utility that belongs to the place (its attributes, transformed as in the fit) relative
 * to the average alternative. A logit's utility has no origin, so only differences mean anything;
 * centring makes V_j and its standard error those of "j against the average place". Terms of the
 * person-place relation (distance, home, study region) are not attributes of the place and are
 * left out by the caller: the index is the utility of a reference graduate to whom every place is
 * equally near and none is home. An interaction of a person attribute with a place attribute
 * enters with weight w_t = the share of choosers in its category (the average chooser, as the
 * utility is linear in it); plain terms have w_t = 1.
 *
 * Contributions w_t beta_t (x_tj - mean) add up to V_j. Its standard error is exact for normal
 * estimates, V_j being linear in beta (the delta method without approximation): se_j^2 = c_j' S c_j,
 * c_tj = w_t (x_tj - mean_t), S the coefficients' covariance. Rank intervals come from `draws`
 * coefficient vectors from N(beta, S) (seeded): quantiles (type 7) of each alternative's rank.
 * With a money term, V_j is also given in money: V_j / (dV / d money) at the average chooser,
 * with a draw interval. The reading: rank 1 is where the reference graduate would most like to
 * live, as judged by where graduates like the fit's went, holding distance and home aside.
 */
export interface RevealedTerm {
  /** Coefficient name, in `coefficients` and the covariance. */
  readonly term: string;
  /** Value for each alternative, as it enters the utility (log income, not income). */
  readonly values: ArrayLike<number>;
  /** Multiplier of the term: the share of choosers in an interaction's category. Default 1. */
  readonly weight?: number;
}

export interface RevealedInput {
  readonly alternatives: readonly string[];
  readonly terms: readonly RevealedTerm[];
  readonly coefficients: Readonly<Record<string, number>>;
  /** Covariance of the coefficients: its term order and the matrix. */
  readonly covariance: { readonly terms: readonly string[]; readonly matrix: readonly (readonly number[])[] };
  /**
   * Utility of money: the money terms with their weights (as in `terms`) and the money per unit of
   * the term (for a logged income: the income level x the unit conversion). Default none.
   */
  readonly money?: { readonly terms: readonly { readonly term: string; readonly weight: number }[]; readonly scale: number; readonly unit: string };
}

export interface RevealedOptions {
  /** Of the utility intervals. Default 0.95. */
  readonly confidenceLevel?: number;
  /** Coefficient draws for the rank (and money) intervals; 0 for none. Default 1000. */
  readonly draws?: number;
  /** Default 1. */
  readonly seed?: number;
  /** Central probability of the rank intervals. Default 0.9. */
  readonly rankCoverage?: number;
}

export interface RevealedRow {
  readonly code: string;
  /** V_j, relative to the average alternative, in utility units (one unit multiplies the odds by e). */
  readonly utility: number;
  readonly standardError: number;
  readonly lower: number;
  readonly upper: number;
  readonly rank: number;
  /** Per term: w_t beta_t (x_tj - mean); they add up to utility. */
  readonly contributions: Record<string, number>;
  /** Median rank over the draws and its rankCoverage interval (null without draws). */
  readonly medianRank: number | null;
  readonly rankInterval: [number, number] | null;
  /** utility in money (null without a money term) and its draw interval (rankCoverage). */
  readonly money: number | null;
  readonly moneyInterval: [number, number] | null;
}

export interface RevealedIndexResult {
  readonly definition: string;
  readonly terms: { readonly term: string; readonly coefficient: number; readonly standardError: number; readonly weight: number; readonly mean: number }[];
  /** Sorted by rank. */
  readonly rows: RevealedRow[];
  readonly confidenceLevel: number;
  readonly rankCoverage: number;
  readonly draws: number;
  readonly seed: number;
  readonly moneyUnit: string | null;
  readonly warnings: string[];
  /** The definition and the warnings (same order) coded (core/messages), for a front-end's language. */
  readonly messages?: { readonly definition: CodedMessage; readonly warnings: readonly CodedMessage[] };
}

export function revealedPreferenceIndex(input: RevealedInput, options: RevealedOptions = {}): RevealedIndexResult {
  const { alternatives, terms } = input;
  const n = alternatives.length;
  const p = terms.length;
  if (n < 2) throw new SpecError(`a ranking needs two or more alternatives, got ${n}`, 'alternatives');
  if (p === 0) throw new SpecError('the model has no attribute of the alternatives to rank them by', 'terms');
  const level = options.confidenceLevel ?? 0.95;
  const coverage = options.rankCoverage ?? 0.9;
  const draws = options.draws ?? 1000;
  const seed = options.seed ?? 1;
  if (!(level > 0 && level < 1)) throw new SpecError(`must be in (0, 1), got ${level}`, 'confidenceLevel');
  if (!(coverage > 0 && coverage < 1)) throw new SpecError(`must be in (0, 1), got ${coverage}`, 'rankCoverage');
  if (!Number.isInteger(draws) || draws < 0) throw new SpecError(`must be a non-negative integer, got ${draws}`, 'draws');

  const pos = terms.map((t) => {
    const k = input.covariance.terms.indexOf(t.term);
    if (k < 0) throw new SpecError(`"${t.term}" has no row in the covariance`, 'covariance');
    if (!Number.isFinite(input.coefficients[t.term])) throw new SpecError(`"${t.term}" has no finite coefficient`, 'coefficients');
    if (t.values.length !== n) throw new SpecError(`"${t.term}" has ${t.values.length} values for ${n} alternatives`, 'terms');
    return k;
  });
  const sigma = new Float64Array(p * p);
  for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) sigma[a * p + b] = input.covariance.matrix[pos[a]][pos[b]];
  const beta = Float64Array.from(terms, (t) => input.coefficients[t.term]);
  const weight = Float64Array.from(terms, (t) => t.weight ?? 1);
  const mean = Float64Array.from(terms, (t) => { let s = 0; for (let j = 0; j < n; j++) s += t.values[j]; return s / n; });
  // c[j * p + t]: the weight x centred value; V = c beta.
  const c = new Float64Array(n * p);
  for (let j = 0; j < n; j++) for (let t = 0; t < p; t++) {
    const x = terms[t].values[j];
    if (!Number.isFinite(x)) throw new SpecError(`"${terms[t].term}" is ${x} for ${alternatives[j]}`, 'terms');
    c[j * p + t] = weight[t] * (x - mean[t]);
  }
  const utilityOf = (b: ArrayLike<number>, out: Float64Array): Float64Array => {
    for (let j = 0; j < n; j++) { let s = 0; for (let t = 0; t < p; t++) s += c[j * p + t] * b[t]; out[j] = s; }
    return out;
  };
  const utility = utilityOf(beta, new Float64Array(n));
  const se = Float64Array.from({ length: n }, (_, j) => {
    let s = 0;
    for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) s += c[j * p + a] * sigma[a * p + b] * c[j * p + b];
    return Math.sqrt(Math.max(0, s));
  });
  const z = normalQuantile(0.5 + level / 2);
  const ranks = rankDescending(utility);

  // Money: dV/d(money unit) = sum_m w_m beta_m / scale, over the full coefficient vector.
  const money = input.money;
  const moneyPos = money?.terms.map((m) => {
    const k = input.covariance.terms.indexOf(m.term);
    if (k < 0 || !Number.isFinite(input.coefficients[m.term])) throw new SpecError(`money term "${m.term}" has no coefficient`, 'money');
    return k;
  }) ?? [];
  const marginal = (b: (k: number) => number) => (money ? money.terms.reduce((s, m, i) => s + m.weight * b(moneyPos[i]), 0) / money.scale : NaN);
  const warnings: CodedMessage[] = [];
  const pointMarginal = marginal((k) => input.coefficients[input.covariance.terms[k]]);
  if (money && !(pointMarginal > 0)) warnings.push(coded('revealed.moneyNotPositive', { coefficient: String(pointMarginal) }));

  let rankBands: { median: number; lo: number; hi: number }[] | null = null;
  let moneyBands: [number, number][] | null = null;
  if (draws > 0) {
    // One sampler over the terms and the money terms together (the union of their rows).
    const rows = [...new Set([...pos, ...moneyPos])];
    const k = rows.length;
    const cov = new Float64Array(k * k);
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) cov[a * k + b] = input.covariance.matrix[rows[a]][rows[b]];
    const sampler = mvNormalSampler(rows.map((r) => input.coefficients[input.covariance.terms[r]]), cov);
    const rng = createRng(seed);
    const theta = new Float64Array(k);
    const b = new Float64Array(p);
    const u = new Float64Array(n);
    const rk = new Int32Array(n);
    const allRanks = new Float64Array(draws * n);
    const allMoney = new Float64Array(money ? draws * n : 0);
    for (let d = 0; d < draws; d++) {
      sampler.draw(rng.fork(d), theta);
      for (let t = 0; t < p; t++) b[t] = theta[rows.indexOf(pos[t])];
      utilityOf(b, u);
      rankDescending(u, rk);
      for (let j = 0; j < n; j++) allRanks[j * draws + d] = rk[j];
      if (money) {
        const m = marginal((r) => theta[rows.indexOf(r)]);
        for (let j = 0; j < n; j++) allMoney[j * draws + d] = u[j] / m;
      }
    }
    const tail = (1 - coverage) / 2;
    rankBands = alternatives.map((_, j) => {
      const [lo, median, hi] = quantiles(allRanks.subarray(j * draws, (j + 1) * draws), [tail, 0.5, 1 - tail]) as number[];
      return { median, lo, hi };
    });
    if (money) moneyBands = alternatives.map((_, j) => quantiles(allMoney.subarray(j * draws, (j + 1) * draws), [tail, 1 - tail]) as [number, number]);
  }

  const rowsOut: RevealedRow[] = alternatives.map((code, j) => ({
    code,
    utility: utility[j],
    standardError: se[j],
    lower: utility[j] - z * se[j],
    upper: utility[j] + z * se[j],
    rank: ranks[j],
    contributions: Object.fromEntries(terms.map((t, k) => [t.term, c[j * p + k] * beta[k]])),
    medianRank: rankBands ? rankBands[j].median : null,
    rankInterval: rankBands ? [rankBands[j].lo, rankBands[j].hi] : null,
    money: money ? utility[j] / pointMarginal : null,
    moneyInterval: moneyBands ? moneyBands[j] : null,
  }));
  rowsOut.sort((a, b) => a.rank - b.rank || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const definition = coded('revealed.utilityDefinition', {});
  return {
    definition: definition.message,
    terms: terms.map((t, k) => ({ term: t.term, coefficient: beta[k], standardError: Math.sqrt(sigma[k * p + k]), weight: weight[k], mean: mean[k] })),
    rows: rowsOut,
    confidenceLevel: level,
    rankCoverage: coverage,
    draws,
    seed,
    moneyUnit: money?.unit ?? null,
    warnings: english(warnings),
    messages: { definition, warnings },
  };
}
