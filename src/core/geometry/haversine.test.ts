// Hand-checked: one degree along a meridian is R·π/180; half a great circle is π·R.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { haversineKm } from './haversine.ts';
import { EARTH_RADIUS_KM } from './earth.ts';

const close = (a: number, b: number, rel = 1e-12) => assert.ok(Math.abs(a - b) <= rel * b, `${a} vs ${b}`);

test('one degree of latitude is about 111.195 km', () => {
  close(haversineKm([0, 0], [0, 1]), (EARTH_RADIUS_KM * Math.PI) / 180);
  assert.ok(Math.abs(haversineKm([0, 0], [0, 1]) - 111.195) < 0.001);
});

test('antipodal points are half a circumference apart', () => {
  close(haversineKm([0, 0], [180, 0]), Math.PI * EARTH_RADIUS_KM);
  close(haversineKm([10, 45], [-170, -45]), Math.PI * EARTH_RADIUS_KM, 1e-9);
});

test('one degree of longitude at 60° latitude along the parallel is shorter than the chord', () => {
  // The great circle is shorter than the parallel's arc R·cos60°·π/180 but very close to it.
  const d = haversineKm([10, 60], [11, 60]);
  const parallel = (EARTH_RADIUS_KM * Math.cos(Math.PI / 3) * Math.PI) / 180;
  assert.ok(d < parallel && d > parallel * 0.9999, `${d} vs ${parallel}`);
});

test('the distance is symmetric and zero for the same point; the radius is a parameter', () => {
  assert.equal(haversineKm([116.4, 39.9], [121.5, 31.2]), haversineKm([121.5, 31.2], [116.4, 39.9]));
  assert.equal(haversineKm([116.4, 39.9], [116.4, 39.9]), 0);
  close(haversineKm([0, 0], [0, 1], 6371.0), (6371.0 * Math.PI) / 180);
});
