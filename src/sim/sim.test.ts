import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { predictGravity } from '../models/index.ts';
import { createRng } from '../numeric/index.ts';
import { SpecError } from '../core/errors.ts';
import { messageIn } from '../core/messages/zh.ts';
import { mvNormalSampler } from '../numeric/mvnormal.ts';
import { aggregateCounterfactual, compileLevers, compareScenarios, parseScenario, runScenario, simulateCohorts, type Lever, type LeverDefinition } from './index.ts';
import { syntheticWorld, worldModel } from './test-fixtures.ts';

const world = syntheticWorld(12);
const n = world.regions.length;
const mask = (...idx: number[]) => { const m = new Uint8Array(n); for (const i of idx) m[i] = 1; return m; };
const lever = (over: Partial<LeverDefinition> = {}): LeverDefinition => ({
  term: 'destination_income', targets: mask(0, 1), change: { type: 'relative', value: 0.1 }, startYear: 2025, duration: 3,
  eligibility: ['stayers', 'arrivals'], benefitYears: 2, cost: { rule: 'per-person-year', amount: 1000 }, ...over,
});
const sizes = Float64Array.from(world.population, (p) => p * 0.01);

test('movers-only gravity choice reproduces predictGravity of the production-constrained fit', () => {
  const m = worldModel(world);
  const rows = n * (n - 1);
  const origin = new Uint32Array(rows), destination = new Uint32Array(rows), cost = new Float64Array(rows), pop = new Float64Array(rows), inc = new Float64Array(rows);
  let r = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) {
    origin[r] = i; destination[r] = j; cost[r] = world.cost[i * n + j]; pop[r] = world.population[j]; inc[r] = world.income[j]; r++;
  }
  const pred = predictGravity(world.result, { regions: world.regions, origin, destination, cost, covariates: { destination_population: pop, destination_income: inc } });
  const p = new Float64Array(n);
  r = 0;
  for (let i = 0; i < n; i++) {
    m.probabilities(i, m.baseline, p);
    assert.equal(p[i], 0);
    const total = world.result.margins.origin![world.regions[i]];
    for (let j = 0; j < n; j++) if (i !== j) { assert.ok(Math.abs(p[j] * total - pred.expected[r]) <= 1e-9 * pred.expected[r] + 1e-9); r++; }
  }
});

test('stay shares are met exactly at the baseline; probabilities sum to 1', () => {
  const share = Float64Array.from({ length: n }, (_, i) => 0.3 + 0.05 * i);
  const m = worldModel(world, share);
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    m.probabilities(i, m.baseline, p);
    assert.ok(Math.abs(p[i] - share[i]) < 1e-12);
    assert.ok(Math.abs(p.reduce((a, b) => a + b, 0) - 1) < 1e-12);
  }
});

test('an empty scenario reproduces the baseline exactly; a zero-size change changes nothing', () => {
  const m = worldModel(world, 0.6);
  const empty = aggregateCounterfactual(m, sizes, []);
  assert.deepEqual(empty.scenario.flows, empty.baseline.flows);
  const zero = aggregateCounterfactual(m, sizes, compileLevers(m, [lever({ change: { type: 'relative', value: 0 } })]));
  assert.deepEqual(zero.scenario.flows, zero.baseline.flows);
  const zeroAbs = aggregateCounterfactual(m, sizes, compileLevers(m, [lever({ change: { type: 'absolute', value: 0 } })]));
  assert.deepEqual(zeroAbs.scenario.flows, zeroAbs.baseline.flows);
  const run = runScenario({ model: m, startYear: 2025, years: 4, sizes, levers: [], returnRates: [0.1], outcome: mask(0, 1), draws: 5, seed: 3, maxAgentsPerYear: 20000 });
  for (const y of run.years) assert.deepEqual([y.retainedDelta.median, y.retainedDelta.p05, y.retainedDelta.p95], [0, 0, 0]);
});

test('the effect follows the sign of the coefficient', () => {
  const m = worldModel(world, 0.5);
  const j = m.parameters.names.indexOf('destination_income');
  assert.ok(m.parameters.estimate[j] > 0);
  const up = aggregateCounterfactual(m, sizes, compileLevers(m, [lever()]));
  assert.ok(up.scenario.stock[0] > up.baseline.stock[0] && up.scenario.retention[0] > up.baseline.retention[0]);
  const flipped = m.withParameters(m.parameters.estimate.map((b, k) => (k === j ? -b : b)));
  const down = aggregateCounterfactual(flipped, sizes, compileLevers(flipped, [lever()]));
  assert.ok(down.scenario.stock[0] < down.baseline.stock[0] && down.scenario.retention[0] < down.baseline.retention[0]);
  // Arrivals only: the targets' own retention is untouched, inflow rises.
  const arr = aggregateCounterfactual(m, sizes, compileLevers(m, [lever({ eligibility: ['arrivals'] })]));
  assert.ok(arr.scenario.inflow[0] > arr.baseline.inflow[0] && arr.scenario.retention[0] < arr.baseline.retention[0] + 1e-15);
});

test('a province-scale aggregate counterfactual takes under 50 ms', () => {
  const w = syntheticWorld(31, 3);
  const m = worldModel(w, 0.6);
  const s = Float64Array.from(w.population, (p) => p * 0.01);
  const levers = compileLevers(m, [lever({ targets: new Uint8Array(31).fill(1) })]);
  aggregateCounterfactual(m, s, levers);
  const t0 = performance.now();
  for (let k = 0; k < 10; k++) aggregateCounterfactual(m, s, levers);
  assert.ok((performance.now() - t0) / 10 < 50);
});

test('microsimulation means agree with the aggregate counterfactual within Monte Carlo error', () => {
  const m = worldModel(world, 0.55);
  const levers = compileLevers(m, [lever()]);
  const cf = aggregateCounterfactual(m, sizes, levers, { year: 2025 });
  const sim = simulateCohorts({ model: m, startYear: 2025, years: 1, sizes, levers, rng: createRng(11) });
  for (let j = 0; j < n; j++) {
    // stock_j is a sum of independent multinomial counts: var = sum_i n_i p_ij (1 - p_ij).
    let v = 0;
    for (let i = 0; i < n; i++) { const p = cf.scenario.flows[i * n + j] / sizes[i]; v += sizes[i] * p * (1 - p); }
    assert.ok(Math.abs(sim.stock[j] - cf.scenario.stock[j]) < 4.5 * Math.sqrt(v) + 1, `region ${j}: ${sim.stock[j]} vs ${cf.scenario.stock[j]}`);
  }
  // Recipients in the first year are the expected eligible persons, within the same error.
  assert.ok(Math.abs(sim.recipients[0] - cf.levers[0].recipients) < 4.5 * Math.sqrt(cf.levers[0].recipients) + 1);
});

test('costs add up to eligible persons x the rule', () => {
  const m = worldModel(world, 0.5);
  const perPerson = compileLevers(m, [lever({ eligibility: ['stayers'], benefitYears: 2, duration: 2 })]);
  const sim = simulateCohorts({ model: m, startYear: 2025, years: 5, sizes, levers: perPerson, rng: createRng(5) });
  for (let t = 0; t < 5; t++) assert.ok(Math.abs(sim.cost[t] - 1000 * sim.recipients[t]) < 1e-6 * (1 + sim.cost[t]));
  // Stayers never leave: paid in 2025 (cohort 2025), 2026 (2025 + 2026), 2027 (2026), none after.
  assert.ok(sim.recipients[0] > 0 && sim.recipients[1] > sim.recipients[0] && sim.recipients[2] > 0);
  assert.equal(sim.recipients[3], 0);
  assert.ok(Math.abs(sim.recipients[1] - sim.recipients[0] - sim.recipients[2]) < 1e-6 * sim.recipients[1]);
  const fixed = compileLevers(m, [lever({ duration: 3, cost: { rule: 'fixed-budget', amountPerYear: 5e6 } })]);
  const f = simulateCohorts({ model: m, startYear: 2025, years: 5, sizes, levers: fixed, rng: createRng(5) });
  assert.deepEqual(Array.from(f.cost), [5e6, 5e6, 5e6, 0, 0]);
});

const runInput = (model = worldModel(world, 0.5), levers: Lever[] = compileLevers(model, [lever()])) => ({
  model, startYear: 2025, years: 6, sizes, levers, returnRates: [0.1, 0.05], outcome: mask(0, 1), draws: 40, seed: 9, maxAgentsPerYear: 30000,
});

test('the same seed gives byte-identical results; another seed does not', () => {
  const a = JSON.stringify(runScenario(runInput()));
  const b = JSON.stringify(runScenario(runInput()));
  assert.equal(a, b);
  assert.notEqual(JSON.stringify(runScenario({ ...runInput(), seed: 10 })), a);
});

test('intervals widen when the coefficient covariance is scaled up', () => {
  const width = (scale: number) => {
    const m = worldModel(world, 0.5, { covarianceScale: scale });
    const s = runScenario(runInput(m, compileLevers(m, [lever()]))).summary.retainedDelta;
    return s.p95! - s.p05!;
  };
  const narrow = width(1);
  const wide = width(10000); // the synthetic fit is precise: at scale 1 simulation noise dominates
  assert.ok(wide > 1.5 * narrow, `${wide} vs ${narrow}`);
  const r = runScenario(runInput());
  assert.ok(r.summary.costPerRetained.median! > 0 && r.summary.retainedDelta.median! > 0);
  assert.equal(compareScenarios([{ name: 'a', model: 'm', result: r }, { name: 'b', model: 'm', result: r }]).scenarios.length, 2);
});

test('multivariate normal draws have the given mean and covariance (within Monte Carlo error)', () => {
  const s = mvNormalSampler([1, -2], [4, 1.2, 1.2, 1]);
  const rng = createRng(2);
  const k = 20000;
  let m0 = 0, m1 = 0, c01 = 0;
  const x = new Float64Array(2);
  for (let i = 0; i < k; i++) { s.draw(rng, x); m0 += x[0]; m1 += x[1]; c01 += (x[0] - 1) * (x[1] + 2); }
  assert.ok(Math.abs(m0 / k - 1) < 0.05 && Math.abs(m1 / k + 2) < 0.03 && Math.abs(c01 / k - 1.2) < 0.1);
});

test('schema errors name the field', () => {
  const ok = { name: 's', baseline: { model: 'm', period: '2019', cohort: { source: 'indicator', indicator: 'population', rate: 0.01 }, stayShare: 0.5 }, horizon: { startYear: 2020, years: 5 } };
  assert.equal(parseScenario(ok).returns.rates.length, 3);
  const bad = (doc: unknown, field: RegExp) => assert.throws(() => parseScenario(doc), (e: Error & { field?: string }) => field.test(e.field ?? '') && e.message.includes(e.field ?? '?'));
  bad({ ...ok, baseline: { ...ok.baseline, stayShare: 1.5 } }, /^baseline\.stayShare$/);
  bad({ ...ok, horizon: { startYear: 2020, years: 0 } }, /^horizon\.years$/);
  bad({ ...ok, interventions: [{ targets: ['KR26'], term: 'destination_grdp_pc', change: { type: 'relative', value: 'x' }, startYear: 2020 }] }, /^interventions\[0\]\.change\.value$/);
  bad({ ...ok, interventions: [{ targets: [], term: 't', change: { type: 'relative', value: 0.1 }, startYear: 2020 }] }, /^interventions\[0\]\.targets$/);
  bad({ ...ok, interventions: [{ targets: ['A'], term: 't', change: { type: 'relative', value: 0.1 }, startYear: 2030 }] }, /^interventions\[0\]\.startYear$/);
  bad({ ...ok, extra: 1 }, /^scenario$/);
  // Coded (input.invalid) with the English as before, so the page says it in Chinese: a list's size as a list's.
  assert.throws(() => parseScenario({ ...ok, interventions: [{ targets: [], term: 't', change: { type: 'relative', value: 0.1 }, startYear: 2020 }], horizon: { startYear: 2020, years: 0 } }), (e: unknown) => {
    assert.ok(e instanceof SpecError && e.text?.code === 'input.invalid', String(e));
    assert.equal(e.message, 'interventions[0].targets: Too small: expected array to have >=1 items (and 1 more: horizon.years)');
    assert.equal(messageIn({ ...e.text, message: e.message.slice('interventions[0].targets: '.length) }, 'zh'), '至少 1 项（另有 1 处：horizon.years）');
    return true;
  });
  const m = worldModel(world, 0.5);
  assert.throws(() => compileLevers(m, [lever({ term: 'destination_gdp' })]), /interventions\[0\]\.term: "destination_gdp" is not an attribute/);
});

test('the description and assumptions in Chinese: kept as given, one Chinese assumption for each English one', () => {
  const ok = { name: 's', assumptions: ['a', 'b'], baseline: { model: 'm', period: '2019', cohort: { source: 'persons' }, stayShare: 0.5 }, horizon: { startYear: 2020, years: 5 } };
  assert.equal(parseScenario(ok).assumptions_zh, undefined);
  const zh = parseScenario({ ...ok, description: 'd', description_zh: '说明', assumptions_zh: ['甲', '乙'] });
  assert.deepEqual([zh.description_zh, zh.assumptions_zh], ['说明', ['甲', '乙']]);
  const bad = (doc: unknown, field: string) => assert.throws(() => parseScenario(doc), (e: Error & { field?: string }) => e.field === field && e.message.startsWith(`${field}: `));
  bad({ ...ok, assumptions_zh: ['甲'] }, 'assumptions_zh');
  bad({ ...ok, assumptions_zh: ['甲', ''] }, 'assumptions_zh[1]');
  bad({ ...ok, description_zh: 3 }, 'description_zh');
  // The shipped examples carry both languages.
  for (const name of ['northeast-stay-subsidy', 'northeast-stay-subsidy-choice', 'korea-regional-income', 'korea-relocation-allowance']) {
    const doc = parseScenario(JSON.parse(readFileSync(new URL(`../../examples/${name}.json`, import.meta.url), 'utf8')));
    assert.ok(doc.description_zh && /[\u4e00-\u9fff]/.test(doc.description_zh), name);
    assert.equal(doc.assumptions_zh?.length, doc.assumptions.length, name);
  }
});
