/**
 * The subsample start on large data changes the path, not the answer: the fit equals Newton from
 * zero on the full data (rel 1e-9), and a subsample that is separated where the full data are
 * not (a rare alternative chosen only outside it) is not used.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maximiseNewton } from '../../numeric/newton.ts';
import { fitConditionalLogit } from './conditional-logit.ts';
import { buildLogitDesign } from './design.ts';
import { mnlKernel } from './mnl-kernel.ts';
import { resolveLogitSpec } from './spec.ts';
import { simulateChoices } from './simulate.ts';
import type { ChoiceData } from './types.ts';

const terms = ['x1', 'x2', 'asc0'];
function data(): ChoiceData {
  const { data: d } = simulateChoices({ nCases: 4200, nAlternatives: 60, coefficients: { x1: 1, x2: -0.5 }, seed: 71 });
  return { ...d, columns: { ...d.columns, asc0: Float64Array.from(d.altIndex, (a) => (a === 0 ? 1 : 0)) } };
}

test('above 200,000 rows the fit starts from a subsample estimate and reaches the same maximum as Newton from zero', () => {
  const d = data();
  const m = fitConditionalLogit(d, { terms });
  assert.match(m.stopReason, /every 16th case/);
  const direct = maximiseNewton(mnlKernel(buildLogitDesign(d, resolveLogitSpec({ terms }, false))), new Float64Array(3), { tolerance: 1e-14, maxIterations: 50 });
  terms.forEach((t, j) => assert.ok(Math.abs(m.coefficients[t] - direct.theta[j]) <= 1e-9 * Math.abs(direct.theta[j]), `${t}: ${m.coefficients[t]} vs ${direct.theta[j]}`));
  for (let i = 1; i < m.logLikelihoodTrace.length; i++) assert.ok(m.logLikelihoodTrace[i] >= m.logLikelihoodTrace[i - 1]);
});

test('a separated subsample (alternative 0 chosen only outside it) is not used as the start', () => {
  const d = data();
  // Move every choice of alternative 0 in the subsample's cases (every 16th) to alternative 1.
  const chosen = Uint8Array.from(d.chosen);
  for (let r = 0; r < chosen.length; r++) {
    if (d.caseIndex[r] % 16 === 0 && d.altIndex[r] === 0 && chosen[r] === 1) {
      chosen[r] = 0;
      chosen[r + 1] = 1;
    }
  }
  const m = fitConditionalLogit({ ...d, chosen }, { terms });
  assert.ok(m.converged);
  assert.doesNotMatch(m.stopReason, /every 16th case/);
});
