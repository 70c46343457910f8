/**
 * predictChoices and holdoutFit: probabilities sum to 1 in every case; with a full set of
 * alternative constants the conditional logit reproduces the observed shares (its first-order
 * conditions; Train 2009, sec. 3.7.1); grouped shares add up; a better attribute raises a share;
 * the held-out likelihood of the estimation sample is the fit's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitConditionalLogit } from './conditional-logit.ts';
import { holdoutFit } from './holdout.ts';
import { fitNestedLogit } from './nested-logit.ts';
import { predictChoices } from './predict.ts';
import { simulateChoices } from './simulate.ts';
import type { ChoiceData } from './types.ts';

function withConstants(data: ChoiceData, nAlternatives: number): ChoiceData {
  const columns: Record<string, Float64Array> = { ...data.columns };
  for (let a = 1; a < nAlternatives; a++) columns[`asc_${a}`] = Float64Array.from(data.altIndex, (x) => (x === a ? 1 : 0));
  return { ...data, columns };
}

const J = 5;
const { data: raw } = simulateChoices({ nCases: 2000, nAlternatives: J, coefficients: { x1: 1, x2: -0.5 }, seed: 31, availability: 0.8 });
const data = withConstants(raw, J);
const terms = ['x1', 'x2', 'asc_1', 'asc_2', 'asc_3', 'asc_4'];

test('probabilities sum to 1 per case; with alternative constants predicted shares equal observed shares (rel 1e-8)', () => {
  const m = fitConditionalLogit(data, { terms });
  const p = predictChoices(m, data);
  for (let c = 0, r = 0; c < data.nCases; c++) {
    let s = 0;
    for (; r < data.caseIndex.length && data.caseIndex[r] === c; r++) s += p.probabilities[r];
    assert.ok(Math.abs(s - 1) < 1e-12, `case ${c}: ${s}`);
  }
  assert.equal(p.persons, data.nCases);
  for (const s of p.shares) assert.ok(Math.abs(s.expected - s.observed!) < 1e-8 * data.nCases, `${s.alternative}: ${s.expected} vs ${s.observed}`);
  const totalShare = p.shares.reduce((a, s) => a + s.share, 0);
  assert.ok(Math.abs(totalShare - 1) < 1e-12);
});

test('shares by group add up to the totals; improving an attribute of one alternative raises its share', () => {
  const m = fitConditionalLogit(data, { terms });
  const group = Int32Array.from({ length: data.nCases }, (_, c) => c % 3);
  const p = predictChoices(m, data, { group, groupLabels: ['north', 'centre', 'south'] });
  assert.deepEqual(p.groups!.map((g) => g.group), ['north', 'centre', 'south']);
  for (let a = 0; a < J; a++) {
    const sum = p.groups!.reduce((acc, g) => acc + g.shares[a].expected, 0);
    assert.ok(Math.abs(sum - p.shares[a].expected) < 1e-9);
  }
  const better: ChoiceData = { ...data, columns: { ...data.columns, x1: Float64Array.from(data.columns.x1, (x, r) => (data.altIndex[r] === 0 ? x + 0.5 : x)) } };
  const after = predictChoices(m, { ...better, chosen: undefined });
  assert.ok(after.shares[0].share > p.shares[0].share + 0.01 && after.shares[0].observed === null);
  assert.ok(after.shares.slice(1).every((s, i) => s.share < p.shares[i + 1].share));
});

test('holdout fit: the estimation sample reproduces the fitted log-likelihood; a new sample from the same model has a positive rho-squared and beats chance', () => {
  const m = fitConditionalLogit(data, { terms });
  const same = holdoutFit(m, data);
  assert.ok(Math.abs(same.logLikelihood - m.logLikelihood) < 1e-9 * Math.abs(m.logLikelihood));
  assert.ok(Math.abs(same.nullLogLikelihood - m.nullLogLikelihood) < 1e-9);
  const next = withConstants(simulateChoices({ nCases: 1000, nAlternatives: J, coefficients: { x1: 1, x2: -0.5 }, seed: 32, availability: 0.8 }).data, J);
  const h = holdoutFit(m, next);
  assert.ok(h.rhoSquared > 0.05 && h.hitRate > h.chanceHitRate + 0.1, JSON.stringify(h));
  assert.equal(h.nPersons, 1000);
});

test('nested results predict through their nests (probabilities sum to 1, holdout LL = fitted LL)', () => {
  const { data: d } = simulateChoices({ nCases: 1500, nAlternatives: 4, coefficients: { x1: 1 }, seed: 33, nests: [{ alternatives: [0, 1], lambda: 0.5 }] });
  const m = fitNestedLogit(d, { terms: ['x1'], nests: [{ name: 'pair', alternatives: [0, 1] }] });
  const p = predictChoices(m, d);
  const total = p.shares.reduce((a, s) => a + s.expected, 0);
  assert.ok(Math.abs(total - 1500) < 1e-8);
  assert.ok(Math.abs(holdoutFit(m, d).logLikelihood - m.logLikelihood) < 1e-9 * Math.abs(m.logLikelihood));
});
