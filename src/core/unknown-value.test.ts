import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closestValues, requireOneOf, unknownValueError } from './unknown-value.ts';

test('closest values: typos, transpositions and prefixes, best first; nothing for an unrelated word', () => {
  const levels = ['country', 'province', 'sar', 'city'];
  assert.deepEqual(closestValues('provinec', levels), ['province']);
  assert.deepEqual(closestValues('provnce', levels), ['province']);
  assert.deepEqual(closestValues('Prov', levels), ['province']);
  assert.deepEqual(closestValues('citty', levels), ['city']);
  assert.deepEqual(closestValues('zzzzzz', levels), []);
});

test('the error names the value, suggests and lists what exists, or says nothing does', () => {
  const e = unknownValueError('level', 'provinec', ['country', 'province', 'city']);
  assert.equal(e.message, 'unknown level "provinec"; did you mean "province"? Levels in this workspace: country, province, city');
  const none = unknownValueError('period', '2099', [], { plural: 'periods with flows' });
  assert.equal(none.message, 'unknown period "2099". There are no periods with flows in this workspace');
  assert.equal(requireOneOf('level', 'city', ['city']), 'city');
  assert.throws(() => requireOneOf('level', 'City', ['city']), /did you mean "city"\?/);
});
