/**
 * Austria NUTS-2 migration (72 inter-regional flows): R's glm(family = poisson) and the published
 * spint / Oshan (2016) values in data/austria (README "Reference results").
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readShippedCsv, readShippedJson } from '../../../test/helpers/shipped-data.ts';
import { assertClose, gravityDataFromRows } from '../../../test/helpers/flow-data.ts';
import { fitGravity } from './fit.ts';
import type { GravitySpec } from './types.ts';

const primer = gravityDataFromRows(readShippedCsv('austria', 'austria.csv'), {
  origin: 'Origin', destination: 'Destination', flow: 'Data', cost: 'Dij', covariates: ['Oi', 'Dj'],
});
const spintRows = readShippedCsv('austria', 'austria_spint_tests.csv');
const spintData = gravityDataFromRows(spintRows, { origin: 'origin', destination: 'destination', flow: 'flow', cost: 'dij', covariates: ['o_var', 'd_var'] });
interface SpintModel { params: number[]; std_err: number[]; AIC?: number; deviance: number; llf: number; SSI?: number; pseudoR2?: number; adj_pseudoR2?: number; SRMSE?: number; D2?: number; adj_D2?: number }
const spint = (readShippedJson('austria', 'reference_spint_tests.json') as { models: Record<string, SpintModel> }).models;

test('doubly constrained, exponential decay = R glm(Data ~ factor(Origin) + factor(Destination) + Dij, poisson) to rel 1e-6', () => {
  const m = fitGravity(primer, { constraint: 'doubly', decay: 'exponential', costName: 'Dij' });
  assert.equal(m.nobs, 72);
  assertClose(m.coefficients.Dij, -0.007915333161, 1e-6, 'Dij');
  assertClose(m.standardErrors.Dij, 5.062411929e-05, 1e-6, 'SE(Dij)');
  assertClose(m.deviance, 9360.482486, 1e-6, 'deviance');
  assertClose(m.logLikelihood, -4970.579571, 1e-6, 'log-likelihood');
  assert.ok(m.converged, m.stopReason);
});

// R's glm reports the information matrix at the weights of its second-to-last iterate. With the
// default epsilon = 1e-8 that leaves SE(log(Dij)) 3.2e-6 (relative) short of its value at the MLE;
// glm.control(epsilon = 1e-14) gives 0.00742891265477, which we match to 1e-9.
test('doubly constrained, power decay = R glm(... + log(Dij), control = glm.control(epsilon = 1e-14)): -1.26408253319, SE 0.00742891265477 (rel 1e-9); default-epsilon SE 0.007428888859 (rel 5e-6)', () => {
  const m = fitGravity(primer, { constraint: 'doubly', decay: 'power', costName: 'Dij' });
  assertClose(m.coefficients.Dij, -1.26408253319, 1e-9, 'log(Dij)');
  assertClose(m.standardErrors.Dij, 0.00742891265477, 1e-9, 'SE log(Dij) at the MLE');
  assertClose(m.standardErrors.Dij, 0.007428888859, 5e-6, 'SE log(Dij), R default epsilon');
  assertClose(m.deviance, 5655.262855, 1e-6, 'deviance');
  assertClose(m.srmse, 0.277681438, 1e-6, 'SRMSE');
});

test('Oshan (2016) primer: unconstrained R glm(Data ~ log(Oi) + log(Dj) + Dij) coefficients rel 1e-6, SEs rel 1e-6, fit table', () => {
  const m = fitGravity(primer, { constraint: 'unconstrained', decay: 'exponential', costName: 'Dij', originTerms: ['Oi'], destinationTerms: ['Dj'] });
  const names = ['(Intercept)', 'Oi', 'Dj', 'Dij'];
  [-8.01822841, 0.869316127, 0.891445153, -0.0062293837].forEach((b, j) => assertClose(m.coefficients[names[j]], b, 1e-6, names[j], 1e-9));
  [0.07542583025, 0.005174669179, 0.004829647566, 5.168444614e-05].forEach((s, j) => assertClose(m.standardErrors[names[j]], s, 1e-6, `SE ${names[j]}`));
  assertClose(m.logLikelihood, -10057.03717, 1e-6, 'llf');
  assertClose(m.deviance, 19533.39769, 1e-6, 'deviance');
  // published fit table (6 decimals)
  assertClose(m.pseudoR2, 0.885764, 0, 'pseudoR2', 5e-7);
  assertClose(m.adjPseudoR2, 0.885718, 0, 'adj pseudoR2', 5e-7);
  assertClose(m.aic, 20122.074349, 0, 'AIC', 5e-6);
  assertClose(m.ssi, 0.727358, 0, 'SSI', 5e-7);
  assertClose(m.srmse, 0.6077285033, 1e-8, 'SRMSE (current definition)');
  assertClose(m.nullLogLikelihood, -88037.04996, 1e-9, 'llnull');
});

test('Oshan (2016) primer: production, attraction and doubly fit tables (published to 6 decimals)', () => {
  const table: [GravitySpec, number[]][] = [
    [{ constraint: 'production', decay: 'exponential', costName: 'Dij', destinationTerms: ['Dj'] }, [0.910156, 0.910031, 15841.253799, 0.740914, 0.4644834724]],
    [{ constraint: 'attraction', decay: 'exponential', costName: 'Dij', originTerms: ['Oi'] }, [0.909355, 0.90923, 15982.313101, 0.752155, 0.5840023]],
    [{ constraint: 'doubly', decay: 'exponential', costName: 'Dij' }, [0.94354, 0.943335, 9977.159141, 0.811852, 0.3792565433]],
  ];
  for (const [spec, [r2, adj, aic, ssi, srmse]] of table) {
    const m = fitGravity(primer, spec);
    assertClose(m.pseudoR2, r2, 0, `${spec.constraint} pseudoR2`, 5e-7);
    assertClose(m.adjPseudoR2, adj, 0, `${spec.constraint} adj pseudoR2`, 5e-7);
    assertClose(m.aic, aic, 0, `${spec.constraint} AIC`, 5e-6);
    assertClose(m.ssi, ssi, 0, `${spec.constraint} SSI`, 5e-7);
    assertClose(m.srmse, srmse, 1e-6, `${spec.constraint} SRMSE`);
  }
  const p = fitGravity(primer, table[0][0]);
  const expected = [-1.16851884, 1.68980685, 2.15135947, 0.59917703, 0.88336198, 1.20669895, 0.68945769, 1.15434225, 1.01013674];
  assertClose(p.effects.intercept!, expected[0], 1e-6, '(Intercept)');
  ['AT12', 'AT13', 'AT21', 'AT22', 'AT31', 'AT32', 'AT33', 'AT34'].forEach((c, i) => assertClose(p.effects.origin![c]!, expected[i + 1], 1e-6, `Origin${c}`, 1e-8));
  assertClose(p.coefficients.Dj, 0.90285448, 1e-6, 'log(Dj)');
  assertClose(p.coefficients.Dij, -0.0072617, 0, 'Dij', 5e-8);
});

test('spint test_gravity.py: all four constraint types on austria_spint_tests.csv (params rel 1e-6 / abs 1e-8; SE rel 2e-4 as spint SEs lag R by one IRLS step; fit statistics rel 1e-6)', () => {
  const cases: [string, GravitySpec, (m: ReturnType<typeof fitGravity>) => number[]][] = [
    ['test_Gravity', { constraint: 'unconstrained', decay: 'exponential', costName: 'dij', originTerms: ['o_var'], destinationTerms: ['d_var'] }, (m) => ['(Intercept)', 'o_var', 'd_var', 'dij'].map((t) => m.coefficients[t])],
    ['test_Production', { constraint: 'production', decay: 'exponential', costName: 'dij', destinationTerms: ['d_var'] }, (m) => [m.effects.intercept!, ...Object.values(m.effects.origin!).slice(1).map(Number), m.coefficients.d_var, m.coefficients.dij]],
    ['test_Attraction', { constraint: 'attraction', decay: 'exponential', costName: 'dij', originTerms: ['o_var'] }, (m) => [m.effects.intercept!, ...Object.values(m.effects.destination!).slice(1).map(Number), m.coefficients.o_var, m.coefficients.dij]],
    ['test_Doubly', { constraint: 'doubly', decay: 'exponential', costName: 'dij' }, (m) => [m.effects.intercept!, ...Object.values(m.effects.origin!).slice(1).map(Number), ...Object.values(m.effects.destination!).slice(1).map(Number), m.coefficients.dij]],
  ];
  for (const [name, spec, params] of cases) {
    const m = fitGravity(spintData, spec);
    const ref = spint[name];
    params(m).forEach((v, j) => assertClose(v, ref.params[j], 1e-6, `${name} param ${j}`, 1e-8));
    const lastSe = ref.std_err[ref.std_err.length - 1];
    assertClose(m.standardErrors.dij, lastSe, 2e-4, `${name} SE(dij)`);
    assertClose(m.logLikelihood, ref.llf, 1e-6, `${name} llf`);
    assertClose(m.deviance, ref.deviance, 1e-6, `${name} deviance`);
    if (ref.AIC !== undefined) assertClose(m.aic, ref.AIC, 1e-6, `${name} AIC`);
    if (ref.SSI !== undefined) assertClose(m.ssi, ref.SSI, 1e-6, `${name} SSI`);
    if (ref.pseudoR2 !== undefined) assertClose(m.pseudoR2, ref.pseudoR2, 1e-6, `${name} pseudoR2`);
    if (ref.adj_pseudoR2 !== undefined) assertClose(m.adjPseudoR2, ref.adj_pseudoR2, 1e-6, `${name} adj pseudoR2`);
    if (ref.SRMSE !== undefined) assertClose(m.srmse, ref.SRMSE, 1e-6, `${name} SRMSE`);
    if (ref.D2 !== undefined) assertClose(m.devianceR2, ref.D2, 1e-6, `${name} D2`);
    if (ref.adj_D2 !== undefined) assertClose(m.adjDevianceR2, ref.adj_D2, 1e-6, `${name} adj D2`);
  }
});
