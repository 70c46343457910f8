// A choice spec that fails its schema: the English as before (zod's words or the schema's own,
// "(and N more: ...)"), now coded input.invalid with the field, so fit choice --lang zh says
// the problem in Chinese.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertChinese } from '../../../test/helpers/chinese.ts';
import { SpecError } from '../../core/errors.ts';
import { messageIn } from '../../core/messages/zh.ts';
import { parseChoiceSpec } from './spec.ts';

function refused(input: unknown): { e: SpecError; zh: string } {
  try {
    parseChoiceSpec(input);
  } catch (e) {
    assert.ok(e instanceof SpecError && e.text?.code === 'input.invalid', String(e));
    return { e, zh: messageIn({ ...e.text, message: e.message.slice(e.field!.length + 2) }, 'zh') };
  }
  return assert.fail('accepted');
}

test('a bad choice spec keeps its English and field, and says the problem in Chinese', () => {
  const term = refused({ level: 'province', personTerms: ['distanse_home'], vcov: 'hc3' });
  assert.equal(term.e.message, 'personTerms[0]: Invalid option: expected one of "distance_home"|"distance_study"|"is_home"|"is_study"|"same_macro_region" (and 1 more: vcov)');
  assert.equal(term.zh, '可选值：distance_home、distance_study、is_home、is_study、same_macro_region（另有 1 处：vcov）');
  const level = refused({ level: 'Province!' });
  assert.equal(level.e.message, 'level: a level such as province or city');
  const transform = refused({ level: 'province', alternativeVars: ['income'], transforms: { wage: 'log' } });
  assert.equal(transform.e.message, 'transforms.wage: "wage" is not an alternative attribute of the spec');
  const nests = refused({ level: 'province', nests: ['home-rest', 'macro-regions'] });
  assert.equal(nests.e.message, "nests: 'home-rest' cannot be combined with other nests");
  assertChinese([level.zh, transform.zh, nests.zh, term.zh], 'choice spec errors');
});
