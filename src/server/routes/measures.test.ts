import { test } from 'node:test';
import assert from 'node:assert/strict';
import { measureQuery } from './measures.ts';
import { measureInput } from '../../app/measure/input.ts';

// GET /api/measures and `talentflow measures` read the same indicator names as the models route
// and index terms (src/core/schema/indicator-name.ts): the user's own, often Chinese.
test('a natural-change indicator named in Chinese with its unit in brackets is accepted by the route and the operation', () => {
  for (const name of ['城镇非私营单位平均工资（元）', '自然增长(人)', 'natural_change']) {
    assert.equal(measureQuery.parse({ naturalIndicator: name }).naturalIndicator, name);
    assert.equal(measureInput.parse({ naturalIndicator: name }).naturalIndicator, name);
  }
});

test('names that are not indicator names are still refused by both', () => {
  for (const bad of ['', 'a b', "x'; DROP TABLE flows; --", 'a,b', 'x'.repeat(65)]) {
    assert.equal(measureQuery.safeParse({ naturalIndicator: bad }).success, false, bad);
    assert.equal(measureInput.safeParse({ naturalIndicator: bad }).success, false, bad);
  }
});
