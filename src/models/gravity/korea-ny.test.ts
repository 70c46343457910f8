/**
 * Korea 2019 (korea_gravity_corrected.csv, intra rows dropped, 272 flows) and New York commuting
 * 2011 (1,892 inter-county flows): R 4.2 glm(family = poisson) numbers from the data READMEs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readShippedCsv } from '../../../test/helpers/shipped-data.ts';
import { assertClose, gravityDataFromRows } from '../../../test/helpers/flow-data.ts';
import { fitGravity } from './fit.ts';

const korea = readShippedCsv('korea', 'korea_gravity_corrected.csv');
const korea2019 = gravityDataFromRows(korea.filter((r) => r.year === '2019'), {
  origin: 'orig', destination: 'dest', flow: 'flow', cost: 'dist_cent', covariates: ['orig_pop', 'dest_pop', 'orig_gdp_pc', 'dest_gdp_pc'],
});

test('Korea 2019 unconstrained: R glm(flow ~ log(orig_pop) + log(dest_pop) + log(dist_cent), poisson), coefficients rel 1e-6', () => {
  const m = fitGravity(korea2019, { constraint: 'unconstrained', decay: 'power', costName: 'dist_cent', originTerms: ['orig_pop'], destinationTerms: ['dest_pop'] });
  assert.equal(m.nobs, 272);
  assertClose(m.coefficients['(Intercept)'], 11.7026638432, 1e-6, '(Intercept)');
  assertClose(m.coefficients.orig_pop, 0.6735692028, 1e-6, 'log(orig_pop)');
  assertClose(m.coefficients.dest_pop, 0.7494016346, 1e-6, 'log(dest_pop)');
  assertClose(m.coefficients.dist_cent, -0.8572472136, 1e-6, 'log(dist_cent)');
  // README SEs are for the swapped file: the mass SEs exchange with the labels.
  assertClose(m.standardErrors['(Intercept)'], 0.004925320986, 1e-6, 'SE (Intercept)');
  assertClose(m.standardErrors.orig_pop, 0.0008129682788, 1e-6, 'SE log(orig_pop)');
  assertClose(m.standardErrors.dest_pop, 0.0008053840511, 1e-6, 'SE log(dest_pop)');
  assertClose(m.standardErrors.dist_cent, 0.0008345825307, 1e-6, 'SE log(dist_cent)');
  assertClose(m.deviance, 599527.421, 1e-6, 'deviance');
  assertClose(m.logLikelihood, -301114.0507, 1e-6, 'log-likelihood');
  // The final Newton step is taken: R 4.2 glm(..., control = glm.control(epsilon = 1e-15)) to
  // 15 digits agrees to 1e-10 (the step used to stop 1.1e-7 short; fixest agrees with glm).
  [11.702663843213, 0.673569202752662, 0.749401634598157, -0.857247213639081].forEach((b, j) => assertClose(m.coefficients[m.terms[j]], b, 1e-10, `${m.terms[j]} (epsilon 1e-15)`));
  [0.00492532122767872, 0.000812968313617136, 0.000805384085136177, 0.000834582552457261].forEach((se, j) => assertClose(m.standardErrors[m.terms[j]], se, 1e-9, `SE ${m.terms[j]} (epsilon 1e-15)`));
});

test('Korea 2019 doubly constrained: R glm(flow ~ factor(orig) + factor(dest) + log(dist_cent)), rel 1e-6', () => {
  const m = fitGravity(korea2019, { constraint: 'doubly', decay: 'power', costName: 'dist_cent' });
  assertClose(m.coefficients.dist_cent, -0.903153677, 1e-6, 'log(dist_cent)');
  assertClose(m.standardErrors.dist_cent, 0.0009298002929, 1e-6, 'SE log(dist_cent)');
  assertClose(m.deviance, 492216.8985, 1e-6, 'deviance');
  assertClose(m.logLikelihood, -247458.7895, 1e-6, 'log-likelihood');
});

test('Korea 2019 with GDP per head: R glm(flow ~ log(orig_pop) + log(dest_pop) + log(dest_gdp_pc) + log(orig_gdp_pc) + log(dist_cent)), rel 1e-6', () => {
  const m = fitGravity(korea2019, {
    constraint: 'unconstrained', decay: 'power', costName: 'dist_cent',
    originTerms: ['orig_pop', 'orig_gdp_pc'], destinationTerms: ['dest_pop', 'dest_gdp_pc'],
  });
  assertClose(m.coefficients['(Intercept)'], 11.28710157765, 1e-6, '(Intercept)');
  assertClose(m.coefficients.orig_pop, 0.67293842281, 1e-6, 'log(orig_pop)');
  assertClose(m.coefficients.dest_pop, 0.74835736736, 1e-6, 'log(dest_pop)');
  assertClose(m.coefficients.dest_gdp_pc, 0.02665128238, 1e-6, 'log(dest_gdp_pc)');
  assertClose(m.coefficients.orig_gdp_pc, 0.01270993986, 1e-6, 'log(orig_gdp_pc)');
  assertClose(m.coefficients.dist_cent, -0.85628382715, 1e-6, 'log(dist_cent)');
  assertClose(m.deviance, 599448.1879, 1e-6, 'deviance');
});

const ny = gravityDataFromRows(readShippedCsv('ny', 'ny_commuting_pairs_2011.csv'), {
  origin: 'origin', destination: 'destination', flow: 'flow', cost: 'dist_km', covariates: ['origin_pop', 'dest_pop'],
});

test('NY commuting 2011 production constrained: R glm(flow ~ factor(origin) + log(dest_pop) + log(dist_km), poisson), rel 1e-6 (scikit-mobility: -1.99471520, 0.64717596)', () => {
  const m = fitGravity(ny, { constraint: 'production', decay: 'power', costName: 'dist_km', destinationTerms: ['dest_pop'] });
  assert.equal(m.nobs, 1892);
  assertClose(m.coefficients.dest_pop, 0.647175960536, 1e-6, 'log(dest_pop)');
  assertClose(m.coefficients.dist_km, -1.994715256507, 1e-6, 'log(dist_km)');
  // R's default glm reports the information at its second-to-last iterate (3e-6 relative off
  // here); glm.control(epsilon = 1e-14) gives the SEs at the MLE, which we match to 1e-9.
  assertClose(m.standardErrors.dest_pop, 0.000785909330107, 1e-9, 'SE log(dest_pop), R epsilon 1e-14');
  assertClose(m.standardErrors.dist_km, 0.00119252992221, 1e-9, 'SE log(dist_km), R epsilon 1e-14');
  assertClose(m.standardErrors.dest_pop, 0.000785907004, 5e-6, 'SE log(dest_pop), R default');
  assertClose(m.standardErrors.dist_km, 0.001192525099, 5e-6, 'SE log(dist_km), R default');
  assertClose(m.deviance, 3691412.75352, 1e-6, 'deviance');
  assertClose(m.logLikelihood, -1851002.08423, 1e-6, 'log-likelihood');
  assertClose(m.coefficients.dist_km, -1.9947152031913087, 1e-7, 'published scikit-mobility deterrence exponent');
});

test('NY commuting 2011 unconstrained: R glm(flow ~ log(origin_pop) + log(dest_pop) + log(dist_km)), rel 1e-6', () => {
  const m = fitGravity(ny, { constraint: 'unconstrained', decay: 'power', costName: 'dist_km', originTerms: ['origin_pop'], destinationTerms: ['dest_pop'] });
  [1.728268151443, 0.404963565199, 0.576506998942, -1.586709403429].forEach((b, j) => assertClose(m.coefficients[m.terms[j]], b, 1e-6, m.terms[j]));
});
