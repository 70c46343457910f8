import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bbox } from './bbox.ts';

test('bbox spans every part of a MultiPolygon', () => {
  const g = {
    type: 'MultiPolygon' as const,
    coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[5, -2], [6, -2], [6, 3], [5, -2]]]],
  };
  assert.deepEqual(bbox(g), [0, -2, 6, 3]);
});

test('bbox of an empty geometry is an error, not Infinity', () => {
  assert.throws(() => bbox({ type: 'MultiPolygon', coordinates: [] }), RangeError);
});
