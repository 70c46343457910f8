/**
 * mipfp::Ipfp semantics (ipfp.ts), rescale_integer_sum and R's round(): hand examples with their
 * R results, and the invariants of IPF (seeded random problems, src/numeric/random).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConvergenceError, InputError } from '../../../core/errors.ts';
import { createRng } from '../../../numeric/random/index.ts';
import { rowMajor, transposedView } from './dense-array.ts';
import { ipfp, type IpfpOptions } from './ipfp.ts';
import { rescaleIntegerSum, roundHalfEven } from './rescale-integer-sum.ts';
import { colSums, rowSums } from './square-matrix.ts';

const MIGEST: IpfpOptions = { tolerance: 1e-3, maxIterations: 1e5, marginTolerance: 1e-3 };

// The R results below were printed (digits = 17) by mipfp 3.2.1's R/ipfp_multi_dim.R, sourced into R 4.2.2.
const MIPFP_ARGS = 'tol = 1e-3, iter = 1e5, tol.margins = 1e-3';

test(`mipfp::Ipfp(matrix(1, 2, 2), list(1, 2), list(c(3, 7), c(4, 6)), ${MIPFP_ARGS}): the same doubles, 2 iterations (evol.stp.crit 3.2, 0)`, () => {
  const out = ipfp(rowMajor([2, 2], Float64Array.from([1, 1, 1, 1])), [
    { over: [0], target: rowMajor([2], Float64Array.from([3, 7])) },
    { over: [1], target: rowMajor([2], Float64Array.from([4, 6])) },
  ], MIGEST);
  assert.deepEqual(Array.from(out.fit), [1.2000000000000002, 1.7999999999999998, 2.8000000000000003, 4.2]);
  assert.equal(out.iterations, 2);
  assert.ok(out.converged && !out.proportions);
  assert.deepEqual(out.marginErrors, [0, 0]);
});

test(`zero targets and zero margins give factor 0, never NaN: Ipfp(matrix(c(0, 1, 0, 1), 2), list(1), list(c(5, 0)), ${MIPFP_ARGS}) = 0, error.margins 5`, () => {
  const out = ipfp(rowMajor([2, 2], Float64Array.from([0, 0, 1, 1])), [{ over: [0], target: rowMajor([2], Float64Array.from([5, 0])) }], MIGEST);
  assert.deepEqual(Array.from(out.fit), [0, 0, 0, 0]);
  assert.equal(out.marginErrors[0], 5);
});

test(`targets whose sums differ by more than tol.margins make mipfp fit proportions, and the outcome says so: Ipfp(matrix(1, 2, 2), list(1, 2), list(c(3, 7), c(4, 7)), ${MIPFP_ARGS}), the same doubles`, () => {
  const out = ipfp(rowMajor([2, 2], Float64Array.from([1, 1, 1, 1])), [
    { over: [0], target: rowMajor([2], Float64Array.from([3, 7])) },
    { over: [1], target: rowMajor([2], Float64Array.from([4, 7])) },
  ], MIGEST);
  assert.ok(out.proportions);
  assert.deepEqual(Array.from(out.fit), [0.10909090909090911, 0.19090909090909089, 0.25454545454545457, 0.44545454545454544]);
});

test('negative or NaN seed and target cells are refused, as mipfp stops on them', () => {
  const t = { over: [0], target: rowMajor([2], Float64Array.from([1, 1])) };
  assert.throws(() => ipfp(rowMajor([2, 2], Float64Array.from([1, -1, 1, 1])), [t], MIGEST), InputError);
  assert.throws(() => ipfp(rowMajor([2, 2], Float64Array.from([1, NaN, 1, 1])), [t], MIGEST), InputError);
  assert.throws(() => ipfp(rowMajor([2, 2], Float64Array.from([1, 1, 1, 1])), [{ over: [0], target: rowMajor([2], Float64Array.from([1, -2])) }], MIGEST), InputError);
  assert.throws(() => ipfp(rowMajor([2, 2], Float64Array.from([1, 1, 1, 1])), [{ over: [0], target: rowMajor([3], new Float64Array(3)) }], MIGEST), /shape/);
});

/** A random r x c table with some zero cells and consistent row and column targets from another random table. */
function problem(seed: number, r: number, c: number) {
  const rng = createRng(seed);
  const x = Float64Array.from({ length: r * c }, () => (rng.uniform() < 0.15 ? 0 : 1 + 99 * rng.uniform()));
  const truth = Float64Array.from(x, (v) => (v === 0 ? 0 : v * Math.exp(2 * rng.uniform() - 1)));
  const rows = Float64Array.from({ length: r }, (_, i) => truth.slice(i * c, (i + 1) * c).reduce((s, v) => s + v, 0));
  const cols = Float64Array.from({ length: c }, (_, j) => Array.from({ length: r }, (_, i) => truth[i * c + j]).reduce((s, v) => s + v, 0));
  return { seed: rowMajor([r, c], x), margins: [{ over: [0], target: rowMajor([r], rows) }, { over: [1], target: rowMajor([c], cols) }] };
}

test('property: the L1 error of the row margin never grows from one iteration to the next (Pukelsheim & Simeone 2009, L1-error analysis of IPF); 20 seeded 5 x 7 problems', () => {
  for (let s = 1; s <= 20; s++) {
    const { seed, margins } = problem(s, 5, 7);
    let previous = Infinity;
    for (let k = 1; k <= 25; k++) {
      const out = ipfp(seed, margins, { tolerance: 1e-300, maxIterations: k, marginTolerance: 1e-3 });
      const got = Array.from({ length: 5 }, (_, i) => out.fit.slice(i * 7, (i + 1) * 7).reduce((a, v) => a + v, 0));
      const l1 = got.reduce((a, v, i) => a + Math.abs(v - margins[0].target.data[i]), 0);
      assert.ok(l1 <= previous * (1 + 1e-12) + 1e-12, `seed ${s}, iteration ${k}: L1 ${l1} > ${previous}`);
      previous = l1;
      assert.equal(out.iterations, k);
    }
  }
});

test('property: at convergence every margin is met to the stopping tolerance and no cell is negative; fitted zeros stay zero', () => {
  for (let s = 1; s <= 10; s++) {
    const { seed, margins } = problem(100 + s, 6, 6);
    const out = ipfp(seed, margins, { tolerance: 1e-10, maxIterations: 1e5, marginTolerance: 1e-3 });
    assert.ok(out.converged);
    const r = rowSums(out.fit, 6);
    const c = colSums(out.fit, 6);
    for (let i = 0; i < 6; i++) {
      assert.ok(Math.abs(r[i] - margins[0].target.data[i]) < 1e-7, `row ${i}`);
      assert.ok(Math.abs(c[i] - margins[1].target.data[i]) < 1e-9, `col ${i}`);
    }
    out.fit.forEach((v, k) => {
      assert.ok(v >= 0);
      if (seed.data[k] === 0) assert.equal(v, 0);
    });
  }
});

test('strided views: fitting t(m) to its margins through a transposed view equals fitting the transposed copy', () => {
  const m = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  const copy = Float64Array.from([1, 4, 7, 2, 5, 8, 3, 6, 9]);
  const margins = [{ over: [0], target: rowMajor([3], Float64Array.from([10, 20, 30])) }, { over: [1], target: rowMajor([3], Float64Array.from([15, 15, 30])) }];
  assert.deepEqual(ipfp(transposedView(m, 3), margins, MIGEST).fit, ipfp(rowMajor([3, 3], copy), margins, MIGEST).fit);
});

test("R round(): halves go to the even neighbour (round(0.5) = 0, round(1.5) = 2, round(2.5) = 2, round(-2.5) = -2)", () => {
  assert.deepEqual([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4999, 2.5001].map(roundHalfEven), [0, 2, 2, -0, -2, -2, 2, 3]);
});

test('rescale_integer_sum: round(x * tot / sum(x)) with the residual on the largest |x|; the sum is tot exactly', () => {
  // R: round(c(10, 20, 30) * 61 / 60) = c(10, 20, 30) (10.17, 20.33, 30.5 -> 30), residual 1 -> element 3.
  assert.deepEqual(Array.from(rescaleIntegerSum([10, 20, 30], 61)), [10, 20, 31]);
  assert.deepEqual(Array.from(rescaleIntegerSum([10, 20, 30], 59.5)), [10, 20, 29.5]);
  const rng = createRng(5);
  for (let k = 0; k < 50; k++) {
    const x = Array.from({ length: 31 }, () => Math.round(1e6 * rng.uniform()));
    const total = x.reduce((s, v) => s + v, 0) + Math.round(2e5 * (rng.uniform() - 0.5));
    const y = rescaleIntegerSum(x, total);
    assert.equal(y.reduce((s, v) => s + v, 0), total);
  }
});

test('a cell that overflows is a ConvergenceError naming the cell and iteration, not a NaN result', () => {
  const out = () => ipfp(rowMajor([2], Float64Array.from([1e-320, 1])), [{ over: [0], target: rowMajor([2], Float64Array.from([1e300, 1])) }], MIGEST);
  assert.throws(out, (e: unknown) => e instanceof ConvergenceError && /cell 0 became Infinity in iteration 1/.test(e.message));
});
