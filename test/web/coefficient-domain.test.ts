// The coefficient chart's x domain (web/src/charts/coefficient-domain.ts): zero, every estimate and
// every interval end inside it with padding, so no dot or interval end sits on or past the axis end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coefficientDomain } from '../../web/src/charts/coefficient-domain.ts';

test('holds every estimate and interval end with 5% of the span each side', () => {
  // The screenshot of issue #12: an estimate of 17.1 beyond an axis that ended at 16.
  const [lo, hi] = coefficientDomain([{ estimate: 17.1, low: 15.9, high: 18.3 }, { estimate: -2, low: -2.5, high: -1.5 }]);
  assert.ok(Math.abs(lo - (-2.5 - 0.05 * 20.8)) < 1e-12, String(lo));
  assert.ok(Math.abs(hi - (18.3 + 0.05 * 20.8)) < 1e-12, String(hi));
});

test('keeps zero, the reference line, inside when every term is on one side', () => {
  const [lo, hi] = coefficientDomain([{ estimate: 3, low: 2, high: 4 }]);
  assert.ok(lo < 0 && hi > 4, `${lo} ${hi}`);
});

test('skips non-finite ends and falls back to [-1, 1] with nothing but zero', () => {
  assert.deepEqual(coefficientDomain([{ estimate: 1, low: Number.NaN, high: Number.POSITIVE_INFINITY }]), [-0.05, 1.05]);
  assert.deepEqual(coefficientDomain([]), [-1, 1]);
});
