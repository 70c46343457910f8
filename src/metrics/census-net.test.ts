import { test } from 'node:test';
import assert from 'node:assert/strict';
import { censusNetMigration } from './census-net.ts';
import { periodChange } from './change.ts';

const input = { regions: ['R1', 'R2'], start: [1000, 2000], end: [1100, 1900], years: 10 };
const close = (a: number | null, b: number, tol = 1e-9) => assert.ok(a !== null && Math.abs(a - b) <= tol, `${a} vs ${b}`);

test('annual rate 1% compounded over 10 years: natural = P0 (1.01^10 - 1)', () => {
  // 1.01^10 - 1 = 0.1046221254...; R1 natural 104.622, net 100 - 104.622 = -4.622;
  // R2 natural 209.244, net -100 - 209.244 = -309.244.
  const r = censusNetMigration(input, { annualRate: 0.01 });
  const f = Math.pow(1.01, 10) - 1;
  close(r.byRegion.R1.natural, 1000 * f);
  close(r.byRegion.R1.net, 100 - 1000 * f);
  close(r.byRegion.R2.net, -100 - 2000 * f);
  close(r.byRegion.R2.netRatePer1000, (1000 * (-100 - 2000 * f)) / 2000);
  assert.deepEqual(r.natural, { method: 'annual-rate', annualRate: 0.01 });
});

test('rate 0 ignores natural change (net = population change) and says so', () => {
  const r = censusNetMigration(input, { annualRate: 0 });
  assert.equal(r.byRegion.R1.net, 100);
  assert.equal(r.byRegion.R2.net, -100);
  assert.match(r.warnings[0], /ignored/);
});

test('natural change per region: net = change - natural', () => {
  const r = censusNetMigration(input, { perRegion: [50, -30] });
  assert.equal(r.byRegion.R1.net, 50);
  assert.equal(r.byRegion.R2.net, -70);
});

test('no default: natural change must be given; missing populations are skipped and named', () => {
  assert.throws(() => censusNetMigration(input, {} as never), { code: 'SPEC' });
  const r = censusNetMigration({ ...input, end: [1100, Number.NaN] }, { annualRate: 0 });
  assert.deepEqual(r.skipped, ['R2']);
  assert.ok(!('R2' in r.byRegion));
});

test('period change: difference and percent change of |before|; one-period regions listed apart', () => {
  const c = periodChange({ A: 10, B: 0, C: 5, N: -10 }, { A: 15, B: 3, D: 1, N: -5 });
  assert.deepEqual(c.byRegion.A, { before: 10, after: 15, difference: 5, percentChange: 50 });
  assert.deepEqual(c.byRegion.B, { before: 0, after: 3, difference: 3, percentChange: null });
  assert.deepEqual(c.byRegion.N, { before: -10, after: -5, difference: 5, percentChange: 50 });
  assert.deepEqual([c.onlyBefore, c.onlyAfter], [['C'], ['D']]);
});
