import { SpecError } from '../core/errors.ts';
import type { GravityResult } from '../models/index.ts';
import type { AttributeValues, ChoiceAttribute, ChoiceModel, ChoiceParameters } from './choice-model.ts';

/**
 * A fitted gravity model as a model of destination choice. The production-constrained gravity
 * model is a multinomial logit over destinations (the Poisson-multinomial equivalence: Baltagi,
 * Egger & Pfaffermayr / Guimarães, Figueirdo & Woodward 2003, "A tractable approach to the firm
 * location decision problem", REStat 85(1)), so for movers from origin i
 *   p_ij = exp(eta_ij) / sum_{k != i} exp(eta_ik),
 *   eta_ij = beta_cost g(c_ij) + delta_j + sum_t beta_t f(x_tj) [+ origin terms, which cancel].
 * Staying is one more alternative whose utility holds the same destination terms of the own
 * region plus a constant alpha_i calibrated so the baseline stay share is met exactly:
 *   alpha_i = log(s_i / (1 - s_i)) + log sum_{k != i} exp(eta_ik) - sum_t beta_t f(x_ti).
 * Origin terms (unconstrained models) enter the movers' utilities only, so they change the
 * propensity to leave. Without stay shares the model is the fitted one: p_ii = 0.
 */
export interface BorrowedChoiceTerm {
  readonly term: string;
  readonly coefficient: number;
  readonly standardError: number;
  readonly transform: 'log' | 'identity';
}

export interface GravityChoiceInput {
  readonly result: GravityResult;
  /** Regions of the simulation (origins and alternatives), in this order. */
  readonly regions: readonly string[];
  /** Separation, row-major regions x regions, in the fit's unit (e.g. km). */
  readonly cost: Float64Array;
  /** Baseline value per region of every attribute column the model (and borrowed terms) read. */
  readonly baseline: AttributeValues;
  /** Baseline share of each region's graduates who stay; omit for movers only. */
  readonly stayShare?: Float64Array;
  /** Terms the fit lacks, with coefficients from elsewhere (independent of the fitted ones). */
  readonly borrowed?: readonly BorrowedChoiceTerm[];
  /** Which covariance describes the estimates' uncertainty. Default 'robust' (HC0). */
  readonly covariance?: 'robust' | 'model' | 'clustered';
  /** Multiplies the covariance. Default 1. */
  readonly covarianceScale?: number;
}

interface Term { column: string; role: 'origin' | 'destination'; transform: 'log' | 'identity'; index: number }

export function gravityChoiceModel(input: GravityChoiceInput): ChoiceModel {
  const { result, regions } = input;
  const r = regions.length;
  if (input.cost.length !== r * r) throw new SpecError(`has ${input.cost.length} entries, ${r} regions need ${r * r}`, 'cost');
  const names: string[] = [];
  const estimate: number[] = [];
  const terms: Term[] = [];
  let costIndex = -1;
  for (const t of result.termSpecs) {
    if (t.role === 'intercept') continue; // cancels in the choice probabilities
    if (t.role === 'pair') throw new SpecError(`pair term "${t.name}" needs pair values the simulator does not have; refit without it`, 'baseline.model');
    if (t.role === 'cost') costIndex = names.length;
    else terms.push({ column: t.column ?? t.name, role: t.role, transform: t.transform, index: names.length });
    names.push(t.name);
    estimate.push(result.coefficients[t.name]);
  }
  if (costIndex < 0) throw new SpecError('the model has no cost term', 'baseline.model');
  const fitted = names.length;
  for (const b of input.borrowed ?? []) {
    if (names.includes(b.term)) throw new SpecError(`"${b.term}" is already a term of the model`, 'baseline.borrowedTerms');
    terms.push({ column: b.term, role: b.term.startsWith('origin_') ? 'origin' : 'destination', transform: b.transform, index: names.length });
    names.push(b.term);
    estimate.push(b.coefficient);
  }
  const k = names.length;
  const which = input.covariance ?? 'robust';
  const full = which === 'model' ? result.covariance : which === 'clustered' ? result.clusteredCovariance : result.robustCovariance;
  if (!full) throw new SpecError(`the model has no ${which} covariance (clustered needs a panel)`, 'simulation.covariance');
  const scale = input.covarianceScale ?? 1;
  const covariance = new Float64Array(k * k);
  const pos = names.slice(0, fitted).map((n) => result.terms.indexOf(n));
  for (let a = 0; a < fitted; a++) for (let b = 0; b < fitted; b++) covariance[a * k + b] = scale * full[pos[a]][pos[b]];
  (input.borrowed ?? []).forEach((b, i) => { covariance[(fitted + i) * (k + 1)] = scale * b.standardError ** 2; });

  for (const t of terms) {
    const v = input.baseline[t.column];
    if (!v || v.length !== r) throw new SpecError(`no baseline values for "${t.column}" (${r} regions needed)`, 'baseline');
  }
  const destEffects = result.effects.destination;
  const delta = new Float64Array(r);
  if (destEffects) {
    regions.forEach((code, j) => {
      if (!result.regions.includes(code)) throw new SpecError(`region ${code} was not in the fit, which has destination effects`, 'baseline.model');
      const e = destEffects[code];
      delta[j] = e === null ? -Infinity : e ?? 0;
    });
  }
  const parameters: ChoiceParameters = { names, estimate: Float64Array.from(estimate), covariance };
  return build(input, parameters, terms, costIndex, delta, parameters.estimate);
}

function build(input: GravityChoiceInput, parameters: ChoiceParameters, terms: readonly Term[], costIndex: number, delta: Float64Array, beta: Float64Array): ChoiceModel {
  const { regions, cost, baseline, stayShare } = input;
  const r = regions.length;
  const decay = input.result.decay;
  const mover = new Float64Array(r * r);
  for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) {
    if (i === j) { mover[i * r + j] = -Infinity; continue; }
    const c = cost[i * r + j];
    const g = decay === 'power' ? Math.log(c) : c;
    if (!Number.isFinite(g)) throw new SpecError(`cost ${c} from ${regions[i]} to ${regions[j]} is not ${decay === 'power' ? 'positive' : 'finite'}`, 'cost');
    mover[i * r + j] = beta[costIndex] * g + delta[j];
  }
  const dest = terms.filter((t) => t.role === 'destination');
  const orig = terms.filter((t) => t.role === 'origin');
  const f = (t: Term, x: number, where: number): number => {
    const v = t.transform === 'log' ? Math.log(x) : x;
    if (!Number.isFinite(v)) throw new SpecError(`${t.column} = ${x} for ${regions[where]} is not ${t.transform === 'log' ? 'positive (the term is logged)' : 'finite'}`, t.column);
    return beta[t.index] * v;
  };
  const destPart = (values: AttributeValues, out: Float64Array): Float64Array => {
    out.fill(0);
    for (const t of dest) { const x = values[t.column]; for (let j = 0; j < r; j++) out[j] += f(t, x[j], j); }
    return out;
  };
  const originPart = (values: AttributeValues, i: number): number => {
    let s = 0;
    for (const t of orig) s += f(t, values[t.column][i], i);
    return s;
  };
  const baseDest = destPart(baseline, new Float64Array(r));
  const alpha = new Float64Array(r).fill(-Infinity);
  if (stayShare) {
    for (let i = 0; i < r; i++) {
      const s = stayShare[i];
      if (!(s >= 0 && s <= 1)) throw new SpecError(`stay share of ${regions[i]} is ${s}, not in [0, 1]`, 'baseline.stayShare');
      if (s === 0) continue;
      if (s === 1) { alpha[i] = Infinity; continue; }
      const o = originPart(baseline, i);
      let max = -Infinity;
      for (let j = 0; j < r; j++) if (j !== i) max = Math.max(max, mover[i * r + j] + baseDest[j]);
      let sum = 0;
      for (let j = 0; j < r; j++) if (j !== i) sum += Math.exp(mover[i * r + j] + baseDest[j] - max);
      alpha[i] = Math.log(s / (1 - s)) + max + Math.log(sum) + o - baseDest[i];
    }
  }
  const scratch = new Float64Array(r);
  return {
    kind: 'gravity',
    regions,
    attributes: terms.map((t): ChoiceAttribute => ({ column: t.column, role: t.role, transform: t.transform })),
    baseline,
    parameters,
    probabilities(i, values, out) {
      const d = values === baseline ? baseDest : destPart(values, scratch);
      const o = orig.length ? originPart(values, i) : 0;
      if (alpha[i] === Infinity) { out.fill(0); out[i] = 1; return out; }
      let max = -Infinity;
      const row = i * r;
      for (let j = 0; j < r; j++) {
        const u = j === i ? alpha[i] + d[i] : mover[row + j] + d[j] + o;
        out[j] = u;
        if (u > max) max = u;
      }
      let sum = 0;
      for (let j = 0; j < r; j++) { const e = Math.exp(out[j] - max); out[j] = e; sum += e; }
      for (let j = 0; j < r; j++) out[j] /= sum;
      return out;
    },
    withParameters(values) {
      if (values.length !== parameters.names.length) throw new SpecError(`${values.length} values for ${parameters.names.length} parameters`, 'parameters');
      return build(input, parameters, terms, costIndex, delta, Float64Array.from(values));
    },
  };
}
