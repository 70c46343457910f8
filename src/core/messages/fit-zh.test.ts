// A gravity fit's notes and warnings (fit.ts) and the logit fits' warnings (choice.ts
// choice.warn.*) read in Chinese through the library's Chinese (zh.ts), so `talentflow fit
// gravity|choice --lang zh` prints them as the page shows them; the English is unchanged word
// for word. A fit that does not converge says why in Chinese too: its warning carries the stop
// reason's code, not only its English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertChinese } from '../../../test/helpers/chinese.ts';
import { syntheticGravity } from '../../../test/helpers/synthetic.ts';
import { fitGravity } from '../../models/gravity/fit.ts';
import { CHOICE_MESSAGES } from './choice.ts';
import { FIT_MESSAGES } from './fit.ts';
import { coded, MESSAGES, renderMessage, type MessageCode } from './index.ts';
import { messageIn } from './zh.ts';

const examples = (codes: readonly string[]) => codes.map((code) => {
  const params = MESSAGES[code as MessageCode].example;
  return messageIn({ code, params, message: renderMessage(code as MessageCode, params as never) }, 'zh');
});

test('every fit.* and choice.warn.* code reads in Chinese from the library, with no English sentence left', () => {
  assertChinese(examples(Object.keys(FIT_MESSAGES)), 'gravity fit notes and warnings');
  assertChinese(examples(Object.keys(CHOICE_MESSAGES).filter((c) => c.startsWith('choice.warn.'))), 'logit warnings');
  assert.equal(messageIn(coded('fit.missingLeftOut', { rows: 2, byColumn: ['migrants 1', 'km 1'] }), 'zh'), '2 行含缺失值，未纳入（按列：migrants 1、km 1）');
  assert.equal(messageIn(coded('choice.warn.fewClusters', { clusters: 5 }), 'zh'), '只有 5 个聚类：聚类较少时聚类稳健标准误偏小（Cameron & Miller 2015）');
});

test('the English of fit.* and choice.warn.* is as it was', () => {
  assert.equal(coded('fit.missingLeftOut', { rows: 2, byColumn: ['migrants 1', 'km 1'] }).message, '2 rows with missing values were left out (by column: migrants 1, km 1)');
  assert.equal(coded('fit.intraLeftOut', { rows: 31 }).message, '31 intra-regional rows (origin = destination) were left out; set intra: true to keep them');
  assert.equal(coded('fit.notConverged', { reason: 'line search failed: no step along the Newton direction raises the likelihood', stop: { code: 'stop.ppml.lineSearch', params: {} } }).message,
    'not converged: line search failed: no step along the Newton direction raises the likelihood');
  assert.equal(coded('choice.warn.fewClusters', { clusters: 5 }).message,
    'only 5 clusters: clustered standard errors are biased downward with few clusters (Cameron & Miller 2015, "A practitioner\'s guide to cluster-robust inference")');
});

test('a gravity fit stopped by maxIterations warns "未收敛" with the stop reason in Chinese, its English unchanged', () => {
  const g = fitGravity(syntheticGravity({ n: 6, seed: 11 }), { constraint: 'doubly', decay: 'power', maxIterations: 1 });
  assert.equal(g.converged, false);
  const w = g.messages?.warnings?.find((m) => m.code === 'fit.notConverged');
  assert.ok(w, JSON.stringify(g.messages));
  assert.equal(w.message, `not converged: ${g.stopReason}`);
  assert.equal(messageIn(w, 'zh'), '未收敛：已达到最大迭代次数（1），牛顿步长仍未低于容差');
  assertChinese([messageIn(w, 'zh')], 'not converged');
  // A result saved before the warning carried its stop reason's code keeps the English reason.
  assert.equal(messageIn({ code: 'fit.notConverged', params: { reason: 'x y z' }, message: 'not converged: x y z' }, 'zh'), '未收敛：x y z');
});
