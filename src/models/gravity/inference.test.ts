/**
 * Which standard errors a gravity result's z values, p values and intervals come from: the
 * clustered ones whenever the fit clusters (fixest's summary reports those; its numbers are
 * matched in test/r-live/gravity-vs-fixest and test/reference/gravity-fixest-trade), else the
 * model-based ones; `inference` says which, so the result never pairs clustered SEs with
 * model-based tests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { syntheticGravity } from '../../../test/helpers/synthetic.ts';
import { normalQuantile, twoSidedP } from '../../numeric/special.ts';
import { fitGravity } from './fit.ts';
import type { GravityResult } from './types.ts';

const data = syntheticGravity({ n: 8, seed: 41, covariates: true, constant: -3, periods: 2 });

function assertTestsFrom(m: GravityResult, se: Record<string, number>): void {
  const q = normalQuantile(0.975);
  for (const t of m.terms) {
    const z = m.coefficients[t] / se[t];
    assert.ok(Number.isFinite(z), `z ${t} is finite`);
    assert.ok(Math.abs(m.zValues[t] - z) <= 1e-12 * Math.abs(z), `z ${t}`);
    assert.equal(m.pValues[t], twoSidedP(z), `p ${t}`);
    const [lo, hi] = m.confidenceIntervals[t];
    assert.ok(Math.abs(lo - (m.coefficients[t] - q * se[t])) <= 1e-12 * (Math.abs(lo) + 1), `low ${t}`);
    assert.ok(Math.abs(hi - (m.coefficients[t] + q * se[t])) <= 1e-12 * (Math.abs(hi) + 1), `high ${t}`);
  }
}

test('clustered fits test and bound each coefficient with the clustered SE, and say so', () => {
  const m = fitGravity(data, { constraint: 'unconstrained', decay: 'power', originTerms: ['origin_gdp'], fixedEffects: ['destination'], cluster: ['origin', 'period'], ssc: 'fixest' });
  assert.deepEqual(m.inference, { standardErrors: 'clustered', by: ['origin', 'period'] });
  assertTestsFrom(m, m.clusteredStandardErrors!);
  // The model-based SE differs, so a test against it would have told a different story.
  assert.notEqual(m.standardErrors.cost, m.clusteredStandardErrors!.cost);
});

test('panels cluster by pair by default, and the tests follow that', () => {
  const m = fitGravity(data, { constraint: 'unconstrained', decay: 'power' });
  assert.deepEqual(m.inference, { standardErrors: 'clustered', by: ['pair'] });
  assertTestsFrom(m, m.clusteredStandardErrors!);
});

test('without clusters the tests use the model-based SE', () => {
  const m = fitGravity(data, { constraint: 'production', decay: 'exponential', cluster: [] });
  assert.equal(m.clusteredStandardErrors, null);
  assert.deepEqual(m.inference, { standardErrors: 'model', by: null });
  assertTestsFrom(m, m.standardErrors);
});
