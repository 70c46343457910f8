import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coded } from '../../core/messages/index.ts';
import { fmtSigned } from '../format.ts';
import { privacyNote } from './labels.ts';
import { noteText } from './note-text.ts';

test('a report note in Chinese from the catalogue\'s Chinese template, in English as the library wrote it', () => {
  const m = coded('graduates.salaryMissing', { missing: 1200, employed: 30000, withSalary: 28800 });
  assert.equal(noteText(m, 'en'), '1200 of 30000 employed graduates have no salary; quartiles use the other 28800');
  assert.equal(noteText(m, 'zh'), '30,000 名就业毕业生中有 1,200 名没有薪资；四分位数基于其余 28,800 名');
  assert.equal(noteText(coded('graduates.quantileDefinition', {}), 'zh'), 'R 的第 7 种定义（Hyndman 与 Fan 1996）：在第 (n − 1)p 个次序统计量处线性插值');
  assert.match(privacyNote(10, 442, 'zh'), /^少于 10 人的数字均已隐藏，标为“已隐藏（少于 10 人）”.*此处共 442 处/);
  assert.match(privacyNote(10, 442, 'en'), /^Counts of fewer than 10 graduates are hidden, marked "suppressed \(<10\)".*\(442 cells here\)/);
});

test('a code without Chinese here, or parameters of another shape, keep their English', () => {
  const other = coded('rank.imputedMean', { count: 3 });
  assert.equal(noteText(other, 'zh'), other.message);
  const odd = { code: 'graduates.salaryMissing', params: { missing: 'x' }, message: 'as stored' };
  assert.equal(noteText(odd, 'zh'), 'as stored');
});

test('a change in percentage points reads 个百分点 in Chinese, pp in English', () => {
  assert.equal(fmtSigned(-1.14, 'pp', 1, 'zh'), '-1.1 个百分点');
  assert.equal(fmtSigned(0.25, 'pp', 1), '+0.3 pp');
  assert.equal(fmtSigned(1234), '+1,234');
});
