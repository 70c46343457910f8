// A composite index's warnings and errors (rank.ts) read in Chinese through the library's Chinese
// (zh.ts), so `talentflow rank --lang zh` prints them as the Rankings tab shows them; the English
// is unchanged word for word.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertChinese } from '../../../test/helpers/chinese.ts';
import { coded, renderMessage, type MessageCode } from './index.ts';
import { RANK_MESSAGES } from './rank.ts';
import { messageIn } from './zh.ts';

test('every rank.* code reads in Chinese from the library, with no English sentence left', () => {
  const texts = (Object.keys(RANK_MESSAGES) as (keyof typeof RANK_MESSAGES)[]).map((code) =>
    messageIn({ code, params: RANK_MESSAGES[code].example, message: renderMessage(code as MessageCode, RANK_MESSAGES[code].example as never) }, 'zh'));
  assertChinese(texts, 'rank messages');
  assert.equal(messageIn(coded('rank.excludedMissing', { count: 2, regions: [{ code: '210100', zh: '沈阳市' }, { code: '220100' }] }), 'zh'), '2 个地区因缺少数值未参与排名：沈阳市、220100');
});

test('the English of rank.* is as it was', () => {
  assert.equal(coded('rank.excludedMissing', { count: 2, regions: [{ code: '210100' }, { code: '220100' }] }).message, '2 region(s) excluded for missing values: 210100, 220100');
  assert.equal(coded('rank.termNeedsPeriod', { term: 'population' }).message, '"population" needs a period: give --period or write population@YEAR');
});
