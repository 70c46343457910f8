import { coded, withWarnings, type CodedMessage } from '../../core/messages/index.ts';
import { symmetricEigen } from '../../numeric/eigen/jacobi.ts';

/**
 * Weights from the first principal component of the indicators' correlation matrix (OECD/JRC,
 * "Handbook on Constructing Composite Indicators", 2008, section 6.1). The loadings are the
 * unit eigenvector of the largest eigenvalue (Jacobi, numeric/eigen), signed so they sum to a
 * positive number; weights are loadings / sum(loadings). A negative loading gives a negative
 * weight and a warning: after direction adjustment it means the indicator runs against the
 * common factor. The correlation of normalised columns is used, so with rank normalisation it
 * is Spearman's. A constant column has correlation 0 with the others.
 */
export interface PcaWeights {
  weights: number[];
  loadings: number[];
  eigenvalue: number;
  /** lambda_1 / p: share of the total standardised variance on the first component. */
  explainedVariance: number;
  warnings: string[];
  /** The warnings coded (core/messages), same order, for a front-end's language. */
  messages: { warnings: CodedMessage[] };
}

export function pcaWeights(z: Float64Array, n: number, p: number, names: readonly string[]): PcaWeights {
  const mean = new Float64Array(p);
  const sd = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    for (let i = 0; i < n; i++) mean[j] += z[i * p + j] / n;
    for (let i = 0; i < n; i++) sd[j] += (z[i * p + j] - mean[j]) ** 2;
    sd[j] = Math.sqrt(sd[j]);
  }
  const corr = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    corr[a * p + a] = 1;
    for (let b = a + 1; b < p; b++) {
      let s = 0;
      if (sd[a] > 0 && sd[b] > 0) {
        for (let i = 0; i < n; i++) s += (z[i * p + a] - mean[a]) * (z[i * p + b] - mean[b]);
        s /= sd[a] * sd[b];
      }
      corr[a * p + b] = corr[b * p + a] = s;
    }
  }
  const eig = symmetricEigen(corr, p);
  const loadings = eig.vectors[0];
  const sum = loadings.reduce((x, y) => x + y, 0);
  const warnings: CodedMessage[] = [];
  const negative = loadings.map((l, j) => (l < -1e-12 ? names[j] : null)).filter((x) => x !== null);
  if (negative.length) warnings.push(coded('rank.pcaNegativeLoading', { indicators: negative }));
  if (!eig.converged) warnings.push(coded('rank.pcaNotConverged', {}));
  return { weights: loadings.map((l) => l / sum), loadings, eigenvalue: eig.values[0], explainedVariance: eig.values[0] / p, ...withWarnings(warnings) };
}
