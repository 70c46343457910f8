import { fitGravity, type GravityData, type GravityResult } from '../models/index.ts';
import { createRng } from '../numeric/index.ts';
import { gravityChoiceModel } from './gravity-choice.ts';
import type { ChoiceModel } from './choice-model.ts';

/**
 * A small synthetic world for the simulator's tests and benchmarks: regions on a 1000 km square
 * with populations and incomes, flows drawn from a known gravity law (income elasticity 0.8,
 * population 0.9, distance -1.1, Poisson noise) and a production-constrained model fitted to them.
 */
export interface World {
  readonly regions: string[];
  readonly cost: Float64Array;
  readonly population: Float64Array;
  readonly income: Float64Array;
  readonly result: GravityResult;
}

export function syntheticWorld(n: number, seed = 7): World {
  const rng = createRng(seed);
  const regions = Array.from({ length: n }, (_, i) => `R${String(i).padStart(3, '0')}`);
  const x = Float64Array.from({ length: n }, () => rng.uniform() * 1000);
  const y = Float64Array.from({ length: n }, () => rng.uniform() * 1000);
  const population = Float64Array.from({ length: n }, () => 2e5 + rng.uniform() * 5e6);
  const income = Float64Array.from({ length: n }, () => 20 + rng.uniform() * 40);
  const cost = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) cost[i * n + j] = i === j ? 0 : Math.max(5, Math.hypot(x[i] - x[j], y[i] - y[j]));
  const rows = n * (n - 1);
  const origin = new Uint32Array(rows);
  const destination = new Uint32Array(rows);
  const flow = new Float64Array(rows);
  const c = new Float64Array(rows);
  const dPop = new Float64Array(rows);
  const dInc = new Float64Array(rows);
  let r = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    if (i === j) continue;
    origin[r] = i; destination[r] = j; c[r] = cost[i * n + j]; dPop[r] = population[j]; dInc[r] = income[j];
    const mu = 1e-6 * population[i] ** 0.7 * population[j] ** 0.9 * income[j] ** 0.8 * c[r] ** -1.1 * 50;
    // Poisson by inversion for small means, normal approximation above 50 (a fixture, not a sampler).
    let k = 0;
    if (mu < 50) {
      let p = Math.exp(-mu), s = p;
      const u = rng.uniform();
      while (u > s && k < 1000) { k++; p *= mu / k; s += p; }
    } else k = Math.max(0, Math.round(mu + Math.sqrt(mu) * (rng.uniform() + rng.uniform() + rng.uniform() - 1.5) * 2));
    flow[r] = k;
    r++;
  }
  const data: GravityData = { regions, origin, destination, flow, cost: c, covariates: { destination_population: dPop, destination_income: dInc } };
  const result = fitGravity(data, { constraint: 'production', decay: 'power', destinationTerms: ['destination_population', 'destination_income'] });
  return { regions, cost, population, income, result };
}

export function worldModel(w: World, stayShare?: number | Float64Array, options: { covarianceScale?: number } = {}): ChoiceModel {
  const n = w.regions.length;
  const share = typeof stayShare === 'number' ? new Float64Array(n).fill(stayShare) : stayShare;
  return gravityChoiceModel({
    result: w.result, regions: w.regions, cost: w.cost,
    baseline: { destination_population: w.population, destination_income: w.income },
    ...(share ? { stayShare: share } : {}),
    covarianceScale: options.covarianceScale,
  });
}
