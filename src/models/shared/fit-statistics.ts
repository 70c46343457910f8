import { logFactorial } from '../../numeric/special.ts';

/**
 * Goodness-of-fit measures shared by the spatial-interaction models, with the definitions that
 * reproduce PySAL spint's values (checked against R in the Austria data README):
 *   SRMSE = sqrt(mean((y - yhat)^2)) / mean(y)
 *   SSI   = mean(2 min(y, yhat) / (y + yhat))   (rows with y = yhat = 0 count as 1)
 *   CPC   = 2 sum(min(y, yhat)) / (sum(y) + sum(yhat))   (Lenormand et al. 2012)
 * and the Poisson deviance / log-likelihood of R's poisson() family.
 */
export interface FlowFitMeasures {
  /** sum(y log(yhat) - yhat) */
  readonly kernelLogLikelihood: number;
  /** sum(dpois(y, yhat, log = TRUE)) */
  readonly logLikelihood: number;
  /** 2 sum(y log(y / yhat) - (y - yhat)) */
  readonly deviance: number;
  readonly srmse: number;
  readonly ssi: number;
  readonly cpc: number;
  /** sum(y log y) and sum(log y!), for deriving other models' statistics on the same y. */
  readonly sumYLogY: number;
  readonly sumLogFactorial: number;
}

/**
 * `padded`: how many of the cells are not observations but padding of a dense grid, with
 * y = yhat = 0 (their terms vanish but for SSI's 1 each): they are left out of n and SSI, so a
 * fit on a padded grid needs no copy of its observed cells.
 */
export function flowFitMeasures(y: ArrayLike<number>, yhat: ArrayLike<number>, padded = 0): FlowFitMeasures {
  const cells = y.length;
  const n = cells - padded;
  let kernel = 0;
  let logFact = 0;
  let dev = 0;
  let sq = 0;
  let sumY = 0;
  let sumHat = 0;
  let sumMin = 0;
  let ssi = 0;
  let yLogY = 0;
  for (let r = 0; r < cells; r++) {
    const a = y[r];
    const b = yhat[r];
    if (a === 0 && b >= 0) {
      // Most cells of a large flow table: no logarithm, minimum or division (min(0, b) = 0).
      kernel -= b;
      dev += b;
      sq += b * b;
      sumHat += b;
      if (b === 0) ssi += 1;
      continue;
    }
    // Logarithms only where y > 0 (their terms vanish at y = 0).
    if (a > 0) {
      const logB = Math.log(b);
      const aLogA = a * Math.log(a);
      kernel += a * logB;
      logFact += logFactorial(a);
      yLogY += aLogA;
      dev += aLogA - a * logB;
    }
    kernel -= b;
    dev -= a - b;
    sq += (a - b) * (a - b);
    sumY += a;
    sumHat += b;
    const m = Math.min(a, b);
    sumMin += m;
    ssi += a + b > 0 ? (2 * m) / (a + b) : 1;
  }
  return {
    kernelLogLikelihood: kernel,
    logLikelihood: kernel - logFact,
    deviance: 2 * dev,
    srmse: Math.sqrt(sq / n) / (sumY / n),
    ssi: (ssi - padded) / n,
    cpc: (2 * sumMin) / (sumY + sumHat),
    sumYLogY: yLogY,
    sumLogFactorial: logFact,
  };
}

/** Common part of commuters alone (for back-tests on predicted tables). */
export function commonPartOfCommuters(y: ArrayLike<number>, yhat: ArrayLike<number>): number {
  let sumMin = 0;
  let total = 0;
  for (let r = 0; r < y.length; r++) {
    sumMin += Math.min(y[r], yhat[r]);
    total += y[r] + yhat[r];
  }
  return (2 * sumMin) / total;
}

/** Standardised root mean square error alone. */
export function srmse(y: ArrayLike<number>, yhat: ArrayLike<number>): number {
  let sq = 0;
  let sumY = 0;
  for (let r = 0; r < y.length; r++) {
    sq += (y[r] - yhat[r]) ** 2;
    sumY += y[r];
  }
  return Math.sqrt(sq / y.length) / (sumY / y.length);
}
