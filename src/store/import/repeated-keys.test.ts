import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bitmapLimit, firstRepeatedKey } from './repeated-keys.ts';

test('the first key seen before is found, across word boundaries of the bitmap', () => {
  assert.equal(firstRepeatedKey(new Float64Array([0, 31, 32, 63, 64, 5]), 100), -1);
  assert.equal(firstRepeatedKey(new Float64Array([3, 40, 99, 40, 3]), 100), 3);
  assert.equal(firstRepeatedKey(new Float64Array([31, 32, 31]), 33), 2);
  assert.equal(firstRepeatedKey(new Float64Array([]), 0), -1);
});

test('every key of a large shuffled space is distinct; one repeat anywhere is found', () => {
  const n = 1_000_003;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (i * 7919) % n; // a permutation: n is prime
  assert.equal(firstRepeatedKey(keys, n), -1);
  keys[n - 1] = keys[12345];
  assert.equal(firstRepeatedKey(keys, n), n - 1);
});

test('a key outside the space or not whole is an error, not a wrong answer', () => {
  assert.throws(() => firstRepeatedKey(new Float64Array([1, 10]), 10), /outside 0\.\.9/);
  assert.throws(() => firstRepeatedKey(new Float64Array([1.5]), 10), /outside/);
  assert.throws(() => firstRepeatedKey(new Float64Array([-1]), 10), /outside/);
});

test('the bitmap is bounded: 8 MB at least, 32 bits a row, at most 128 MB', () => {
  assert.equal(bitmapLimit(10), 2 ** 26);
  assert.equal(bitmapLimit(10_000_000), 320_000_000);
  assert.equal(bitmapLimit(1e9), 2 ** 30);
});
