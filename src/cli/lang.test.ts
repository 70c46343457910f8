// What the CLI says in the language of --lang: errors (coded ones in Chinese, with the file
// location and the spec's field in Chinese words around them), a fit's iterations line with its
// stop reason, and the English as it always was without --lang zh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertChinese } from '../../test/helpers/chinese.ts';
import { ConvergenceError, InputError, SpecError } from '../core/errors.ts';
import { coded } from '../core/messages/index.ts';
import { cliLang, errorIn } from './lang.ts';
import { iterationsLine } from './model-summary.ts';

test('--lang zh (either spelling) asks for Chinese; anything else is English', () => {
  assert.equal(cliLang(['fit', 'gravity', '--lang', 'zh']), 'zh');
  assert.equal(cliLang(['fit', 'gravity', '--lang=zh']), 'zh');
  assert.equal(cliLang(['fit', 'gravity', '--lang', 'en']), 'en');
  assert.equal(cliLang(['fit', 'gravity']), 'en');
});

test('a coded error in Chinese; its English unchanged for en', () => {
  const e = new ConvergenceError(coded('converge.logit.singular', { iterations: 4, column: 2 }), 4);
  assert.equal(errorIn(e, 'en'), 'the information matrix became singular at iteration 4 (column 2); no standard errors can be computed');
  assert.equal(errorIn(e, 'zh'), '第 4 次迭代时信息矩阵奇异（第 2 列），无法计算标准误');
  const s = new SpecError(coded('converge.ppml.nonFinite', {}), 'start');
  assert.equal(errorIn(s, 'zh'), 'start：初始值下的似然不是有限数（请检查协变量中的极端值）');
  const i = new InputError(coded('converge.ppml.nonFinite', {}), { file: 'f.csv', row: 3, column: 'km' });
  assert.equal(errorIn(i, 'zh'), 'f.csv，第 3 行，“km”列：初始值下的似然不是有限数（请检查协变量中的极端值）');
});

test('the iterations line says how the fit stopped in Chinese', () => {
  const stop = coded('stop.ppml.finalStep', { relative: '2.00e-9' });
  const r = { iterations: 5, converged: true, stopReason: stop.message, messages: { stopReason: stop } };
  assert.equal(iterationsLine(r, 'en', 0.1234), `Iterations: 5, converged (${stop.message}); fit 0.123 s`);
  const zh = iterationsLine(r, 'zh', 0.1234, 0.5);
  assert.equal(zh, '迭代 5 次，已收敛（已收敛：最后一个牛顿步长（相对值 2.00e-9）对对数似然的改变小于其舍入误差）；拟合 0.123 秒，构建选择集 0.500 秒');
  assertChinese([zh], 'iterations line');
});
