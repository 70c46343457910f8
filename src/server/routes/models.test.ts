import { test } from 'node:test';
import assert from 'node:assert/strict';
import { storedGravityInput } from '../../app/fit/gravity-input.ts';

// The route's body is the gravity operation's input over HTTP (src/app/fit/gravity-input.ts).

test('a gravity request accepts indicator names in Chinese, with or without their unit in brackets, and :raw', () => {
  const r = storedGravityInput.parse({ periods: ['2021'], destinationVars: ['城镇非私营单位平均工资', '年末常住人口(万人)', '城镇非私营单位平均工资（元）:raw', 'grdp_pc'] });
  assert.deepEqual(r.destinationVars, ['城镇非私营单位平均工资', '年末常住人口(万人)', '城镇非私营单位平均工资（元）:raw', 'grdp_pc']);
});

test('a gravity request still refuses names that are not indicator names', () => {
  for (const bad of ['', 'a b', "x'; DROP TABLE flows; --", 'a,b', 'x'.repeat(65), 'name:log']) {
    assert.equal(storedGravityInput.safeParse({ periods: ['2021'], destinationVars: [bad] }).success, false, bad);
  }
});

test('a gravity request takes fixest\'s options on stored flows and keeps the model\'s defaults unless given', () => {
  const plain = storedGravityInput.parse({ periods: ['2019'] });
  assert.equal(plain.fixedEffects, undefined, 'not given: the constraint\'s effects and period effects on panels');
  assert.equal(plain.cluster, undefined);
  assert.equal(plain.ssc, undefined);
  const full = storedGravityInput.parse({ periods: ['2019', '2020'], fixedEffects: ['origin^period', 'destination^period', 'pair'], cluster: ['origin', 'destination', 'period', 'pair'], ssc: { adj: false, fixefK: 'nested' }, na: 'error', sumDuplicates: true });
  assert.deepEqual(full.cluster, ['origin', 'destination', 'period', 'pair']);
  assert.deepEqual(full.ssc, { adj: false, fixefK: 'nested' });
});
