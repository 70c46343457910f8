import { checkedChoices } from './check.ts';
import { modelProbabilities } from './probabilities.ts';
import type { ChoiceData, LogitResult } from './types.ts';

export interface HoldoutFit {
  /** sum over persons of log P(chosen) under the fitted coefficients. */
  readonly logLikelihood: number;
  /** Equal shares among each case's available alternatives. */
  readonly nullLogLikelihood: number;
  /** 1 - LL / LL0 on these data. */
  readonly rhoSquared: number;
  /** Share of persons whose chosen alternative has the highest predicted probability (ties shared). */
  readonly hitRate: number;
  /** Hit rate of always predicting the most probable alternative by chance: mean of 1 / J. */
  readonly chanceHitRate: number;
  readonly nCases: number;
  readonly nPersons: number;
}

/**
 * Out-of-sample validation of a fitted model on held-out choices (e.g. the next cohort): their
 * log-likelihood and rho-squared under the estimated coefficients, and the hit rate (Ben-Akiva &
 * Lerman 1985, sec. 7.6). Nothing is re-estimated.
 */
export function holdoutFit(result: LogitResult, data: ChoiceData): HoldoutFit {
  const m = modelProbabilities(result, data);
  const { layout, probability } = m;
  const y = checkedChoices(data, layout);
  let ll = 0;
  let ll0 = 0;
  let hits = 0;
  let chance = 0;
  let persons = 0;
  for (let c = 0; c < layout.nCases; c++) {
    const s = layout.start[c];
    const e = layout.end[c];
    const w = data.caseWeight ? data.caseWeight[c] : 1;
    let best = -Infinity;
    let ties = 0;
    for (let r = s; r < e; r++) {
      if (probability[r] > best) {
        best = probability[r];
        ties = 1;
      } else if (probability[r] === best) ties++;
    }
    for (let r = s; r < e; r++) {
      if (y[r] === 0) continue;
      const n = w * y[r];
      // log of 0 only if the utility gap overflows double precision; count it as the floor.
      ll += n * Math.log(Math.max(probability[r], Number.MIN_VALUE));
      ll0 -= n * Math.log(e - s);
      if (probability[r] === best) hits += n / ties;
      chance += n / (e - s);
      persons += n;
    }
  }
  return {
    logLikelihood: ll,
    nullLogLikelihood: ll0,
    rhoSquared: ll0 < 0 ? 1 - ll / ll0 : 0,
    hitRate: hits / persons,
    chanceHitRate: chance / persons,
    nCases: layout.nCases,
    nPersons: persons,
  };
}
