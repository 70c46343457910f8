import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readIndicatorHeader, splitUnit } from './indicator-header.ts';

test('a unit in full-width, ASCII or square brackets at the end of a header is split off; the name keeps its characters', () => {
  assert.deepEqual(splitUnit('城镇非私营单位平均工资（元）'), { stem: '城镇非私营单位平均工资', unit: '元' });
  assert.deepEqual(splitUnit('年末户籍人口(万人)'), { stem: '年末户籍人口', unit: '万人' });
  assert.deepEqual(splitUnit('GDP [亿元]'), { stem: 'GDP', unit: '亿元' });
  assert.deepEqual(splitUnit('地区生产总值【亿元】'), { stem: '地区生产总值', unit: '亿元' });
  assert.deepEqual(splitUnit('人口(2020)'), { stem: '人口(2020)', unit: null }, 'a bracketed year is not a unit');
  assert.deepEqual(splitUnit('（元）'), { stem: '（元）', unit: null }, 'nothing left for a name');
  const h = readIndicatorHeader('城镇非私营单位平均工资（元）', { yearSuffix: false });
  assert.deepEqual(h, { header: '城镇非私营单位平均工资（元）', name: '城镇非私营单位平均工资', unit: '元', year: null });
  assert.equal(readIndicatorHeader('ＧＤＰ　总量', { yearSuffix: false }).name, 'ＧＤＰ 总量', 'full-width letters are not folded');
});

test('census-style headers give the year, with the unit before or after it; ASCII names are snake-cased and standard', () => {
  assert.deepEqual(readIndicatorHeader('popu_2020', { yearSuffix: true }), { header: 'popu_2020', name: 'population', unit: null, year: 2020 });
  assert.deepEqual(readIndicatorHeader('GDP（亿元）2019', { yearSuffix: true }), { header: 'GDP（亿元）2019', name: 'gdp', unit: '亿元', year: 2019 });
  assert.deepEqual(readIndicatorHeader('gdp_2019(亿元)', { yearSuffix: true }), { header: 'gdp_2019(亿元)', name: 'gdp', unit: '亿元', year: 2019 });
  assert.deepEqual(readIndicatorHeader('GDP per capita (yuan)', { yearSuffix: false }), { header: 'GDP per capita (yuan)', name: 'gdp_per_capita', unit: 'yuan', year: null });
  assert.equal(readIndicatorHeader('startups', { yearSuffix: true }).year, null);
});
