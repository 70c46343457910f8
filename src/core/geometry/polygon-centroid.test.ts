// Hand-checked planar centroids (area-weighted ring centroids, as GEOS/shapely compute them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { polygonCentroid, planarArea } from './polygon-centroid.ts';
import { InputError } from '../errors.ts';
import type { Ring } from './types.ts';

const rect = (x0: number, y0: number, x1: number, y1: number): Ring => [
  [x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0],
];
const near = (a: readonly number[], b: readonly number[], tol = 1e-12) =>
  assert.ok(Math.abs(a[0] - b[0]) <= tol && Math.abs(a[1] - b[1]) <= tol, `${a} vs ${b}`);

test('the centroid of a 1° cell is its middle, whatever the orientation', () => {
  near(polygonCentroid({ type: 'Polygon', coordinates: [rect(116, 39, 117, 40)] }), [116.5, 39.5]);
  near(polygonCentroid({ type: 'Polygon', coordinates: [[...rect(116, 39, 117, 40)].reverse()] }), [116.5, 39.5]);
});

test('a triangle has its centroid at the mean of its vertices', () => {
  near(polygonCentroid({ type: 'Polygon', coordinates: [[[0, 0], [3, 0], [0, 3], [0, 0]]] }), [1, 1]);
});

test('a hole pulls the centroid away from it: 2x2 square minus a unit hole at (0.75, 0.75)', () => {
  // (4 · 1 − 1 · 0.75) / 3 = 13/12 in both coordinates.
  const g = { type: 'Polygon' as const, coordinates: [rect(0, 0, 2, 2), rect(0.25, 0.25, 1.25, 1.25)] };
  near(polygonCentroid(g), [13 / 12, 13 / 12]);
  assert.equal(planarArea(g), 3);
});

test('MultiPolygon parts are weighted by area: unit square and 2x1 rectangle', () => {
  // x = (0.5 · 1 + 3 · 2) / 3 = 13/6, y = 0.5.
  const g = { type: 'MultiPolygon' as const, coordinates: [[rect(0, 0, 1, 1)], [rect(2, 0, 4, 1)]] };
  near(polygonCentroid(g), [13 / 6, 0.5]);
  assert.equal(planarArea(g), 3);
});

test('coordinates far from the origin keep their precision', () => {
  const g = { type: 'Polygon' as const, coordinates: [rect(-73.0001, 42.0001, -73.0002, 42.0002)] };
  near(polygonCentroid(g), [-73.00015, 42.00015], 1e-12);
});

test('a geometry without area has no centroid: InputError, not NaN', () => {
  assert.throws(() => polygonCentroid({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [0, 0]]] }), InputError);
});
