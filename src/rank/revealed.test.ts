import { test } from 'node:test';
import assert from 'node:assert/strict';
import { revealedPreferenceIndex, type RevealedInput } from './revealed.ts';

// Five places, two attributes (a logged income and a temperature) and a master x income
// interaction held by 40% of the choosers.
const income = [30000, 45000, 60000, 25000, 50000].map(Math.log);
const temperature = [5, 12, 18, 20, 9];
const input: RevealedInput = {
  alternatives: ['A', 'B', 'C', 'D', 'E'],
  terms: [
    { term: 'log_income', values: income },
    { term: 'temperature', values: temperature },
    { term: 'degree[master]:log_income', values: income, weight: 0.4 },
  ],
  coefficients: { log_income: 1.5, temperature: 0.03, 'degree[master]:log_income': 0.5, distance_home: -0.2 },
  covariance: {
    terms: ['log_income', 'temperature', 'degree[master]:log_income', 'distance_home'],
    matrix: [[0.04, 0.001, -0.01, 0], [0.001, 0.0001, 0, 0], [-0.01, 0, 0.02, 0], [0, 0, 0, 0.0001]],
  },
};
const mean = (x: number[]) => x.reduce((a, b) => a + b, 0) / x.length;

test('utilities are the centred place part of the utility; the ranking is their order; contributions add up', () => {
  const r = revealedPreferenceIndex(input, { draws: 0 });
  const mi = mean(income);
  const mt = mean(temperature);
  for (const row of r.rows) {
    const j = input.alternatives.indexOf(row.code);
    const expected = (1.5 + 0.4 * 0.5) * (income[j] - mi) + 0.03 * (temperature[j] - mt);
    assert.ok(Math.abs(row.utility - expected) < 1e-12);
    const sum = Object.values(row.contributions).reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum - row.utility) < 1e-12);
  }
  for (let k = 1; k < r.rows.length; k++) {
    assert.ok(r.rows[k - 1].utility >= r.rows[k].utility);
    assert.equal(r.rows[k].rank, k + 1);
  }
  assert.deepEqual(r.rows.map((x) => x.code), ['C', 'E', 'B', 'D', 'A']);
  assert.ok(Math.abs(r.rows.reduce((s, x) => s + x.utility, 0)) < 1e-12, 'centred: the utilities sum to 0');
  assert.equal(r.rows[0].rankInterval, null);
});

test('standard errors: c\' V c of the centred weighted values (R: sqrt(t(c) %*% V %*% c), exact for a linear function), 95% intervals', () => {
  const r = revealedPreferenceIndex(input, { draws: 0 });
  const V = input.covariance.matrix;
  const mi = mean(income);
  const mt = mean(temperature);
  for (const row of r.rows) {
    const j = input.alternatives.indexOf(row.code);
    const c = [income[j] - mi, temperature[j] - mt, 0.4 * (income[j] - mi)];
    let s = 0;
    for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) s += c[a] * V[a][b] * c[b];
    assert.ok(Math.abs(row.standardError - Math.sqrt(s)) < 1e-14);
    assert.ok(Math.abs(row.upper - row.utility - 1.959963984540054 * row.standardError) < 1e-12);
  }
});

test('rank intervals from coefficient draws: seeded, contain the rank; money values at the average chooser', () => {
  const money = { terms: [{ term: 'log_income', weight: 1 }, { term: 'degree[master]:log_income', weight: 0.4 }], scale: 40000 / 12, unit: 'yuan a month' };
  const a = revealedPreferenceIndex({ ...input, money }, { draws: 400, seed: 3 });
  const b = revealedPreferenceIndex({ ...input, money }, { draws: 400, seed: 3 });
  assert.deepEqual(a, b);
  for (const row of a.rows) {
    assert.ok(row.rankInterval![0] <= row.rank && row.rank <= row.rankInterval![1], `${row.code}: ${row.rank} in ${row.rankInterval}`);
    assert.ok(Math.abs(row.money! - row.utility / (1.7 / (40000 / 12))) < 1e-9);
    assert.ok(row.moneyInterval![0] <= row.money! && row.money! <= row.moneyInterval![1]);
  }
  assert.equal(a.moneyUnit, 'yuan a month');
  // A tiny covariance pins every rank.
  const tight = revealedPreferenceIndex({ ...input, covariance: { ...input.covariance, matrix: input.covariance.matrix.map((r) => r.map((v) => v * 1e-8)) } }, { draws: 50 });
  for (const row of tight.rows) assert.deepEqual(row.rankInterval, [row.rank, row.rank]);
});

test('inputs are checked with the field named', () => {
  assert.throws(() => revealedPreferenceIndex({ ...input, terms: [{ term: 'rail', values: income }] }), /"rail" has no row in the covariance/);
  assert.throws(() => revealedPreferenceIndex({ ...input, terms: [] }), /no attribute of the alternatives/);
  assert.throws(() => revealedPreferenceIndex({ ...input, terms: [{ term: 'temperature', values: [1, 2] }] }), /2 values for 5 alternatives/);
  assert.throws(() => revealedPreferenceIndex({ ...input, terms: [{ term: 'temperature', values: [1, 2, NaN, 4, 5] }] }), /is NaN for C/);
});
