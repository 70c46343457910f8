import { test } from 'node:test';
import assert from 'node:assert/strict';
import { carriesPayment, incomePer, isMoneyUnit, monthlyBase } from './payment-term.ts';

test('a payment acts through money (by unit) or an income (by name), never through population, distance or shares', () => {
  assert.ok(isMoneyUnit('yuan per person') && isMoneyUnit('元/月') && isMoneyUnit('thousand KRW') && !isMoneyUnit('persons') && !isMoneyUnit(null));
  for (const [indicator, unit] of [['gdp_per_capita', 'yuan per person'], ['城镇非私营单位平均工资', '元'], ['avg_wage', null], ['grdp_pc', 'thousand KRW']] as const) assert.ok(carriesPayment(indicator, unit), indicator);
  for (const [indicator, unit] of [['population', 'persons'], ['年末常住人口', '万人'], ['share_age_15_59', 'percent'], ['distance_km', 'km']] as const) assert.ok(!carriesPayment(indicator, unit), indicator);
});

test('an income is read as amounts a month where its unit says so, a year otherwise, and a year assumed without a unit', () => {
  assert.deepEqual(incomePer('元/月'), { per: 'month', assumed: false });
  assert.deepEqual(incomePer('yuan a month'), { per: 'month', assumed: false });
  assert.deepEqual(incomePer('yuan per person per year'), { per: 'year', assumed: false });
  assert.deepEqual(incomePer(null), { per: 'year', assumed: true });
  assert.deepEqual(incomePer(' '), { per: 'year', assumed: true });
  // The base a month of a payment priced as a share of the income: a monthly mean as it is, a yearly one over 12.
  assert.equal(monthlyBase(6000, '元/月'), 6000);
  assert.equal(monthlyBase(72000, 'yuan per person per year'), 6000);
  assert.equal(monthlyBase(72000, undefined), 6000);
});
