// How fits stop and why they fail to converge (convergence.ts): the English the fitters wrote
// before codes, word for word (the CLI prints it, saved models and API clients read it); results
// carry the stop reason coded (messages.stopReason) and ConvergenceErrors their code, and both
// read in Chinese through the library's Chinese (zh.ts), as `talentflow fit ... --lang zh` prints them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertChinese } from '../../../test/helpers/chinese.ts';
import { syntheticGravity } from '../../../test/helpers/synthetic.ts';
import { ConvergenceError } from '../errors.ts';
import { fitGravity } from '../../models/gravity/fit.ts';
import { fitConditionalLogit } from '../../models/logit/conditional-logit.ts';
import { simulateChoices } from '../../models/logit/simulate.ts';
import { CONVERGENCE_MESSAGES } from './convergence.ts';
import { coded, renderMessage, type MessageCode } from './index.ts';
import { messageIn } from './zh.ts';

test('stop reasons and convergence errors: the English of ppml.ts, convergence.ts and nested-logit.ts before codes', () => {
  assert.equal(coded('stop.ppml.maxIterations', { maxIterations: 25 }).message, 'reached maxIterations (25) before the Newton step fell below the tolerance');
  assert.equal(coded('stop.ppml.remainingStep', { relative: '1.00e-9' }).message, 'converged: the remaining Newton step (relative 1.00e-9) changes the log-likelihood by less than its rounding');
  assert.equal(coded('stop.ppml.lineSearch', {}).message, 'line search failed: no step along the Newton direction raises the likelihood');
  assert.equal(coded('stop.ppml.finalStep', { relative: '2.00e-9' }).message, 'converged: the final Newton step (relative 2.00e-9) changes the log-likelihood by less than its rounding');
  assert.equal(coded('stop.ppml.smallStep', { step: '3.00e-7', threshold: '1.0e-4' }).message,
    'last Newton step 3.00e-7 (relative to |beta| + SE) below sqrt(tolerance) = 1.0e-4: the remaining error is of order its square');
  assert.equal(coded('stop.logit.decrement', { decrement: '1.00e-12', tolerance: 1e-8, iterations: 5, every: null }).message,
    "Newton decrement g'(-H)^-1 g = 1.00e-12 below the tolerance 1e-8 after 5 iteration(s)");
  assert.equal(coded('stop.logit.decrement', { decrement: '1.00e-12', tolerance: 1e-8, iterations: 2, every: 16 }).message,
    "Newton decrement g'(-H)^-1 g = 1.00e-12 below the tolerance 1e-8 after 2 iteration(s) (started from the estimate on every 16th case)");
  assert.equal(coded('stop.logit.notIterated', { every: null }).message, 'evaluated at the start values (maxIterations 0)');
  assert.equal(coded('stop.logit.iterationLimit', { iterations: 3, every: null }).message, 'iteration limit 3 reached');
  assert.equal(coded('stop.logit.precision', { iterations: 9, every: null }).message, 'no further ascent at machine precision after 9 iteration(s)');
  assert.equal(coded('stop.logit.lineSearch', { iterations: 9, every: null }).message, 'line search failed after 9 iteration(s)');
  assert.equal(coded('converge.ppml.nonFinite', {}).message, 'the starting values give a non-finite likelihood (check for extreme covariate values)');
  assert.equal(coded('converge.logit.singular', { iterations: 4, column: 2 }).message, 'the information matrix became singular at iteration 4 (column 2); no standard errors can be computed');
  assert.equal(coded('converge.logit.nonFinite', {}).message,
    'the log-likelihood or its gradient is not finite at the start values (utilities overflow: rescale the attributes or give start values)');
  assert.equal(coded('converge.nested.hessian', { iterations: 40 }).message,
    'the Hessian is not negative definite at the last iterate (40 iterations): no standard errors; try other start values or fewer nests');
});

test('every stop reason and convergence error reads in Chinese, with no English sentence left', () => {
  const codes = Object.keys(CONVERGENCE_MESSAGES) as MessageCode[];
  const texts = codes.map((code) => messageIn({ code, params: CONVERGENCE_MESSAGES[code as keyof typeof CONVERGENCE_MESSAGES].example, message: renderMessage(code, CONVERGENCE_MESSAGES[code as keyof typeof CONVERGENCE_MESSAGES].example as never) }, 'zh'));
  assertChinese(texts, 'stop reasons');
  assert.equal(messageIn(coded('stop.logit.iterationLimit', { iterations: 3, every: 16 }), 'zh'), '已达到迭代次数上限 3（以每 16 个个案取一个的子样本估计值为初始值）');
});

test('a gravity fit and a logit fit carry their stop reason coded, the English field unchanged', () => {
  const g = fitGravity(syntheticGravity({ n: 6, seed: 11 }), { constraint: 'doubly', decay: 'power' });
  assert.ok(g.messages?.stopReason, 'gravity: messages.stopReason');
  assert.equal(g.messages.stopReason.message, g.stopReason);
  assertChinese([messageIn(g.messages.stopReason, 'zh')], 'gravity stop reason');
  const { data } = simulateChoices({ nCases: 300, nAlternatives: 4, coefficients: { x1: 1 }, seed: 3 });
  const l = fitConditionalLogit(data, { terms: ['x1'] });
  assert.ok(l.messages?.stopReason, 'logit: messages.stopReason');
  assert.equal(l.messages.stopReason.message, l.stopReason);
  assert.match(l.stopReason, /^Newton decrement g'\(-H\)\^-1 g = \S+ below the tolerance 1e-14 after \d+ iteration\(s\)$/);
  assertChinese([messageIn(l.messages.stopReason, 'zh')], 'logit stop reason');
});

test('an overflowing start is a coded ConvergenceError, in Chinese too', () => {
  const { data } = simulateChoices({ nCases: 50, nAlternatives: 3, coefficients: { x1: 1 }, seed: 3 });
  const huge = { ...data, columns: { big: Float64Array.from(data.caseIndex, (_, r) => data.columns.x1[r] * 1e300) } };
  assert.throws(() => fitConditionalLogit(huge, { terms: ['big'], start: { big: 1e10 } }), (e: unknown) => {
    assert.ok(e instanceof ConvergenceError && e.text, 'a coded ConvergenceError');
    assert.equal(e.text.code, 'converge.logit.nonFinite');
    assertChinese([messageIn({ ...e.text, message: e.message }, 'zh')], 'convergence error');
    return true;
  });
});
