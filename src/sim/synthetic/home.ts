import { haversineKm } from '../../core/geometry/haversine.ts';
import type { SyntheticCity } from './types.ts';

/**
 * Where a university's students come from (assumption, no published origin table is used):
 * a share `local` from the study province, spread by population; the rest from the cities of
 * other provinces in proportion to population * distance^-decay from the campus (a mild gravity
 * pull). Weights over `cities`, summing to 1.
 */
export function homeWeights(cities: readonly SyntheticCity[], study: number, local: number, decay: number, minDistanceKm: number): Float64Array {
  const r = cities.length;
  const studyProvince = cities[study].province;
  const campus: [number, number] = [cities[study].lon, cities[study].lat];
  const w = new Float64Array(r);
  let inSum = 0;
  let outSum = 0;
  for (let h = 0; h < r; h++) {
    const c = cities[h];
    if (c.province === studyProvince) inSum += w[h] = c.population;
    else outSum += w[h] = c.population * Math.pow(Math.max(haversineKm(campus, [c.lon, c.lat]), minDistanceKm), -decay);
  }
  const inShare = outSum > 0 ? local : 1;
  for (let h = 0; h < r; h++) w[h] = cities[h].province === studyProvince ? (inShare * w[h]) / inSum : ((1 - inShare) * w[h]) / outSum;
  return w;
}
