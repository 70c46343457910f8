/**
 * What a region boundary must be before it is stored (RFC 7946 §3.1.6-3.1.7): a Polygon or
 * MultiPolygon whose rings are closed (first position equals the last), have at least four
 * positions and a non-zero area, with finite coordinates on the globe, and whose holes are smaller
 * than their exterior ring. Before this check a Point
 * or a null geometry was stored as a boundary, an unclosed ring was closed silently, and a
 * zero-area ring surfaced later as "polygon area is 0" without saying which region.
 *
 * Returns the first problem in words (naming polygon, ring and position), or null.
 */
export function boundaryProblem(g: unknown): string | null {
  if (g === null || g === undefined) return 'no geometry: a region boundary must be a Polygon or MultiPolygon';
  if (typeof g !== 'object' || Array.isArray(g)) return 'not a GeoJSON geometry';
  const { type, coordinates } = g as { type?: unknown; coordinates?: unknown };
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    const what = typeof type === 'string' ? `a ${type.slice(0, 40)}` : 'a geometry without a type';
    return `${what} is not a boundary: give a Polygon or MultiPolygon${type === 'Point' ? ' (a point belongs in centroid_lon and centroid_lat)' : ''}`;
  }
  if (!Array.isArray(coordinates) || coordinates.length === 0) return `the ${type} has no coordinates`;
  const polygons: unknown[] = type === 'Polygon' ? [coordinates] : coordinates;
  for (let p = 0; p < polygons.length; p++) {
    const rings = polygons[p];
    const where = type === 'MultiPolygon' ? `polygon ${p + 1}, ` : '';
    if (!Array.isArray(rings) || rings.length === 0) return `${where}no rings`;
    for (let r = 0; r < rings.length; r++) {
      const problem = ringProblem(rings[r]);
      if (problem) return `${where}ring ${r + 1}${r > 0 ? ' (a hole)' : ''}: ${problem}`;
    }
    // Holes are subtracted: holes as large as the exterior would leave no area, or a negative one.
    const outer = Math.abs(shoelace(rings[0] as number[][]));
    const holes = (rings as number[][][]).slice(1).reduce((sum, ring) => sum + Math.abs(shoelace(ring)), 0);
    if (holes >= outer) return `${where}its holes cover as much as its exterior ring or more: the holes are not inside it (or rings are out of order)`;
  }
  return null;
}

function ringProblem(ring: unknown): string | null {
  if (!Array.isArray(ring)) return 'not a list of positions';
  for (let i = 0; i < ring.length; i++) {
    const problem = positionProblem(ring[i]);
    if (problem) return `position ${i + 1}: ${problem}`;
  }
  if (ring.length < 4) return `${ring.length} positions; a closed ring needs at least 4 (the last repeating the first)`;
  const [first, last] = [ring[0] as number[], ring[ring.length - 1] as number[]];
  if (first[0] !== last[0] || first[1] !== last[1]) {
    return `not closed: it starts at (${first[0]} ${first[1]}) and ends at (${last[0]} ${last[1]}); repeat the first position at the end`;
  }
  if (shoelace(ring as number[][]) === 0) return 'no area (its positions lie on one line)';
  return null;
}

function positionProblem(p: unknown): string | null {
  if (!Array.isArray(p) || p.length < 2 || p.length > 4) return 'not a [longitude, latitude] position';
  const [lon, lat] = p as unknown[];
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    return `(${show(lon)} ${show(lat)}) is not a pair of finite numbers`;
  }
  if (lon < -180 || lon > 180) return `longitude ${lon} is outside the accepted range -180 to 180 degrees`;
  if (lat < -90 || lat > 90) return `latitude ${lat} is outside the accepted range -90 to 90 degrees (are longitude and latitude swapped?)`;
  return null;
}

function show(v: unknown): string {
  return (typeof v === 'string' ? JSON.stringify(v) : typeof v === 'object' ? JSON.stringify(v) ?? String(v) : String(v)).slice(0, 20);
}

/** Twice the planar signed area, relative to the first position (precision far from the origin). */
function shoelace(ring: number[][]): number {
  const [x0, y0] = ring[0];
  let a = 0;
  for (let i = 1; i + 1 < ring.length; i++) a += (ring[i][0] - x0) * (ring[i + 1][1] - y0) - (ring[i + 1][0] - x0) * (ring[i][1] - y0);
  return a;
}
