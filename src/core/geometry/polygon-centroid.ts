import { InputError } from '../errors.ts';
import { polygonsOf, type AreaGeometry, type Position, type Ring } from './types.ts';

/**
 * Planar centroid of a Polygon or MultiPolygon, treating longitude and latitude as plane
 * coordinates in degrees: the area-weighted mean of the rings' centroids, holes weighted
 * negatively and parts added. This is what GEOS / shapely `centroid` returns on lon/lat
 * geometries, and how the centroids of the bundled China, Austria and New York registries are
 * defined. The result is [lon, lat]; for a concave shape it may fall outside the polygon.
 *
 * Throws InputError when the geometry has no area (its centroid is undefined).
 */
export function polygonCentroid(geometry: AreaGeometry): [number, number] {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (const rings of polygonsOf(geometry)) {
    rings.forEach((ring, i) => {
      const r = ringMoments(ring);
      // Orient every ring by the role it plays: exterior positive, holes negative.
      const sign = (i === 0 ? 1 : -1) * Math.sign(r.area);
      area += sign * r.area;
      cx += sign * r.mx;
      cy += sign * r.my;
    });
  }
  if (area === 0 || !Number.isFinite(area)) {
    throw new InputError(`polygon area is ${area}: its centroid is undefined`);
  }
  return [cx / area, cy / area];
}

/** Planar area of a Polygon or MultiPolygon in square degrees (holes subtracted). */
export function planarArea(geometry: AreaGeometry): number {
  let total = 0;
  for (const rings of polygonsOf(geometry)) {
    rings.forEach((ring, i) => {
      const a = Math.abs(ringMoments(ring).area);
      total += i === 0 ? a : -a;
    });
  }
  return total;
}

/**
 * Shoelace moments of a ring: signed area and first moments (area x centroid), taken relative to
 * the ring's first vertex so that coordinates far from the origin lose no precision.
 */
function ringMoments(ring: Ring): { area: number; mx: number; my: number } {
  const n = ring.length;
  if (n < 3) return { area: 0, mx: 0, my: 0 };
  const o: Position = ring[0];
  let a2 = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    const p = ring[i];
    const q = ring[(i + 1) % n];
    const x0 = p[0] - o[0];
    const y0 = p[1] - o[1];
    const x1 = q[0] - o[0];
    const y1 = q[1] - o[1];
    const cross = x0 * y1 - x1 * y0;
    a2 += cross;
    sx += (x0 + x1) * cross;
    sy += (y0 + y1) * cross;
  }
  const area = a2 / 2;
  if (area === 0) return { area: 0, mx: 0, my: 0 };
  // Centroid relative to o is (sx, sy) / (6 area); the moment is that times the area.
  return { area, mx: sx / 6 + o[0] * area, my: sy / 6 + o[1] * area };
}
