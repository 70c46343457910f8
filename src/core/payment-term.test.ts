import { test } from 'node:test';
import assert from 'node:assert/strict';
import { carriesPayment, isMoneyUnit } from './payment-term.ts';

test('a payment acts through money (by unit) or an income (by name), never through population, distance or shares', () => {
  assert.ok(isMoneyUnit('yuan per person') && isMoneyUnit('元/月') && isMoneyUnit('thousand KRW') && !isMoneyUnit('persons') && !isMoneyUnit(null));
  for (const [indicator, unit] of [['gdp_per_capita', 'yuan per person'], ['城镇非私营单位平均工资', '元'], ['avg_wage', null], ['grdp_pc', 'thousand KRW']] as const) assert.ok(carriesPayment(indicator, unit), indicator);
  for (const [indicator, unit] of [['population', 'persons'], ['年末常住人口', '万人'], ['share_age_15_59', 'percent'], ['distance_km', 'km']] as const) assert.ok(!carriesPayment(indicator, unit), indicator);
});
