import { coded, withWarnings, type CodedMessage } from '../../core/messages/index.ts';
import { flowFitMeasures } from '../shared/fit-statistics.ts';
import { checkRadiationInput } from './check.ts';
import type { RadiationData, RadiationResult, RadiationSpec } from './types.ts';

/**
 * The radiation model (Simini, Gonzalez, Maritan & Barabasi 2012, "A universal model for mobility
 * and migration patterns", Nature 484): a parameter-free prediction of the flow from i to j,
 *   T_ij = T_i * m_i n_j / ((m_i + s_ij) (m_i + n_j + s_ij)),
 * where m_i, n_j are the populations of origin and destination, s_ij the population within the
 * circle of radius d_ij around i (i and j excluded) and T_i the outflow of i. With the
 * finite-size normalisation (Masucci, Serras, Johansson & Batty 2013, Phys. Rev. E 88) the
 * probabilities are divided by 1 - m_i / M, M the total population, so that each origin's flows
 * to all other regions sum to T_i. Regions at exactly the same distance as j are not counted in
 * s_ij (strict inequality). Cost: O(n^2 log n).
 */
export function radiationProbabilities(population: Float64Array, distance: Float64Array, finiteSize: boolean): Float64Array {
  const n = population.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += population[i];
  const p = new Float64Array(n * n);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const mi = population[i];
    const row = distance.subarray(i * n, (i + 1) * n);
    for (let j = 0; j < n; j++) order[j] = j;
    order.sort((a, b) => row[a] - row[b]);
    const norm = finiteSize ? 1 - mi / total : 1;
    // walk outwards; `inside` = population strictly closer than the current distance (i excluded)
    let inside = 0;
    let k = 0;
    while (k < n) {
      const d = row[order[k]];
      let end = k;
      let tie = 0;
      while (end < n && row[order[end]] === d) {
        if (order[end] !== i) tie += population[order[end]];
        end++;
      }
      for (let q = k; q < end; q++) {
        const j = order[q];
        if (j === i) continue;
        const nj = population[j];
        p[i * n + j] = (mi * nj) / ((mi + inside) * (mi + nj + inside)) / norm;
      }
      inside += tie;
      k = end;
    }
  }
  return p;
}

/** Fits (computes) the radiation model on observed flows and reports its fit statistics. */
export function fitRadiation(data: RadiationData, spec: RadiationSpec = {}): RadiationResult {
  checkRadiationInput(data, spec);
  const finiteSize = spec.finiteSize ?? true;
  const n = data.regions.length;
  const warnings: CodedMessage[] = [];
  const outflow = new Float64Array(n);
  if (spec.outflows) outflow.set(spec.outflows);
  else for (let r = 0; r < data.flow.length; r++) if (data.origin[r] !== data.destination[r]) outflow[data.origin[r]] += data.flow[r];
  const p = radiationProbabilities(data.population, data.distance, finiteSize);
  const expected: (number | null)[] = [];
  const y: number[] = [];
  const yhat: number[] = [];
  let intra = 0;
  for (let r = 0; r < data.flow.length; r++) {
    const i = data.origin[r];
    const j = data.destination[r];
    if (i === j) {
      expected.push(null);
      intra++;
      continue;
    }
    const e = outflow[i] * p[i * n + j];
    expected.push(e);
    y.push(data.flow[r]);
    yhat.push(e);
  }
  if (intra) warnings.push(coded('radiation.intraLeftOut', { rows: intra }));
  if (y.length === 0) warnings.push(coded('radiation.noInterRegional', {}));
  const fit = flowFitMeasures(y, yhat);
  const outflows: Record<string, number> = {};
  data.regions.forEach((code, i) => (outflows[code] = outflow[i]));
  const method = coded('radiation.method', { finiteSize, outflows: spec.outflows ? 'given' : 'observed' });
  const said = withWarnings(warnings);
  return {
    model: 'radiation',
    method: method.message,
    finiteSize,
    regions: [...data.regions],
    outflows,
    expected,
    nobs: y.length,
    deviance: fit.deviance,
    logLikelihood: fit.logLikelihood,
    aic: -2 * fit.logLikelihood,
    srmse: fit.srmse,
    cpc: fit.cpc,
    ssi: fit.ssi,
    parameters: {},
    warnings: said.warnings,
    messages: { ...said.messages, method },
  };
}

/**
 * Expected flows for pairs (origin[r], destination[r]) under new populations or distances,
 * with the outflows of the fitted result unless `outflows` is given (by region code).
 */
export function predictRadiation(
  result: RadiationResult,
  data: { population: Float64Array; distance: Float64Array; origin: Uint32Array; destination: Uint32Array; outflows?: Readonly<Record<string, number>> },
): Float64Array {
  const n = result.regions.length;
  checkRadiationInput({ regions: result.regions, population: data.population, distance: data.distance, origin: data.origin, destination: data.destination, flow: new Float64Array(data.origin.length) }, {});
  const totals = data.outflows ?? result.outflows;
  const p = radiationProbabilities(data.population, data.distance, result.finiteSize);
  return Float64Array.from(data.origin, (i, r) => {
    const j = data.destination[r];
    return i === j ? 0 : (totals[result.regions[i]] ?? 0) * p[i * n + j];
  });
}
