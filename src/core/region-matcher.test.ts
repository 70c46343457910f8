import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RegionMatcher, stripSuffix } from './region-matcher.ts';

const regions = [
  { code: '210000', name_zh: '辽宁省', name_en: 'Liaoning', level: 'province', aliases: ['21', 'CN-LN', '辽宁'] },
  { code: '220000', name_zh: '吉林省', name_en: 'Jilin', level: 'province', aliases: ['22', '吉林'] },
  { code: '150000', name_zh: '内蒙古自治区', name_en: 'Inner Mongolia', level: 'province', aliases: ['15', '内蒙古'] },
  { code: '210100', name_zh: '沈阳市', name_en: 'Shenyang', level: 'city', aliases: ['沈阳'] },
  { code: '210200', name_zh: '大连市', name_en: 'Dalian', level: 'city', aliases: [] },
  { code: '220200', name_zh: '吉林市', name_en: 'Jilin', level: 'city', aliases: [] },
];

test('codes, aliases, names with and without suffixes, English in any case', () => {
  const m = new RegionMatcher(regions);
  for (const [input, code] of [
    ['210100', '210100'], ['21', '210000'], ['CN-LN', '210000'], ['辽宁', '210000'], ['辽宁省', '210000'],
    ['沈阳', '210100'], ['沈阳市', '210100'], ['大连', '210200'], ['SHENYANG', '210100'], ['Liaoning Province', '210000'],
    ['内蒙古', '150000'], ['内蒙古自治区', '150000'], ['吉林省', '220000'], ['吉林市', '220200'],
  ]) assert.deepEqual(m.match(input), { kind: 'match', code }, input);
});

test('the alias 吉林 names the province; English "Jilin" is ambiguous unless a level is preferred', () => {
  const m = new RegionMatcher(regions);
  assert.deepEqual(m.match('吉林'), { kind: 'match', code: '220000' });
  const r = m.match('Jilin');
  assert.equal(r.kind, 'ambiguous');
  assert.deepEqual(m.match('Jilin', 'city'), { kind: 'match', code: '220200' });
});

test('matchAll breaks ties with the level most names in the column resolve to', () => {
  const m = new RegionMatcher(regions);
  const res = m.matchAll(['Shenyang', 'Dalian', 'Jilin']);
  assert.deepEqual(res.get('Jilin'), { kind: 'match', code: '220200' });
});

test('unknown names come with the closest known names', () => {
  const m = new RegionMatcher(regions);
  const r = m.match('Shenyan');
  assert.equal(r.kind, 'unknown');
  assert.equal(r.kind === 'unknown' && r.suggestions[0].code, '210100');
  const z = m.match('沈杨市');
  assert.equal(z.kind === 'unknown' && z.suggestions[0].code, '210100');
});

test('suffix stripping keeps two-character names whole', () => {
  assert.equal(stripSuffix('沈阳市'), '沈阳');
  assert.equal(stripSuffix('新疆维吾尔自治区'), '新疆');
  assert.equal(stripSuffix('津市'), '津市');
});
