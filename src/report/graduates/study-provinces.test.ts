import { test } from 'node:test';
import assert from 'node:assert/strict';
import { studyProvinceText } from './study-provinces.ts';

const NAMES: Record<string, [string, string]> = { '210000': ['辽宁省', 'Liaoning'], '110000': ['北京市', 'Beijing'] };
const zh = (c: string) => NAMES[c][0];
const en = (c: string) => NAMES[c][1];

test('one study province is named as the university\'s; several as each graduate\'s own, with those left out by suppression', () => {
  assert.equal(studyProvinceText({ codes: ['210000'], suppressed: false }, en, null, 'en'), 'Study province: Liaoning');
  assert.equal(studyProvinceText({ codes: ['210000'], suppressed: false }, zh, null, 'zh'), '就读省份：辽宁省');
  assert.equal(studyProvinceText({ codes: ['110000', '210000'], suppressed: false }, en, null, 'en'), 'Each graduate’s own study province: Beijing, Liaoning');
  assert.equal(studyProvinceText({ codes: ['210000'], suppressed: true }, zh, 10, 'zh'), '各毕业生各自的就读省份：辽宁省，及少于 10 人的其他省份');
  assert.equal(studyProvinceText({ codes: ['210000'], suppressed: true }, en, 10, 'en'), 'Each graduate’s own study province: Liaoning, others of fewer than 10 graduates');
  assert.equal(studyProvinceText({ codes: [], suppressed: false }, en, null, 'en'), '');
  assert.equal(studyProvinceText(undefined, en, null, 'en'), '');
});
