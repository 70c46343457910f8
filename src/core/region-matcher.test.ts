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

const northeast = [
  ...regions,
  { code: '230000', name_zh: '黑龙江省', name_en: null, level: 'province', aliases: [] },
  { code: '440000', name_zh: '广东省', name_en: null, level: 'province', aliases: [] },
  { code: '440300', name_zh: '深圳市', name_en: null, level: 'city', aliases: [] },
  { code: '610000', name_zh: '陕西省', name_en: null, level: 'province', aliases: [] },
  { code: '140000', name_zh: '山西省', name_en: null, level: 'province', aliases: [] },
  { code: '141100', name_zh: '吕梁市', name_en: null, level: 'city', aliases: [] },
  { code: '610431', name_zh: '乾县', name_en: null, level: 'county', aliases: [] },
];

test('traditional characters find the simplified names (瀋陽, 黑龍江, 廣東, 乾縣)', () => {
  const m = new RegionMatcher(northeast);
  for (const [input, code] of [['瀋陽', '210100'], ['瀋陽市', '210100'], ['黑龍江', '230000'], ['黑龍江省', '230000'], ['廣東', '440000'], ['遼寧省', '210000'], ['乾縣', '610431'], ['乾县', '610431']]) {
    assert.deepEqual(m.match(input), { kind: 'match', code }, input);
  }
});

test('pinyin of the Chinese name in any case and spacing, without an English name stored', () => {
  const m = new RegionMatcher(northeast.map((r) => ({ ...r, name_en: null })));
  for (const [input, code] of [['shenyang', '210100'], ['SHENYANG', '210100'], ['Shen Yang', '210100'], ['Shěnyáng', '210100'], ['shenyang shi', '210100'],
    ['Heilongjiang', '230000'], ['guangdong province', '440000'], ['shenzhen', '440300'], ['lvliang', '141100'], ['Lüliang', '141100']]) {
    assert.deepEqual(m.match(input), { kind: 'match', code }, input);
  }
  // 山西 and 陕西 are both "shanxi" in toneless pinyin: reported, never guessed.
  const s = m.match('shanxi');
  assert.equal(s.kind, 'ambiguous');
  assert.deepEqual(s.kind === 'ambiguous' && s.candidates.map((c) => c.code).sort(), ['140000', '610000']);
});

test('a prefix matches only when asked, and several regions sharing it are reported', () => {
  const m = new RegionMatcher(northeast);
  assert.equal(m.match('Shen').kind, 'unknown', 'imports never match a prefix');
  const shen = m.match('Shen', undefined, { prefix: true });
  assert.equal(shen.kind, 'ambiguous');
  assert.deepEqual(shen.kind === 'ambiguous' && shen.candidates.map((c) => c.code), ['210100', '440300']);
  assert.deepEqual(m.match('Shen', 'province', { prefix: true }).kind, 'ambiguous');
  assert.deepEqual(m.match('Shenz', undefined, { prefix: true }), { kind: 'match', code: '440300' });
  assert.deepEqual(m.match('SHENY', undefined, { prefix: true }), { kind: 'match', code: '210100' });
  assert.deepEqual(m.match('黑龍', undefined, { prefix: true }), { kind: 'match', code: '230000' });
  assert.deepEqual(m.match('s', undefined, { prefix: true }).kind, 'unknown', 'one letter is too short to mean anything');
  const only = new RegionMatcher(regions);
  assert.deepEqual(only.match('Shen', undefined, { prefix: true }), { kind: 'match', code: '210100' });
});

test('search lists exact hits first, then prefixes, then names containing the text', () => {
  const m = new RegionMatcher(northeast);
  assert.deepEqual(m.search('瀋陽').map((r) => r.code), ['210100']);
  assert.deepEqual(m.search('shenyang').map((r) => r.code), ['210100']);
  assert.deepEqual(m.search('Shen').map((r) => r.code), ['210100', '440300']);
  assert.deepEqual(m.search('SHENYANG').map((r) => r.code), ['210100']);
  assert.deepEqual(m.search('黑龍江').map((r) => r.code), ['230000']);
  assert.deepEqual(m.search('吉林', { preferLevel: 'city' }).map((r) => r.code), ['220000', '220200']);
  assert.deepEqual(m.search('林').map((r) => r.code), ['220000', '220200']);
  assert.deepEqual(m.search('  '), []);
});
