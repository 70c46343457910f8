import { test } from 'node:test';
import assert from 'node:assert/strict';
import { counted } from './counted.ts';

test('a count takes the singular for one only', () => {
  assert.equal(counted(1, 'indicator column'), '1 indicator column');
  assert.equal(counted(0, 'indicator column'), '0 indicator columns');
  assert.equal(counted(28001, 'value'), '28001 values');
  assert.equal(counted(2, 'boundary', 'boundaries'), '2 boundaries');
});
