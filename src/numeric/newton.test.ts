/**
 * maximiseNewton on functions with known maxima (a smooth concave function, a singular one, one
 * with an indefinite Hessian at the start) and the helpers the logit fitters use with it:
 * central-difference Hessians, the dependency finder, the sandwich product, compensated sums.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CompensatedSum } from './compensated-sum.ts';
import { dependsOn } from './linear-dependency.ts';
import { maximiseNewton, type NewtonProblem } from './newton.ts';
import { hessianFromGradient } from './numerical-hessian.ts';
import { outerProductSum, sandwichProduct } from './sandwich-product.ts';

// f(a, b) = a + 2b - exp(a) - exp(b) + 0.5 a b - 0.5 b^2... concave with a unique maximum.
const f = (t: Float64Array): number => 3 * t[0] + 2 * t[1] - Math.exp(t[0]) - Math.exp(t[1]) - 0.25 * (t[0] - t[1]) ** 2;
const grad = (t: Float64Array): Float64Array => Float64Array.from([3 - Math.exp(t[0]) - 0.5 * (t[0] - t[1]), 2 - Math.exp(t[1]) + 0.5 * (t[0] - t[1])]);
const hess = (t: Float64Array): Float64Array => Float64Array.from([-Math.exp(t[0]) - 0.5, 0.5, 0.5, -Math.exp(t[1]) - 0.5]);
const smooth: NewtonProblem = { value: f, evaluate: (t) => ({ value: f(t), gradient: grad(t), hessian: hess(t) }) };

test('converges to the maximum with a never-decreasing trace and a tiny decrement', () => {
  const out = maximiseNewton(smooth, [5, -5], { tolerance: 1e-20, maxIterations: 50 });
  assert.equal(out.stop, 'decrement');
  const g = grad(out.theta);
  assert.ok(Math.abs(g[0]) < 1e-10 && Math.abs(g[1]) < 1e-10, `gradient ${g}`);
  for (let i = 1; i < out.trace.length; i++) assert.ok(out.trace[i] >= out.trace[i - 1]);
  assert.equal(out.trace.length, out.iterations + 1);
  assert.ok(out.factor !== null && out.decrement < 1e-20);
});

test('stops at the iteration limit; reports a singular Hessian with its column; refuses a non-finite start', () => {
  assert.equal(maximiseNewton(smooth, [5, -5], { tolerance: 1e-20, maxIterations: 1 }).stop, 'max-iterations');
  const flat: NewtonProblem = {
    value: (t) => -((t[0] + t[1] - 1) ** 2),
    evaluate: (t) => ({ value: -((t[0] + t[1] - 1) ** 2), gradient: Float64Array.from([-2 * (t[0] + t[1] - 1), -2 * (t[0] + t[1] - 1)]), hessian: Float64Array.from([-2, -2, -2, -2]) }),
  };
  const out = maximiseNewton(flat, [0, 0], { tolerance: 1e-12, maxIterations: 10 });
  assert.equal(out.stop, 'singular');
  assert.equal(out.singularColumn, 1);
  const broken: NewtonProblem = { value: () => NaN, evaluate: () => ({ value: NaN, gradient: new Float64Array(1), hessian: new Float64Array(1) }) };
  assert.equal(maximiseNewton(broken, [0], { tolerance: 1e-12, maxIterations: 10 }).stop, 'non-finite');
});

test('with regularise an indefinite Hessian is damped into an ascent step and the maximum is still found', () => {
  // f(x) = -x^4 / 4 + x^2 / 2: a minimum at 0, maxima at +-1; at x = 0.1 the Hessian is positive.
  const q: NewtonProblem = {
    value: (t) => -(t[0] ** 4) / 4 + t[0] ** 2 / 2,
    evaluate: (t) => ({ value: -(t[0] ** 4) / 4 + t[0] ** 2 / 2, gradient: Float64Array.from([-(t[0] ** 3) + t[0]]), hessian: Float64Array.from([-3 * t[0] ** 2 + 1]) }),
  };
  assert.equal(maximiseNewton(q, [0.1], { tolerance: 1e-20, maxIterations: 50 }).stop, 'singular');
  const out = maximiseNewton(q, [0.1], { tolerance: 1e-20, maxIterations: 100, regularise: true });
  assert.equal(out.stop, 'decrement');
  assert.ok(Math.abs(out.theta[0] - 1) < 1e-10, `${out.theta[0]}`);
});

test('central-difference Hessian of an analytic gradient matches the analytic Hessian to 1e-8', () => {
  const at = Float64Array.from([0.3, -0.7]);
  const numeric = hessianFromGradient(grad, at);
  const exact = hess(at);
  for (let i = 0; i < 4; i++) assert.ok(Math.abs(numeric[i] - exact[i]) < 1e-8 * Math.abs(exact[0]), `${i}: ${numeric[i]} vs ${exact[i]}`);
  assert.equal(numeric[1], numeric[2], 'symmetrised');
});

test('dependsOn names the earlier columns a column is a combination of; sandwich and outer products; compensated sums', () => {
  // Columns x0, x1, x2 = 2 x0 - x1, x3 independent, as a Gram matrix of 4 observations.
  const X = [[1, 0, 2, 1], [0, 1, -1, 0], [1, 1, 1, 0], [2, 0, 4, 1]];
  const G = new Float64Array(16);
  for (const row of X) for (let a = 0; a < 4; a++) for (let b = 0; b < 4; b++) G[a * 4 + b] += row[a] * row[b];
  assert.deepEqual(dependsOn(G, 4, 2), [0, 1]);
  const B = Float64Array.from([2, 1, 1, 3]);
  const M = Float64Array.from([1, 0.5, 0.5, 2]);
  const S = sandwichProduct(B, M, 2);
  // B M B by hand.
  assert.deepEqual(Array.from(S), [8, 11.5, 11.5, 22]);
  assert.deepEqual(Array.from(outerProductSum(Float64Array.from([1, 2, 3, 4]), 2)), [10, 14, 14, 20]);
  const sum = new CompensatedSum();
  for (const x of [1e16, 1, -1e16, 1]) sum.add(x);
  assert.equal(sum.value(), 2);
});
