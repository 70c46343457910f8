import { test } from 'node:test';
import assert from 'node:assert/strict';
import { symmetricEigen } from './jacobi.ts';

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

test('3x3 second-difference matrix: hand-checked eigenpairs', () => {
  // A = [[2,-1,0],[-1,2,-1],[0,-1,2]]. By hand: eigenvalues 2 - 2cos(k pi/4), k = 1..3, i.e.
  // 2 + sqrt2, 2, 2 - sqrt2, with eigenvectors (1,-sqrt2,1)/2, (1,0,-1)/sqrt2, (1,sqrt2,1)/2.
  // Check the first: A (1,-r,1) = (2+r, -2r-2, 2+r) = (2+r)(1,-r,1) since r^2 = 2.
  const r = Math.SQRT2;
  const e = symmetricEigen([2, -1, 0, -1, 2, -1, 0, -1, 2], 3);
  assert.ok(e.converged);
  close(e.values[0], 2 + r);
  close(e.values[1], 2);
  close(e.values[2], 2 - r);
  // Sign convention: positive component sum; (1,0,-1) sums to 0, so its first entry is positive.
  [[0.5, -r / 2, 0.5], [1 / r, 0, -1 / r], [0.5, r / 2, 0.5]].forEach((want, k) => want.forEach((x, i) => close(e.vectors[k][i], x)));
});

test('reconstruction A = V diag(lambda) V^T and orthonormality on a random symmetric 6x6', () => {
  const n = 6;
  const a = new Float64Array(n * n);
  let seed = 17;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) - 0.5;
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) a[i * n + j] = a[j * n + i] = next();
  const e = symmetricEigen(a, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      let dot = 0;
      for (let k = 0; k < n; k++) {
        s += e.vectors[k][i] * e.values[k] * e.vectors[k][j];
        dot += e.vectors[i][k] * e.vectors[j][k];
      }
      close(s, a[i * n + j], 1e-12);
      close(dot, i === j ? 1 : 0, 1e-12);
    }
  }
  for (let k = 1; k < n; k++) assert.ok(e.values[k - 1] >= e.values[k]);
});

test('non-symmetric or non-finite input is refused', () => {
  assert.throws(() => symmetricEigen([1, 2, 3, 4], 2), { code: 'SPEC' });
  assert.throws(() => symmetricEigen([1, Number.NaN, Number.NaN, 1], 2), { code: 'SPEC' });
  assert.throws(() => symmetricEigen([1, 2, 3], 2), { code: 'SPEC' });
});
