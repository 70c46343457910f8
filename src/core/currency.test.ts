import { test } from 'node:test';
import assert from 'node:assert/strict';
import { currencyWord } from './currency.ts';

test('one word per currency and language; an unknown code as written', () => {
  assert.deepEqual([currencyWord('CNY', 'en'), currencyWord('CNY', 'zh'), currencyWord('cny', 'en')], ['yuan', '元', 'yuan']);
  assert.deepEqual([currencyWord('KRW', 'en'), currencyWord('KRW', 'zh')], ['won', '韩元']);
  assert.equal(currencyWord('EUR', 'zh'), 'EUR');
});
