import type { DestinationCoefficients } from './coefficients.ts';
import type { ProvinceTable, ProvinceYearColumns } from './provinces.ts';

/**
 * Stage 1 of a graduate's destination: the province, by the conditional logit of coefficients.ts
 * (McFadden 1974; Train, "Discrete Choice Methods with Simulation", 2nd ed., 2009, ch. 3).
 * The probabilities depend on the person only through the home province, the study province and
 * whether the degree is a master's, so the generator computes them once per such situation.
 * (Stage 2, the city within the province in proportion to its population, is in generate.ts.)
 */

/** Utility of each province without the person terms: the attributes of the year. */
export function alternativeUtility(year: ProvinceYearColumns, b: DestinationCoefficients, master: boolean): Float64Array {
  const bIncome = b.ln_income + (master ? b.master_ln_income : 0);
  return year.lnIncome.map((x, j) =>
    bIncome * x + b.ln_population * year.lnPopulation[j] + b.rail_km_per_million * year.railPerMillion[j] + b.temperature_c * year.temperature[j]);
}

/** Pr(j | home province h, study province s) for every province j, given the alternative utilities. */
export function destinationProbabilities(table: ProvinceTable, base: Float64Array, b: DestinationCoefficients, home: number, study: number): Float64Array {
  const p = table.codes.length;
  const v = new Float64Array(p);
  let max = -Infinity;
  for (let j = 0; j < p; j++) {
    v[j] = base[j] + (b.distance_100km * table.distance[home * p + j]) / 100 + (j === home ? b.is_home : 0) + (j === study ? b.is_study : 0);
    if (v[j] > max) max = v[j];
  }
  let sum = 0;
  for (let j = 0; j < p; j++) {
    v[j] = Math.exp(v[j] - max); // shift by the max: no overflow
    sum += v[j];
  }
  for (let j = 0; j < p; j++) v[j] /= sum;
  return v;
}
