// Hand-checked areas on a sphere. Closed forms: a cell bounded by meridians λ1, λ2 and parallels
// φ1, φ2 has area R² (λ2 − λ1)(sin φ2 − sin φ1); the triangle (0,0), (1°,0), (1°,1°) with its
// hypotenuse straight in lon/lat (φ = λ) has area R² ∫₀^{1°} sin λ dλ = R² (1 − cos 1°).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sphericalArea, ringSignedArea } from './spherical-area.ts';
import { EARTH_RADIUS_KM, DEG } from './earth.ts';
import type { Ring } from './types.ts';

const R2 = EARTH_RADIUS_KM ** 2;
const rect = (x0: number, y0: number, x1: number, y1: number): Ring => [
  [x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0],
];
const close = (a: number, b: number, rel = 1e-12) => assert.ok(Math.abs(a - b) <= rel * Math.abs(b), `${a} vs ${b}`);

test('a 1° x 1° cell at the equator is R² · (π/180) · sin 1° (about 12,363.72 km²)', () => {
  const a = sphericalArea({ type: 'Polygon', coordinates: [rect(0, 0, 1, 1)] });
  close(a, R2 * DEG * Math.sin(DEG));
  assert.ok(Math.abs(a - 12363.72) < 0.01, String(a));
});

test('a cell at 60°N is smaller by the sine difference', () => {
  const a = sphericalArea({ type: 'Polygon', coordinates: [rect(10, 60, 11, 61)] });
  close(a, R2 * DEG * (Math.sin(61 * DEG) - Math.sin(60 * DEG)));
});

test('a triangle with a sloping edge integrates sin φ along the edge exactly', () => {
  const a = sphericalArea({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] });
  close(a, R2 * (1 - Math.cos(DEG)));
});

test('ring orientation does not change the area; counter-clockwise rings are positive', () => {
  const ring = rect(100, 30, 102, 31.5);
  const reversed = [...ring].reverse();
  assert.ok(ringSignedArea(ring) > 0);
  assert.ok(ringSignedArea(reversed) < 0);
  close(sphericalArea({ type: 'Polygon', coordinates: [reversed] }), sphericalArea({ type: 'Polygon', coordinates: [ring] }));
});

test('an unclosed ring is closed implicitly', () => {
  const open = rect(0, 0, 1, 1).slice(0, 4);
  close(sphericalArea({ type: 'Polygon', coordinates: [open] }), R2 * DEG * Math.sin(DEG));
});

test('a hole is subtracted whatever its orientation', () => {
  const outer = rect(0, 0, 2, 2);
  const hole = rect(0.25, 0.25, 1.25, 1.25);
  const expected = R2 * DEG * (2 * Math.sin(2 * DEG) - (Math.sin(1.25 * DEG) - Math.sin(0.25 * DEG)));
  close(sphericalArea({ type: 'Polygon', coordinates: [outer, hole] }), expected);
  close(sphericalArea({ type: 'Polygon', coordinates: [outer, [...hole].reverse()] }), expected);
});

test('the parts of a MultiPolygon add up', () => {
  const expected = R2 * DEG * Math.sin(DEG) + R2 * 2 * DEG * Math.sin(DEG);
  close(sphericalArea({ type: 'MultiPolygon', coordinates: [[rect(0, 0, 1, 1)], [rect(2, 0, 4, 1)]] }), expected);
});

test('the radius can be chosen: area scales with its square', () => {
  const g = { type: 'Polygon' as const, coordinates: [rect(0, 0, 1, 1)] };
  close(sphericalArea(g, 1), DEG * Math.sin(DEG));
});

test('a sphere divided into eight octant-like cells sums to 4πR²', () => {
  // Cells of 90° longitude by 90° latitude (pole to equator): 8 of them cover the sphere.
  let total = 0;
  for (let lon = -180; lon < 180; lon += 90) {
    total += sphericalArea({ type: 'Polygon', coordinates: [rect(lon, 0, lon + 90, 90)] });
    total += sphericalArea({ type: 'Polygon', coordinates: [rect(lon, -90, lon + 90, 0)] });
  }
  close(total, 4 * Math.PI * R2);
});
