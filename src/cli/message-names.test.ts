import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coded } from '../core/messages/index.ts';
import { namedIn } from './message-names.ts';

// The --lang namer of the workspace: 220500 has both names, X1 none (its code stays).
const NAMES: Record<string, Record<'zh' | 'en', string>> = { 220500: { zh: '通化市', en: 'Tonghua' }, 659001: { zh: '石河子市', en: 'Shihezi' } };
const namer = (lang: 'zh' | 'en') => (code: string | null | undefined) => (code && NAMES[code] ? NAMES[code][lang] : null);

test('rank warnings name their regions in the language of --lang, codes only where no name exists', () => {
  const m = coded('rank.excludedMissing', { count: 3, regions: [{ code: '220500' }, { code: '659001' }, { code: 'X1' }] });
  assert.equal(m.message, '3 region(s) excluded for missing values: 220500, 659001, X1');
  assert.equal(namedIn(m, 'zh', namer('zh')), '3 个地区因缺少数值未参与排名：通化市、石河子市、X1');
  assert.equal(namedIn(m, 'en', namer('en')), '3 region(s) excluded for missing values: Tonghua, Shihezi, X1');
  const change = coded('rank.changeRegionsDiffer', { onlyBefore: 0, onlyAfter: 1, regions: [{ code: '659001' }] });
  assert.match(namedIn(change, 'zh', namer('zh')), /较晚时期：石河子市）/);
});

test('a message without regions, or of a code this version does not know, reads as before', () => {
  const m = coded('rank.imputedMean', { count: 3 });
  assert.equal(namedIn(m, 'en', namer('en')), m.message);
  assert.equal(namedIn({ code: 'rank.future', params: { regions: [{ code: '220500' }] }, message: 'as sent' }, 'en', namer('en')), 'as sent');
});

test("an estimate's warnings, and their repetition where its flows are used, name the regions they give by code", () => {
  const skipped = coded('stocks.regionsSkipped', { regions: ['220500', 'X1'] });
  assert.equal(skipped.message, '2 regions without both populations were left out: 220500, X1');
  assert.equal(namedIn(skipped, 'en', namer('en')), '2 regions without both populations were left out: Tonghua, X1');
  const minimum = coded('stocks.minimumMigration', { regions: ['659001'] });
  assert.match(namedIn(minimum, 'en', namer('zh')), / Here 石河子市 send under 1% /);
  const warned = coded('stocks.estimateWarned', { warnings: [skipped, minimum].map(({ code, params }) => ({ code, params })), texts: [skipped.message, minimum.message] });
  assert.match(warned.message, /left out: 220500, X1; .* Here 659001 send/);
  assert.match(namedIn(warned, 'en', namer('en')), /^the estimate these flows come from warned: 2 regions without both populations were left out: Tonghua, X1; .* Here Shihezi send/);
  assert.match(namedIn(warned, 'zh', namer('zh')), /未纳入：通化市、X1；.*此处 石河子市的迁出/);
  // A repeated warning of a code this version does not know keeps the English it was stored with.
  const future = coded('stocks.estimateWarned', { warnings: [{ code: 'stocks.future', params: { regions: ['220500'] } }], texts: ['as stored: 220500'] });
  assert.equal(namedIn(future, 'en', namer('en')), 'the estimate these flows come from warned: as stored: 220500');
});
