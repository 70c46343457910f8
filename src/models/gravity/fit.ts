import { coded, withWarnings } from '../../core/messages/index.ts';
import { toNestedArray } from '../../numeric/cholesky.ts';
import { factorComponents, sumByLevel } from '../../numeric/factor.ts';
import { normalQuantile, twoSidedP } from '../../numeric/special.ts';
import { flowFitMeasures } from '../shared/fit-statistics.ts';
import { buildGravityDesign, type GravityDesign, type LabelledFactor } from './design.ts';
import { fitPpml, type PpmlSolution } from './ppml.ts';
import { resolveGravitySpec } from './spec.ts';
import type { GravityData, GravityResult, GravitySpec } from './types.ts';
import { gravityCovariances } from './vcov.ts';

/**
 * Fits a gravity model by Poisson pseudo-maximum-likelihood (see ppml.ts for the method and its
 * references). Unconstrained: intercept + terms; production: origin effects; attraction:
 * destination effects; doubly: both; panels add period effects. Throws SpecError / InputError
 * naming the bad field, row or column; everything else that is worth knowing is in `warnings`.
 */
export function fitGravity(data: GravityData, spec: GravitySpec): GravityResult {
  const s = resolveGravitySpec(spec, data);
  const design = buildGravityDesign(data, s);
  const names = design.termSpecs.map((t) => t.name);
  const sol = fitPpml({ y: design.y, columns: design.columns, names, offset: design.offset, factors: design.factors, padding: design.padding }, s);
  const warnings = [...design.warnings];
  if (!sol.converged) warnings.push(coded('fit.notConverged', { reason: sol.stopReason, stop: { code: sol.stop.code, params: sol.stop.params } }));

  const k = names.length;
  // Statistics over the observed rows only: a dense-grid layout pads missing cells, where y and
  // mu are 0 (so the sums skip nothing but the count).
  const pad = design.padding;
  const n = design.y.length - pad.length;
  const se = (cov: Float64Array): Record<string, number> => Object.fromEntries(names.map((nm, j) => [nm, Math.sqrt(cov[j * k + j])]));
  const cov = gravityCovariances(sol, design.y, design.factors, design.clusters, s.ssc, n);
  warnings.push(...cov.warnings);
  const { robust, clustered } = cov;
  const coefficients = Object.fromEntries(names.map((nm, j) => [nm, sol.beta[j]]));
  const standardErrors = se(cov.model);
  const clusteredStandardErrors = clustered ? se(clustered) : null;
  // Tests and intervals use the clustered SEs when the fit clusters (fixest's summary does the
  // same); `inference` in the result names which.
  const reported = clusteredStandardErrors ?? standardErrors;
  const zq = normalQuantile(1 - (1 - s.confidenceLevel) / 2);

  const fit = flowFitMeasures(design.y, sol.mu, pad.length);
  const nullFit = design.offset ? nullOffsetFit(withoutPadding(design.y, pad), withoutPadding(design.offset, pad)) : interceptOnly(design.y, n, fit);
  const nParameters = k + fixedEffectRank(design.factors);
  const ll = fit.logLikelihood;
  const llNull = nullFit.logLikelihood;

  const keep = s.keepFitted;
  const said = withWarnings(warnings);
  return {
    model: 'gravity',
    estimator: 'PPML',
    constraint: s.constraint,
    decay: s.decay,
    costName: s.costName,
    terms: names,
    termSpecs: design.termSpecs,
    coefficients,
    standardErrors,
    robustStandardErrors: se(robust),
    clusteredStandardErrors,
    inference: { standardErrors: clustered ? 'clustered' : 'model', by: clustered ? design.clusters.map((c) => c.name) : null },
    zValues: Object.fromEntries(names.map((nm) => [nm, coefficients[nm] / reported[nm]])),
    pValues: Object.fromEntries(names.map((nm) => [nm, twoSidedP(coefficients[nm] / reported[nm])])),
    confidenceLevel: s.confidenceLevel,
    confidenceIntervals: Object.fromEntries(
      names.map((nm) => [nm, [coefficients[nm] - zq * reported[nm], coefficients[nm] + zq * reported[nm]] as [number, number]]),
    ),
    covariance: toNestedArray(cov.model, k),
    robustCovariance: toNestedArray(robust, k),
    clusteredCovariance: clustered ? toNestedArray(clustered, k) : null,
    cluster: design.clusters.length ? { by: design.clusters.map((c) => c.name), groups: design.clusters.map((c) => c.count) } : null,
    smallSample: cov.smallSample,
    // In the spec's order (a dense grid may run destination-major, its destination factor first).
    fixedEffects: s.dimensions.map((dim) => design.factors.find((f) => f.name === dim.name)!).map((f) => ({ name: f.name, levels: f.levels })),
    dropped: design.dropped,
    duplicatesSummed: design.duplicatesSummed,
    effects: effects(data.regions, design.factors, sol),
    margins: margins(design),
    regions: [...data.regions],
    periods: data.periods ? [...data.periods] : null,
    deviance: fit.deviance,
    nullDeviance: nullFit.deviance,
    logLikelihood: ll,
    nullLogLikelihood: llNull,
    aic: -2 * ll + 2 * nParameters,
    bic: -2 * ll + Math.log(n) * nParameters,
    pseudoR2: 1 - ll / llNull,
    adjPseudoR2: 1 - (ll - nParameters) / llNull,
    devianceR2: 1 - fit.deviance / nullFit.deviance,
    adjDevianceR2: 1 - ((n - 1) / (n - nParameters)) * (fit.deviance / nullFit.deviance),
    srmse: fit.srmse,
    cpc: fit.cpc,
    ssi: fit.ssi,
    nobs: n,
    nParameters,
    iterations: sol.iterations,
    converged: sol.converged,
    stopReason: sol.stopReason,
    logLikelihoodTrace: sol.trace.map((t) => t - (fit.kernelLogLikelihood - ll)),
    warnings: said.warnings,
    messages: { ...said.messages, stopReason: sol.stop },
    fittedRows: keep ? Array.from(withoutPadding(design.rows, pad)) : null,
    fitted: keep ? Array.from(withoutPadding(sol.mu, pad)) : null,
  };
}

/**
 * The observed rows of a column laid out on a padded grid (`padding`: the empty cells, ascending),
 * copied a run at a time; the column itself when nothing is padded.
 */
function withoutPadding<T extends Float64Array | Uint32Array>(a: T, padding: Uint32Array): T {
  if (padding.length === 0) return a;
  const out = new (a.constructor as { new (n: number): T })(a.length - padding.length);
  let from = 0;
  let at = 0;
  for (const p of padding) {
    out.set(a.subarray(from, p), at);
    at += p - from;
    from = p + 1;
  }
  out.set(a.subarray(from), at);
  return out;
}

/** Intercept-only model (mu = mean(y) over the n observed cells) in closed form from the sums of the full model's pass. */
function interceptOnly(y: Float64Array, n: number, fit: { sumYLogY: number; sumLogFactorial: number }): { deviance: number; logLikelihood: number } {
  let sumY = 0;
  for (let r = 0; r < y.length; r++) sumY += y[r];
  const logMean = Math.log(sumY / n);
  const kernel = sumY * logMean - sumY;
  return { deviance: 2 * (fit.sumYLogY - sumY * logMean), logLikelihood: kernel - fit.sumLogFactorial };
}

/** Intercept-only (plus offset) Poisson model's fit, as R's null deviance. */
function nullOffsetFit(y: Float64Array, offset: Float64Array): { deviance: number; logLikelihood: number } {
  return flowFitMeasures(y, nullModel(y, offset));
}

function nullModel(y: Float64Array, offset: Float64Array | null): Float64Array {
  const n = y.length;
  let sumY = 0;
  let sumE = 0;
  for (let r = 0; r < n; r++) {
    sumY += y[r];
    sumE += offset ? Math.exp(offset[r]) : 1;
  }
  const c = Math.log(sumY / sumE);
  const mu = new Float64Array(n);
  for (let r = 0; r < n; r++) mu[r] = Math.exp(c + (offset ? offset[r] : 0));
  return mu;
}

/**
 * Rank of the fixed-effect block: sum of levels minus the redundancies. Exact for one or two
 * factors (two: minus the connected components of the origin-destination graph); with three it
 * assumes the usual connected panel (minus 2, minus any extra components).
 */
function fixedEffectRank(factors: readonly LabelledFactor[]): number {
  if (factors.length === 0) return 0;
  const levels = factors.reduce((a, f) => a + f.levels, 0);
  if (factors.length === 1) return levels;
  const components = factorComponents(factors);
  return levels - (factors.length - 1) - (components - 1);
}

/** Regions with no effect (dropped for having no flow) are null in the origin / destination records. */
function effects(regions: readonly string[], factors: readonly LabelledFactor[], sol: PpmlSolution): GravityResult['effects'] {
  const out: { -readonly [K in keyof GravityResult['effects']]: GravityResult['effects'][K] } = {
    intercept: factors.length ? 0 : null,
    origin: null,
    destination: null,
    period: null,
    other: null,
  };
  factors.forEach((f, d) => {
    const a = sol.alpha[d];
    out.intercept = (out.intercept ?? 0) + a[0];
    if (f.kind === 'other') {
      const rec: Record<string, number> = {};
      for (let l = 0; l < f.levels; l++) rec[f.labels[l]] = a[l] - a[0];
      out.other = { ...out.other, [f.name]: rec };
      return;
    }
    const rec: Record<string, number | null> = {};
    if (f.kind !== 'period' && f.name === f.kind) for (const code of regions) rec[code] = null;
    for (let l = 0; l < f.levels; l++) rec[f.labels[l]] = a[l] - a[0];
    out[f.kind] = rec;
  });
  return out;
}

function margins(design: GravityDesign): GravityResult['margins'] {
  const sums = (kind: 'origin' | 'destination'): Record<string, number> | null => {
    const f = design.factors.find((x) => x.kind === kind);
    if (!f) return null;
    const t = sumByLevel(f, design.y);
    const rec: Record<string, number> = {};
    for (let l = 0; l < f.levels; l++) rec[f.labels[l]] = t[l];
    return rec;
  };
  return { origin: sums('origin'), destination: sums('destination') };
}
