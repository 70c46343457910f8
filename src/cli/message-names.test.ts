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
