/**
 * Flows from stocks: the census balancing equation by hand, IPF margins (property, 1e-9), and the
 * China 2010 -> 2020 city example on the bundled census (data/china).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError, SpecError } from '../../core/errors.ts';
import { readShippedCsv } from '../../../test/helpers/shipped-data.ts';
import { flowsFromCensus } from './census.ts';
import { flowsFromTotals } from './flows-from-totals.ts';
import { netMigrationFromCensus, totalsFromNet } from './net-migration.ts';

test('census residual by hand: 100 -> 110 and 200 -> 210 over one year; the default rate 320/300 - 1 closes the system', () => {
  const r = netMigrationFromCensus(['a', 'b'], Float64Array.from([100, 200]), Float64Array.from([110, 210]), { years: 1 });
  assert.ok(Math.abs(r.naturalRate[0] - 20 / 300) < 1e-15);
  assert.ok(Math.abs(r.net[0] - (110 - 100 * (320 / 300))) < 1e-12);
  assert.ok(Math.abs(r.net[0] + r.net[1]) < 1e-12);
  assert.ok(Math.abs(r.unexplained) < 1e-9);
  assert.ok(r.assumptions.some((a) => a.includes('closed system')));
});

test('a given rate leaves a national residual that is spread so internal nets sum to zero, and is reported', () => {
  const r = netMigrationFromCensus(['a', 'b', 'c'], Float64Array.from([100, 200, 300]), Float64Array.from([120, 190, 330]), { years: 2, naturalRate: 0.01 });
  assert.ok(Math.abs(r.net.reduce((s, v) => s + v, 0)) < 1e-9);
  assert.ok(Math.abs(r.unexplained - (640 - 600 * 1.01 ** 2)) < 1e-9);
  assert.throws(() => netMigrationFromCensus(['a'], Float64Array.from([0]), Float64Array.from([1]), { years: 1 }), (e: unknown) => e instanceof InputError && /"a"/.test(e.message));
  assert.throws(() => netMigrationFromCensus(['a'], Float64Array.from([1]), Float64Array.from([1]), { years: 0 }), (e: unknown) => e instanceof SpecError && e.field === 'years');
});

test('IPF reproduces the out- and in-totals to 1e-9 and in - out equals the net', () => {
  const n = 30;
  let seed = 3;
  const u = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const x = Array.from({ length: n }, () => 1000 * u());
  const y = Array.from({ length: n }, () => 1000 * u());
  const distance = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) distance[i * n + j] = Math.hypot(x[i] - x[j], y[i] - y[j]) + 1;
  const pop = Float64Array.from({ length: n }, () => 1e4 + 1e6 * u());
  const raw = Float64Array.from({ length: n }, () => u() - 0.5);
  const mean = raw.reduce((s, v) => s + v, 0) / n;
  const net = Float64Array.from(raw, (v) => 1e4 * (v - mean));
  const totals = totalsFromNet(net, pop, 0.02);
  const regions = Array.from({ length: n }, (_, i) => `r${i}`);
  const res = flowsFromTotals({ regions, distance, mass: pop, ...totals }, { decay: { form: 'power', parameter: -1.5 } });
  assert.ok(res.converged);
  const out = new Float64Array(n);
  const inn = new Float64Array(n);
  res.flow.forEach((f, k) => {
    out[res.origin[k]] += f;
    inn[res.destination[k]] += f;
  });
  for (let i = 0; i < n; i++) {
    assert.ok(Math.abs(out[i] - totals.outTotals[i]) <= 1e-9 * totals.outTotals[i], `out ${i}`);
    assert.ok(Math.abs(inn[i] - totals.inTotals[i]) <= 1e-9 * totals.inTotals[i], `in ${i}`);
    assert.ok(Math.abs(inn[i] - out[i] - net[i]) <= 1e-6 * Math.abs(totals.outTotals[i]));
  }
  assert.ok(res.origin.every((o, k) => o !== res.destination[k]), 'no intra-regional flows');
  assert.throws(
    () => flowsFromTotals({ regions, distance, mass: pop, outTotals: totals.outTotals, inTotals: Float64Array.from(totals.inTotals, (v) => v * 2) }, { decay: { form: 'power', parameter: -1 } }),
    (e: unknown) => e instanceof SpecError && e.field === 'inTotals',
  );
});

test('China 2010 -> 2020, 368 cities (data/china china_cities.csv; Sansha, created 2012, has no 2010 population and is named in an InputError): net city-to-city flows with stated assumptions', () => {
  const all = readShippedCsv('china', 'china_cities.csv');
  const num0 = (k: string) => Float64Array.from(all, (r) => Number(r[k]));
  assert.throws(() => flowsFromCensus(all.map((r) => r.city_code), num0('popu_2010'), num0('popu_2020'), num0('centroid_lon'), num0('centroid_lat'), { years: 10 }), (e: unknown) => e instanceof InputError && /"460300"/.test(e.message));
  const rows = all.filter((r) => Number(r.popu_2010) > 0);
  const regions = rows.map((r) => r.city_code);
  const num = (k: string) => Float64Array.from(rows, (r) => Number(r[k]));
  const res = flowsFromCensus(regions, num('popu_2010'), num('popu_2020'), num('centroid_lon'), num('centroid_lat'), { years: 10 });
  assert.equal(res.regions.length, rows.length);
  assert.ok(res.converged, res.warnings.join('; '));
  assert.ok(res.maxMarginError < 1e-9, `margin error ${res.maxMarginError}`);
  assert.ok(res.assumptions.length >= 4);
  assert.ok(res.net['440300'] > 1e6, `Shenzhen gains ${res.net['440300']}`); // 10.4 M -> 17.6 M
  const total = res.flow.reduce((s, v) => s + v, 0);
  // Net movers (~70 M) plus the default gross migration of 0.8% of the population a year.
  assert.ok(total > 1e8 && total < 3e8, `total estimated movers ${total}`);
  assert.ok(regions.every((c) => res.outTotals[c] > 0 && res.inTotals[c] > 0), 'every city sends and receives');
  assert.match(res.assumptions.join(' '), /0\.8% of the population a year \(the default, an assumption/);
  const minimum = flowsFromCensus(regions, num('popu_2010'), num('popu_2020'), num('centroid_lon'), num('centroid_lat'), { years: 10, grossRate: 0 });
  const netMovers = minimum.flow.reduce((s, v) => s + v, 0);
  assert.ok(netMovers > 1e7 && netMovers < 1e8, `minimum migration ${netMovers}`);
});
