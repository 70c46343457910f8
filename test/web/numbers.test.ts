// Short numbers of legends and axes (web/src/i18n/numbers.ts): Chinese groups by 万 (10^4) and
// 亿 (10^8), English by k, M, B; values worked out by hand at and around every threshold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compactNumber, moneyAmount, percentagePoints } from '../../web/src/i18n/numbers.ts';

test('Chinese: 万 from 10,000, 亿 from 100,000,000, one decimal below ten of the unit', () => {
  assert.equal(compactNumber(0, 'zh'), '0');
  assert.equal(compactNumber(9_999, 'zh'), '9,999');
  assert.equal(compactNumber(9_999.6, 'zh'), '1万');
  assert.equal(compactNumber(10_000, 'zh'), '1万');
  assert.equal(compactNumber(15_000, 'zh'), '1.5万');
  assert.equal(compactNumber(99_960, 'zh'), '10万');
  assert.equal(compactNumber(354_000, 'zh'), '35万');
  assert.equal(compactNumber(2_630_000, 'zh'), '263万');
  assert.equal(compactNumber(99_999_999, 'zh'), '1亿');
  assert.equal(compactNumber(140_000_000, 'zh'), '1.4亿');
  assert.equal(compactNumber(1_412_000_000, 'zh'), '14亿');
  assert.ok(!/[kMB]/.test(compactNumber(2_500_000, 'zh')), 'no M or k in Chinese');
});

test('English: k from 1,000, M from 1,000,000, B from 10^9', () => {
  assert.equal(compactNumber(999, 'en'), '999');
  assert.equal(compactNumber(999.5, 'en'), '1k');
  assert.equal(compactNumber(1_500, 'en'), '1.5k');
  assert.equal(compactNumber(120_400, 'en'), '120k');
  assert.equal(compactNumber(2_630_000, 'en'), '2.6M');
  assert.equal(compactNumber(26_300_000, 'en'), '26M');
  assert.equal(compactNumber(1_412_000_000, 'en'), '1.4B');
});

test('negatives keep their sign and the same thresholds; small values are whole; non-numbers are a dash', () => {
  assert.equal(compactNumber(-15_000, 'zh'), '-1.5万');
  assert.equal(compactNumber(-297_235, 'zh'), '-30万');
  assert.equal(compactNumber(-297_235, 'en'), '-297k');
  assert.equal(compactNumber(-0.3, 'en'), '0');
  assert.equal(compactNumber(-42.4, 'zh'), '-42');
  assert.equal(compactNumber(Number.NaN, 'zh'), '–');
  assert.equal(compactNumber(Number.POSITIVE_INFINITY, 'en'), '–');
});

test('percentage points read 百分点 in Chinese and pp in English, signed', () => {
  assert.equal(percentagePoints(1.234, 'zh'), '+1.2 个百分点');
  assert.equal(percentagePoints(-0.05, 'en', 2), '-0.05 pp');
  assert.equal(percentagePoints(0, 'en'), '0 pp');
});

test('money in headlines: 万 with one decimal and 亿 with two in Chinese, whole and grouped in English', () => {
  assert.equal(moneyAmount(9_999, 'zh'), '9,999');
  assert.equal(moneyAmount(10_000, 'zh'), '1万');
  assert.equal(moneyAmount(195_918, 'zh'), '19.6万');
  assert.equal(moneyAmount(28_498_767, 'zh'), '2,849.9万');
  assert.equal(moneyAmount(99_999_999, 'zh'), '1亿');
  // 亿 from the amount rounded at its two decimals: 0.996亿 is written 1亿, 0.994亿 in 万.
  assert.equal(moneyAmount(99_600_000, 'zh'), '1亿');
  assert.equal(moneyAmount(99_400_000, 'zh'), '9,940万');
  assert.equal(moneyAmount(439_277_432, 'zh'), '4.39亿');
  assert.equal(moneyAmount(-1_234_567, 'zh'), '-123.5万');
  assert.equal(moneyAmount(195_918.4, 'en'), '195,918');
  assert.equal(moneyAmount(Number.NaN, 'zh'), '–');
});
