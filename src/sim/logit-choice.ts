import { SpecError } from '../core/errors.ts';
import { nestedCase, nestScratch } from '../models/logit/nested-case.ts';
import type { LogitResult } from '../models/logit/index.ts';
import type { AttributeValues, ChoiceAttribute, ChoiceModel, ChoiceParameters } from './choice-model.ts';
import type { BorrowedChoiceTerm } from './gravity-choice.ts';
import { calibrateStay, type GroupProbabilities } from './logit-stay.ts';

/**
 * A fitted destination-choice logit (conditional or nested, src/models/logit) as the simulator's
 * model of destination choice. The logit's alternatives are the regions, which are also the
 * origins (a graduate's origin is the region of the university). Graduates of origin i are a
 * fixed mix of person groups g (home region, study region, the categories of the person
 * attributes the model interacts with) with shares w_ig, and
 *   P(j | i) = sum_g w_ig P_g(j),   P_g(j) = exp V_gj / sum_k exp V_gk  (nested: McFadden 1978),
 *   V_gj = sum_t beta_t x_t(g, j) + alpha_i [j = i],
 * Train's sample enumeration ("Discrete Choice Methods with Simulation", 2nd ed. 2009, sec.
 * 2.6.1): the exact expected shares of the mix. x_t(g, j) is an alternative attribute of j
 * (transformed as in the fit), a person-region term of the group (distance from home or from the
 * study region, is home, is study region, same macro-region), or either times the group's
 * category dummy (an interaction). Every person-region term also reads an attribute of the same
 * name, 0 for every region in the baseline and added to the term's value, so a lever can move it:
 * hukou easing as an absolute change of `is_home` for arrivals (a share of the home premium), a
 * faster train as a change of `distance_home`.
 *
 * alpha_i = 0 (the fitted model) unless stay shares are given: then each origin's constant on
 * staying is calibrated so the mix meets its baseline stay share exactly (logit-stay.ts), the
 * constant adjustment of Train sec. 2.8, redone for every parameter draw as the gravity model's.
 * Constants of alternatives that are not regions (asc_outside) are dropped: the simulator's
 * graduates choose a region, and under the conditional logit dropping an alternative leaves the
 * others' ratios unchanged. Cost per origin: groups x regions x terms.
 */
export type LogitTransform = 'log' | 'log1p' | 'identity' | 'tenths';
export const PERSON_REGION_TERMS = ['distance_home', 'distance_study', 'is_home', 'is_study', 'same_macro_region'] as const;
export type PersonRegionTerm = (typeof PERSON_REGION_TERMS)[number];

export interface LogitChoiceTerm {
  /** The coefficient's name in result.terms. */
  readonly term: string;
  /** An alternative attribute (a key of `attributes`) or a person-region term. */
  readonly of: string;
  /** Only graduates with this category of a person attribute (an interaction). Default every graduate. */
  readonly when?: { readonly attribute: string; readonly category: string };
}

/** One group of an origin's graduates and its share (weights are normalised per origin). */
export interface LogitPersonGroup {
  /** Region index of the home, -1 when unknown (then no home term may be used). */
  readonly home: number;
  /** Region index of the study place, -1 when unknown. */
  readonly study: number;
  readonly weight: number;
  /** Category of each person attribute the model interacts with, e.g. { degree: 'master' }. */
  readonly categories?: Readonly<Record<string, string>>;
}

export interface LogitChoiceInput {
  readonly result: LogitResult;
  /** The alternatives, also the origins, in this order. */
  readonly regions: readonly string[];
  /** How each coefficient used enters the utility. */
  readonly terms: readonly LogitChoiceTerm[];
  /** Terms of the result deliberately left out (constants of non-region alternatives), with why. */
  readonly dropped?: readonly string[];
  /** Alternative attributes: transform as in the fit and baseline value per region (before the transform). */
  readonly attributes: Readonly<Record<string, { readonly transform: LogitTransform; readonly values: Float64Array }>>;
  /** Row-major regions x regions distances in the unit of the distance terms (the workspace: 100 km). */
  readonly distance?: Float64Array;
  /** Macro-region id of each region, -1 for none (same_macro_region). */
  readonly macroRegion?: Int32Array;
  /** Per origin index: its graduates' mix. Default (and for an origin without one): home = study = origin. */
  readonly groups?: readonly (readonly LogitPersonGroup[] | undefined)[];
  /** Nests of a nested logit in region space: the result's nest parameter term and its regions. */
  readonly nests?: readonly { readonly term: string; readonly members: Uint8Array }[];
  /** 'home-rest' nests: a group's home region leaves its nest (it is the alternative 'home'). Default false. */
  readonly homeAlone?: boolean;
  /** Baseline stay share of each origin: calibrates the origin's constant on staying. Default none (the fitted model). */
  readonly stayShare?: Float64Array;
  /** Alternative attributes the fit lacks, with coefficients from elsewhere (independent of the fitted ones). */
  readonly borrowed?: readonly BorrowedChoiceTerm[];
  /** Covariance of the draws: robust (sandwich), model (classical) or clustered. Default 'robust'. */
  readonly covariance?: 'robust' | 'model' | 'clustered';
  /** Multiplies the covariance. Default 1. */
  readonly covarianceScale?: number;
}

/** A draw of a nest parameter below this is taken as this (lambda <= 0 has no logit). */
export const MIN_LAMBDA = 0.01;

interface Resolved {
  readonly input: LogitChoiceInput;
  readonly parameters: ChoiceParameters;
  readonly terms: readonly { readonly index: number; readonly of: string; readonly person: PersonRegionTerm | null; readonly when?: LogitChoiceTerm['when'] }[];
  readonly transforms: Readonly<Record<string, LogitTransform>>;
  /** Per nest: its parameter's index and whether it is mu (lambda = 1 / mu). */
  readonly nests: readonly { readonly index: number; readonly mu: boolean; readonly members: Uint8Array }[];
  readonly groups: readonly (readonly LogitPersonGroup[])[];
  readonly baseline: AttributeValues;
}

const isPerson = (s: string): s is PersonRegionTerm => (PERSON_REGION_TERMS as readonly string[]).includes(s);

export function logitChoiceModel(input: LogitChoiceInput): ChoiceModel {
  const { result, regions } = input;
  const r = regions.length;
  const names: string[] = [];
  const estimate: number[] = [];
  const pos: number[] = [];
  const transforms: Record<string, LogitTransform> = {};
  const baseline: Record<string, Float64Array> = {};
  for (const [column, a] of Object.entries(input.attributes)) {
    if (isPerson(column)) throw new SpecError(`"${column}" is a person-region term, not an alternative attribute`, 'attributes');
    if (a.values.length !== r) throw new SpecError(`"${column}" has ${a.values.length} values for ${r} regions`, 'attributes');
    transforms[column] = a.transform;
    baseline[column] = a.values;
  }
  const used = new Set<string>();
  const terms: Resolved['terms'][number][] = [];
  for (const t of input.terms) {
    const k = result.terms.indexOf(t.term);
    if (k < 0 || !result.attributeTerms.includes(t.term)) throw new SpecError(`"${t.term}" is not an attribute term of the model (${result.attributeTerms.join(', ')})`, 'terms');
    if (used.has(t.term)) throw new SpecError(`"${t.term}" is given twice`, 'terms');
    used.add(t.term);
    const person = isPerson(t.of) ? t.of : null;
    if (!person && !transforms[t.of]) throw new SpecError(`term "${t.term}" reads "${t.of}", which is neither an attribute given nor a person-region term`, 'terms');
    if (person) baseline[person] ??= new Float64Array(r);
    if ((person === 'distance_home' || person === 'distance_study') && input.distance?.length !== r * r) throw new SpecError(`term "${t.term}" needs distances between the ${r} regions (${r * r} values)`, 'distance');
    if (person === 'same_macro_region' && input.macroRegion?.length !== r) throw new SpecError(`term "${t.term}" needs the macro-region of each region`, 'macroRegion');
    terms.push({ index: names.length, of: t.of, person, when: t.when });
    names.push(t.term);
    estimate.push(result.coefficients[t.term]);
    pos.push(k);
  }
  const missing = result.attributeTerms.filter((t) => !used.has(t) && !(input.dropped ?? []).includes(t));
  if (missing.length) throw new SpecError(`the model's term${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} neither used nor dropped`, 'terms');
  const nests: Resolved['nests'][number][] = [];
  for (const n of input.nests ?? []) {
    const k = result.terms.indexOf(n.term);
    if (result.model !== 'nested-logit' || k < 0 || result.attributeTerms.includes(n.term)) throw new SpecError(`"${n.term}" is not a nest parameter of the model`, 'nests');
    if (n.members.length !== r) throw new SpecError(`nest "${n.term}" has a mask of ${n.members.length} for ${r} regions`, 'nests');
    nests.push({ index: names.length, mu: result.parametrisation === 'mu', members: n.members });
    names.push(n.term);
    estimate.push(result.coefficients[n.term]);
    pos.push(k);
  }
  if (result.model === 'nested-logit' && nests.length !== result.nests.length) throw new SpecError(`the model has ${result.nests.length} nests, ${nests.length} given`, 'nests');
  const fitted = names.length;
  for (const b of input.borrowed ?? []) {
    if (names.includes(b.term) || isPerson(b.term)) throw new SpecError(`"${b.term}" is already a term of the model`, 'baseline.borrowedTerms');
    if (!input.attributes[b.term]) throw new SpecError(`no baseline values for "${b.term}"`, 'baseline.borrowedTerms');
    terms.push({ index: names.length, of: b.term, person: null });
    names.push(b.term);
    estimate.push(b.coefficient);
  }
  estimate.forEach((e, k) => {
    if (!Number.isFinite(e)) throw new SpecError(`the coefficient of "${names[k]}" is ${e}`, 'baseline.model');
  });

  const k = names.length;
  const which = input.covariance ?? 'robust';
  const full = which === 'model' ? result.classicalCovariance : which === 'clustered' ? result.clusteredCovariance : result.robustCovariance;
  if (!full) throw new SpecError(`the model has no ${which} covariance (clustered needs a fit with clusters)`, 'simulation.covariance');
  const scale = input.covarianceScale ?? 1;
  const covariance = new Float64Array(k * k);
  for (let a = 0; a < fitted; a++) for (let b = 0; b < fitted; b++) covariance[a * k + b] = scale * full[pos[a]][pos[b]];
  (input.borrowed ?? []).forEach((b, i) => { covariance[(fitted + i) * (k + 1)] = scale * b.standardError ** 2; });

  const groups = regions.map((_, i) => {
    const g = input.groups?.[i];
    if (!g?.length) return [{ home: i, study: i, weight: 1 }];
    let total = 0;
    for (const x of g) {
      if (!(x.weight >= 0) || !Number.isFinite(x.weight)) throw new SpecError(`a group of ${regions[i]} has weight ${x.weight}`, 'groups');
      if (x.home >= r || x.study >= r) throw new SpecError(`a group of ${regions[i]} has a home or study index outside the ${r} regions`, 'groups');
      total += x.weight;
    }
    if (!(total > 0)) throw new SpecError(`the groups of ${regions[i]} weigh nothing`, 'groups');
    return g.map((x) => ({ ...x, weight: x.weight / total }));
  });
  for (const t of terms) {
    if (!t.person) continue;
    const needs = t.person === 'distance_study' || t.person === 'is_study' ? 'study' : 'home';
    groups.forEach((g, i) => {
      if (g.some((x) => x[needs] < 0)) throw new SpecError(`a group of ${regions[i]} has no ${needs} region, which "${names[t.index]}" needs`, 'groups');
    });
  }
  const parameters: ChoiceParameters = { names, estimate: Float64Array.from(estimate), covariance };
  const resolved: Resolved = { input, parameters, terms, transforms, nests, groups, baseline };
  return build(resolved, parameters.estimate);
}

function transformed(t: LogitTransform, x: number, column: string, region: string): number {
  const v = t === 'log' ? Math.log(x) : t === 'log1p' ? Math.log1p(x) : t === 'tenths' ? x / 10 : x;
  if (!Number.isFinite(v)) throw new SpecError(`${column} = ${x} for ${region} has no ${t === 'identity' ? 'finite value' : t}`, column);
  return v;
}

function build(m: Resolved, beta: Float64Array): ChoiceModel {
  const { input, terms, transforms, groups, baseline } = m;
  const { regions, distance, macroRegion } = input;
  const r = regions.length;
  const lambda = Float64Array.from(m.nests, (n) => {
    const v = n.mu ? 1 / beta[n.index] : beta[n.index];
    return v > MIN_LAMBDA ? v : MIN_LAMBDA;
  });
  const nestOf = new Int32Array(r).fill(-1);
  m.nests.forEach((n, k) => n.members.forEach((x, j) => { if (x) nestOf[j] = k; }));
  const homeAlone = input.homeAlone ?? false;

  /** Transformed attribute columns of `values` (cached for the baseline). */
  const prepare = (values: AttributeValues): Record<string, Float64Array> => {
    const out: Record<string, Float64Array> = {};
    for (const [c, t] of Object.entries(transforms)) {
      const x = values[c];
      if (!x || x.length !== r) throw new SpecError(`no values of "${c}" for the ${r} regions`, c);
      out[c] = Float64Array.from(x, (v, j) => transformed(t, v, c, regions[j]));
    }
    for (const t of terms) if (t.person) out[t.person] = values[t.person] as Float64Array;
    return out;
  };
  const personValue = (p: PersonRegionTerm, g: LogitPersonGroup, j: number): number => {
    switch (p) {
      case 'distance_home': return distance![g.home * r + j];
      case 'distance_study': return distance![g.study * r + j];
      case 'is_home': return g.home === j ? 1 : 0;
      case 'is_study': return g.study === j ? 1 : 0;
      case 'same_macro_region': return macroRegion![g.home] >= 0 && macroRegion![g.home] === macroRegion![j] ? 1 : 0;
    }
  };
  const v = new Float64Array(r);
  const p = new Float64Array(r);
  const q = new Float64Array(r);
  const nest = new Int32Array(r);
  const scratch = nestScratch(m.nests.length);
  let stamp = 0;
  /** P_g(j) into `out` for utilities without the stay constant, plus alpha on region `stay`. */
  const groupProbabilities: GroupProbabilities = (x, g, stay, alpha, out, dLogStay) => {
    const cats = g.categories ?? {};
    for (let j = 0; j < r; j++) {
      let u = 0;
      for (const t of terms) {
        if (t.when && cats[t.when.attribute] !== t.when.category) continue;
        const val = t.person ? personValue(t.person, g, j) + x[t.person][j] : x[t.of][j];
        u += beta[t.index] * val;
      }
      v[j] = j === stay ? u + alpha : u;
      nest[j] = homeAlone && j === g.home ? -1 : nestOf[j];
    }
    nestedCase(v, nest, r, lambda, scratch, stamp++, out, q);
    if (dLogStay) {
      // d ln P_i / d V_i = (1 - q_i) / lambda_m + q_i (1 - Q_m), Q_m = P_i / q_i (1 - P_i outside nests).
      const m2 = nest[stay];
      dLogStay[0] = m2 < 0 ? 1 - out[stay] : (1 - q[stay]) / lambda[m2] + q[stay] * (1 - out[stay] / q[stay]);
    }
    return out;
  };
  const baseX = prepare(baseline);
  const alpha = new Float64Array(r);
  if (input.stayShare) {
    if (input.stayShare.length !== r) throw new SpecError(`has ${input.stayShare.length} values for ${r} regions`, 'baseline.stayShare');
    for (let i = 0; i < r; i++) {
      const s = input.stayShare[i];
      if (!(s >= 0 && s <= 1)) throw new SpecError(`stay share of ${regions[i]} is ${s}, not in [0, 1]`, 'baseline.stayShare');
      alpha[i] = calibrateStay(groupProbabilities, baseX, groups[i], i, s, p, regions[i]);
    }
  }
  const cache = new Map<string, Float64Array>();
  return {
    kind: 'choice',
    regions,
    attributes: Object.keys(baseline).map((column): ChoiceAttribute => ({ column, role: 'destination', transform: transforms[column] ?? 'identity' })),
    baseline,
    parameters: m.parameters,
    probabilities(i, values, out, personType) {
      const key = `${i}\u0000${personType ?? ''}`;
      const hit = values === baseline ? cache.get(key) : undefined;
      if (hit) { out.set(hit); return out; }
      const x = values === baseline ? baseX : prepare(values);
      const mine = personType === undefined ? groups[i] : groups[i].filter((g) => Object.values(g.categories ?? {}).includes(personType));
      if (!mine.length) throw new SpecError(`no graduates of ${regions[i]} are of type "${personType}"`, 'personType');
      out.fill(0);
      let total = 0;
      for (const g of mine) {
        if (alpha[i] === Infinity) {
          p.fill(0);
          p[i] = 1;
        } else groupProbabilities(x, g, i, alpha[i], p);
        for (let j = 0; j < r; j++) out[j] += g.weight * p[j];
        total += g.weight;
      }
      for (let j = 0; j < r; j++) out[j] /= total;
      if (values === baseline) cache.set(key, Float64Array.from(out));
      return out;
    },
    withParameters(values) {
      if (values.length !== m.parameters.names.length) throw new SpecError(`${values.length} values for ${m.parameters.names.length} parameters`, 'parameters');
      return build(m, Float64Array.from(values));
    },
  };
}
