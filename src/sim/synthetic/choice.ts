import { InputError } from '../../core/errors.ts';
import { haversineKm } from '../../core/geometry/haversine.ts';
import type { ResolvedOptions } from './options.ts';
import type { SyntheticRegion } from './types.ts';

/**
 * Destination choice of an employed graduate with home region h, as a multinomial logit
 * (McFadden 1974; Train, "Discrete Choice Methods with Simulation", 2nd ed., 2009, ch. 3) over
 * the regions j of the table:
 *   U_hj = b_size ln P_j - b_dist ln max(d_hj, d_min) + b_income ln(Y_j / mean Y)
 *          + homeBonus [prov(j) = prov(h)] + stayBonus [prov(j) = study province]
 *   Pr(j | h) = exp(U_hj) / sum_k exp(U_hk).
 * d_hj is the great-circle distance between centroids. Without an income proxy the income term
 * is dropped (and the result says so).
 */
export interface ChoiceData {
  regions: readonly SyntheticRegion[];
  provinces: Int32Array;
  /** U_hj without the stay bonus, row-major R x R. */
  base: Float64Array;
  /** Distance matrix, km, row-major R x R. */
  distance: Float64Array;
  /** Y_j / mean Y, or all 1 when no income proxy is given. */
  incomeRatio: Float64Array;
  hasIncome: boolean;
}

export function prepareChoice(regions: readonly SyntheticRegion[], o: ResolvedOptions): ChoiceData {
  const r = regions.length;
  if (r < 2) throw new InputError(`the synthetic generator needs at least 2 regions, got ${r}`);
  const withIncome = regions.filter((x) => x.income !== undefined).length;
  if (withIncome > 0 && withIncome < r) {
    const missing = regions.filter((x) => x.income === undefined).map((x) => x.code);
    throw new InputError(`income proxy given for some regions but not for: ${missing.slice(0, 10).join(', ')}`, { column: 'income' });
  }
  const provinceIndex = new Map<string, number>();
  const provinces = new Int32Array(r);
  const seen = new Set<string>();
  regions.forEach((x, i) => {
    if (seen.has(x.code)) throw new InputError(`region "${x.code}" appears twice`, { column: 'code' });
    seen.add(x.code);
    if (!(x.population > 0) || !Number.isFinite(x.population)) throw new InputError(`region "${x.code}": population must be positive, got ${x.population}`, { column: 'population' });
    if (!Number.isFinite(x.lon) || !Number.isFinite(x.lat)) throw new InputError(`region "${x.code}": centroid is missing`, { column: 'lon' });
    if (withIncome && (!(x.income as number > 0) || !Number.isFinite(x.income))) throw new InputError(`region "${x.code}": income must be positive, got ${x.income}`, { column: 'income' });
    if (!provinceIndex.has(x.province)) provinceIndex.set(x.province, provinceIndex.size);
    provinces[i] = provinceIndex.get(x.province) as number;
  });
  const incomeRatio = new Float64Array(r).fill(1);
  if (withIncome) {
    const mean = regions.reduce((a, x) => a + (x.income as number), 0) / r;
    regions.forEach((x, i) => (incomeRatio[i] = (x.income as number) / mean));
  }
  const distance = new Float64Array(r * r);
  const base = new Float64Array(r * r);
  for (let h = 0; h < r; h++) {
    for (let j = 0; j < r; j++) {
      const d = h === j ? 0 : haversineKm([regions[h].lon, regions[h].lat], [regions[j].lon, regions[j].lat]);
      distance[h * r + j] = d;
      base[h * r + j] =
        o.bSize * Math.log(regions[j].population) -
        o.bDist * Math.log(Math.max(d, o.minDistanceKm)) +
        o.bIncome * Math.log(incomeRatio[j]) +
        (provinces[j] === provinces[h] ? o.homeBonus : 0);
    }
  }
  return { regions, provinces, base, distance, incomeRatio, hasIncome: withIncome > 0 };
}

/** Pr(j | h) for every j, with `stayBonus` on the study province's regions. */
export function choiceProbabilities(data: ChoiceData, h: number, studyProvince: number, stayBonus: number): Float64Array {
  const r = data.regions.length;
  const p = new Float64Array(r);
  let max = -Infinity;
  for (let j = 0; j < r; j++) {
    p[j] = data.base[h * r + j] + (data.provinces[j] === studyProvince ? stayBonus : 0);
    if (p[j] > max) max = p[j];
  }
  let sum = 0;
  for (let j = 0; j < r; j++) {
    p[j] = Math.exp(p[j] - max); // shift by the max: no overflow
    sum += p[j];
  }
  for (let j = 0; j < r; j++) p[j] /= sum;
  return p;
}
