import { alternativeUtility, destinationProbabilities } from './choice.ts';
import type { DestinationCoefficients } from './coefficients.ts';
import type { ProvinceTable, ProvinceYearColumns } from './provinces.ts';

/** Graduates of one study province and year whose expected choices are wanted. */
export interface ChoiceGroup {
  /** Index of the study province. */
  study: number;
  /** Distribution of home provinces (sums to 1). */
  homes: Float64Array;
  /** Share of master's graduates (the master x ln income term). */
  masterShare: number;
}

/**
 * Expected destination shares of a group's employed graduates under the model, exactly:
 * share_j = sum_h Pr(home = h) sum_m Pr(m) Pr(j | h, m) over the home provinces and the two degree
 * classes (master's, other). Lets the calibration (and a test) work without simulation noise.
 */
export function expectedProvinceShares(table: ProvinceTable, year: ProvinceYearColumns, b: DestinationCoefficients, group: ChoiceGroup): Float64Array {
  const p = table.codes.length;
  const out = new Float64Array(p);
  for (const master of [false, true]) {
    const m = master ? group.masterShare : 1 - group.masterShare;
    if (m === 0) continue;
    const base = alternativeUtility(year, b, master);
    for (let h = 0; h < p; h++) {
      if (group.homes[h] === 0) continue;
      const pr = destinationProbabilities(table, base, b, h, group.study);
      for (let j = 0; j < p; j++) out[j] += group.homes[h] * m * pr[j];
    }
  }
  return out;
}
