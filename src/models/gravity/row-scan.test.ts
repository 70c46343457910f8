/**
 * The design's one pass over origin, destination, flow and cost (row-scan.ts) must change nothing
 * a fit reports: a table where it answers every question and the same table sent down the
 * step-by-step path (by one extra row with a missing flow, which that path drops) give the same
 * coefficients, observations and warnings, whatever the table holds: intra rows, zero flows,
 * origins and destinations with nothing to fit, repeated pairs summed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { syntheticGravity } from '../../../test/helpers/synthetic.ts';
import { MISSING } from '../../numeric/interact.ts';
import { fitGravity } from './fit.ts';
import { scanCoreRows } from './row-scan.ts';
import type { GravityData, GravitySpec } from './types.ts';

test('the scan marks the rows to use and finds missing values, bad flows and costs, repeated pairs and margins', () => {
  const origin = Uint32Array.from([0, 1, 2, 0, 1, 2]);
  const destination = Uint32Array.from([1, 1, 0, 2, 2, 1]);
  const flow = Float64Array.from([5, 9, 0, -1, 3, 2]);
  const cost = Float64Array.from([1, 1, 0, 2, 3, 4]);
  const keep = new Uint8Array(6);
  const s = scanCoreRows(origin, destination, flow, cost, 3, false, true, keep);
  assert.deepEqual([...keep], [1, 0, 1, 1, 1, 1]);
  assert.equal(s.intraDropped, 1);
  assert.equal(s.kept, 5);
  assert.equal(s.badRow, -1);
  assert.equal(s.missing, false);
  assert.equal(s.badFlow, 3);
  assert.equal(s.badCost, 2, 'a power decay needs a positive cost');
  assert.equal(s.pairsUnique, true);
  assert.deepEqual([...s.originTotal], [4, 3, 2]);
  assert.deepEqual([...s.originCount], [2, 1, 2]);
  assert.deepEqual([...s.destinationTotal], [0, 7, 2]);
  assert.deepEqual([...s.destinationCount], [1, 2, 2]);

  const exp = scanCoreRows(origin, destination, flow, cost, 3, true, false, new Uint8Array(6));
  assert.equal(exp.badCost, -1, 'an exponential decay takes a zero cost');
  assert.equal(exp.kept, 6);

  const repeated = scanCoreRows(Uint32Array.from([0, 1, 0]), Uint32Array.from([1, 0, 1]), Float64Array.from([1, 2, 3]), Float64Array.from([1, 1, 1]), 2, false, true, new Uint8Array(3));
  assert.equal(repeated.pairsUnique, false);
  const gap = scanCoreRows(Uint32Array.from([0, MISSING]), Uint32Array.from([1, 0]), Float64Array.from([1, 2]), Float64Array.from([1, NaN]), 2, false, true, new Uint8Array(2));
  assert.equal(gap.missing, true);
  assert.equal(gap.pairsUnique, null, 'pairs are not vouched for when a row misses a value');
  const out = scanCoreRows(Uint32Array.from([0, 5]), Uint32Array.from([1, 0]), Float64Array.from([1, 2]), Float64Array.from([1, 1]), 2, false, true, new Uint8Array(2));
  assert.equal(out.badRow, 1);
});

/** The table with one row appended: origin 0 to destination 1, flow missing (NaN), other columns copied from row 0. */
function withMissingRow(d: GravityData): GravityData {
  const add = <T extends Float64Array | Uint32Array>(a: T, v: number): T => {
    const b = new (a.constructor as new (n: number) => T)(a.length + 1);
    b.set(a);
    b[a.length] = v;
    return b;
  };
  return {
    ...d,
    origin: add(d.origin, 0),
    destination: add(d.destination, 1),
    flow: add(d.flow, NaN),
    cost: add(d.cost, d.cost[0]),
    covariates: Object.fromEntries(Object.entries(d.covariates ?? {}).map(([k, v]) => [k, add(v as Float64Array, v[0])])),
  };
}

function assertSameFit(d: GravityData, spec: GravitySpec, what: string): void {
  const one = fitGravity(d, spec);
  const steps = fitGravity(withMissingRow(d), spec);
  assert.equal(steps.dropped.missing, 1, what);
  assert.deepEqual(steps.coefficients, one.coefficients, what);
  assert.equal(steps.nobs, one.nobs, what);
  assert.equal(steps.duplicatesSummed, one.duplicatesSummed, what);
  const rest = (w: readonly string[]) => w.filter((x) => !/missing|left out/i.test(x));
  assert.deepEqual(rest(steps.warnings), rest(one.warnings), what);
}

test('a table fits the same through the one-pass scan and through the step-by-step path', () => {
  const base = syntheticGravity({ n: 12, seed: 7 });
  assertSameFit(base, { constraint: 'doubly', decay: 'power' }, 'plain grid');
  assertSameFit(base, { constraint: 'production', decay: 'exponential', destinationTerms: ['dest_pop'] }, 'production');

  // Origin R3 sends nothing, and destination R5 is reached only from R3: once R3's rows leave,
  // R5 has no row at all, so it gets no warning of its own.
  const flow = Float64Array.from(base.flow);
  for (let r = 0; r < flow.length; r++) {
    if (base.origin[r] === 3) flow[r] = 0;
    else if (base.destination[r] === 5) flow[r] = 0;
  }
  const keepRow = Array.from(base.flow, (_, r) => base.destination[r] !== 5 || base.origin[r] === 3);
  const pick = <T extends Float64Array | Uint32Array>(a: T): T => (a.filter((_, r) => keepRow[r]) as T);
  const empty: GravityData = { ...base, origin: pick(base.origin), destination: pick(base.destination), flow: pick(flow), cost: pick(base.cost), covariates: Object.fromEntries(Object.entries(base.covariates ?? {}).map(([k, v]) => [k, pick(v as Float64Array)])) };
  const m = fitGravity(empty, { constraint: 'doubly', decay: 'power' });
  assert.ok(m.warnings.some((w) => w.includes(`origin "${base.regions[3]}" has no outflow`)), m.warnings.join('; '));
  assert.ok(!m.warnings.some((w) => w.includes(`destination "${base.regions[5]}"`)), m.warnings.join('; '));
  assertSameFit(empty, { constraint: 'doubly', decay: 'power' }, 'empty origin and destination');

  // Intra rows and a repeated pair summed.
  const intra: GravityData = {
    ...base,
    origin: Uint32Array.from([...base.origin, 2, 4]),
    destination: Uint32Array.from([...base.destination, 2, base.destination[0]]),
    flow: Float64Array.from([...base.flow, 50, 7]),
    cost: Float64Array.from([...base.cost, 1, base.cost[0]]),
    covariates: Object.fromEntries(Object.entries(base.covariates ?? {}).map(([k, v]) => [k, Float64Array.from([...(v as Float64Array), 1, 1])])),
  };
  // The repeated pair (origin 4) must carry the same cost as its first row to be summed.
  const firstOfPair = Array.from(base.origin).findIndex((o, r) => o === 4 && base.destination[r] === base.destination[0]);
  intra.cost[intra.cost.length - 1] = base.cost[firstOfPair];
  for (const v of Object.values(intra.covariates ?? {})) (v as Float64Array)[v.length - 1] = (v as Float64Array)[firstOfPair];
  assertSameFit(intra, { constraint: 'doubly', decay: 'power', duplicates: 'sum' }, 'intra rows and a summed pair');
  assertSameFit(intra, { constraint: 'doubly', decay: 'power', intra: true, duplicates: 'sum' }, 'intra rows fitted');
});
