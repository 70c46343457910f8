import { DEG, EARTH_RADIUS_KM } from './earth.ts';
import { polygonsOf, type AreaGeometry, type Ring } from './types.ts';

/**
 * Area of a Polygon or MultiPolygon on a sphere, in km² (holes subtracted, parts added).
 *
 * GeoJSON (RFC 7946 §3.1.1) draws an edge as a straight line in longitude/latitude, so each edge
 * is integrated exactly along that line: the signed area between an edge and the equator is
 * R² ∫ sin φ dλ with φ linear in λ, which is R² Δλ sin φm · sin(h)/h, where φm is the edge's mean
 * latitude and h half its latitude change (from cos a − cos b = 2 sin((a+b)/2) sin((b−a)/2)).
 * For a 1° x 1° cell at the equator this gives R² · (π/180) · sin 1° exactly. Along dense
 * boundaries the result differs from great-circle edges by far less than 1e-5 relative.
 * Rings crossing the antimeridian are not handled (none of the bundled data does).
 *
 * The orientation of the rings does not matter: each ring's absolute area is used, the first ring
 * of a polygon counts as exterior and the others as holes.
 */
export function sphericalArea(geometry: AreaGeometry, radiusKm: number = EARTH_RADIUS_KM): number {
  let total = 0;
  for (const rings of polygonsOf(geometry)) {
    rings.forEach((ring, i) => {
      const a = Math.abs(ringSignedArea(ring));
      total += i === 0 ? a : -a;
    });
  }
  return total * radiusKm * radiusKm;
}

/** Signed area of one ring on the unit sphere (steradians); counter-clockwise is positive. */
export function ringSignedArea(ring: Ring): number {
  const n = ring.length;
  if (n < 3) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % n];
    const dLambda = (b[0] - a[0]) * DEG;
    if (dLambda === 0) continue;
    const phiMean = ((a[1] + b[1]) / 2) * DEG;
    const h = ((b[1] - a[1]) / 2) * DEG;
    const sinc = h === 0 ? 1 : Math.sin(h) / h;
    sum += dLambda * Math.sin(phiMean) * sinc;
  }
  // The sum runs along the ring against the equator: counter-clockwise gives a negative sum.
  return -sum;
}
