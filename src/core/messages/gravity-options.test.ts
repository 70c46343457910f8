// Errors of a gravity model's dimensions, small-sample correction and prediction
// (gravity-options.ts): the English of dimensions.ts, small-sample.ts and predict.ts before codes,
// word for word with the field in front, now with a code; and every one of them in Chinese.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertChinese } from '../../../test/helpers/chinese.ts';
import { syntheticGravity } from '../../../test/helpers/synthetic.ts';
import { SpecError } from '../errors.ts';
import { resolveDimension } from '../../models/gravity/dimensions.ts';
import { fitGravity } from '../../models/gravity/fit.ts';
import { predictGravity } from '../../models/gravity/predict.ts';
import { resolveSmallSample } from '../../models/gravity/small-sample.ts';
import type { SmallSampleSpec } from '../../models/gravity/types.ts';
import { GRAVITY_OPTION_MESSAGES } from './gravity-options.ts';
import { renderMessage, type MessageCode } from './index.ts';
import { messageIn } from './zh.ts';

/** The coded SpecError `f` throws: its English message and code. */
function specError(f: () => unknown): { message: string; code: string } {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof SpecError && e.text, `a coded SpecError: ${String(e)}`);
    return { message: e.message, code: e.text.code };
  }
  assert.fail('nothing thrown');
}

const data = syntheticGravity({ n: 5, seed: 2 });

test('dimension and small-sample errors: the English as before, each with its code', () => {
  assert.deepEqual(specError(() => resolveDimension(' ', data, 'fixedEffects[0]')), { message: 'fixedEffects[0]: must be a non-empty name or interaction a^b', code: 'effects.emptyName' });
  assert.deepEqual(specError(() => resolveDimension('period', data, 'cluster[0]')), { message: 'cluster[0]: "period" needs data.period (a panel)', code: 'effects.periodNeedsPanel' });
  assert.deepEqual(specError(() => resolveDimension('Product', data, 'fixedEffects[1]')),
    { message: 'fixedEffects[1]: "Product" is not a dimension of the data (known: origin, destination, pair)', code: 'effects.unknown' });
  assert.deepEqual(specError(() => resolveDimension('origin^origin', data, 'fixedEffects[0]')), { message: 'fixedEffects[0]: "origin^origin" repeats a name', code: 'effects.repeats' });
  assert.deepEqual(specError(() => resolveSmallSample('hc1' as SmallSampleSpec)), { message: 'ssc: "hc1" is not none, fixest or an object of options', code: 'ssc.notChoice' });
  assert.deepEqual(specError(() => resolveSmallSample({ small: true } as unknown as SmallSampleSpec)),
    { message: 'ssc: unknown option "small" (adj, fixefK, clusterAdj, clusterDf)', code: 'ssc.unknownOption' });
  assert.deepEqual(specError(() => resolveSmallSample({ adj: 1 } as unknown as SmallSampleSpec)), { message: 'ssc.adj: must be true or false', code: 'ssc.notBoolean' });
  assert.deepEqual(specError(() => resolveSmallSample({ fixefK: 'all' } as unknown as SmallSampleSpec)), { message: 'ssc.fixefK: "all" is not none, full or nested', code: 'ssc.notOneOf' });
  assert.deepEqual(specError(() => resolveSmallSample({ clusterDf: 'x' } as unknown as SmallSampleSpec)), { message: 'ssc.clusterDf: "x" is not min or conventional', code: 'ssc.notOneOf' });
});

test('prediction errors: the English as before, each with its code', () => {
  const m = fitGravity(data, { constraint: 'doubly', decay: 'power' });
  const rest = { regions: data.regions, origin: data.origin, destination: data.destination, cost: data.cost };
  assert.deepEqual(specError(() => predictGravity(m, { ...rest, originTotals: { [data.regions[0]]: 1 } })).code, 'predict.noTotal');
  const totals = (k: number) => Object.fromEntries(data.regions.map((r) => [r, k]));
  assert.deepEqual(specError(() => predictGravity(m, { ...rest, originTotals: totals(2), destinationTotals: totals(1) })),
    { message: 'originTotals: origin totals sum to 10 but destination totals to 5; a doubly-constrained prediction needs equal sums', code: 'predict.unequalTotals' });
  const u = fitGravity(data, { constraint: 'unconstrained', decay: 'power', originTerms: ['origin_pop'] as never });
  assert.deepEqual(specError(() => predictGravity(u, rest)).code, 'predict.missingColumn');
});

test('every dimension, small-sample and prediction error reads in Chinese, with no English sentence left', () => {
  const codes = Object.keys(GRAVITY_OPTION_MESSAGES) as (MessageCode & keyof typeof GRAVITY_OPTION_MESSAGES)[];
  const texts = codes.map((code) => {
    const params = GRAVITY_OPTION_MESSAGES[code].example;
    return messageIn({ code, params, message: renderMessage(code, params as never) }, 'zh');
  });
  assertChinese(texts, 'gravity option errors');
  assert.equal(texts[codes.indexOf('effects.unknown')], '“Product”不是数据的维度（已有：迁出地、迁入地、地区对、sector）');
});
