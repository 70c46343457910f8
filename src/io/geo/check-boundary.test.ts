/** Region boundaries (issue 13: Point or null boundaries, unclosed rings, zero areas, coordinates off the globe). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boundaryProblem } from './check-boundary.ts';

const square = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];

test('closed polygons and multipolygons with holes on the globe pass', () => {
  assert.equal(boundaryProblem({ type: 'Polygon', coordinates: [square] }), null);
  const hole = [[0.2, 0.2], [0.4, 0.2], [0.4, 0.4], [0.2, 0.2]];
  assert.equal(boundaryProblem({ type: 'MultiPolygon', coordinates: [[square, hole], [[[179, -89], [180, -89], [180, 90], [179, -89]]]] }), null);
  assert.equal(boundaryProblem({ type: 'Polygon', coordinates: [square.map(([x, y]) => [x, y, 120])] }), null, 'an altitude is allowed');
});

test('a Point, a null geometry or another type is not a boundary', () => {
  assert.match(boundaryProblem({ type: 'Point', coordinates: [1, 2] })!, /a Point is not a boundary: give a Polygon or MultiPolygon \(a point belongs in centroid_lon and centroid_lat\)/);
  assert.match(boundaryProblem(null)!, /no geometry/);
  assert.match(boundaryProblem({ type: 'LineString', coordinates: square })!, /a LineString is not a boundary/);
  assert.match(boundaryProblem([1, 2])!, /not a GeoJSON geometry/);
  assert.match(boundaryProblem({ coordinates: [square] })!, /a geometry without a type/);
});

test('rings must be closed, long enough and enclose an area; the place is named', () => {
  assert.match(boundaryProblem({ type: 'Polygon', coordinates: [square.slice(0, 4)] })!, /^ring 1: not closed: it starts at \(0 0\) and ends at \(0 1\)/);
  assert.match(boundaryProblem({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [0, 0]]] })!, /ring 1: 3 positions; a closed ring needs at least 4/);
  assert.match(boundaryProblem({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [2, 2], [0, 0]]] })!, /ring 1: no area \(its positions lie on one line\)/);
  assert.match(boundaryProblem({ type: 'MultiPolygon', coordinates: [[square], [square, square.slice(1)]] })!, /^polygon 2, ring 2 \(a hole\): not closed/);
  assert.match(boundaryProblem({ type: 'Polygon', coordinates: [] })!, /the Polygon has no coordinates/);
  assert.match(boundaryProblem({ type: 'MultiPolygon', coordinates: [[]] })!, /polygon 1, no rings/);
});

test('coordinates must be finite numbers within -180..180 and -90..90', () => {
  const at = (p: unknown) => boundaryProblem({ type: 'Polygon', coordinates: [[[0, 0], p, [1, 1], [0, 0]]] });
  assert.match(at([500, 0])!, /ring 1: position 2: longitude 500 is outside the accepted range -180 to 180 degrees/);
  assert.match(at([0, 100])!, /latitude 100 is outside .* \(are longitude and latitude swapped\?\)/);
  assert.match(at(['a', 0])!, /position 2: \("a" 0\) is not a pair of finite numbers/);
  assert.match(at([{ x: 1 }, 0])!, /position 2: \({"x":1} 0\) is not a pair/);
  assert.match(at([null, 0])!, /not a pair of finite numbers/);
  assert.match(at([1])!, /not a \[longitude, latitude\] position/);
  assert.match(at(5)!, /not a \[longitude, latitude\] position/);
});

test('holes as large as the exterior ring are refused (the fuzz suite found a negative area accepted)', () => {
  const big = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]];
  assert.match(boundaryProblem({ type: 'Polygon', coordinates: [square, big] })!, /^its holes cover as much as its exterior ring or more/);
  assert.match(boundaryProblem({ type: 'MultiPolygon', coordinates: [[square], [square, square]] })!, /^polygon 2, its holes cover/);
  assert.equal(boundaryProblem({ type: 'Polygon', coordinates: [big, square] }), null);
});
