import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flowTableFromRows } from '../core/flow-table.ts';
import { inflow } from './inflow.ts';
import { outflow } from './outflow.ts';
import { netFlow } from './net.ts';
import { grossFlow } from './gross.ts';
import { migrationEfficiency } from './efficiency.ts';
import { crudeRates } from './rates.ts';
import { retentionRate } from './retention.ts';
import { migrationIndices } from './intensity.ts';
import { topCorridors } from './corridors.ts';
import { destinationConcentration } from './concentration.ts';
import { regionSummary } from './summary.ts';

/*
 * Hand-checked 3-region cohort table (diagonal = stayers):
 *          to A  to B  to C
 *   from A   50    10     5     out A = 15, in A = 4 + 1 = 5,  net -10, gross 20
 *   from B    4    80     6     out B = 10, in B = 10 + 9 = 19, net  9, gross 29
 *   from C    1     9    30     out C = 10, in C = 5 + 6 = 11,  net  1, gross 21
 * Moves between regions M = 35; sum gross = 70 = 2M; sum |net| = 20.
 */
const table = flowTableFromRows([
  { origin: 'A', destination: 'A', count: 50 },
  { origin: 'A', destination: 'B', count: 10 },
  { origin: 'A', destination: 'C', count: 5 },
  { origin: 'B', destination: 'A', count: 4 },
  { origin: 'B', destination: 'B', count: 80 },
  { origin: 'B', destination: 'C', count: 6 },
  { origin: 'C', destination: 'A', count: 1 },
  { origin: 'C', destination: 'B', count: 9 },
  { origin: 'C', destination: 'C', count: 30 },
]);
const populations = Float64Array.from([1000, 2000, 500]);
const close = (a: number | null, b: number, tol = 1e-12) => assert.ok(a !== null && Math.abs(a - b) <= tol, `${a} vs ${b}`);

test('in-flow, out-flow, net and gross match the hand computation (diagonal excluded)', () => {
  assert.deepEqual(inflow(table), { A: 5, B: 19, C: 11 });
  assert.deepEqual(outflow(table), { A: 15, B: 10, C: 10 });
  assert.deepEqual(netFlow(table), { A: -10, B: 9, C: 1 });
  assert.deepEqual(grossFlow(table), { A: 20, B: 29, C: 21 });
});

test('efficiency: per region net/gross and system sum|net|/sum gross = 20/70', () => {
  const e = migrationEfficiency(table);
  close(e.byRegion.A, -0.5);
  close(e.byRegion.B, 9 / 29);
  close(e.byRegion.C, 1 / 21);
  close(e.system, 2 / 7);
});

test('crude rates per 1,000: A in 5, out 15, net -10; B 9.5, 5, 4.5; C 22, 20, 2; annualised over 5 years', () => {
  const r = crudeRates(table, populations);
  assert.deepEqual(r.inRate, { A: 5, B: 9.5, C: 22 });
  assert.deepEqual(r.outRate, { A: 15, B: 5, C: 20 });
  assert.deepEqual(r.netRate, { A: -10, B: 4.5, C: 2 });
  const r5 = crudeRates(table, populations, { years: 5 });
  assert.equal(r5.netRate.A, -2);
});

test('a region without population gets null rates and a warning naming it', () => {
  const r = crudeRates(table, Float64Array.from([1000, Number.NaN, 0]));
  assert.equal(r.inRate.B, null);
  assert.equal(r.netRate.C, null);
  assert.match(r.warnings[0], /B \(NaN\), C \(0\)/);
  assert.throws(() => crudeRates(table, [1, 2]), { code: 'INPUT' });
});

test('retention = stayers / (stayers + out-flow): A 50/65, B 80/90, C 30/40; overall 160/195', () => {
  const r = retentionRate(table);
  close(r.byRegion.A, 50 / 65);
  close(r.byRegion.B, 80 / 90);
  close(r.byRegion.C, 0.75);
  close(r.overall, 160 / 195);
  assert.deepEqual(r.cohort, { A: 65, B: 90, C: 40 });
  assert.deepEqual(r.warnings, []);
  const noDiagonal = flowTableFromRows([{ origin: 'A', destination: 'B', count: 1 }]);
  assert.equal(retentionRate(noDiagonal).warnings.length, 1);
});

test('Bell et al. (2002) indices: CMI 100*35/3500 = 1, MEI 100*20/70, ANMR 100*0.5*20/3500 = CMI*MEI/100', () => {
  const ix = migrationIndices(table, populations);
  close(ix.cmi, 1);
  close(ix.mei, 2000 / 70);
  close(ix.anmr, 1000 / 3500);
  close(ix.anmr, (ix.cmi * (ix.mei as number)) / 100);
  assert.equal(migrationIndices(table, 3500).moves, 35);
});

test('top corridors: A->B 10/35, C->B 9/35, cumulative 19/35', () => {
  const c = topCorridors(table, { n: 2 });
  assert.equal(c.total, 35);
  assert.deepEqual(c.corridors.map((x) => [x.origin, x.destination, x.count]), [['A', 'B', 10], ['C', 'B', 9]]);
  close(c.corridors[0].share, 10 / 35);
  close(c.corridors[1].cumulativeShare, 19 / 35);
  const withIntra = topCorridors(table, { n: 1, includeIntra: true });
  assert.deepEqual([withIntra.total, withIntra.corridors[0].destination], [195, 'B']);
});

test('duplicate origin-destination rows are summed before ranking corridors', () => {
  const t = flowTableFromRows([
    { origin: 'X', destination: 'Y', count: 3 },
    { origin: 'X', destination: 'Z', count: 4 },
    { origin: 'X', destination: 'Y', count: 2 },
  ]);
  assert.deepEqual(topCorridors(t, { n: 1 }).corridors[0], { origin: 'X', destination: 'Y', count: 5, share: 5 / 9, cumulativeShare: 5 / 9 });
});

test('destination concentration of A over {B: 10, C: 5}: top-1 2/3, Gini 1/6, entropy H(2/3,1/3)/ln 2', () => {
  // Gini by hand: mean |difference| over ordered pairs = (5 + 5) / 4 = 2.5; G = 2.5 / (2 * 7.5) = 1/6.
  const c = destinationConcentration(table, { k: 1 });
  close(c.A.topShare, 2 / 3);
  close(c.A.gini, 1 / 6);
  close(c.A.entropy, -((2 / 3) * Math.log(2 / 3) + (1 / 3) * Math.log(1 / 3)) / Math.log(2));
  assert.equal(c.A.destinations, 2);
  assert.equal(c.B.total, 10);
});

test('regionSummary agrees with the single measures', () => {
  const s = regionSummary(table, populations);
  assert.deepEqual(s.rows[0], { code: 'A', inflow: 5, outflow: 15, net: -10, gross: 20, efficiency: -0.5, intra: 50, population: 1000, inRate: 5, outRate: 15, netRate: -10 });
  assert.equal(regionSummary(table).rows[2].netRate, null);
});

test('negative, NaN and out-of-range rows are refused with the row number', () => {
  const bad = { ...table, count: Float64Array.from([1, 2, -3, 4, 5, 6, 7, 8, 9]) };
  assert.throws(() => netFlow(bad), (e: Error & { code?: string; row?: number }) => e.code === 'INPUT' && e.row === 3);
  const nan = { ...table, count: Float64Array.from([1, 2, 3, Number.NaN, 5, 6, 7, 8, 9]) };
  assert.throws(() => grossFlow(nan), { code: 'INPUT' });
  const range = { ...table, destination: Uint32Array.from([0, 1, 2, 0, 1, 7, 0, 1, 2]) };
  assert.throws(() => inflow(range), /destination index 7/);
});
