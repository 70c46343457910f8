/**
 * Properties of the conditional logit fitter on simulated data with known parameters (seeded):
 * recovery within 2 standard errors, exact derivatives, a never-decreasing likelihood, identical
 * answers on aggregated situations, and named diagnostics instead of NaN. The agreement with R's
 * survival::clogit is in test/r-live/clogit-vs-r.test.ts and with Biogeme in test/reference/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConvergenceError, InputError, SpecError } from '../../core/errors.ts';
import { aggregateChoiceSituations } from './aggregate.ts';
import { fitConditionalLogit } from './conditional-logit.ts';
import { buildLogitDesign } from './design.ts';
import { CollinearityError, NotIdentifiedError, SeparationError } from './errors.ts';
import { mnlKernel } from './mnl-kernel.ts';
import { simulateChoices } from './simulate.ts';
import { resolveLogitSpec } from './spec.ts';
import type { ChoiceData, LogitResult } from './types.ts';

const TRUE = { x1: 1, x2: -0.5, x3: 0.25 };

function assertNoNaN(value: unknown, path = 'result'): void {
  if (typeof value === 'number') assert.ok(!Number.isNaN(value), `${path} is NaN`);
  else if (Array.isArray(value)) value.forEach((v, i) => assertNoNaN(v, `${path}[${i}]`));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) assertNoNaN(v, `${path}.${k}`);
}

function withColumn(data: ChoiceData, name: string, f: (row: number) => number): ChoiceData {
  return { ...data, columns: { ...data.columns, [name]: Float64Array.from(data.caseIndex, (_, r) => f(r)) } };
}

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

test('recovers known coefficients within 2 standard errors (3 seeds, varying availability)', () => {
  for (const [seed, availability] of [[1, 1], [2, 0.7], [3, 0.5]]) {
    const { data } = simulateChoices({ nCases: 3000, nAlternatives: 8, coefficients: TRUE, seed, availability });
    const m = fitConditionalLogit(data, { terms: Object.keys(TRUE) });
    assert.ok(m.converged, m.stopReason);
    for (const [t, b] of Object.entries(TRUE)) {
      const z = (m.coefficients[t] - b) / m.standardErrors[t];
      assert.ok(Math.abs(z) < 2, `seed ${seed}: ${t} = ${m.coefficients[t]} (SE ${m.standardErrors[t]}), true ${b}: ${z.toFixed(2)} SE off`);
    }
    assertNoNaN(m);
    assert.deepEqual(JSON.parse(JSON.stringify(m)), m, 'the result is plain serialisable data');
  }
});

test('analytic gradient and Hessian agree with central differences (rel 1e-6), with an offset and weights', () => {
  const { data: base } = simulateChoices({ nCases: 300, nAlternatives: 5, coefficients: TRUE, seed: 4, availability: 0.8 });
  const data: ChoiceData = { ...withColumn(base, 'off', (r) => 0.3 * Math.sin(r)), caseWeight: Float64Array.from({ length: base.nCases }, (_, c) => 1 + (c % 3)) };
  const kernel = mnlKernel(buildLogitDesign(data, resolveLogitSpec({ terms: Object.keys(TRUE), offset: 'off' }, false)));
  const beta = Float64Array.from([0.7, -0.2, 0.4]);
  const at = kernel.evaluate(beta);
  const h = 1e-5;
  for (let j = 0; j < 3; j++) {
    const up = beta.slice();
    const down = beta.slice();
    up[j] += h;
    down[j] -= h;
    const fd = (kernel.value(up) - kernel.value(down)) / (2 * h);
    assert.ok(Math.abs(fd - at.gradient[j]) <= 1e-6 * Math.max(1, Math.abs(at.gradient[j])), `gradient ${j}: ${at.gradient[j]} vs ${fd}`);
    const gUp = kernel.evaluate(up).gradient;
    const gDown = kernel.evaluate(down).gradient;
    for (let i = 0; i < 3; i++) {
      const fdH = (gUp[i] - gDown[i]) / (2 * h);
      assert.ok(Math.abs(fdH - at.hessian[i * 3 + j]) <= 1e-6 * Math.abs(at.hessian[i * 3 + i]), `hessian ${i},${j}: ${at.hessian[i * 3 + j]} vs ${fdH}`);
    }
  }
});

test('the log-likelihood never decreases over the iterations, starts at the equal-shares null and ends at the reported maximum', () => {
  const { data } = simulateChoices({ nCases: 1000, nAlternatives: 6, coefficients: { x1: 3, x2: -2 }, seed: 5 });
  const m = fitConditionalLogit(data, { terms: ['x1', 'x2'] });
  const trace = m.logLikelihoodTrace;
  for (let i = 1; i < trace.length; i++) assert.ok(trace[i] >= trace[i - 1], `LL fell at iteration ${i}: ${trace[i - 1]} -> ${trace[i]}`);
  assert.ok(rel(trace[0], m.nullLogLikelihood) < 1e-12);
  assert.equal(trace[trace.length - 1], m.logLikelihood);
  assert.equal(trace.length, m.iterations + 1);
  assert.ok(m.rhoSquared > 0 && m.rhoSquared < 1 && m.adjustedRhoSquared < m.rhoSquared);
});

test('aggregated identical situations (weights or counts) give exactly the estimates and classical, robust and clustered SEs of the persons', () => {
  const { data } = simulateChoices({ nCases: 4000, nAlternatives: 3, coefficients: { x1: 0.8, x2: -0.6 }, seed: 6, levels: 2, clusters: 3 });
  const spec = { terms: ['x1', 'x2'] };
  const full = fitConditionalLogit(data, spec);
  for (const mode of ['weights', 'counts'] as const) {
    const agg = aggregateChoiceSituations(data, { mode });
    assert.ok(agg.cases < data.nCases / 5, `${mode}: ${agg.cases} situations for ${data.nCases} persons`);
    const m = fitConditionalLogit(agg.data, spec);
    assert.equal(m.nPersons, full.nPersons);
    assert.ok(rel(m.logLikelihood, full.logLikelihood) < 1e-12);
    for (const t of spec.terms) {
      for (const key of ['coefficients', 'classicalStandardErrors', 'robustStandardErrors', 'clusteredStandardErrors'] as const) {
        assert.ok(rel(m[key]![t], full[key]![t]) < 1e-9, `${mode} ${key} ${t}: ${m[key]![t]} vs ${full[key]![t]}`);
      }
    }
  }
});

test('vcov and clusterAdjustment choose the covariance behind the SEs, z and intervals; G/(G-1) scales the clustered one', () => {
  const { data } = simulateChoices({ nCases: 600, nAlternatives: 4, coefficients: TRUE, seed: 7, clusters: 40 });
  const base = fitConditionalLogit(data, { terms: Object.keys(TRUE), vcov: 'clustered' });
  const stata = fitConditionalLogit(data, { terms: Object.keys(TRUE), vcov: 'clustered', clusterAdjustment: 'G/(G-1)' });
  const robust = fitConditionalLogit(data, { terms: Object.keys(TRUE), vcov: 'robust' });
  assert.equal(base.nClusters, 40);
  for (const t of Object.keys(TRUE)) {
    assert.equal(base.standardErrors[t], base.clusteredStandardErrors![t]);
    assert.equal(robust.standardErrors[t], robust.robustStandardErrors[t]);
    assert.ok(rel(stata.standardErrors[t], base.standardErrors[t] * Math.sqrt(40 / 39)) < 1e-12);
    assert.equal(base.zValues[t], base.coefficients[t] / base.clusteredStandardErrors![t]);
    const [lo, hi] = base.confidenceIntervals[t];
    assert.ok(rel(hi - lo, 2 * 1.959963984540054 * base.standardErrors[t]) < 1e-12);
  }
  assert.throws(() => fitConditionalLogit({ ...data, cluster: undefined }, { terms: ['x1'], vcov: 'clustered' }), SpecError);
});

test('a term constant within every case is named as not identified', () => {
  const { data } = simulateChoices({ nCases: 200, nAlternatives: 4, coefficients: TRUE, seed: 8 });
  const income = withColumn(data, 'income', (r) => 1000 + 10 * data.caseIndex[r]);
  assert.throws(() => fitConditionalLogit(income, { terms: ['x1', 'income', 'x2'] }), (e: unknown) => e instanceof NotIdentifiedError && e.terms[0] === 'income' && /constant within every case/.test(e.message));
  const one = withColumn(data, 'intercept', () => 1);
  assert.throws(() => fitConditionalLogit(one, { terms: ['intercept', 'x1'] }), (e: unknown) => e instanceof NotIdentifiedError && e.terms[0] === 'intercept');
});

test('collinear terms are named, with what they are a combination of', () => {
  const { data } = simulateChoices({ nCases: 200, nAlternatives: 4, coefficients: TRUE, seed: 9 });
  const z = withColumn(data, 'z', (r) => data.columns.x1[r] - 2 * data.columns.x3[r]);
  assert.throws(
    () => fitConditionalLogit(z, { terms: ['x1', 'x2', 'x3', 'z'] }),
    (e: unknown) => e instanceof CollinearityError && e.code === 'SPEC' && e.terms[0] === 'z' && e.terms.includes('x1') && e.terms.includes('x3') && !e.terms.includes('x2'),
  );
  // Collinear only within cases: z2 = x1 + a case-level constant.
  const z2 = withColumn(data, 'z2', (r) => data.columns.x1[r] + data.caseIndex[r]);
  assert.throws(() => fitConditionalLogit(z2, { terms: ['x1', 'z2'] }), (e: unknown) => e instanceof CollinearityError && e.terms.join() === 'z2,x1');
});

test('separation: a term that predicts every choice, or an alternative never chosen, throws SeparationError naming the term', () => {
  const { data } = simulateChoices({ nCases: 300, nAlternatives: 4, coefficients: TRUE, seed: 10 });
  const perfect = withColumn(data, 'perfect', (r) => data.chosen[r] + 0.1 * data.columns.x2[r] * 0);
  assert.throws(() => fitConditionalLogit(perfect, { terms: ['x1', 'perfect'] }), (e: unknown) => e instanceof SeparationError && e.code === 'CONVERGENCE' && e.terms.join() === 'perfect' && e.perfectlyPredictedCases === 300 && e.affectedCases === 300);
  // Quasi-complete: alternative 0 is never chosen, so its constant diverges to -infinity.
  const rows = Array.from(data.caseIndex.keys());
  const pick = (c: number): number => rows.filter((r) => data.caseIndex[r] === c && data.altIndex[r] !== 0)[0];
  const chosen = new Uint8Array(rows.length);
  for (let c = 0; c < data.nCases; c++) chosen[pick(c)] = 1;
  const never = withColumn({ ...data, chosen }, 'asc0', (r) => (data.altIndex[r] === 0 ? 1 : 0));
  assert.throws(() => fitConditionalLogit(never, { terms: ['x1', 'asc0'] }), (e: unknown) => e instanceof SeparationError && e.terms.join() === 'asc0');
});

test('non-convergence is a named warning with the iteration count, never NaN; an overflowing start is a ConvergenceError', () => {
  const { data } = simulateChoices({ nCases: 500, nAlternatives: 5, coefficients: TRUE, seed: 11 });
  const m: LogitResult = fitConditionalLogit(data, { terms: Object.keys(TRUE), maxIterations: 1 });
  assert.equal(m.converged, false);
  assert.equal(m.iterations, 1);
  assert.ok(m.warnings.some((w) => w.code === 'NOT_CONVERGED' && /after 1 iterations/.test(w.message)), JSON.stringify(m.warnings));
  assertNoNaN(m);
  const huge = withColumn(data, 'big', (r) => data.columns.x1[r] * 1e300);
  assert.throws(() => fitConditionalLogit(huge, { terms: ['big'], start: { big: 1e10 } }), ConvergenceError);
});

test('bad data and specs are named: rows not grouped, no choice, unknown or non-finite columns, duplicate alternatives', () => {
  const { data } = simulateChoices({ nCases: 20, nAlternatives: 3, coefficients: { x1: 1 }, seed: 12 });
  const spec = { terms: ['x1'] };
  const swapped = Int32Array.from(data.caseIndex);
  [swapped[0], swapped[3]] = [swapped[3], swapped[0]];
  assert.throws(() => fitConditionalLogit({ ...data, caseIndex: swapped }, spec), (e: unknown) => e instanceof InputError && e.column === 'caseIndex');
  assert.throws(() => fitConditionalLogit({ ...data, chosen: new Uint8Array(data.chosen.length) }, spec), (e: unknown) => e instanceof InputError && /case 0 has no chosen/.test(e.message));
  assert.throws(() => fitConditionalLogit(data, { terms: ['nope'] }), (e: unknown) => e instanceof SpecError && /"nope" is not in the data/.test(e.message));
  const bad = Float64Array.from(data.columns.x1);
  bad[5] = NaN;
  assert.throws(() => fitConditionalLogit({ ...data, columns: { x1: bad } }, spec), (e: unknown) => e instanceof InputError && e.row === 6 && e.column === 'x1');
  const dupAlt = Int32Array.from(data.altIndex);
  dupAlt[1] = dupAlt[0];
  assert.throws(() => fitConditionalLogit({ ...data, altIndex: dupAlt }, spec), (e: unknown) => e instanceof InputError && /appears twice/.test(e.message));
  assert.throws(() => fitConditionalLogit(data, { terms: ['x1', 'x1'] }), SpecError);
  assert.throws(() => fitConditionalLogit(data, { terms: [] }), SpecError);
});

test('cases with a single alternative carry no information and are reported', () => {
  const { data } = simulateChoices({ nCases: 300, nAlternatives: 4, coefficients: TRUE, seed: 13 });
  // Append one case with a single row.
  const more: ChoiceData = {
    nCases: data.nCases + 1,
    caseIndex: Int32Array.from([...data.caseIndex, data.nCases]),
    altIndex: Int32Array.from([...data.altIndex, 2]),
    chosen: Uint8Array.from([...data.chosen, 1]),
    columns: Object.fromEntries(Object.entries(data.columns).map(([k, v]) => [k, Float64Array.from([...v, 0.5])])),
  };
  const a = fitConditionalLogit(data, { terms: Object.keys(TRUE) });
  const b = fitConditionalLogit(more, { terms: Object.keys(TRUE) });
  assert.ok(b.warnings.some((w) => w.code === 'SINGLE_ALTERNATIVE_CASES'));
  assert.equal(b.logLikelihood, a.logLikelihood);
  assert.deepEqual(b.coefficients, a.coefficients);
});
