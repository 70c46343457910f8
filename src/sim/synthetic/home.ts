import type { ChoiceData } from './choice.ts';

/**
 * Where a university's students come from (assumption, no published origin table is used):
 * a share `local` from the study province, spread by population; the rest from other provinces
 * in proportion to population * distance^-decay from the campus (a mild gravity pull).
 */
export function homeWeights(data: ChoiceData, study: number, local: number, decay: number, minDistanceKm: number): Float64Array {
  const r = data.regions.length;
  const studyProvince = data.provinces[study];
  const w = new Float64Array(r);
  let inSum = 0;
  let outSum = 0;
  for (let h = 0; h < r; h++) {
    const pop = data.regions[h].population;
    if (data.provinces[h] === studyProvince) inSum += w[h] = pop;
    else outSum += w[h] = pop * Math.pow(Math.max(data.distance[study * r + h], minDistanceKm), -decay);
  }
  const inShare = outSum > 0 ? local : 1;
  for (let h = 0; h < r; h++) w[h] = data.provinces[h] === studyProvince ? (inShare * w[h]) / inSum : ((1 - inShare) * w[h]) / outSum;
  return w;
}
