// A request that fails its schema answers request.invalid with zod's English as before; where the
// schema has its own check (a choice spec's), the check is named, so the page says it in Chinese.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertChinese } from '../../test/helpers/chinese.ts';
import { CHINESE } from '../core/messages/zh.ts';
import { choiceInput } from '../app/fit/choice.ts';
import { ZH_MESSAGES } from '../../web/src/i18n/messages-zh.ts';
import { toErrorBody } from './errors.ts';

test('the API names the spec schema\'s own check in its request.invalid, which the page says in Chinese', () => {
  const r = choiceInput.safeParse({ level: 'province', interactions: ['age:income'] });
  assert.ok(!r.success);
  const body = toErrorBody(r.error).body.error as { message: string; messageCode: 'request.invalid'; params: Parameters<(typeof ZH_MESSAGES)['request.invalid']>[0] };
  assert.equal(body.message, 'interactions.0: person:alternative with person one of degree, major, university, e.g. degree:income');
  assert.equal(body.params.rule, 'interaction');
  assertChinese([ZH_MESSAGES[body.messageCode](body.params, CHINESE).replace(/degree:income/, '')], 'API choice spec error');
});
