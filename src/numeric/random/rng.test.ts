import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng, xoshiro128StarStar } from './rng.ts';
import { normal } from './normal.ts';
import { gamma } from './gamma.ts';
import { dirichlet } from './dirichlet.ts';
import { aliasTable, sampleAlias, cumulative, sampleCumulative } from './categorical.ts';

test('xoshiro128** step matches the reference C code (prng.di.unimi.it, state {1,2,3,4})', () => {
  // Expected values printed by the reference xoshiro128starstar.c compiled with gcc.
  const s = Uint32Array.from([1, 2, 3, 4]);
  const out = Array.from({ length: 8 }, () => xoshiro128StarStar(s));
  assert.deepEqual(out, [11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849]);
});

test('same seed gives the same sequence; different seeds differ', () => {
  const a = createRng(42);
  const b = createRng(42);
  const c = createRng(43);
  const xa = Array.from({ length: 100 }, () => a.nextUint32());
  const xb = Array.from({ length: 100 }, () => b.nextUint32());
  const xc = Array.from({ length: 100 }, () => c.nextUint32());
  assert.deepEqual(xa, xb);
  assert.notDeepEqual(xa, xc);
});

test('fork(id) is independent of parent consumption; different ids give different streams', () => {
  const p1 = createRng(7);
  const p2 = createRng(7);
  for (let i = 0; i < 50; i++) p2.uniform();
  const f1 = p1.fork(3);
  const f2 = p2.fork(3);
  const g = p1.fork(4);
  const named = p1.fork('university:210100');
  const seq = (r: ReturnType<typeof createRng>) => Array.from({ length: 20 }, () => r.nextUint32());
  const s1 = seq(f1);
  assert.deepEqual(s1, seq(f2));
  assert.notDeepEqual(s1, seq(g));
  assert.notDeepEqual(s1, seq(named));
  assert.deepEqual(f1.stream, [3]);
});

test('successive split() children differ and are reproducible', () => {
  const a = createRng(1);
  const b = createRng(1);
  const a0 = a.split().nextUint32();
  const a1 = a.split().nextUint32();
  assert.notEqual(a0, a1);
  assert.equal(b.split().nextUint32(), a0);
});

test('uniform lies in [0,1) with mean 1/2 and variance 1/12 (n = 100000, tolerance 4 SE)', () => {
  const r = createRng(2024);
  const n = 100000;
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const u = r.uniform();
    assert.ok(u >= 0 && u < 1);
    s += u;
    s2 += u * u;
  }
  const mean = s / n;
  assert.ok(Math.abs(mean - 0.5) < 4 * Math.sqrt(1 / 12 / n));
  assert.ok(Math.abs(s2 / n - mean * mean - 1 / 12) < 0.002);
});

test('int(n) is unbiased over 6 categories (chi-square, 5 df, < 20.5 = p 0.001)', () => {
  const r = createRng(5);
  const counts = new Array(6).fill(0);
  const n = 60000;
  for (let i = 0; i < n; i++) counts[r.int(6)]++;
  const chi = counts.reduce((acc, c) => acc + (c - n / 6) ** 2 / (n / 6), 0);
  assert.ok(chi < 20.5, `chi-square ${chi}`);
});

test('normal has mean 0, sd 1 (n = 100000, tolerances 0.02)', () => {
  const r = createRng(11);
  const n = 100000;
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const z = normal(r);
    s += z;
    s2 += z * z;
  }
  assert.ok(Math.abs(s / n) < 0.02);
  assert.ok(Math.abs(Math.sqrt(s2 / n - (s / n) ** 2) - 1) < 0.02);
});

test('gamma(shape) has mean = shape and variance = shape, also for shape < 1', () => {
  for (const shape of [0.3, 2.5]) {
    const r = createRng(99);
    const n = 50000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const g = gamma(r, shape);
      s += g;
      s2 += g * g;
    }
    const m = s / n;
    assert.ok(Math.abs(m - shape) < 0.03 * Math.max(1, shape), `mean ${m}`);
    assert.ok(Math.abs(s2 / n - m * m - shape) < 0.1 * Math.max(1, shape), `var ${s2 / n - m * m}`);
  }
  assert.equal(gamma(createRng(1), 0), 0);
});

test('dirichlet has mean alpha / sum(alpha) and zero where alpha is zero', () => {
  const r = createRng(3);
  const alpha = [2, 6, 0, 2];
  const mean = [0, 0, 0, 0];
  const n = 20000;
  for (let i = 0; i < n; i++) {
    const d = dirichlet(r, alpha);
    assert.ok(Math.abs(d.reduce((a, b) => a + b, 0) - 1) < 1e-12);
    d.forEach((v, j) => (mean[j] += v / n));
  }
  assert.ok(Math.abs(mean[0] - 0.2) < 0.01 && Math.abs(mean[1] - 0.6) < 0.01);
  assert.equal(mean[2], 0);
});

test('alias and cumulative sampling reproduce the weights (tolerance 0.01)', () => {
  const w = [1, 0, 3, 6];
  const table = aliasTable(w);
  const cdf = cumulative(w);
  const r = createRng(8);
  const n = 50000;
  const ca = [0, 0, 0, 0];
  const cc = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) {
    ca[sampleAlias(table, r)]++;
    cc[sampleCumulative(cdf, r)]++;
  }
  for (const counts of [ca, cc]) {
    assert.equal(counts[1], 0);
    counts.forEach((c, j) => assert.ok(Math.abs(c / n - w[j] / 10) < 0.01));
  }
});

test('bad seeds and weights are refused with SpecError', () => {
  assert.throws(() => createRng(-1), { code: 'SPEC' });
  assert.throws(() => createRng(1.5), { code: 'SPEC' });
  assert.throws(() => aliasTable([0, 0]), { code: 'SPEC' });
  assert.throws(() => cumulative([1, Number.NaN]), { code: 'SPEC' });
});
