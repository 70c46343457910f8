import { polygonsOf, type AreaGeometry, type BBox } from './types.ts';

/**
 * Bounding box [minLon, minLat, maxLon, maxLat] of a Polygon or MultiPolygon, in degrees.
 * Computed on the exterior rings only (holes lie inside them). Throws RangeError on a geometry
 * without positions, whose box would be undefined.
 */
export function bbox(geometry: AreaGeometry): BBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const rings of polygonsOf(geometry)) {
    const outer = rings[0];
    if (!outer) continue;
    for (const p of outer) {
      if (p[0] < minX) minX = p[0];
      if (p[0] > maxX) maxX = p[0];
      if (p[1] < minY) minY = p[1];
      if (p[1] > maxY) maxY = p[1];
    }
  }
  if (minX > maxX) throw new RangeError('bbox of a geometry without positions is undefined');
  return [minX, minY, maxX, maxY];
}
