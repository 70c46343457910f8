import { SpecError } from '../../core/errors.ts';
import { coded } from '../../core/messages/index.ts';
import { normal } from '../../numeric/random/normal.ts';
import { createRng } from '../../numeric/random/rng.ts';
import { nestedCase, nestScratch } from './nested-case.ts';
import type { ChoiceData } from './types.ts';

export interface SimulateChoicesOptions {
  readonly nCases: number;
  readonly nAlternatives: number;
  /** True coefficients by term; each term is a column of standard normal draws per row. */
  readonly coefficients: Readonly<Record<string, number>>;
  readonly seed: number;
  /** Probability that an alternative is available in a case (at least two always are). Default 1. */
  readonly availability?: number;
  /** Clusters the cases are spread over at random. Default none. */
  readonly clusters?: number;
  /** Columns take this many equally spaced values instead of normal draws, so situations repeat. Default continuous. */
  readonly levels?: number;
  /** Draw from a nested logit with these nests (alternatives by index, lambda). Default none. */
  readonly nests?: readonly { readonly alternatives: readonly number[]; readonly lambda: number }[];
}

export interface SimulatedChoices {
  /** Always 'synthetic': these are not observations. */
  readonly kind: 'synthetic';
  readonly data: ChoiceData;
  readonly seed: number;
  readonly coefficients: Readonly<Record<string, number>>;
}

/**
 * Synthetic choice data with known parameters, for recovery tests and benchmarks: attributes per
 * row (standard normal, or a few levels), availability at random, and one choice per case drawn
 * from the conditional (or nested) logit probabilities. Labelled synthetic by construction;
 * reproducible from the seed.
 */
export function simulateChoices(options: SimulateChoicesOptions): SimulatedChoices {
  const { nCases, nAlternatives, coefficients, seed } = options;
  if (!Number.isInteger(nCases) || nCases < 1) throw new SpecError(coded('logit.positiveInteger', { value: String(nCases) }), 'nCases');
  if (!Number.isInteger(nAlternatives) || nAlternatives < 2) throw new SpecError(coded('logit.atLeastTwo', { value: String(nAlternatives) }), 'nAlternatives');
  const availability = options.availability ?? 1;
  if (!(availability > 0 && availability <= 1)) throw new SpecError(coded('logit.notInHalfOpen', { value: String(availability) }), 'availability');
  const rng = createRng(seed);
  const terms = Object.keys(coefficients);
  const beta = terms.map((t) => coefficients[t]);
  const nests = options.nests ?? [];
  const nestOf = new Int32Array(nAlternatives).fill(-1);
  nests.forEach((n, m) => n.alternatives.forEach((a) => (nestOf[a] = m)));
  const lambda = Float64Array.from(nests, (n) => n.lambda);
  const draw = (): number => (options.levels ? rng.int(options.levels) - (options.levels - 1) / 2 : normal(rng));

  const caseIndex: number[] = [];
  const altIndex: number[] = [];
  const chosen: number[] = [];
  const values: number[][] = terms.map(() => []);
  const cluster = options.clusters ? new Int32Array(nCases) : null;
  const v = new Float64Array(nAlternatives);
  const p = new Float64Array(nAlternatives);
  const q = new Float64Array(nAlternatives);
  const nr = new Int32Array(nAlternatives);
  const scratch = nestScratch(nests.length);
  for (let c = 0; c < nCases; c++) {
    const alts: number[] = [];
    for (let a = 0; a < nAlternatives; a++) if (availability === 1 || rng.uniform() < availability) alts.push(a);
    while (alts.length < 2) {
      const a = rng.int(nAlternatives);
      if (!alts.includes(a)) alts.push(a);
    }
    alts.sort((x, y) => x - y);
    alts.forEach((a, i) => {
      let u = 0;
      terms.forEach((_, t) => {
        const x = draw();
        values[t].push(x);
        u += beta[t] * x;
      });
      v[i] = u;
      nr[i] = nestOf[a];
      caseIndex.push(c);
      altIndex.push(a);
    });
    nestedCase(v, nr, alts.length, lambda, scratch, c, p, q);
    let u = rng.uniform();
    let pick = alts.length - 1;
    for (let i = 0; i < alts.length; i++) {
      u -= p[i];
      if (u < 0) {
        pick = i;
        break;
      }
    }
    alts.forEach((_, i) => chosen.push(i === pick ? 1 : 0));
    if (cluster) cluster[c] = rng.int(options.clusters!);
  }
  const data: ChoiceData = {
    nCases,
    caseIndex: Int32Array.from(caseIndex),
    altIndex: Int32Array.from(altIndex),
    chosen: Uint8Array.from(chosen),
    columns: Object.fromEntries(terms.map((t, i) => [t, Float64Array.from(values[i])])),
    ...(cluster ? { cluster } : {}),
  };
  return { kind: 'synthetic', data, seed, coefficients: { ...coefficients } };
}
