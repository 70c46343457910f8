import { test } from 'node:test';
import assert from 'node:assert/strict';
import { predictChoices } from '../models/logit/index.ts';
import { aggregateCounterfactual, compileLevers, logitChoiceModel, runScenario, type LeverDefinition } from './index.ts';
import { logitWorld } from './logit-test-world.ts';

const world = logitWorld();
const n = world.regions.length;
const mask = (...idx: number[]) => { const m = new Uint8Array(n); for (const i of idx) m[i] = 1; return m; };
const sizes = Float64Array.from({ length: n }, (_, i) => (i < 2 ? 1000 : 0));
const lever = (over: Partial<LeverDefinition> = {}): LeverDefinition => ({
  term: 'income', targets: mask(0), change: { type: 'absolute', value: 12000 }, startYear: 2025, duration: 1,
  eligibility: ['stayers'], benefitYears: 1, cost: { rule: 'per-person-year', amount: 12000 }, ...over,
});
const sum = (p: Float64Array) => p.reduce((a, b) => a + b, 0);

/** Shares by origin from predictChoices on the fit's own cases (home-rest label 'home' read as the case's home). */
function predictedByOrigin(w: ReturnType<typeof logitWorld>): Float64Array[] {
  const pred = predictChoices(w.result, w.data);
  const out = w.regions.map(() => new Float64Array(n));
  const persons = new Float64Array(n);
  for (const c of w.cases) persons[c.study] += c.persons;
  for (let r = 0; r < w.data.altIndex.length; r++) {
    const c = w.cases[w.data.caseIndex[r]];
    const label = w.data.alternatives![w.data.altIndex[r]];
    const j = label === 'home' ? c.home : w.regions.indexOf(label);
    out[c.study][j] += (c.persons * pred.probabilities[r]) / persons[c.study];
  }
  return out;
}

test('conditional logit: probabilities sum to 1 and equal predictChoices on the same persons (1e-12)', () => {
  const m = logitChoiceModel(world.input);
  assert.equal(m.kind, 'choice');
  assert.deepEqual(m.parameters.names, world.input.terms.map((t) => t.term));
  const expected = predictedByOrigin(world);
  const p = new Float64Array(n);
  for (const i of [0, 1]) {
    m.probabilities(i, m.baseline, p);
    assert.ok(Math.abs(sum(p) - 1) < 1e-12);
    for (let j = 0; j < n; j++) assert.ok(Math.abs(p[j] - expected[i][j]) < 1e-12, `origin ${i} region ${j}: ${p[j]} vs ${expected[i][j]}`);
  }
  // Persons of one degree only.
  m.probabilities(0, m.baseline, p, 'master');
  assert.ok(Math.abs(sum(p) - 1) < 1e-12);
  assert.throws(() => m.probabilities(0, m.baseline, p, 'doctor'), /no graduates of R0 are of type "doctor"/);
});

test('nested logit with the home region alone (home-rest) equals predictChoices (1e-12)', () => {
  const w = logitWorld({ homeRest: true, persons: 3000 });
  assert.equal(w.result.model, 'nested-logit');
  const m = logitChoiceModel(w.input);
  assert.deepEqual(m.parameters.names.at(-1), 'lambda_rest');
  const expected = predictedByOrigin(w);
  const p = new Float64Array(n);
  for (const i of [0, 1]) {
    m.probabilities(i, m.baseline, p);
    assert.ok(Math.abs(sum(p) - 1) < 1e-12);
    for (let j = 0; j < n; j++) assert.ok(Math.abs(p[j] - expected[i][j]) < 1e-12, `origin ${i} region ${j}`);
  }
  // The stay constant is calibrated inside the nest as well.
  const cal = logitChoiceModel({ ...w.input, stayShare: new Float64Array(n).fill(0.3) });
  cal.probabilities(1, cal.baseline, p);
  assert.ok(Math.abs(p[1] - 0.3) < 1e-10);
});

test('stay shares are met exactly, also after a parameter draw; 0 and 1 are kept', () => {
  const share = Float64Array.from({ length: n }, (_, i) => (i === 0 ? 0.25 : i === 1 ? 0.4 : 0.5));
  share[3] = 0;
  share[4] = 1;
  const m = logitChoiceModel({ ...world.input, stayShare: share });
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    m.probabilities(i, m.baseline, p);
    assert.ok(Math.abs(p[i] - share[i]) < 1e-10, `region ${i}: ${p[i]}`);
    assert.ok(Math.abs(sum(p) - 1) < 1e-12);
  }
  const draw = Float64Array.from(m.parameters.estimate, (b, k) => b * (k === 0 ? 0.7 : 1.2));
  const d = m.withParameters(draw);
  d.probabilities(0, d.baseline, p);
  assert.ok(Math.abs(p[0] - 0.25) < 1e-10);
  assert.throws(() => m.withParameters([1, 2]), /2 values for 5 parameters/);
});

test('an empty scenario reproduces the baseline exactly (counterfactual and draws)', () => {
  const m = logitChoiceModel({ ...world.input, stayShare: new Float64Array(n).fill(0.3) });
  const empty = aggregateCounterfactual(m, sizes, []);
  assert.deepEqual(empty.scenario.flows, empty.baseline.flows);
  const zero = aggregateCounterfactual(m, sizes, compileLevers(m, [lever({ change: { type: 'absolute', value: 0 } })]));
  assert.deepEqual(zero.scenario.flows, zero.baseline.flows);
  const run = runScenario({ model: m, startYear: 2025, years: 3, sizes, levers: [], returnRates: [0.1], outcome: mask(0), draws: 4, seed: 2, maxAgentsPerYear: 5000 });
  for (const y of run.years) assert.deepEqual([y.retainedDelta.median, y.retainedDelta.p05, y.retainedDelta.p95], [0, 0, 0]);
});

test('the effect follows the sign of the coefficient: income for stayers, hukou easing as a share of the home premium', () => {
  const m = logitChoiceModel({ ...world.input, stayShare: new Float64Array(n).fill(0.3) });
  const subsidy = aggregateCounterfactual(m, sizes, compileLevers(m, [lever()]), { groups: { target: mask(0) } }).groups[0];
  assert.ok(m.parameters.estimate[0] > 0);
  assert.ok(subsidy.scenario.retained > subsidy.baseline.retained);
  // Only stayers are eligible: graduates of region 1 see no change.
  const cf = aggregateCounterfactual(m, sizes, compileLevers(m, [lever()]));
  for (let j = 0; j < n; j++) assert.equal(cf.scenario.flows[n + j], cf.baseline.flows[n + j]);
  // The same subsidy under a negative income coefficient (both income terms flipped) retains fewer.
  const flipped = m.withParameters(Float64Array.from(m.parameters.estimate, (b, k) => (k < 2 ? -b : b)));
  const neg = aggregateCounterfactual(flipped, sizes, compileLevers(flipped, [lever()]), { groups: { target: mask(0) } }).groups[0];
  assert.ok(neg.scenario.retained < neg.baseline.retained);
  // Hukou easing in region 5: arrivals see 0.3 of the home premium there; more graduates go to 5.
  const hukou = compileLevers(m, [lever({ term: 'is_home', targets: mask(5), change: { type: 'absolute', value: 0.3 }, eligibility: ['arrivals'] })]);
  const h = aggregateCounterfactual(m, sizes, hukou);
  assert.ok(h.scenario.inflow[5] > h.baseline.inflow[5]);
  // A wage change: 10% more income in regions 2 and 3 for everybody draws graduates there.
  const wage = aggregateCounterfactual(m, sizes, compileLevers(m, [lever({ targets: mask(2, 3), change: { type: 'relative', value: 0.1 }, eligibility: ['stayers', 'arrivals'] })]));
  assert.ok(wage.scenario.inflow[2] > wage.baseline.inflow[2] && wage.scenario.inflow[3] > wage.baseline.inflow[3]);
});

test('levers: a relative change of an attribute that is 0 everywhere is refused; unknown terms list the attributes', () => {
  const m = logitChoiceModel(world.input);
  assert.deepEqual(m.attributes.map((a) => a.column), ['income', 'distance_home', 'is_home', 'is_study']);
  assert.throws(() => compileLevers(m, [lever({ term: 'is_home', change: { type: 'relative', value: 0.5 } })]), /0 for every region/);
  assert.throws(() => compileLevers(m, [lever({ term: 'log_income' })]), /it has: income, distance_home, is_home, is_study/);
});

test('inputs are checked: every term used or dropped, attributes present, distances for distance terms', () => {
  assert.throws(() => logitChoiceModel({ ...world.input, terms: world.input.terms.slice(1) }), /log_income is neither used nor dropped/);
  assert.doesNotThrow(() => logitChoiceModel({ ...world.input, terms: world.input.terms.slice(1), dropped: ['log_income'] }));
  assert.throws(() => logitChoiceModel({ ...world.input, distance: undefined }), /needs distances between the 8 regions/);
  assert.throws(() => logitChoiceModel({ ...world.input, attributes: {} }), /reads "income", which is neither an attribute given/);
  assert.throws(() => logitChoiceModel({ ...world.input, groups: [[{ home: -1, study: 0, weight: 1 }]] }), /a group of R0 has no home region/);
});

test('draws from the covariance: a scenario run with uncertainty gives a positive effect and is reproducible', () => {
  const m = logitChoiceModel({ ...world.input, stayShare: new Float64Array(n).fill(0.3) });
  const levers = compileLevers(m, [lever({ duration: 2, benefitYears: 2 })]);
  const input = { model: m, startYear: 2025, years: 3, sizes, levers, returnRates: [0.1], outcome: mask(0), draws: 8, seed: 5, maxAgentsPerYear: 20000 };
  const a = runScenario(input);
  assert.ok(a.summary.retainedDelta.median! > 0);
  assert.ok(a.summary.costPerRetained.median! > 0);
  assert.deepEqual(runScenario(input).summary, a.summary);
  assert.deepEqual(a.parameters.map((p) => p.name), m.parameters.names);
  assert.ok(Math.abs(a.parameters[0].standardError - world.result.robustStandardErrors.log_income) < 1e-12);
});
