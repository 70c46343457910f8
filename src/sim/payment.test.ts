// setMonthlyPayment: the slider's and `scenario run --amount`'s rescaling of an example document.
// Expected values are the examples' own arithmetic (examples/northeast-stay-subsidy.json:
// 1,000 yuan a month = 12,000 a year = +15.6 % of GDP per head).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseScenarioText } from './scenario-schema.ts';
import { changeAtPayment, setMonthlyPayment } from './payment.ts';

const northeast = parseScenarioText(readFileSync(new URL('../../examples/northeast-stay-subsidy.json', import.meta.url), 'utf8'));

test('500 yuan a month halves both the cost and the income change of the Northeast example', () => {
  const { document, note } = setMonthlyPayment(northeast, 500);
  const iv = document.interventions[0];
  assert.equal(iv.cost.rule === 'per-person-year' && iv.cost.amount, 6000);
  assert.ok(Math.abs(iv.change.value - 0.078) < 1e-12, String(iv.change.value));
  assert.match(note, /500 yuan a month \(6000 yuan a year; the document had 1000 yuan\)/);
  // The input is not changed.
  assert.equal(northeast.interventions[0].change.value, 0.156);
});

test('an amount of 0 turns the payment off; a negative amount or a fixed budget is refused', () => {
  const zero = setMonthlyPayment(northeast, 0).document.interventions[0];
  assert.equal(zero.change.value, 0);
  assert.throws(() => setMonthlyPayment(northeast, -1), /must be a number >= 0/);
  const budget = { ...northeast, interventions: [{ ...northeast.interventions[0], cost: { rule: 'fixed-budget' as const, amountPerYear: 1e6 } }] };
  assert.throws(() => setMonthlyPayment(budget, 500), /paid per person and year/);
});

test('changeAtPayment scales a priced change in proportion and leaves an unpriced one as it is (the page and the server share it)', () => {
  // 1,000 yuan a month = +15.6% in the example's pricing: 500 a month is half of it.
  assert.equal(changeAtPayment(0.156, 12_000, 500), 0.078);
  assert.equal(changeAtPayment(0.156, 12_000, 0), 0);
  assert.equal(changeAtPayment(0.156, 0, 500), 0.156);
});
