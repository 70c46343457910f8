import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gini, normalisedEntropy, topShare } from './inequality.ts';

const close = (a: number | null, b: number, tol = 1e-12) => assert.ok(a !== null && Math.abs(a - b) <= tol, `${a} vs ${b}`);

test('Gini of (1,2,3,4) = 0.25, as R ineq::Gini(c(1,2,3,4))', () => {
  // By hand: 2 * (1*1 + 2*2 + 3*3 + 4*4) / (4 * 10) - 5/4 = 1.5 - 1.25.
  close(gini([4, 1, 3, 2]), 0.25);
  close(gini([5, 5, 5]), 0);
  close(gini([0, 0, 0, 9]), 3 / 4); // all in one of n: (n - 1) / n
  assert.equal(gini([0, 0]), null);
});

test('normalised entropy of (1,1,2) = 1.5 ln 2 / ln 3; uniform = 1; single = 0', () => {
  close(normalisedEntropy([1, 1, 2]), (1.5 * Math.log(2)) / Math.log(3));
  close(normalisedEntropy([3, 3, 3, 3]), 1);
  close(normalisedEntropy([0, 7, 0]), 0);
  assert.equal(normalisedEntropy([5]), null);
});

test('top-k share: top 2 of (5,1,3,1) = 8/10; k beyond n = 1', () => {
  close(topShare([5, 1, 3, 1], 2), 0.8);
  close(topShare([5, 1], 9), 1);
  assert.throws(() => topShare([1], 0), { code: 'SPEC' });
});

test('property: Gini in [0, (n-1)/n], entropy in [0, 1] on pseudo-random vectors', () => {
  let seed = 3;
  for (let t = 0; t < 200; t++) {
    const n = 2 + (t % 9);
    const v = Array.from({ length: n }, () => ((seed = (seed * 16807) % 2147483647) % 100 < 30 ? 0 : seed % 1000));
    const g = gini(v);
    const h = normalisedEntropy(v);
    if (g === null) continue;
    assert.ok(g >= -1e-12 && g <= (n - 1) / n + 1e-12);
    assert.ok(h !== null && h >= -1e-12 && h <= 1 + 1e-12);
  }
});
