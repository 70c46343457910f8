import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gravityRequest } from './models.ts';

test('a gravity request accepts indicator names in Chinese, with or without their unit in brackets, and :raw', () => {
  const r = gravityRequest.parse({ periods: ['2021'], destinationVars: ['城镇非私营单位平均工资', '年末常住人口(万人)', '城镇非私营单位平均工资（元）:raw', 'grdp_pc'] });
  assert.deepEqual(r.destinationVars, ['城镇非私营单位平均工资', '年末常住人口(万人)', '城镇非私营单位平均工资（元）:raw', 'grdp_pc']);
});

test('a gravity request still refuses names that are not indicator names', () => {
  for (const bad of ['', 'a b', "x'; DROP TABLE flows; --", 'a,b', 'x'.repeat(65), 'name:log']) {
    assert.equal(gravityRequest.safeParse({ periods: ['2021'], destinationVars: [bad] }).success, false, bad);
  }
});
