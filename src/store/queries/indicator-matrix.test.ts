import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTerm } from './indicator-matrix.ts';
import { SpecError } from '../../core/errors.ts';

test('index terms take indicator names in Chinese, plain, at a year and inside growth() and log()', () => {
  assert.deepEqual(parseTerm('城镇非私营单位平均工资:+', '2021'), { term: { label: '城镇非私营单位平均工资', op: 'value', name: '城镇非私营单位平均工资', periods: ['2021'] }, direction: 1 });
  assert.deepEqual(parseTerm('年末常住人口@2020:-').term, { label: '年末常住人口@2020', op: 'value', name: '年末常住人口', periods: ['2020'] });
  assert.equal(parseTerm('growth(年末常住人口,2019,2021)').term.name, '年末常住人口');
  assert.equal(parseTerm('log(年末常住人口@2021)').term.op, 'log');
});

test('index terms still refuse what is not a name', () => {
  for (const bad of ["x';--", 'a/b', 'a"b', '人口;DROP', "growth(x';--,2019,2021)", 'change(a/b,2019,2021)']) assert.throws(() => parseTerm(bad, '2021'), SpecError, bad);
});

test('a yearbook name with its unit in half-width brackets is a name, also inside log() and growth()', () => {
  // The core's one indicator-name rule takes brackets (yearbooks print 年末常住人口(万人) both ways).
  assert.equal(parseTerm('年末常住人口(万人)', '2021').term.name, '年末常住人口(万人)');
  assert.deepEqual(parseTerm('log(年末常住人口(万人)@2021)').term, { label: 'log(年末常住人口(万人)@2021)', op: 'log', name: '年末常住人口(万人)', periods: ['2021'] });
  assert.deepEqual(parseTerm('growth(年末常住人口(万人),2019,2021):-').term.periods, ['2019', '2021']);
});
