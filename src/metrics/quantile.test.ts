import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quantile, quantiles } from './quantile.ts';

test('type 7 quantiles agree with R quantile(x, p) (default type 7)', () => {
  // R: quantile(c(1, 2, 3, 4, 10), c(0, .25, .5, .75, 1)) -> 1 2 3 4 10
  assert.deepEqual(quantiles([10, 3, 1, 4, 2], [0, 0.25, 0.5, 0.75, 1]), [1, 2, 3, 4, 10]);
  // R: quantile(c(1, 2, 3, 4), .25) -> 1.75 ; quantile(c(5), .9) -> 5
  assert.equal(quantile([1, 2, 3, 4], 0.25), 1.75);
  assert.equal(quantile([5], 0.9), 5);
  assert.equal(quantile([], 0.5), null);
  assert.throws(() => quantile([1, Number.NaN], 0.5), { code: 'SPEC' });
});
