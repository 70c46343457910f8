// Errors of the logit models' input, options, nests and sampling (logit.ts) and of arrays a gravity caller hands
// the library (gravity-options.ts arrays.*): the English the library wrote before codes, word for
// word, now with a code; every code read in Chinese with no English sentence left, as
// `talentflow fit choice --lang zh` and the Models tab say them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertChinese } from '../../../test/helpers/chinese.ts';
import { InputError, SpecError, type TalentflowError } from '../errors.ts';
import { choiceLayout } from '../../models/logit/check.ts';
import { elasticities, fitConditionalLogit, fitNestedLogit, resolveLogitSpec, simulateChoices, willingnessToPay } from '../../models/logit/index.ts';
import { predictGravity } from '../../models/gravity/predict.ts';
import type { GravityResult } from '../../models/gravity/types.ts';
import { GRAVITY_OPTION_MESSAGES } from './gravity-options.ts';
import { LOGIT_MESSAGES } from './logit.ts';
import { renderMessage, type MessageCode } from './index.ts';
import { messageIn } from './zh.ts';

function refused(f: () => unknown): TalentflowError {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof SpecError || e instanceof InputError, String(e));
    return e;
  }
  return assert.fail('accepted');
}

test('logit input, spec, WTP and elasticity errors keep their English and carry a code', () => {
  const layout = refused(() => choiceLayout({ nCases: 2, caseIndex: Int32Array.of(0, 1, 0), altIndex: Int32Array.of(0, 0, 1), columns: {} }));
  assert.equal(layout.message, 'row 3, column "caseIndex": the rows of case 0 are not contiguous (it reappears after other cases\' rows): group the rows by case');
  assert.equal(layout.text?.code, 'logit.data.notContiguous');
  const vcov = refused(() => resolveLogitSpec({ terms: ['x1'], vcov: 'hc3' as never }, false));
  assert.equal(vcov.message, 'vcov: "hc3" is not one of classical, robust, clustered');
  assert.deepEqual(vcov.text, { code: 'logit.spec.notOneOf', params: { value: 'hc3', allowed: ['classical', 'robust', 'clustered'] } });
  const { data } = simulateChoices({ nCases: 200, nAlternatives: 3, coefficients: { x1: 1, x2: -1 }, seed: 9 });
  const fit = fitConditionalLogit(data, { terms: ['x1', 'x2'] });
  assert.equal(refused(() => willingnessToPay(fit, { money: 'x2', moneyKind: 'price' as never })).message, 'moneyKind: "price" is not income or cost');
  const term = refused(() => elasticities(fit, data, 'x3'));
  assert.equal(term.message, 'term: "x3" is not an attribute term of the model (x1, x2)');
  assert.equal(term.text?.code, 'logit.notAttribute');
  const chosen = refused(() => fitConditionalLogit({ ...data, chosen: data.chosen!.subarray(1) }, { terms: ['x1'] }));
  assert.equal(chosen.message, `column "chosen": chosen has ${data.caseIndex.length - 1} rows, caseIndex ${data.caseIndex.length}`);
  const nests = refused(() => fitNestedLogit(data, { terms: ['x1'], nests: [] }));
  assert.equal(nests.message, 'nests: needs at least one nest { name, alternatives }');
  assert.equal(nests.text?.code, 'logit.nests.none');
});

test('a gravity prediction on new data of the wrong length keeps its English, coded', () => {
  const result = { termSpecs: [{ name: 'intercept', role: 'intercept' }], coefficients: { intercept: 0 } } as unknown as GravityResult;
  const e = refused(() => predictGravity(result, { regions: ['a', 'b'], origin: Uint32Array.of(0, 1), destination: Uint32Array.of(1), cost: Float64Array.of(1, 1) }));
  assert.equal(e.message, 'column "destination": has 1 rows, origin has 2');
  assert.equal(e.text?.code, 'arrays.rowsDiffer');
});

test('every logit and array error reads in Chinese, with no English sentence left', () => {
  const group = { ...LOGIT_MESSAGES, ...GRAVITY_OPTION_MESSAGES };
  const codes = (Object.keys(group) as (MessageCode & keyof typeof group)[]).filter((c) => c.startsWith('logit.') || c.startsWith('arrays.'));
  // Identifiers and object shapes a caller types (data.cluster, { name, alternatives }) are no sentence.
  assertChinese(codes.map((code) => {
    const params = group[code].example;
    return messageIn({ code, params, message: renderMessage(code, params as never) }, 'zh').replace(/\bdata\.\w+|\{[^}]*\}/g, '');
  }), 'logit errors');
});
