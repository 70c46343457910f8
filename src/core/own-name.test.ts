import { test } from 'node:test';
import assert from 'node:assert/strict';
import { regionName } from './own-name.ts';

// Rows as in data/korea, data/austria, data/ny and data/china regions.csv.
const seoul = { name_zh: '首尔', name_en: 'Seoul', aliases: ['서울특별시'] };
const lowerAustria = { name_zh: '下奥地利州', name_en: 'Lower Austria', aliases: ['Niederösterreich'] };
const burgenland = { name_zh: '布尔根兰州', name_en: 'Burgenland', aliases: [] };
const nyState = { name_zh: '纽约州', name_en: 'New York State', aliases: ['New York', 'NY', '36'] };
const shenyang = { name_zh: '沈阳市', name_en: 'Shenyang', aliases: ['沈阳', 'Shenyang'] };

test('each region in its own language: Hangul for Korea, German for Austria, Chinese for China, English elsewhere', () => {
  assert.equal(regionName(seoul, 'KR'), '서울특별시');
  assert.equal(regionName(lowerAustria, 'AT'), 'Niederösterreich');
  assert.equal(regionName(burgenland, 'AT'), 'Burgenland', 'no German alias: the English name (the same word)');
  assert.equal(regionName(nyState, 'US'), 'New York State');
  assert.equal(regionName(shenyang, 'CN'), '沈阳市');
  assert.equal(regionName({ name_zh: '某市', name_en: null, aliases: [] }, null), '某市', 'no country: the Chinese name when there is one');
});

test('--lang en or zh overrides the country', () => {
  assert.equal(regionName(seoul, 'KR', 'en'), 'Seoul');
  assert.equal(regionName(seoul, 'KR', 'zh'), '首尔');
  assert.equal(regionName(shenyang, 'CN', 'en'), 'Shenyang');
  assert.equal(regionName({ name_zh: null, name_en: 'Vienna', aliases: ['Wien'] }, 'AT', 'zh'), 'Vienna', 'falls back to the other name');
});
