import { choiceProbabilities, type ChoiceData } from './choice.ts';

/**
 * Calibrates the study-province bonus so that the expected share of employed graduates working
 * in the study province equals `target`. Fixed point on the log-odds (the odds form of the
 * constant adjustment in Train 2009, section 2.8): b <- b + logit(target) - logit(share(b)).
 * For a single home region one step is exact (the share is logistic in b); over a mixture of
 * homes the share is monotone in b and the iteration converges in a few steps. The share is
 * computed exactly over the home distribution, not by simulation.
 */
export interface CalibrationResult {
  stayBonus: number;
  expectedShare: number;
  iterations: number;
  converged: boolean;
}

export function expectedStayShare(data: ChoiceData, homes: Float64Array, study: number, stayBonus: number): number {
  const studyProvince = data.provinces[study];
  let share = 0;
  for (let h = 0; h < homes.length; h++) {
    if (homes[h] === 0) continue;
    const p = choiceProbabilities(data, h, studyProvince, stayBonus);
    let stay = 0;
    for (let j = 0; j < p.length; j++) if (data.provinces[j] === studyProvince) stay += p[j];
    share += homes[h] * stay;
  }
  return share;
}

export function calibrateStayBonus(data: ChoiceData, homes: Float64Array, study: number, target: number, tolerance = 1e-9, maxIterations = 100): CalibrationResult {
  const logit = (p: number) => Math.log(p / (1 - p));
  let b = 0;
  let share = expectedStayShare(data, homes, study, b);
  let iterations = 0;
  while (Math.abs(share - target) > tolerance && iterations < maxIterations) {
    // Clamp so a share of exactly 0 or 1 (all regions in one province) cannot give Infinity.
    const s = Math.min(Math.max(share, 1e-12), 1 - 1e-12);
    b += logit(target) - logit(s);
    share = expectedStayShare(data, homes, study, b);
    iterations++;
  }
  return { stayBonus: b, expectedShare: share, iterations, converged: Math.abs(share - target) <= tolerance };
}
