/**
 * Properties of the gravity fitter that hold whatever the data: constrained totals reproduced,
 * log-likelihood monotone over iterations, and clear diagnostics instead of NaN.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError, SpecError } from '../../core/errors.ts';
import { syntheticGravity } from '../../../test/helpers/synthetic.ts';
import { fitGravity } from './fit.ts';
import { predictGravity } from './predict.ts';
import type { Constraint, GravityData, GravityResult } from './types.ts';

const constraints: Constraint[] = ['unconstrained', 'production', 'attraction', 'doubly'];

function sums(data: GravityData, values: ArrayLike<number>, rows: ArrayLike<number>, by: 'origin' | 'destination'): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const code = data.regions[data[by][rows[i]]];
    out.set(code, (out.get(code) ?? 0) + values[i]);
  }
  return out;
}

function assertNoNaN(value: unknown, path = 'result'): void {
  if (typeof value === 'number') assert.ok(!Number.isNaN(value), `${path} is NaN`);
  else if (Array.isArray(value)) value.forEach((v, i) => assertNoNaN(v, `${path}[${i}]`));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) assertNoNaN(v, `${path}.${k}`);
}

test('constrained fits reproduce their marginal totals to 1e-9 (relative), on complete and sparse tables', () => {
  for (const seed of [1, 2, 3]) {
    const data = syntheticGravity({ n: 25, seed, covariates: true, constant: -8 });
    // make it sparse: drop a third of the pairs
    const keep = Array.from(data.flow, (_, r) => (r * 7919 + seed) % 3 !== 0);
    const idx = keep.flatMap((k, r) => (k ? [r] : []));
    const pick = <T extends Float64Array | Uint32Array>(a: T): T => (a instanceof Float64Array ? Float64Array.from(idx, (r) => a[r]) : Uint32Array.from(idx, (r) => a[r])) as T;
    const sparse: GravityData = {
      regions: data.regions, origin: pick(data.origin), destination: pick(data.destination), flow: pick(data.flow), cost: pick(data.cost),
      covariates: Object.fromEntries(Object.entries(data.covariates!).map(([k, v]) => [k, pick(v)])),
    };
    for (const d of [data, sparse]) {
      for (const constraint of ['production', 'attraction', 'doubly'] as const) {
        const m = fitGravity(d, {
          constraint, decay: 'power', keepFitted: true,
          originTerms: constraint === 'attraction' ? ['origin_gdp'] : [],
          destinationTerms: constraint === 'production' ? ['dest_gdp'] : [],
          pairTerms: [{ column: 'contig', transform: 'identity' }],
        });
        assert.ok(m.converged, m.stopReason);
        for (const by of ['origin', 'destination'] as const) {
          if ((by === 'origin' && constraint === 'attraction') || (by === 'destination' && constraint === 'production')) continue;
          const observed = sums(d, Array.from(m.fittedRows!, (r) => d.flow[r]), m.fittedRows!, by);
          const fitted = sums(d, m.fitted!, m.fittedRows!, by);
          for (const [code, total] of observed) {
            const rel = Math.abs(fitted.get(code)! - total) / total;
            assert.ok(rel <= 1e-9, `${constraint} ${by} ${code}: fitted ${fitted.get(code)} vs observed ${total} (rel ${rel})`);
          }
        }
      }
    }
  }
});

test('the log-likelihood never decreases across iterations (all constraint types, both decays, several tables)', () => {
  for (const seed of [11, 12, 13, 14]) {
    const data = syntheticGravity({ n: 12 + seed, seed, covariates: true, constant: -7 });
    for (const constraint of constraints) {
      for (const decay of ['power', 'exponential'] as const) {
        const origin = constraint === 'unconstrained' || constraint === 'attraction';
        const destination = constraint === 'unconstrained' || constraint === 'production';
        const m = fitGravity(data, {
          constraint, decay,
          originTerms: origin ? ['origin_pop', 'origin_gdp'] : [],
          destinationTerms: destination ? ['dest_pop', 'dest_gdp'] : [],
          pairTerms: [{ column: 'contig', transform: 'identity' }],
        });
        const t = m.logLikelihoodTrace;
        assert.ok(t.length >= 2, 'trace has the start and at least one iteration');
        for (let i = 1; i < t.length; i++) assert.ok(t[i] >= t[i - 1], `${constraint}/${decay} seed ${seed}: trace[${i}] = ${t[i]} < trace[${i - 1}] = ${t[i - 1]}`);
        assert.ok(Math.abs(t[t.length - 1] - m.logLikelihood) <= 1e-9 * Math.abs(m.logLikelihood), 'trace ends at the reported log-likelihood');
      }
    }
  }
});

const tiny = (): GravityData => ({
  regions: ['A', 'B', 'C', 'D'],
  origin: Uint32Array.from([0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3]),
  destination: Uint32Array.from([1, 2, 3, 0, 2, 3, 0, 1, 3, 0, 1, 2]),
  flow: Float64Array.from([50, 20, 0, 40, 30, 10, 15, 25, 5, 8, 12, 30]),
  cost: Float64Array.from([1, 2, 3, 1, 1.5, 2, 2, 1.5, 1, 3, 2, 1]),
  covariates: {
    pop_o: Float64Array.from([10, 10, 10, 20, 20, 20, 15, 15, 15, 5, 5, 5]),
    pop_d: Float64Array.from([20, 15, 5, 10, 15, 5, 10, 20, 5, 10, 20, 15]),
  },
});

test('zero-flow rows are kept with a warning, and nothing in the result is NaN', () => {
  for (const constraint of constraints) {
    const m = fitGravity(tiny(), { constraint, decay: 'power', originTerms: constraint === 'production' || constraint === 'doubly' ? [] : ['pop_o'] });
    assert.ok(m.warnings.some((w) => /1 of 12 rows have zero flow/.test(w)), m.warnings.join('; '));
    assertNoNaN(m);
  }
});

test('a region with no outflow is dropped from a production-constrained fit with a warning naming it (R: a huge negative coefficient)', () => {
  const d = tiny();
  const flow = Float64Array.from(d.flow);
  flow.fill(0, 9, 12); // D sends nothing
  const m = fitGravity({ ...d, flow }, { constraint: 'production', decay: 'power', destinationTerms: ['pop_d'] });
  assert.ok(m.warnings.some((w) => w.includes('origin "D" has no outflow') && w.includes('3 rows')), m.warnings.join('; '));
  assert.equal(m.nobs, 9);
  assert.equal(m.effects.origin!.D, null);
  assertNoNaN(m);
  const dd = fitGravity({ ...d, flow }, { constraint: 'doubly', decay: 'power' });
  assert.ok(dd.warnings.some((w) => w.includes('origin "D" has no outflow')));
  assertNoNaN(dd);
});

test('collinear covariates raise a SpecError naming the columns', () => {
  const d = tiny();
  const twice = Float64Array.from(d.covariates!.pop_d, (v) => v * v); // log(twice) = 2 log(pop_d)
  assert.throws(
    () => fitGravity({ ...d, covariates: { ...d.covariates, twice } }, { constraint: 'unconstrained', decay: 'power', destinationTerms: ['pop_d', 'twice'] }),
    (e: unknown) => e instanceof SpecError && e.field === 'twice' && /"pop_d"/.test(e.message),
  );
  // an origin attribute cannot be estimated next to origin fixed effects
  assert.throws(
    () => fitGravity(d, { constraint: 'production', decay: 'power', originTerms: ['pop_o'] }),
    (e: unknown) => e instanceof SpecError && e.field === 'pop_o' && /origin fixed effects/.test(e.message),
  );
});

test('a non-positive cost with power decay is an InputError naming the pair; exponential decay accepts it', () => {
  const d = tiny();
  const cost = Float64Array.from(d.cost);
  cost[4] = 0;
  assert.throws(
    () => fitGravity({ ...d, cost }, { constraint: 'doubly', decay: 'power' }),
    (e: unknown) => e instanceof InputError && e.row === 5 && e.column === 'cost' && /B -> C/.test(e.message),
  );
  assertNoNaN(fitGravity({ ...d, cost }, { constraint: 'doubly', decay: 'exponential' }));
});

test('bad specifications name the field', () => {
  const d = tiny();
  assert.throws(() => fitGravity(d, { constraint: 'both' as Constraint, decay: 'power' }), (e: unknown) => e instanceof SpecError && e.field === 'constraint');
  assert.throws(() => fitGravity(d, { constraint: 'doubly', decay: 'power', pairTerms: ['nope'] }), (e: unknown) => e instanceof SpecError && e.field === 'pairTerms[0]');
  assert.throws(() => fitGravity({ ...d, flow: new Float64Array(12) }, { constraint: 'unconstrained', decay: 'power' }), (e: unknown) => e instanceof InputError && /every flow is zero/.test(e.message));
  const neg = Float64Array.from(d.flow);
  neg[2] = -1;
  assert.throws(() => fitGravity({ ...d, flow: neg }, { constraint: 'unconstrained', decay: 'power' }), (e: unknown) => e instanceof InputError && e.row === 3 && e.column === 'flow');
});

function predictOn(m: GravityResult, d: GravityData, cost: Float64Array) {
  return predictGravity(m, { regions: d.regions, origin: d.origin, destination: d.destination, cost, covariates: d.covariates });
}

test('predict: on the fitted data it returns the fitted values; with changed costs constrained totals are kept exactly', () => {
  const d = syntheticGravity({ n: 15, seed: 5, covariates: true, constant: -7 });
  const cheaper = Float64Array.from(d.cost, (c, r) => (d.origin[r] === 0 ? c / 2 : c));
  for (const constraint of constraints) {
    const m = fitGravity(d, { constraint, decay: 'power', keepFitted: true, originTerms: constraint === 'unconstrained' || constraint === 'attraction' ? ['origin_pop'] : [], destinationTerms: constraint === 'unconstrained' || constraint === 'production' ? ['dest_pop'] : [] });
    const same = predictOn(m, d, d.cost).expected;
    m.fittedRows!.forEach((r, i) => assert.ok(Math.abs(same[r] - m.fitted![i]) <= 1e-9 * m.fitted![i] + 1e-12, `${constraint} row ${r}`));
    // the result survives JSON (stored in a workspace, sent over HTTP) and still predicts
    const stored = JSON.parse(JSON.stringify(m)) as GravityResult;
    assert.deepEqual(predictOn(stored, d, d.cost).expected, same);
    const changed = predictOn(m, d, cheaper).expected;
    const all = Array.from(d.flow.keys());
    for (const by of ['origin', 'destination'] as const) {
      const kept = by === 'origin' ? m.margins.origin : m.margins.destination;
      if (!kept) continue;
      const got = sums(d, changed, all, by);
      for (const [code, total] of Object.entries(kept)) assert.ok(Math.abs(got.get(code)! - total) <= 1e-9 * total, `${constraint} ${by} ${code}`);
    }
    if (constraint === 'unconstrained') assert.ok(changed.reduce((a, b) => a + b, 0) > same.reduce((a, b) => a + b, 0), 'cheaper costs raise unconstrained flows');
  }
});

test('panels: period effects and standard errors clustered by origin-destination pair', () => {
  const d = syntheticGravity({ n: 10, seed: 9, periods: 3, constant: -1 });
  const m = fitGravity(d, { constraint: 'doubly', decay: 'power' });
  assert.ok(m.clusteredStandardErrors !== null && m.clusteredStandardErrors.cost > 0);
  assert.deepEqual(Object.keys(m.effects.period!), ['2000', '2001', '2002']);
  assert.ok(Math.abs(m.effects.period!['2002']! - 0.1) < 0.05, `period effect ${m.effects.period!['2002']} near the true 0.1`);
  const per = fitGravity(d, { constraint: 'doubly', decay: 'power', constraintsPerPeriod: true, keepFitted: true });
  assert.ok(per.margins.origin && Object.keys(per.margins.origin).some((k) => k.endsWith('@2001')));
  assertNoNaN(per);
});

test('large dense grid (1,001 x 1,001, started from a sub-grid fit): converged, totals to 1e-9, trace monotone, exponent near the truth', () => {
  const d = syntheticGravity({ n: 1001, seed: 21, constant: -8 });
  const m = fitGravity(d, { constraint: 'doubly', decay: 'power', keepFitted: true });
  assert.ok(m.converged, m.stopReason);
  assert.ok(Math.abs(m.coefficients.cost + 1.2) < 5 * m.standardErrors.cost, `exponent ${m.coefficients.cost} (SE ${m.standardErrors.cost})`);
  for (let i = 1; i < m.logLikelihoodTrace.length; i++) assert.ok(m.logLikelihoodTrace[i] >= m.logLikelihoodTrace[i - 1]);
  for (const by of ['origin', 'destination'] as const) {
    const observed = sums(d, Array.from(m.fittedRows!, (r) => d.flow[r]), m.fittedRows!, by);
    const fitted = sums(d, m.fitted!, m.fittedRows!, by);
    for (const [code, total] of observed) assert.ok(Math.abs(fitted.get(code)! - total) <= 1e-9 * total, `${by} ${code}`);
  }
});
