/**
 * Special functions for likelihoods and p-values: log-gamma (Lanczos, g = 7, n = 9; relative
 * error ~1e-15), erfc (power series below 2.5, Lentz continued fraction above; ~1e-15) and the
 * standard normal distribution. Written here because they are a few lines each and the pure
 * folders take no dependencies.
 */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const LOG_SQRT_2PI = 0.9189385332046728;

/** log(Gamma(x)) for x > 0 (R: lgamma(x)). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return LOG_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

const LOG_FACTORIAL_TABLE: number[] = (() => {
  const t = [0];
  for (let i = 1; i <= 255; i++) t.push(t[i - 1] + Math.log(i));
  return t;
})();

/** Integers past the table whose log-factorials are remembered once computed (8 MiB at most). */
const LOG_FACTORIAL_MEMO_LIMIT = 1 << 20;
let logFactorialMemo = new Float64Array(0);

/**
 * log(y!) = lgamma(y + 1), exact summation for small integers (the usual case for counts). Larger
 * integer counts are remembered once computed: a fit's statistics take it for every positive flow
 * of a table (4.5 million at 3,000 regions), each a Lanczos sum, for a few thousand distinct counts.
 */
export function logFactorial(y: number): number {
  if (!Number.isInteger(y) || y < 0) return logGamma(y + 1);
  if (y <= 255) return LOG_FACTORIAL_TABLE[y];
  if (y >= LOG_FACTORIAL_MEMO_LIMIT) return logGamma(y + 1);
  if (y >= logFactorialMemo.length) {
    const grown = new Float64Array(Math.min(LOG_FACTORIAL_MEMO_LIMIT, Math.max(1024, 2 ** Math.ceil(Math.log2(y + 1))))).fill(NaN);
    grown.set(logFactorialMemo);
    logFactorialMemo = grown;
  }
  const known = logFactorialMemo[y];
  if (known === known) return known;
  return (logFactorialMemo[y] = logGamma(y + 1));
}

/** Complementary error function (R: 2 * pnorm(-x * sqrt(2))). */
export function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  if (x < 2.5) {
    // erf(x) = 2/sqrt(pi) exp(-x^2) sum 2^n x^(2n+1) / (1*3*...*(2n+1)): positive terms, no cancellation
    let term = x;
    let sum = x;
    for (let n = 1; n < 200; n++) {
      term *= (2 * x * x) / (2 * n + 1);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum;
  }
  // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), modified Lentz
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = x + a * d;
    d = Math.abs(d) < tiny ? tiny : d;
    c = x + a / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

/** Standard normal CDF (R: pnorm(x)). */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/** Two-sided p-value of a z statistic (R: 2 * pnorm(-abs(z))). */
export function twoSidedP(z: number): number {
  if (!Number.isFinite(z)) return Number.isNaN(z) ? NaN : 0;
  return erfc(Math.abs(z) / Math.SQRT2);
}

/** Standard normal quantile (R: qnorm(p)) by Newton iterations on normalCdf. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    return NaN;
  }
  let x = 0;
  for (let i = 0; i < 100; i++) {
    const pdf = Math.exp(-0.5 * x * x - LOG_SQRT_2PI);
    const step = (normalCdf(x) - p) / Math.max(pdf, 1e-300);
    x -= Math.max(-2, Math.min(2, step));
    if (Math.abs(step) < 1e-15 * Math.max(1, Math.abs(x))) break;
  }
  return x;
}
