/**
 * Iterative proportional fitting with the exact semantics of mipfp::Ipfp (Barthelemy & Suesse
 * 2018, "mipfp: An R Package for Multidimensional Array Fitting and Simulating", Journal of
 * Statistical Software 86(2); CRAN 3.2.1), which migest's ffs_demo() and its helpers call for
 * every fitting step. Reproducing its stopping rule matters: migest stops at tol = 1e-3, well
 * before convergence, so its published outputs depend on where the loop stops.
 *
 * Per iteration, for each margin in the order given: s = the margin of the current array (R's
 * apply(x, margin, sum)); f = 0 where target == 0 or s == 0, else target / s; every cell is
 * multiplied by the f of its margin cell (R's sweep). Stop after the first iteration whose
 * largest absolute cell change is below `tolerance`. Before iterating, if the sums of two
 * consecutive targets differ by more than `marginTolerance`, mipfp divides seed and targets by
 * their sums and fits proportions instead; that is reported in `proportions`.
 */
import { ConvergenceError, InputError } from '../../../core/errors.ts';
import { CompensatedSums, compensatedSum } from './compensated-sum.ts';
import { offsets, rowMajorStrides, toRowMajor, type DenseArray } from './dense-array.ts';

/** One target margin: the dimensions it keeps (0-based, mipfp's target.list minus one) and its values. */
export interface IpfpMargin {
  readonly over: readonly number[];
  /** Shape: the seed's dims at `over`, in that order. */
  readonly target: DenseArray;
}

/** mipfp::Ipfp's `tol`, `iter` and `tol.margins`; every ffs call site states them, as migest does. */
export interface IpfpOptions {
  /** Stop when the largest absolute cell change in an iteration is below this (mipfp `tol`). */
  readonly tolerance: number;
  /** Iterations before giving up with converged = false (mipfp `iter`). */
  readonly maxIterations: number;
  /** Largest difference between the sums of consecutive targets before fitting proportions (mipfp `tol.margins`). */
  readonly marginTolerance: number;
}

export interface IpfpOutcome {
  /** The fitted array, row-major over the seed's dims (mipfp `x.hat`). */
  readonly fit: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
  /** Largest absolute cell change in the last iteration (mipfp `stp.crit`). */
  readonly stoppingCriterion: number;
  /** Per margin, the largest |target - fitted margin| (mipfp `error.margins`). */
  readonly marginErrors: number[];
  /** True when the targets were inconsistent and proportions were fitted instead of counts. */
  readonly proportions: boolean;
}

interface PreparedMargin {
  /** Margin cell of each row-major seed cell. */
  readonly map: Int32Array;
  readonly target: Float64Array;
  readonly sums: CompensatedSums;
  readonly factor: Float64Array;
}

export function ipfp(seed: DenseArray, margins: readonly IpfpMargin[], options: IpfpOptions): IpfpOutcome {
  const { tolerance, maxIterations, marginTolerance } = options;
  if (!(tolerance > 0) || !(maxIterations >= 1)) throw new InputError(`IPF tolerance ${tolerance} and iterations ${maxIterations} must be > 0`);
  const x = toRowMajor(seed);
  checkCells(x, 'seed');
  const prepared = margins.map((m, k) => prepare(seed.dims, m, k));

  const proportions = firstInconsistentTarget(prepared.map((m) => m.target), marginTolerance) > 0;
  if (proportions) {
    divide(x, compensatedSum(x));
    for (const m of prepared) divide(m.target, compensatedSum(m.target));
  }

  const previous = new Float64Array(x.length);
  let iterations = 0;
  let converged = false;
  let stoppingCriterion = Infinity;
  while (iterations < maxIterations) {
    iterations++;
    previous.set(x);
    for (const m of prepared) fitMargin(x, m);
    stoppingCriterion = 0;
    for (let c = 0; c < x.length; c++) {
      const change = Math.abs(x[c] - previous[c]);
      if (!Number.isFinite(change)) throw new ConvergenceError(`IPF cell ${c} became ${x[c]} in iteration ${iterations} (overflow or underflow of the margins)`, iterations);
      if (change > stoppingCriterion) stoppingCriterion = change;
    }
    if (stoppingCriterion < tolerance) {
      converged = true;
      break;
    }
  }
  const marginErrors = prepared.map((m) => {
    accumulate(x, m);
    let err = 0;
    for (let l = 0; l < m.target.length; l++) err = Math.max(err, Math.abs(m.target[l] - m.sums.value(l)));
    return err;
  });
  return { fit: x, iterations, converged, stoppingCriterion, marginErrors, proportions };
}

/**
 * mipfp's consistency check: the index k of the first target whose sum differs from that of
 * target k - 1 by more than `marginTolerance` (sums compensated like R's sum()), or -1.
 */
export function firstInconsistentTarget(targets: readonly ArrayLike<number>[], marginTolerance: number): number {
  for (let k = 1; k < targets.length; k++) {
    if (Math.abs(compensatedSum(targets[k - 1]) - compensatedSum(targets[k])) > marginTolerance) return k;
  }
  return -1;
}

function prepare(dims: readonly number[], margin: IpfpMargin, k: number): PreparedMargin {
  const shape = margin.over.map((d) => dims[d]);
  const t = margin.target;
  if (t.dims.length !== shape.length || t.dims.some((d, i) => d !== shape[i])) {
    throw new InputError(`IPF target ${k + 1} has shape ${t.dims.join(' x ')}, the seed's margin over dimensions ${margin.over.join(',')} is ${shape.join(' x ')}`);
  }
  const target = toRowMajor(t);
  checkCells(target, `target ${k + 1}`);
  const marginStrides = rowMajorStrides(shape);
  const strides = dims.map((_, d) => {
    const at = margin.over.indexOf(d);
    return at < 0 ? 0 : marginStrides[at];
  });
  return { map: offsets(dims, strides), target, sums: new CompensatedSums(target.length), factor: new Float64Array(target.length) };
}

/** One margin step: mipfp's apply(), ifelse() and sweep(). */
function fitMargin(x: Float64Array, m: PreparedMargin): void {
  accumulate(x, m);
  for (let l = 0; l < m.target.length; l++) {
    const s = m.sums.value(l);
    m.factor[l] = m.target[l] === 0 || s === 0 ? 0 : m.target[l] / s;
  }
  for (let c = 0; c < x.length; c++) x[c] *= m.factor[m.map[c]];
}

function accumulate(x: Float64Array, m: PreparedMargin): void {
  m.sums.reset();
  for (let c = 0; c < x.length; c++) m.sums.add(m.map[c], x[c]);
}

/** mipfp stops on NA and on negative seed or target cells; so does this, naming the cell. */
function checkCells(v: Float64Array, what: string): void {
  for (let c = 0; c < v.length; c++) {
    if (!(v[c] >= 0) || !Number.isFinite(v[c])) throw new InputError(`IPF ${what} cell ${c} is ${v[c]}; cells must be finite and >= 0`);
  }
}

/** R's v / sum(v) (a division per cell, not a multiplication by the reciprocal: the last bit differs). */
function divide(v: Float64Array, by: number): void {
  for (let c = 0; c < v.length; c++) v[c] /= by;
}
