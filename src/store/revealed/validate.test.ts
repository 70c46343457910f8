import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChoiceData } from '../../models/logit/index.ts';
import { createRng } from '../../numeric/index.ts';
import { validateRankings } from './validate.ts';

/**
 * Graduates of two years choosing among 12 places by a known conditional logit: utility
 * 2 a - 1.5 b - 0.2 distance_home + 1.5 is_home (a, b place attributes in [0, 1]); one case per
 * (year, home) with counts, as the workspace aggregates them.
 */
function world(seed = 4) {
  const n = 12;
  const rng = createRng(seed);
  const a = Float64Array.from({ length: n }, () => rng.uniform());
  const b = Float64Array.from({ length: n }, () => rng.uniform());
  const x = Float64Array.from({ length: n }, () => rng.uniform() * 15);
  const y = Float64Array.from({ length: n }, () => rng.uniform() * 15);
  const dist = (i: number, j: number) => Math.hypot(x[i] - x[j], y[i] - y[j]);
  const counts = new Map<string, Float64Array>();
  for (let k = 0; k < 6000; k++) {
    const year = 2020 + (k % 2);
    const home = rng.int(n);
    const w = Array.from({ length: n }, (_, j) => Math.exp(2 * a[j] - 1.5 * b[j] - 0.2 * dist(home, j) + 1.5 * (j === home ? 1 : 0)));
    let u = rng.uniform() * w.reduce((s, v) => s + v, 0);
    let j = 0;
    while (j < n - 1 && (u -= w[j]) > 0) j++;
    const key = `${year}|${home}`;
    if (!counts.has(key)) counts.set(key, new Float64Array(n));
    counts.get(key)![j]++;
  }
  const caseIndex: number[] = [], altIndex: number[] = [], chosen: number[] = [], year: number[] = [];
  const cols: Record<string, number[]> = { a: [], b: [], distance_home: [], is_home: [] };
  [...counts].forEach(([key, c], ci) => {
    const [yy, home] = key.split('|').map(Number);
    year.push(yy);
    for (let j = 0; j < n; j++) {
      caseIndex.push(ci); altIndex.push(j); chosen.push(c[j]);
      cols.a.push(a[j]); cols.b.push(b[j]); cols.distance_home.push(dist(home, j)); cols.is_home.push(j === home ? 1 : 0);
    }
  });
  const data: ChoiceData = {
    nCases: counts.size, caseIndex: Int32Array.from(caseIndex), altIndex: Int32Array.from(altIndex), chosen: Float64Array.from(chosen),
    columns: Object.fromEntries(Object.entries(cols).map(([k, v]) => [k, Float64Array.from(v)])),
  };
  const perRow = (score: (j: number) => number) => Float64Array.from(altIndex, (j) => score(j));
  const minMax = (v: Float64Array, j: number) => (v[j] - Math.min(...v)) / (Math.max(...v) - Math.min(...v));
  return { data, caseYear: Int32Array.from(year), a, b, perRow, minMax };
}

const w = world();
const base = { data: w.data, caseYear: w.caseYear, terms: ['a', 'b', 'distance_home', 'is_home'], placeTerms: ['a', 'b'], nests: null };

test('on data from a known logit, the revealed ranking predicts held-out graduates better than a declared one of the wrong sign', () => {
  // Declared: equal weights on a and b, both "more is better"; the graduates avoid b.
  const declared = w.perRow((j) => 0.5 * w.minMax(w.a, j) + 0.5 * w.minMax(w.b, j));
  const v = validateRankings({ ...base, declared, split: { years: [2021] } });
  assert.deepEqual(v.rows.map((r) => r.model), ['revealed', 'declared', 'person terms only', 'equal shares']);
  assert.equal(v.fitPersons + v.heldOutPersons, 6000);
  assert.equal(v.heldOutPersons, 3000);
  const [revealed, decl, persons, equal] = v.rows;
  assert.ok(revealed.logLikelihood > decl.logLikelihood + 50, `${revealed.logLikelihood} vs ${decl.logLikelihood}`);
  assert.ok(v.logLikelihoodGain > 50);
  assert.ok(revealed.hitRate >= decl.hitRate);
  assert.ok(revealed.logLikelihood > persons.logLikelihood && persons.logLikelihood > equal.logLikelihood);
  assert.equal(equal.rhoSquared, 0);
  assert.ok(Math.abs(equal.hitRate - v.chanceHitRate) < 1e-12);
  for (const r of v.rows) assert.ok(Number.isFinite(r.logLikelihood) && r.hitRate >= 0 && r.hitRate <= 1);
  assert.ok(decl.scale && Number.isFinite(decl.scale.estimate) && decl.scale.standardError > 0);
  assert.equal(revealed.scale, null);
});

test('a declared index with the true weights predicts as well as the revealed ranking (random split, seeded)', () => {
  const declared = w.perRow((j) => 2 * w.a[j] - 1.5 * w.b[j]);
  const v = validateRankings({ ...base, declared, split: { share: 0.3, seed: 9 } });
  assert.equal(v.seed, 9);
  assert.ok(Math.abs(v.heldOutPersons - 1800) < 150, `${v.heldOutPersons} held out`);
  assert.ok(Math.abs(v.logLikelihoodGain) < 5, `gain ${v.logLikelihoodGain}`);
  // The fitted scale recovers 1 (the index is the true place utility) within two standard errors.
  const s = v.rows[1].scale!;
  assert.ok(Math.abs(s.estimate - 1) < 2 * s.standardError, `${s.estimate} (${s.standardError})`);
  assert.deepEqual(validateRankings({ ...base, declared, split: { share: 0.3, seed: 9 } }), v);
});

test('bad splits name the field', () => {
  const declared = w.perRow(() => 0);
  assert.throws(() => validateRankings({ ...base, declared, split: { years: [2019] } }), /holdout\.years: .*2019/);
  assert.throws(() => validateRankings({ ...base, declared, split: { share: 1.5, seed: 1 } }), /holdout\.share/);
});
