/**
 * Willingness to pay: the ratio and its delta-method standard error against a direct computation
 * from the covariance (with a numerical gradient of the ratio), the sign conventions of income
 * and cost, the money scale, and the warning for an insignificant money coefficient.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SpecError } from '../../core/errors.ts';
import { fitConditionalLogit } from './conditional-logit.ts';
import { simulateChoices } from './simulate.ts';
import { willingnessToPay } from './wtp.ts';

const { data } = simulateChoices({ nCases: 3000, nAlternatives: 5, coefficients: { income: 0.9, rail: 0.4, pm25: -0.3 }, seed: 51 });
const m = fitConditionalLogit(data, { terms: ['income', 'rail', 'pm25'], vcov: 'robust' });

test('WTP = beta_k / beta_income x scale, delta-method SE = sqrt(g\' V g) from the chosen covariance', () => {
  const w = willingnessToPay(m, { money: 'income', moneyScale: 1000, unit: 'yuan per month' });
  assert.equal(w.vcovType, 'robust');
  assert.deepEqual(w.values.map((v) => v.term), ['rail', 'pm25']);
  const V = m.robustCovariance;
  for (const v of w.values) {
    const k = m.terms.indexOf(v.term);
    const ratio = (b: number[]): number => (1000 * b[k]) / b[0];
    const b = m.terms.map((t) => m.coefficients[t]);
    assert.ok(Math.abs(v.value - ratio(b)) < 1e-12 * Math.abs(v.value));
    const g = b.map((_, j) => {
      const h = 1e-6 * Math.abs(b[j]);
      const up = [...b];
      const down = [...b];
      up[j] += h;
      down[j] -= h;
      return (ratio(up) - ratio(down)) / (2 * h);
    });
    let variance = 0;
    for (let i = 0; i < g.length; i++) for (let j = 0; j < g.length; j++) variance += g[i] * V[i][j] * g[j];
    assert.ok(Math.abs(v.standardError - Math.sqrt(variance)) < 1e-6 * v.standardError, `${v.term}: ${v.standardError} vs ${Math.sqrt(variance)}`);
    assert.ok(v.lower < v.value && v.value < v.upper);
  }
  assert.equal(w.warnings.length, 0);
});

test('a cost term values attributes with the opposite sign; an insignificant money coefficient is a warning; bad terms are errors', () => {
  const asIncome = willingnessToPay(m, { money: 'pm25', moneyKind: 'income' });
  const asCost = willingnessToPay(m, { money: 'pm25', moneyKind: 'cost', vcov: 'classical' });
  assert.ok(Math.abs(asIncome.values[0].value + asCost.values[0].value) < 1e-12);
  assert.ok(asIncome.warnings.some((x) => x.code === 'WEAK_MONEY_COEFFICIENT' && /unexpected sign/.test(x.message)));
  const { data: flat } = simulateChoices({ nCases: 300, nAlternatives: 3, coefficients: { income: 0, rail: 1 }, seed: 52 });
  const weak = fitConditionalLogit(flat, { terms: ['income', 'rail'] });
  const w = willingnessToPay(weak, { money: 'income' });
  assert.ok(Math.abs(weak.zValues.income) < 1.96, 'seed 52 draws an insignificant income coefficient (true value 0)');
  assert.ok(w.warnings.some((x) => x.code === 'WEAK_MONEY_COEFFICIENT' && /not significant/.test(x.message)));
  assert.throws(() => willingnessToPay(m, { money: 'wage' }), SpecError);
  assert.throws(() => willingnessToPay(m, { money: 'income', vcov: 'clustered' }), SpecError);
  assert.throws(() => willingnessToPay(m, { money: 'income', terms: ['income'] }), SpecError);
});
