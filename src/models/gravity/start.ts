import { cholesky, choleskySolve } from '../../numeric/cholesky.ts';
import { demean } from '../../numeric/demean.ts';
import { isGridPair } from '../../numeric/factor.ts';
import { collinearityError } from './diagnostics.ts';
import { gram, weightedDot } from './kernels.ts';
import type { PpmlOptions, PpmlProblem, PpmlSolution } from './ppml.ts';

/**
 * Start of R's glm.fit: mu = y + 0.1, one weighted least-squares step on the working response
 * (fixed effects partialled out). Also the first check for collinear terms.
 */
export function wlsStart(p: PpmlProblem, demeaned: Float64Array[], projection: Float64Array[][], z: Float64Array): { beta: Float64Array; sweeps: number } {
  const { y, columns, offset, factors } = p;
  const n = y.length;
  const w = new Float64Array(n);
  workingStart(y, offset, w, z);
  for (const r of p.padding ?? []) w[r] = 0;
  const rawSS = columns.map((c) => weightedDot(c, c, w));
  let sweeps = demean([z], w, factors, { tolerance: 1e-3 }).sweeps;
  sweeps += demean(demeaned, w, factors, { tolerance: 1e-3, coefficients: projection }).sweeps;
  confirmNotAbsorbed(p, demeaned, w, rawSS);
  const g = gram(demeaned, w);
  const f = cholesky(g, columns.length, 1e-10);
  if (!f.ok) throw collinearityError(p.names, factors.map((x) => x.name), rawSS, demeaned.map((c) => weightedDot(c, c, w)), g, f.column);
  return { beta: choleskySolve(f.factor, demeaned.map((c) => weightedDot(c, z, w))), sweeps };
}

/** glm.fit's start: weights w = y + 0.1 and working response z = log w + (y - w) / w - offset (a row loop of its own: see kernels.ts). */
function workingStart(y: Float64Array, offset: Float64Array | null, w: Float64Array, z: Float64Array): void {
  for (let r = 0; r < y.length; r++) {
    const wr = y[r] + 0.1;
    w[r] = wr;
    z[r] = Math.log(wr) + (y[r] - wr) / wr - (offset ? offset[r] : 0);
  }
}

/**
 * A term that does not vary within the fixed effects keeps only the noise of the loose demeaning
 * (relative ~1e-3), which the Cholesky pivot test can take for a real column. Columns left with
 * under 1e-6 of their sum of squares are demeaned again tightly; if nothing is left, the term is
 * absorbed and the fit refuses it (as R's glm gives NA and fixest removes it as collinear).
 */
function confirmNotAbsorbed(p: PpmlProblem, demeaned: Float64Array[], w: Float64Array, rawSS: number[]): void {
  if (p.factors.length === 0) return;
  demeaned.forEach((c, j) => {
    if (weightedDot(c, c, w) >= 1e-6 * rawSS[j]) return;
    const tight = Float64Array.from(p.columns[j]);
    demean([tight], w, p.factors, { tolerance: 1e-13 });
    const left = weightedDot(tight, tight, w);
    if (left <= 1e-18 * rawSS[j]) {
      const ss = demeaned.map((x, i) => (i === j ? 0 : weightedDot(x, x, w)));
      throw collinearityError(p.names, p.factors.map((x) => x.name), rawSS, ss, gram(demeaned, w), j);
    }
  });
}

/**
 * For a large dense grid (over a million cells), start from the fit on a regular sub-grid of
 * about 250,000 cells (every s-th origin and destination): its estimates are within a few of
 * their standard errors of the full ones, which saves the full start and one or two Newton
 * iterations. The full fit does not depend on the start. Null when it does not apply.
 */
export function subsampleStart(p: PpmlProblem, fit: (p: PpmlProblem, o: PpmlOptions) => PpmlSolution): Float64Array | null {
  const { y, columns, offset, factors } = p;
  if (!isGridPair(factors) || y.length < 1_000_000) return null;
  const { rows, cols } = factors[0].grid!;
  const stride = Math.ceil(Math.sqrt(y.length / 250_000));
  // every stride-th origin and destination, keeping those with some flow in the sub-grid (a
  // zero row contributes nothing to the column totals, so both can be filtered at once)
  const rowTotals = new Float64Array(rows);
  const colTotals = new Float64Array(cols);
  for (let i = 0; i < rows; i += stride) {
    for (let j = 0; j < cols; j += stride) {
      rowTotals[i] += y[i * cols + j];
      colTotals[j] += y[i * cols + j];
    }
  }
  const keptRows: number[] = [];
  const keptCols: number[] = [];
  for (let i = 0; i < rows; i += stride) if (rowTotals[i] > 0) keptRows.push(i);
  for (let j = 0; j < cols; j += stride) if (colTotals[j] > 0) keptCols.push(j);
  const subRows = keptRows.length;
  const subCols = keptCols.length;
  if (subRows < 10 || subCols < 10) return null;
  const cells = subRows * subCols;
  const padded = new Uint8Array(y.length);
  for (const r of p.padding ?? []) padded[r] = 1;
  const pick = (src: Float64Array): Float64Array => {
    const out = new Float64Array(cells);
    for (let a = 0, q = 0; a < subRows; a++) for (let b = 0; b < subCols; b++, q++) out[q] = src[keptRows[a] * cols + keptCols[b]];
    return out;
  };
  const subPadding: number[] = [];
  for (let a = 0, q = 0; a < subRows; a++) for (let b = 0; b < subCols; b++, q++) if (padded[keptRows[a] * cols + keptCols[b]]) subPadding.push(q);
  const subY = pick(y);
  const oi = new Uint32Array(cells);
  const di = new Uint32Array(cells);
  for (let q = 0; q < cells; q++) {
    oi[q] = Math.floor(q / subCols);
    di[q] = q % subCols;
  }
  const grid = (axis: 0 | 1) => ({ axis, rows: subRows, cols: subCols });
  try {
    const sub = fit(
      {
        y: subY, columns: columns.map(pick), names: p.names, offset: offset ? pick(offset) : null,
        factors: [
          { name: factors[0].name, index: oi, levels: subRows, grid: grid(0) },
          { name: factors[1].name, index: di, levels: subCols, grid: grid(1) },
        ],
        padding: Uint32Array.from(subPadding),
      },
      { tolerance: 1e-6, maxIterations: 20 },
    );
    return sub.beta;
  } catch {
    return null; // e.g. a term that happens to be collinear on the sub-grid: use the full start
  }
}
