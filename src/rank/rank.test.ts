import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compositeIndex } from './composite.ts';
import { rankChange } from './rank-change.ts';
import { weightSensitivity } from './sensitivity.ts';
import type { IndicatorMatrix } from './types.ts';

const close = (a: number | undefined, b: number, tol = 1e-12) => assert.ok(a !== undefined && Math.abs(a - b) <= tol, `${a} vs ${b}`);

// 3 regions x 3 indicators, row-major.
const m3: IndicatorMatrix = { regions: ['r1', 'r2', 'r3'], indicators: ['a', 'b', 'c'], values: [0, 10, 3, 1, 20, 1, 2, 40, 2] };

test('min-max, equal weights: hand-computed scores, ranks and contributions', () => {
  // min-max: a (0,1,2) -> (0, .5, 1); b (10,20,40) -> (0, 1/3, 1); c (3,1,2) -> (1, 0, .5).
  // scores /3: r1 (0+0+1) = 1/3, r2 (.5+1/3+0) = 5/18, r3 (1+1+.5) = 5/6 -> ranks r3 1, r1 2, r2 3.
  const r = compositeIndex(m3);
  assert.deepEqual(r.rows.map((x) => [x.code, x.rank]), [['r3', 1], ['r1', 2], ['r2', 3]]);
  close(r.rows[0].score, 5 / 6);
  close(r.rows[1].score, 1 / 3);
  close(r.rows[2].score, 5 / 18);
  close(r.rows[0].contributions.c, 1 / 6);
  const sum = Object.values(r.rows[2].contributions).reduce((a, b) => a + b, 0);
  close(sum, r.rows[2].score);
});

test('direction -1 reverses an indicator: c (3,1,2) -> (0, 1, .5)', () => {
  const r = compositeIndex(m3, { directions: { c: -1 } });
  const byCode = Object.fromEntries(r.rows.map((x) => [x.code, x]));
  assert.deepEqual([byCode.r1.normalised.c, byCode.r2.normalised.c, byCode.r3.normalised.c], [0, 1, 0.5]);
});

test('z-score uses the sample sd (as R scale()); rank normalisation averages ties', () => {
  // a = (0,1,2): mean 1, sd 1 -> (-1, 0, 1). R: scale(c(0,1,2)) -> -1 0 1
  const z = compositeIndex(m3, { normalisation: 'z-score' });
  const za = Object.fromEntries(z.rows.map((x) => [x.code, x.normalised.a]));
  assert.deepEqual([za.r1, za.r2, za.r3], [-1, 0, 1]);
  // ranks of (5,5,1): R rank(c(5,5,1)) -> 2.5 2.5 1 -> (rank - 1)/2 = .75 .75 0
  const tie: IndicatorMatrix = { regions: ['x', 'y', 'z'], indicators: ['v'], values: [5, 5, 1] };
  const r = compositeIndex(tie, { normalisation: 'rank' });
  assert.deepEqual(r.rows.map((x) => [x.code, x.normalised.v, x.rank]), [['x', 0.75, 1], ['y', 0.75, 1], ['z', 0, 3]]);
});

test('entropy weights on the 3x3 example match the hand computation', () => {
  // p for a = (0, 1/3, 2/3): e = H(1/3, 2/3) / ln 3 = 0.579380, d = 0.420620
  // p for b = (0, 1/4, 3/4): e = H(1/4, 3/4) / ln 3 = 0.511860, d = 0.488140
  // p for c = (2/3, 0, 1/3): same as a. Sum d = 1.329380 -> w = (0.316403, 0.367194, 0.316403).
  const H = (...p: number[]) => -p.reduce((s, x) => s + (x > 0 ? x * Math.log(x) : 0), 0);
  const da = 1 - H(1 / 3, 2 / 3) / Math.log(3);
  const db = 1 - H(1 / 4, 3 / 4) / Math.log(3);
  const r = compositeIndex(m3, { weighting: { method: 'entropy' } });
  close(r.weights.a, da / (2 * da + db));
  close(r.weights.b, db / (2 * da + db));
  close(r.weights.a, 0.316403, 1e-6);
  close(r.weights.b, 0.367194, 1e-6);
  close(r.entropy?.divergence.a, 0.42062, 1e-5);
});

test('PCA weights: perfectly correlated indicators get equal weights and explain all variance', () => {
  // Correlation matrix all ones: eigenvalues (3, 0, 0), first vector (1,1,1)/sqrt 3 -> weights 1/3.
  const m: IndicatorMatrix = { regions: ['p', 'q', 'r', 's'], indicators: ['x', 'y', 'z'], values: [1, 2, 10, 2, 4, 20, 3, 6, 30, 5, 10, 50] };
  const r = compositeIndex(m, { weighting: { method: 'pca' } });
  for (const k of ['x', 'y', 'z']) {
    close(r.weights[k], 1 / 3, 1e-9);
    close(r.pca?.loadings[k], 1 / Math.sqrt(3), 1e-9);
  }
  close(r.pca?.explainedVariance, 1, 1e-9);
  // An indicator running against the others gets a negative loading and a warning.
  const anti: IndicatorMatrix = { ...m, values: [1, 2, 50, 2, 4, 30, 3, 6, 20, 5, 10, 10] };
  const a = compositeIndex(anti, { weighting: { method: 'pca' } });
  assert.ok(a.weights.z < 0);
  assert.match(a.warnings.join(' '), /negative first-component loading for z/);
});

test("user weights by name; missing values: 'exclude' names the region, 'impute-mean' uses the indicator mean", () => {
  const w = compositeIndex(m3, { weighting: { method: 'user', weights: { a: 2, b: 0, c: 0 } } });
  assert.deepEqual(w.weights, { a: 1, b: 0, c: 0 });
  const holes: IndicatorMatrix = { ...m3, values: [0, 10, 3, 1, Number.NaN, 1, 2, 40, 2] };
  const ex = compositeIndex(holes);
  assert.deepEqual(ex.excluded, ['r2']);
  assert.equal(ex.rows.length, 2);
  assert.match(ex.warnings[0], /r2/);
  const im = compositeIndex(holes, { missing: 'impute-mean' });
  assert.deepEqual(im.imputed, [{ region: 'r2', indicator: 'b', value: 25 }]);
  assert.ok(im.rows.every((x) => Number.isFinite(x.score)));
  assert.throws(() => compositeIndex(m3, { weighting: { method: 'user', weights: [1, 2] } }), { code: 'SPEC' });
});

test('rank change: positive = moved up; regions in one period only are listed apart', () => {
  const before = compositeIndex(m3);
  const after = compositeIndex({ regions: ['r1', 'r2', 'r4'], indicators: ['a', 'b', 'c'], values: [5, 50, 5, 1, 20, 1, 2, 40, 2] });
  const c = rankChange(before, after);
  // before: r1 rank 2, r2 rank 3; after: r1 has the maxima of every indicator -> rank 1.
  assert.deepEqual(c.byRegion.r1.change, 1);
  assert.deepEqual([c.onlyBefore, c.onlyAfter], [['r3'], ['r4']]);
  // Coded for a front-end's language (the Rankings tab), naming how many regions differ and which.
  assert.deepEqual(c.messages.warnings.map((w) => [w.code, w.params]), [['rank.changeRegionsDiffer', { onlyBefore: 1, onlyAfter: 1, regions: [{ code: 'r3' }, { code: 'r4' }] }]]);
  assert.deepEqual(c.warnings, ['the two indices rank different sets of regions (1 ranked only in the earlier period, 1 only in the later: r3, r4): ranks are not fully comparable']);
  const other = rankChange(before, compositeIndex(m3, { normalisation: 'z-score' }));
  assert.deepEqual(other.messages.warnings.map((w) => w.code), ['rank.changeMethodDiffers']);
});

function randomMatrix(n: number, p: number, seed: number): IndicatorMatrix {
  let s = seed;
  const next = () => (s = (s * 16807) % 2147483647) / 2147483647;
  return { regions: Array.from({ length: n }, (_, i) => `g${i}`), indicators: Array.from({ length: p }, (_, j) => `i${j}`), values: Float64Array.from({ length: n * p }, next) };
}

test('sensitivity with all weight on one indicator reproduces that indicator ranking with probability 1', () => {
  const m = randomMatrix(30, 4, 7);
  const res = weightSensitivity(m, { weighting: { method: 'user', weights: [0, 0, 1, 0] } }, { seed: 1, draws: 200 });
  const only = compositeIndex(m, { weighting: { method: 'user', weights: [0, 0, 1, 0] } });
  const want = Object.fromEntries(only.rows.map((r) => [r.code, r.rank]));
  for (const row of res.rows) {
    assert.equal(row.baseRank, want[row.code]);
    assert.equal(row.medianRank, want[row.code]);
    assert.deepEqual(row.interval90, [want[row.code], want[row.code]]);
    const band = row.bands.find((b) => row.baseRank >= b.from && row.baseRank <= b.to);
    assert.equal(band?.probability, 1);
  }
  // Bands [10, 50, 100] over 30 regions: 1-10 and 11-30.
  assert.deepEqual(res.rows[0].bands.map((b) => b.label), ['1-10', '11-30']);
});

test('sensitivity is reproducible by seed; band probabilities sum to 1; intervals contain the median', () => {
  const m = randomMatrix(25, 3, 11);
  const a = weightSensitivity(m, {}, { seed: 42, draws: 300, bands: [5, 10] });
  const b = weightSensitivity(m, {}, { seed: 42, draws: 300, bands: [5, 10] });
  const c = weightSensitivity(m, {}, { seed: 43, draws: 300, bands: [5, 10] });
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.rows, c.rows);
  for (const r of a.rows) {
    close(r.bands.reduce((s, x) => s + x.probability, 0), 1, 1e-12);
    assert.ok(r.interval90[0] <= r.medianRank && r.medianRank <= r.interval90[1]);
  }
  assert.equal(a.seed, 42);
  assert.deepEqual(JSON.parse(JSON.stringify(a)), a);
});
