/**
 * Radiation model: a hand-computed three-region example (Simini et al. 2012, eq. 2; finite-size
 * normalisation of Masucci et al. 2013), the normalisation property, and the comparison with a
 * gravity fit on Korea 2019 (korea_gravity_corrected.csv, intra rows dropped).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../core/errors.ts';
import { readShippedCsv } from '../../../test/helpers/shipped-data.ts';
import { fitGravity } from '../gravity/fit.ts';
import { fitRadiation, predictRadiation, radiationProbabilities } from './radiation.ts';

// Three regions on a line at 0, 1 and 3 km with populations 10, 20, 30 (M = 60).
const population = Float64Array.from([10, 20, 30]);
const distance = Float64Array.from([0, 1, 3, 1, 0, 2, 3, 2, 0]);

test('hand example: from region 0, p01 = 10*20/(10*30) = 2/3 and p02 = 10*30/(30*60) = 1/6; normalised by 1 - 10/60', () => {
  const raw = radiationProbabilities(population, distance, false);
  assert.ok(Math.abs(raw[1] - 2 / 3) < 1e-15);
  assert.ok(Math.abs(raw[2] - 1 / 6) < 1e-15);
  const p = radiationProbabilities(population, distance, true);
  assert.ok(Math.abs(p[1] - 0.8) < 1e-15 && Math.abs(p[2] - 0.2) < 1e-15);
});

test('with the finite-size normalisation every origin sends exactly its outflow (no distance ties)', () => {
  const n = 40;
  let seed = 7;
  const u = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const x = Array.from({ length: n }, u);
  const y = Array.from({ length: n }, u);
  const pop = Float64Array.from({ length: n }, () => 1 + 1000 * u());
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) d[i * n + j] = Math.hypot(x[i] - x[j], y[i] - y[j]);
  const p = radiationProbabilities(pop, d, true);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += p[i * n + j];
    assert.ok(Math.abs(s - 1) < 1e-12, `row ${i} sums to ${s}`);
  }
});

test('bad input is named: a zero population', () => {
  assert.throws(
    () => fitRadiation({ regions: ['a', 'b', 'c'], population: Float64Array.from([1, 0, 2]), distance, origin: Uint32Array.from([0]), destination: Uint32Array.from([1]), flow: Float64Array.from([1]) }),
    (e: unknown) => e instanceof InputError && /region "b"/.test(e.message),
  );
});

test('Korea 2019: radiation vs production-constrained gravity on the same 272 flows (statistics finite, gravity fits better)', () => {
  const rows = readShippedCsv('korea', 'korea_gravity_corrected.csv').filter((r) => r.year === '2019');
  const regions = [...new Set(rows.map((r) => r.orig))].sort();
  const n = regions.length;
  const idx = new Map(regions.map((c, i) => [c, i]));
  const pop = new Float64Array(n);
  const dist = new Float64Array(n * n);
  for (const r of rows) {
    const i = idx.get(r.orig)!;
    const j = idx.get(r.dest)!;
    pop[i] = Number(r.orig_pop) * 1e6;
    dist[i * n + j] = Number(r.dist_cent);
  }
  const origin = Uint32Array.from(rows, (r) => idx.get(r.orig)!);
  const destination = Uint32Array.from(rows, (r) => idx.get(r.dest)!);
  const flow = Float64Array.from(rows, (r) => Number(r.flow));
  const rad = fitRadiation({ regions, population: pop, distance: dist, origin, destination, flow });
  assert.equal(rad.nobs, 272);
  for (const v of [rad.srmse, rad.cpc, rad.ssi, rad.deviance]) assert.ok(Number.isFinite(v));
  assert.ok(rad.cpc > 0.3 && rad.cpc < 1, `radiation CPC ${rad.cpc}`);
  const grav = fitGravity({ regions, origin, destination, flow, cost: Float64Array.from(rows, (r) => Number(r.dist_cent)) }, { constraint: 'production', decay: 'power' });
  assert.ok(grav.cpc > rad.cpc, `gravity CPC ${grav.cpc} vs radiation ${rad.cpc}`);
  assert.ok(grav.deviance < rad.deviance);
  // predict with the same inputs reproduces the fit; doubling Seoul's population raises flows into it
  const same = predictRadiation(rad, { population: pop, distance: dist, origin, destination });
  rad.expected.forEach((e, r) => e !== null && assert.ok(Math.abs(same[r] - e) <= 1e-9 * e));
  const seoul = idx.get('Seoul')!;
  const bigger = Float64Array.from(pop, (v, i) => (i === seoul ? 2 * v : v));
  const changed = predictRadiation(rad, { population: bigger, distance: dist, origin, destination });
  const into = (a: ArrayLike<number>) => Array.from(destination).reduce((s, j, r) => s + (j === seoul && origin[r] !== seoul ? a[r] : 0), 0);
  assert.ok(into(changed) > into(same));
});
