import { choiceProbabilities, type ChoiceData } from './choice.ts';

/**
 * Expected destination shares of a university's employed graduates under the model, exactly:
 * share_j = sum_h Pr(home = h) Pr(j | h). Lets a caller (or a test) check the calibrated model
 * without simulation noise.
 */
export function expectedDestinationShares(data: ChoiceData, homes: Float64Array, study: number, stayBonus: number): Float64Array {
  const r = data.regions.length;
  const out = new Float64Array(r);
  for (let h = 0; h < r; h++) {
    if (homes[h] === 0) continue;
    const p = choiceProbabilities(data, h, data.provinces[study], stayBonus);
    for (let j = 0; j < r; j++) out[j] += homes[h] * p[j];
  }
  return out;
}
